package bot

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/readout/readout/answer"
	"github.com/readout/readout/internal/testsupport"
)

// TestLoadAsksAndFollowUps sends 500 questions from 50 users over about two
// seconds, half of them /ask and half follow-ups in answer threads, to a
// model that takes 1–3 s per answer. Every /ask is acknowledged within
// Discord's deadline; every question is answered exactly once or told it
// is busy; none is lost; the per-user cooldown holds; the heap comes back.
// Figures are logged for BENCHMARKS.md: go test ./bot -run TestLoad -v
func TestLoadAsksAndFollowUps(t *testing.T) {
	if testing.Short() {
		t.Skip("load test: about 10 s; skipped with -short")
	}
	t.Parallel()
	const (
		users    = 50
		perUser  = 10
		threads  = 5
		cooldown = 500 * time.Millisecond
	)
	var heapBefore runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&heapBefore)

	var mu sync.Mutex
	calls := map[string]int{}            // question → times answered
	admitted := map[string][]time.Time{} // user → when their questions began
	userOf := func(q string) string {    // questions are "<kind>-<user>-<k>?"
		parts := strings.Split(strings.TrimSuffix(q, "?"), "-")
		if len(parts) != 3 {
			return ""
		}
		return parts[1]
	}
	fa := &fakeAnswerer{fn: func(ctx context.Context, q string, _ []answer.Turn, onPartial func(string)) (*answer.Answer, error) {
		mu.Lock()
		calls[q]++
		if u := userOf(q); u != "" {
			admitted[u] = append(admitted[u], time.Now())
		}
		mu.Unlock()
		onPartial("Working on " + q)
		// The model's latency (1–3 s), not synchronisation.
		select {
		case <-time.After(time.Second + rand.N(2*time.Second)):
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		return sampleAnswer("Answer to " + q + " [1]."), nil
	}}
	h := start(t, Config{MessageContent: true, Cooldown: cooldown, MaxInFlight: 64, EditInterval: 200 * time.Millisecond}, Deps{Answerer: fa})

	// Answer threads for the follow-ups.
	for k := 0; k < threads; k++ {
		h.d.SendInteraction(testsupport.Interaction{Command: "ask", UserID: fmt.Sprint(9000 + k),
			Options: []*discordgo.ApplicationCommandInteractionDataOption{testsupport.Opt("question", fmt.Sprintf("seed %d?", k))}})
	}
	h.wait("threads", func() bool { return len(h.d.Threads()) == threads })
	ths := h.d.Threads()

	type sent struct {
		q, interaction, message, thread string
	}
	var all []sent
	var amu sync.Mutex
	var wg sync.WaitGroup
	began := time.Now()
	for u := 0; u < users; u++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			user := fmt.Sprint(5000 + u)
			for k := 0; k < perUser; k++ {
				// Spread each user's questions over about two seconds.
				time.Sleep(time.Duration(rand.N(400)) * time.Millisecond)
				var s sent
				if k%2 == 0 {
					s.q = fmt.Sprintf("ask-%s-%d?", user, k)
					in := h.d.SendInteraction(testsupport.Interaction{Command: "ask", UserID: user,
						Options: []*discordgo.ApplicationCommandInteractionDataOption{testsupport.Opt("question", s.q)}})
					s.interaction = in.ID
				} else {
					s.q = fmt.Sprintf("fu-%s-%d?", user, k)
					s.thread = ths[u%threads].ID
					s.message = h.d.SendMessage(testsupport.UserMessage{ChannelID: s.thread, AuthorID: user, Content: s.q}).ID
				}
				amu.Lock()
				all = append(all, s)
				amu.Unlock()
			}
		}()
	}
	wg.Wait()
	sendTime := time.Since(began)

	// Every /ask settles (answer or busy); every follow-up gets an answer
	// or a busy reply in its thread.
	followOutcome := func(s sent) (answered, busy int) {
		for _, m := range h.d.Messages(s.thread) {
			if strings.HasPrefix(m.Content, "> "+s.q) && strings.Contains(m.Content, "Answer to "+s.q) {
				answered++
			}
			if m.MessageReference != nil && m.MessageReference.MessageID == s.message && strings.Contains(m.Content, "busy") {
				busy++
			}
		}
		return answered, busy
	}
	done := make([]bool, len(all)) // settled ones need no second look
	h.wait("every question answered or told busy", func() bool {
		for i, s := range all {
			if done[i] {
				continue
			}
			if s.interaction != "" {
				if !h.settled(s.interaction) {
					return false
				}
			} else if a, b := followOutcome(s); a+b == 0 {
				return false
			}
			done[i] = true
		}
		return true
	})
	total := time.Since(began)

	// Count from one copy of each thread's messages.
	byThread := map[string][]*discordgo.Message{}
	for _, th := range ths {
		byThread[th.ID] = h.d.Messages(th.ID)
	}
	countIn := func(s sent) (answered, busy int) {
		for _, m := range byThread[s.thread] {
			if strings.HasPrefix(m.Content, "> "+s.q) && strings.Contains(m.Content, "Answer to "+s.q) {
				answered++
			}
			if m.MessageReference != nil && m.MessageReference.MessageID == s.message && strings.Contains(m.Content, "busy") {
				busy++
			}
		}
		return answered, busy
	}
	var lat []time.Duration
	var answered, busy, late int
	for _, s := range all {
		if s.interaction == "" {
			a, b := countIn(s)
			if a+b != 1 {
				t.Errorf("follow-up %s: %d answers and %d busy replies, want exactly one", s.q, a, b)
			}
			answered += a
			busy += b
			continue
		}
		r := h.d.Response(s.interaction)
		lat = append(lat, r.Latency)
		if r.Latency > 3*time.Second {
			late++
		}
		switch c := r.Original.Content; {
		case strings.Contains(c, "Answer to "+s.q):
			answered++
		case strings.Contains(c, "busy"):
			busy++
		default:
			t.Errorf("/ask %s ended as %q", s.q, c)
		}
	}
	mu.Lock()
	for q, n := range calls {
		if n != 1 {
			t.Errorf("%s answered %d times", q, n)
		}
	}
	if len(calls)-threads != answered {
		t.Errorf("the answerer ran %d questions, %d answers were delivered", len(calls)-threads, answered)
	}
	for u, ts := range admitted {
		for i := 1; i < len(ts); i++ {
			// The limiter admits a question before the bot acknowledges it
			// and reads the thread, and only then does the answerer note
			// the time; under load that delay varies by up to a few
			// hundred ms, so allow half the cooldown. Without a cooldown
			// a user's questions, 0–400 ms apart, fail this at once.
			if gap := ts[i].Sub(ts[i-1]); gap < cooldown/2 {
				t.Errorf("user %s admitted twice within %v (cooldown %v)", u, gap, cooldown)
			}
		}
	}
	mu.Unlock()
	if late > 0 {
		t.Errorf("%d interactions acknowledged after Discord's 3 s", late)
	}
	if answered+busy != users*perUser {
		t.Errorf("%d answered + %d busy = %d, want %d: questions were lost", answered, busy, answered+busy, users*perUser)
	}
	if err := h.shutdown(); err != nil {
		t.Fatal(err)
	}
	var heapAfter runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&heapAfter)
	growth := int64(heapAfter.HeapAlloc) - int64(heapBefore.HeapAlloc)
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	t.Logf("load: %d questions from %d users sent in %v, all settled in %v; answered %d, busy %d; /ask ack latency p50 %v p99 %v max %v; heap %d KB before, %d KB after shutdown (%+d KB)",
		users*perUser, users, sendTime.Round(time.Millisecond), total.Round(time.Millisecond), answered, busy,
		lat[len(lat)/2], lat[len(lat)*99/100], lat[len(lat)-1], heapBefore.HeapAlloc>>10, heapAfter.HeapAlloc>>10, growth>>10)
	// Bounded: the fake Discord keeps every request and message it saw
	// (a few MB here); the bot's own state must not grow with the load.
	if growth > 64<<20 {
		t.Errorf("heap grew by %d MB over the load", growth>>20)
	}
	checkRequests(t, h.d)
}

package bot

import (
	"context"
	"errors"
	"net/http"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/readout/readout/answer"
	"github.com/readout/readout/internal/testsupport"
)

func TestGatewayDropMidAnswerResumes(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	fa := &fakeAnswerer{fn: func(ctx context.Context, q string, _ []answer.Turn, _ func(string)) (*answer.Answer, error) {
		if q == "slow?" {
			<-release
		}
		return sampleAnswer("Answer about " + q + " [1]."), nil
	}}
	h := start(t, Config{}, Deps{Answerer: fa})
	slow := h.ask("slow?")
	h.wait("acknowledged", func() bool { return h.d.Response(slow.ID).Acked })
	h.heartbeating()
	h.d.DropConnection()
	next := h.ask("next?") // dispatched while the bot is disconnected
	close(release)
	h.wait("both answered", func() bool { return h.settled(slow.ID) && h.settled(next.ID) })
	if ids, resumes, _ := h.d.GatewayStats(); ids != 1 || resumes < 1 {
		t.Errorf("identifies=%d resumes=%d: want the session resumed, not re-identified", ids, resumes)
	}
	if c := h.d.Response(next.ID).Original.Content; !strings.Contains(c, "Answer about next?") {
		t.Errorf("answer after resume: %q", c)
	}
}

// A portal that does not grant the Message Content intent: the bot says so
// with what to do and serves without it: /ask is still answered.
func TestRefusedMessageContentServesWithoutIt(t *testing.T) {
	t.Parallel()
	d := testsupport.NewDiscord(t)
	d.SetMessageContentAllowed(false)
	h := startOn(t, d, Config{MessageContent: true}, Deps{Answerer: echoAnswerer()})
	_, _, intents := d.GatewayStats()
	if intents&discordgo.IntentMessageContent != 0 {
		t.Errorf("the bot still identifies with the Message Content intent: %b", intents)
	}
	in := h.ask("What did Spokesperson Jane Example say?")
	h.wait("answered without the intent", func() bool { return h.settled(in.ID) })
	if err := h.shutdown(); err != nil {
		t.Fatal(err)
	}
	if logs := h.logs.String(); !strings.Contains(logs, "Privileged Gateway Intents") {
		t.Errorf("the refusal was not reported with what to do:\n%s", logs)
	}
}

func TestFatalCloseStopsRunWithAdvice(t *testing.T) {
	t.Parallel()
	t.Run("at connection", func(t *testing.T) {
		t.Parallel()
		d := testsupport.NewDiscord(t)
		b, err := New(Config{Token: "not-the-token", APIURL: d.URL}, Deps{Answerer: echoAnswerer(), Logger: discardLogger()})
		if err != nil {
			t.Fatal(err)
		}
		b.Session().LogLevel = -1
		err = b.Run(context.Background())
		var fe *FatalCloseError
		if !errors.As(err, &fe) || fe.Code != 4004 || !strings.Contains(err.Error(), "DISCORD_TOKEN") {
			t.Fatalf("Run: %v", err)
		}
	})
	t.Run("after a successful connection", func(t *testing.T) {
		t.Parallel()
		h := start(t, Config{MessageContent: true}, Deps{Answerer: echoAnswerer()})
		h.heartbeating()
		h.d.CloseWith(4014)
		select {
		case err := <-h.done:
			h.once.Do(func() {}) // Run has returned: nothing left to stop
			var fe *FatalCloseError
			if !errors.As(err, &fe) || fe.Code != 4014 || !strings.Contains(err.Error(), "Message Content Intent") {
				t.Fatalf("Run: %v", err)
			}
		case <-h.ctx.Done():
			t.Fatal("Run kept reconnecting after a fatal close")
		}
	})
	t.Run("while reconnecting", func(t *testing.T) {
		t.Parallel()
		h := start(t, Config{}, Deps{Answerer: echoAnswerer()})
		h.heartbeating()
		h.d.DropConnection()
		h.d.CloseWith(4004) // the token was reset meanwhile: every reconnection is refused
		select {
		case err := <-h.done:
			h.once.Do(func() {})
			var fe *FatalCloseError
			if !errors.As(err, &fe) || fe.Code != 4004 || !strings.Contains(err.Error(), "DISCORD_TOKEN") {
				t.Fatalf("Run: %v", err)
			}
		case <-h.ctx.Done():
			t.Fatal("Run kept reconnecting after a fatal close")
		}
	})
}

func TestShutdownFinishesAnswersInProgress(t *testing.T) {
	t.Parallel()
	started := make(chan struct{})
	release := make(chan struct{})
	fa := &fakeAnswerer{fn: func(ctx context.Context, q string, _ []answer.Turn, _ func(string)) (*answer.Answer, error) {
		close(started)
		<-release
		return sampleAnswer("Finished [1]."), nil
	}}
	h := start(t, Config{}, Deps{Answerer: fa})
	in := h.ask("long one?")
	<-started
	done := make(chan error, 1)
	go func() { done <- h.shutdown() }()
	// New questions are refused while shutting down, but still acknowledged.
	<-h.b.stopping
	late := h.ask("too late?")
	h.wait("late refused", func() bool { return h.settled(late.ID) })
	if c := h.d.Response(late.ID).Original.Content; !strings.Contains(c, "restarting") {
		t.Errorf("late question: %q", c)
	}
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if !h.settled(in.ID) || !strings.Contains(h.d.Response(in.ID).Original.Content, "Finished") {
		t.Errorf("answer in progress not delivered before shutdown: %+v", h.d.Response(in.ID).Original)
	}
}

func TestRateLimitedEditStillDelivers(t *testing.T) {
	t.Parallel()
	h := start(t, Config{}, Deps{Answerer: echoAnswerer()})
	h.d.RateLimit(http.MethodPatch, "/messages/@original", 2, 20*time.Millisecond)
	in := h.ask("rate limited?")
	h.wait("answer", func() bool { return h.settled(in.ID) })
	if n := len(h.d.Requests(func(r testsupport.Request) bool { return r.Status == 429 })); n != 2 {
		t.Errorf("%d rate-limited requests, want 2", n)
	}
}

// A passing server error from Discord on an answer's edit is retried: one
// 500 or 503 lost the whole answer. A new message that met a server error
// is not sent again (Discord may have stored it): it is posted once.
func TestDiscordServerErrorsAreRetriedWhenSafe(t *testing.T) {
	t.Parallel()
	for _, status := range []int{http.StatusInternalServerError, http.StatusServiceUnavailable, http.StatusGatewayTimeout} {
		h := start(t, Config{}, Deps{Answerer: echoAnswerer()})
		h.d.Fail(http.MethodPatch, "/messages/@original", 1, status, 0, http.StatusText(status))
		in := h.ask("server error?")
		h.wait("answer", func() bool { return h.settled(in.ID) })
		if c := h.d.Response(in.ID).Original.Content; !strings.Contains(c, "Answer about server error?") {
			t.Errorf("%d: %q", status, c)
		}
		edits := h.d.Requests(func(r testsupport.Request) bool {
			return r.Method == http.MethodPatch && strings.HasSuffix(r.Path, "/messages/@original")
		})
		if len(edits) != 2 || edits[0].Status != status {
			t.Errorf("%d: %d edits, want the failed one and its retry", status, len(edits))
		}
	}
	h := start(t, Config{}, Deps{Answerer: echoAnswerer()})
	h.d.Fail(http.MethodPost, "/channels/"+h.d.ChannelID+"/messages", 1, http.StatusInternalServerError, 0, "Internal Server Error")
	if _, err := h.b.send(h.d.ChannelID, "once", nil, nil); err == nil {
		t.Error("a new message that met a server error reported success")
	}
	posts := h.d.Requests(func(r testsupport.Request) bool {
		return r.Method == http.MethodPost && strings.HasSuffix(r.Path, "/channels/"+h.d.ChannelID+"/messages")
	})
	if len(posts) != 1 {
		t.Errorf("a new message was sent %d times after a server error, want once", len(posts))
	}
}

func TestExpiredTokenPostsInChannel(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	fa := &fakeAnswerer{fn: func(ctx context.Context, q string, _ []answer.Turn, _ func(string)) (*answer.Answer, error) {
		<-release
		return sampleAnswer("Late but here [1]."), nil
	}}
	h := start(t, Config{}, Deps{Answerer: fa})
	in := h.ask("very slow?")
	h.wait("acknowledged", func() bool { return h.d.Response(in.ID).Acked })
	h.d.Advance(16 * time.Minute) // the interaction token is now invalid
	close(release)
	h.wait("posted in channel", func() bool {
		for _, m := range h.d.Messages(h.d.ChannelID) {
			if strings.Contains(m.Content, "Late but here") {
				return true
			}
		}
		return false
	})
	checkRequests(t, h.d)
}

// TestAckLatencyUnderLoad sends 100 simultaneous /ask and checks each is
// acknowledged (deferred, or with its place in the queue) before the fake's
// 3 s deadline would have refused it; it logs the acknowledgement latency
// (dispatch to the fake's receipt) but asserts no speed, which depends on
// the machine. Run: go test ./bot -run AckLatency -v
func TestAckLatencyUnderLoad(t *testing.T) {
	t.Parallel()
	fa := &fakeAnswerer{fn: func(ctx context.Context, q string, _ []answer.Turn, onPartial func(string)) (*answer.Answer, error) {
		onPartial("partial")
		return sampleAnswer("Answer [1]."), nil
	}}
	h := start(t, Config{}, Deps{Answerer: fa})
	const n = 100
	ids := make([]string, n)
	var wg sync.WaitGroup
	for k := 0; k < n; k++ {
		wg.Add(1)
		go func(k int) {
			defer wg.Done()
			in := h.d.SendInteraction(testsupport.Interaction{Command: "ask", UserID: formatInt(int64(5000 + k)),
				Options: []*discordgo.ApplicationCommandInteractionDataOption{testsupport.Opt("question", "q")}})
			ids[k] = in.ID
		}(k)
	}
	wg.Wait()
	h.wait("all answered", func() bool {
		for _, id := range ids {
			if !h.settled(id) {
				return false
			}
		}
		return true
	})
	lat := make([]time.Duration, 0, n)
	for _, id := range ids {
		r := h.d.Response(id)
		// Deferred ("thinking"), or a message with the place in the queue.
		if r.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource && r.Type != discordgo.InteractionResponseChannelMessageWithSource {
			t.Errorf("interaction %s acknowledged with type %d", id, r.Type)
		}
		lat = append(lat, r.Latency)
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	p50, p99 := lat[n/2], lat[n*99/100]
	t.Logf("ack latency over %d simultaneous /ask: p50 %v, p99 %v, max %v", n, p50, p99, lat[n-1])
}

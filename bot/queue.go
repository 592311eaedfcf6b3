package bot

import (
	"context"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/readout/readout/telemetry"
)

// lane is a pool of answer slots with a fair queue in front of it. The bot
// has two: model answers, bounded by what the model server can take
// (model.max_concurrency), and quick ones (extractive answers), bounded by
// the CPUs, so a quick answer never waits behind a model answer.
//
// The queue serves users round-robin: each user has a first-in first-out
// list, and the users with questions waiting take turns, so one member's
// ten questions hold back each other member by one question at most. It
// is bounded in length and in one user's share; a follow-up is never
// refused, so it passes both bounds (it still waits its turn).
type lane struct {
	name    string
	metrics *telemetry.Metrics
	now     func() time.Time

	mu         sync.Mutex
	slots      int
	maxLen     int // questions waiting, not counting follow-ups beyond it
	maxPerUser int // one user's questions waiting or running
	running    int
	runningBy  map[string]int
	ring       []string // users with questions waiting, in serving order
	waiting    map[string][]*ticket
	queued     int
}

// ticket is one question's place in a lane.
type ticket struct {
	user     string
	ready    chan struct{} // closed when a slot is the ticket's
	admitted bool          // guarded by lane.mu
	enqueued time.Time
}

// refusal says why a lane refused a question: the reason labels the
// refusals metric and the message tells the asker why and when to retry.
type refusal struct{ reason, msg string }

func newLane(name string, slots, maxLen, maxPerUser int, m *telemetry.Metrics, now func() time.Time) *lane {
	return &lane{name: name, metrics: m, now: now, slots: max(slots, 1), maxLen: maxLen, maxPerUser: maxPerUser,
		runningBy: map[string]int{}, waiting: map[string][]*ticket{}}
}

// enter gives user a place: a slot at once when one is free and nobody
// waits, else a place at the end of the user's list. Beyond the bounds it
// refuses. A follow-up (followUp) passes the queue's length, so a
// conversation under way is never refused because others are waiting, but
// not one member's share: anyone can post in a public answer thread, and
// without the share one member's messages there could fill the queue.
func (l *lane) enter(user string, followUp bool, now time.Time) (*ticket, *refusal) {
	l.mu.Lock()
	defer l.mu.Unlock()
	t := &ticket{user: user, ready: make(chan struct{}), enqueued: now}
	if l.running < l.slots && l.queued == 0 {
		l.admitLocked(t)
		return t, nil
	}
	if l.maxPerUser > 0 && len(l.waiting[user])+l.runningBy[user] >= l.maxPerUser {
		return nil, &refusal{reason: "user_share", msg: "You already have " + plural(len(l.waiting[user])+l.runningBy[user], "question") +
			" waiting or being answered, the most one member may have at once; ask again when one of them is answered."}
	}
	if !followUp {
		if l.maxLen > 0 && l.queued >= l.maxLen {
			return nil, &refusal{reason: "queue_full", msg: "The queue is full: " + plural(l.queued, "question") +
				" are waiting for an answer. Please ask again in a few minutes."}
		}
	}
	if len(l.waiting[user]) == 0 {
		l.ring = append(l.ring, user)
	}
	l.waiting[user] = append(l.waiting[user], t)
	l.queued++
	l.metrics.QueueLength(l.name, l.queued)
	return t, nil
}

func (l *lane) admitLocked(t *ticket) {
	t.admitted = true
	l.running++
	l.runningBy[t.user]++
	close(t.ready)
	l.metrics.QueueWait(l.name, l.now().Sub(t.enqueued).Seconds())
	l.metrics.QueueLength(l.name, l.queued)
}

// leave takes t out of the lane: out of the queue when it waits, or
// giving back its slot when it has one.
func (l *lane) leave(t *ticket) {
	l.mu.Lock()
	if t.admitted {
		l.mu.Unlock()
		l.release(t)
		return
	}
	defer l.mu.Unlock()
	list := l.waiting[t.user]
	for i, w := range list {
		if w == t {
			l.waiting[t.user] = append(list[:i:i], list[i+1:]...)
			l.queued--
			break
		}
	}
	if len(l.waiting[t.user]) == 0 {
		delete(l.waiting, t.user)
		for i, u := range l.ring {
			if u == t.user {
				l.ring = append(l.ring[:i:i], l.ring[i+1:]...)
				break
			}
		}
	}
	l.metrics.QueueLength(l.name, l.queued)
}

// release gives back the ticket's slot and hands it to the next user in
// turn, who goes to the end of the turn order.
func (l *lane) release(t *ticket) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.running--
	if l.runningBy[t.user]--; l.runningBy[t.user] <= 0 {
		delete(l.runningBy, t.user)
	}
	for l.running < l.slots && len(l.ring) > 0 {
		u := l.ring[0]
		l.ring = l.ring[1:]
		list := l.waiting[u]
		next := list[0]
		if len(list) > 1 {
			l.waiting[u] = list[1:]
			l.ring = append(l.ring, u)
		} else {
			delete(l.waiting, u)
		}
		l.queued--
		l.admitLocked(next)
	}
}

// ahead counts the questions that will get a slot before t, or -1 once t
// has one. With the users in serving order, t (the k-th of its user's
// list) is served in round k: before it go every user's first k questions
// and, in round k, those of the users before t's user in the order.
func (l *lane) ahead(t *ticket) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	if t.admitted {
		return -1
	}
	k := 0
	for i, w := range l.waiting[t.user] {
		if w == t {
			k = i
			break
		}
	}
	n, before := 0, true
	for _, u := range l.ring {
		c := len(l.waiting[u])
		if u == t.user {
			before = false
			n += k
			continue
		}
		n += min(c, k)
		if before && c > k {
			n++
		}
	}
	return n
}

// laneStatus is a lane's state for /corpus status.
type laneStatus struct {
	Running, Slots, Queued, Users int
}

func (l *lane) status() laneStatus {
	l.mu.Lock()
	defer l.mu.Unlock()
	return laneStatus{Running: l.running, Slots: l.slots, Queued: l.queued, Users: len(l.ring)}
}

// queuedPrefix starts the message of a question waiting its turn.
const queuedPrefix = "Queued — "

// queuedMessage is what a question waiting its turn shows.
func queuedMessage(ahead int) string {
	if ahead == 0 {
		return queuedPrefix + "yours is next."
	}
	return queuedPrefix + plural(ahead, "question") + " ahead of yours."
}

// tokenLife is how long Discord accepts an interaction's token: its reply
// can be edited, and follow-ups sent, for 15 minutes after the interaction.
const tokenLife = 15 * time.Minute

// placeEdits bounds the edits that show queue places, over all waiting
// questions: Discord's global limit is 50 requests a second and answers
// need most of them. An edit refused by the budget is tried again at the
// next interval, so a long queue updates each place less often.
const placeEditsPerSecond = 10

// quickSlots is how many extractive answers run at once: each is a few
// milliseconds of CPU work, so one per CPU keeps the machine busy without
// piling up.
func quickSlots() int { return max(runtime.GOMAXPROCS(0), 2) }

// laneFor is the lane answers take: the model's when the Answerer calls a
// chat model, the quick one for extractive answers.
func (b *Bot) laneFor() *lane {
	if b.cfg.ModelAnswers {
		return b.model
	}
	return b.quick
}

// queuedText is a waiting question's message: the question, its place.
func queuedText(q string, ahead int) string { return questionHeader(q) + queuedMessage(ahead) }

// isQueuedText reports an answer message that still shows a place in the
// queue instead of an answer.
func isQueuedText(rest string) bool { return strings.HasPrefix(rest, queuedPrefix) }

// waitTurn waits for t's slot. Meanwhile it shows the place with show, at
// most once per QueueEditInterval, when the place changed and the edit
// budget allows. Once startBy (when not zero) has passed, it calls expire
// instead, once: the reply can no longer be edited in time. It returns an
// error when the bot stops first; t has then left the queue.
func (b *Bot) waitTurn(l *lane, t *ticket, shown int, show func(ahead int) error, startBy time.Time, expire func(ahead int)) error {
	tick := time.NewTicker(b.cfg.QueueEditInterval)
	defer tick.Stop()
	expired := false
	for {
		select {
		case <-t.ready:
			return nil
		case <-b.stopping:
			l.leave(t)
			return context.Canceled
		case <-tick.C:
		}
		n := l.ahead(t)
		switch {
		case n < 0 || expired: // admitted (ready is closed), or nothing left to show
		case !startBy.IsZero() && !b.now().Before(startBy):
			expired = true
			expire(n)
		case n != shown && b.placeEdits.Allow():
			if err := show(n); err != nil {
				b.log.Debug("show queue place", "error", err)
			} else {
				shown = n
			}
		}
	}
}

// queueStatus describes the lanes for /corpus status.
func (b *Bot) queueStatus() string {
	describe := func(what string, st laneStatus) string {
		s := what + ": " + strconv.Itoa(st.Running) + " of " + strconv.Itoa(st.Slots) + " being answered"
		if st.Queued > 0 {
			s += ", " + strconv.Itoa(st.Queued) + " waiting from " + plural(st.Users, "member")
		} else {
			s += ", none waiting"
		}
		return s
	}
	s := "**Questions**: " + describe("model answers", b.model.status()) + "; " + describe("quick answers", b.quick.status()) + "."
	if !b.cfg.ModelAnswers {
		s = "**Questions**: " + describe("answers", b.quick.status()) + "."
	}
	return s
}

package bot

import (
	"math"
	"strconv"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
	"golang.org/x/time/rate"

	"github.com/readout/readout/answer"
)

// askLimiter is one member's rate of a command (/ask; /verify and Check
// quotes share another): a token bucket per user
// (golang.org/x/time/rate) that refills at perMinute questions a minute and
// holds burst of them, so a member can ask a few questions in a row and then
// one every 60/perMinute seconds. It only stops abuse: thread follow-ups and
// moderators never meet it, and load is the queue's business, not its.
type askLimiter struct {
	mu    sync.Mutex
	every rate.Limit // tokens a second; 0: no limit
	burst int
	users map[string]*rate.Limiter
}

func newAskLimiter(perMinute, burst int) *askLimiter {
	l := &askLimiter{burst: max(burst, 1), users: map[string]*rate.Limiter{}}
	if perMinute > 0 {
		l.every = rate.Limit(float64(perMinute) / 60)
	}
	return l
}

// forgetAbove bounds the users remembered: past it, users whose bucket is
// full again (they have not asked for a while) are forgotten, which changes
// nothing for them.
const forgetAbove = 10000

// take spends one of user's questions at now. When none is left it spends
// nothing and returns how long until the next one; undo gives the question
// back (when the queue then refuses it).
func (l *askLimiter) take(user string, now time.Time) (wait time.Duration, undo func()) {
	if l == nil || l.every == 0 {
		return 0, func() {}
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	lim := l.users[user]
	if lim == nil {
		if len(l.users) >= forgetAbove {
			for u, ul := range l.users {
				if ul.TokensAt(now) >= float64(l.burst) {
					delete(l.users, u)
				}
			}
		}
		lim = rate.NewLimiter(l.every, l.burst)
		l.users[user] = lim
	}
	r := lim.ReserveN(now, 1)
	if d := r.DelayFrom(now); d > 0 {
		r.CancelAt(now)
		return d, nil
	}
	return 0, func() { r.CancelAt(now) }
}

// rateMessage tells a member who asked too often that the limit is theirs
// (not the bot being busy) and when the next question is possible.
func rateMessage(perMinute, burst int, wait time.Duration) string {
	return limitMessage("question", perMinute, burst, wait) + "; follow-ups in an answer's thread are not limited."
}

// checkRateMessage is rateMessage for /verify and Check quotes.
func checkRateMessage(perMinute, burst int, wait time.Duration) string {
	return limitMessage("check", perMinute, burst, wait) + "."
}

// limitMessage says a member's limit is theirs, what it is, and when the
// next of what (a question, a check) is possible.
func limitMessage(what string, perMinute, burst int, wait time.Duration) string {
	s := int(math.Ceil(wait.Seconds()))
	if s < 1 {
		s = 1
	}
	at := ""
	if burst > 1 {
		at = ", " + strconv.Itoa(burst) + " at once"
	}
	return "This limit is per member: " + plural(perMinute, what) + " a minute" + at + ". Your next " + what + " is possible in " +
		strconv.Itoa(s) + " s"
}

// plural spells a count with its noun ("1 question", "3 questions").
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// recent is a bounded map that forgets its oldest keys first. The bot
// keeps two: recent answers by the key their buttons carry (so Show
// passages and feedback work without another store; after a restart or
// eviction the buttons fall back gracefully), and which channels are
// threads it opened (so a message costs no REST call to classify).
type recent[V any] struct {
	mu    sync.Mutex
	max   int
	order []string
	m     map[string]V
}

func newRecent[V any](max int) *recent[V] {
	return &recent[V]{max: max, m: map[string]V{}}
}

// get returns the value for key and whether it is known.
func (c *recent[V]) get(key string) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[key]
	return v, ok
}

// put stores v, forgetting the oldest keys beyond max.
func (c *recent[V]) put(key string, v V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.m[key]; !ok {
		c.order = append(c.order, key)
	}
	c.m[key] = v
	for len(c.order) > c.max {
		delete(c.m, c.order[0])
		c.order = c.order[1:]
	}
}

// cachedAnswer is what the answer buttons need of an answer.
type cachedAnswer struct {
	Question string
	Answer   *answer.Answer
	Private  bool // seen by the asker alone: never logged
}

// enterQuick admits a member's quick command (/search, /verify, Check
// quotes) to the quick lane: a member who is not a moderator first takes
// a token from bucket, refused with limited(wait) when none is left; then a
// place in the lane, refused with the lane's reason (the token given
// back). A refusal is counted, answered privately and reported as nil.
func (b *Bot) enterQuick(i *discordgo.Interaction, command string, bucket *askLimiter, limited func(wait time.Duration) string) *ticket {
	user := interactionUser(i).ID
	arrived := b.now()
	giveBack := func() {}
	if !b.isModerator(i) {
		wait, undo := bucket.take(user, arrived)
		if undo == nil {
			b.count(command, "rate_limited")
			b.deps.Metrics.Refusal("rate")
			b.replyEphemeral(i, limited(wait))
			return nil
		}
		giveBack = undo
	}
	t, no := b.quick.enter(user, false, arrived)
	if no != nil {
		giveBack()
		b.count(command, no.reason)
		b.deps.Metrics.Refusal(no.reason)
		b.replyEphemeral(i, no.msg)
		return nil
	}
	return t
}

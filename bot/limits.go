package bot

import (
	"math"
	"strconv"
	"sync"
	"time"

	"github.com/readout/readout/answer"
)

// limiter enforces the per-user cooldown and the bound on answers in
// progress. A refused question is still acknowledged, with a "busy" reply.
type limiter struct {
	mu       sync.Mutex
	cooldown time.Duration
	max      int
	inFlight int
	last     map[string]time.Time
}

func newLimiter(cooldown time.Duration, max int) *limiter {
	return &limiter{cooldown: cooldown, max: max, last: map[string]time.Time{}}
}

// acquire takes a slot for user; when refused it returns how long to wait.
func (l *limiter) acquire(user string) (release func(), wait time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := time.Now()
	if t, ok := l.last[user]; ok && l.cooldown > 0 {
		if left := l.cooldown - now.Sub(t); left > 0 {
			return nil, left
		}
	}
	if l.inFlight >= l.max {
		return nil, 10 * time.Second
	}
	l.inFlight++
	l.last[user] = now
	if len(l.last) > 10000 { // forget users whose cooldown is long over
		for u, t := range l.last {
			if now.Sub(t) > l.cooldown {
				delete(l.last, u)
			}
		}
	}
	var once sync.Once
	return func() {
		once.Do(func() {
			l.mu.Lock()
			l.inFlight--
			l.mu.Unlock()
		})
	}, 0
}

func busyMessage(wait time.Duration) string {
	s := int(math.Ceil(wait.Seconds()))
	if s < 1 {
		s = 1
	}
	return "I'm busy with other questions right now; try again in " + strconv.Itoa(s) + " s."
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

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

// answerCache keeps recent answers by key (the id carried by their
// buttons) so Show passages and feedback work without another store. It is
// bounded; after a restart or eviction the buttons fall back gracefully.
type answerCache struct {
	mu    sync.Mutex
	max   int
	order []string
	m     map[string]*cachedAnswer
}

type cachedAnswer struct {
	Question string
	Answer   *answer.Answer
	Private  bool // seen by the asker alone: never logged
}

func newAnswerCache(max int) *answerCache {
	return &answerCache{max: max, m: map[string]*cachedAnswer{}}
}

func (c *answerCache) put(key string, v *cachedAnswer) {
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

func (c *answerCache) get(key string) *cachedAnswer {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.m[key]
}

// threadCache remembers which channels are threads the bot opened, so a
// message does not cost a REST call to classify its channel.
type threadCache struct {
	mu    sync.Mutex
	max   int
	order []string
	m     map[string]bool
}

func newThreadCache(max int) *threadCache {
	return &threadCache{max: max, m: map[string]bool{}}
}

func (c *threadCache) get(id string) (ours, known bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	ours, known = c.m[id]
	return ours, known
}

func (c *threadCache) put(id string, ours bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.m[id]; !ok {
		c.order = append(c.order, id)
	}
	c.m[id] = ours
	for len(c.order) > c.max {
		delete(c.m, c.order[0])
		c.order = c.order[1:]
	}
}

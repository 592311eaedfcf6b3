package bot

import (
	"strings"
	"testing"
	"time"
)

// TestLaneServesUsersInTurn: with one slot taken, questions queued by
// several users are served round-robin, each user's in their order, and
// the places shown count exactly the questions served before.
func TestLaneServesUsersInTurn(t *testing.T) {
	for _, tc := range []struct {
		name   string
		arrive []string // users, in order of arrival
		want   string   // order served
	}{
		{"one user", []string{"a", "a", "a"}, "a a a"},
		{"a heavy user does not hold back others", []string{"a", "a", "a", "a", "b", "c"}, "a b c a a a"},
		{"late users join the current round", []string{"a", "b", "a", "b", "c"}, "a b c a b"},
		{"interleaved", []string{"a", "b", "b", "b", "a", "c", "c"}, "a b c a b c b"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := newLane("test", 1, 0, 0, nil, time.Now)
			now := time.Unix(0, 0)
			first, _ := l.enter("first", false, now)
			if l.ahead(first) != -1 {
				t.Fatal("a free slot was not taken at once")
			}
			var tickets []*ticket
			for _, u := range tc.arrive {
				tk, no := l.enter(u, false, now)
				if no != nil {
					t.Fatalf("refused: %s", no.msg)
				}
				tickets = append(tickets, tk)
			}
			// The place each ticket shows now is its position in the order.
			ahead := map[*ticket]int{}
			for _, tk := range tickets {
				ahead[tk] = l.ahead(tk)
			}
			var served []string
			holder := first
			for n := 0; n < len(tickets); n++ {
				l.release(holder)
				holder = nil
				for _, tk := range tickets {
					select {
					case <-tk.ready:
						if ahead[tk] >= 0 {
							if ahead[tk] != n {
								t.Errorf("a question of %s showed %d ahead and was served %d-th", tk.user, ahead[tk], n)
							}
							ahead[tk] = -1
							served = append(served, tk.user)
							holder = tk
						}
					default:
					}
				}
				if holder == nil {
					t.Fatal("release admitted nobody")
				}
			}
			if got := strings.Join(served, " "); got != tc.want {
				t.Errorf("served %q, want %q", got, tc.want)
			}
			if st := l.status(); st.Queued != 0 || st.Running != 1 {
				t.Errorf("status after: %+v", st)
			}
		})
	}
}

// TestLaneBounds: past the queue's length or one user's share a question
// is refused with its reason; a follow-up passes the length but not the
// share (anyone may post in a public thread); a question that leaves frees
// its place.
func TestLaneBounds(t *testing.T) {
	now := time.Unix(0, 0)
	l := newLane("test", 1, 3, 2, nil, time.Now)
	l.enter("busy", false, now) // takes the slot
	for _, tc := range []struct {
		user   string
		exempt bool
		reason string
	}{
		{"a", false, ""},
		{"a", false, ""},
		{"a", false, "user_share"},
		{"a", true, "user_share"}, // a follow-up does not pass the share
		{"b", false, ""},
		{"b", false, "queue_full"},
		{"b", true, ""}, // but passes the length
	} {
		tk, no := l.enter(tc.user, tc.exempt, now)
		got := ""
		if no != nil {
			got = no.reason
			if no.msg == "" {
				t.Errorf("%s: refused without a message", tc.user)
			}
		}
		if got != tc.reason {
			t.Errorf("%s (exempt %v): refusal %q, want %q", tc.user, tc.exempt, got, tc.reason)
		}
		if tk == nil && no == nil {
			t.Errorf("%s: neither a ticket nor a refusal", tc.user)
		}
	}
	if st := l.status(); st.Queued != 4 || st.Users != 2 {
		t.Errorf("status %+v, want 4 queued from 2 users", st)
	}
	// The queue is full; one leaving makes room.
	c, _ := l.enter("c", true, now)
	l.leave(c)
	if _, no := l.enter("d", false, now); no == nil || no.reason != "queue_full" {
		t.Errorf("still full: %v", no)
	}
}

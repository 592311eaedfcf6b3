package text

import (
	"strings"
	"testing"
)

func TestChatExpansion(t *testing.T) {
	cases := []struct{ word, want string }{
		{"potus", "president"},
		{"wh", "white house"},
		{"nsc", "national security council"},
		{"govt", "government"},
		{"president", ""},
		{"sullivan", ""},
	}
	for _, tc := range cases {
		if got := strings.Join(ChatExpansion(tc.word), " "); got != tc.want {
			t.Errorf("ChatExpansion(%q) = %q, want %q", tc.word, got, tc.want)
		}
	}
}

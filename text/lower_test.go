package text

import (
	"strings"
	"testing"
)

// TestLowerInPlace: the result is lower case where a character's lower
// case has its length, and every offset of it is the same in the input,
// whatever the input holds.
func TestLowerInPlace(t *testing.T) {
	for in, want := range map[string]string{
		"Press Briefing":     "press briefing",
		"İstanbul Yesterday": "İstanbul yesterday",
		"\u212a9 Unit":       "\u212a9 unit", // the Kelvin sign
		"Bad \xe2\xe2 Bytes": "bad \xe2\xe2 bytes",
		"already lower":      "already lower",
		"ÉLYSÉE":             "élysée",
		"":                   "",
	} {
		got := LowerInPlace(in)
		if got != want || len(got) != len(in) {
			t.Errorf("LowerInPlace(%q) = %q, want %q of %d bytes", in, got, want, len(in))
		}
		if i := strings.Index(got, "yesterday"); i >= 0 && !strings.EqualFold(in[i:i+len("yesterday")], "yesterday") {
			t.Errorf("%q: offset %d of the result is not the word's in the input", in, i)
		}
	}
}

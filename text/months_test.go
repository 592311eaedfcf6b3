package text

import "testing"

func TestIsCalendarWord(t *testing.T) {
	for _, w := range []string{"april", "september", "monday", Stem("monday"), Stem("friday")} {
		if !IsCalendarWord(w) {
			t.Errorf("IsCalendarWord(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"apr", "mar", "lago", "trump", "may day", ""} {
		if IsCalendarWord(w) {
			t.Errorf("IsCalendarWord(%q) = true, want false", w)
		}
	}
}

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

func TestNamesDate(t *testing.T) {
	for _, w := range []string{"September", "SEPT.", "nov", "Monday", "friday"} {
		if !NamesDate(w) {
			t.Errorf("NamesDate(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"Secretary", "Lago", "mondai", ""} {
		if NamesDate(w) {
			t.Errorf("NamesDate(%q) = true, want false", w)
		}
	}
}

package corpus

import (
	"testing"
	"time"
)

// TestTranscriptDatedByItsEvent: a briefing published the day after it
// was held is dated the day its title or preamble gives; a date far from
// publication, or one without a year, is not taken for the event's.
func TestTranscriptDatedByItsEvent(t *testing.T) {
	pub := time.Date(2023, 12, 8, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		title, text, want string
	}{
		{"Press Briefing by Spokesperson Zara Quillfeather, December 7, 2023", "Briefing Room\n\n", "2023-12-07"},
		{"Press Briefing by Spokesperson Zara Quillfeather", "Briefing Room\n\n(December 7, 2023)\n\n1:36 P.M. EST\n\n", "2023-12-07"},
		{"Press Briefing by Spokesperson Zara Quillfeather", "Briefing Room\n\n1:36 P.M. EST\n\n", "2023-12-08"},
		{"Press Briefing on the Anniversary of March 3, 2021", "Briefing Room\n\n", "2023-12-08"},
		{"Press Briefing by Spokesperson Zara Quillfeather", "Briefing Room\n\n(December 7)\n\n", "2023-12-08"},
	}
	for _, tc := range tests {
		d := &Document{ID: "t.txt", Title: tc.title, Date: pub, Format: FormatHeader,
			Text: tc.text + "MS. QUILLFEATHER: Good afternoon.\n\nQ Thank you.\n\nMS. QUILLFEATHER: Next question.\n"}
		ts := computeTurns(d)
		if len(ts) == 0 {
			t.Fatalf("%q: no turns", tc.title)
		}
		for _, tr := range ts {
			if got := tr.DateString(); got != tc.want {
				t.Errorf("%q / %q: turn dated %s, want %s", tc.title, tc.text, got, tc.want)
			}
		}
	}
}

package verify

import (
	"testing"

	"github.com/readout/readout/corpus"
)

func TestSpeakerMatches(t *testing.T) {
	zara := corpus.Speaker{Name: "Zara Quillfeather", Title: "Press Secretary"}
	deputy := corpus.Speaker{Name: "Otto Brambleworth", Title: "Principal Deputy Press Secretary"}
	vice := corpus.Speaker{Name: "Quillfeather", Title: "Vice President"}
	adviser := corpus.Speaker{Name: "Ida Marchbank", Title: "National Security Advisor"}
	doc := &corpus.Document{Speakers: []corpus.Speaker{{Name: "Wren Quillfeather", Title: "Vice President"}}}
	tests := []struct {
		claimed string
		sp      corpus.Speaker
		d       *corpus.Document
		want    bool
	}{
		{"Zara Quillfeather", zara, nil, true},
		{"Quillfeather", zara, nil, true},
		{"Zara", zara, nil, true},
		{"Spokesperson Z. Quillfeather", zara, nil, true},
		{"Zarah Quillfeather", zara, nil, true}, // a first name beginning alike
		{"Otto Quillfeather", zara, nil, false},
		{"Brambleworth", zara, nil, false},
		{"the Press Secretary", zara, nil, true},
		{"White House Press Secretary", zara, nil, true},
		{"the Press Secretary", deputy, nil, false},
		{"the Principal Deputy Press Secretary", deputy, nil, true},
		{"the President", vice, nil, false},
		{"the Vice President", vice, nil, true},
		{"Wren Quillfeather", vice, doc, true},  // the surname-only turn named in full by the document
		{"Zara Quillfeather", vice, doc, false}, // another first name than the document's
		{"Zara Quillfeather", vice, nil, true},  // no first name to hold against
		{"the national security adviser", adviser, nil, true},
		{"she", zara, nil, true},
		{"the White House", deputy, nil, true},
	}
	// The record's full names: the surname with the title, else the
	// surname's only full name.
	full := map[string]string{"quillfeather|vice president": "Wren Quillfeather", "marchbank": "Ida Marchbank"}
	for _, tt := range []struct {
		claimed string
		sp      corpus.Speaker
		want    bool
	}{
		{"Wren Quillfeather", vice, true},
		{"Zara Quillfeather", vice, false},
		{"Ida Marchbank", corpus.Speaker{Name: "Marchbank"}, true},
		{"Eva Marchbank", corpus.Speaker{Name: "Marchbank"}, false},
	} {
		if got := speakerMatches(tt.claimed, tt.sp, nil, full); got != tt.want {
			t.Errorf("speakerMatches(%q, %+v) with the record's names = %v, want %v", tt.claimed, tt.sp, got, tt.want)
		}
	}
	for _, tt := range tests {
		if got := speakerMatches(tt.claimed, tt.sp, tt.d, nil); got != tt.want {
			t.Errorf("speakerMatches(%q, %+v) = %v, want %v", tt.claimed, tt.sp, got, tt.want)
		}
	}
}

package corpus

import (
	"strings"
	"testing"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a\r\nb\rc", "a\nb\nc"},
		{"\uFEFFline  \t\nnext", "line\nnext"},
		{"a\n\n\n\n\nb", "a\n\nb"},
		{"\n\n  \n a\n\n", "a"},
	}
	for _, tt := range tests {
		if got := normalize(tt.in); got != tt.want {
			t.Errorf("normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStripFurniture(t *testing.T) {
	const body = "Spokesperson Jane Example said the talks went well.\n\"We are pleased,\" Example said.\nSam Reporter\nExampletown"
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"clean text stays", body, body},
		{"teasers after a section label, then a call to action",
			body + "\nWorld\n-\nA teaser about something else entirely.\n-\nAnother teaser.\n-\nA third teaser, longer, with two sentences. Here is the second.\nLeave a review",
			body},
		{"teasers with a label and no call to action",
			body + "\nExample Politics\n—\nTeaser one.\n—\nTeaser two.",
			body},
		{"calls to action only", body + "\nShare this article\nLeave a comment\nPrint", body},
		{"related list", body + "\n\nRelated\nExample talks stall\nExample envoy visits", body},
		{"read more list", body + "\nRead more:\nOther story one\nOther story two", body},
		{"excerpts between dashes are content",
			"“First excerpt.”\n\n—\n\n“Second excerpt.”\n\n—\n\nThird excerpt.",
			"“First excerpt.”\n\n—\n\n“Second excerpt.”\n\n—\n\nThird excerpt."},
		{"one dash line is content", body + "\n-\nA closing line.", body + "\n-\nA closing line."},
		{"a long paragraph ends the tail scan",
			body + "\n-\n" + strings.Repeat("Long paragraph of report text. ", 10) + "\n-\n" + strings.Repeat("x", 700) + "\nShare",
			body + "\n-\n" + strings.Repeat("Long paragraph of report text. ", 10) + "\n-\n" + strings.Repeat("x", 700)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := stripFurniture(normalize(tt.in)); got != normalize(tt.want) {
				t.Errorf("stripFurniture =\n%q\nwant\n%q", got, normalize(tt.want))
			}
		})
	}
}

func TestTextConventions(t *testing.T) {
	tests := []struct {
		name, text                   string
		title, outlet, date, capture string
		speakers                     []string
	}{
		{
			name:   "capture prefix, dateline with outlet and weekday",
			text:   " date 2031-03-12 EXAMPLETOWN, MARCH 11, EXAMPLE WIRE. The talks will go on, Spokesperson Jane Example said on Monday.\n\nMore text.",
			title:  "The talks will go on, Spokesperson Jane Example said on Monday.",
			outlet: "EXAMPLE WIRE", date: "2031-03-10", capture: "2031-03-12",
			speakers: []string{"Jane Example"},
		},
		{
			name:  "dateline date when no statement date",
			text:  " date 2031-03-12 EXAMPLETOWN, MARCH 11, EXAMPLE WIRE. Talks went on.",
			title: "Talks went on.", outlet: "EXAMPLE WIRE", date: "2031-03-11", capture: "2031-03-12",
		},
		{
			name:  "year inferred backwards across new year",
			text:  " date 2031-01-05 Example talks resumed, John Sample told reporters on December 30.",
			title: "Example talks resumed, John Sample told reporters on December 30.", date: "2030-12-30", capture: "2031-01-05",
			speakers: []string{"John Sample"},
		},
		{
			name:  "headline, wire dateline, surname resolves",
			text:  "Example Talks Resume\nEXAMPLETOWN (Example Wire) — Envoy John Sample met officials. \"It went well,\" said Sample.",
			title: "Example Talks Resume", outlet: "Example Wire",
			speakers: []string{"John Sample"},
		},
		{
			name:  "non-persons are not speakers",
			text:  "The State Department said talks continue. Exampleland said it agreed. The Ministry announced a plan.",
			title: "The State Department said talks continue.",
		},
		{
			name:  "long first sentence is shortened at a word boundary",
			text:  strings.Repeat("word ", 40) + "end.",
			title: strings.TrimSpace(strings.Repeat("word ", 23)) + "…",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := Parse("x.txt", []byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			d := docs[0]
			capture := ""
			if !d.Captured.IsZero() {
				capture = d.Captured.Format("2006-01-02")
			}
			if d.Title != tt.title || d.Outlet != tt.outlet || d.DateString() != tt.date || capture != tt.capture {
				t.Errorf("got title %q outlet %q date %q captured %q\nwant title %q outlet %q date %q captured %q",
					d.Title, d.Outlet, d.DateString(), capture, tt.title, tt.outlet, tt.date, tt.capture)
			}
			if got := d.SpeakerNames(); strings.Join(got, "|") != strings.Join(tt.speakers, "|") {
				t.Errorf("speakers = %v, want %v", got, tt.speakers)
			}
		})
	}
}

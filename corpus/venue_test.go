package corpus

import "testing"

func TestVenue(t *testing.T) {
	for _, c := range []struct{ name, text, want string }{
		{"lines before the time", "Quillton Canal Works\nQuillton, Nowhereland\n\n12:20 P.M. NWT\n\nTHE ENVOY: Hello, hello.\n", "Quillton Canal Works, Quillton, Nowhereland"},
		{"one line", "East Hall\n\n1:29 P.M. EST\n\nMS. QUILLFEATHER: Good afternoon.\n", "East Hall"},
		{"the day in brackets before the time", "Glimmerford Cultural Center\nGlimmerford, Nowhereland\n\n(June 1, 2031)\n\n3:15 P.M. NWT\n\nTHE ENVOY: Thank you.\n", "Glimmerford Cultural Center, Glimmerford, Nowhereland"},
		{"marked with asterisks, no time", "*Quillton Grand Hotel\n*Quillton, Nowhereland\n\nMINISTER SAMPLE: Welcome, everyone.\n", "Quillton Grand Hotel, Quillton, Nowhereland"},
		{"an asterisk after the words", "Via Teleconference *\n\n2:02 P.M. NWT\n\nMS. QUILLFEATHER: Thanks.\n", "Via Teleconference"},
		{"a statement opens with prose", "The Minister welcomed the delegation.\n\n12:20 P.M. NWT\n", ""},
		{"no time below and no asterisk", "East Hall\n\nMS. QUILLFEATHER: Good afternoon.\n", ""},
		{"a heading in capitals", "FACT SHEET\n\n12:20 P.M. NWT\n", ""},
		{"a speaker's label first", "THE ENVOY: Hello.\n\n12:20 P.M. NWT\n", ""},
		{"more lines than a venue has", "East Hall\nWest Wing\nQuillton Palace\nQuillton, Nowhereland\n\n12:20 P.M. NWT\n", ""},
		{"a long line is prose", "The Envoy Spoke At Length About The Canal And The Barges Of Quillton Today\n\n12:20 P.M. NWT\n", ""},
		{"empty", "", ""},
		{"a starred heading over prose", "*Quillton Proposes a New Canal Toll Rule *\n\nToday the Ministry proposed a rule on canal tolls.\n", ""},
		{"a date on its own line", "Via Teleconference\nJune 11, 2031\n\n2:02 P.M. NWT\n\nMS. QUILLFEATHER: Thanks.\n", "Via Teleconference"},
		{"only a date", "June 11, 2031\n\n2:02 P.M. NWT\n", ""},
		{"a date ending the line", "Via Teleconference, March 14, 2031\n\n2:02 P.M. NWT\n", "Via Teleconference"},
		{"a comma ending a line", "Quillton Palace,\nQuillton, Nowhereland\n\n2:02 P.M. NWT\n", "Quillton Palace, Quillton, Nowhereland"},
	} {
		d := &Document{Text: c.text}
		if got := d.Venue(); got != c.want {
			t.Errorf("%s: Venue() = %q, want %q", c.name, got, c.want)
		}
	}
	// A meeting held by video: the venue is one side's room.
	d := &Document{Title: "Remarks by Minister Sample and Minister Quill Before Virtual Meeting", Text: "Roosevelt Hall\n\n9:02 P.M. NWT\n\nMINISTER SAMPLE: Hello.\n"}
	if got := d.Venue(); got != "" {
		t.Errorf("a virtual meeting's venue %q", got)
	}
	if (*Document)(nil).Venue() != "" {
		t.Error("a nil document has a venue")
	}
}

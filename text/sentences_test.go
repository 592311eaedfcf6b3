package text

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"abbreviations and initials",
			"The U.S. State Department said so. Mr. Sample met Jane Q. Example on Nov. 7 in Washington, D.C. The next day was calm.",
			[]string{"The U.S. State Department said so.", "Mr. Sample met Jane Q. Example on Nov. 7 in Washington, D.C.", "The next day was calm."}},
		{"U.S. ends a sentence only before a sentence opening",
			"Aid came from the U.S. The talks resumed. The U.S. Embassy stayed open.",
			[]string{"Aid came from the U.S.", "The talks resumed.", "The U.S. Embassy stayed open."}},
		{"honorifics never end a sentence",
			"We met Ms. Quillfeather and Dr. Nobody. Gen. Sample left.",
			[]string{"We met Ms. Quillfeather and Dr. Nobody.", "Gen. Sample left."}},
		{"month abbreviations",
			"It happened on Nov. 7, 2023. Then Sept. 19 came.",
			[]string{"It happened on Nov. 7, 2023.", "Then Sept. 19 came."}},
		{"quotes close after the period",
			"“We are serious,” he said. “It matters.” She agreed! Did he? Yes…",
			[]string{"“We are serious,” he said.", "“It matters.”", "She agreed!", "Did he?", "Yes…"}},
		{"numbers and lower-case continuations",
			"84,770 people crossed. Growth was 3.5 percent, e.g. more than planned.",
			[]string{"84,770 people crossed.", "Growth was 3.5 percent, e.g. more than planned."}},
		{"line breaks end sentences",
			"A headline without a period\nBody text here.\n\n  Indented paragraph  ",
			[]string{"A headline without a period", "Body text here.", "Indented paragraph"}},
		{"question in a quote then lower case",
			"“Why now?” he asked. Fine.",
			[]string{"“Why now?” he asked.", "Fine."}},
		{"citation markers stay with their sentence",
			"Miller said it was serious [1]. He added “We act. Now.” [2] The U.S. position holds. Both agreed. [3][4] Then [5, 6] more.\nSecond line [3]",
			[]string{"Miller said it was serious [1].", "He added “We act.", "Now.” [2]", "The U.S. position holds.", "Both agreed. [3][4]", "Then [5, 6] more.", "Second line [3]"}},
		{"transcript turns",
			"Q Why now? Is it late?\nMR. KIRBY: It is not. We said so.",
			[]string{"Q Why now?", "Is it late?", "MR. KIRBY: It is not.", "We said so."}},
		{"empty", " \n ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, r := range Sentences(tt.text) {
				got = append(got, tt.text[r[0]:r[1]])
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Sentences =\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

// FuzzSentences: ranges are in order, non-empty, inside the text, and only
// white space lies between them.
func FuzzSentences(f *testing.F) {
	f.Add("The U.S. said so. Mr. Sample left [1]. “Why?” he asked.\nQ Next.")
	f.Add("[1] [ ] [12, 3]. . ! ? … ”")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			s = strings.ToValidUTF8(s, "?")
		}
		prev := 0
		for _, r := range Sentences(s) {
			if r[0] < prev || r[1] <= r[0] || r[1] > len(s) || strings.TrimSpace(s[prev:r[0]]) != "" {
				t.Fatalf("bad sentence range %v after %d in %q", r, prev, s)
			}
			prev = r[1]
		}
	})
}

func TestLastWord(t *testing.T) {
	for in, want := range map[string]string{"met Secretary ": "Secretary", "troops in": "in", "said Sen. ": "Sen.", "the talks, ": "", "": ""} {
		if got := LastWord(in); got != want {
			t.Errorf("LastWord(%q) = %q, want %q", in, got, want)
		}
	}
}

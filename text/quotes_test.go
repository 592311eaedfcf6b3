package text

import (
	"strings"
	"testing"
)

const passageA = `Spokesperson Jane Example said on Monday that the talks would resume in April. “We are ready to meet our partners at any time – and we will keep working until there is a durable agreement,” Example told reporters. She added that the Example Republic's "door remains open."`

func TestQuoteIn(t *testing.T) {
	tests := []struct {
		q    string
		want bool
	}{
		{"We are ready to meet our partners at any time", true},
		{"we are READY to meet our   partners at any time", true},      // case, spaces
		{"at any time—and we will keep working", true},                 // dash and space folding
		{"at any time - and we will keep working", true},               // hyphen for en dash
		{"door remains open.", true},                                   // edge punctuation
		{"“We are ready to meet our partners", true},                   // quote mark folding
		{"We are ready … until there is a durable agreement", true},    // ellipsis, in order
		{"until there is a durable agreement ... We are ready", false}, // ellipsis, wrong order
		{"We are ready to meet our allies at any time", false},         // one word changed
		{"are ready to mee", false},                                    // not on word boundaries
		{"the talks would resume in May", false},                       // fabricated
		{"", false},
	}
	for _, tt := range tests {
		if got := QuoteIn(tt.q, passageA); got != tt.want {
			t.Errorf("QuoteIn(%q) = %v, want %v", tt.q, got, tt.want)
		}
	}
}

func TestFindQuotesMarks(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // the quoted words, in order
	}{
		{"straight double", `He said "we are ready" today.`, []string{"we are ready"}},
		{"curly double", `He said “we are ready” today.`, []string{"we are ready"}},
		{"straight single", `He said 'we are ready' today.`, []string{"we are ready"}},
		{"curly single", `He said ‘we are ready’ today.`, []string{"we are ready"}},
		{"one word in single quotes", `He called it 'historic'.`, []string{"historic"}},
		{"German double", `Er sagte „wir sind bereit“ heute.`, []string{"wir sind bereit"}},
		{"Polish double", `Powiedział „jesteśmy gotowi” dziś.`, []string{"jesteśmy gotowi"}},
		{"German single", `Er sagte ‚wir sind bereit‘ heute.`, []string{"wir sind bereit"}},
		{"guillemets", `Il a dit «nous sommes prêts» hier.`, []string{"nous sommes prêts"}},
		{"single guillemets", `Il a dit ‹nous sommes prêts› hier.`, []string{"nous sommes prêts"}},
		{"fullwidth", `He said ＂we are ready＂ today.`, []string{"we are ready"}},
		{"corner brackets", `He said 「we are ready」 today.`, []string{"we are ready"}},
		{"blockquote", "Example said [1]:\n> We are ready to meet\n> our partners.\nThen she left.", []string{"We are ready to meet\n our partners."}},
		{"nested blockquote marker", ">> We are ready\n", []string{"We are ready"}},
		{"Discord multi-line blockquote", "Intro:\n>>> We are ready\nto meet", []string{"We are ready\nto meet"}},
		{"not a blockquote", ">50 people crossed.\n=> arrow", nil},
		{"unclosed double runs to the end of the line", "He said “we are ready\nNext line.", []string{"we are ready"}},
		{"double holding single", `He said “they called it ‘a farce’ at once” [1].`, []string{"they called it ‘a farce’ at once"}},
		{"single holding double", `He said 'they called it "a farce" at once' [1].`, []string{`they called it "a farce" at once`}},
		{"contractions", `We don't know; it isn't so; O'Brien's team won't.`, nil},
		{"possessives", `Biden's aides and the leaders' meeting; James' book.`, nil},
		{"decades and elisions", `In the '90s and in '24 they played rock 'n' roll and told 'em so.`, nil},
		{"curly elisions", `In the ’90s they played rock ‘n’ roll.`, nil},
		{"plural possessive inside a quotation", `She said 'we back the leaders' decision fully,' and left.`, []string{"we back the leaders' decision fully,"}},
		{"plural possessive closing", `the 'good guys' and the 'bad guys' met`, []string{"good guys", "bad guys"}},
		{"rock 'n' roll inside a quotation", `He said 'we love rock 'n' roll' twice.`, []string{"we love rock 'n' roll"}},
		{"single quote after a bracket", `(‘we are ready’) [1]`, []string{"we are ready"}},
		{"single quotes do not cross lines", "He said 'we are\nready' today.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, q := range FindQuotes(tt.text) {
				got = append(got, q.Words(tt.text))
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("FindQuotes(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestEllipses(t *testing.T) {
	tests := []struct {
		q    string
		want int
	}{{"a … b ... c [...] d (…) e", 4}, {"no omission here.", 0}, {"....", 1}}
	for _, tt := range tests {
		if got := Ellipses(tt.q); len(got) != tt.want {
			t.Errorf("Ellipses(%q) = %v, want %d", tt.q, got, tt.want)
		}
	}
}

package answer

import (
	"context"
	"fmt"
	"github.com/readout/readout/text"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/internal/testsupport"
	"github.com/readout/readout/retrieval"
)

// quoteStyles are the ways a model can present words as a quotation: open
// and close marks around the words (a blockquote's "close" ends its line).
var quoteStyles = []struct{ name, open, close string }{
	{"straight double", ` "`, `"`},
	{"curly double", " “", "”"},
	{"straight single", " '", "'"},
	{"curly single", " ‘", "’"},
	{"German double", " „", "“"},
	{"Polish double", " „", "”"},
	{"German single", " ‚", "‘"},
	{"guillemets", " «", "»"},
	{"single guillemets", " ‹", "›"},
	{"fullwidth", " ＂", "＂"},
	{"corner brackets", " 「", "」"},
	{"blockquote", ":\n> ", "\n"},
	{"Discord blockquote", ":\n>>> ", ""},
}

// TestPipelineQuotationStyles: through the pipeline and the fake model
// server, an invented quotation in any style is not posted as a quotation
// (with a warning), and the record's words in any style are kept as one.
func TestPipelineQuotationStyles(t *testing.T) {
	// On the passage's subject, so the sentence keeps its citation, but
	// not what anyone said.
	const invented = "Freedonia and Sylvania will never resume the talks"
	for _, s := range quoteStyles {
		for _, tc := range []struct {
			kind  string
			quote func(p1 string) string
		}{
			{"invented", func(string) string { return invented }},
			{"verbatim", firstSentence},
		} {
			t.Run(s.name+" "+tc.kind, func(t *testing.T) {
				p, _, _ := newPipeline(t, func(r testsupport.ChatRequest) string {
					p1 := promptPassages(r.LastUser())[1]
					return "The talks between Freedonia and Sylvania would resume in April, and Jane Example told reporters" +
						s.open + tc.quote(p1) + s.close + " [1]."
				})
				ans, err := p.Ask(context.Background(), "What did Jane Example say about the talks?", nil, retrieval.SearchOptions{})
				if err != nil {
					t.Fatal(err)
				}
				if ans.Mode != ModeGenerated || len(ans.Citations) != 1 {
					t.Fatalf("answer %+v", ans)
				}
				checkQuotations(t, ans)
				if tc.kind == "invented" {
					if ans.Quotes != (QuoteStats{Posted: 1, Unquoted: 1}) || len(ans.Warnings) != 1 || !strings.Contains(ans.Warnings[0], "paraphrase") {
						t.Errorf("quotes %+v warnings %q", ans.Quotes, ans.Warnings)
					}
					if len(text.FindQuotes(ans.Text)) != 0 || !strings.Contains(ans.Text, invented) {
						t.Errorf("invented quotation still quoted: %q", ans.Text)
					}
					return
				}
				if ans.Quotes != (QuoteStats{Posted: 1, Verified: 1}) || len(ans.Warnings) != 0 {
					t.Errorf("quotes %+v warnings %q in %q", ans.Quotes, ans.Warnings, ans.Text)
				}
				if !strings.Contains(ans.Text, strings.TrimLeft(s.open, ": \n")) {
					t.Errorf("verbatim quotation lost its marks: %q", ans.Text)
				}
			})
		}
	}
}

// TestPipelineNestedAndBlockQuotations: a double-quoted quotation holding
// a single-quoted one, and blockquotes, through the pipeline.
func TestPipelineNestedAndBlockQuotations(t *testing.T) {
	tests := []struct {
		name   string
		answer func(p1 string) string
		stats  QuoteStats
		want   string // in the posted text
	}{
		{"blockquote of the record kept", func(p1 string) string {
			return "Jane Example told reporters [1]:\n> " + strings.Replace(firstSentence(p1), " that ", "\n> that ", 1)
		}, QuoteStats{Posted: 1, Verified: 1}, "\n> that the talks"},
		{"invented blockquote unquoted", func(string) string {
			return "Jane Example told reporters [1]:\n> Freedonia and Sylvania will never\n> resume the talks."
		}, QuoteStats{Posted: 1, Unquoted: 1}, "\nFreedonia and Sylvania will never\nresume the talks."},
		{"single-quoted record words inside an invented double quotation", func(string) string {
			return "Jane Example said “the talks would not resume and ‘Freedonia and Sylvania would resume in April’ was wrong” [1]."
		}, QuoteStats{Posted: 2, Verified: 1, Unquoted: 1}, "said the talks would not resume and ‘Freedonia and Sylvania would resume in April’ was"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, _, _ := newPipeline(t, func(r testsupport.ChatRequest) string {
				return tt.answer(promptPassages(r.LastUser())[1])
			})
			ans, err := p.Ask(context.Background(), "What did Jane Example say about the talks?", nil, retrieval.SearchOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if ans.Quotes != tt.stats || !strings.Contains(ans.Text, tt.want) {
				t.Errorf("quotes %+v, want %+v; text %q", ans.Quotes, tt.stats, ans.Text)
			}
			checkQuotations(t, ans)
		})
	}
}

// TestPipelineUnsupportedSentences: a cited sentence no retrieved passage
// supports is removed with a warning, even when its passage shares its
// speech verb and the speaker's title; a wrong citation of a supported
// sentence moves.
func TestPipelineUnsupportedSentences(t *testing.T) {
	const cheese = "The moon is made of green cheese, the minister said"
	tests := []struct {
		name     string
		reply    string
		mode     Mode
		text     string // the posted text, for generated answers
		warnings []string
	}{
		{"green cheese removed, the rest kept",
			cheese + " [2]. The border between Freedonia and Sylvania had been calm for three weeks [2].",
			ModeGenerated, "The border between Freedonia and Sylvania had been calm for three weeks [1].",
			[]string{"1 sentence was removed from the model's answer"}},
		{"green cheese alone: nothing cited is left",
			cheese + " [1].", ModeExtractive, "",
			[]string{"1 sentence was removed from the model's answer", "cited no passage"}},
		{"invented claim about the right parties",
			"Freedonia and Sylvania will merge into one state next year, Minister John Sample said [2]. The talks would resume in April [1].",
			ModeGenerated, "The talks would resume in April [1].",
			[]string{"1 sentence was removed from the model's answer"}},
		{"wrong figure",
			"The border had been calm for 11 weeks [2]. The talks would resume in April [1].",
			ModeGenerated, "The talks would resume in April [1].",
			[]string{"1 sentence was removed from the model's answer"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, _, _ := newPipeline(t, func(testsupport.ChatRequest) string { return tt.reply })
			ans, err := p.Ask(context.Background(), "What did they say about Freedonia and Sylvania?", nil, retrieval.SearchOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if ans.Mode != tt.mode || (tt.text != "" && ans.Text != tt.text) || strings.Contains(ans.Text, "cheese") || strings.Contains(ans.Text, "merge") {
				t.Fatalf("answer %q (%s)", ans.Text, ans.Mode)
			}
			if len(ans.Warnings) != len(tt.warnings) {
				t.Fatalf("warnings %q", ans.Warnings)
			}
			for i, w := range tt.warnings {
				if !strings.Contains(ans.Warnings[i], w) {
					t.Errorf("warning %q, want %q", ans.Warnings[i], w)
				}
			}
		})
	}
}

// TestExtractiveQuotationsVerifyOnTheRecord: extractive answers drawn
// from real White House documents (every 20th; each document's first
// passages answering its own title) post only quotations that verify,
// whatever quotation marks and apostrophes the record's sentences hold.
//
//	READOUT_BIG_RECORD=1 go test -run ExtractiveQuotationsVerify -v ./answer
func TestExtractiveQuotationsVerifyOnTheRecord(t *testing.T) {
	if os.Getenv("READOUT_BIG_RECORD") == "" || testing.Short() {
		t.Skip("set READOUT_BIG_RECORD=1 to run over the White House record")
	}
	path := os.Getenv("READOUT_WH")
	if path == "" {
		path = filepath.Join("..", "..", "shared", "corpus", "whitehouse-briefings.tar.gz")
	}
	docs, _, err := corpus.Load(path, corpus.LoadOptions{})
	if err != nil {
		t.Skipf("White House record not available: %v", err)
	}
	var total QuoteStats
	answers := 0
	for i := 0; i < len(docs); i += 20 {
		d := docs[i]
		var hits []retrieval.Hit
		for _, c := range corpus.Split(d, corpus.ChunkOptions{}) {
			hits = append(hits, retrieval.Hit{Doc: d, Chunk: c, Coverage: 1})
			if len(hits) == 5 {
				break
			}
		}
		text, cites, stats := Extractive(d.Title, hits)
		if text == "" {
			continue
		}
		answers++
		total = total.Add(stats)
		if stats.Posted == 0 || stats.Verified != stats.Posted {
			t.Errorf("%s: quotes %+v in\n%s", d.ID, stats, text)
		}
		checkQuotations(t, &Answer{Text: text, Citations: cites})
	}
	t.Logf("%d extractive answers, quotations %+v", answers, total)
}

// "who said 'we will not be intimidated'" is answered by the passage
// holding those words, though its one informative word fills dozens of
// passages that rank above it.
func TestQuotedWordsFound(t *testing.T) {
	var srcs [][2]string // name, text
	for i := 0; i < 150; i++ {
		srcs = append(srcs, [2]string{fmt.Sprintf("b%02d.txt", i), fmt.Sprintf("title: Briefing %d on the Canal\ndate: 2031-04-%02d\nsource: Nowhereland Briefing Room\n\n"+
			"MS. QUILLFEATHER: The fishermen felt intimidated. Intimidated again, the bargemen stayed home, intimidated by the toll.\n", i, 1+i%28)})
	}
	srcs = append(srcs, [2]string{"fenwick.txt", "title: Remarks by Minister Milo Fenwick at the Quillton Lock\ndate: 2031-05-02\nsource: Nowhereland Briefing Room\n\n" +
		"MINISTER FENWICK: The lock keepers have worked through a long and difficult winter on the Quillton canal, and the " +
		"barges are moving again along the whole of its length, from the northern reservoirs to the harbour mouth at Port Vell. " +
		"The engineers rebuilt three gates, the dredgers cleared the silted basin, and the towpath was paved for the cyclists " +
		"who ride it every morning. We will not be intimidated. The lock opens at dawn tomorrow, and the first barge will carry grain.\n"})
	var docs []*corpus.Document
	for _, src := range srcs {
		ds, err := corpus.Parse(src[0], []byte(src[1]))
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, ds...)
	}
	p := &Pipeline{Index: memIndex(t, docs)}
	for _, q := range []string{"who said 'we will not be intimidated'", `who said "we will not be intimidated"`} {
		ans, err := p.Ask(context.Background(), q, nil, retrieval.SearchOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(firstQuote(ans.Text), "We will not be intimidated") {
			t.Errorf("%q:\n%s", q, ans.Text)
		}
	}
}

package bot

import (
	"regexp"
	"strings"
	"testing"

	"github.com/readout/readout/answer"
	"github.com/readout/readout/corpus"
	"github.com/readout/readout/retrieval"
)

// A masked link in the record (a passage, an outlet, a speaker's name) is
// shown with its URL in plain text wherever the bot shows the record: the
// /search results, the passages embeds and the footnotes. Only the bot's
// own footnote links stay links.
func TestRecordTextCarriesNoMaskedLinks(t *testing.T) {
	t.Parallel()
	masked := regexp.MustCompile(`\]\(<?https?://evil`)
	doc := &corpus.Document{ID: "doc-1.txt", Title: "Talks [resume](https://evil.example/t)", Outlet: "[Example Wire](https://evil.example/o)", URL: "https://example.org/talks"}
	hit := retrieval.Hit{Doc: doc, Chunk: corpus.Chunk{DocID: doc.ID, Text: "The spokesperson said [read the statement](https://evil.example/p) today."}}
	cite := answer.Citation{N: 1, Doc: doc.ID, Title: doc.Title, Outlet: doc.Outlet, URL: doc.URL,
		Speakers: []string{"[Jane Example](https://evil.example/s)"}, Passage: hit.Chunk.Text}
	for name, got := range map[string]string{
		"search":   renderHits("talks", []retrieval.Hit{hit}),
		"footnote": footnote(cite),
		"embed":    passageEmbeds([]answer.Citation{cite}, nil)[0].Description,
		"answer":   renderAnswer("talks?", &answer.Answer{Text: "They resumed [1].", Citations: []answer.Citation{cite}}),
	} {
		if masked.MatchString(got) {
			t.Errorf("%s carries a masked link: %q", name, got)
		}
		// The bot's own link to the source stays (masked, or shown as it
		// is when the title itself reads as an address).
		if name != "embed" && !strings.Contains(got, "<https://example.org/talks>") {
			t.Errorf("%s lost the bot's own link to the source: %q", name, got)
		}
	}
}

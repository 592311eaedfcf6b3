package retrieval

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/readout/readout/corpus"
)

// sharedDir is /work/shared seen from this package; tests that need the
// real record skip when it is absent (a plain clone).
var sharedDir = filepath.Join("..", "..", "shared")

// countingEmbedder wraps an embedder and counts the texts it embeds.
type countingEmbedder struct {
	Embedder
	texts atomic.Int64
	calls atomic.Int64
}

func (c *countingEmbedder) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	c.calls.Add(1)
	c.texts.Add(int64(len(texts)))
	return c.Embedder.Embed(ctx, texts)
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// exampleDoc builds an invented document.
func exampleDoc(id, outlet, date, speaker, text string) *corpus.Document {
	d := &corpus.Document{ID: id, Outlet: outlet, Text: text, Title: "Example " + id}
	if date != "" {
		d.Date = day(date)
	}
	if speaker != "" {
		d.Speakers = []corpus.Speaker{{Name: speaker, Title: "spokesperson"}}
	}
	d.Hash = d.ComputeHash()
	return d
}

// exampleDocs is a small invented record with distinct topics, outlets,
// speakers and dates.
func exampleDocs() []*corpus.Document {
	return []*corpus.Document{
		exampleDoc("a.txt", "Example Wire", "2023-01-10", "Jane Example",
			"Spokesperson Jane Example said the ministry supports the bridge reconstruction over the river. "+
				"The bridge was damaged by floods in the spring, and engineers expect repairs to take two years."),
		exampleDoc("b.txt", "Sample Gazette", "2023-03-05", "John Placeholder",
			"Spokesperson John Placeholder announced new fishing quotas for the northern lakes. "+
				"Fishermen's associations criticised the quotas as too strict for small boats."),
		exampleDoc("c.txt", "Example Wire", "2023-06-20", "Jane Example",
			"The ministry of culture opened a museum of ancient pottery in the capital. "+
				"Jane Example said the museum would welcome school groups free of charge."),
		exampleDoc("d.txt", "Demo Herald", "", "",
			"Weather services forecast heavy snow in the mountain passes, and the highway authority closed two tunnels."),
	}
}

// evalQuestion is one line of /work/shared/eval/public.jsonl.
type evalQuestion struct {
	ID       string   `json:"id"`
	Question string   `json:"question"`
	MustCite []string `json:"must_cite"`
	Kind     string   `json:"kind"`
	Follows  string   `json:"follows"`
}

// loadEval reads the public questions, or skips the test when absent.
func loadEval(t testing.TB) []evalQuestion {
	t.Helper()
	path := filepath.Join(sharedDir, "eval", "public.jsonl")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("public questions not available (%v): run inside the readout workspace", err)
	}
	return readQuestions(t, path)
}

// readQuestions reads a JSON-lines question file, one question a line.
func readQuestions(t testing.TB, path string) []evalQuestion {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var qs []evalQuestion
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var q evalQuestion
		if err := json.Unmarshal(sc.Bytes(), &q); err != nil {
			t.Fatalf("%s: %v", filepath.Base(path), err)
		}
		qs = append(qs, q)
	}
	return qs
}

// searchText is the text searched for q: a follow-up carries the question
// it follows, as the answer pipeline's condensation would.
func searchText(q evalQuestion, byID map[string]evalQuestion) string {
	text := q.Question
	for f := q.Follows; f != ""; {
		p, ok := byID[f]
		if !ok {
			break
		}
		text = p.Question + " " + text
		f = p.Follows
	}
	return text
}

// rankOf returns the 1-based rank of the first hit from one of docs, or 0.
func rankOf(hits []Hit, docs []string) int {
	for i, h := range hits {
		for _, d := range docs {
			if h.Chunk.DocID == d || strings.HasSuffix(h.Chunk.DocID, "/"+d) {
				return i + 1
			}
		}
	}
	return 0
}

func sortedIDs(docs []*corpus.Document) []string {
	ids := make([]string, len(docs))
	for i, d := range docs {
		ids[i] = d.ID
	}
	sort.Strings(ids)
	return ids
}

// repeated is a small record in which each text occurs a known number of
// times, so that a test knows every word's document frequency.
type repeated []string

// add appends s n times.
func (r *repeated) add(n int, s string) {
	for range n {
		*r = append(*r, s)
	}
}

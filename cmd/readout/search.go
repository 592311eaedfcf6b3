package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/readout/readout/answer"
	"github.com/readout/readout/record"
)

// searchLimit is how many passages search shows by default: as many as
// the bot's /search.
const searchLimit = 5

// cmdSearch is the twin of the bot's /search: the best passages for the
// query, through the same index search, with no answer composed.
func cmdSearch(ctx context.Context, f *commonFlags, pos []string, s streams) error {
	query := strings.TrimSpace(strings.Join(pos, " "))
	if query == "" {
		return usageError{`give what to search for, e.g. readout search "international mission"`}
	}
	if f.limit < 1 || f.limit > 50 {
		return usageError{fmt.Sprintf("--limit must be between 1 and 50, got %d", f.limit)}
	}
	filters, err := f.filters()
	if err != nil {
		return err
	}
	filters.K = f.limit
	defer oneShotGC()()
	a, err := setupQuery(ctx, f, s.stderr)
	if err != nil {
		return err
	}
	defer a.close()
	hits, err := a.idx.Search(ctx, query, filters)
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}
	results := make([]answer.Citation, len(hits))
	for i, h := range hits {
		results[i] = answer.CitationFor(i+1, h)
	}
	if f.json {
		return writeJSON(s.stdout, searchJSON{Query: query, Results: results, Snapshot: a.idx.SnapshotID()})
	}
	var b strings.Builder
	if len(results) == 0 {
		b.WriteString("Nothing in the record matches.\n")
	}
	for i, c := range results {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(footnote(c) + "\n")
		b.WriteString("    " + truncate(strings.Join(strings.Fields(c.Passage), " "), 300) + "\n")
	}
	_, err = io.WriteString(s.stdout, b.String())
	return err
}

// searchJSON is search's --json output (documented in the README).
type searchJSON struct {
	Query    string            `json:"query"`
	Results  []answer.Citation `json:"results"`
	Snapshot string            `json:"snapshot"`
}

// cmdStatus is the twin of the bot's /corpus status: what the data folder
// holds, read without indexing anything.
func cmdStatus(_ context.Context, f *commonFlags, pos []string, s streams) error {
	if len(pos) > 0 {
		return usageError{fmt.Sprintf("unexpected argument %q", pos[0])}
	}
	cfg, err := loadConfig(f)
	if err != nil {
		return err
	}
	a, err := openApp(cfg, newLogger(s.stderr, cfg, cliLevel(f.verbose)), changeOpts{}, mayRead, nil)
	if err != nil {
		return err
	}
	defer a.close()
	st := a.lib.Status()
	out := statusJSON{
		DataDir: cfg.DataDir, Documents: st.Docs, Passages: st.Chunks,
		Embedder: st.Embedder, Dimensions: st.Dim, Snapshot: st.Snapshot,
		Sources: orEmpty(st.Sources), Configured: orEmpty(st.Configured), SourcesDiffer: st.SourcesDiffer,
		LastChange: lastChangeJSON(st.LastChange),
	}
	if !st.First.IsZero() {
		out.First, out.Last = st.First.Format(time.DateOnly), st.Last.Format(time.DateOnly)
	}
	if f.json {
		return writeJSON(s.stdout, out)
	}
	var b strings.Builder
	if st.Docs == 0 && a.damaged {
		from := "its sources"
		if len(st.Sources) > 0 {
			from = strings.Join(st.Sources, ", ")
		}
		fmt.Fprintf(&b, "The index in %s is damaged or was written by an older readout: the next `readout index` or `readout ask` rebuilds it from %s.\n", cfg.DataDir, from)
		_, err := io.WriteString(s.stdout, b.String())
		return err
	}
	if st.Docs == 0 {
		fmt.Fprintf(&b, "No index in %s yet: run `readout index` to build it.\n", cfg.DataDir)
		_, err := io.WriteString(s.stdout, b.String())
		return err
	}
	fmt.Fprintf(&b, "The record in %s: %s, %s", cfg.DataDir, plural(st.Docs, "document"), plural(st.Chunks, "passage"))
	if out.First != "" {
		fmt.Fprintf(&b, ", from %s to %s", out.First, out.Last)
	}
	fmt.Fprintf(&b, ".\nEmbedder: %s (%d dimensions). Snapshot: %s.\n", orDash(st.Embedder), st.Dim, orDash(st.Snapshot))
	if len(st.Sources) > 0 {
		fmt.Fprintf(&b, "Built from: %s.\n", strings.Join(st.Sources, ", "))
	}
	if st.SourcesDiffer {
		fmt.Fprintf(&b, "Configured sources: %s; `readout index` would rebuild the record from them.\n", strings.Join(st.Configured, ", "))
	}
	if c := st.LastChange; c != nil {
		fmt.Fprintf(&b, "Last change: %s by %s at %s: %d added, %d changed, %d removed, %d unchanged.\n",
			c.Kind, c.By, c.At.UTC().Format(time.RFC3339), len(c.Stats.Added), len(c.Stats.Changed), len(c.Stats.Removed), len(c.Stats.Unchanged))
	}
	_, err = io.WriteString(s.stdout, b.String())
	return err
}

// statusJSON is status's --json output (documented in the README).
type statusJSON struct {
	DataDir    string `json:"data_dir"`
	Documents  int    `json:"documents"`
	Passages   int    `json:"passages"`
	First      string `json:"first,omitempty"`
	Last       string `json:"last,omitempty"`
	Embedder   string `json:"embedder"`
	Dimensions int    `json:"dimensions"`
	Snapshot   string `json:"snapshot"`
	// Sources are the sources the record was built from; Configured the
	// ones the next refresh reads, and SourcesDiffer says they differ.
	Sources       []string       `json:"sources"`
	Configured    []string       `json:"configured"`
	SourcesDiffer bool           `json:"sources_differ"`
	LastChange    *lastChangeOut `json:"last_change,omitempty"`
}

type lastChangeOut struct {
	Kind      string `json:"kind"`
	By        string `json:"by"`
	At        string `json:"at"`
	Added     int    `json:"added"`
	Changed   int    `json:"changed"`
	Removed   int    `json:"removed"`
	Unchanged int    `json:"unchanged"`
	Embedded  int    `json:"embedded"`
}

func lastChangeJSON(c *record.Change) *lastChangeOut {
	if c == nil {
		return nil
	}
	s := c.Stats
	return &lastChangeOut{Kind: c.Kind, By: c.By, At: c.At.UTC().Format(time.RFC3339),
		Added: len(s.Added), Changed: len(s.Changed), Removed: len(s.Removed), Unchanged: len(s.Unchanged), Embedded: s.Embedded}
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// writeJSON writes v as one line of JSON.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// plural writes a count with its noun: "1 document", "2 documents".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

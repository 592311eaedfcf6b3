// Command verifyset builds readout's quotation-check set (eval/verify.jsonl
// and its frozen third) from the record, deterministically for a seed:
//
//	go run ./tools/verifyset -seed 15 --corpus corpus/seeds \
//	    --corpus PATH/TO/whitehouse-briefings.tar.gz \
//	    -out eval/verify.jsonl -frozen eval/verify-frozen.jsonl
//
// It loads the record with package corpus, so it knows which words are an
// official's statement and which a reporter's question, and writes, for
// each kind of claim (see kinds), n items with the verdict a correct
// checker gives. eval/README.md describes the kinds and the split.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sort"
	"strings"

	"github.com/readout/readout/corpus"
)

// sources collects the repeatable --corpus flag.
type sources []string

func (s *sources) String() string     { return strings.Join(*s, ",") }
func (s *sources) Set(v string) error { *s = append(*s, v); return nil }

func main() {
	if err := run(os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "verifyset:", err)
		os.Exit(1)
	}
}

func run(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("verifyset", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var corpora sources
	fs.Var(&corpora, "corpus", "a record to draw from (folder, file or .tar.gz); repeat for several (default corpus/seeds)")
	seed := fs.Uint64("seed", 15, "the random seed: the same seed and record give the same set")
	n := fs.Int("n", 30, "items of each kind (a third of them frozen)")
	out := fs.String("out", "eval/verify.jsonl", "where the development items go")
	frozen := fs.String("frozen", "eval/verify-frozen.jsonl", "where the frozen third goes")
	check := fs.String("check", "", "instead of generating, say where each part of each claim of this file is in the record (for items written by hand)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if len(corpora) == 0 {
		corpora = sources{"corpus/seeds"}
	}
	if *n < 3 {
		return errors.New("-n must be at least 3, so each kind has a frozen third")
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	docs, err := load(corpora)
	if err != nil {
		return err
	}
	r := newRecord(docs)
	log.Info("record read", "documents", len(docs), "statement sentences", len(r.statements), "questions", len(r.questions), "officials", len(r.officials))
	if *check != "" {
		return checkItems(r, *check, os.Stdout)
	}
	byKind := generate(r, *seed, *n)
	for i, items := range byKind {
		if len(items) < *n {
			log.Warn("fewer items than asked", "kind", kinds[i].name, "items", len(items), "asked", *n)
		}
	}
	dev, fro := split(byKind, *seed)
	if err := write(*out, dev); err != nil {
		return err
	}
	if err := write(*frozen, fro); err != nil {
		return err
	}
	log.Info("written", "development", len(dev), "to", *out, "frozen", len(fro), "to frozen file", *frozen)
	return nil
}

// load reads every source and returns the documents sorted by ID, the
// first of two with one ID kept (as the index keeps it).
func load(corpora []string) ([]*corpus.Document, error) {
	var docs []*corpus.Document
	seen := map[string]bool{}
	for _, src := range corpora {
		ds, _, err := corpus.Load(src, corpus.LoadOptions{})
		if err != nil {
			return nil, fmt.Errorf("read the record: %w", err)
		}
		for _, d := range ds {
			if !seen[d.ID] {
				seen[d.ID] = true
				docs = append(docs, d)
			}
		}
	}
	sort.Slice(docs, func(i, j int) bool { return docs[i].ID < docs[j].ID })
	corpus.NameHolders(docs) // as the index names them
	return docs, nil
}

// checkItems prints, for each item of file, where each part of its claim
// (the text between elisions) is in the record: how often, and by whom.
// It is how the items written by hand were checked against the record.
func checkItems(r *record, file string, w io.Writer) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return fmt.Errorf("check: %w", err)
	}
	for n, line := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		var it item
		if err := json.Unmarshal([]byte(line), &it); err != nil {
			return fmt.Errorf("%s line %d: %w", file, n+1, err)
		}
		fmt.Fprintf(w, "%s (%s; speaker %q; expects %s)\n", it.ID, it.Kind, it.Speaker, it.Expect)
		for _, part := range strings.Split(strings.ReplaceAll(it.Claim, "...", ellipsis), ellipsis) {
			if strings.TrimSpace(part) == "" {
				continue
			}
			occ := r.occurrences(part, -1)
			fmt.Fprintf(w, "  %d× %q\n", len(occ), strings.TrimSpace(part))
			for i, o := range occ {
				if i == 3 {
					fmt.Fprintf(w, "    …\n")
					break
				}
				fmt.Fprintf(w, "    %s %s (%s) %s\n", o.Date, o.Speaker, o.Role, o.Doc)
			}
		}
	}
	return nil
}

// write writes items as JSON lines to file.
func write(file string, items []item) error {
	fh, err := os.Create(file)
	if err != nil {
		return fmt.Errorf("write the set: %w", err)
	}
	w := bufio.NewWriter(fh)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, it := range items {
		if err := enc.Encode(it); err != nil {
			fh.Close()
			return fmt.Errorf("write %s: %w", file, err)
		}
	}
	if err := w.Flush(); err != nil {
		fh.Close()
		return fmt.Errorf("write %s: %w", file, err)
	}
	if err := fh.Close(); err != nil {
		return fmt.Errorf("write %s: %w", file, err)
	}
	return nil
}

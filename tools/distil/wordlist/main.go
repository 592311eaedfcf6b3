// Command wordlist counts the words of one or more records, split exactly as
// the static embedder splits them at run time (text.Tokens), and writes one
// line per word: the word, its count, and its most frequent surface form
// (lowercased, apostrophes kept), which is what the teacher encoder embeds.
// It is the first step of the distillation described in ../README.md.
//
//	go run ./tools/distil/wordlist --corpus corpus/seeds --corpus PATH/TO/whitehouse-briefings.tar.gz -sentences sentences.txt > words.tsv
package main

import (
	"bufio"
	"bytes"
	"cmp"
	"crypto/sha256"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"slices"
	"strings"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/text"
)

type corpora []string

func (c *corpora) String() string     { return strings.Join(*c, ",") }
func (c *corpora) Set(s string) error { *c = append(*c, s); return nil }

func main() {
	var srcs corpora
	flag.Var(&srcs, "corpus", "record to count (repeatable)")
	sentPath := flag.String("sentences", "", "also write the record's distinct sentences of 6 to 60 words to this file, one a line, in a fixed pseudo-random order (pack reads the words each sentence holds)")
	flag.Parse()
	if len(srcs) == 0 {
		fmt.Fprintln(os.Stderr, "wordlist: give at least one --corpus")
		os.Exit(2)
	}
	counts := map[string]int{}
	sents := map[string]bool{}
	surfaces := map[string]map[string]int{}
	for _, src := range srcs {
		docs, _, err := corpus.Load(src, corpus.LoadOptions{})
		if err != nil {
			slog.Error("wordlist: cannot read the record", "source", src, "err", err)
			os.Exit(1)
		}
		for _, d := range docs {
			if *sentPath != "" {
				for _, r := range text.Sentences(d.Text) {
					sent := strings.Join(strings.Fields(d.Text[r[0]:r[1]]), " ")
					if n := len(text.Words(sent)); n >= 6 && n <= 60 {
						sents[sent] = true
					}
				}
			}
			for _, s := range []string{d.Title, d.Text} {
				for _, t := range text.Tokens(s) {
					if len(t.Word) < 2 && !(len(t.Word) == 1 && t.Word[0] >= '0' && t.Word[0] <= '9') {
						continue
					}
					counts[t.Word]++
					sf := strings.ToLower(strings.ReplaceAll(s[t.Start:t.End], "’", "'"))
					m := surfaces[t.Word]
					if m == nil {
						m = map[string]int{}
						surfaces[t.Word] = m
					}
					m[sf]++
				}
			}
		}
	}
	if *sentPath != "" {
		if err := writeSentences(*sentPath, sents); err != nil {
			slog.Error("wordlist: cannot write sentences", "err", err)
			os.Exit(1)
		}
	}
	words := make([]string, 0, len(counts))
	for w := range counts {
		words = append(words, w)
	}
	slices.SortFunc(words, func(a, b string) int {
		if c := cmp.Compare(counts[b], counts[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	out := bufio.NewWriter(os.Stdout)
	for _, w := range words {
		best, bn := w, 0
		for s, n := range surfaces[w] {
			if n > bn || n == bn && s < best {
				best, bn = s, n
			}
		}
		fmt.Fprintf(out, "%s\t%d\t%s\n", w, counts[w], best)
	}
	if err := out.Flush(); err != nil {
		slog.Error("wordlist: cannot write", "err", err)
		os.Exit(1)
	}
}

// writeSentences writes the sentences ordered by their SHA-256, a fixed
// order that is as good as random: any prefix is a fair sample.
func writeSentences(path string, sents map[string]bool) error {
	type keyed struct {
		h [32]byte
		s string
	}
	all := make([]keyed, 0, len(sents))
	for s := range sents {
		all = append(all, keyed{sha256.Sum256([]byte(s)), s})
	}
	slices.SortFunc(all, func(a, b keyed) int { return bytes.Compare(a.h[:], b.h[:]) })
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	for _, k := range all {
		fmt.Fprintln(w, k.s)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

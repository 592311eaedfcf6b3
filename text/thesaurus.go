package text

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed" // the synonym table
	"fmt"
	"slices"
	"strings"
	"sync"
)

// thesaurusGz is the synonym table tools/thesaurus writes from WordNet 3.0
// (THESAURUS-LICENSE): a key (a stem, or two stems separated by a space),
// a tab, and the key's synonyms (stems) separated by spaces, one key a line.
//
//go:embed thesaurus.tsv.gz
var thesaurusGz []byte

// thesaurus is the decoded table, read on first use.
var thesaurus = sync.OnceValues(func() (map[string][]string, error) {
	return decodeThesaurus(thesaurusGz)
})

// decodeThesaurus reads a table as tools/thesaurus writes it.
func decodeThesaurus(gz []byte) (map[string][]string, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("read the synonym table: %w", err)
	}
	m := make(map[string][]string, 1<<16)
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		key, vals, ok := strings.Cut(sc.Text(), "\t")
		if !ok || key == "" || vals == "" {
			return nil, fmt.Errorf("read the synonym table: malformed line %q", sc.Text())
		}
		m[key] = strings.Fields(vals)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read the synonym table: %w", err)
	}
	return m, nil
}

// ThesaurusErr reports whether the embedded synonym table can be read; a
// binary built without a readable table finds no synonyms.
func ThesaurusErr() error {
	_, err := thesaurus()
	return err
}

// Synonyms returns the synonyms of a term (a stem, as Terms writes it),
// as stems: the other words of the term's most frequent WordNet senses
// ("duti" → "obligation", "responsibiliti", "tariff"), never a common
// word (IsCommon) or the term itself. The slice is shared: do not modify
// it.
func Synonyms(term string) []string {
	m, err := thesaurus()
	if err != nil {
		return nil
	}
	return m[term]
}

// IsEnglishTerm reports whether term (a stem, as Terms writes it) is a
// word of the synonym table, an English word WordNet knows ("garlic"): a
// word typed so is meant, not a slip of another, though the record may
// not hold it.
func IsEnglishTerm(term string) bool { return englishTerms()[term] }

// englishTerms are the terms of the synonym table, as keys, words of a
// key or synonyms, built on first use.
var englishTerms = sync.OnceValue(func() map[string]bool {
	m, err := thesaurus()
	if err != nil {
		return nil
	}
	terms := make(map[string]bool, 2*len(m))
	for k, syns := range m {
		for _, t := range strings.Fields(k) {
			terms[t] = true
		}
		for _, t := range syns {
			terms[t] = true
		}
	}
	return terms
})

// particles are the stopwords that close a verb's phrase after its object
// ("turned it down", "hand them over"); the other stopwords after an
// object open a phrase of their own ("call it genocide in 2021").
var particles = setOf("down up out off over")

// count is how many times t occurs in terms.
func count(terms []string, t string) int {
	n := 0
	for _, u := range terms {
		if u == t {
			n++
		}
	}
	return n
}

// usaSynonyms are the terms by which the record names the United States
// besides "U.S." ("usa", as Words writes it): "America", "American
// troops". "United States" is two words, and a synonym is one term.
var usaSynonyms = []string{"america", "american"}

// TermSynonyms returns the synonyms (Synonyms) of each term of s, keyed
// by the term as Terms writes it, with those of each two consecutive
// words read as one phrase added to the phrase's word that is no stopword
// ("every year" → "year": "annual"; "talk about" → "talk": "discuss"; a
// verb read only with its particle takes the phrase's instead of its own:
// "kicked off" → "kick": "inaugurate", not "boot"),
// a capital's country ("tehran" → "iran": capitalOf), a place's other
// names both ways ("turkey" → "turkiye": otherNames), and a term's
// derivational relatives ("investigat" → "investigation": Relatives).
// Terms without synonyms are absent.
func TermSynonyms(s string) map[string][]string {
	m, err := thesaurus()
	if err != nil {
		return nil
	}
	var out map[string][]string
	add := func(t string, vs []string) {
		for _, v := range vs {
			if v == t || slices.Contains(out[t], v) {
				continue
			}
			if out == nil {
				out = map[string][]string{}
			}
			out[t] = append(out[t], v)
		}
	}
	// The last three words: a phrase is read from two consecutive words,
	// and a verb's phrase also around the one or two words of its object
	// ("let Trevor Reed go" is "let go": "release"; "turned it down").
	type seen struct {
		t    string
		stop bool
	}
	var last [3]seen
	var terms []string // Terms(s), for the capitals after the walk
	// phrasal are the verbs read with their particle ("kicked off",
	// "turned it down"), with the phrase's synonyms: the particle settles
	// the verb's sense, so its own synonyms ("kick": "boot") go.
	var phrasal map[string][]string
	EachWord(s, func(w string) {
		t, stop := Stem(w), IsStopword(w)
		if !stop {
			add(t, m[t])
			terms = append(terms, t)
		}
		for back, p := range last {
			if p.t == "" || (back > 0 && (p.stop || (stop && !particles[w]))) {
				// A split phrase opens with its verb, no stopword, and
				// closes with an adverb ("go", "free") or a particle:
				// "call it genocide in 2021" is no "call in".
				continue
			}
			vs, ok := m[p.t+" "+t]
			if !ok {
				continue
			}
			switch {
			case !stop:
				add(t, vs)
			case !p.stop:
				add(p.t, vs)
				if particles[w] {
					if phrasal == nil {
						phrasal = map[string][]string{}
					}
					phrasal[p.t] = append(phrasal[p.t], vs...)
				}
			}
			break
		}
		last[2], last[1], last[0] = last[1], last[0], seen{t, stop}
	})
	for t, vs := range phrasal {
		if count(terms, t) == 1 {
			// Read only with its particle: its own senses go. Written
			// again without one ("kicked off … then kicked"), they stay.
			delete(out, t)
		}
		add(t, vs)
	}
	for _, t := range terms {
		// A capital for its country, one way (capitalOf), and the
		// United States for the words the record also names it by.
		add(t, capitalTerms()[t])
		add(t, otherNameTerms()[t])
		add(t, slangTerms()[t])
		if t == "usa" {
			add(t, usaSynonyms)
		}
		add(t, Relatives(t))
	}
	return out
}

// slangTerms are slangWords by index term: the term of a slang word and
// the terms of the record's words for it.
var slangTerms = sync.OnceValue(func() map[string][]string {
	m := make(map[string][]string, len(slangWords))
	for w, e := range slangWords {
		m[Stem(w)] = Terms(e)
	}
	return m
})

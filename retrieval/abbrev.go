package retrieval

import (
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/readout/readout/text"
)

// Abbreviations learned from the record. A question typed in a chat says
// "ev", "pgii" or "liheap" where the record writes "electric vehicles
// (EVs)", "Partnership for Global Infrastructure and Investment (PGII)",
// "Low Income Home Energy Assistance Program (LIHEAP)" and then, often,
// only the long form or only the abbreviation. The record's own
// definitions ("long form (ABBR)", text.Abbreviations) are collected once
// per snapshot, and a question's abbreviation counts its long form's
// passages as its own, and a long form its abbreviation's.
//
// Over the sample plus the White House record the rules below keep 1,042
// abbreviations (EV, PRC, DPRK, IRA, ACP, PGII, IPEF, LIHEAP, HBCU, ROK;
// not ACT, CHIPS, CARE, TARP or GRIP, which the record uses as words),
// made in 0.4–0.9 s on the first search. Measured against main a16e1f9
// (`readout eval FILE --json --data wh-data`, the index unchanged): 8
// probe questions written from the record's documents with an abbreviation
// or a long form the passage does not write ("how much is the tariff on
// chinese evs going up to", "how many households does liheap usually
// serve", "how many electric vehicle chargers does biden want built by
// 2030") cite-hit@5 0.75 -> 1.00, answer-contains 0.75 -> 0.75;
// eval/dev.jsonl (140) cite-hit@5 0.92 -> 0.92, answer-contains 0.66 ->
// 0.66, MRR 0.685 -> 0.688, out of scope declined 21/23 both, wrong
// declines 3/117 both; eval/fresh.jsonl cite-hit@5 0.90 both, one more
// wrong decline ("security pact" read as the PACT Act; EVALUATION.md,
// "Abbreviations the record defines"). The thresholds were set by reading
// the learned table, not swept.
const (
	// abbrevMinDefs is how many times the record must define an
	// abbreviation with the same long form (by its terms) for it to be
	// learned: a definition seen once is as likely a one-off.
	abbrevMinDefs = 2
	// abbrevShare is the share of an abbreviation's definitions its most
	// frequent long form must have: "ACP" is the Affordable Connectivity
	// Program 26 times of 29, "IRA" the Inflation Reduction Act 62 of 64.
	abbrevShare = 0.6
	// abbrevUseRatio bounds how many passages may hold the abbreviation
	// as a word per definition of it: "ACT" (defined 3 times, in
	// thousands of passages as the word "act") is an English word, not
	// an abbreviation a question means.
	abbrevUseRatio = 40
	// abbrevSample is how many of the passages holding an abbreviation's
	// word are read to see how the record writes it: when most write it
	// in lower case ("security pact", beside the PACT Act), it is an
	// English word, and a question's lower-case word means the word.
	abbrevSample = 12
)

// abbrevTable is the abbreviations a snapshot's record defines.
type abbrevTable struct {
	// byShort maps an abbreviation in lower case, without a plural "s"
	// ("ev"), to its entry.
	byShort map[string]*abbrev
	// byFirst maps the first term of a long form to the entries whose
	// long form starts with it.
	byFirst map[string][]*abbrev
}

// abbrev is one learned abbreviation.
type abbrev struct {
	// short is the abbreviation in lower case ("ev"); shortIDs are the
	// index's terms that write it ("ev", "evs").
	short    string
	shortIDs []int32
	// long is the long form's terms (text.Terms); longWords its words as
	// most often written, lower case, for the vector query.
	long      []string
	longWords string
}

// abbrevs returns the snapshot's abbreviation table, made on first use
// (the record's texts read once, on every core).
func (s *snapshot) abbrevs() *abbrevTable {
	s.abbrevOnce.Do(func() {
		s.abbrevTab = buildAbbrevs(s.lex, s.docTexts(), func(c int32) string { return s.chunks[c].Text })
	})
	return s.abbrevTab
}

// docTexts returns the documents' texts.
func (s *snapshot) docTexts() []string {
	out := make([]string, len(s.docs))
	for i, d := range s.docs {
		out[i] = d.Text
	}
	return out
}

// buildAbbrevs collects the abbreviations that texts define, keeping
// those the rules above admit and whose terms lex holds; chunkText
// returns the text of one of lex's chunks.
func buildAbbrevs(lex *lexicalIndex, texts []string, chunkText func(int32) string) *abbrevTable {
	type def struct{ short, long string }
	workers := max(1, min(runtime.GOMAXPROCS(0), len(texts)/64))
	parts := make([]map[def]int, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			m := map[def]int{}
			for i := w; i < len(texts); i += workers {
				text.Abbreviations(texts[i], func(short, long string) {
					m[def{strings.ToLower(short), long}]++
				})
			}
			parts[w] = m
		}()
	}
	wg.Wait()
	// The parts' counts are summed before any choice, so the table does
	// not depend on how many cores read the record.
	defs := map[def]int{}
	for _, m := range parts {
		for d, n := range m {
			defs[d] += n
		}
	}
	type form struct {
		n      int
		writes map[string]int // the long form's writings (lower case) and their counts
	}
	byShort := map[string]map[string]*form{}
	total := map[string]int{}
	for d, n := range defs {
		key := strings.Join(text.Terms(d.long), " ")
		if byShort[d.short] == nil {
			byShort[d.short] = map[string]*form{}
		}
		f := byShort[d.short][key]
		if f == nil {
			f = &form{writes: map[string]int{}}
			byShort[d.short][key] = f
		}
		f.n += n
		f.writes[strings.Join(text.Words(d.long), " ")] += n
		total[d.short] += n
	}
	tab := &abbrevTable{byShort: map[string]*abbrev{}, byFirst: map[string][]*abbrev{}}
	shorts := make([]string, 0, len(byShort))
	for s := range byShort {
		shorts = append(shorts, s)
	}
	slices.Sort(shorts)
	for _, short := range shorts {
		if text.IsStopword(short) {
			continue
		}
		var best string
		var bf *form
		for key, f := range byShort[short] {
			if bf == nil || f.n > bf.n || f.n == bf.n && key < best {
				best, bf = key, f
			}
		}
		long := strings.Fields(best)
		if bf.n < abbrevMinDefs || float64(bf.n) < abbrevShare*float64(total[short]) || len(long) < 2 {
			continue
		}
		a := &abbrev{short: short, long: long, longWords: mostWritten(bf.writes)}
		uses := 0
		for _, t := range []string{text.Stem(short), text.Stem(short + "s")} {
			if id, ok := lex.vocab[t]; ok && !slices.Contains(a.shortIDs, id) {
				a.shortIDs = append(a.shortIDs, id)
				uses += lex.df(id)
			}
		}
		if uses > abbrevUseRatio*bf.n || !lex.holdsAll(long) || mostlyLower(lex, short, a.shortIDs, chunkText) {
			continue
		}
		tab.byShort[short] = a
		tab.byFirst[long[0]] = append(tab.byFirst[long[0]], a)
	}
	return tab
}

// mostWritten returns the writing counted most often in writes, the
// first in byte order of those counted equally.
func mostWritten(writes map[string]int) string {
	var best string
	bn := 0
	for w, n := range writes {
		if n > bn || n == bn && w < best {
			best, bn = w, n
		}
	}
	return best
}

// lookup returns the abbreviation the query word w (lower case) writes,
// nil when the record defines none: "ev" and "evs" both find EV.
func (t *abbrevTable) lookup(w string) *abbrev {
	if t == nil {
		return nil
	}
	if a, ok := t.byShort[w]; ok {
		return a
	}
	if b, ok := strings.CutSuffix(w, "s"); ok {
		return t.byShort[b]
	}
	return nil
}

// longForms returns the abbreviations whose long form the query's terms
// (text.Terms, in order) hold as a run.
func (t *abbrevTable) longForms(terms []string) []*abbrev {
	if t == nil {
		return nil
	}
	var out []*abbrev
	for i, term := range terms {
		for _, a := range t.byFirst[term] {
			if i+len(a.long) <= len(terms) && slices.Equal(terms[i:i+len(a.long)], a.long) && !slices.Contains(out, a) {
				out = append(out, a)
			}
		}
	}
	return out
}

// holdsAll reports whether the index holds every one of terms.
func (ix *lexicalIndex) holdsAll(terms []string) bool {
	for _, t := range terms {
		if _, ok := ix.vocab[t]; !ok {
			return false
		}
	}
	return true
}

// mostlyLower reports whether most of the occurrences of the abbreviation
// short (lower case; its terms are ids), in a sample of abbrevSample of
// the passages holding each term spread over the record, are written in
// lower case.
func mostlyLower(lex *lexicalIndex, short string, ids []int32, chunkText func(int32) string) bool {
	lower, other := 0, 0
	for _, id := range ids {
		list := lex.chunk[lex.off[id]:lex.off[id+1]]
		step := max(1, len(list)/abbrevSample)
		for i := 0; i < len(list); i += step {
			t := chunkText(list[i])
			text.ScanTokens(t, func(w []byte, start, end int) {
				if string(w) != short && (len(w) != len(short)+1 || string(w[:len(short)]) != short || w[len(short)] != 's') {
					return
				}
				if strings.ToLower(t[start:end]) == t[start:end] {
					lower++
				} else {
					other++
				}
			})
		}
	}
	return lower > other
}

// recordForms is what the record's own writing tells about a question's
// words: the abbreviations it defines, and which terms it writes as names.
type recordForms struct {
	abbrevs *abbrevTable
	// named reports whether the record writes term id mostly with a
	// capital letter ("Iran", "Iranian"; not "civil", "civilian").
	named func(id int32) bool
}

// forms returns the snapshot's recordForms.
func (s *snapshot) forms() *recordForms {
	return &recordForms{abbrevs: s.abbrevs(), named: s.named}
}

// named reports whether the record writes term id mostly with a capital
// first letter (writtenAsName), cached.
func (s *snapshot) named(id int32) bool {
	if v, ok := s.isNamed.Load(id); ok {
		return v.(bool)
	}
	v := writtenAsName(s.lex, id, func(c int32) string { return s.chunks[c].Text })
	s.isNamed.Store(id, v)
	return v
}

// writtenAsName reports whether most occurrences of term id, in a sample
// of abbrevSample of the passages holding it spread over the record, are
// written with a capital first letter; chunkText returns a chunk's text.
func writtenAsName(lex *lexicalIndex, id int32, chunkText func(int32) string) bool {
	term := lex.spellerOf().terms[id]
	upper, lower := 0, 0
	list := lex.chunk[lex.off[id]:lex.off[id+1]]
	step := max(1, len(list)/abbrevSample)
	for i := 0; i < len(list); i += step {
		t := chunkText(list[i])
		text.ScanTokens(t, func(w []byte, start, _ int) {
			if len(w) < 2 || len(term) < 2 || string(w[:2]) != term[:2] || text.Stem(string(w)) != term {
				return
			}
			if c := t[start]; c >= 'A' && c <= 'Z' {
				upper++
			} else {
				lower++
			}
		})
	}
	return upper > lower
}

package main

import (
	"bytes"
	"index/suffixarray"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/text"
)

// sentence is one sentence of the record that a claim can be built from.
type sentence struct {
	doc  *corpus.Document
	turn corpus.Turn
	// turnIdx is the turn's index in doc.Turns(); seq the sentence's index
	// among the turn's sentences (eligible or not), so two sentences of one
	// statement can be told apart by distance.
	turnIdx, seq int
	text         string
	// next is, for a reporter's question, the speaker of the next turn by
	// a named official (the person the question was put to); "" if none.
	next string
}

// date is the day of the statement: the turn's, else the document's.
func (s sentence) date() string {
	if d := s.turn.DateString(); d != "" {
		return d
	}
	return s.doc.DateString()
}

// turnKey names a turn: its document and its index there.
type turnKey struct {
	doc  string
	turn int
}

// record is what the generator knows of the loaded record.
type record struct {
	docs []*corpus.Document
	// statements are eligible sentences of statement turns (an official,
	// an issuing office, a quoted source); questions are eligible reporter
	// questions. Both in document, then text order.
	statements []sentence
	questions  []sentence
	// byTurn holds the statements of each turn, in order.
	byTurn map[turnKey][]sentence
	// all indexes every document's words (text.Words) with a space before
	// and after each word and "\x00" between documents; spoken the same for
	// the statement turns only. A claim is in the record when its key,
	// padded with spaces, occurs in all. A suffix array answers each
	// look-up in microseconds, where a scan of the record's 100 MB took
	// tens of milliseconds for each of the thousand look-ups a set needs.
	all, spoken *suffixarray.Index
	// docStarts is where each document's words start in all.
	docStarts []int
	// sentenceCount counts every sentence of the record by key, whatever
	// its role: a cheap first test of uniqueness before the full count.
	sentenceCount map[string]int
	// capital counts, per word, how often it is written capitalised and
	// how often not: a name's words are nearly always capitalised.
	capital map[string][2]int
	// vocab holds frequent lower-case content words of statements by
	// ending class (see wordClass), in order, for the one-word change.
	vocab map[string][]string
	// officials are named speakers with a title who speak as officials in
	// at least minOfficialDocs documents: the pool of wrong attributions.
	officials []string
}

// The bounds of a sentence a claim is built from: real sentences, not
// headers, list items or fragments, and not so long that a Discord user
// would never paste them whole.
const (
	minWords = 8
	maxWords = 45
	// minOfficialDocs: a wrongly claimed speaker must be a regular of the
	// record, not a one-off interviewer.
	minOfficialDocs = 5
	// minVocabCount: a replacement word must be common in statements, so
	// the changed sentence still reads like the record.
	minVocabCount = 30
)

// key is a text as the record is compared here: its words as text.Words
// gives them (lower case, folded, punctuation and quote style dropped),
// joined by single spaces.
func key(s string) string { return strings.Join(text.Words(s), " ") }

// newRecord indexes the documents for the generator.
func newRecord(docs []*corpus.Document) *record {
	r := &record{docs: docs, sentenceCount: map[string]int{}, capital: map[string][2]int{}, byTurn: map[turnKey][]sentence{}}
	var all, spoken strings.Builder
	freq := map[string]int{}
	officialDocs := map[string]map[string]bool{}
	for _, d := range docs {
		all.WriteString("\x00")
		r.docStarts = append(r.docStarts, all.Len())
		all.WriteString(" ")
		spoken.WriteString("\x00 ")
		for _, w := range text.Words(d.Text) {
			all.WriteString(w)
			all.WriteByte(' ')
		}
		for _, tok := range text.Tokens(d.Text) {
			c := r.capital[tok.Word]
			first, _ := utf8.DecodeRuneInString(d.Text[tok.Start:])
			if unicode.IsUpper(first) {
				c[0]++
			} else {
				c[1]++
			}
			r.capital[tok.Word] = c
		}
		turns := d.Turns()
		for ti, t := range turns {
			body := t.Start
			if _, b, ok := text.LabelAt(d.Text, t.Start); ok && b <= t.End {
				body = b
			}
			src := d.Text[body:t.End]
			if t.Role.Statement() {
				for _, w := range text.Words(src) {
					spoken.WriteString(w)
					spoken.WriteByte(' ')
				}
				spoken.WriteString("\x00 ")
			}
			if t.Role == corpus.RoleOfficial && t.Speaker.Title != "" && len(strings.Fields(t.Speaker.Name)) >= 2 {
				if officialDocs[t.Speaker.Name] == nil {
					officialDocs[t.Speaker.Name] = map[string]bool{}
				}
				officialDocs[t.Speaker.Name][d.ID] = true
			}
			for seq, sp := range text.Sentences(src) {
				s := src[sp[0]:sp[1]]
				r.sentenceCount[key(s)]++
				switch {
				case t.Role.Statement() && eligible(s, false):
					st := sentence{doc: d, turn: t, turnIdx: ti, seq: seq, text: s}
					r.statements = append(r.statements, st)
					r.byTurn[turnKey{d.ID, ti}] = append(r.byTurn[turnKey{d.ID, ti}], st)
					for _, tok := range text.Tokens(s) {
						freq[tok.Word]++
					}
				case t.Role == corpus.RoleReporter && eligible(s, true):
					r.questions = append(r.questions, sentence{doc: d, turn: t, turnIdx: ti, seq: seq, text: s, next: r.nextOfficial(turns[ti+1:])})
				}
			}
		}
	}
	r.all, r.spoken = suffixarray.New([]byte(all.String())), suffixarray.New([]byte(spoken.String()))
	for name, ds := range officialDocs {
		if len(ds) >= minOfficialDocs && r.isName(name) {
			r.officials = append(r.officials, name)
		}
	}
	sort.Strings(r.officials)
	r.vocab = map[string][]string{}
	for w, n := range freq {
		if n >= minVocabCount && replaceable(w) && r.lowerWord(w) {
			r.vocab[wordClass(w)] = append(r.vocab[wordClass(w)], w)
		}
	}
	for _, ws := range r.vocab {
		sort.Strings(ws)
	}
	return r
}

// nextOfficial returns the speaker of the first turn by a named official
// among turns, stopping at the next reporter's question.
func (r *record) nextOfficial(turns []corpus.Turn) string {
	for _, t := range turns {
		if t.Role == corpus.RoleReporter {
			return ""
		}
		if t.Role == corpus.RoleOfficial {
			if r.isName(t.Speaker.Name) {
				return t.Speaker.Name
			}
			return ""
		}
	}
	return ""
}

// eligible reports whether s is a sentence a claim can be built from: one
// line, minWords to maxWords words, opening with a capital letter and
// ending as a sentence ends (with "?" exactly when question is set), with
// no quotation, bracketed stage direction, colon, elision or link in it.
func eligible(s string, question bool) bool {
	n := len(text.Tokens(s))
	if n < minWords || n > maxWords || strings.ContainsAny(s, "\n\"“”[]():…@") ||
		strings.Contains(s, "...") || strings.Contains(s, "--") || strings.Contains(s, "http") || strings.HasPrefix(s, "Q ") {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(first) {
		return false
	}
	last := s[len(s)-1]
	if question {
		return last == '?'
	}
	return last == '.' || last == '!'
}

// isName reports whether name reads as a person's name: every word of it
// is written capitalised at least nine times in ten across the record (so
// "Trump Aboard Air Force", a title misread as a name, and "The White
// House" are not), and it is not a role label such as "Senior
// Administration Official".
func (r *record) isName(name string) bool {
	words := text.Tokens(name)
	if len(words) == 0 || text.IsGenericLabel(strings.ToUpper(name)) {
		return false
	}
	for _, w := range words {
		c := r.capital[w.Word]
		if c[0] < 9*c[1] || c[0] == 0 {
			return false
		}
	}
	return true
}

// minBritish is how often the record must write a British spelling for
// it to be used: a spelling the record's British and Commonwealth
// speakers use ("organisation", "labour"), not a word of another language
// that a rule happens to make ("membres" from "members" at two uses).
const minBritish = 5

// british returns the British spelling of the American word w when the
// record writes it at least minBritish times.
func (r *record) british(w string) (string, bool) {
	for _, c := range britishCandidates(w) {
		if n := r.capital[c]; n[0]+n[1] >= minBritish {
			return c, true
		}
	}
	return "", false
}

// lowerWord reports whether w is written in lower case at least nineteen
// times in twenty: an ordinary word, not a name.
func (r *record) lowerWord(w string) bool {
	c := r.capital[w]
	return c[1] >= 19*c[0]
}

// count returns how many times the words of s occur, as whole words, in
// the whole record.
func (r *record) count(s string) int {
	k := key(s)
	if k == "" {
		return 0
	}
	return len(r.all.Lookup([]byte(" "+k+" "), -1))
}

// unique reports whether s occurs exactly once in the record: the claim's
// source is then the only place it can be found, so its speaker and date
// are the only right ones.
func (r *record) unique(s string) bool {
	return r.sentenceCount[key(s)] <= 1 && r.count(s) == 1
}

// absent reports whether s has words and they occur nowhere in the
// record.
func (r *record) absent(s string) bool { return key(s) != "" && r.count(s) == 0 }

// unspoken reports whether the words of s occur in no statement turn: no
// official, issuing office or quoted source said them.
func (r *record) unspoken(s string) bool {
	k := key(s)
	return k != "" && len(r.spoken.Lookup([]byte(" "+k+" "), 1)) == 0
}

// shingleSize is the length of the word runs nearestShare compares.
const shingleSize = 4

// nearestShare returns, for each claim, the largest share of its runs of
// shingleSize words that one document of the record holds: 1 for a
// verbatim quotation, about the share of its words taken from one source
// for a recombination. One pass over the record for all claims.
func (r *record) nearestShare(claims []string) []float64 {
	type claimShingles struct{ total int }
	owners := map[string][]int{}
	cs := make([]claimShingles, len(claims))
	for i, c := range claims {
		ws := text.Words(c)
		set := map[string]bool{}
		for j := 0; j+shingleSize <= len(ws); j++ {
			set[strings.Join(ws[j:j+shingleSize], " ")] = true
		}
		cs[i].total = len(set)
		for sh := range set {
			owners[sh] = append(owners[sh], i)
		}
	}
	best := make([]float64, len(claims))
	var buf []byte
	for _, d := range r.docs {
		found := map[int]map[string]bool{}
		ws := text.Words(d.Text)
		for j := 0; j+shingleSize <= len(ws); j++ {
			buf = buf[:0]
			for k, w := range ws[j : j+shingleSize] {
				if k > 0 {
					buf = append(buf, ' ')
				}
				buf = append(buf, w...)
			}
			for _, ci := range owners[string(buf)] {
				if found[ci] == nil {
					found[ci] = map[string]bool{}
				}
				found[ci][string(buf)] = true
			}
		}
		for ci, set := range found {
			if cs[ci].total > 0 {
				best[ci] = max(best[ci], float64(len(set))/float64(cs[ci].total))
			}
		}
	}
	return best
}

// occurrence is a place in the record where a claim's words are.
type occurrence struct {
	Doc     string `json:"doc"`
	Speaker string `json:"speaker"`
	Role    string `json:"role"`
	Date    string `json:"date"`
}

// occurrences returns up to limit places where the words of s are, with
// the speaker and role of the turn they start in.
func (r *record) occurrences(s string, limit int) []occurrence {
	k := key(s)
	if k == "" {
		return nil
	}
	offs := r.all.Lookup([]byte(" "+k+" "), limit)
	sort.Ints(offs)
	var out []occurrence
	for _, off := range offs {
		di := sort.SearchInts(r.docStarts, off+1) - 1
		if di < 0 {
			continue
		}
		d := r.docs[di]
		// the claim's first word is the nth word of the document
		nth := bytes.Count(r.all.Bytes()[r.docStarts[di]:off+1], []byte(" ")) - 1
		// text.Words drops single letters that Tokens keeps: count only
		// the words Words keeps.
		o := occurrence{Doc: d.ID}
		i := 0
		for _, tok := range text.Tokens(d.Text) {
			if len(tok.Word) < 2 && (tok.Word[0] < '0' || tok.Word[0] > '9') {
				continue
			}
			if i == nth {
				if t, ok := d.TurnAt(tok.Start); ok {
					o.Speaker, o.Role, o.Date = t.Speaker.Name, string(t.Role), t.DateString()
				}
				break
			}
			i++
		}
		out = append(out, o)
	}
	return out
}

package verify

import (
	"slices"
	"strings"
	"sync"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/retrieval"
	"github.com/readout/readout/text"
)

// speakerQualifier reports a word of a title that does not change who is
// meant: a title qualifier ("the White House Press Secretary", "U.S.
// Secretary of State", text.IsTitleQualifier), and "of", since titles are
// compared word by word ("Secretary of State", "State Secretary").
func speakerQualifier(w string) bool { return text.IsTitleQualifier(w) || w == "of" }

// claimedSpeaker is a claimed speaker read into name words and title
// words, lower case as text.Tokens writes them: "Admiral John Kirby" →
// name [john kirby], "the Press Secretary" → title [press secretary].
type claimedSpeaker struct {
	name, title []string
}

func readSpeaker(s string) claimedSpeaker {
	var c claimedSpeaker
	for _, t := range text.Tokens(s) {
		w := t.Word
		switch {
		case speakerQualifier(w) || text.IsHonorific(w) || text.IsStopword(w):
		case text.IsTitleWord(w):
			c.title = append(c.title, w)
		default:
			c.name = append(c.name, w)
		}
	}
	return c
}

// speakerMatches reports whether the claimed speaker can be the turn's
// (in document d): the claimed surname (the last name word) is one of the
// turn speaker's name words and every other claimed name word begins like
// one of them ("Jen Psaki", "Jennifer Psaki", "Psaki", "Karine
// Jean-Pierre", "Jean-Pierre"). A transcript often names a speaker by
// surname only ("Biden"): fullName gives the first name from the document
// or the record (full), and with none a claimed first name is not held
// against the turn. A claim naming only a title ("the Press Secretary") matches a
// turn whose speaker's title holds it, not after a word that makes it
// another post ("Principal Deputy Press Secretary", "Vice President"); a
// claim naming neither (a pronoun, "the White House") matches anyone.
func speakerMatches(claimed string, sp corpus.Speaker, d *corpus.Document, full map[string]string) bool {
	c := readSpeaker(claimed)
	if len(c.name) > 0 {
		nameWords := text.Words(fullName(sp, d, full))
		has := func(w string, prefix bool) bool {
			for _, n := range nameWords {
				// Words drops single letters, so n is never an initial.
				if n == w || prefix && text.SameGivenName(w, n) {
					return true
				}
			}
			return false
		}
		// Tokens keeps single letters (initials) that Words drops.
		if !has(c.name[len(c.name)-1], false) {
			return false
		}
		if len(nameWords) == 1 {
			return true // no first name to hold the claim's against
		}
		for _, w := range c.name[:len(c.name)-1] {
			if !has(w, true) {
				return false
			}
		}
		return true
	}
	if len(c.title) == 0 {
		return true
	}
	return titleHolds(sp.Title, c.title) || titleHolds(sp.Name, c.title)
}

// titleHolds reports whether the title's words hold the claimed title
// words in a row (British and American spellings alike: "adviser",
// "advisor"), not right after a word that makes the post another
// (text.IsRankModifier).
func titleHolds(title string, claimed []string) bool {
	var tw []string
	for _, t := range text.Tokens(title) {
		if !speakerQualifier(t.Word) {
			tw = append(tw, text.SpellingKey(t.Word))
		}
	}
	cw := make([]string, 0, len(claimed))
	for _, w := range claimed {
		if !speakerQualifier(w) {
			cw = append(cw, text.SpellingKey(w))
		}
	}
	if len(cw) == 0 {
		return true
	}
	for i := 0; i+len(cw) <= len(tw); i++ {
		if slices.Equal(tw[i:i+len(cw)], cw) && (i == 0 || !text.IsRankModifier(tw[i-1])) {
			return true
		}
	}
	return false
}

// speakerFilter is the claimed speaker as the index's speaker filter
// takes it: the surname, which every form of the name the record writes
// contains; "" for a title alone (the filter would miss the documents
// that name the person).
func speakerFilter(claimed string) string {
	c := readSpeaker(claimed)
	if len(c.name) == 0 {
		return ""
	}
	return c.name[len(c.name)-1]
}

// nameCache holds what the record knows of its speakers' names, rebuilt
// when the index's snapshot changes: the words of every speaker's name,
// and the full names of surnames (see fullName).
type nameCache struct {
	mu    sync.Mutex
	snap  string
	names map[string]bool
	// full maps a surname and a title ("biden|president") to the full
	// name the record gives most often with them, and a surname alone to
	// the one full name the record has for it (absent when it has several).
	full map[string]string
}

// get returns the name words of ix's live snapshot.
func (nc *nameCache) get(ix *retrieval.Index) map[string]bool {
	nc.mu.Lock()
	defer nc.mu.Unlock()
	nc.load(ix)
	return nc.names
}

// fullNames returns the full-name table of ix's live snapshot.
func (nc *nameCache) fullNames(ix *retrieval.Index) map[string]string {
	nc.mu.Lock()
	defer nc.mu.Unlock()
	nc.load(ix)
	return nc.full
}

func (nc *nameCache) load(ix *retrieval.Index) {
	id := ix.SnapshotID()
	if nc.names != nil && nc.snap == id {
		return
	}
	names := map[string]bool{}
	counts := map[string]map[string]int{} // key → full name → documents
	for _, d := range ix.Documents() {
		for _, sp := range d.Speakers {
			ws := text.Words(sp.Name)
			for _, w := range ws {
				if !text.IsStopword(w) && !text.IsTitleWord(w) && !text.IsCommon(text.Stem(w)) {
					names[w] = true
				}
			}
			if len(ws) < 2 {
				continue
			}
			sur := ws[len(ws)-1]
			for _, k := range []string{sur + "|" + titleKey(sp.Title), sur} {
				if counts[k] == nil {
					counts[k] = map[string]int{}
				}
				counts[k][sp.Name]++
			}
		}
	}
	full := map[string]string{}
	for k, byName := range counts {
		if !strings.Contains(k, "|") && len(byName) > 1 {
			continue // a surname alone that several people have
		}
		best, n := "", 0
		for name, c := range byName {
			if c > n || c == n && name < best {
				best, n = name, c
			}
		}
		full[k] = best
	}
	nc.snap, nc.names, nc.full = id, names, full
}

// titleKey is a title as the full-name table keys it: its words without
// qualifiers, spelling folded.
func titleKey(title string) string {
	var out []string
	for _, t := range text.Tokens(title) {
		if !speakerQualifier(t.Word) {
			out = append(out, text.SpellingKey(t.Word))
		}
	}
	return strings.Join(out, " ")
}

// fullName is the name of a turn's speaker in full: as the turn gives it,
// or, when a transcript names them by surname only ("Biden"), the full
// name the document's speakers give that surname, else the one the record
// gives it most often with the same title, else the one the record has
// for it.
func fullName(sp corpus.Speaker, d *corpus.Document, full map[string]string) string {
	ws := text.Words(sp.Name)
	if len(ws) != 1 {
		return sp.Name
	}
	if d != nil {
		for _, ds := range d.Speakers {
			if dw := text.Words(ds.Name); len(dw) > 1 && dw[len(dw)-1] == ws[0] {
				return ds.Name
			}
		}
	}
	if n, ok := full[ws[0]+"|"+titleKey(sp.Title)]; ok {
		return n
	}
	if n, ok := full[ws[0]]; ok {
		return n
	}
	return sp.Name
}

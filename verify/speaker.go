package verify

import (
	"sync"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/retrieval"
	"github.com/readout/readout/text"
)

// speakerQualifiers are words in front of a title that do not change who
// is meant ("the White House Press Secretary", "U.S. Secretary of State"),
// as the answer pipeline reads a title.
var speakerQualifiers = map[string]bool{"the": true, "u": true, "s": true, "us": true, "white": true, "house": true, "of": true}

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
		case speakerQualifiers[w] || text.IsHonorific(w):
		case text.IsTitleWord(w) || titleLike[w]:
			c.title = append(c.title, w)
		default:
			c.name = append(c.name, w)
		}
	}
	return c
}

// titleLike are military and diplomatic ranks used before a name that
// text's title words leave out.
var titleLike = map[string]bool{"admiral": true, "rear": true, "general": true, "colonel": true, "captain": true}

// speakerMatches reports whether the claimed speaker can be the turn's:
// the claimed surname (the last name word) is one of the turn speaker's
// name words and every other claimed name word begins like one of them
// ("Jen Psaki", "Jennifer Psaki", "Psaki", "Karine Jean-Pierre",
// "Jean-Pierre"); a claim naming only a title ("the Press Secretary")
// matches a turn whose speaker has those title words; a claim naming
// neither (a pronoun, "the White House") matches anyone.
func speakerMatches(claimed string, sp corpus.Speaker) bool {
	c := readSpeaker(claimed)
	nameWords := text.Words(sp.Name)
	if len(c.name) > 0 {
		has := func(w string, prefix bool) bool {
			for _, n := range nameWords {
				if n == w || prefix && len(w) >= 2 && len(n) >= 2 && w[:2] == n[:2] || prefix && len(w) == 1 && n[0] == w[0] {
					return true
				}
			}
			return false
		}
		// Tokens keeps single letters (initials) that Words drops.
		if !has(c.name[len(c.name)-1], false) {
			return false
		}
		for _, w := range c.name[:len(c.name)-1] {
			if !has(w, true) {
				return false
			}
		}
		return true
	}
	if len(c.title) > 0 {
		have := map[string]bool{}
		for _, w := range text.Words(sp.Title + " " + sp.Name) {
			have[w] = true
		}
		for _, w := range c.title {
			if !have[w] && !text.IsConnector(w) {
				return false
			}
		}
	}
	return true
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

// nameCache holds the words of the record's speakers' names, rebuilt when
// the index's snapshot changes.
type nameCache struct {
	mu    sync.Mutex
	snap  string
	names map[string]bool
}

// get returns the name words of ix's live snapshot.
func (nc *nameCache) get(ix *retrieval.Index) map[string]bool {
	nc.mu.Lock()
	defer nc.mu.Unlock()
	id := ix.SnapshotID()
	if nc.names != nil && nc.snap == id {
		return nc.names
	}
	names := map[string]bool{}
	for _, d := range ix.Documents() {
		for _, sp := range d.Speakers {
			for _, w := range text.Words(sp.Name) {
				if !text.IsStopword(w) && !text.IsTitleWord(w) && !text.IsCommon(text.Stem(w)) {
					names[w] = true
				}
			}
		}
	}
	nc.snap, nc.names = id, names
	return names
}

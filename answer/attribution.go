package answer

import (
	"github.com/readout/readout/corpus"
	"github.com/readout/readout/retrieval"
)

// Attribution reads who said the words an answer quotes from the turns of
// their document (corpus.Turn): a quotation is its turn's speaker's, with
// their title and the statement's date; a reporter's question, a
// moderator's or operator's line, and text of unknown origin are never
// quoted as the record's statements.

// sentenceTurn returns the turn holding the words an answer would quote
// from the sentence [start, end) of a hit's passage: the quoted words of a
// sentence mixing a quotation and its attribution, else the sentence's
// first byte.
func sentenceTurn(h retrieval.Hit, start, end int) (corpus.Turn, bool) {
	if h.Doc == nil {
		return corpus.Turn{}, false
	}
	ws, _ := spokenWords(h.Chunk.Text, start, end)
	return h.Doc.TurnAt(h.Chunk.Start + ws)
}

// quotableTurn reports whether words of the turn may be quoted in an
// answer: a statement (an official, an issuing office, a quoted source) or
// a report's own words, never a question asked, a line running the call,
// or text whose speaker the record does not give. A document without
// turns (none loaded) is quotable as before.
func quotableTurn(t corpus.Turn, ok bool) bool {
	if !ok {
		return true
	}
	return t.Role.Statement() || t.Role == corpus.RoleNarration
}

// speakerLabel writes a speaker as an answer shows them: "John Kirby, NSC
// Coordinator for Strategic Communications".
func speakerLabel(sp corpus.Speaker) string {
	if sp.Title == "" {
		return sp.Name
	}
	return sp.Name + ", " + sp.Title
}

// passageSpeakers names the speakers whose statements a hit's passage
// holds, in order: the officials, issuing offices and quoted sources of its
// turns. Reporters, moderators, operators and a report's narrator are not
// speakers of the record, however much of the passage they hold.
func passageSpeakers(h retrieval.Hit) []string {
	if h.Doc == nil {
		return nil
	}
	var names []string
	for _, t := range h.Doc.TurnsIn(h.Chunk.Start, h.Chunk.End) {
		if t.Role.Statement() && t.Speaker.Name != "" && !containsName(names, t.Speaker.Name) {
			names = append(names, t.Speaker.Name)
		}
	}
	return names
}

// containsName reports whether names holds n.
func containsName(names []string, n string) bool {
	for _, x := range names {
		if x == n {
			return true
		}
	}
	return false
}

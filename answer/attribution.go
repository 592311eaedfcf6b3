package answer

import (
	"fmt"
	"slices"
	"strings"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/prompts"
	"github.com/readout/readout/retrieval"

	"github.com/readout/readout/text"
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
	ws, _ := quotedWords(h, start, end)
	return h.Doc.TurnAt(h.Chunk.Start + ws)
}

// quotedWords narrows a sentence of a hit's passage to the words an answer
// quotes: in a report, the quotation without the reporter's "X said"
// (spokenWords); in an official's turn or a statement, the whole sentence,
// since every word of it is theirs, the words they quote in turn included
// ("a “D” or an “R”"), unless it holds a quotation the record credits to
// someone else: a release's "- Secretary Rubio: “…”" quotes Rubio.
func quotedWords(h retrieval.Hit, start, end int) (int, int) {
	if h.Doc != nil {
		if t, ok := h.Doc.TurnAt(h.Chunk.Start + start); ok && (t.Role == corpus.RoleOfficial || t.Role == corpus.RoleIssuer) &&
			!holdsReported(h.Doc, h.Chunk.Start+start, h.Chunk.Start+end) {
			return start, end
		}
	}
	return spokenWords(h.Chunk.Text, start, end)
}

// holdsReported reports whether the text [start, end) of d holds words
// the record credits to a quoted source (corpus.RoleReported).
func holdsReported(d *corpus.Document, start, end int) bool {
	for _, t := range d.TurnsIn(start, end) {
		if t.Role == corpus.RoleReported {
			return true
		}
	}
	return false
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

// maxPromptTurns bounds the "who speaks" lines of one passage: a passage
// of a report can hold many short quotations.
const maxPromptTurns = 12

// promptTurns says who speaks where in a hit's passage, for the prompt:
// each turn's first words and its speaker in the role the record gives.
func promptTurns(h retrieval.Hit) []prompts.Turn {
	if h.Doc == nil {
		return nil
	}
	var out []prompts.Turn
	for _, t := range h.Doc.TurnsIn(h.Chunk.Start, h.Chunk.End) {
		words := strings.Fields(h.Doc.Text[t.Start:t.End])
		if len(words) == 0 {
			continue
		}
		if len(out) == maxPromptTurns {
			break
		}
		out = append(out, prompts.Turn{Opening: strings.Join(words[:min(len(words), 8)], " "), Who: turnWho(t)})
	}
	return out
}

// turnWho describes a turn's speaker for the prompt.
func turnWho(t corpus.Turn) string {
	date := ""
	if d := t.DateString(); d != "" {
		date = ", " + d
	}
	name := speakerLabel(t.Speaker)
	switch t.Role {
	case corpus.RoleOfficial, corpus.RoleIssuer, corpus.RoleReported:
		if name == "" {
			return "unnamed" + date
		}
		return name + date
	case corpus.RoleNarration:
		if name == "" {
			return "the report's own words" + date
		}
		return "the report's own words (" + name + ")" + date
	case corpus.RoleReporter:
		return "a reporter's question, not a statement"
	case corpus.RoleModerator, corpus.RoleOperator:
		if name == "" || name == "Moderator" || name == "Operator" {
			return "the " + string(t.Role) + ", running the call, not a statement"
		}
		return name + " running the call, not a statement"
	}
	if name != "" {
		return name + ", not an official"
	}
	return "not attributed by the record"
}

// contextCues are the words with which an answer labels a quotation as the
// question asked rather than a statement ("a reporter asked, “…”").
var contextCues = []string{"asked", "asking", "question", "reporter", "moderator", "operator", "journalist"}

// checkAttribution looks up where each quotation of a generated answer
// comes from in the passages it cites. A quotation found only in a
// reporter's question, a moderator's or operator's line or text of unknown
// origin loses its quotation marks unless its sentence says it is the
// question asked; each citation then lists as quoted only the speakers
// whose statements the answer quotes from it. cites are citations of
// hits (see BuildCitations). It returns the text, how many quotations it
// unquoted, and the warning to show.
func checkAttribution(src string, cites []Citation, hits []retrieval.Hit) (string, int, []string) {
	docOf := func(c Citation) *corpus.Document {
		for _, h := range hits {
			if h.Doc != nil && h.Doc.ID == c.Doc && h.Chunk.Start == c.Start {
				return h.Doc
			}
		}
		return nil
	}
	quoted := make([][]string, len(cites))
	sentences := text.Sentences(src)
	markers := ParseCitations(src)
	type cut struct{ start, end int }
	var cuts []cut
	var misnamed []string // "X's words credited to Y"
	for _, q := range text.FindQuotes(src) {
		if q.Block {
			continue
		}
		lo, hi := sentenceAround(sentences, q.Start(), q.End())
		var inSentence []int
		for _, m := range markers {
			if m.End > lo && m.Start < hi {
				inSentence = append(inSentence, m.Numbers...)
			}
		}
		words := strings.TrimSpace(citationGroupRe.ReplaceAllString(q.Words(src), ""))
		words = strings.TrimRight(words, ",.;:")
		if words == "" {
			continue
		}
		found, statement := false, false
		var speakers []corpus.Speaker // of the statement turns holding the words
		var others []string           // other speakers of those documents
		var adds []quotedBy           // who each citation quotes, if the quotation stays
		for i, c := range cites {
			if len(inSentence) > 0 && !slices.Contains(inSentence, c.N) {
				continue
			}
			at := strings.Index(c.Passage, words)
			d := docOf(c)
			if at < 0 || d == nil {
				continue
			}
			found = true
			for _, t := range d.TurnsIn(c.Start+at, c.Start+at+len(words)) {
				if t.Role.Statement() || t.Role == corpus.RoleNarration {
					statement = true
				}
				if t.Role.Statement() && t.Speaker.Name != "" {
					speakers = append(speakers, t.Speaker)
					adds = append(adds, quotedBy{i, t.Speaker.Name})
				}
			}
			for _, t := range d.Turns() {
				if t.Role.Statement() && personName(t.Speaker.Name) && !containsName(others, t.Speaker.Name) {
					others = append(others, t.Speaker.Name)
				}
			}
		}
		if found && len(speakers) > 0 {
			// The sentence credits the words to another person of the
			// document, and not to the one whose turn holds them.
			outside := src[lo:q.Start()] + " " + src[q.End():hi]
			if who := creditedTo(outside, speakers, others); who != "" {
				cuts = append(cuts, cut{q.Start(), q.End()})
				misnamed = append(misnamed, fmt.Sprintf("words of %s were credited to %s", speakerLabel(speakers[0]), who))
				continue
			}
			for _, a := range adds {
				if !containsName(quoted[a.cite], a.name) {
					quoted[a.cite] = append(quoted[a.cite], a.name)
				}
			}
			continue
		}
		if !found || statement {
			continue
		}
		sentence := strings.ToLower(src[lo:hi])
		labelled := false
		for _, cue := range contextCues {
			labelled = labelled || strings.Contains(sentence, cue)
		}
		if !labelled {
			cuts = append(cuts, cut{q.Start(), q.End()})
		}
	}
	for i := range cites {
		cites[i].Speakers = quoted[i]
		if cites[i].Speakers == nil {
			cites[i].Speakers = []string{}
		}
	}
	if len(cuts) == 0 {
		return src, 0, nil
	}
	// Unquote from the end, so earlier offsets stay valid.
	for k := len(cuts) - 1; k >= 0; k-- {
		c := cuts[k]
		var q text.QuoteSpan
		for _, f := range text.FindQuotes(src) {
			if f.Start() == c.start && f.End() == c.end {
				q = f
			}
		}
		src = src[:c.start] + q.Words(src) + src[c.end:]
	}
	var warnings []string
	if n := len(cuts) - len(misnamed); n > 0 {
		warnings = append(warnings, fmt.Sprintf("%s of a reporter's question or a moderator's line %s presented as a statement, so %s no longer quoted.",
			plural(n, "quotation", "quotations"), pick(n, "was", "were"), pick(n, "it is", "they are")))
	}
	for _, m := range misnamed {
		warnings = append(warnings, "A quotation's "+m+", so it is no longer quoted.")
	}
	return src, len(cuts), warnings
}

// quotedBy is a speaker a citation's passage is quoted for.
type quotedBy struct {
	cite int
	name string
}

// creditedTo returns the person of others that the words around a
// quotation name, when they name none of the speakers whose words it is.
// A sentence naming nobody ("the spokesperson said") credits no one.
func creditedTo(around string, speakers []corpus.Speaker, others []string) string {
	for _, sp := range speakers {
		if namesPerson(around, sp.Name) {
			return ""
		}
	}
	for _, o := range others {
		if namesPerson(around, o) {
			return o
		}
	}
	return ""
}

// namesPerson reports whether s names the person, by full name or surname,
// as whole words.
func namesPerson(s, name string) bool {
	words := strings.Fields(strings.TrimSuffix(strings.TrimSuffix(name, ", Jr."), " Jr."))
	if len(words) == 0 {
		return false
	}
	return nameIndex(s, name, false) >= 0 || nameIndex(s, words[len(words)-1], false) >= 0
}

// personName reports a name of two or more capitalised words: a person,
// not a role ("Reporter") or an office ("The White House").
func personName(n string) bool {
	words := strings.Fields(n)
	if len(words) < 2 || strings.EqualFold(words[0], "the") {
		return false
	}
	for _, w := range words {
		if r := []rune(w)[0]; r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// whoLinks may stand between "who" and the verb of a question asking who
// made a statement: "who first said", "who actually called".
var whoLinks = map[string]bool{"first": true, "last": true, "else": true, "actually": true, "publicly": true,
	"originally": true, "also": true, "ever": true, "just": true, "recently": true}

// asksWhoSpoke reports whether a question asks who made a statement:
// "who" as the subject of a verb of saying or of a past-tense verb ("who
// said …", "who called … feckless", "who put out the statement", "who
// credited …"). "who did Kirby blame" asks for the one blamed, and "who
// is the press secretary" for a post's holder: neither is asked this way.
func asksWhoSpoke(q string) bool {
	toks := text.Tokens(text.SpellOutChat(q))
	for i, t := range toks {
		if t.Word != "who" {
			continue
		}
		j := i + 1
		for j < len(toks) && whoLinks[toks[j].Word] {
			j++
		}
		if j >= len(toks) {
			return false
		}
		w := toks[j].Word
		return text.IsAskVerb(w) || strings.HasSuffix(w, "ed") && !text.IsStopword(w)
	}
	return false
}

// whoSpoke names the person whose statement the sentence [start, end) of
// a hit is, as an answer's first line names who said what was asked:
// "Karoline Leavitt, White House Press Secretary, said it on 2025-06-07
// [1]." It returns "" when the sentence is an office's, a report's own
// or words its speaker quotes from someone else (“He said, “…””): the
// turn's speaker did not say them first.
func whoSpoke(h retrieval.Hit, start, end int, pp *people) string {
	t, ok := sentenceTurn(h, start, end)
	if ok {
		// "Remarks by Vice President Harris" labels her "Harris": the
		// record's people name her in full, as the quotation's line does.
		t.Speaker = pp.fullName(t.Speaker, statedOn(h))
	}
	if !ok || !t.Role.Statement() || !personName(t.Speaker.Name) {
		return ""
	}
	ws, we := quotedWords(h, start, end)
	if quoteMarkRe.MatchString(strings.Trim(h.Chunk.Text[ws:we], "“”\" ")) {
		return ""
	}
	line := speakerLabel(t.Speaker)
	if t.Speaker.Title != "" {
		line += ","
	}
	line += " said it"
	if d := t.DateString(); d != "" {
		line += " on " + d
	}
	return line + " [1]."
}

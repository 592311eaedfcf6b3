package verify

import (
	"fmt"
	"strings"
)

// Summary is the verdict in one sentence, for a person: what the record
// says about the claim, who spoke the words and when. The command line and
// the bot both show it.
func (r Result) Summary() string {
	who := r.Speaker
	if who == "" {
		who = "an unnamed speaker"
	}
	if r.SpeakerTitle != "" {
		who += " (" + r.SpeakerTitle + ")"
	}
	on := ""
	if r.Date != "" {
		on = " on " + r.Date
	}
	switch r.Verdict {
	case Exact:
		s := "Exact: " + who + " said these words" + on
		if r.Joined {
			s += ", in sentences the quotation joins that are apart in the record"
		}
		return s + "."
	case Close:
		s := "Close: " + who + " said nearly these words" + on
		if len(r.Changes) > 0 {
			return s + "; the differences change the meaning (" + changeList(r.Changes) + ")."
		}
		return s + "; the differences are marked below."
	case OtherSpeaker:
		return "Said by someone else: " + who + " said these words" + on + ", not the speaker claimed."
	case OtherDate:
		return "Said at another time: " + who + " said these words" + on + ", outside the period claimed."
	case QuestionOnly:
		what := "a reporter's question"
		if role := strings.TrimSpace(r.Role); role != "reporter" {
			what = "a " + role + "'s line"
			if role != "" && strings.ContainsRune("aeiou", rune(role[0])) {
				what = "an " + role + "'s line" // an operator's
			}
		}
		return "Only asked: these words are " + what + on + ", which no official repeated; they are nobody's statement."
	case NotFound:
		s := "Not in the record: nothing close to these words"
		if r.Covers[0] != "" {
			s += fmt.Sprintf(" in the record (%s to %s)", r.Covers[0], r.Covers[1])
		}
		if len(r.Nearest) > 0 {
			s += "; the nearest passages on the subject follow"
		}
		return s + "."
	}
	return string(r.Verdict)
}

// changeList writes the meaning changes for a sentence: "a negation, a
// number".
func changeList(cs []string) string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = "a " + c
	}
	return strings.Join(out, ", ")
}

// Marked is the record's words with the claim's differences marked as
// Markdown: ~~words the claim has that the record does not~~ and **the
// record's words the claim changed or left out**, so "~~never~~ **not**"
// reads "the claim says never, the record not". Omissions the claim marks
// with an ellipsis, and sentences it joins over, are "…". The words are
// as the record and the claim write them: a caller rendering Markdown
// passes escape, which receives each piece (nil leaves them as they are).
func (r Result) Marked(escape func(string) string) string {
	if escape == nil {
		escape = func(s string) string { return s }
	}
	var parts []string
	for _, op := range r.Diff {
		switch op.Op {
		case OpSame:
			parts = append(parts, escape(op.Record))
		case OpAdd:
			parts = append(parts, "~~"+escape(op.Claimed)+"~~")
		case OpDrop:
			parts = append(parts, "**"+escape(op.Record)+"**")
		case OpChange:
			parts = append(parts, "~~"+escape(op.Claimed)+"~~ **"+escape(op.Record)+"**")
		}
	}
	return strings.Join(parts, " ")
}

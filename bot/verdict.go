package bot

import (
	"strings"

	"github.com/readout/readout/answer"
	"github.com/readout/readout/verify"
)

// Sizes of a verdict's parts, in runes: with the claim's header (300) and a
// footnote (about 250) one verdict stays within one message.
const (
	verdictRecordRunes  = 600 // the record's words, with the differences marked
	verdictContextRunes = 160 // the sentence before, and the one after
	verdictNearest      = 3   // nearest passages shown when not found
)

// verdict is one claim and what became of it: the verifier's result, or
// why it could not be checked.
type verdict struct {
	claim   verify.Claim
	result  verify.Result
	problem string
}

// renderVerdicts renders the verdicts, one block each; the footnote
// numbers run through the reply. Every text from the record or the claim
// is escaped and its masked links neutralised; the caller defuses mentions
// over the whole.
func renderVerdicts(vs []verdict) string {
	blocks := make([]string, 0, len(vs))
	n := 0
	for _, v := range vs {
		if v.problem != "" {
			blocks = append(blocks, claimLine(v.claim, v.claim.Text)+"\n⚪ **Not checked** — "+untrusted(oneLine(v.problem))+".")
			continue
		}
		blocks = append(blocks, renderVerdict(v.claim, v.result, &n))
	}
	return strings.Join(blocks, "\n\n")
}

// claimLine is a verdict's first line: the claimed words, and who they are
// said to be by.
func claimLine(c verify.Claim, claimed string) string {
	s := "> " + untrusted(truncate(oneLine(claimed), 300))
	if c.Speaker != "" {
		s += " — " + untrusted(truncate(oneLine(c.Speaker), 80))
	}
	return s
}

// renderVerdict is one claim's block: the claim, the verdict, the record's
// words with the differences marked between the sentence before and the
// one after, what the differences change, and the source; or, when not
// found, the period the record covers and the nearest passages.
func renderVerdict(c verify.Claim, r verify.Result, n *int) string {
	var sb strings.Builder
	claimed := r.Claimed
	if claimed == "" {
		claimed = c.Text
	}
	sb.WriteString(claimLine(c, claimed))
	sb.WriteString("\n" + verdictLine(c, r))
	if r.Verdict == verify.NotFound {
		for k, near := range r.Nearest {
			if k == verdictNearest {
				break
			}
			*n++
			sb.WriteString("\n" + footnote(citationOfVerify(*n, near)))
			if p := oneLine(near.Text); p != "" {
				sb.WriteString("\n-# " + untrusted(truncate(p, verdictContextRunes)))
			}
		}
		return sb.String()
	}
	if before := oneLine(r.Context.Before); before != "" {
		sb.WriteString("\n-# " + untrusted(lastRunes(before, verdictContextRunes)))
	}
	// Before + Record + After reads on: the punctuation that ends the
	// record's words goes with them, not at the start of the next line.
	after := oneLine(r.Context.After)
	ends := strings.TrimLeftFunc(after, isClosingPunct)
	if words := renderDiff(r, verdictRecordRunes); words != "" {
		sb.WriteString("\n> " + words + untrusted(after[:len(after)-len(ends)]))
	}
	if ends = strings.TrimSpace(ends); ends != "" {
		sb.WriteString("\n-# " + untrusted(truncate(ends, verdictContextRunes)))
	}
	if ch := meaningChanges(r.Changes); ch != "" {
		sb.WriteString("\n-# ⚠️ The differences change the meaning: " + ch + ".")
	}
	if r.Citation != nil {
		*n++
		sb.WriteString("\n" + footnote(citationOfVerify(*n, *r.Citation)))
	}
	return sb.String()
}

// verdictLine says in one line what the verdict means, who spoke the
// words and when.
func verdictLine(c verify.Claim, r verify.Result) string {
	by := ""
	if r.Speaker != "" {
		by = " by **" + untrusted(oneLine(r.Speaker)) + "**"
		if r.SpeakerTitle != "" {
			by += " (" + untrusted(oneLine(r.SpeakerTitle)) + ")"
		}
	}
	joined := ""
	if r.Joined {
		joined = " The quotation joins sentences that are apart in the record."
	}
	on := ""
	if r.Date != "" {
		on = " on " + untrusted(r.Date)
	}
	// Words that differ from the record are marked in its words below;
	// the line says how to read the marks.
	words, legend := "these words", ""
	if differs(r.Diff) {
		words, legend = "nearly these words", ": ~~struck~~ words are only in the quotation, **bold** ones only in the record"
	}
	switch r.Verdict {
	case verify.Exact:
		return "✅ **Exact** — the record has these words, said" + by + on + "." + joined
	case verify.Close:
		return "🟡 **Close** — the record has nearly these words, said" + by + on + legend + "." + joined
	case verify.OtherSpeaker:
		not := ""
		if c.Speaker != "" {
			not = ", not " + untrusted(truncate(oneLine(c.Speaker), 80))
			if on != "" {
				not += ","
			}
		}
		return "🔁 **Said by someone else** — the record has " + words + ", said" + by + not + on + legend + "."
	case verify.OtherDate:
		return "📅 **Said at another time** — the record has " + words + ", said" + by + on + ", outside the period given" + periodOf(c) + legend + "."
	case verify.QuestionOnly:
		return "❓ **A reporter's question** — a reporter asked " + words + on + "; the official answering did not repeat them" + legend + "."
	case verify.NotFound:
		s := "❌ **Not in the record** — nothing close to these words"
		if p := periodOf(c); p != "" {
			s += " in the period given" + p
		}
		s += " in the record"
		if r.Covers[0] != "" && r.Covers[1] != "" {
			s += ", which covers " + untrusted(r.Covers[0]) + " to " + untrusted(r.Covers[1])
		}
		if len(r.Nearest) > 0 {
			return s + ". The nearest passages on the subject:"
		}
		return s + "."
	}
	return "**" + untrusted(string(r.Verdict)) + "**" + by + on + "."
}

// periodOf spells the claim's period, " (2023-01-01 to 2023-12-31)", or
// "" when it has none.
func periodOf(c verify.Claim) string {
	const day = "2006-01-02"
	switch {
	case !c.Since.IsZero() && !c.Until.IsZero():
		return " (" + c.Since.Format(day) + " to " + c.Until.Format(day) + ")"
	case !c.Since.IsZero():
		return " (from " + c.Since.Format(day) + ")"
	case !c.Until.IsZero():
		return " (until " + c.Until.Format(day) + ")"
	}
	return ""
}

// renderDiff is the record's words with the differences from the claim
// marked word by word: ~~words only in the claim~~ **words only in the
// record**. It stops at about budget runes, with "…".
func renderDiff(r verify.Result, budget int) string {
	if !differs(r.Diff) {
		if r.Record == "" {
			return ""
		}
		return untrusted(truncate(oneLine(r.Record), budget))
	}
	var parts []string
	used := 0
	for _, op := range r.Diff {
		claimed, record := oneLine(op.Claimed), oneLine(op.Record)
		var s string
		if op.Op == verify.OpSame {
			same := record
			if same == "" {
				same = claimed
			}
			if left := budget - used; runes(same) > left {
				if left > 20 {
					parts = append(parts, untrusted(truncate(same, left)))
				} else {
					parts = append(parts, "…")
				}
				break
			}
			s = untrusted(same)
		} else {
			if claimed != "" {
				s = "~~" + untrusted(claimed) + "~~"
			}
			if record != "" {
				if s != "" {
					s += " "
				}
				s += "**" + untrusted(record) + "**"
			}
			if used+runes(s) > budget {
				parts = append(parts, "…")
				break
			}
		}
		if s == "" {
			continue
		}
		parts = append(parts, s)
		used += runes(s) + 1
	}
	return strings.Join(parts, " ")
}

// differs reports a diff with a difference in it.
func differs(diff []verify.DiffOp) bool {
	for _, op := range diff {
		if op.Op != verify.OpSame {
			return true
		}
	}
	return false
}

// meaningChanges spells the kinds of meaning change the verifier found.
func meaningChanges(kinds []string) string {
	var out []string
	for _, k := range kinds {
		switch k {
		case "negation":
			out = append(out, "a negation added or removed")
		case "number":
			out = append(out, "a number changed")
		case "name":
			out = append(out, "a name changed")
		default:
			if k = oneLine(k); k != "" {
				out = append(out, untrusted(k))
			}
		}
	}
	return strings.Join(out, ", ")
}

// citationOfVerify renders a verifier's citation as the bot's sources are
// rendered (see footnote).
func citationOfVerify(n int, c verify.Citation) answer.Citation {
	return answer.Citation{N: n, Doc: c.Doc, Title: c.Title, Outlet: c.Outlet, URL: c.URL, Date: c.Date}
}

// isClosingPunct reports punctuation that ends a sentence or closes a
// quotation or bracket.
func isClosingPunct(r rune) bool { return strings.ContainsRune(`.,;:!?…"'”’»)]`, r) }

// lastRunes keeps the end of s, at most n runes, starting with "…" when
// cut: the sentence before a quotation matters most where it meets it.
func lastRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return "…" + strings.TrimSpace(string(r[len(r)-n+1:]))
}

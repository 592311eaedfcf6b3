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
			blocks = append(blocks, claimLine(v.claim, v.claim.Text)+"\n⚪ Not checked: "+untrusted(oneLine(v.problem))+".")
			continue
		}
		blocks = append(blocks, renderVerdict(v.claim, v.result, &n))
	}
	return strings.Join(blocks, "\n\n")
}

// claimLine is a verdict's first line: the claimed words, who they are
// said to be by and when.
func claimLine(c verify.Claim, claimed string) string {
	s := "> " + lineStart(untrusted(truncate(oneLine(claimed), 300)))
	if c.Speaker != "" {
		s += " — " + untrusted(truncate(oneLine(c.Speaker), 80))
	}
	return s + periodOf(c)
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
	sb.WriteString("\n" + verdictLine(r))
	if r.Verdict == verify.NotFound {
		for k, near := range r.Nearest {
			if k == verdictNearest {
				break
			}
			*n++
			sb.WriteString("\n" + footnote(citationOfVerify(*n, near)))
			if p := oneLine(near.Text); p != "" {
				sb.WriteString("\n-# " + lineStart(untrusted(truncate(p, verdictContextRunes))))
			}
		}
		return sb.String()
	}
	if before := oneLine(r.Context.Before); before != "" {
		sb.WriteString("\n-# " + lineStart(untrusted(lastRunes(before, verdictContextRunes))))
	}
	// Before + Record + After reads on: the punctuation that ends the
	// record's words goes with them, not at the start of the next line.
	after := oneLine(r.Context.After)
	ends := strings.TrimLeftFunc(after, isClosingPunct)
	if words := markedWords(r, verdictRecordRunes); words != "" {
		sb.WriteString("\n> " + lineStart(words) + untrusted(after[:len(after)-len(ends)]))
	}
	if ends = strings.TrimSpace(ends); ends != "" {
		sb.WriteString("\n-# " + lineStart(untrusted(truncate(ends, verdictContextRunes))))
	}
	if differs(r.Diff) {
		sb.WriteString("\n-# ~~Struck~~: only in the quotation; **bold**: only in the record.")
	}
	// The summary names the meaning changes of a close quotation; a
	// quotation said by someone else or at another time can have them too.
	if ch := meaningChanges(r.Changes); ch != "" && r.Verdict != verify.Close {
		sb.WriteString("\n-# ⚠️ The differences change the meaning: " + ch + ".")
	}
	if r.Citation != nil {
		*n++
		sb.WriteString("\n" + footnote(citationOfVerify(*n, *r.Citation)))
	}
	return sb.String()
}

// verdictMarks are the signs that open each verdict's line.
var verdictMarks = map[verify.Verdict]string{
	verify.Exact: "✅", verify.Close: "🟡", verify.OtherSpeaker: "🔁", verify.OtherDate: "📅",
	verify.QuestionOnly: "❓", verify.NotFound: "❌",
}

// verdictLine is the verdict in one sentence (verify's Summary, as the
// command line shows it), in bold after its sign.
func verdictLine(r verify.Result) string {
	mark := verdictMarks[r.Verdict]
	if mark == "" {
		mark = "•"
	}
	return mark + " **" + untrusted(oneLine(r.Summary())) + "**"
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

// markedWords is the record's words with the differences from the claim
// marked (verify's Result.Marked: ~~only in the claim~~ **only in the
// record**), escaped, within about budget runes: the steps of the diff
// past it are left out, with "…".
func markedWords(r verify.Result, budget int) string {
	if !differs(r.Diff) {
		if r.Record == "" {
			return ""
		}
		return untrusted(truncate(oneLine(r.Record), budget))
	}
	fit := r
	fit.Diff = make([]verify.DiffOp, 0, len(r.Diff))
	used, cut := 0, false
	for _, op := range r.Diff {
		n := runes(op.Claimed) + runes(op.Record) + len("~~~~ ****")
		if used+n > budget {
			if left := budget - used; op.Op == verify.OpSame && left > 20 {
				op.Record = truncate(oneLine(op.Record), left)
				fit.Diff = append(fit.Diff, op)
			}
			cut = true
			break
		}
		fit.Diff = append(fit.Diff, op)
		used += n
	}
	s := fit.Marked(func(w string) string { return untrusted(oneLine(w)) })
	if cut && !strings.HasSuffix(s, "…") {
		s += " …"
	}
	return s
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

// lineStart escapes what Discord reads as a block's mark at the start of a
// line ("# " a heading, "-# " small print, "> " a quotation, "- " or "1. "
// a list) when words the bot did not write open one of its lines: a
// quotation such as "## ✅ Exact: …" must not show as a heading of the
// bot's own under its verdict. untrusted has escaped the inline marks.
func lineStart(s string) string {
	switch {
	case s == "":
		return s
	case strings.ContainsRune("#->+", rune(s[0])):
		return `\` + s
	}
	if d := strings.TrimLeft(s, "0123456789"); len(d) < len(s) && (strings.HasPrefix(d, ".") || strings.HasPrefix(d, ")")) {
		return s[:len(s)-len(d)] + `\` + d
	}
	return s
}

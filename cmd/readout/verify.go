package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/readout/readout/verify"
)

// cmdVerify is the twin of the bot's /verify: the verdict on one claimed
// quotation, with the record's words, the differences marked, the
// speaker, the date, the source and the sentences around the words.
func cmdVerify(ctx context.Context, f *commonFlags, pos []string, s streams) error {
	claim := strings.TrimSpace(strings.Join(pos, " "))
	if claim == "" {
		return usageError{`give the quotation to check, e.g. readout verify "we are quite serious about the international mission"`}
	}
	period, err := f.filters()
	if err != nil {
		return err
	}
	cl := verify.Claim{Text: claim, Speaker: strings.TrimSpace(f.speaker), Since: period.Since, Until: period.Until}
	if err := cl.Validate(); err != nil {
		return usageError{err.Error()}
	}
	a, err := setupQuery(ctx, f, s.stderr)
	if err != nil {
		return err
	}
	defer a.close()
	res, err := verify.New(a.idx).Check(ctx, cl)
	if err != nil {
		return fmt.Errorf("verify: %w", err)
	}
	if f.json {
		if res.Diff == nil {
			res.Diff = []verify.DiffOp{}
		}
		return writeJSON(s.stdout, res)
	}
	_, err = io.WriteString(s.stdout, verdictText(res))
	return err
}

// verdictText is a verdict for the terminal: the verdict in one line, then
// the record's words with the differences marked (~~the claim's~~
// **the record's**), the speaker, the date, the source and the context.
func verdictText(r verify.Result) string {
	var b strings.Builder
	b.WriteString(r.Summary() + "\n")
	if r.Verdict == verify.NotFound {
		for i, c := range r.Nearest {
			fmt.Fprintf(&b, "\n[%d] %s\n", i+1, sourceLine(c))
			b.WriteString("    " + truncate(c.Text, 300) + "\n")
		}
		return b.String()
	}
	row := func(label, v string) {
		if v != "" {
			fmt.Fprintf(&b, "%-9s%s\n", label+":", v)
		}
	}
	b.WriteString("\n")
	row("Record", "“"+flat(r.Marked(nil))+"”")
	if len(r.Changes) > 0 {
		row("Changes", strings.Join(r.Changes, ", "))
	}
	who := r.Speaker
	if r.SpeakerTitle != "" {
		who += ", " + r.SpeakerTitle
	}
	if r.Role != "" && r.Role != "official" {
		who += " (" + r.Role + ")"
	}
	row("Speaker", who)
	row("Date", r.Date)
	if c := r.Citation; c != nil {
		row("Source", sourceLine(*c))
	}
	if r.Context.Before != "" || r.Context.After != "" {
		after := truncate(flat(r.Context.After), 300)
		if after != "" && !strings.ContainsAny(after[:1], ".,;:!?)”’\"'") {
			after = " " + after
		}
		row("Context", strings.TrimSpace(truncateLeft(flat(r.Context.Before), 300)+" ["+flat(r.Record)+"]"+after))
	}
	return b.String()
}

// sourceLine is a citation on one line, then its link.
func sourceLine(c verify.Citation) string {
	var parts []string
	for _, p := range []string{c.Outlet, c.Date, c.Title} {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	s := fmt.Sprintf("%s (%s, passage %d)", strings.Join(parts, " — "), c.Doc, c.Chunk)
	if c.URL != "" {
		s += "\n         " + c.URL
	}
	return s
}

// flat joins the lines and spaces of s into single spaces.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// truncateLeft keeps the last n runes of s, with "…" in front.
func truncateLeft(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return "…" + strings.TrimLeft(string(r[len(r)-n+1:]), " ")
}

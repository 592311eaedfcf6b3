package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/readout/readout/answer"
)

func cmdAsk(ctx context.Context, f *commonFlags, pos []string, s streams) error {
	question := strings.TrimSpace(strings.Join(pos, " "))
	if question == "" {
		return usageError{`give a question, e.g. readout ask "What did the State Department say about the international mission?"`}
	}
	filters, err := f.filters()
	if err != nil {
		return err
	}
	defer oneShotGC()()
	a, err := setupQuery(ctx, f, s.stderr)
	if err != nil {
		return err
	}
	defer a.close()
	a.pipe.Explain, a.pipe.ExplainAll = f.explain || f.explainAll, f.explainAll
	ans, err := a.pipe.Ask(ctx, question, nil, filters)
	if err != nil {
		return userFacing(err)
	}
	return printAnswer(s.stdout, ans, f.json)
}

func cmdChat(ctx context.Context, f *commonFlags, pos []string, s streams) error {
	if len(pos) > 0 {
		return usageError{"chat reads its questions from standard input, one per line; give no argument"}
	}
	filters, err := f.filters()
	if err != nil {
		return err
	}
	stdin, stdout, stderr := s.stdin, s.stdout, s.stderr
	a, err := setupQuery(ctx, f, stderr)
	if err != nil {
		return err
	}
	defer a.close()
	a.pipe.Explain, a.pipe.ExplainAll = f.explain || f.explainAll, f.explainAll
	interactive := false
	if file, ok := stdin.(*os.File); ok {
		if st, err := file.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			interactive = true
		}
	}
	var history []answer.Turn
	in := bufio.NewReader(stdin)
	for {
		if interactive && !f.json {
			fmt.Fprint(stderr, "> ")
		}
		line, tooLong, err := readLine(in, maxChatLine)
		if err == io.EOF && line == "" && !tooLong {
			break
		}
		if err != nil && err != io.EOF {
			return fmt.Errorf("read standard input: %w", err)
		}
		q := strings.TrimSpace(line)
		if q == "" && !tooLong {
			continue
		}
		var ans *answer.Answer
		if tooLong {
			// Said like any refused question; the conversation goes on.
			err = &answer.UserError{Msg: fmt.Sprintf("Your question is longer than %d bytes; please shorten it to at most %d characters and ask again.", maxChatLine, answer.MaxQuestionRunes)}
			q = truncate(q, 80)
		} else {
			ans, err = a.pipe.Ask(ctx, q, history, filters)
		}
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			// One bad question does not end the conversation.
			fmt.Fprintf(stderr, "readout: %v\n", userFacing(err))
			if f.json {
				json.NewEncoder(stdout).Encode(map[string]string{"question": q, "error": userFacing(err).Error()})
			}
			continue
		}
		if err := printAnswer(stdout, ans, f.json); err != nil {
			return err
		}
		if !f.json {
			fmt.Fprintln(stdout)
		}
		history = append(history, answer.TurnOf(ans))
	}
	return nil
}

// maxChatLine bounds the bytes of one chat line kept in memory; a longer
// line is read to its end and refused, far beyond any question's length.
const maxChatLine = 64 << 10

// readLine reads one line of r without its line ending, keeping at most
// max bytes of it: the rest of a longer line is read and dropped, and
// tooLong says so. At the end of the input err is io.EOF, with the last
// line if it had no line ending.
func readLine(r *bufio.Reader, max int) (line string, tooLong bool, err error) {
	var b []byte
	for {
		chunk, prefix, err := r.ReadLine()
		if len(b)+len(chunk) > max {
			tooLong = true
			chunk = chunk[:max-min(len(b), max)]
		}
		b = append(b, chunk...)
		if err != nil || !prefix {
			return string(b), tooLong, err
		}
	}
}

// oneShotGCPercent is the garbage collector's target (GOGC) while a
// one-shot command (ask, search) opens the record and answers. Its heap is
// small beside the mapped snapshot (55 MiB live after opening the White
// House record) and lives about a second, so collecting it at every
// doubling costs time and saves little: `readout ask` over that record,
// 7 runs paired with the default of 100 on 2 cores, took 0.73 s of CPU
// instead of 0.82 s (median), with a peak resident set of 385 MiB
// instead of 379 MiB. An index built on the way lowers it for its own
// duration (retrieval's build target).
const oneShotGCPercent = 400

// oneShotGC raises the garbage collector's target to oneShotGCPercent
// (unless it is higher already, or off) until the returned function is
// called.
func oneShotGC() (restore func()) {
	old := debug.SetGCPercent(oneShotGCPercent)
	if old < 0 || old > oneShotGCPercent {
		debug.SetGCPercent(old)
	}
	return func() { debug.SetGCPercent(old) }
}

// setupQuery loads the config and the index for ask and chat.
func setupQuery(ctx context.Context, f *commonFlags, stderr io.Writer) (*app, error) {
	cfg, err := loadConfig(f)
	if err != nil {
		return nil, err
	}
	a, err := openApp(cfg, newLogger(stderr, cfg, cliLevel(f.verbose)), changeOpts{}, mayRead, nil)
	if err != nil {
		return nil, err
	}
	// A corpus named on the command line is brought up to date on every
	// run; otherwise the folder's record answers as it is (`readout index`
	// refreshes it from its own sources), and is built only when there is
	// none.
	always := len(f.corpus) > 0
	if err := a.ensureIndex(ctx, stderr, always); err != nil {
		a.close()
		return nil, err
	}
	return a, nil
}

// userFacing returns the sentence meant for the person asking when err
// carries one.
func userFacing(err error) error {
	var ue *answer.UserError
	if errors.As(err, &ue) {
		return errors.New(ue.Msg)
	}
	return err
}

// printAnswer writes an answer as text with footnotes, or as one JSON line.
func printAnswer(w io.Writer, ans *answer.Answer, asJSON bool) error {
	if asJSON {
		if ans.Citations == nil {
			ans.Citations = []answer.Citation{}
		}
		if ans.Warnings == nil {
			ans.Warnings = []string{}
		}
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		return enc.Encode(ans)
	}
	var b strings.Builder
	b.WriteString(strings.TrimSpace(ans.Text))
	b.WriteString("\n")
	if len(ans.Citations) > 0 {
		b.WriteString("\nSources:\n")
		for _, c := range ans.Citations {
			b.WriteString(footnote(c))
			b.WriteString("\n")
		}
	}
	for _, warn := range ans.Warnings {
		fmt.Fprintf(&b, "\nNote: %s", warn)
	}
	if len(ans.Warnings) > 0 {
		b.WriteString("\n")
	}
	if ans.Explain != nil {
		b.WriteString("\nWhy this answer\n")
		b.WriteString(ans.Explain.Text(0))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// footnote renders "[1] ARMENPRESS — 2023-09-28 — headline (doc)\n    url".
func footnote(c answer.Citation) string {
	parts := []string{}
	for _, p := range []string{c.Outlet, c.Date, c.Title} {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	s := fmt.Sprintf("[%d] %s (%s)", c.N, strings.Join(parts, " — "), c.Doc)
	if len(c.Speakers) > 0 {
		s += "\n    quoted: " + strings.Join(c.Speakers, ", ")
	}
	if c.URL != "" {
		s += "\n    " + c.URL
	}
	return s
}

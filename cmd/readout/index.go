package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/readout/readout/internal/datalock"
	"github.com/readout/readout/retrieval"
)

func cmdIndex(ctx context.Context, f *commonFlags, pos []string, s streams) error {
	if len(pos) > 0 {
		return usageError{fmt.Sprintf("unexpected argument %q: name sources with --corpus", pos[0])}
	}
	stdout, stderr := s.stdout, s.stderr
	cfg, err := loadConfig(f)
	if err != nil {
		return err
	}
	a, err := openApp(cfg, newLogger(stderr, cfg, cliLevel(f.verbose)), changeOpts{rebuild: f.rebuild, force: f.force}, mustLock, nil)
	var held *datalock.HeldError
	if errors.As(err, &held) {
		// The holder is usually the bot itself, which can do the job.
		return fmt.Errorf("%w; a running bot updates its record with /corpus refresh", err)
	}
	if err != nil {
		return err
	}
	defer a.close()
	progress, finish := newProgress(stderr)
	change, err := a.refresh(ctx, len(f.corpus) > 0, progress)
	finish(err == nil)
	if err != nil {
		return err
	}
	st := a.idx.Stats()
	sy := change.Stats
	fmt.Fprintf(stdout, "Indexed %s (%s) into %s\n", plural(st.Docs, "document"), plural(st.Chunks, "passage"), cfg.DataDir)
	fmt.Fprintf(stdout, "  added %d, changed %d, removed %d, unchanged %d; %s embedded with %s\n",
		len(sy.Added), len(sy.Changed), len(sy.Removed), len(sy.Unchanged), plural(sy.Embedded, "passage"), st.Embedder)
	if !st.First.IsZero() {
		fmt.Fprintf(stdout, "  period covered: %s to %s\n", st.First.Format(time.DateOnly), st.Last.Format(time.DateOnly))
	}
	fmt.Fprintf(stdout, "  snapshot %s, %s\n", st.Snapshot, change.Duration.Round(time.Millisecond))
	if len(change.Skipped) > 0 {
		fmt.Fprintf(stdout, "  skipped %s:\n", plural(len(change.Skipped), "file"))
		reasons := map[string]int{}
		for i, sk := range change.Skipped {
			reasons[sk.Reason]++
			if i < 20 {
				fmt.Fprintf(stdout, "    %s: %s\n", sk.Path, sk.Reason)
			}
		}
		if len(change.Skipped) > 20 {
			keys := make([]string, 0, len(reasons))
			for k := range reasons {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			var parts []string
			for _, k := range keys {
				parts = append(parts, fmt.Sprintf("%s: %d", k, reasons[k]))
			}
			fmt.Fprintf(stdout, "    … and %d more (%s)\n", len(change.Skipped)-20, strings.Join(parts, "; "))
		}
	}
	return nil
}

// progressDelay: work that ends sooner shows no bar; longer work shows
// one from this moment on, so a long index is never silent.
const progressDelay = time.Second

// newProgress returns a progress callback that draws a bar per stage on w
// when w is a terminal, once the work has lasted progressDelay, and a
// function to call at the end: ok fills the last bar to 100%.
func newProgress(w io.Writer) (func(retrieval.Progress), func(ok bool)) {
	if !isTerminal(w) {
		return nil, func(bool) {}
	}
	if u, ok := w.(interface{ Unwrap() io.Writer }); ok {
		w = u.Unwrap() // the bar's own escapes must reach the terminal
	}
	p := &progress{w: w, now: time.Now}
	p.start = p.now()
	return p.update, p.finish
}

// progress draws one bar per stage of an index (reading, embedding,
// writing). Each bar is left on its own line, full, when its stage ends.
type progress struct {
	w     io.Writer
	now   func() time.Time
	start time.Time

	mu    sync.Mutex
	stage string
	bar   *progressbar.ProgressBar
}

func (p *progress) update(u retrieval.Progress) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if u.Stage != p.stage {
		p.endBar(true) // a stage that gave way to the next is complete
		p.stage = u.Stage
	}
	if p.bar == nil {
		if p.now().Sub(p.start) < progressDelay {
			return
		}
		w := p.w
		p.bar = progressbar.NewOptions(max(u.Total, 1),
			progressbar.OptionSetWriter(w),
			progressbar.OptionSetDescription(fmt.Sprintf("%-9s", u.Stage)),
			progressbar.OptionShowCount(),
			progressbar.OptionSetWidth(30),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionOnCompletion(func() { fmt.Fprintln(w) }))
	}
	if u.Total > 0 {
		p.bar.ChangeMax(u.Total)
	}
	p.bar.Set(min(u.Done, max(u.Total, 1)))
}

// finish ends the last bar: full when the work succeeded, as it stood
// otherwise.
func (p *progress) finish(ok bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.endBar(ok)
}

func (p *progress) endBar(full bool) {
	if p.bar == nil {
		return
	}
	if full {
		p.bar.Finish()
	} else {
		p.bar.Exit()
	}
	p.bar = nil
}

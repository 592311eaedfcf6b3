package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/readout/readout/retrieval"
)

func cmdIndex(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var f commonFlags
	fs := newFlagSet("index", stderr, &f, false)
	fs.BoolVar(&f.rebuild, "rebuild", false, "embed everything again (needed after changing the embedder); the old index answers until the new one is complete")
	fs.BoolVar(&f.force, "force", false, "remove documents even when that removes more than 10% or 100 documents of the record")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return flagErr(err)
	}
	if len(pos) > 0 {
		return usageError{fmt.Sprintf("unexpected argument %q: name sources with --corpus", pos[0])}
	}
	cfg, err := loadConfig(&f)
	if err != nil {
		return err
	}
	a, err := openApp(cfg, newLogger(stderr, cfg, cliLevel(f.verbose)), changeOpts{rebuild: f.rebuild, force: f.force}, mustLock, nil)
	if err != nil {
		return err
	}
	defer a.close()
	progress, finish := newProgress(stderr)
	change, err := a.refresh(ctx, len(f.corpus) > 0, progress)
	finish()
	if err != nil {
		return err
	}
	st := a.idx.Stats()
	s := change.Stats
	fmt.Fprintf(stdout, "Indexed %d documents (%d passages) into %s\n", st.Docs, st.Chunks, cfg.DataDir)
	fmt.Fprintf(stdout, "  added %d, changed %d, removed %d, unchanged %d; %d passages embedded with %s\n",
		len(s.Added), len(s.Changed), len(s.Removed), len(s.Unchanged), s.Embedded, st.Embedder)
	if !st.First.IsZero() {
		fmt.Fprintf(stdout, "  period covered: %s to %s\n", st.First.Format(time.DateOnly), st.Last.Format(time.DateOnly))
	}
	fmt.Fprintf(stdout, "  snapshot %s, %s\n", st.Snapshot, change.Duration.Round(time.Millisecond))
	if len(change.Skipped) > 0 {
		fmt.Fprintf(stdout, "  skipped %d files:\n", len(change.Skipped))
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

// newProgress returns a progress callback that draws a bar on a terminal
// and says nothing otherwise, and a function that clears the bar.
func newProgress(w io.Writer) (func(retrieval.Progress), func()) {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil, func() {}
	}
	var mu sync.Mutex
	var bar *progressbar.ProgressBar
	stage := ""
	return func(p retrieval.Progress) {
			mu.Lock()
			defer mu.Unlock()
			if p.Stage != stage || bar == nil {
				if bar != nil {
					bar.Finish()
				}
				stage = p.Stage
				bar = progressbar.NewOptions(max(p.Total, 1),
					progressbar.OptionSetWriter(w),
					progressbar.OptionSetDescription(stage),
					progressbar.OptionShowCount(),
					progressbar.OptionThrottle(100*time.Millisecond),
					progressbar.OptionClearOnFinish())
			}
			if p.Total > 0 {
				bar.ChangeMax(p.Total)
			}
			bar.Set(p.Done)
		}, func() {
			mu.Lock()
			defer mu.Unlock()
			if bar != nil {
				bar.Finish()
			}
		}
}

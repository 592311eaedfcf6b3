package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"time"
)

// commonFlags are the flags every command shares.
type commonFlags struct {
	config  string
	data    string
	corpus  listFlag
	since   dateFlag
	until   dateFlag
	json    bool
	explain bool
	verbose countFlag
	rebuild bool
	force   bool
}

func newFlagSet(name string, stderr io.Writer, f *commonFlags, query bool) *flag.FlagSet {
	fs := flag.NewFlagSet("readout "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&f.config, "config", "", "YAML configuration `file`")
	fs.StringVar(&f.data, "data", "", "data `folder` (index snapshot, added documents)")
	fs.Var(&f.corpus, "corpus", "a source of the record: folder, file or .tar.gz (repeatable)")
	fs.Var(&f.verbose, "v", "log more (repeat for debug)")
	if query {
		fs.Var(&f.since, "since", "only documents dated on or after `DATE` (YYYY-MM-DD)")
		fs.Var(&f.until, "until", "only documents dated on or before `DATE` (YYYY-MM-DD)")
		fs.BoolVar(&f.json, "json", false, "print answers as JSON")
		fs.BoolVar(&f.explain, "explain", false, "after each answer, print why: the constraints read from the question, the passages with their scores, the decision and the sentences chosen")
	}
	return fs
}

// parseInterspersed parses flags that may come before or after the
// positional arguments ("ask QUESTION --json" as well as "ask --json QUESTION").
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if rest[0] == "--" {
			return append(pos, rest[1:]...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error {
	if strings.TrimSpace(v) == "" {
		return fmt.Errorf("empty value")
	}
	*l = append(*l, v)
	return nil
}

type dateFlag struct{ t time.Time }

func (d *dateFlag) String() string {
	if d.t.IsZero() {
		return ""
	}
	return d.t.Format(time.DateOnly)
}

func (d *dateFlag) Set(v string) error {
	t, err := time.Parse(time.DateOnly, strings.TrimSpace(v))
	if err != nil {
		return fmt.Errorf("%q is not a date: write it as YYYY-MM-DD", v)
	}
	d.t = t
	return nil
}

type countFlag int

func (c *countFlag) String() string   { return fmt.Sprint(int(*c)) }
func (c *countFlag) Set(string) error { *c++; return nil }
func (c *countFlag) IsBoolFlag() bool { return true }

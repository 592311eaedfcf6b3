package main

import (
	"errors"
	"flag"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/readout/readout/retrieval"
)

// commonFlags holds every flag of every command; each command defines the
// ones it takes (see command.flagSet).
type commonFlags struct {
	config  string
	data    string
	corpus  listFlag
	since   dateFlag
	until   dateFlag
	speaker string
	outlet  string
	json    bool
	explain bool
	// explainAll: --explain-all, the explanation listing every candidate
	// sentence.
	explainAll bool
	verbose    countFlag
	rebuild    bool
	force      bool
	summary    bool
	limit      int
	http       string
	url        string
}

// parseInterspersed parses flags that may come before or after the
// positional arguments ("ask QUESTION --json" as well as "ask --json
// QUESTION"). Its errors are usage errors that name the flag as the
// README writes it (--flag); -h and --help give errHelp.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, flagError(fs, err)
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

// The flag package's messages, read back to say them the README's way.
var (
	undefinedRe = regexp.MustCompile(`^flag provided but not defined: -+(.*)$`)
	invalidRe   = regexp.MustCompile(`^invalid (?:boolean )?value "(?:[^"\\]|\\.)*" for (?:flag )?-+([^:]+): (.*)$`)
	needsArgRe  = regexp.MustCompile(`^flag needs an argument: -+(.*)$`)
)

// flagError turns the flag package's error into one usage error.
func flagError(fs *flag.FlagSet, err error) error {
	if errors.Is(err, flag.ErrHelp) {
		return errHelp
	}
	msg := err.Error()
	if m := undefinedRe.FindStringSubmatch(msg); m != nil {
		s := fmt.Sprintf("unknown flag %s", dashed(m[1]))
		var names []string
		fs.VisitAll(func(fl *flag.Flag) { names = append(names, fl.Name) })
		if sug := suggest(m[1], names); sug != "" {
			s += fmt.Sprintf("; did you mean %s?", dashed(sug))
		}
		return usageError{s}
	}
	if m := invalidRe.FindStringSubmatch(msg); m != nil {
		return usageError{fmt.Sprintf("%s: %s", dashed(m[1]), m[2])}
	}
	if m := needsArgRe.FindStringSubmatch(msg); m != nil {
		return usageError{fmt.Sprintf("%s needs a value", dashed(m[1]))}
	}
	return usageError{msg}
}

// dashed writes a flag's name as the help does: -v, --everything-else.
func dashed(name string) string {
	if name == "v" || name == "h" {
		return "-" + name
	}
	return "--" + name
}

// filters are the search options the flags ask for.
func (f *commonFlags) filters() (retrieval.SearchOptions, error) {
	o := retrieval.SearchOptions{
		Since:   f.since.t,
		Until:   f.until.t,
		Speaker: strings.TrimSpace(f.speaker),
		Outlet:  strings.TrimSpace(f.outlet),
	}
	if !o.Since.IsZero() && !o.Until.IsZero() && o.Since.After(o.Until) {
		return o, usageError{fmt.Sprintf("--since %s is after --until %s: no day is in both; swap them", f.since.raw, f.until.raw)}
	}
	return o, nil
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

// dateFlag is a day, a month or a year. A month or a year stands for its
// first day after --since and for its last day after --until, so
// "--since 2023-09 --until 2023-09" is September 2023.
type dateFlag struct {
	t   time.Time
	raw string
	// last: the flag stands for the last day of its period (--until).
	last bool
}

func (d *dateFlag) String() string {
	if d.t.IsZero() {
		return ""
	}
	return d.t.Format(time.DateOnly)
}

func (d *dateFlag) Set(v string) error {
	v = strings.TrimSpace(v)
	first, last, err := retrieval.ParsePeriod(v)
	if err != nil {
		return err
	}
	d.raw = v
	d.t = first
	if d.last {
		d.t = last
	}
	return nil
}

type countFlag int

func (c *countFlag) String() string   { return fmt.Sprint(int(*c)) }
func (c *countFlag) Set(string) error { *c++; return nil }
func (c *countFlag) IsBoolFlag() bool { return true }

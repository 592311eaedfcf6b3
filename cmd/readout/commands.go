package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/readout/readout/internal/typo"
)

// command is one subcommand: its synopsis, its flags and what it does.
// The table below is the one place that knows them: usage, help,
// completion and parsing are all drawn from it.
type command struct {
	name string
	// args is the synopsis of the positional arguments ("QUESTION").
	args string
	// summary is one line for the command list; about says more on the
	// command's own help page.
	summary, about string
	// groups are the shared sets of flags the command takes.
	groups []flagGroup
	// extra adds the command's own flags.
	extra func(fs *flag.FlagSet, f *commonFlags)
	run   func(ctx context.Context, f *commonFlags, pos []string, s streams) error
}

// flagGroup names a set of flags several commands share.
type flagGroup int

const (
	recordFlags flagGroup = iota // --config, --data, --corpus, -v
	filterFlags                  // --since, --until, --speaker, --outlet
	jsonFlag                     // --json
	explainFlag                  // --explain
)

var commands []*command

func init() {
	commands = []*command{
		{name: "ask", args: "QUESTION", summary: "answer one question, with citations",
			about:  "Answers the question from the record: quotations verified word for word, each with its source.",
			groups: []flagGroup{recordFlags, filterFlags, jsonFlag, explainFlag}, run: cmdAsk},
		{name: "chat", summary: "answer each line of standard input as one conversation",
			about:  "Reads one question per line; a follow-up is read in the context of the answers before it.",
			groups: []flagGroup{recordFlags, filterFlags, jsonFlag, explainFlag}, run: cmdChat},
		{name: "search", args: "QUERY", summary: "show the passages that best match, without composing an answer",
			about:  "The command-line twin of the bot's /search: the best passages with outlet, date, speakers and link.",
			groups: []flagGroup{recordFlags, filterFlags, jsonFlag}, run: cmdSearch,
			extra: func(fs *flag.FlagSet, f *commonFlags) {
				fs.IntVar(&f.limit, "limit", searchLimit, "show `N` passages (1–50)")
			}},
		{name: "verify", args: "QUOTATION", summary: "check a quotation against the record, word by word",
			about: "The command-line twin of the bot's /verify. Says whether the record holds the quotation: exact, close,\n" +
				"said by someone else, at another time, only asked by a reporter, or not found; then the record's words\n" +
				"with the differences marked (~~the quotation's~~ **the record's**), the speaker, the date, the source\n" +
				"and the sentences around them. \"…\" or \"...\" in the quotation stands for words left out.",
			groups: []flagGroup{recordFlags, jsonFlag}, run: cmdVerify,
			extra: func(fs *flag.FlagSet, f *commonFlags) {
				f.until.last = true
				fs.StringVar(&f.speaker, "speaker", "", "who the quotation is attributed to: `NAME` or title (\"Kirby\", \"the Press Secretary\")")
				fs.Var(&f.since, "since", "the quotation is said to be from `DATE` or later: 2023, 2023-09 or 2023-09-28")
				fs.Var(&f.until, "until", "the quotation is said to be from `DATE` or earlier: 2023, 2023-09 or 2023-09-28")
			}},
		{name: "index", summary: "build or update the index of the record",
			about:  "Reads the sources and embeds what changed; with no --corpus, the sources named by the configuration.",
			groups: []flagGroup{recordFlags}, run: cmdIndex,
			extra: func(fs *flag.FlagSet, f *commonFlags) {
				fs.BoolVar(&f.rebuild, "rebuild", false, "embed everything again (needed after changing the embedder); the old index answers until the new one is complete")
				fs.BoolVar(&f.force, "force", false, "remove documents even when that removes more than 10% or 100 documents of the record")
			}},
		{name: "status", summary: "say what the data folder holds",
			about:  "The command-line twin of the bot's /corpus status: documents, passages, period, embedder, sources.",
			groups: []flagGroup{recordFlags, jsonFlag}, run: cmdStatus},
		{name: "serve", summary: "run the Discord bot",
			about:  "Connects to Discord and answers /ask, /search and /corpus; serves /healthz, /readyz and /metrics.",
			groups: []flagGroup{recordFlags}, run: cmdServe,
			extra: func(fs *flag.FlagSet, f *commonFlags) {
				fs.StringVar(&f.http, "http", "", "`ADDR` of /healthz, /readyz and /metrics (default http.addr, else "+defaultHTTPAddr+`; "off" turns it off)`)
			}},
		{name: "eval", args: "FILE.jsonl", summary: "measure answers against evaluation questions",
			about:  "Asks every question of the file and measures retrieval, citations, quotations and declines; a line with a claim is a quotation check, measured per kind and per verdict.",
			groups: []flagGroup{recordFlags, jsonFlag}, run: cmdEval,
			extra: func(fs *flag.FlagSet, f *commonFlags) {
				fs.BoolVar(&f.summary, "summary", false, "print only the per-kind tables, no per-question or per-claim results (for a held-out set)")
			}},
		{name: "check", summary: "test everything the configuration names",
			about:  "Tests the config, the sources, the index, the model server and Discord, and says how to fix what fails.",
			groups: []flagGroup{recordFlags}, run: cmdCheck},
		{name: "health", summary: "ask a running bot's health endpoint (for containers)",
			run: cmdHealth,
			extra: func(fs *flag.FlagSet, f *commonFlags) {
				fs.StringVar(&f.url, "url", "http://127.0.0.1:9090/healthz", "the endpoint to ask")
			}},
		{name: "completion", args: "bash|zsh|fish", summary: "print a shell completion script",
			about: "Prints a completion script for the shell. For example:\n  bash:  source <(readout completion bash)\n  zsh:   readout completion zsh > \"${fpath[1]}/_readout\"\n  fish:  readout completion fish > ~/.config/fish/completions/readout.fish",
			run:   cmdCompletion},
		{name: "version", summary: "print the version and the revision it was built from", run: cmdVersion},
		{name: "help", args: "[COMMAND]", summary: "show the help of a command", run: cmdHelp},
	}
}

// lookup returns the command named name, or nil.
func lookup(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

func commandNames() []string {
	names := make([]string, len(commands))
	for i, c := range commands {
		names[i] = c.name
	}
	return names
}

// flagSet builds the command's flags over f. Errors and usage are not
// printed by the flag package: run reports them once, in one line.
func (c *command) flagSet(f *commonFlags) *flag.FlagSet {
	fs := flag.NewFlagSet("readout "+c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	for _, g := range c.groups {
		switch g {
		case recordFlags:
			fs.StringVar(&f.config, "config", "", "read the configuration from `FILE` (default: the first of ./readout.yaml, ./config.yaml and $XDG_CONFIG_HOME/readout/config.yaml)")
			fs.StringVar(&f.data, "data", "", "keep the index and added documents in `DIR` (default: data_dir, else ./readout-data)")
			fs.Var(&f.corpus, "corpus", "read the record from `PATH`: a folder, a file or a .tar.gz; repeatable (default: the configured sources, else the bundled sample)")
			fs.Var(&f.verbose, "v", "log more (-v info, -v -v debug)")
		case filterFlags:
			f.until.last = true
			fs.Var(&f.since, "since", "only documents dated on or after `DATE`: 2023, 2023-09 or 2023-09-28 (the first day of a year or month)")
			fs.Var(&f.until, "until", "only documents dated on or before `DATE`: 2023, 2023-09 or 2023-09-28 (the last day of a year or month)")
			fs.StringVar(&f.speaker, "speaker", "", "only statements of `NAME`, or documents naming them")
			fs.StringVar(&f.outlet, "outlet", "", "only documents whose outlet contains `NAME` (any case)")
		case jsonFlag:
			fs.BoolVar(&f.json, "json", false, "print JSON (one object per line; see the README for the fields)")
		case explainFlag:
			fs.BoolVar(&f.explain, "explain", false, "after each answer, say why: the constraints read, the passages and their scores, the decision")
			fs.BoolVar(&f.explainAll, "explain-all", false, "as --explain, listing every candidate sentence of an answer made of quotations, not only the best three left out")
		}
	}
	if c.extra != nil {
		c.extra(fs, f)
	}
	return fs
}

// usage is the command's help page.
func (c *command) usage() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Usage: readout %s", c.name)
	if c.args != "" {
		b.WriteString(" " + c.args)
	}
	var f commonFlags
	fs := c.flagSet(&f)
	hasFlags := false
	fs.VisitAll(func(*flag.Flag) { hasFlags = true })
	if hasFlags {
		b.WriteString(" [flags]")
	}
	about := c.about
	if about == "" {
		about = capitalise(c.summary) + "."
	}
	b.WriteString("\n\n" + about + "\n")
	b.WriteString("\nFlags:\n")
	b.WriteString(flagTable(fs))
	return b.String()
}

// flagTable lists the flags as --name VALUE, the way the README writes
// them, in the order a reader looks for them.
func flagTable(fs *flag.FlagSet) string {
	type row struct{ left, help string }
	var rows []row
	fs.VisitAll(func(fl *flag.Flag) {
		name, help := flag.UnquoteUsage(fl)
		left := "--" + fl.Name
		if fl.Name == "v" {
			left = "-v"
		}
		if _, ok := fl.Value.(*countFlag); !ok && name != "" {
			left += " " + strings.ToUpper(name)
		}
		if fl.Name == "corpus" {
			left += "..."
		}
		if _, ok := fl.Value.(*countFlag); !ok && fl.DefValue != "" && fl.DefValue != "false" && fl.DefValue != "0" {
			help += fmt.Sprintf(" (default %s)", fl.DefValue)
		}
		rows = append(rows, row{left, help})
	})
	rows = append(rows, row{"-h, --help", "show this help"})
	width := 0
	for _, r := range rows {
		width = max(width, len(r.left))
	}
	var b strings.Builder
	for _, r := range rows {
		fmt.Fprintf(&b, "  %-*s  %s\n", width, r.left, r.help)
	}
	return b.String()
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// mainUsage is the help of readout itself.
func mainUsage() string {
	var b strings.Builder
	b.WriteString("readout answers questions about the diplomatic record, with citations.\n\nUsage: readout COMMAND [ARGUMENTS] [flags]\n\nCommands:\n")
	width := 0
	for _, c := range commands {
		width = max(width, len(c.name))
	}
	for _, c := range commands {
		fmt.Fprintf(&b, "  %-*s  %s\n", width, c.name, c.summary)
	}
	b.WriteString("\nRun 'readout help COMMAND' or 'readout COMMAND --help' for the flags of a command.\n")
	return b.String()
}

func cmdHelp(_ context.Context, _ *commonFlags, pos []string, s streams) error {
	switch len(pos) {
	case 0:
		io.WriteString(s.stdout, mainUsage())
		return nil
	case 1:
		c := lookup(pos[0])
		if c == nil {
			msg := fmt.Sprintf("unknown command %q", pos[0])
			if sug := suggest(pos[0], commandNames()); sug != "" {
				msg += fmt.Sprintf("; did you mean %q?", sug)
			}
			return usageError{msg}
		}
		io.WriteString(s.stdout, c.usage())
		return nil
	default:
		return usageError{"help takes one command"}
	}
}

// suggest returns the command or flag closest to what was typed (its
// dashes aside), when it is close enough to be a typo.
func suggest(typed string, candidates []string) string {
	return typo.Suggest(strings.TrimLeft(typed, "-"), candidates)
}

// flagNames lists a command's flags as --name, sorted (for completion and
// suggestions).
func (c *command) flagNames() []string {
	var f commonFlags
	var names []string
	c.flagSet(&f).VisitAll(func(fl *flag.Flag) {
		if fl.Name == "v" {
			names = append(names, "-v")
			return
		}
		names = append(names, "--"+fl.Name)
	})
	names = append(names, "--help")
	sort.Strings(names)
	return names
}

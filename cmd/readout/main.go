// Command readout answers questions about the diplomatic record with
// citations and verified quotations, from the command line or as a Discord
// bot. With no configuration it answers from the bundled sample record with
// the embedded embedder and extractive answers: no model server, no network.
//
//	readout ask QUESTION [--since DATE] [--until DATE] [--speaker NAME] [--outlet NAME] [--json]
//	readout chat [same flags]          one conversation, a question per input line
//	readout search QUERY [same flags]  the best passages, no answer composed
//	readout index [--corpus DIR]... [--data DIR] [--rebuild]
//	readout status                     what the data folder holds
//	readout serve [--config FILE]      the Discord bot
//
// `readout help COMMAND` or `readout COMMAND --help` shows a command's flags.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/readout/readout/internal/safetext"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// streams are the standard files of one run.
type streams struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

// Exit codes, as git, gh and kubectl use them.
const (
	exitOK    = 0
	exitError = 1 // the command ran and failed
	exitUsage = 2 // the command line is wrong
)

// run is main without the process: it returns the exit status.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	// Whatever a document, a question or a model holds, nothing printed
	// drives the terminal (progress bars draw on the writer underneath).
	stdout, stderr = safetext.NewWriter(stdout), safetext.NewWriter(stderr)
	s := streams{stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 {
		io.WriteString(stderr, mainUsage())
		return exitUsage
	}
	name, rest := args[0], args[1:]
	switch name {
	case "-h", "--help", "-help":
		io.WriteString(stdout, mainUsage())
		return exitOK
	case "--version", "-version":
		name = "version"
	}
	cmd := lookup(name)
	if cmd == nil {
		msg := fmt.Sprintf("unknown command %q", name)
		if strings.HasPrefix(name, "-") {
			msg = fmt.Sprintf("unknown flag %s before a command", name)
		}
		if s := suggest(name, commandNames()); s != "" {
			msg += fmt.Sprintf("; did you mean %q?", s)
		}
		fmt.Fprintf(stderr, "readout: %s\nsee 'readout --help'\n", msg)
		return exitUsage
	}
	var f commonFlags
	fs := cmd.flagSet(&f)
	pos, err := parseInterspersed(fs, rest)
	if err != nil {
		if errors.Is(err, errHelp) {
			io.WriteString(stdout, cmd.usage())
			return exitOK
		}
		return report(s, cmd, f.json || wantsJSON(rest), err)
	}
	if err := cmd.run(ctx, &f, pos, s); err != nil {
		return report(s, cmd, f.json, err)
	}
	return exitOK
}

// report prints err as one line (as JSON on standard output with --json)
// and returns the exit status: 2 for a mistake in the command line.
func report(s streams, cmd *command, asJSON bool, err error) int {
	var ue usageError
	isUsage := errors.As(err, &ue)
	msg := oneLine(err.Error())
	if asJSON {
		writeJSON(s.stdout, map[string]string{"error": msg})
	} else {
		fmt.Fprintf(s.stderr, "readout %s: %s\n", cmd.name, msg)
		if isUsage {
			fmt.Fprintf(s.stderr, "see 'readout %s --help'\n", cmd.name)
		}
	}
	if isUsage {
		return exitUsage
	}
	return exitError
}

// oneLine joins a multi-line error (errors.Join of several config keys)
// into one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", "; ")), " ")
}

// wantsJSON says whether the arguments ask for JSON, for errors raised
// before the flags were all read.
func wantsJSON(args []string) bool {
	for _, a := range args {
		if a == "--" {
			return false
		}
		if a == "--json" || a == "-json" || a == "--json=true" || a == "-json=true" {
			return true
		}
	}
	return false
}

// usageError is a mistake in the command line.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// errHelp is returned by the flag parser when -h or --help was given.
var errHelp = errors.New("help requested")

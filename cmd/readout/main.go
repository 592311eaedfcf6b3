// Command readout answers questions about the diplomatic record with
// citations and verified quotations, from the command line or as a Discord
// bot. With no configuration it answers from the bundled sample record with
// the embedded embedder and extractive answers: no model server, no network.
//
//	readout ask QUESTION [--since DATE] [--until DATE] [--corpus DIR]... [--data DIR] [--config FILE] [--json]
//	readout chat [same flags]          one conversation, a question per input line
//	readout index [--corpus DIR]... [--data DIR] [--rebuild]
//	readout serve [--config FILE]       the Discord bot
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

const usage = `readout answers questions about the diplomatic record, with citations.

Usage:
  readout ask QUESTION [flags]   answer one question
  readout chat [flags]           answer each line of standard input as one conversation
  readout index [flags]          build or update the index of the record
  readout serve [flags]          run the Discord bot
  readout eval FILE.jsonl        measure answers against evaluation questions (--summary: per-kind table only)
  readout check [flags]          test everything the configuration names
  readout health [--url URL]     ask a running bot's health endpoint (for containers)
  readout version                print the version

Common flags:
  --config FILE    YAML configuration (see config.example.yaml); default none
  --corpus DIR     a source of the record (folder, file or .tar.gz); repeatable;
                   default: the configured sources, else the bundled sample record
  --data DIR       the data folder (index snapshot, added documents)
  --since DATE     only documents dated on or after DATE (YYYY-MM-DD)
  --until DATE     only documents dated on or before DATE
  --json           print answers as JSON
  -v               log more (repeat for debug)

Run "readout COMMAND -h" for the flags of one command.
`

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run is main without the process: it returns the exit status.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	cmd, rest := args[0], args[1:]
	var err error
	switch cmd {
	case "ask":
		err = cmdAsk(ctx, rest, stdout, stderr)
	case "chat":
		err = cmdChat(ctx, rest, stdin, stdout, stderr)
	case "index":
		err = cmdIndex(ctx, rest, stdout, stderr)
	case "serve":
		err = cmdServe(ctx, rest, stdout, stderr)
	case "check":
		err = cmdCheck(ctx, rest, stdout, stderr)
	case "eval":
		err = cmdEval(ctx, rest, stdout, stderr)
	case "health":
		err = cmdHealth(ctx, rest, stdout, stderr)
	case "version", "--version":
		fmt.Fprintln(stdout, "readout", version)
		return 0
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "readout: unknown command %q\n\n%s", cmd, usage)
		return 2
	}
	if err != nil {
		var ue usageError
		if errors.As(err, &ue) {
			fmt.Fprintf(stderr, "readout %s: %v\n", cmd, err)
			return 2
		}
		if errors.Is(err, errHelp) {
			return 0
		}
		fmt.Fprintf(stderr, "readout %s: %v\n", cmd, err)
		return 1
	}
	return 0
}

// usageError is a mistake in the command line.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

var errHelp = errors.New("help shown")

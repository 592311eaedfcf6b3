package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
)

// completionShells are the shells `readout completion` writes scripts for.
var completionShells = []string{"bash", "zsh", "fish"}

func cmdCompletion(_ context.Context, _ *commonFlags, pos []string, s streams) error {
	if len(pos) != 1 {
		return usageError{"name the shell: bash, zsh or fish"}
	}
	switch pos[0] {
	case "bash":
		io.WriteString(s.stdout, bashCompletion())
	case "zsh":
		io.WriteString(s.stdout, zshCompletion())
	case "fish":
		io.WriteString(s.stdout, fishCompletion())
	default:
		msg := fmt.Sprintf("no completion for %q: readout writes it for bash, zsh and fish", pos[0])
		return usageError{msg}
	}
	return nil
}

// completionArgs are the words that complete a command's first argument
// when it is not a file.
func completionArgs(c *command) []string {
	switch c.name {
	case "completion":
		return completionShells
	case "help":
		return commandNames()
	}
	return nil
}

func bashCompletion() string {
	var b strings.Builder
	b.WriteString("# bash completion for readout: source <(readout completion bash)\n")
	b.WriteString("_readout() {\n  local cur=${COMP_WORDS[COMP_CWORD]} words=\"\"\n")
	fmt.Fprintf(&b, "  if [ \"$COMP_CWORD\" -eq 1 ]; then\n    COMPREPLY=($(compgen -W %q -- \"$cur\"))\n    return\n  fi\n", strings.Join(commandNames(), " "))
	b.WriteString("  case \"${COMP_WORDS[1]}\" in\n")
	for _, c := range commands {
		words := c.flagNames()
		if cur := completionArgs(c); cur != nil {
			words = cur
		}
		fmt.Fprintf(&b, "    %s) words=%q ;;\n", c.name, strings.Join(words, " "))
	}
	b.WriteString("  esac\n")
	b.WriteString("  if [[ $cur == -* || ${COMP_WORDS[1]} == completion || ${COMP_WORDS[1]} == help ]]; then\n")
	b.WriteString("    COMPREPLY=($(compgen -W \"$words\" -- \"$cur\"))\n  fi\n}\n")
	b.WriteString("complete -o default -F _readout readout\n")
	return b.String()
}

func zshCompletion() string {
	var b strings.Builder
	b.WriteString("#compdef readout\n# zsh completion for readout: readout completion zsh > \"${fpath[1]}/_readout\"\n")
	b.WriteString("_readout() {\n  local -a cmds opts\n  cmds=(\n")
	for _, c := range commands {
		fmt.Fprintf(&b, "    %s\n", shellQuote(c.name+":"+c.summary))
	}
	b.WriteString("  )\n  if (( CURRENT == 2 )); then\n    _describe 'command' cmds\n    return\n  fi\n")
	b.WriteString("  case $words[2] in\n")
	for _, c := range commands {
		words := c.flagNames()
		if cur := completionArgs(c); cur != nil {
			words = cur
		}
		fmt.Fprintf(&b, "    %s) opts=(%s) ;;\n", c.name, strings.Join(words, " "))
	}
	b.WriteString("  esac\n")
	b.WriteString("  if [[ $PREFIX == -* || $words[2] == completion || $words[2] == help ]]; then\n    compadd -- $opts\n  else\n    _files\n  fi\n}\n")
	// Sourced, it registers itself; autoloaded from $fpath, it completes.
	b.WriteString("if [ \"$funcstack[1]\" = \"_readout\" ]; then\n  _readout \"$@\"\nelse\n  compdef _readout readout\nfi\n")
	return b.String()
}

func fishCompletion() string {
	var b strings.Builder
	b.WriteString("# fish completion for readout: readout completion fish > ~/.config/fish/completions/readout.fish\n")
	b.WriteString("complete -c readout -f\n")
	for _, c := range commands {
		fmt.Fprintf(&b, "complete -c readout -n __fish_use_subcommand -a %s -d %s\n", c.name, shellQuote(c.summary))
	}
	for _, c := range commands {
		cond := shellQuote("__fish_seen_subcommand_from " + c.name)
		if args := completionArgs(c); args != nil {
			fmt.Fprintf(&b, "complete -c readout -n %s -a %s\n", cond, shellQuote(strings.Join(args, " ")))
		} else if c.args != "" {
			fmt.Fprintf(&b, "complete -c readout -n %s -F\n", cond)
		}
		var f commonFlags
		c.flagSet(&f).VisitAll(func(fl *flag.Flag) {
			_, help := flag.UnquoteUsage(fl)
			opt := "-l " + fl.Name
			if fl.Name == "v" {
				opt = "-s v"
			}
			if bf, ok := fl.Value.(interface{ IsBoolFlag() bool }); !ok || !bf.IsBoolFlag() {
				opt += " -r -F"
			}
			fmt.Fprintf(&b, "complete -c readout -n %s %s -d %s\n", cond, opt, shellQuote(firstClause(help)))
		})
	}
	return b.String()
}

// firstClause shortens a flag's help to what fits a completion menu.
func firstClause(s string) string {
	for _, sep := range []string{": ", "; ", " ("} {
		if i := strings.Index(s, sep); i > 0 {
			s = s[:i]
		}
	}
	return s
}

// shellQuote quotes s for sh, zsh and fish alike. The shells escape a
// single quote differently, and s is only ever shown, so an apostrophe
// becomes a typographic one.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "’") + "'"
}

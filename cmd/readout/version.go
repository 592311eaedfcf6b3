package main

import (
	"context"
	"fmt"
	"runtime/debug"
	"strings"
)

// version may be set at build time with -ldflags "-X main.version=v1.2.3";
// otherwise the module version recorded in the binary is used.
var version = ""

// versionLine says which readout this is: the module version, and the
// commit it was built from when the build recorded one ("go build" in a
// git checkout does; "go run" does not).
func versionLine(info *debug.BuildInfo, ok bool) string {
	v := version
	if v == "" && ok {
		v = info.Main.Version
	}
	if v == "" || v == "(devel)" {
		v = "(devel)"
	}
	line := "readout " + v
	if !ok {
		return line
	}
	var rev, at string
	modified := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	var extra []string
	if rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		if modified {
			rev += " with local changes"
		}
		extra = append(extra, "revision "+rev)
	}
	if at != "" {
		extra = append(extra, at)
	}
	extra = append(extra, info.GoVersion)
	return line + " (" + strings.Join(extra, ", ") + ")"
}

func cmdVersion(_ context.Context, _ *commonFlags, pos []string, s streams) error {
	if len(pos) > 0 {
		return usageError{fmt.Sprintf("unexpected argument %q", pos[0])}
	}
	info, ok := debug.ReadBuildInfo()
	fmt.Fprintln(s.stdout, versionLine(info, ok))
	return nil
}

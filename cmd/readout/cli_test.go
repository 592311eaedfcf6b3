package main

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/readout/readout/config"
	"github.com/readout/readout/internal/testsupport"
	"github.com/readout/readout/retrieval"
)

// Help goes to standard output with exit 0, whichever way it is asked
// for, and writes flags the way the README does (--flag).
func TestHelpIsOnStandardOutput(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"help", "ask"}, "Usage: readout ask QUESTION"},
		{[]string{"ask", "--help"}, "Usage: readout ask QUESTION"},
		{[]string{"ask", "-h"}, "Usage: readout ask QUESTION"},
		{[]string{"help", "index"}, "--rebuild"},
		{[]string{"search", "--help"}, "--speaker NAME"},
		{[]string{"chat", "--help"}, "--outlet NAME"},
		{[]string{"help"}, "Commands:"},
		{[]string{"--help"}, "Commands:"},
	}
	for _, c := range cases {
		code, out, errOut := runCLI(t, "", c.args...)
		if code != 0 || errOut != "" || !strings.Contains(out, c.want) {
			t.Errorf("readout %v: exit %d, stderr %q, stdout lacks %q:\n%s", c.args, code, errOut, c.want, out)
		}
		for _, line := range strings.Split(out, "\n") {
			if f := strings.Fields(line); len(f) > 0 && strings.HasPrefix(f[0], "-") && !strings.HasPrefix(f[0], "--") && f[0] != "-v" && f[0] != "-h," {
				t.Errorf("readout %v: flag written with one dash: %q", c.args, line)
			}
		}
	}
	// Every command's page has the same shape.
	for _, c := range commands {
		u := c.usage()
		if !strings.HasPrefix(u, "Usage: readout "+c.name) || !strings.Contains(u, "\nFlags:\n") || !strings.Contains(u, "-h, --help") {
			t.Errorf("help of %s has another shape:\n%s", c.name, u)
		}
	}
}

// A mistake is one line saying what is wrong, then where to read more;
// exit 2; an unknown flag is named once; a typo gets a suggestion.
func TestUsageErrorsAreOneLine(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"aks", "q"}, `unknown command "aks"; did you mean "ask"?`},
		{[]string{"serach", "q"}, `did you mean "search"?`},
		{[]string{"ask", "--frobnicate", "q"}, "unknown flag --frobnicate"},
		{[]string{"ask", "--jsno", "q"}, "unknown flag --jsno; did you mean --json?"},
		{[]string{"ask", "q", "--since"}, "--since needs a value"},
		{[]string{"ask", "--since", "yesterday", "q"}, `--since: "yesterday" is not a date`},
		{[]string{"search"}, "give what to search for"},
		{[]string{"search", "--limit", "0", "q"}, "--limit must be between 1 and 50"},
		{[]string{"help", "aks"}, `did you mean "ask"?`},
		{[]string{"completion", "tcsh"}, "bash, zsh and fish"},
		{[]string{"index", "somewhere"}, "name sources with --corpus"},
	}
	for _, c := range cases {
		code, out, errOut := runCLI(t, "", c.args...)
		lines := strings.Split(strings.TrimSpace(errOut), "\n")
		if code != 2 || out != "" || len(lines) != 2 || !strings.Contains(lines[0], c.want) || !strings.HasPrefix(lines[1], "see 'readout ") {
			t.Errorf("readout %v: exit %d, stdout %q, stderr:\n%s\nwant exit 2, one line with %q and a 'see' line", c.args, code, out, errOut, c.want)
		}
		if n := strings.Count(errOut, "unknown flag"); n > 1 {
			t.Errorf("readout %v: the unknown flag is reported %d times", c.args, n)
		}
	}
}

// With --json, an error is a JSON object on standard output, and the exit
// status still says it failed.
func TestJSONErrors(t *testing.T) {
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"ask", "--json", "--since", "2023-13", "q"}, 2, "no month 13"},
		{[]string{"ask", "q", "--json", "--nosuch"}, 2, "unknown flag --nosuch"},
		{[]string{"search", "--json", "--config", "/nonexistent/c.yaml", "q"}, 1, "read config"},
		{[]string{"status", "--json", "--config", "/nonexistent/c.yaml"}, 1, "read config"},
	}
	for _, c := range cases {
		code, out, _ := runCLI(t, "", c.args...)
		var got map[string]string
		if err := json.Unmarshal([]byte(out), &got); err != nil || code != c.code || !strings.Contains(got["error"], c.want) || len(got) != 1 {
			t.Errorf("readout %v: exit %d, stdout %q; want exit %d and {\"error\": \"…%s…\"}", c.args, code, out, c.code, c.want)
		}
	}
}

func TestVersionComesFromTheBuild(t *testing.T) {
	info := &debug.BuildInfo{GoVersion: "go1.99", Main: debug.Module{Path: "github.com/readout/readout", Version: "v1.2.3"},
		Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.time", Value: "2026-12-01T10:00:00Z"}, {Key: "vcs.modified", Value: "true"}}}
	got := versionLine(info, true)
	for _, want := range []string{"readout v1.2.3", "revision 0123456789ab with local changes", "2026-12-01T10:00:00Z", "go1.99"} {
		if !strings.Contains(got, want) {
			t.Errorf("version line %q lacks %q", got, want)
		}
	}
	if got := versionLine(&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, true); strings.Contains(got, "dev)") && !strings.Contains(got, "(devel)") {
		t.Errorf("devel build: %q", got)
	}
	code, out, _ := runCLI(t, "", "version")
	if code != 0 || !strings.HasPrefix(out, "readout ") || strings.Contains(out, "readout dev\n") {
		t.Errorf("readout version: exit %d, %q", code, out)
	}
}

func TestCompletionScripts(t *testing.T) {
	for _, sh := range completionShells {
		code, out, errOut := runCLI(t, "", "completion", sh)
		if code != 0 || errOut != "" {
			t.Fatalf("completion %s: exit %d %s", sh, code, errOut)
		}
		for _, want := range []string{"ask", "search", "status", "--since", "--speaker", "--rebuild"} {
			if sh == "fish" {
				want = strings.Replace(want, "--", "-l ", 1)
			}
			if !strings.Contains(out, want) {
				t.Errorf("completion %s lacks %q", sh, want)
			}
		}
		if path, err := exec.LookPath(sh); err == nil {
			check := exec.Command(path, "-n")
			if sh == "fish" {
				check = exec.Command(path, "--no-execute")
			}
			check.Stdin = strings.NewReader(out)
			if b, err := check.CombinedOutput(); err != nil {
				t.Errorf("%s rejects its completion script: %v\n%s", sh, err, b)
			}
		}
	}
}

func TestPartialDatesArePeriods(t *testing.T) {
	day := func(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }
	// --since takes the first day, --until the last; the wrong way round
	// is refused with that reason.
	var f commonFlags
	fs := lookup("ask").flagSet(&f)
	if _, err := parseInterspersed(fs, []string{"--since", "2023-09", "--until", "2023", "q"}); err != nil {
		t.Fatal(err)
	}
	o, err := f.filters()
	if err != nil || !o.Since.Equal(day("2023-09-01")) || !o.Until.Equal(day("2023-12-31")) {
		t.Errorf("filters %v–%v %v", o.Since, o.Until, err)
	}
	code, _, errOut := runCLI(t, "", "ask", "--since", "2023-09-30", "--until", "2023-09-01", "q")
	if code != 2 || !strings.Contains(errOut, "--since 2023-09-30 is after --until 2023-09-01") {
		t.Errorf("since after until: exit %d, %s", code, errOut)
	}
	// A month is the whole month: the report of September 28 is in
	// "--since 2023-09 --until 2023-09".
	code, out, errOut := runCLI(t, "", "ask", "--data", t.TempDir(), "--since", "2023-09", "--until", "2023-09", crossedQuestion)
	if code != 0 || !strings.Contains(out, "84,770") {
		t.Errorf("within September 2023: exit %d, %s %s", code, out, errOut)
	}
}

func TestPlurals(t *testing.T) {
	for _, c := range []struct {
		n    int
		want string
	}{{0, "0 documents"}, {1, "1 document"}, {2, "2 documents"}} {
		if got := plural(c.n, "document"); got != c.want {
			t.Errorf("plural(%d) = %q", c.n, got)
		}
	}
	src := t.TempDir()
	os.WriteFile(filepath.Join(src, "a.txt"), []byte("Spokesperson Zara Quillfeather of Nowhereland said on Monday that the river talks would resume.\n"), 0o644)
	code, out, errOut := runCLI(t, "", "index", "--corpus", src, "--data", t.TempDir())
	if code != 0 || !strings.Contains(out, "Indexed 1 document (1 passage)") {
		t.Errorf("exit %d: %s %s", code, out, errOut)
	}
}

// search and status are the twins of /search and /corpus status.
func TestSearchAndStatus(t *testing.T) {
	data := t.TempDir()
	code, out, errOut := runCLI(t, "", "status", "--data", data)
	if code != 0 || !strings.Contains(out, "readout index") {
		t.Errorf("status of an empty folder: exit %d, %s %s", code, out, errOut)
	}
	code, out, errOut = runCLI(t, "", "search", "--data", data, "international mission")
	if code != 0 || !strings.Contains(out, "[1] ARMENPRESS — 2023-09-28") || !strings.Contains(out, "000_796cebcc88a1bf3f.txt") {
		t.Errorf("search: exit %d, %s %s", code, out, errOut)
	}
	code, out, _ = runCLI(t, "", "search", "--data", data, "--json", "--limit", "2", "international mission")
	var res searchJSON
	if err := json.Unmarshal([]byte(out), &res); code != 0 || err != nil || len(res.Results) != 2 || res.Query != "international mission" || res.Snapshot == "" {
		t.Errorf("search --json: exit %d, %v, %s", code, err, out)
	}
	code, out, _ = runCLI(t, "", "status", "--data", data)
	if code != 0 || !strings.Contains(out, "5 documents") || !strings.Contains(out, "2022-09-26 to 2023-09-28") {
		t.Errorf("status: exit %d, %s", code, out)
	}
	code, out, _ = runCLI(t, "", "status", "--data", data, "--json")
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &raw); code != 0 || err != nil {
		t.Fatalf("status --json: exit %d, %v, %s", code, err, out)
	}
	var keys []string
	for k := range raw {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	want := "configured data_dir dimensions documents embedder first last last_change passages snapshot sources sources_differ"
	if strings.Join(keys, " ") != want {
		t.Errorf("status --json keys: %v, want %s", keys, want)
	}
}

// --outlet and --speaker reach the search: every passage comes from the
// outlet named, and a name the record lacks finds nothing.
func TestOutletAndSpeakerFilters(t *testing.T) {
	data := t.TempDir()
	code, out, _ := runCLI(t, "", "search", "--data", data, "--json", "--outlet", "armenpress", "--limit", "10", "Nagorno-Karabakh")
	var res searchJSON
	if err := json.Unmarshal([]byte(out), &res); code != 0 || err != nil || len(res.Results) == 0 {
		t.Fatalf("--outlet: exit %d %v %s", code, err, out)
	}
	for _, c := range res.Results {
		if c.Outlet != "ARMENPRESS" {
			t.Errorf("--outlet armenpress let through %q (%s)", c.Outlet, c.Doc)
		}
	}
	code, out, _ = runCLI(t, "", "search", "--data", data, "--speaker", "Zara Quillfeather", "Nagorno-Karabakh")
	if code != 0 || !strings.Contains(out, "Nothing in the record matches") {
		t.Errorf("--speaker of nobody in the record: exit %d, %s", code, out)
	}
	code, out, _ = runCLI(t, "", "ask", "--data", data, "--speaker", "Zara Quillfeather", crossedQuestion)
	if code != 0 || strings.Contains(out, "84,770") {
		t.Errorf("ask --speaker of nobody in the record answered anyway: exit %d, %s", code, out)
	}
}

// The configuration is found where people put it when --config is not
// given: ./readout.yaml, ./config.yaml, then the XDG folder.
func TestConfigIsFound(t *testing.T) {
	dir := t.TempDir()
	xdg := t.TempDir()
	data := t.TempDir()
	os.MkdirAll(filepath.Join(xdg, "readout"), 0o755)
	os.WriteFile(filepath.Join(xdg, "readout", "config.yaml"), []byte("data_dir: "+data+"\n"), 0o600)
	t.Chdir(dir)
	env := func(k string) string {
		return map[string]string{"XDG_CONFIG_HOME": xdg, "HOME": "/nonexistent"}[k]
	}
	if got := config.Find(env); got != filepath.Join(xdg, "readout", "config.yaml") {
		t.Errorf("XDG config not found: %q", got)
	}
	os.WriteFile("config.yaml", []byte("data_dir: from-config-yaml\n"), 0o600)
	if got := config.Find(env); got != "config.yaml" {
		t.Errorf("./config.yaml not preferred: %q", got)
	}
	os.WriteFile("readout.yaml", []byte("data_dir: from-readout-yaml\n"), 0o600)
	if got := config.Find(env); got != "readout.yaml" {
		t.Errorf("./readout.yaml not preferred: %q", got)
	}
	code, out, errOut := runCLI(t, "", "status", "--json")
	var st statusJSON
	json.Unmarshal([]byte(out), &st)
	if code != 0 || st.DataDir != "from-readout-yaml" {
		t.Errorf("status did not read ./readout.yaml: exit %d, %s %s", code, out, errOut)
	}
}

// check says when a value came from the environment, and warns about a
// model URL nothing uses.
func TestCheckNamesTheEnvironment(t *testing.T) {
	clearEnv(t)
	cfg := filepath.Join(t.TempDir(), "c.yaml")
	os.WriteFile(cfg, []byte("data_dir: "+t.TempDir()+"\n"), 0o600)
	t.Setenv("OPENAI_BASE_URL", "notaurl")
	var out, errb bytes.Buffer
	code := run(t.Context(), []string{"check", "--config", cfg}, strings.NewReader(""), &out, &errb)
	if code == 0 || !strings.Contains(out.String(), "OPENAI_BASE_URL (model.base_url)") || strings.Contains(out.String(), "config "+cfg) || !strings.Contains(errb.String(), "1 check failed\n") {
		t.Errorf("a bad OPENAI_BASE_URL: exit %d\n%s%s", code, out.String(), errb.String())
	}
	t.Setenv("OPENAI_BASE_URL", "http://127.0.0.1:1/v1")
	out.Reset()
	run(t.Context(), []string{"check", "--config", cfg}, strings.NewReader(""), &out, &errb)
	if !strings.Contains(out.String(), "warn  model") || !strings.Contains(out.String(), "OPENAI_BASE_URL (model.base_url) is set") || !strings.Contains(out.String(), "nothing uses it") {
		t.Errorf("an unused OPENAI_BASE_URL passed silently:\n%s", out.String())
	}
}

func TestLogsWriteDurations(t *testing.T) {
	for _, format := range []string{"text", "json"} {
		var b bytes.Buffer
		cfg := config.Default()
		cfg.Log.Format = format
		newLogger(&b, cfg, slog.LevelInfo).Info("done", "took", 4*time.Millisecond)
		if !strings.Contains(b.String(), "4ms") || strings.Contains(b.String(), "4000000") {
			t.Errorf("%s log: %s", format, b.String())
		}
	}
}

// A bar appears once indexing has lasted a second, and each stage's bar
// ends full.
func TestProgressShowsLongWorkAndEndsFull(t *testing.T) {
	var b bytes.Buffer
	clock := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	p := &progress{w: &b, now: func() time.Time { return clock }, start: clock}
	p.update(retrieval.Progress{Stage: "reading", Done: 0, Total: 10})
	if b.Len() != 0 {
		t.Fatalf("a bar before a second passed: %q", b.String())
	}
	clock = clock.Add(2 * time.Second)
	p.update(retrieval.Progress{Stage: "reading", Done: 3, Total: 10})
	p.update(retrieval.Progress{Stage: "embedding", Done: 0, Total: 40})
	p.update(retrieval.Progress{Stage: "embedding", Done: 39, Total: 40})
	p.update(retrieval.Progress{Stage: "writing", Done: 0, Total: 1})
	p.finish(true)
	out := b.String()
	for _, stage := range []string{"reading", "embedding", "writing"} {
		i := strings.LastIndex(out, stage)
		if i < 0 {
			t.Errorf("no bar for %s: %q", stage, out)
			continue
		}
		rest := out[i:]
		if j := strings.IndexByte(rest, '\n'); j >= 0 {
			rest = rest[:j]
		}
		if !strings.Contains(rest, "100%") {
			t.Errorf("the %s bar ends at %q, not 100%%", stage, rest)
		}
	}
}

// Nothing readout prints can drive the terminal: escape sequences in a
// document, a question or a model's answer are removed from the output.
func TestOutputCarriesNoTerminalEscapes(t *testing.T) {
	src, data := t.TempDir(), t.TempDir()
	doc := "Title: Nowhereland river talks \x1b]0;owned\x07\n\nNOWHERE CITY, MARCH 3. Spokesperson Zara Quillfeather of Nowhereland said on March 2 that the river treaty talks \x1b[2J\x1b[Hwould resume in April\u009b31m.\n"
	os.WriteFile(filepath.Join(src, "river\x1b[31m.txt"), []byte(doc), 0o644)
	fake := testsupport.NewOpenAI(t, testsupport.WithChat(func(testsupport.ChatRequest) string {
		return "\x1b]0;pwned\x07The talks resume in April [1].\x1b[2J"
	}))
	runs := [][]string{
		{"index", "--corpus", src, "--data", data},
		{"search", "--data", data, "river treaty talks \x1b[2J"},
		{"ask", "--data", data, "When will the river treaty talks resume?\x1b]0;t\x07"},
		{"ask", "--data", data, "--json", "When will the river treaty talks resume?"},
		{"status", "--data", data},
		{"ask", "--data", data, "--since", "2023\x1b[2J", "q"},
	}
	for _, args := range runs {
		code, out, errOut := runCLI(t, "", args...)
		if strings.ContainsAny(out+errOut, "\x1b\u009b\x07") {
			t.Errorf("readout %q (exit %d) printed a control sequence:\n%q\n%q", args, code, out, errOut)
		}
	}
	// The model's answer too.
	clearEnv(t)
	t.Setenv("OPENAI_BASE_URL", fake.URL())
	t.Setenv("READOUT_CHAT_MODEL", "fake-chat")
	var out, errb bytes.Buffer
	run(t.Context(), []string{"ask", "--data", data, "When will the river treaty talks resume?"}, strings.NewReader(""), &out, &errb)
	if strings.ContainsAny(out.String()+errb.String(), "\x1b\u009b\x07") || !strings.Contains(out.String(), "April") {
		t.Errorf("the model's answer drives the terminal or is lost:\n%q\n%q", out.String(), errb.String())
	}
}

// A document the answer quotes from two passages is one source, listed
// once.
func TestOneSourceListedOnce(t *testing.T) {
	code, out, errOut := runCLI(t, "", "ask", "--data", t.TempDir(), "--json", "What did the State Department say about Nagorno-Karabakh?")
	var ans struct{ Citations []struct{ Doc string } }
	if err := json.Unmarshal([]byte(out), &ans); code != 0 || err != nil || len(ans.Citations) == 0 {
		t.Fatalf("exit %d %v: %s %s", code, err, out, errOut)
	}
	seen := map[string]bool{}
	for _, c := range ans.Citations {
		if seen[c.Doc] {
			t.Errorf("%s is listed twice: %s", c.Doc, out)
		}
		seen[c.Doc] = true
	}
}

// Every field a --json output can carry is documented in the README.
func TestREADMEDocumentsEveryJSONField(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	data := t.TempDir()
	var keys []string
	collect := func(line string) {
		var m map[string]json.RawMessage
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("not JSON: %v %s", err, line)
		}
		for k, v := range m {
			keys = append(keys, k)
			var inner []map[string]json.RawMessage
			if json.Unmarshal(v, &inner) == nil {
				for _, o := range inner {
					for k := range o {
						keys = append(keys, k)
					}
				}
			}
			var obj map[string]json.RawMessage
			if json.Unmarshal(v, &obj) == nil && k != "explain" {
				for k := range obj {
					keys = append(keys, k)
				}
			}
		}
	}
	in := "What did Miller say about the international mission?\nDid he say who would take part?\n"
	_, out, _ := runCLI(t, in, "chat", "--json", "--explain", "--data", data)
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		collect(line)
	}
	for _, args := range [][]string{{"search", "--json", "--data", data, "mission"}, {"status", "--json", "--data", data}, {"ask", "--json", "--since", "nope", "q"}} {
		_, out, _ := runCLI(t, "", args...)
		collect(out)
	}
	for _, k := range keys {
		if !strings.Contains(string(readme), `"`+k+`"`) {
			t.Errorf("the README does not document the JSON field %q", k)
		}
	}
	for _, k := range []string{"standalone", "quotes"} {
		if !slices.Contains(keys, k) {
			t.Errorf("the test saw no %q field: it no longer checks it", k)
		}
	}
}

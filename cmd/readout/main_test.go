package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"syscall"
	"testing"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/internal/datalock"
	"github.com/readout/readout/internal/testsupport"

	"github.com/readout/readout/text"
)

// clearEnv empties the variables readout reads, for the test's duration.
func clearEnv(t *testing.T) {
	for _, k := range []string{"DISCORD_TOKEN", "OPENAI_BASE_URL", "OPENAI_API_KEY", "READOUT_CHAT_MODEL", "READOUT_EMBED_MODEL", "READOUT_DATA"} {
		t.Setenv(k, "")
	}
	// No configuration file of the machine's user is found by accident.
	t.Setenv("XDG_CONFIG_HOME", emptyConfigHome)
	t.Setenv("HOME", emptyConfigHome)
}

// emptyConfigHome is a folder with no readout configuration in it.
const emptyConfigHome = "/nonexistent/readout-test-home"

const crossedQuestion = "How many people had crossed into Armenia from Nagorno-Karabakh by the end of September 2023?"

// runCLI runs the command in-process with a clean environment.
func runCLI(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	clearEnv(t)
	var out, errb bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func seedText(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "corpus", "seeds", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// quotedSpans returns the text between “ and ” in s.
func quotedSpans(s string) []string {
	var out []string
	for {
		i := strings.Index(s, "“")
		if i < 0 {
			return out
		}
		s = s[i+len("“"):]
		j := strings.Index(s, "”")
		if j < 0 {
			return out
		}
		out = append(out, s[:j])
		s = s[j+len("”"):]
	}
}

// The README's first command: offline, it answers with 84,770, quotes the
// record verbatim and cites the ARMENPRESS report with outlet and date.
func TestAskOfflineAnswersFromTheSample(t *testing.T) {
	code, out, errOut := runCLI(t, "", "ask", "--data", t.TempDir(), crossedQuestion)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"84,770", "[1]", "000_796cebcc88a1bf3f.txt", "ARMENPRESS", "2023-09-28"} {
		if !strings.Contains(out, want) {
			t.Errorf("answer lacks %q:\n%s", want, out)
		}
	}
	seeds := ""
	for _, n := range []string{"000_796cebcc88a1bf3f.txt", "001_a5096ebbdc57aca1.txt", "002_69e751255ff0b80c.txt", "003_712cea4203d5c32e.txt", "004_ed5a135d6ad044a9.txt"} {
		seeds += seedText(t, n)
	}
	spans := quotedSpans(out)
	if len(spans) == 0 {
		t.Fatalf("no quotation in the answer:\n%s", out)
	}
	for _, q := range spans {
		if !strings.Contains(seeds, q) {
			t.Errorf("quotation is not verbatim from the record: %q", q)
		}
	}
}

func TestAskJSONShape(t *testing.T) {
	code, out, errOut := runCLI(t, "", "ask", crossedQuestion, "--json", "--data", t.TempDir())
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatalf("not one JSON object: %v\n%s", err, out)
	}
	for _, k := range []string{"question", "answer", "mode", "citations", "warnings", "snapshot"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("JSON lacks %q", k)
		}
	}
	var cites []map[string]json.RawMessage
	if err := json.Unmarshal(raw["citations"], &cites); err != nil || len(cites) == 0 {
		t.Fatalf("citations: %v %s", err, raw["citations"])
	}
	var keys []string
	for k := range cites[0] {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	want := []string{"date", "doc", "end", "n", "outlet", "passage", "speakers", "start", "title", "url"}
	if !reflect.DeepEqual(keys, want) {
		t.Errorf("citation keys = %v, want %v", keys, want)
	}
	var first struct {
		Doc, Passage string
		Start, End   int
	}
	json.Unmarshal(mustMarshal(cites[0]), &first)
	docs, _, err := corpus.LoadFS(corpus.Sample(), corpus.SampleSource, corpus.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		if d.ID == first.Doc {
			if d.Text[first.Start:first.End] != first.Passage {
				t.Errorf("start/end do not locate the passage in the cleaned document")
			}
			return
		}
	}
	t.Errorf("cited doc %q is not in the sample", first.Doc)
}

func mustMarshal(v any) []byte {
	b, _ := json.Marshal(v)
	return b
}

// firstPassageSentence plays a model that quotes the first sentence of
// passage 1 of the prompt it is given.
func firstPassageSentence(req testsupport.ChatRequest) string {
	lines := strings.Split(req.LastUser(), "\n")
	for i, l := range lines {
		if !strings.HasSuffix(l, " n=1") {
			continue
		}
		for j := i + 1; j < len(lines); j++ {
			if strings.TrimSpace(lines[j]) == "" && j+1 < len(lines) {
				body := lines[j+1]
				s := text.Sentences(body)
				if len(s) == 0 {
					return "The record does not cover this."
				}
				sent := strings.TrimSpace(body[s[0][0]:s[0][1]])
				return "According to the record, the report said: \"" + sent + "\" [1]."
			}
		}
	}
	return "The record does not cover this."
}

func TestAskWithAModelServer(t *testing.T) {
	fake := testsupport.NewOpenAI(t, testsupport.WithChat(firstPassageSentence))
	clearEnv(t)
	t.Setenv("OPENAI_BASE_URL", fake.URL())
	cfg := filepath.Join(t.TempDir(), "c.yaml")
	os.WriteFile(cfg, []byte("model:\n  chat_model: fake-chat\n  embed_model: fake-embed\n"), 0o600)
	var out, errb bytes.Buffer
	code := run(context.Background(), []string{"ask", "--config", cfg, "--data", t.TempDir(), "--json", crossedQuestion}, strings.NewReader(""), &out, &errb)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var ans struct {
		Mode      string
		Answer    string
		Citations []struct{ Doc, Passage string }
		Warnings  []string
	}
	if err := json.Unmarshal(out.Bytes(), &ans); err != nil {
		t.Fatal(err)
	}
	if ans.Mode != "generated" || len(ans.Citations) != 1 {
		t.Fatalf("mode %q, citations %v, answer %q, warnings %v", ans.Mode, ans.Citations, ans.Answer, ans.Warnings)
	}
	for _, q := range strings.Split(ans.Answer, "\"")[1:2] {
		if !strings.Contains(ans.Citations[0].Passage, q) {
			t.Errorf("quotation %q not in the cited passage", q)
		}
	}
	if texts, _ := fake.EmbeddedInputs(); texts == 0 {
		t.Error("the configured embedding model was not used")
	}

	// The model failing: an extractive answer with a warning, not an error.
	fake.SetFault(testsupport.Fault{Kind: testsupport.FaultStatus, Status: 500, Endpoint: testsupport.EndpointChat})
	out.Reset()
	errb.Reset()
	code = run(context.Background(), []string{"ask", "--config", cfg, "--data", t.TempDir(), "--json", crossedQuestion}, strings.NewReader(""), &out, &errb)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	json.Unmarshal(out.Bytes(), &ans)
	if ans.Mode != "extractive" || len(ans.Warnings) == 0 || !strings.Contains(ans.Answer, "84,770") {
		t.Errorf("with the model failing: mode %q warnings %v answer %q", ans.Mode, ans.Warnings, ans.Answer)
	}
}

// A chat line far longer than any question is refused like one, and the
// conversation goes on with the next line; so does a last line without
// a line ending.
func TestChatSurvivesAHugeLine(t *testing.T) {
	huge := strings.Repeat("armenia ", 300<<10) // 2.4 MB on one line
	for _, tc := range []struct {
		name, in string
		json     bool
	}{
		{"text", huge + "\n" + crossedQuestion, false},
		{"json", huge + "\n" + crossedQuestion + "\n", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := []string{"chat", "--data", t.TempDir()}
			if tc.json {
				args = append(args, "--json")
			}
			code, out, errOut := runCLI(t, tc.in, args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			if !strings.Contains(errOut, "please shorten it") || strings.Count(strings.TrimSpace(errOut), "\n") > 1 {
				t.Errorf("the long line is not refused in one line: %q", truncate(errOut, 400))
			}
			if !strings.Contains(out, "84,770") {
				t.Errorf("the next question was not answered: %s", truncate(out, 400))
			}
			if len(out) > 10000 {
				t.Errorf("the long line is echoed: %d bytes of output", len(out))
			}
		})
	}
}

func TestChatAnswersFollowUps(t *testing.T) {
	in := "According to the ARMENPRESS report, how serious is the U.S. about sending an international mission to Nagorno-Karabakh?\nDid he say who would take part in it or what its scope would be?\n"
	code, out, errOut := runCLI(t, in, "chat", "--json", "--data", t.TempDir())
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("want 2 answers, got %d:\n%s", len(lines), out)
	}
	var second struct {
		Standalone string
		Citations  []struct{ Doc string }
	}
	json.Unmarshal([]byte(lines[1]), &second)
	if second.Standalone == "" || len(second.Citations) == 0 || second.Citations[0].Doc != "000_796cebcc88a1bf3f.txt" {
		t.Errorf("follow-up was not answered in context: %s", lines[1])
	}
}

func TestIndexIsIncremental(t *testing.T) {
	data := t.TempDir()
	src := t.TempDir()
	os.WriteFile(filepath.Join(src, "a.txt"), []byte("Spokesperson Jane Example said on Monday that the example talks would resume.\n"), 0o644)
	os.WriteFile(filepath.Join(src, "bad.txt"), []byte{0, 1, 2, 3}, 0o644)
	code, out, errOut := runCLI(t, "", "index", "--corpus", src, "--data", data)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "added 1") || !strings.Contains(out, "skipped 1") || !strings.Contains(out, "bad.txt") {
		t.Errorf("first index summary:\n%s", out)
	}
	code, out, _ = runCLI(t, "", "index", "--corpus", src, "--data", data)
	if code != 0 || !strings.Contains(out, "unchanged 1") || !strings.Contains(out, "0 passages embedded") {
		t.Errorf("second index summary:\n%s", out)
	}
}

func TestEmbedderMismatchIsRefused(t *testing.T) {
	data := t.TempDir()
	if code, _, errOut := runCLI(t, "", "index", "--data", data); code != 0 {
		t.Fatal(errOut)
	}
	cfg := filepath.Join(t.TempDir(), "c.yaml")
	os.WriteFile(cfg, []byte("retrieval:\n  builtin_dimensions: 128\n"), 0o600)
	code, _, errOut := runCLI(t, "", "ask", "--config", cfg, "--data", data, "--corpus", "../../corpus/seeds", "what?")
	if code == 0 || !strings.Contains(errOut, "rebuild") {
		t.Errorf("mismatch: exit %d, %s", code, errOut)
	}
	if code, _, errOut := runCLI(t, "", "index", "--config", cfg, "--data", data, "--rebuild"); code != 0 {
		t.Errorf("rebuild: %s", errOut)
	}
}

func TestCommandLineMistakes(t *testing.T) {
	cases := []struct {
		args []string
		code int
		want string
	}{
		{nil, 2, "Usage"},
		{[]string{"frobnicate"}, 2, "unknown command"},
		{[]string{"ask"}, 2, "give a question"},
		{[]string{"ask", "--since", "yesterday", "q"}, 2, "2023-09-28"},
		{[]string{"ask", "--config", "/nonexistent/c.yaml", "q"}, 1, "read config"},
		{[]string{"ask", "--data", "", "   "}, 2, "give a question"},
	}
	for _, c := range cases {
		code, _, errOut := runCLI(t, "", c.args...)
		if code != c.code || !strings.Contains(errOut, c.want) {
			t.Errorf("readout %v: exit %d, %q; want exit %d and %q", c.args, code, errOut, c.code, c.want)
		}
	}
}

// Two processes on one data folder: the writer that comes second stops
// with a message naming the first; a question is still answered from the
// index as it is.
func TestDataFolderIsLocked(t *testing.T) {
	data := t.TempDir()
	if code, _, errOut := runCLI(t, "", "index", "--data", data); code != 0 {
		t.Fatal(errOut)
	}
	other, err := datalock.Acquire(data)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Release()
	code, _, errOut := runCLI(t, "", "index", "--data", data)
	if code == 0 || !strings.Contains(errOut, "pid") || !strings.Contains(errOut, "/corpus refresh") {
		t.Errorf("second writer: exit %d, %q", code, errOut)
	}
	code, out, errOut := runCLI(t, "", "ask", "--data", data, crossedQuestion)
	if code != 0 || !strings.Contains(out, "84,770") {
		t.Errorf("a question while the folder is held: exit %d, %s %s", code, out, errOut)
	}
	other.Release()
	if code, _, errOut := runCLI(t, "", "index", "--data", data); code != 0 {
		t.Errorf("after the other released: %s", errOut)
	}
}

// A data folder that cannot be written (mounted read-only, or owned by
// someone else) still answers from the index it holds; the commands that
// must write it say so and what to do, in one line. The lock is made to
// fail as a read-only file system would: the tests may run as root, who
// can write any folder.
func TestReadOnlyDataFolder(t *testing.T) {
	built := t.TempDir()
	if code, _, errOut := runCLI(t, "", "index", "--data", built); code != 0 {
		t.Fatal(errOut)
	}
	empty := t.TempDir()
	for _, errno := range []syscall.Errno{syscall.EROFS, syscall.EACCES} {
		acquireLock = func(dir string) (*datalock.Lock, error) {
			return nil, fmt.Errorf("lock the data folder: %w", &fs.PathError{Op: "open", Path: filepath.Join(dir, datalock.FileName), Err: errno})
		}
		t.Cleanup(func() { acquireLock = datalock.Acquire })
		tests := []struct {
			name string
			args []string
			code int
			want string
		}{
			{"ask answers from the index", []string{"ask", "--data", built, crossedQuestion}, 0, "84,770"},
			{"search reads it", []string{"search", "--data", built, "Armenia"}, 0, "[1]"},
			{"index says what to do", []string{"index", "--data", built}, 1, "cannot be written"},
			{"no index yet", []string{"ask", "--data", empty, crossedQuestion}, 1, "run `readout index` where it can be written"},
		}
		for _, tc := range tests {
			t.Run(errno.Error()+"/"+tc.name, func(t *testing.T) {
				code, out, errOut := runCLI(t, "", tc.args...)
				if code != tc.code {
					t.Fatalf("exit %d, want %d: %s%s", code, tc.code, out, errOut)
				}
				if !strings.Contains(out+errOut, tc.want) {
					t.Errorf("output lacks %q: %s%s", tc.want, out, errOut)
				}
				if code != 0 && strings.Count(strings.TrimSpace(errOut), "\n") > 0 {
					t.Errorf("error is not one line: %q", errOut)
				}
			})
		}
	}
}

// A file where the data folder should be is named as such, with what to do.
func TestDataFolderIsAFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "data")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCLI(t, "", "ask", "--data", file, crossedQuestion)
	if code != 1 || !strings.Contains(errOut, "a file is in its place") || !strings.Contains(errOut, "--data") {
		t.Errorf("exit %d: %q", code, errOut)
	}
}

// A damaged snapshot is detected at start, reported, and rebuilt from the
// sources; it is never half-loaded.
func TestDamagedSnapshotIsRebuilt(t *testing.T) {
	data := t.TempDir()
	if code, _, errOut := runCLI(t, "", "index", "--data", data); code != 0 {
		t.Fatal(errOut)
	}
	snap := filepath.Join(data, "index.snap")
	b, err := os.ReadFile(snap)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(snap, b[:len(b)/2], 0o600) // truncated, as by a full disk
	code, out, errOut := runCLI(t, "", "ask", "-v", "--data", data, "--corpus", "../../corpus/seeds", crossedQuestion)
	if code != 0 || !strings.Contains(out, "84,770") {
		t.Fatalf("exit %d: %s %s", code, out, errOut)
	}
	if !strings.Contains(errOut, "damaged") {
		t.Errorf("the damage was not reported: %s", errOut)
	}
	// The rebuilt snapshot is whole again.
	code, out, _ = runCLI(t, "", "index", "--data", data, "--corpus", "../../corpus/seeds")
	if code != 0 || !strings.Contains(out, "unchanged 5") {
		t.Errorf("after the rebuild: %s", out)
	}
}

// A data folder knows its record: a later run that names no corpus
// answers from it without a note on every run, `readout index` refreshes
// exactly its sources, a run that would replace it by another record stops
// and says what it would remove unless --force, a damaged snapshot is
// rebuilt from its own sources (not the bundled sample), and `check` says
// once what it was built from.
func TestDataFolderKnowsItsRecord(t *testing.T) {
	data, src := t.TempDir(), t.TempDir()
	os.WriteFile(filepath.Join(src, "a.txt"), []byte("EXAMPLE CITY, MARCH 3, EXAMPLE WIRE. Spokesperson Zara Quillfeather of Nowhereland said on March 2 that the example river treaty talks would resume in April.\n"), 0o644)
	if code, _, errOut := runCLI(t, "", "index", "--corpus", src, "--data", data); code != 0 {
		t.Fatal(errOut)
	}
	const q = "When will the example river treaty talks resume?"
	code, out, errOut := runCLI(t, "", "ask", "--data", data, q)
	if code != 0 || !strings.Contains(out, "a.txt") {
		t.Fatalf("exit %d: %s %s", code, out, errOut)
	}
	if errOut != "" {
		t.Errorf("ask printed a note: %q", errOut)
	}
	code, out, _ = runCLI(t, "", "index", "--data", data)
	if code != 0 || !strings.Contains(out, "unchanged 1") || !strings.Contains(out, "Indexed 1 ") {
		t.Errorf("index with no --corpus did not refresh the folder's own sources:\n%s", out)
	}

	// Another record would remove the whole of this one: stopped.
	code, _, errOut = runCLI(t, "", "index", "--data", data, "--corpus", "../../corpus/seeds")
	if code == 0 || !strings.Contains(errOut, "remove 1 of the record's 1 documents (a.txt)") || !strings.Contains(errOut, "--force") {
		t.Errorf("switching records without --force: exit %d, %q", code, errOut)
	}
	if code, out, errOut := runCLI(t, "", "check", "--data", data); !strings.Contains(out, "built from "+src) {
		t.Errorf("check does not say what the record was built from (exit %d): %s %s", code, out, errOut)
	}

	// A flipped byte: rebuilt from src, not from the sample.
	snap := filepath.Join(data, "index.snap")
	b, err := os.ReadFile(snap)
	if err != nil {
		t.Fatal(err)
	}
	b[len(b)/3] ^= 0x40
	os.WriteFile(snap, b, 0o600)
	if code, out, _ := runCLI(t, "", "status", "--data", data); code != 0 || !strings.Contains(out, "damaged") || !strings.Contains(out, src) {
		t.Errorf("status of a damaged index: exit %d, %s", code, out)
	}
	code, out, errOut = runCLI(t, "", "ask", "--data", data, q)
	if code != 0 || !strings.Contains(out, "a.txt") {
		t.Fatalf("after damage: exit %d: %s %s", code, out, errOut)
	}
	code, out, _ = runCLI(t, "", "index", "--data", data)
	if code != 0 || !strings.Contains(out, "Indexed 1 ") || !strings.Contains(out, "unchanged 1") {
		t.Errorf("after the repair the folder holds another record:\n%s", out)
	}

	// With --force the switch goes ahead.
	code, out, errOut = runCLI(t, "", "index", "--data", data, "--corpus", "../../corpus/seeds", "--force")
	if code != 0 || !strings.Contains(out, "removed 1") {
		t.Errorf("--force: exit %d: %s %s", code, out, errOut)
	}
}

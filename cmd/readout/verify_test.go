package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/readout/readout/verify"
)

// readout verify over the invented record of the verify package: the
// verdict in one line, the record's words with the differences marked,
// speaker, date, source and context; --json is the Result; a claim that
// cannot be checked is a usage error; nothing printed carries an escape.
func TestVerifyCommand(t *testing.T) {
	data := t.TempDir()
	record := filepath.Join("..", "..", "verify", "testdata")
	run := func(args ...string) (int, string, string) {
		return runCLI(t, "", append([]string{"verify", "--corpus", record, "--data", data}, args...)...)
	}
	text := []struct {
		name string
		args []string
		want []string
	}{
		{"exact", []string{"The ministry organised the delivery of 84,770 tonnes of grain in September."}, []string{
			"Exact: Zara Quillfeather (Spokesperson) said these words on 2031-04-02.\n",
			"Record:  “The ministry organised the delivery of 84,770 tonnes of grain in September”",
			"Speaker: Zara Quillfeather, Spokesperson\n", "Date:    2031-04-02\n",
			"Source:  The Nowhereland — 2031-04-02 — Press Briefing by Spokesperson Zara Quillfeather",
			"https://example.invalid/briefing-room/2031/04/02/press-briefing/",
			"Context: ", "[The ministry organised the delivery of 84,770 tonnes of grain in September]. We recognise the centre",
		}},
		{"negation flipped", []string{"Nowhereland will always accept the blockade of the Sapphire Strait"}, []string{
			"Close: Zara Quillfeather (Spokesperson) said nearly these words on 2031-04-02; the differences change the meaning (a negation).",
			"Nowhereland will ~~always~~ **never** accept the blockade", "Changes: negation",
		}},
		{"other speaker", []string{"--speaker", "Quillfeather", "It carried medicine for the hospitals of the north"}, []string{
			"Said by someone else: Otto Brambleworth (Coordinator for Harbour Affairs) said these words on 2031-04-02",
		}},
		{"other date", []string{"--until", "2031-05", "We are grateful to the people of Port Vellum"}, []string{
			"Said at another time: Otto Brambleworth", "on 2031-06-10, outside the period claimed.",
		}},
		{"question", []string{"Is Nowhereland prepared to abandon the talks with Elsewhere altogether?"}, []string{
			"Only asked: these words are a reporter's question on 2031-04-02",
		}},
		{"not found", []string{"Nowhereland has purchased four submarines from the moon"}, []string{
			"Not in the record: nothing close to these words in the record (2031-04-02 to 2031-06-10); the nearest passages on the subject follow.",
			"[1] The Nowhereland",
		}},
		{"escapes", []string{"\x1b]8;;https://x.example\x07The ministry organised\x1b[2J the delivery of grain"}, []string{"Close: "}},
	}
	for _, tt := range text {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := run(tt.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
			if strings.ContainsAny(out, "\x1b\x07") {
				t.Errorf("an escape in the output: %q", out)
			}
		})
	}

	code, out, errOut := run("--json", "--speaker", "Zara Quillfeather", "It carried medicine for the hospitals of the north")
	var res verify.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil || code != 0 {
		t.Fatalf("--json: exit %d, %v: %q %s", code, err, out, errOut)
	}
	if res.Verdict != verify.OtherSpeaker || res.Speaker != "Otto Brambleworth" || res.Citation == nil || res.Citation.Doc != "2031-04-02_briefing.txt" ||
		res.Date != "2031-04-02" || res.Record != "It carried medicine for the hospitals of the north" || len(res.Diff) != 1 || res.Context.Before == "" {
		t.Errorf("--json result %+v", res)
	}
	var raw map[string]any
	json.Unmarshal([]byte(out), &raw)
	for _, k := range []string{"verdict", "claimed", "record", "diff", "speaker", "date", "citation", "context"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("--json lacks %q: %s", k, out)
		}
	}
	if _, ok := raw["covers"]; ok {
		t.Errorf("covers outside not-found: %s", out)
	}

	usage := []struct {
		args []string
		want string
	}{
		{nil, "give the quotation to check"},
		{[]string{"…"}, "nothing to check: the quotation has no words"},
		{[]string{"it is"}, "the quotation has only common words"},
		{[]string{strings.Repeat("grain ", verify.MaxClaimWords+1)}, "quotation too long: 401 words; check at most 400 at a time"},
		{[]string{"--since", "2031-05", "--until", "2031-04", "the ministry"}, "--since 2031-05 is after --until 2031-04"},
	}
	for _, u := range usage {
		code, out, errOut := run(u.args...)
		lines := strings.Split(strings.TrimSpace(errOut), "\n")
		if code != 2 || out != "" || len(lines) != 2 || !strings.Contains(lines[0], u.want) || !strings.HasPrefix(lines[1], "see 'readout verify --help'") {
			t.Errorf("readout verify %q: exit %d, stdout %q, stderr:\n%s\nwant exit 2 and %q", u.args, code, out, errOut, u.want)
		}
	}
}

package bot

import (
	"encoding/binary"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/readout/readout/answer"
	"github.com/readout/readout/internal/testsupport"
)

func TestSplitMessage(t *testing.T) {
	t.Parallel()
	sentence := "Jane Example said the talks went well [1]. "
	quote := `She said "the talks went well and will continue, as both sides agreed at the meeting in Example City last week" [2]. `
	for _, tc := range []struct {
		name  string
		text  string
		limit int
		check func(t *testing.T, parts []string)
	}{
		{"short text is one part", "hello", 100, func(t *testing.T, p []string) {
			if len(p) != 1 || p[0] != "hello" {
				t.Errorf("%q", p)
			}
		}},
		{"paragraph boundary preferred", strings.Repeat("a ", 30) + "\n\n" + strings.Repeat("b ", 30), 100, func(t *testing.T, p []string) {
			if len(p) != 2 || strings.Contains(p[0], "b") || strings.Contains(p[1], "a") {
				t.Errorf("%q", p)
			}
		}},
		{"sentences, never inside a quotation or citation", strings.Repeat(sentence+quote, 20), 300, func(t *testing.T, p []string) {
			for _, s := range p {
				if strings.Count(s, `"`)%2 != 0 || strings.Count(s, "[") != strings.Count(s, "]") {
					t.Errorf("bad cut: %q", s)
				}
			}
		}},
		{"curly quotes respected", strings.Repeat("He said “one two three four five six seven eight nine ten eleven twelve” [3]. ", 10), 120, func(t *testing.T, p []string) {
			for _, s := range p {
				if strings.Count(s, "“") != strings.Count(s, "”") {
					t.Errorf("bad cut: %q", s)
				}
			}
		}},
		{"unbreakable text is cut", strings.Repeat("x", 250), 100, func(t *testing.T, p []string) {
			if len(p) != 3 {
				t.Errorf("%d parts", len(p))
			}
		}},
		{"multibyte runes counted as characters", strings.Repeat("é", 150), 100, func(t *testing.T, p []string) {
			if len(p) != 2 || runes(p[0]) != 100 {
				t.Errorf("%d parts, first %d runes", len(p), runes(p[0]))
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			parts := splitMessage(tc.text, tc.limit)
			total := 0
			for _, p := range parts {
				if runes(p) > tc.limit {
					t.Errorf("part of %d runes > %d", runes(p), tc.limit)
				}
				total += len(strings.Fields(p))
			}
			if want := len(strings.Fields(tc.text)); total != want && !strings.Contains(tc.name, "cut") && !strings.Contains(tc.name, "multibyte") {
				t.Errorf("%d words after split, want %d", total, want)
			}
			tc.check(t, parts)
		})
	}
}

func TestFootnoteAndNeutralise(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		c    answer.Citation
		want string
	}{
		{answer.Citation{N: 1, Outlet: "ARMENPRESS", Date: "2023-09-28", Title: "Headline", URL: "https://example.org/x"}, "[1] ARMENPRESS — 2023-09-28 — [Headline](<https://example.org/x>)"},
		{answer.Citation{N: 2, Date: "2022-01-02", Title: "No [link] here"}, "[2] 2022-01-02 — No (link) here"},
		{answer.Citation{N: 3, Doc: "doc.txt", URL: "javascript:alert(1)"}, "[3] doc.txt"},
		{answer.Citation{N: 4, Doc: "doc.txt", URL: "https://"}, "[4] doc.txt"},
		{answer.Citation{N: 5, Doc: "doc.txt", URL: "https://example.org/a\tb"}, "[5] doc.txt"},
		{answer.Citation{N: 6, Doc: "doc.txt", URL: "https:///path-only"}, "[6] doc.txt"},
		{answer.Citation{N: 7, Doc: "doc.txt", URL: "http://exa mple.org/"}, "[7] doc.txt"},
		// A title that reads as an address would disguise the link's
		// target: the address is shown as it is.
		{answer.Citation{N: 8, Outlet: "Wire", Title: "www.state.gov briefing", URL: "https://evil.example/x"}, "[8] Wire — www.state.gov briefing — <https://evil.example/x>"},
		{answer.Citation{N: 9, Title: "Read https://state.gov/a", URL: "https://evil.example/x"}, "[9] Read https://state.gov/a — <https://evil.example/x>"},
		{answer.Citation{N: 10, Title: "Remarks on the U.S. and H.R. 2670", URL: "https://example.org/x"}, "[10] [Remarks on the U.S. and H.R. 2670](<https://example.org/x>)"},
	} {
		if got := footnote(tc.c); got != tc.want {
			t.Errorf("footnote = %q, want %q", got, tc.want)
		}
		// Show passages' embeds link the same addresses, and Discord
		// refuses the whole reply for one it cannot read.
		e := passageEmbeds([]answer.Citation{tc.c}, nil)
		data := map[string]any{"embeds": []any{map[string]any{"title": e[0].Title, "description": e[0].Description, "url": e[0].URL}}}
		if msg := testsupport.CheckMessage(data, true); msg != "" {
			t.Errorf("%q: embed refused: %s", tc.c.URL, msg)
		}
	}
	if got := neutralise("hi @everyone and @here"); strings.Contains(got, "@everyone") || strings.Contains(got, "@here") {
		t.Errorf("neutralise left a mass mention: %q", got)
	}
	q, rest, ok := parseQuestionHeader(renderAnswer("Why @everyone?", sampleAnswer("Because [1].")))
	if !ok || q != "Why @everyone?" || stripSources(rest) != "Because [1]." {
		t.Errorf("header round trip: %q %q %v", q, rest, ok)
	}
}

func TestCloseSnifferReportsCloseCodes(t *testing.T) {
	t.Parallel()
	frame := func(op byte, payload []byte) []byte {
		return append([]byte{0x80 | op, byte(len(payload))}, payload...)
	}
	code := make([]byte, 2)
	binary.BigEndian.PutUint16(code, 4014)
	stream := []byte("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n")
	stream = append(stream, frame(1, []byte(`{"op":10}`))...)
	stream = append(stream, frame(8, append(code, "Disallowed intent(s)."...))...)
	for _, chunk := range []int{1, 3, 7, len(stream)} {
		var got []int
		c := &closeSniffer{onClose: func(code int) { got = append(got, code) }}
		for i := 0; i < len(stream); i += chunk {
			end := min(i+chunk, len(stream))
			c.feed(stream[i:end])
		}
		if len(got) != 1 || got[0] != 4014 {
			t.Errorf("chunk %d: codes %v, want [4014]", chunk, got)
		}
	}
}

func TestRewriteTransport(t *testing.T) {
	t.Parallel()
	var seen []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { seen = append(seen, r.URL.Path) }))
	defer srv.Close()
	rt, err := NewRewriteTransport(srv.URL+"/prefix", nil)
	if err != nil {
		t.Fatal(err)
	}
	c := &http.Client{Transport: rt}
	resp, err := c.Get("https://discord.com/api/v9/users/@me")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if len(seen) != 1 || seen[0] != "/prefix/api/v9/users/@me" {
		t.Errorf("paths %v", seen)
	}
	if _, err := NewRewriteTransport("ftp://x", nil); err == nil {
		t.Error("ftp accepted")
	}
	if !isDiscordAPI("") || !isDiscordAPI("https://discord.com/") || isDiscordAPI(srv.URL) {
		t.Error("isDiscordAPI")
	}
}

// TestNoDisguisedLinks: a masked link typed in a question, quoted from the
// record or streamed in a draft is never posted as a link whose shown text
// hides its target; the bot's own footnote links stay links and the
// question still reads back from the header.
func TestNoDisguisedLinks(t *testing.T) {
	t.Parallel()
	masked := regexp.MustCompile(`\]\(<?https?://evil`)
	q := "what did [the ministry](https://evil.example/x) say?"
	a := sampleAnswer("The ministry said “see [here](<https://evil.example/y>)” [1].")
	a.Warnings = []string{"[click](https://evil.example/z)"}
	for name, got := range map[string]string{
		"answer":  renderAnswer(q, a),
		"partial": renderPartial(q, "See [here](https://evil.example/y"),
	} {
		if masked.MatchString(got) {
			t.Errorf("%s carries a masked link: %q", name, got)
		}
	}
	out := renderAnswer(q, a)
	if !strings.Contains(out, "](<") {
		t.Errorf("the footnote lost its own link: %q", out)
	}
	if back, _, ok := parseQuestionHeader(out); !ok || back != q {
		t.Errorf("header round trip = %q, %v; want %q", back, ok, q)
	}
}

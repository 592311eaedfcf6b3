package safetext

import (
	"bytes"
	"strings"
	"testing"
)

func TestTerminal(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"plain text is kept", "Miller said: “we are serious.”\n\tNext", "Miller said: “we are serious.”\n\tNext"},
		{"other scripts are kept", "Երևան — Ереван — 東京", "Երևան — Ереван — 東京"},
		{"clear screen", "a\x1b[2Jb\x1b[H", "ab"},
		{"colour with parameters", "\x1b[1;31mred\x1b[0m", "red"},
		{"window title by OSC with BEL", "x\x1b]0;owned\x07y", "xy"},
		{"hyperlink by OSC 8 with ST", "\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\", "click"},
		{"DCS string", "a\x1bPq#0;2;0;0;0\x1b\\b", "ab"},
		{"two-byte escape", "a\x1bcb\x1b(Bc", "abc"},
		{"8-bit CSI", "a\u009b2Jb", "ab"},
		{"8-bit OSC", "a\u009d0;t\u009cb", "ab"},
		{"carriage return and backspace", "safe\rEVIL\x08\x08x", "safeEVILx"},
		{"NUL, BEL and DEL", "a\x00b\x07c\x7fd", "abcd"},
		{"lone 0x9b byte", "a\x9b2Jb", "a\uFFFD2Jb"},
		{"escape at the end", "abc\x1b", "abc"},
		{"unterminated OSC stops at a newline", "a\x1b]0;title\nnext", "a\nnext"},
	}
	for _, c := range cases {
		if got := Terminal(c.in); got != c.want {
			t.Errorf("%s: Terminal(%q) = %q, want %q", c.name, c.in, got, c.want)
		}
	}
}

func TestWriter(t *testing.T) {
	var b bytes.Buffer
	w := NewWriter(&b)
	n, err := w.Write([]byte("ok\x1b[2J\n"))
	if err != nil || n != len("ok\x1b[2J\n") || b.String() != "ok\n" {
		t.Errorf("Write: %d %v %q", n, err, b.String())
	}
	if w.Unwrap() != &b {
		t.Error("Unwrap does not return the writer underneath")
	}
}

func TestUnlink(t *testing.T) {
	cases := []struct{ name, in string }{
		{"masked link", "see [click here](https://evil.example/login) now"},
		{"angle-bracket form", "[docs](<https://evil.example>)"},
		{"with a title", `[a](https://evil.example "Official")`},
		{"brackets inside the text", "[[1] report](https://evil.example)"},
		{"spaces inside", "[a]( https://evil.example )"},
	}
	for _, c := range cases {
		got := Unlink(c.in)
		if strings.Contains(got, "](") || !strings.Contains(got, "https://evil.example") {
			t.Errorf("%s: Unlink(%q) = %q: a masked link survives or its URL is hidden", c.name, c.in, got)
		}
		if back := strings.ReplaceAll(got, Joiner, ""); back != c.in {
			t.Errorf("%s: the text does not read back: %q", c.name, back)
		}
	}
	if got := Unlink("He said so [1] (in May) [2]."); got != "He said so [1] (in May) [2]." {
		t.Errorf("citations changed: %q", got)
	}
}

func TestLinkText(t *testing.T) {
	for in, want := range map[string]string{
		"never accept a [blockade](http://evil.example/a_b) of": "never accept a blockade of",
		"[text] (not a link) and a:b":                           "[text] (not a link) and a:b",
	} {
		if got := LinkText(in); got != want {
			t.Errorf("LinkText(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"see https://x.example/a?b=1 now": "see                         now",
		"see <HTTPS://x.example/a> now":   "see                       now",
		"no address: a:b":                 "no address: a:b",
	} {
		if got := BlankLinks(in); got != want {
			t.Errorf("BlankLinks(%q) = %q, want %q", in, got, want)
		}
	}
}

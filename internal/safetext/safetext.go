// Package safetext makes text that readout did not write safe to show:
// on a terminal, where control sequences from a document, a question or a
// model could clear the screen, set the window title or forge output, and
// on Discord, where a masked link ("[click here](https://…)") could hide
// where it goes under the bot's name. It is a leaf: it knows nothing of
// readout's other packages, and it is the one place that knows these
// syntaxes.
package safetext

import (
	"io"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Terminal removes what a terminal would act on instead of printing:
// escape sequences (CSI such as "\x1b[2J", OSC such as "\x1b]0;title\a",
// DCS, SOS, PM and APC strings, and two-byte escapes), their 8-bit C1
// forms, and every other C0 or C1 control character except newline and
// tab. Bytes that are not UTF-8 become U+FFFD, so no terminal reads a lone
// 0x9b as a CSI. Printable text, including non-Latin scripts, is kept.
func Terminal(s string) string {
	if clean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
			i++
		case r == 0x1b:
			i += escapeLen(s[i:])
		case r == 0x9b: // CSI as one C1 character
			i += size + csiLen(s[i+size:])
		case r == 0x90 || r == 0x98 || r == 0x9d || r == 0x9e || r == 0x9f: // DCS, SOS, OSC, PM, APC
			i += size + stringLen(s[i+size:])
		case r == '\n' || r == '\t':
			b.WriteRune(r)
			i += size
		case isControl(r):
			i += size
		default:
			b.WriteString(s[i : i+size])
			i += size
		}
	}
	return b.String()
}

// clean says whether s needs no change (the common case, checked without
// allocating).
func clean(s string) bool {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return false
			}
		}
		if r != '\n' && r != '\t' && isControl(r) {
			return false
		}
	}
	return true
}

// isControl: C0 (U+0000–U+001F), DEL and C1 (U+0080–U+009F).
func isControl(r rune) bool {
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f)
}

// escapeLen is the length of the escape sequence at the start of s
// (s[0] is ESC). A sequence cut off by the end of s, or by a newline that
// no terminal would take as part of it, ends there.
func escapeLen(s string) int {
	if len(s) < 2 {
		return len(s)
	}
	switch s[1] {
	case '[':
		return 2 + csiLen(s[2:])
	case ']', 'P', 'X', '^', '_':
		return 2 + stringLen(s[2:])
	}
	// ESC, intermediate bytes (0x20–0x2F), one final byte (0x30–0x7E).
	n := 1
	for n < len(s) && s[n] >= 0x20 && s[n] <= 0x2f {
		n++
	}
	if n < len(s) && s[n] >= 0x30 && s[n] <= 0x7e {
		n++
	}
	return n
}

// csiLen is the length of a CSI's parameters and final byte: parameter and
// intermediate bytes (0x20–0x3F) up to one final byte (0x40–0x7E).
func csiLen(s string) int {
	for n := 0; n < len(s); n++ {
		c := s[n]
		switch {
		case c >= 0x40 && c <= 0x7e:
			return n + 1
		case c < 0x20 || c > 0x3f:
			return n // not part of a CSI: stop before it
		}
	}
	return len(s)
}

// stringLen is the length of an OSC, DCS, SOS, PM or APC payload with its
// terminator: BEL, ESC \ or the C1 ST (U+009C).
func stringLen(s string) int {
	for n := 0; n < len(s); n++ {
		switch {
		case s[n] == 0x07:
			return n + 1
		case s[n] == 0x1b && n+1 < len(s) && s[n+1] == '\\':
			return n + 2
		case strings.HasPrefix(s[n:], "\u009c"):
			return n + len("\u009c")
		case s[n] == '\n':
			return n
		}
	}
	return len(s)
}

// Writer passes everything written through Terminal: what a command
// prints can never drive the terminal, whatever a document or a model put
// into it. Each Write is cleaned on its own; a sequence split across two
// writes loses its introducer, so its remaining bytes print as plain text.
type Writer struct{ w io.Writer }

// NewWriter returns a Writer that writes clean text to w.
func NewWriter(w io.Writer) *Writer { return &Writer{w: w} }

// Write cleans p and writes it; it reports len(p) when all of the
// cleaned text was written.
func (w *Writer) Write(p []byte) (int, error) {
	if _, err := io.WriteString(w.w, Terminal(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Unwrap returns the writer underneath, for output that must drive the
// terminal on purpose (a progress bar readout draws itself).
func (w *Writer) Unwrap() io.Writer { return w.w }

// Unlink neutralises masked links in text readout did not write (a
// question, a document, a model's answer): Discord reads "[text](url)" as
// a link only when "](" is unbroken, so a zero-width joiner goes between
// them. The reader then sees "[click here](https://x.example)" with its URL
// in plain text, and removing the joiners gives the text back exactly (a
// thread's history is rebuilt from its messages). Links readout renders
// itself (its footnotes) are added after this.
func Unlink(s string) string { return strings.ReplaceAll(s, "](", "]"+Joiner+"(") }

// Joiner is the zero-width joiner Unlink inserts.
const Joiner = "\u200d"

// LinkText reads a pasted text's masked links as the words they show:
// "[blockade](https://x.example/a)", as a pasted article carries one, is
// "blockade".
func LinkText(s string) string {
	if !strings.Contains(s, "://") {
		return s
	}
	return maskedLinkRe.ReplaceAllString(s, "$1")
}

// BlankLinks replaces each bare address in s ("https://x.example/a",
// "<https://x.example/a>") with as many spaces, so that words read from s
// keep their offsets and an address is no words at all.
func BlankLinks(s string) string {
	if !strings.Contains(s, "://") {
		return s
	}
	return bareLinkRe.ReplaceAllStringFunc(s, func(l string) string { return strings.Repeat(" ", len(l)) })
}

var (
	bareLinkRe   = regexp.MustCompile(`(?i)<?\bhttps?://[^\s<>]+>?`)
	maskedLinkRe = regexp.MustCompile(`\[([^\[\]]*)\]\(\s*<?(?i:https?://[^\s<>()]+)>?\s*\)`)
)

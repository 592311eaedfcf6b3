package answer

import "strings"

const (
	thinkOpen  = "<think>"
	thinkClose = "</think>"
)

// StripThink removes reasoning blocks that some models (DeepSeek-R1, Qwen3,
// their Ollama builds) put in the answer text: every <think>…</think>
// block, an opened block that never closes (everything after <think>), and
// a leading block whose opening tag the server's chat template swallowed
// (everything up to an unmatched </think>).
//
// With partial set, s is a stream's text so far: a trailing fragment that
// may become a tag ("<thi") is held back and only leading space is trimmed,
// so successive results extend each other as the stream grows.
func StripThink(s string, partial bool) string {
	return stripThink(s, partial, false)
}

// stripThink is StripThink; keepOrphan leaves an unmatched </think> and the
// text before it in place, for a stream filter that cannot take back what
// it has already emitted (the pipeline strips the orphan from the whole).
func stripThink(s string, partial, keepOrphan bool) string {
	var b strings.Builder
	rest := s
	for {
		i := indexFold(rest, thinkOpen)
		if i < 0 {
			b.WriteString(rest)
			break
		}
		b.WriteString(rest[:i])
		after := rest[i+len(thinkOpen):]
		j := indexFold(after, thinkClose)
		if j < 0 {
			rest = "" // unterminated: still thinking, or never stopped
			break
		}
		rest = after[j+len(thinkClose):]
	}
	out := b.String()
	if !keepOrphan {
		if k := lastIndexFold(out, thinkClose); k >= 0 {
			out = out[k+len(thinkClose):]
		}
	}
	if partial {
		out = holdBackTagPrefix(out)
		return strings.TrimLeft(out, " \t\r\n")
	}
	return strings.TrimSpace(out)
}

// holdBackTagPrefix drops a trailing proper prefix of either tag.
func holdBackTagPrefix(s string) string {
	lower := asciiLower(s)
	for n := len(thinkClose) - 1; n > 0; n-- {
		if n > len(lower) {
			continue
		}
		tail := lower[len(lower)-n:]
		if strings.HasPrefix(thinkOpen, tail) || strings.HasPrefix(thinkClose, tail) {
			return s[:len(s)-n]
		}
	}
	return s
}

func indexFold(s, sub string) int {
	return strings.Index(asciiLower(s), sub)
}

func lastIndexFold(s, sub string) int {
	return strings.LastIndex(asciiLower(s), sub)
}

// asciiLower lower-cases ASCII letters only, so byte offsets are kept
// (strings.ToLower can change the length of some non-ASCII text).
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

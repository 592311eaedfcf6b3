package text

import (
	"unicode"
	"unicode/utf8"
)

// LowerInPlace returns s in lower case byte for byte where it can be: a
// character whose lower case is written in another number of bytes ("İ",
// the Kelvin sign) and a byte that is not UTF-8 are kept as they are, so
// an offset found in the result is the same offset in s. An index found
// in strings.ToLower(s) may cut s elsewhere, or past its end.
func LowerInPlace(s string) string {
	var b []byte // a copy, made at the first character lowered
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if l := unicode.ToLower(r); l != r && utf8.RuneLen(l) == n {
			if b == nil {
				b = []byte(s)
			}
			utf8.EncodeRune(b[i:], l)
		}
		i += n
	}
	if b == nil {
		return s
	}
	return string(b)
}

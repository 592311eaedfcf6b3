package text

import (
	"strconv"
	"strings"
)

// negations are the words that negate a clause, as Words writes them
// (lower case, apostrophes dropped: "don't" → "dont").
var negations = setOf(`not no never neither nor none nobody nothing nowhere cannot
dont doesnt didnt isnt arent wasnt werent wont cant couldnt shouldnt wouldnt hasnt havent hadnt
mustnt neednt shant aint`)

// IsNegation reports whether w (a word as Words writes it) negates:
// "not", "never", "no", "nothing", "don't" ("dont"), "won't". Adding or
// removing one turns a statement into its opposite.
func IsNegation(w string) bool { return negations[w] }

// numberWords are the English number words up to the scale words, with
// their values.
var numberWords = func() map[string]float64 {
	m := map[string]float64{}
	for i, w := range strings.Fields(`zero one two three four five six seven eight nine ten eleven twelve
thirteen fourteen fifteen sixteen seventeen eighteen nineteen`) {
		m[w] = float64(i)
	}
	for i, w := range strings.Fields(`twenty thirty forty fifty sixty seventy eighty ninety`) {
		m[w] = float64(20 + 10*i)
	}
	for w, v := range map[string]float64{"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9,
		"trillion": 1e12, "dozen": 12, "half": 0.5, "once": 1, "twice": 2, "first": 1, "second": 2, "third": 3} {
		m[w] = v
	}
	return m
}()

// NumberValue returns the value of a word that states a number, as Words
// writes it, or a number written with digits and a decimal point: digits
// ("84770" for "84,770", "2.5") or a number word
// ("three", "forty", "million", "twice", "third"). ok is false for any
// other word.
func NumberValue(w string) (v float64, ok bool) {
	if w == "" {
		return 0, false
	}
	if c := w[0]; c >= '0' && c <= '9' {
		// "1990s", "5th", "10pm": the leading digits are the number.
		end := 0
		for end < len(w) && (w[end] >= '0' && w[end] <= '9' || w[end] == '.') {
			end++
		}
		f, err := strconv.ParseFloat(strings.TrimSuffix(w[:end], "."), 64)
		return f, err == nil
	}
	v, ok = numberWords[w]
	return v, ok
}

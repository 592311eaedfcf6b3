package text

import (
	"slices"
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

// cardinals are the number words a numeral writes the same ("three" is
// "3", "twelve" is "12"), by value: the words of one number, not the
// scale words ("million"), ordinals ("third") or counts ("twice", "a
// dozen") that numberWords also knows.
var cardinals = strings.Fields(`zero one two three four five six seven eight nine ten eleven twelve
thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety`)

// CountingWordPattern is a regular-expression alternation of the number
// words that count ("three", "forty", "million", "a dozen", "half"): the
// cardinals from one, the scale words, "dozen" and "half"; not "zero"
// ("zero tolerance"), ordinals or "once"/"twice". Longest first.
var CountingWordPattern = func() string {
	words := slices.Clone(cardinals[1:])
	words = append(words, "hundred", "thousand", "million", "billion", "trillion", "dozen", "half")
	slices.SortStableFunc(words, func(a, b string) int { return len(b) - len(a) })
	return strings.Join(words, "|")
}()

// Numeral returns the digits of a number word a numeral writes the same,
// as Words writes it: "three" → "3", "twelve" → "12", "forty" → "40".
// ok is false for any other word, "million", "third" and "twice"
// included.
func Numeral(w string) (digits string, ok bool) {
	if len(w) < 3 || w[0] < 'e' || w[0] > 'z' {
		return "", false
	}
	v, ok := numberWords[w]
	if !ok || !slices.Contains(cardinals, w) {
		return "", false
	}
	return strconv.Itoa(int(v)), true
}

// NumberWord returns the number word of the digits of a whole number
// Numeral knows: "3" → "three"; ok is false for any other.
func NumberWord(digits string) (w string, ok bool) {
	n, err := strconv.Atoi(digits)
	if err != nil || n < 0 || digits != strconv.Itoa(n) {
		return "", false
	}
	switch {
	case n < 20:
		return cardinals[n], true
	case n < 100 && n%10 == 0:
		return cardinals[20+(n-20)/10], true
	}
	return "", false
}

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

// contractions maps two words to the contraction that writes them as one,
// as Words writes it (apostrophe dropped): "do not" → "dont", "we are" →
// "were", "it is" and "it has" → "its". Possessives ("Kirby’s") are not
// contractions; neither is "cannot", one word.
var contractions = func() map[[2]string]string {
	m := map[[2]string]string{}
	add := func(second, suffix, firsts string) {
		for _, f := range strings.Fields(firsts) {
			m[[2]string{f, second}] = f + suffix
		}
	}
	add("not", "nt", "do does did is are was were have has had could should would must need might")
	m[[2]string{"will", "not"}] = "wont"
	m[[2]string{"can", "not"}] = "cant"
	add("are", "re", "we you they")
	add("have", "ve", "i we you they who would could should might must")
	add("will", "ll", "i we you they he she it that there")
	add("am", "m", "i")
	for _, v := range []string{"is", "has"} {
		add(v, "s", "it that there here what where who he she how")
	}
	add("us", "s", "let")
	for _, v := range []string{"would", "had"} {
		add(v, "d", "i we you they he she it")
	}
	return m
}()

var contracted = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range contractions {
		m[c] = true
	}
	return m
}()

// Contraction returns the contraction that writes the words a and b (as
// Words writes them) as one: "do", "not" → "dont"; "we", "are" → "were".
func Contraction(a, b string) (string, bool) {
	c, ok := contractions[[2]string{a, b}]
	return c, ok
}

// Expansions returns the pairs of words the contraction w (as Words
// writes it) stands for: "wont" → "will not"; "its" → "it is", "it has".
// The first word need not start like the contraction ("won’t").
func Expansions(w string) [][2]string { return expansions[w] }

var expansions = func() map[string][][2]string {
	m := map[string][][2]string{}
	for k, c := range contractions {
		m[c] = append(m[c], k)
	}
	for _, e := range m {
		slices.SortFunc(e, func(a, b [2]string) int { return strings.Compare(a[0]+" "+a[1], b[0]+" "+b[1]) })
	}
	return m
}()

// IsContraction reports whether w, as Words writes it, is a contraction
// when written with an apostrophe ("dont", "were" for "we’re").
func IsContraction(w string) bool { return contracted[w] }

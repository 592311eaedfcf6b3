// Package typo says which of a few known words a mistyped one meant, as
// git's "did you mean": the command line's commands and flags, the
// configuration's keys.
package typo

// Suggest returns the candidate closest to typed when it is close enough
// to be a typo: at most two edits, or one for a word of three letters or
// fewer; "" when none is.
func Suggest(typed string, candidates []string) string {
	best, bestD := "", 3
	if len([]rune(typed)) <= 3 {
		bestD = 2
	}
	for _, c := range candidates {
		if d := Distance(typed, c); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// Distance is the optimal-string-alignment distance: insertions,
// deletions, substitutions and swaps of two neighbours count one each, so
// "aks" is one edit from "ask".
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

package answer

import "github.com/readout/readout/text"

// QuotationSpans returns the byte ranges [start, end) of the quotations in
// text, marks included, as quote verification finds them; callers outside
// the package (the evaluation's attribution check) use it so that what
// counts as a quotation is decided in one place.
func QuotationSpans(s string) [][2]int {
	var out [][2]int
	for _, q := range text.FindQuotes(s) {
		out = append(out, [2]int{q.Start(), q.End()})
	}
	return out
}

package answer

import (
	"strconv"
	"strings"

	"github.com/readout/readout/retrieval"
)

// MergeByDocument gives every passage an answer cites from one document a
// single number, so a reader sees each source listed once (two passages of
// one report were [1] and [2], with identical footnotes). The merged
// citation's passage is the document's text from the first cited
// passage's start to the last one's end, so every quotation from either
// passage is still checked against the words around it, and Start and End
// still locate it in the document. hits supply the documents' text; a
// document whose text is unknown keeps its citations apart. Citation
// numbers in text are rewritten and renumbered 1, 2, … in order.
func MergeByDocument(text string, cites []Citation, hits []retrieval.Hit) (string, []Citation) {
	docText := map[string]string{}
	for _, h := range hits {
		if h.Doc != nil {
			docText[h.Doc.ID] = h.Doc.Text
		}
	}
	first := map[string]int{} // document → index in out
	newN := map[int]int{}     // old number → new number
	var out []Citation
	merged := false
	for _, c := range cites {
		body, known := docText[c.Doc]
		if i, seen := first[c.Doc]; seen && known && c.Start >= 0 && c.End <= len(body) {
			m := &out[i]
			m.Start, m.End = min(m.Start, c.Start), max(m.End, c.End)
			m.Passage = body[m.Start:m.End]
			for _, s := range c.Speakers {
				if !containsName(m.Speakers, s) {
					m.Speakers = append(m.Speakers, s)
				}
			}
			newN[c.N] = m.N
			merged = true
			continue
		}
		old := c.N
		c.N = len(out) + 1
		newN[old] = c.N
		if known {
			first[c.Doc] = len(out)
		}
		out = append(out, c)
	}
	if !merged {
		return text, cites
	}
	var b strings.Builder
	last := 0
	seen := map[int]bool{} // numbers written in this run of adjacent markers
	for _, m := range ParseCitations(text) {
		if m.Start != last || last == 0 {
			seen = map[int]bool{}
		}
		b.WriteString(text[last:m.Start])
		for _, n := range m.Numbers {
			k, ok := newN[n]
			if !ok {
				k = n
			}
			if !seen[k] {
				seen[k] = true
				b.WriteString("[" + strconv.Itoa(k) + "]")
			}
		}
		last = m.End
	}
	b.WriteString(text[last:])
	return b.String(), out
}

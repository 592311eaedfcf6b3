package answer

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/readout/readout/retrieval"

	"github.com/readout/readout/text"
)

// citationGroupRe matches one bracketed citation group: [1], [1, 2],
// [1;2], [1-3] or [1–3]. Bracketed text with anything else in it
// ("[September 27]") is not a citation.
var citationGroupRe = regexp.MustCompile(`\[\s*\d{1,3}(?:\s*(?:[,;]|-|–|—)\s*\d{1,3})*\s*\]`)

// zeroMarkerRe matches a bracketed zero (with the space before it), which
// a model obeying a document may write and which names no passage.
var zeroMarkerRe = regexp.MustCompile(`[ \t]*\[\s*0+\s*\]`)

// maxRange bounds an expanded range like [1-3]: anything wider is not a
// citation a model meant.
const maxRange = 10

// CitationMarker is one bracketed citation group found in a text.
type CitationMarker struct {
	// Start and End are the byte range of the group, brackets included.
	Start, End int
	// Numbers are the passage numbers it names, in order, without
	// duplicates.
	Numbers []int
}

// ParseCitations finds the citation groups of text, in order.
func ParseCitations(text string) []CitationMarker {
	var out []CitationMarker
	for _, loc := range citationGroupRe.FindAllStringIndex(text, -1) {
		nums := parseGroup(text[loc[0]+1 : loc[1]-1])
		if len(nums) == 0 {
			continue
		}
		out = append(out, CitationMarker{Start: loc[0], End: loc[1], Numbers: nums})
	}
	return out
}

// parseGroup reads the inside of a group: numbers separated by commas or
// semicolons, or a short range.
func parseGroup(inner string) []int {
	var nums []int
	seen := map[int]bool{}
	add := func(n int) {
		if n > 0 && !seen[n] {
			seen[n] = true
			nums = append(nums, n)
		}
	}
	for _, part := range strings.FieldsFunc(inner, func(r rune) bool { return r == ',' || r == ';' }) {
		part = strings.TrimSpace(part)
		if lo, hi, ok := splitRange(part); ok {
			if hi < lo || hi-lo > maxRange {
				return nil
			}
			for n := lo; n <= hi; n++ {
				add(n)
			}
			continue
		}
		n, err := strconv.Atoi(part)
		if err != nil {
			return nil
		}
		add(n)
	}
	return nums
}

func splitRange(s string) (lo, hi int, ok bool) {
	for _, sep := range []string{"-", "–", "—"} {
		if a, b, found := strings.Cut(s, sep); found {
			x, err1 := strconv.Atoi(strings.TrimSpace(a))
			y, err2 := strconv.Atoi(strings.TrimSpace(b))
			if err1 != nil || err2 != nil {
				return 0, 0, false
			}
			return x, y, true
		}
	}
	return 0, 0, false
}

// Renumber rewrites the citation markers of text for an answer drawn from
// nPassages numbered passages: markers that name no passage are dropped
// (with the space before them), the rest are renumbered 1, 2, … in order of
// first use and written as [1][2]. order[k] is the original passage number
// of new citation k+1.
func Renumber(text string, nPassages int) (out string, order []int) {
	markers := ParseCitations(text)
	if len(markers) == 0 {
		return text, nil
	}
	newNum := map[int]int{}
	var b strings.Builder
	last := 0
	for _, m := range markers {
		var group strings.Builder
		seen := map[int]bool{}
		for _, n := range m.Numbers {
			if n < 1 || n > nPassages {
				continue
			}
			k, ok := newNum[n]
			if !ok {
				order = append(order, n)
				k = len(order)
				newNum[n] = k
			}
			if seen[k] {
				continue
			}
			seen[k] = true
			group.WriteString("[" + strconv.Itoa(k) + "]")
		}
		prefix := text[last:m.Start]
		if group.Len() == 0 {
			// A dangling marker goes, and so does the space that led to it.
			prefix = strings.TrimRight(prefix, " \t")
		}
		b.WriteString(prefix)
		b.WriteString(group.String())
		last = m.End
	}
	b.WriteString(text[last:])
	out = b.String()
	// "[0]" is not a citation group, but a reader would take it for one.
	out = zeroMarkerRe.ReplaceAllString(out, "")
	// Removing a marker can join brackets around it into a new one
	// ("[[9]1]" → "[1]"); drop any that names no citation. Each pass
	// removes at least one marker, so this ends.
	for {
		bad := -1
		for i, m := range ParseCitations(out) {
			for _, k := range m.Numbers {
				if k > len(order) {
					bad = i
				}
			}
			if bad >= 0 {
				out = out[:m.Start] + out[m.End:]
				break
			}
		}
		if bad < 0 {
			return out, order
		}
	}
}

// CitationFor builds the citation numbered n for a retrieved passage.
func CitationFor(n int, h retrieval.Hit) Citation {
	c := Citation{
		N:       n,
		Passage: h.Chunk.Text,
		Start:   h.Chunk.Start,
		End:     h.Chunk.End,
		Doc:     h.Chunk.DocID,
	}
	if h.Doc != nil {
		c.Doc = h.Doc.ID
		c.Title = h.Doc.Title
		c.Outlet = h.Doc.Outlet
		c.Date = h.Doc.DateString()
		c.URL = h.Doc.URL
	}
	c.Speakers = passageSpeakers(h)
	if c.Speakers == nil {
		c.Speakers = []string{}
	}
	return c
}

// BuildCitations turns Renumber's order into citations of hits (passage n
// is hits[n-1]).
func BuildCitations(order []int, hits []retrieval.Hit) []Citation {
	out := make([]Citation, 0, len(order))
	for i, n := range order {
		if n < 1 || n > len(hits) {
			continue
		}
		out = append(out, CitationFor(i+1, hits[n-1]))
	}
	return out
}

// minSupportWords: a sentence with fewer informative words is too vague to
// judge its citations by their words.
const minSupportWords = 3

// CheckSupport looks at each sentence's citations (numbered as in the
// prompt: passage n is passages[n-1]): a citation of a passage that shares
// none of the sentence's informative words cannot support it. It is moved
// to the passage that shares the most words when that one shares at least
// two and a third of them, and dropped otherwise. Numbers that name no
// passage are left for Renumber. It returns the new text and how many
// citations were moved and dropped.
func CheckSupport(s string, passages []string) (out string, moved, dropped int) {
	markers := ParseCitations(s)
	if len(markers) == 0 {
		return s, 0, 0
	}
	pstems := make([]map[string]bool, len(passages))
	for i, p := range passages {
		pstems[i] = text.TermSet(p)
	}
	overlap := func(a, b map[string]bool) int {
		n := 0
		for t := range a {
			if b[t] {
				n++
			}
		}
		return n
	}
	sentences := text.Sentences(s)
	var b strings.Builder
	last := 0
	for _, m := range markers {
		lo, hi := sentenceAround(sentences, m.Start, m.End)
		words := text.TermSet(citationGroupRe.ReplaceAllString(s[lo:hi], " "))
		var keep []int
		for _, n := range m.Numbers {
			if n < 1 || n > len(passages) || len(words) < minSupportWords || overlap(words, pstems[n-1]) > 0 {
				keep = append(keep, n)
				continue
			}
			best, bestN := 0, 0
			for i, ps := range pstems {
				if o := overlap(words, ps); o > best {
					best, bestN = o, i+1
				}
			}
			if best >= 2 && 3*best >= len(words) && !slices.Contains(keep, bestN) && !slices.Contains(m.Numbers, bestN) {
				keep = append(keep, bestN)
				moved++
			} else {
				dropped++
			}
		}
		prefix := s[last:m.Start]
		var group strings.Builder
		if len(keep) > 0 {
			group.WriteString("[")
			for i, n := range keep {
				if i > 0 {
					group.WriteString(", ")
				}
				group.WriteString(strconv.Itoa(n))
			}
			group.WriteString("]")
		} else {
			prefix = strings.TrimRight(prefix, " \t")
		}
		b.WriteString(prefix)
		b.WriteString(group.String())
		last = m.End
	}
	b.WriteString(s[last:])
	return b.String(), moved, dropped
}

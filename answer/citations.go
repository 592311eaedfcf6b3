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

// SupportReport says what CheckSupport changed.
type SupportReport struct {
	// Moved citations now name a passage that supports their sentence.
	Moved int
	// Dropped citations named a passage that does not support their
	// sentence, and no other one does (in sentences that stay).
	Dropped int
	// Unsupported sentences lost every citation they had and were removed.
	Unsupported int
}

// CheckSupport looks at each citation of text (numbered as in the prompt:
// passage n is passages[n-1], the SupportText of a hit): a citation whose
// passage holds less than supportThreshold of its clause's claim (see
// claimTerms) does not support it. It is moved to the passage that
// supports the clause best when that one reaches the threshold, and
// dropped otherwise. A sentence that loses every citation it had is
// removed: nothing in the record says it, and an answer from the record
// must not present it (the pipeline's warning tells the reader).
// Numbers that name no passage are left for Renumber.
//
// A citation's clause is the text from the previous citation in its
// sentence (or the sentence's start) to it, and for the sentence's last
// citation the rest of the sentence too; a clause with no claim of its own
// ("According to the report [1], …") is judged on the whole sentence.
func CheckSupport(s string, passages []string) (string, SupportReport) {
	var rep SupportReport
	markers := ParseCitations(s)
	if len(markers) == 0 {
		return s, rep
	}
	pterms := make([]map[string]bool, len(passages))
	for i, p := range passages {
		pterms[i] = text.TermSet(p)
	}
	sentences := text.Sentences(s)
	sentenceOf := func(m CitationMarker) [2]int {
		lo, hi := sentenceAround(sentences, m.Start, m.End)
		return [2]int{lo, hi}
	}

	keeps := make([][]int, len(markers))
	drops := make([]int, len(markers))
	judged := make([]bool, len(markers)) // some number named a passage
	clauseStart := 0
	var clauseCites []int // the passages already cited for this clause
	for k, m := range markers {
		sent := sentenceOf(m)
		switch {
		case k == 0 || sentenceOf(markers[k-1]) != sent:
			clauseStart, clauseCites = sent[0], nil
		case strings.TrimSpace(s[markers[k-1].End:m.Start]) != "":
			// Consecutive groups ("[1][2]") share a clause.
			clauseStart, clauseCites = markers[k-1].End, nil
		}
		clauseEnd := m.Start
		if k+1 == len(markers) || sentenceOf(markers[k+1]) != sent {
			clauseEnd = sent[1]
		}
		claim := claimTerms(citationGroupRe.ReplaceAllString(s[clauseStart:max(clauseStart, clauseEnd)], " "))
		if claimWeight(claim) == 0 {
			claim = claimTerms(citationGroupRe.ReplaceAllString(s[sent[0]:sent[1]], " "))
		}
		var keep []int
		for _, n := range m.Numbers {
			if n < 1 || n > len(passages) {
				keep = append(keep, n)
				continue
			}
			judged[k] = true
			if supportScore(claim, pterms[n-1]) >= supportThreshold {
				keep = append(keep, n)
				clauseCites = append(clauseCites, n)
				continue
			}
			best, bestN := 0.0, 0
			for i, pt := range pterms {
				if sc := supportScore(claim, pt); sc > best {
					best, bestN = sc, i+1
				}
			}
			switch {
			case best >= supportThreshold && (slices.Contains(clauseCites, bestN) || slices.Contains(m.Numbers, bestN)):
				// The passage that supports it is cited already.
				drops[k]++
			case best >= supportThreshold:
				keep = append(keep, bestN)
				clauseCites = append(clauseCites, bestN)
				rep.Moved++
			default:
				drops[k]++
			}
		}
		keeps[k] = keep
	}

	// A sentence whose citations were all dropped goes.
	type sentenceFate struct{ cited, kept bool }
	fate := map[[2]int]*sentenceFate{}
	for k, m := range markers {
		sent := sentenceOf(m)
		f := fate[sent]
		if f == nil {
			f = &sentenceFate{}
			fate[sent] = f
		}
		f.cited = f.cited || judged[k]
		f.kept = f.kept || len(keeps[k]) > 0 || !judged[k]
	}
	var b strings.Builder
	last := 0
	for k, m := range markers {
		if m.Start < last {
			continue // inside a removed sentence
		}
		sent := sentenceOf(m)
		if f := fate[sent]; f.cited && !f.kept {
			rep.Unsupported++
			b.WriteString(s[last:max(last, sent[0])])
			last = max(last, sent[1])
			// The space that followed the sentence goes with it.
			for last < len(s) && (s[last] == ' ' || s[last] == '\t') {
				last++
			}
			continue
		}
		rep.Dropped += drops[k]
		prefix := s[last:m.Start]
		var group strings.Builder
		if len(keeps[k]) > 0 {
			group.WriteString("[")
			for i, n := range keeps[k] {
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
	return b.String(), rep
}

package answer

import (
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/readout/readout/retrieval"
	"github.com/readout/readout/text"
)

// A comparison that names a quantity ("the unemployment rate in the feb
// 2022 jobs report vs the oct 2022 one", "did they give the same number
// of Americans killed on October 10 and October 11") is answered by a
// figure on each side, whether or not it opens with "how many": each
// side's first sentence is its best one giving a figure of what is
// counted, as a "how many" question's answer is.

// sizeWords after "how" ask for a size: "how big was the investment".
var sizeWords = map[string]bool{"big": true, "large": true, "high": true, "low": true, "small": true}

// whichMoreRe: a comparison asking which side is more ("which was more
// money?", "which one was bigger", "which was higher", "which had fewer
// refugees", "which saw more deaths") asks each side's size; "which were
// more violent" does not: after "more" or "less" a size is asked by a
// word of money, "people", a plural ("deaths", "casualties", not
// "serious"), or nothing ("which was more?").
var whichMoreRe = regexp.MustCompile(`(?i)\bwhich\b(?:\s+\w+){0,2}\s+(?:bigger|larger|greater|smaller|higher|lower|fewer\b|(?:more|less)(?:\s+(?:money|dollars|funding|cash|people|\w+(?:ies|[^su\W]s))\b|\s*(?:[?.!,:;]|$)))`)

// comparedFigure reads the figure a comparison asks of each side: a
// "how many" figure (figureOf), a quantity noun anywhere in the question
// ("the same number of …", "the unemployment rate in … vs …"), or a size
// ("how big was …", "which was more money"). ok is false when it asks for
// none.
func comparedFigure(q string) (f figure, ok bool) {
	if f, ok := figureOf(q); ok {
		return f, true
	}
	if whichMoreRe.MatchString(q) {
		return figure{unit: askedUnit(q)}, true
	}
	toks := questionTokens(text.SpellOutChat(q))
	for i, t := range toks {
		switch {
		case quantityNouns[t.w]:
			f.counted = countedAfter(toks, i+1)
		case t.w == "how" && i+1 < len(toks) && sizeWords[toks[i+1].w]:
		default:
			continue
		}
		f.unit = askedUnit(q)
		return f, true
	}
	return figure{}, false
}

// countedAfter reads what a quantity noun counts: the words after its
// "of" ("the number of Americans killed by Hamas" → americans, killed),
// up to maxCounted and a preposition or auxiliary; nil when no "of"
// follows.
func countedAfter(toks []qtok, i int) []string {
	if i >= len(toks) || toks[i].w != "of" {
		return nil
	}
	var words []string
	for j := i + 1; j < len(toks) && j < i+1+maxCounted && !countedStops[toks[j].w]; j++ {
		words = append(words, toks[j].w)
	}
	return text.Terms(strings.Join(words, " "))
}

// sideQuery is what a period side of a comparison is searched for: the
// question without the sides' periods, but with the side's own month
// ("the feb 2022 jobs report" is titled "… the February Jobs Report" and
// published in March, among the month's other statements on jobs).
func sideQuery(query string, sides []side, own side) string {
	for _, sd := range sides {
		if !sd.dated() {
			continue
		}
		keep := ""
		if sd.label == own.label {
			keep = monthWords(sd.label)
		}
		query = strings.ReplaceAll(query, sd.label, keep)
	}
	return query
}

// monthWords returns the words of a month's label that name it ("feb" of
// "feb 2022"), "" when none does or the label is a day's: a day's
// statements are found by their date, and the month's name would raise
// every briefing titled with it ("August 30, 2021").
func monthWords(label string) string {
	if dayLabel(label) {
		return ""
	}
	var out []string
	for _, t := range questionTokens(label) {
		if isMonth(t.w) {
			out = append(out, label[t.start:t.end])
		}
	}
	return strings.Join(out, " ")
}

// dayLabel reports whether a period side's label names a day ("oct 11",
// "October 10, 2023"), not a month or a year.
func dayLabel(label string) bool {
	for _, t := range questionTokens(label) {
		if _, day := retrieval.DayNum(t.w); day {
			return true
		}
	}
	return false
}

// sideDate reads the date of a comparison's side at i: a month or a day
// without a year takes the year of the next date the question gives ("on
// oct 11 and oct 12 2023"), as "between March and May 2022" does; when
// none follows, ok is false with s.Next past i (afterSide reads it).
func sideDate(words []string, i int) (retrieval.DateSpan, bool) {
	s, ok := retrieval.ReadDate(words, i, 0)
	if ok || s.Next <= i {
		return s, ok
	}
	for j := s.Next; j < len(words); j++ {
		if y, isYear := yearOf(words[j]); isYear {
			s, ok = retrieval.ReadDate(words, i, y)
			s.Dated = ok
			return s, ok
		}
	}
	return s, false
}

// afterSide reads the date of a comparison's side at i that gives no year
// and has none after it, from the side before it (prev, dated): in the
// year before prev's, prev's or the next, whichever puts it nearest
// prev's start, prev's own on a tie ("the june 22 2021 covid briefing vs
// the oct 20 one" is October 20, 2021; "the dec 15 2021 briefing vs the
// jan 5 one" January 5, 2022; "masks on july 27 2021 vs may 13" May 13,
// 2021; "on jan 5 2022 compared to dec 15" December 15, 2021).
func afterSide(words []string, i int, prev side) (retrieval.DateSpan, bool) {
	y := prev.since.Year()
	best, ok := retrieval.ReadDate(words, i, y)
	if !ok {
		return best, false
	}
	gap := func(s retrieval.DateSpan) time.Duration {
		d := s.Since.Sub(prev.since)
		if d < 0 {
			return -d
		}
		return d
	}
	for _, other := range []int{y - 1, y + 1} {
		if s, ok := retrieval.ReadDate(words, i, other); ok && gap(s) < gap(best) {
			best = s
		}
	}
	best.Dated = true
	return best, true
}

// changeRe: the question asks what a thing became ("and what did it
// become", "went up to", "after it"), besides what it was before.
var changeRe = regexp.MustCompile(`\b(?:after(?:wards?)?|bec[oa]mes?|now|(?:go|goes|went|gone|chang\w*|rais\w*|increas\w*|lower\w*|cut|reduc\w*|ris\w*|rose|fell|drop\w*|jump\w*|move[sd]?)\s+(?:up\s+|down\s+)?to)\b`)

// asksChange reports whether "before" or "after" at words[i] marks the
// moment of a change the question asks about, not a bound of when it was
// said: "what was the tariff before May 2024 and what did it become",
// "before and after the june 2026 proclamation". Its period is then the
// moment itself, when the record announces the change (and usually says
// from what to what); a bound would hide that statement.
func asksChange(words []string, i int) bool {
	switch words[i] {
	case "before":
		return changeRe.MatchString(strings.Join(words[i+1:], " "))
	case "after":
		return slices.Contains(words[:i], "before")
	}
	return false
}

// periodSideDepth: a period's side is searched this many times deeper
// when it is a month (its documents titled with the month, monthFirst,
// come first) or the question asks for a figure (passages giving one,
// figureFirst, come first). 3: on the probe "jobs added in the jan 2022
// jobs report vs the jan 2023 one" the report on January 2022 ("… on the
// January Jobs Report", February 4) is the side's 6th passage, after the
// December report of January 7; on "did sullivan and biden give the same
// number of americans killed by hamas on october 10 and october 11" the
// passage of October 10's briefing giving "at least 14 Americans" is not
// among the side's first 4.
const periodSideDepth = 3

// figureFirst puts first the hits whose passage gives the figure asked
// for (figure.heldBy, sentence by sentence).
func figureFirst(hits []retrieval.Hit, f figure) []retrieval.Hit {
	var held, rest []retrieval.Hit
	for _, h := range hits {
		if givesFigure(h.Chunk.Text, f) {
			held = append(held, h)
		} else {
			rest = append(rest, h)
		}
	}
	return append(held, rest...)
}

// givesFigure reports whether one of the sentences of a passage gives the
// figure.
func givesFigure(passage string, f figure) bool {
	for _, se := range text.Sentences(passage) {
		if f.heldBy(passage[se[0]:se[1]]) {
			return true
		}
	}
	return false
}

// monthFirst puts first the hits whose document's title names the
// month of a month's label other than as a date ("Statement … on the
// February Jobs Report", not "Press Briefing …, February 16, 2022"): they
// report on the month compared. It returns hits unchanged for a side that
// is not a month.
func monthFirst(hits []retrieval.Hit, label string) []retrieval.Hit {
	mw := monthWords(label)
	if mw == "" {
		return hits
	}
	m, _ := text.Month(strings.ToLower(strings.Fields(mw)[0]))
	var titled, rest []retrieval.Hit
	for _, h := range hits {
		if h.Doc != nil && namesMonth(h.Doc.Title, m) {
			titled = append(titled, h)
		} else {
			rest = append(rest, h)
		}
	}
	return append(titled, rest...)
}

// namesMonth reports whether a title names month m as a subject, not in
// a date (a day number or a year follows it).
func namesMonth(title string, m time.Month) bool {
	toks := questionTokens(title)
	for i, t := range toks {
		if tm, ok := text.Month(t.w); !ok || tm != m {
			continue
		}
		if i+1 < len(toks) {
			if _, day := retrieval.DayNum(toks[i+1].w); day {
				continue
			}
			if _, year := yearOf(toks[i+1].w); year {
				continue
			}
		}
		return true
	}
	return false
}

// asksChangeOf reports whether a question asks what a thing was before a
// change and what it became (asksChange at any "before" or "after").
func asksChangeOf(q string) bool {
	toks := questionTokens(q)
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.w
	}
	for i, w := range words {
		if (w == "before" || w == "after") && asksChange(words, i) {
			return true
		}
	}
	return false
}

// changedFromRe finds a change given with both its values and up to two
// words of unit: "will increase from 25% to 100%", "from $2,000 to
// $3,000", "from 55 percent to 75 percent", "from 14.5 to 15.2 million
// doses".
var changedFromRe = regexp.MustCompile(`(?i)\bfrom\s+\S*\d\S*(?:\s+\p{L}+){0,2}\s+to\s+\S*\d`)

// partWords open a part of a month ("late October 2024", "mid-November").
var partWords = map[string]bool{"early": true, "mid": true, "middle": true, "late": true}

// laterSides reports whether a hit reaches a period side sd only through
// the days after sd's own period (reportLag) while another side's own
// period holds it: "late October 2024 versus mid-November 2024" gives a
// November 15 statement to November, not to October. A document titled
// with sd's month (the February jobs report, published in March) stays
// sd's.
func laterSides(h retrieval.Hit, sd side, sides []side) bool {
	if !sd.dated() || h.Doc == nil || sd.end.IsZero() || !h.Doc.Date.After(sd.end) {
		return false
	}
	if mw := monthWords(sd.label); mw != "" {
		if m, ok := text.Month(strings.ToLower(strings.Fields(mw)[0])); ok && namesMonth(h.Doc.Title, m) {
			return false
		}
	}
	for _, o := range sides {
		if o.label != sd.label && o.dated() && !h.Doc.Date.Before(o.since) && !h.Doc.Date.After(o.end) {
			return true
		}
	}
	return false
}

// ownSide drops the hits a period side reaches only through another
// side's own period (laterSides).
func ownSide(hits []retrieval.Hit, sd side, sides []side) []retrieval.Hit {
	var out []retrieval.Hit
	for _, h := range hits {
		if !laterSides(h, sd, sides) {
			out = append(out, h)
		}
	}
	return out
}

// countsSomething reports whether a sentence gives a figure, its dates
// aside (holdsFigure: a number that names, "Section 301", or the pronoun
// "one" counts nothing): a side's figure is compared with the other's.
func countsSomething(sentence string) bool {
	return holdsFigure(dateRe.ReplaceAllString(sentence, ""))
}

// maxTopicSide is the most words a subject side of a comparison takes
// ("the new york flooding"; topicSpans).
const maxTopicSide = 4

// topicSpans finds the two subjects a question sets side by side with
// "vs", "versus" or "compared to/with" ("iwo jima vs okinawa, how many
// medals …", "nicole in florida vs the new york flooding"): the run of
// content words just before the cue and just after it (an article
// aside), each up to a function word, a punctuation mark, a date or
// maxTopicSide words. It returns their token spans [from, to), ok false
// when either side is empty: "2022 vs 2023" compares periods, "what he
// said vs what she said" speakers.
func topicSpans(q string, toks []qtok, end time.Time) (sides [2][2]int, ok bool) {
	for i, t := range toks {
		next := i + 1
		switch {
		case t.w == "vs" || t.w == "versus":
		case t.w == "compared" && i+1 < len(toks) && (toks[i+1].w == "to" || toks[i+1].w == "with"):
			next = i + 2
		default:
			continue
		}
		from := i
		for from > 0 && i-from < maxTopicSide && topicWord(toks[from-1].w, end) && !punctuatedAfter(q, toks, from-1) {
			from--
		}
		start := next
		for start < len(toks) && articles[toks[start].w] && !punctuatedAfter(q, toks, start) {
			start++
		}
		to := start
		for to < len(toks) && to-start < maxTopicSide && topicWord(toks[to].w, end) && (to == start || !punctuatedAfter(q, toks, to-1)) {
			to++
		}
		if from == i || to == start {
			continue
		}
		return [2][2]int{{from, i}, {start, to}}, true
	}
	return sides, false
}

// articles may open a subject side without being part of it.
var articles = map[string]bool{"the": true, "a": true, "an": true}

// topicWord reports whether w can be a word of a subject side: no
// function word, verb asking for words, wh-word, date, number or word of
// time ("this month compared to last month" compares periods). A year
// after the record's end (afterRecord) is a subject's word: "the old 2030
// climate target vs the new 2035 one".
func topicWord(w string, end time.Time) bool {
	if y, year := yearOf(w); year {
		return afterRecord(y, end)
	}
	return !text.IsStopword(w) && !text.IsAskVerb(w) && !opensAsking(w) && !isMonth(w) && !isNumber(w) && !timeWords[w]
}

// afterRecord reports whether year y is after the record's end (end,
// its latest document's date; zero: unknown): no statement is dated in
// it.
func afterRecord(y int, end time.Time) bool { return !end.IsZero() && y > end.Year() }

// timeWords name a time, not a subject.
var timeWords = map[string]bool{"day": true, "days": true, "week": true, "weeks": true, "month": true, "months": true,
	"year": true, "years": true, "quarter": true, "quarters": true, "decade": true, "today": true, "yesterday": true,
	"tomorrow": true, "tonight": true, "last": true, "this": true, "next": true, "now": true, "then": true,
	"before": true, "after": true, "earlier": true, "later": true, "previous": true, "prior": true}

// punctuatedAfter reports whether punctuation separates token i from the
// next one ("iwo jima vs okinawa, how many", "okinawa. medals", "okinawa
// / medals"): a subject side ends there. The period of an abbreviation
// ("vs.", "u.s.") does not.
func punctuatedAfter(q string, toks []qtok, i int) bool {
	if i+1 >= len(toks) {
		return true
	}
	gap := q[toks[i].end:toks[i+1].start]
	if strings.TrimSpace(gap) == "." && (toks[i].w == "vs" || strings.Contains(q[toks[i].start:toks[i].end], ".")) {
		return false // "vs. okinawa", "u.s. vs china": an abbreviation's period
	}
	return strings.ContainsAny(gap, ",;:!?()[]/.—–") || strings.Contains(gap, " - ")
}

// topicSides are the subject sides of a comparison (topicSpans), or nil.
func topicSides(q string, end time.Time) []side {
	toks := questionTokens(q)
	spans, ok := topicSpans(q, toks, end)
	if !ok {
		return nil
	}
	var sides []side
	for k, sp := range spans {
		to := toks[sp[1]-1].end
		if strings.Contains(q[toks[sp[1]-1].start:to], ".") && to < len(q) && q[to] == '.' {
			to++ // "u.s." keeps its last period
		}
		label := q[toks[sp[0]].start:to]
		terms := text.Terms(label)
		if w := toks[sp[1]-1].w; k == 1 && (w == "one" || w == "ones") && sp[1]-sp[0] > 1 {
			// "the old 2030 climate target vs the new 2035 one": the
			// pronoun stands for the first side's words after its last
			// year ("climate target"), or all of them without one; for
			// none when it ends with its year ("2035 vs the 2030 one").
			head := spans[0][0]
			for j := spans[0][1] - 1; j >= spans[0][0]; j-- {
				if _, year := yearOf(toks[j].w); year {
					head = j + 1
					break
				}
			}
			words := q[toks[sp[0]].start:toks[sp[1]-2].end]
			if head < spans[0][1] {
				words += " " + q[toks[head].start:toks[spans[0][1]-1].end]
			}
			terms = text.Terms(words)
		}
		if len(terms) == 0 {
			return nil
		}
		sides = append(sides, side{label: label, terms: terms, topic: true, places: text.PlacesAsked(label)})
	}
	if slices.Equal(sides[0].terms, sides[1].terms) {
		return nil
	}
	for i := range sides {
		other := sides[1-i].terms
		own := slices.DeleteFunc(slices.Clone(sides[i].terms), func(t string) bool { return slices.Contains(other, t) })
		if len(own) == 0 || len(own) == len(sides[i].terms) {
			continue // nothing of its own, or nothing shared
		}
		if rare := slices.DeleteFunc(slices.Clone(own), text.IsCommon); len(rare) > 0 {
			own = rare // "2030", not "old" ("a 29-year-old kid")
		}
		sides[i].own = own
		// Of sides that share words, what tells them apart is their
		// informative words: "old" of "the old 2030 climate target" is
		// not needed beside "2030" and "target".
		if rare := slices.DeleteFunc(slices.Clone(sides[i].terms), text.IsCommon); len(rare) >= 2 {
			sides[i].most = rare
		}
	}
	return sides
}

// periodOfSide reports whether the period the question reads at token
// from belongs to the subject side of a comparison it follows: after
// "from" or "of", which date a thing ("florida vs the new york flooding
// from late sept 2023", against Florida's hurricane of the year before),
// and written as a date (a month or a year; "from last year" is when it
// was said). The period then names that subject's event, not when the
// record spoke of either side; after "in" or "on" ("the canal vs the
// bridge in april 2023") it dates what was said of both. A date before
// "vs" ends the side before it, and is read as a period side.
func periodOfSide(q string, toks []qtok, from int, phrase string, end time.Time) bool {
	if !strings.ContainsAny(phrase, "0123456789") && !slices.ContainsFunc(strings.Fields(strings.ToLower(phrase)), isMonth) {
		return false
	}
	spans, ok := topicSpans(q, toks, end)
	if !ok {
		return false
	}
	for _, sp := range spans {
		if from == sp[1]+1 && (toks[sp[1]].w == "from" || toks[sp[1]].w == "of") {
			return true
		}
	}
	return false
}

// aboutSide reports whether a candidate speaks of a subject side: its
// sentence holds the side (heldBy); or, of sides that share no words
// (side.own), it holds no other side, and its passage and its document's
// title together hold this one ("Twenty-four of these extraordinary men
// were granted the Medal of Honor", of the message on Okinawa).
func aboutSide(h retrieval.Hit, c candidate, sd side, sides []side) bool {
	sentence := h.Chunk.Text[c.start:c.end]
	if sd.heldBy(c.stems, sentence) {
		return true
	}
	if len(sd.own) > 0 {
		// Sides that share words: a sentence that does not name what
		// is this side's own speaks of either ("On Day One of his
		// Administration, …" of the fact sheet on the 2035 target).
		return false
	}
	for _, o := range sides {
		if o.label != sd.label && o.heldBy(c.stems, sentence) {
			return false
		}
	}
	return sd.heldBy(passageAndTitle(h), h.Chunk.Text, docTitle(h))
}

// heldBy reports whether a set of terms holds most of a subject side's
// terms (more than half: "new york" of "the new york flooding" in a
// title that says "New York Disaster Declaration"), and one of texts
// every place the side names (text.HoldsPlace: "Texas" of "the texas
// storm relief", which "the storm relief" alone does not hold). Of sides
// that share words it takes one of the side's own (side.own: "2030" of
// "the 2030 climate target vs the 2035 climate target", whose "climate
// target" names either) and most of its informative terms (side.most).
func (sd side) heldBy(set map[string]bool, texts ...string) bool {
	if len(sd.own) > 0 && !slices.ContainsFunc(sd.own, func(t string) bool { return set[t] }) {
		return false
	}
	terms := sd.most
	if terms == nil {
		terms = sd.terms
	}
	n := 0
	for _, t := range terms {
		if set[t] {
			n++
		}
	}
	if 2*n <= len(terms) {
		return false
	}
	for _, p := range sd.places {
		if !slices.ContainsFunc(texts, func(s string) bool { return text.HoldsPlace(s, p) }) {
			return false
		}
	}
	return true
}

// docTitle is a hit's document's title, "" without one.
func docTitle(h retrieval.Hit) string {
	if h.Doc == nil {
		return ""
	}
	return h.Doc.Title
}

// passageAndTitle are the terms of a hit's passage and its document's
// title.
func passageAndTitle(h retrieval.Hit) map[string]bool {
	set := text.TermSet(h.Chunk.Text)
	for t := range text.TermSet(docTitle(h)) {
		set[t] = true
	}
	return set
}

// aboutHits keeps the hits whose passage and document's title hold a
// subject side (heldBy), or the first sidePassages of them when none
// does.
func aboutHits(hits []retrieval.Hit, sd side) []retrieval.Hit {
	var kept []retrieval.Hit
	for _, h := range hits {
		if sd.heldBy(passageAndTitle(h), h.Chunk.Text, docTitle(h)) {
			kept = append(kept, h)
		}
	}
	if len(kept) == 0 {
		kept = hits
	}
	return kept[:min(len(kept), sidePassages)]
}

// placesOutsideSides are the places a question names (text.PlacesAsked)
// but those only its subject sides name: "nicole in florida vs the new
// york flooding" asks no passage to name both Florida and New York, each
// side's passages name their own (aboutSide).
func placesOutsideSides(q string, end time.Time) []string {
	places := text.PlacesAsked(q)
	sides := topicSides(q, end)
	if len(sides) < 2 {
		return places
	}
	toks := questionTokens(q)
	spans, _ := topicSpans(q, toks, end)
	rest := q[:toks[spans[0][0]].start] + " " + q[toks[spans[1][1]-1].end:]
	outside := text.PlacesAsked(rest)
	return slices.DeleteFunc(places, func(p string) bool {
		return !slices.Contains(outside, p) && slices.ContainsFunc(sides, func(sd side) bool { return slices.Contains(text.PlacesAsked(sd.label), p) })
	})
}

// unlessNamed returns nil for two subject sides that the passages write
// as one name, with "v." or "vs" between them ("Roe v. Wade", "Brown v.
// Board of Education", which a question writes "roe vs wade"): no
// comparison then. Other sides are returned as they are.
func unlessNamed(sides []side, hits []retrieval.Hit) []side {
	if len(sides) != 2 || !sides[0].topic {
		return sides
	}
	left, right := strings.ToLower(sides[0].label), strings.ToLower(sides[1].label)
	for _, h := range hits {
		passage := strings.ToLower(h.Chunk.Text)
		for _, cue := range []string{" v. ", " v ", " vs. ", " vs ", " versus "} {
			if strings.Contains(passage, left+cue+right) {
				return nil
			}
		}
	}
	return sides
}

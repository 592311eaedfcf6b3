package answer

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/readout/readout/retrieval"
	"github.com/readout/readout/text"
)

// A question that asks who held a post ("who was the national security
// adviser in 2023", "who is the press secretary") is answered from the
// record's speaker lists, which give each speaker's title document by
// document: the holders, each with the dates of the first and last
// documents that title them so, and a cited document of theirs. Searched
// as words, such a question finds passages that merely hold the title's
// words ("The National Security Adviser underscored …", a list item
// "- Secretary of Health and Human Services").

// maxHolders is how many holders of a post an answer lists.
const maxHolders = 6

// roleWords are the words a "who held the post" question holds besides
// the post, its period and stopwords: any other word gives the question
// a subject of its own ("who did the press secretary blame for …"), which
// the record's passages answer.
var roleWords = map[string]bool{
	"who": true, "whos": true, "current": true, "currently": true, "now": true, "then": true,
	"today": true, "time": true, "serving": true, "served": true, "serve": true, "job": true,
	"post": true, "position": true, "role": true, "name": true, "named": true, "person": true,
	"held": true, "hold": true, "holds": true, "office": true,
}

// askedPost returns the post a question asks the holder of, with the
// question's reading, or "" when the question asks something else.
func askedPost(q string, pp *people, first, last time.Time) (string, Constraints) {
	// Every question passes here before its search: the cheap readings
	// first, the whole constraint reading only for a post's question.
	toks := questionTokens(q)
	if readWant(toks) != WantPerson {
		return "", Constraints{}
	}
	var post string
	for _, m := range findMentions(q, toks, pp) {
		if m.title == "" || post != "" {
			return "", Constraints{} // a person named, or two posts: a question of its own
		}
		post = m.title
	}
	if post == "" {
		return "", Constraints{}
	}
	c := readQuestionFrom(q, pp, first, last, Period{})
	if c.Speaker != nil || c.SpeakerAsked != "" {
		return "", c
	}
	inPost := map[string]bool{}
	for _, w := range tokenWords(post) {
		inPost[w] = true
	}
	for _, w := range strings.Fields(officeSpelt(strings.Join(tokenWords(c.Search), " "))) {
		if w = postSpelling(w); !inPost[w] && !roleWords[w] && !text.IsStopword(w) && !text.IsTitleQualifier(w) {
			return "", c
		}
	}
	return post, c
}

// asksPostAnew reports whether a chat question asks who holds a post and
// points back at nothing ("who is the press secretary" after a turn on
// another official's words): the record's speaker lists answer it as a new
// topic. "who was the press secretary then?" points back and is read
// against the conversation.
func (p *Pipeline) asksPostAnew(q string, history []Turn) bool {
	if sig := continuationOf(withoutOpener(q), history, nil); sig.Anaphora || sig.Ellipsis {
		return false
	}
	first, last, _ := p.Index.Coverage()
	post, _ := askedPost(q, p.people(), first, last)
	return post != ""
}

// answerFromTitles answers a question asking who held a post from the
// record's speaker lists. It reports false when the question asks
// something else or the record titles nobody so in its period.
func (p *Pipeline) answerFromTitles(ctx context.Context, ans *Answer, q string) bool {
	first, last, _ := p.Index.Coverage()
	pp := p.people()
	post, c := askedPost(q, pp, first, last)
	if post == "" {
		return false
	}
	type held struct {
		p    *Person
		span TitleSpan
	}
	var hs []held
	for _, h := range pp.holders(post, c.Period.Since, c.Period.Until) {
		for _, t := range h.Titles {
			if t.Title == post {
				hs = append(hs, held{h, t})
			}
		}
	}
	if len(hs) == 0 {
		return false
	}
	// In the order they held it; "the first"/"the last" keep one.
	slices.SortFunc(hs, func(a, b held) int { return a.span.First.Compare(b.span.First) })
	switch c.Order {
	case OrderFirst:
		hs = hs[:1]
	case OrderLast:
		slices.SortFunc(hs, func(a, b held) int { return b.span.Last.Compare(a.span.Last) })
		hs = hs[:1]
	}
	// "Who is the …" asks for today's holder: the record's most recent
	// comes first.
	latestFirst := c.Period.IsZero() && len(hs) > 1 && presentTense(q)
	if len(hs) > maxHolders {
		// The most often titled so, still listed in order.
		slices.SortStableFunc(hs, func(a, b held) int { return cmp.Compare(b.span.Docs, a.span.Docs) })
		hs = hs[:maxHolders]
		slices.SortFunc(hs, func(a, b held) int { return a.span.First.Compare(b.span.First) })
	}
	if latestFirst {
		slices.SortStableFunc(hs, func(a, b held) int { return b.span.Last.Compare(a.span.Last) })
	}
	var b strings.Builder
	var cites []Citation
	shown := post
	for _, h := range hs {
		cite, title, quote, ok := p.titledIn(ctx, h.p, post, h.span, c.Period)
		if !ok {
			continue
		}
		if len(cites) == 0 {
			shown = title
		}
		cite.N = len(cites) + 1
		cites = append(cites, cite)
		fmt.Fprintf(&b, "\n- %s — titled so in %s, from %s to %s [%d]", h.p.Name, plural(h.span.Docs, "document", "documents"),
			dateString(h.span.First), dateString(h.span.Last), cite.N)
		if quote != "" {
			fmt.Fprintf(&b, ": “%s” [%d]", quote, cite.N)
		}
	}
	if len(cites) == 0 {
		return false
	}
	lead := "The record's speaker lists give the title " + shown + " to:"
	if latestFirst {
		lead = "The record's speaker lists give the title " + shown + " to, the most recent first:"
	}
	if !c.Period.IsZero() {
		lead = "In the period " + c.Period.String() + ", the record's speaker lists give the title " + shown + " to:"
	}
	if len(cites) == 1 {
		lead = strings.Replace(lead, " to:", " to", 1)
		body := strings.TrimPrefix(b.String(), "\n- ")
		b.Reset()
		b.WriteString(" " + body)
	}
	// A holder may be cited with no sentence that shows them so: the
	// answer then quotes nothing of theirs, and their documents say it.
	if !p.answerVerified(ans, lead+b.String(), cites, false) {
		return false
	}
	if p.Explain {
		ans.Explain = &Explanation{Constraints: c,
			Decision: Decision{Answer: true, By: "titles", Reason: "the question asks who held the post " + post + "; answered from the record's speaker lists"}}
	}
	return true
}

// titledIn finds a document within span (and the question's period) whose
// speaker list gives person the post: its citation, the title as the
// document writes it, and, when one of its sentences names the person
// with the title, that sentence.
func (p *Pipeline) titledIn(ctx context.Context, person *Person, post string, span TitleSpan, period Period) (Citation, string, string, bool) {
	opts := retrieval.SearchOptions{K: 12, Speaker: person.Filter, Since: span.First, Until: span.Last}
	if !period.Since.IsZero() && period.Since.After(opts.Since) {
		opts.Since = period.Since
	}
	if !period.Until.IsZero() && period.Until.Before(opts.Until) {
		opts.Until = period.Until
	}
	hits, err := p.Index.Search(ctx, post+" "+person.Name, opts)
	if err != nil {
		return Citation{}, "", "", false
	}
	surname := writtenSurname(person.Name)
	postWords := tokenWords(post)
	var best *retrieval.Hit
	var bestTitle, bestQuote string
	for i := range hits {
		h := &hits[i]
		title := ""
		for _, s := range h.Doc.Speakers {
			if normTitle(s.Title) == post && strings.Contains(text.NameKey(s.Name), surname) {
				title = s.Title
				break
			}
		}
		if title == "" {
			continue
		}
		quote := sentenceNaming(h.Chunk.Text, text.NameKey(person.Name), postWords)
		if best == nil || (bestQuote == "" && quote != "") {
			best, bestTitle, bestQuote = h, title, quote
		}
		if bestQuote != "" {
			break
		}
	}
	if best == nil {
		return Citation{}, "", "", false
	}
	return CitationFor(0, *best), bestTitle, bestQuote, true
}

// presentWords ask for a post's holder today.
var presentWords = map[string]bool{"is": true, "s": true, "whos": true, "current": true, "currently": true, "now": true, "today": true}

// presentTense reports whether q asks who holds a post now.
func presentTense(q string) bool {
	return slices.ContainsFunc(tokenWords(q), func(w string) bool { return presentWords[w] })
}

// maxTitleQuote bounds the sentence quoted to show a person under a title.
const maxTitleQuote = 300

// sentenceNaming returns the first sentence of passage that gives the
// person the post: the post's words, then the name within a few words
// ("National Security Advisor Jake Sullivan met …"), or the name, then the
// post ("Jake Sullivan, National Security Advisor"); "" when none does. A
// sentence that only holds both ("MR. KIRBY: … our National Security
// Advisor …") shows nobody under the title.
//
// The person is named in full ("President Joe Biden"): by surname alone,
// "President Biden" would show Jill Biden as president too.
func sentenceNaming(passage, name string, post []string) string {
	sur := strings.Fields(name)
	for _, sp := range text.Sentences(passage) {
		s := strings.TrimSpace(passage[sp[0]:sp[1]])
		if len(s) > maxTitleQuote || strings.ContainsAny(s, "“”\"") {
			continue
		}
		words := tokenWords(s)
		for i, w := range words {
			words[i] = postSpelling(w)
		}
		if titledNear(words, sur, post) {
			return s
		}
	}
	return ""
}

// nameGap is how many words may stand between a post and the surname of
// its holder: a first name and an initial.
const nameGap = 2

// titledNear reports whether words hold the post right before the
// surname, with at most a first name and an initial between them
// ("national security adviser jake sullivan"), or right after it, with at
// most "the" between ("sullivan the national security adviser").
func titledNear(words, surname, post []string) bool {
	at := func(i int, seq []string) bool {
		return i >= 0 && i+len(seq) <= len(words) && slices.Equal(words[i:i+len(seq)], seq)
	}
	for i := range words {
		if !at(i, post) {
			continue
		}
		end := i + len(post)
		for g := 0; g <= nameGap && end+g <= len(words); g++ {
			if at(end+g, surname) {
				return true
			}
			if end+g < len(words) && text.IsStopword(words[end+g]) {
				break // "… Advisor Akiba and Sullivan": another's post
			}
		}
		if at(i-len(surname), surname) || (i > 0 && words[i-1] == "the" && at(i-1-len(surname), surname)) {
			return true
		}
	}
	return false
}

package answer

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/retrieval"

	"github.com/readout/readout/text"
)

// hitSignals are the measured signals of one retrieved passage that the
// decision to answer weighs.
type hitSignals struct {
	// coverage is Hit.Coverage: the IDF-weighted share of the searched
	// words (stemmed) found in the passage or its neighbours.
	coverage float64
	// distinct is the share of the question's most distinctive words (the
	// distinctWords highest-weighted) found there: a passage about the
	// same subject that lacks the one rare word asked about ("the World
	// Cup", "DeepSeek") does not answer.
	distinct float64
	// vector is the passage's cosine similarity to the question.
	vector float64
	// names is the share of the question's names (see questionNames)
	// that the passage, its neighbours, or its document's title and
	// speakers hold (1 when the question names nothing).
	names float64
	// phrases is the IDF-weighted share of the question's pairs of
	// neighbouring informative words ("world cup", "population … Baku")
	// that the passage holds near each other (within phraseWindow
	// informative words): the words of an unrelated passage are scattered.
	// 1 when the question has no such pair.
	phrases float64
	// continued is 1 when the question follows up an answer that cited
	// the passage's document: the conversation has already found it
	// relevant.
	continued float64
	// figure is, for a question that asks for a figure ("how many
	// peacekeepers", "what percent", "how much did it cost"), 1 when a
	// sentence of the passage gives a figure of the unit asked with a word
	// of what is counted (see figure.heldBy), else 0; 1 for other
	// questions. A passage on the subject without the figure does not
	// answer.
	figure float64
	// typed is, for a question that wants a date, a number, a person or
	// a place ("when", "how old", "who is the mayor of", "where"), 1 when
	// a sentence of the passage outside a reporter's turn holds an answer
	// of that type and one of the question's distinctive words the passage
	// holds (see typedShown), else 0; 1 for other questions. A passage on
	// the subject that gives no such answer ("the population of Baku", a
	// passage on Baku with no figure) does not answer.
	typed float64
	// dated is, for a question that names a date that is not its period
	// ("the October 7 attack", "the November 2026 midterms"), 1 when the
	// passage's document is dated then or its words or title name a date
	// within it (see passageDates.holds), else 0; 1 for other questions.
	// Psaki's May 2021 words on Hamas rockets do not answer for October 7.
	dated float64
	// attribute is, for a question that asks for an attribute of its
	// subject ("how old is …", "what's kirby's salary", "which prisoner
	// did …", "who won …"), 1 when a sentence of the passage outside a
	// reporter's turn holds that attribute with one of the question's
	// distinctive words (see attributeShown), else 0; 1 for other
	// questions. A passage on the subject that never gives the asked
	// thing does not answer.
	attribute float64
	// place is the share of the countries, US states and cities the
	// question names (Constraints.Places: "the wyoming supreme court",
	// "nicaraguan officials", "the genoa bridge") that the passage, its
	// neighbours or its document's title name (a city by its name or its
	// country's or state's); 1 when it names none. A passage on the same subject
	// elsewhere (Idaho's abortion ban, the Cuban regime) does not answer.
	place float64
	// head is 1 when the passage, its retrieved neighbours or its
	// document's title and speakers hold the head of what the question
	// asks about (questionObject: "the elections" of "what did the white
	// house say about the elections in mongolia", "explosion" of "the
	// chemical plant explosion in texas"), or one of its synonyms, else
	// 0; 1 for a question with no such head, and for a passage of a
	// document the conversation cited (setContinued). A passage on
	// Mongolia that never speaks of elections does not answer. It weighs
	// 0 (defaultDecision): on the 294 development questions (main
	// 9eb5f86 + this, index /tmp/wh8; READOUT_SWEEP_HEAD=1) it is 0 for
	// 18 of 58 out-of-scope questions' best passages but also for 15 of
	// 236 answerable ones (a yes/no's "deal", a follow-up's "it"); swept
	// 0, 0.5, 1 with the others it was chosen at 0 on all questions and
	// by three folds of five at the 5% bar; cross-validated with it in
	// the grid 221/236 answered and 48/58 declined, without it 225/236
	// and 48/58 (3% bar: 225/236, 38/58 against 227/236, 45/58). Read
	// more closely since ("on" opens the topic only after a verb of
	// saying, a statement noun, a name, the question's verb or a
	// function word: not "a tariff on chinese goods"; an -ing word gives
	// way to the name or noun before it when a name or "to"/"for"/"from"
	// shows it a verb: "on musk asking for …"), it is 0 for 6
	// of 236 answerable best passages instead of 11, and still 19 of 58
	// out of scope; swept again (main c810ed4 + this, /tmp/wh9 index of
	// session 20, READOUT_SWEEP_HEAD=1) it is chosen at 0 on all
	// questions at the 5% bar (225/236, 51/58; cross-validated 221/236
	// and 46/58, with four folds of five choosing 0.5 or 1) and at 0.5
	// with the vector at 0 at the 3% bar (229/236, 49/58; cross-validated
	// 224/236, 42/58): no gain that carries over, so it stays 0. On 413
	// questions it is chosen at 0.5, but that did not carry over to two
	// sets written afterwards either (see defaultDecision). signalsOf
	// leaves it at 1; decide measures it of every passage when it weighs
	// more than 0 (askedHead once a question, headShown a passage), and
	// of the best passage for --explain.
	head float64
	// narrowed is 1 when the question's own period narrowed the search
	// (not a deadline), else 0: its passages compete with those of a few
	// documents only, and the day the asker gave is itself evidence that
	// the subject was spoken of then, so a partial match within it is
	// likelier the answer than one found anywhere in the record. It
	// weighs 0 (defaultDecision): swept 0–0.3 with the other weights on
	// the 294 development questions (main e3ac701, READOUT_SWEEP_NARROWED),
	// every fold chose 0.1–0.3 and, chosen on all, it answers 230/236
	// against 226/236 with the same 51/58 declined; but cross-validated
	// it did not carry over: 223/236 and 45/58 against 225/236 and 48/58
	// without it at the 5% bar (229/47 against 227/45 at 3%). On 413
	// questions the sweep chose 0.2, with weights that did not carry over
	// to a set written afterwards (see defaultDecision).
	narrowed float64
	// lead is how much more of the question the passage covers than the
	// best passage of any other document retrieved (0 when another covers
	// as much): a passage that answers stands out from the rest of its
	// search, while an out-of-scope question's passages each hold a few of
	// its words. It matters most where the question's own period or
	// speaker narrowed the search to a few documents, whose best passage
	// competes with fewer and scores lower than a whole-record search's.
	lead float64
	// title is the share of the question's searched words (weighted as in
	// coverage) that the passage's document title holds: a question that
	// names its document ("the temporary import duty", "the 2026 global
	// coptic day message") is about that document's passages, however
	// they word it. It weighs 0 (defaultDecision), so signalsOf leaves it
	// out; decide measures it of the best passage for --explain, and the
	// measurement of the weights of every passage.
	title float64
	// lexical is 1/r for the passage's rank r in the word (BM25) ranking,
	// 0 when only the vectors found it: the words' own judgement of the
	// passage, apart from the fusion's.
	lexical float64
	// fused is 1/r for the passage's 1-based place r in the fused list.
	fused float64
	// rank is the passage's 1-based place in the fused list.
	rank int
}

// phraseWindow is how many informative words apart two words of a
// question's pair may stand in a passage and still count as together.
const phraseWindow = 4

// distinctWords is how many of the question's highest-weighted words the
// distinct signal looks for.
const distinctWords = 2

// signalsOf measures one hit.
func signalsOf(c Constraints, names []string, h retrieval.Hit, rank int, hits []retrieval.Hit, cache map[string]map[string]bool) hitSignals {
	s := hitSignals{coverage: h.Coverage, vector: h.VectorScore, names: 1, rank: rank, fused: 1 / float64(max(rank, 1))}
	if h.LexicalRank > 0 {
		s.lexical = 1 / float64(h.LexicalRank)
	}
	s.phrases = phraseShare(c.Search, h)
	s.figure = figureShown(c, h)
	s.typed = typedShown(c, h)
	s.dated = datesShown(c, h)
	s.attribute = attributeShown(c, h)
	s.place = placeShown(c, h, hits)
	s.head = 1 // weighs 0: measured of the best passage only (decide)
	if !c.Period.IsZero() && !c.Period.Deadline {
		s.narrowed = 1
	}
	s.coverage += variantShare(h)
	s.lead = h.Coverage
	for _, o := range hits {
		if o.Chunk.DocID != h.Chunk.DocID {
			s.lead = min(s.lead, h.Coverage-o.Coverage)
		}
	}
	s.lead = max(s.lead, 0)
	terms := slices.Clone(h.Terms)
	slices.SortStableFunc(terms, func(a, b retrieval.TermMatch) int { return cmp.Compare(b.Weight, a.Weight) })
	var got, total float64
	for _, t := range terms[:min(distinctWords, len(terms))] {
		total += t.Weight
		got += t.Share * t.Weight
	}
	if total > 0 {
		s.distinct = got / total
	}
	if len(names) > 0 {
		set := nearTerms(h, hits, cache)
		found := 0
		for _, t := range names {
			if set[t] {
				found++
			}
		}
		s.names = float64(found) / float64(len(names))
	}
	return s
}

// namingHits keeps, of an extractive answer's hits, those that name one
// of the people the question names (Constraints.Named; see hitNamesPerson),
// and the passage that scored best for the decision (best, its chunk ID),
// when any hit does: a passage that never names the one person asked
// about answers nothing about them, however many of the question's other
// words it holds ("what day was potus hosting meloni in 2024" is not
// answered by Macron's state visit), unless it covers more of the
// question than any that does: it may name them otherwise ("he", "my
// predecessor"). Hits are returned as they are when
// none names anyone asked, or the question names no one. Only people
// count: a capitalised word the decision reads as a name ("American",
// "Secretary") is no sign of whom a passage is about.
func namingHits(c Constraints, hits []retrieval.Hit, best string, pp *people) []retrieval.Hit {
	if len(c.Named) == 0 {
		return hits
	}
	// A post's holder counts when the question names no one by name or
	// asks for their words: "what day was potus hosting meloni" is about
	// Meloni, and nearly every passage names the President.
	named := c.Named
	if len(c.Posts) > 0 && len(c.Posts) < len(c.Named) {
		named = slices.DeleteFunc(slices.Clone(c.Named), func(p *Person) bool { return p != c.Speaker && containsPerson(c.Posts, p) })
	}
	cache := map[string]map[string]bool{}
	names := make([]bool, len(hits))
	covered, someone := 0.0, false
	for i, h := range hits {
		names[i] = slices.ContainsFunc(named, func(p *Person) bool { return hitNamesPerson(pp, p, h, hits, cache) })
		if names[i] {
			someone, covered = true, max(covered, h.Coverage)
		}
	}
	if !someone {
		return hits
	}
	kept := make([]retrieval.Hit, 0, len(hits))
	for i, h := range hits {
		// A passage that covers more of the question than every one
		// naming them may name them otherwise ("he", "my predecessor").
		if names[i] || h.Chunk.ID == best || h.Coverage > covered {
			kept = append(kept, h)
		}
	}
	return kept
}

// hitNamesPerson reports whether a hit names p: its passage, its retrieved
// neighbours or its document's title and speakers (nearTerms) hold p's
// surname (Person.Filter), or a title of which p was the record's main
// holder (pp.holders) when the passage was said: "the President and Vice
// President had a chance to meet" names Biden and Harris in 2024, but
// "the Prime Minister" names whichever prime minister the record quotes
// most then, not every one.
func hitNamesPerson(pp *people, p *Person, h retrieval.Hit, hits []retrieval.Hit, cache map[string]map[string]bool) bool {
	if p == nil {
		return false
	}
	set := nearTerms(h, hits, cache)
	holdsAll := func(s string) bool {
		ts := text.Terms(s)
		return len(ts) > 0 && !slices.ContainsFunc(ts, func(t string) bool { return !set[t] })
	}
	if holdsAll(p.Filter) {
		return true
	}
	on := statedOn(h)
	if on.IsZero() || pp == nil {
		return false
	}
	for _, t := range p.Titles {
		if on.Before(t.First) || on.After(t.Last) || !holdsAll(t.Title) {
			continue
		}
		if hs := pp.holders(t.Title, on, on); len(hs) > 0 && hs[0] == p {
			return true
		}
	}
	return false
}

// setContinued sets the continued signal. A passage of a document the
// conversation cited holds its head too, and the places the question
// names when the document names them anywhere: the conversation has
// found the document relevant, and a follow-up on it ("what about
// brazil, was biden gonna call lula?" after the Mexico City summit's
// gaggle, whose passage names Lula and whose other passages Brazil)
// need not find its place in the same passage. A place the cited
// document never names ("who represented china in stockholm" after a
// fact sheet on the tariff pause that never names Stockholm) moves on
// from it.
func (s *hitSignals) setContinued(v float64, holdsPlaces func(*corpus.Document) bool, d *corpus.Document) {
	s.continued = v
	if v > 0 {
		s.head = 1
		if holdsPlaces(d) {
			s.place = 1
		}
	}
}

// perDocument returns f remembering its answer for each document: a
// document's passages ask it again, and it reads the whole document.
func perDocument(f func(*corpus.Document) bool) func(*corpus.Document) bool {
	memo := map[*corpus.Document]bool{}
	return func(d *corpus.Document) bool {
		v, ok := memo[d]
		if !ok {
			v = f(d)
			memo[d] = v
		}
		return v
	}
}

// docHoldsPlaces reports whether document d names, in its title or its
// text, every one of places (text.HoldsPlace).
func docHoldsPlaces(d *corpus.Document, places []string) bool {
	for _, p := range places {
		if d == nil || !text.HoldsPlace(d.Title, p) && !text.HoldsPlace(d.Text, p) {
			return false
		}
	}
	return true
}

// docFollowsOn reports whether a follow-up may stay with document d, a
// document the conversation cited: d names, in its title or its text,
// every place (docHoldsPlaces) and every person (their surname,
// Person.Filter) the follow-up names. "what about brazil, was biden
// gonna call lula?" moves on from a gaggle on Brazil that never names
// Lula. A follow-up pointing at a kind of document (Constraints.Kind)
// stays only with a document of that kind or one speaking of it
// (titledKind). A document names a person by their post too (titleNames,
// with the record's people pp; nil reads names only).
func docFollowsOn(d *corpus.Document, c Constraints, pp *people) bool {
	if d == nil || !docHoldsPlaces(d, c.Places) {
		return false // a passage with no document was never cited
	}
	if c.Kind != "" && !titledKind(d, c.Kind) {
		// "who put out the statement on it?" after an article that
		// quoted others and never speaks of a statement: the statement
		// is another document.
		return false
	}
	for _, p := range c.Named {
		want := text.Words(p.Filter)
		if len(want) == 0 {
			continue
		}
		if !wordsIn(d.Title, want) && !wordsIn(d.Text, want) && !titleNames(d, p, pp) {
			return false
		}
	}
	return true
}

// titleNames reports whether a document dated while p held a post names
// them by it: "the President" in a briefing of 2021, which never writes
// "Biden", is Joe Biden, the post's holder on the day (dominant). "and
// what was it when biden took office?" stays with the COVID-19 team's
// briefing the conversation cited.
func titleNames(d *corpus.Document, p *Person, pp *people) bool {
	if pp == nil || p == nil || d.Date.IsZero() {
		return false
	}
	for _, t := range mainTitles(p) {
		if d.Date.Before(t.First) || d.Date.After(t.Last) || dominant(pp.byTitle[t.Title], t.Title, d.Date) != p {
			continue
		}
		if postNamed(d.Text, t.Title) {
			return true
		}
	}
	return false
}

// postNamed reports whether text writes the post title (normTitle's
// lower-case words) as a name: after "the", its words capitalised but for
// those joining them ("the President", "the Secretary of State", "the
// National Security Advisor" or "Adviser"), and not going on into another
// post or word ("the President of France", "the President-elect", "the
// Presidential delegation").
func postNamed(text, title string) bool {
	words := strings.Fields(title)
	if len(words) == 0 {
		return false
	}
	alt := ""
	for i, w := range words {
		if !labelJoiners[w] {
			words[i] = capitalName(w)
		}
		if w == "adviser" {
			alt = "Advisor"
		}
	}
	posts := []string{strings.Join(words, " ")}
	if alt != "" {
		posts = append(posts, strings.ReplaceAll(posts[0], "Adviser", alt))
	}
	for _, post := range posts {
		for _, the := range []string{"the ", "The "} {
			for rest := text; ; {
				i := strings.Index(rest, the+post)
				if i < 0 {
					break
				}
				rest = rest[i+len(the)+len(post):]
				if !postGoesOn(rest) {
					return true
				}
			}
		}
	}
	return false
}

// postGoesOn reports whether what follows a post's name makes it part of
// another: a letter or a hyphen ("Presidential", "President-elect"), or
// " of" ("the President of the AFL-CIO"), but for the country's own ("the
// President of the United States").
func postGoesOn(rest string) bool {
	if r, _ := utf8.DecodeRuneInString(rest); unicode.IsLetter(r) || r == '-' {
		return true
	}
	return strings.HasPrefix(rest, " of ") && !strings.HasPrefix(rest, " of the United States") && !strings.HasPrefix(rest, " of America")
}

// titledKind reports whether a document is of a kind (docKinds' title
// word), by its title, or whether its words call it or what it reports
// so ("… said at the daily press briefing"): an article on a briefing
// answers for it.
func titledKind(d *corpus.Document, kind string) bool {
	return wordsIn(d.Title, []string{kind}) || wordsIn(d.Text, []string{kind})
}

// wordsIn reports whether s holds words (lower case, as text.Words writes
// them) one after another.
func wordsIn(s string, words []string) bool {
	if len(words) == 1 {
		// A surname of one word, as most are: no word list of the whole
		// document.
		found := false
		text.EachWordBytes(s, func(w []byte) { found = found || string(w) == words[0] })
		return found
	}
	all := text.Words(s)
	for i := 0; i+len(words) <= len(all); i++ {
		if slices.Equal(all[i:i+len(words)], words) {
			return true
		}
	}
	return false
}

// variantShare is the IDF-weighted share of the searched words a passage
// lacks but holds in another spelling of a transliterated name: the
// record writes "Amir" where a question asks for the "emir", and a word
// of another alphabet comes into English with its vowels spelt several
// ways ("Hezbollah"/"Hizballah", "Usama"/"Osama"). Coverage counts such a
// word found when the passage writes it as a name (capitalised inside a
// sentence): "land" is no spelling of "lend".
func variantShare(h retrieval.Hit) float64 {
	var total float64
	var missing []retrieval.TermMatch
	for _, t := range h.Terms {
		total += t.Weight
		if t.Share < 1 && len(t.Term) >= minVariantLen && !text.IsCommon(t.Term) {
			missing = append(missing, t)
		}
	}
	if len(missing) == 0 || total == 0 {
		return 0
	}
	names := map[string]bool{}
	body := h.Chunk.Text
	for _, tok := range text.Tokens(body) {
		if w := body[tok.Start:tok.End]; unicode.IsUpper(firstRune(w)) && !sentenceStart(body, tok.Start) {
			if ts := text.Terms(w); len(ts) == 1 {
				names[ts[0]] = true
			}
		}
	}
	var got float64
	for _, t := range missing {
		for w := range names {
			if vowelVariant(t.Term, w) {
				got += (1 - t.Share) * t.Weight
				break
			}
		}
	}
	return got / total
}

// minVariantLen is the shortest word vowelVariant joins: shorter words
// ("man"/"men", "can"/"con") differ in meaning by one vowel.
const minVariantLen = 4

// vowelVariant reports whether two index terms are the same length and
// differ only in their vowels, at one or two places, with the same first
// letter or a vowel in both ("emir"/"amir", "hezbollah"/"hizballah").
func vowelVariant(a, b string) bool {
	if len(a) != len(b) || a == b {
		return false
	}
	diff := 0
	for i := range len(a) {
		if a[i] == b[i] {
			continue
		}
		if !text.IsVowel(a[i]) || !text.IsVowel(b[i]) {
			return false
		}
		diff++
	}
	return diff <= 2
}

// nearTerms are the index terms of a hit's passage, the retrieved
// passages of the same document next to it, and its document's title,
// outlet and speakers: only nearby text counts, since a long briefing
// names everyone somewhere.
func nearTerms(hit retrieval.Hit, hits []retrieval.Hit, cache map[string]map[string]bool) map[string]bool {
	if set, ok := cache[hit.Chunk.ID]; ok {
		return set
	}
	var b strings.Builder
	if d := hit.Doc; d != nil {
		b.WriteString(d.Title + "\n" + d.Outlet)
		for _, s := range d.Speakers {
			b.WriteString("\n" + s.Name)
		}
	}
	for _, h := range hits {
		if h.Chunk.DocID == hit.Chunk.DocID && h.Chunk.Index >= hit.Chunk.Index-1 && h.Chunk.Index <= hit.Chunk.Index+1 {
			b.WriteString("\n")
			b.WriteString(h.Chunk.Text)
		}
	}
	set := map[string]bool{}
	for _, t := range text.Terms(b.String()) {
		set[t] = true
	}
	cache[hit.Chunk.ID] = set
	return set
}

// decisionWeights weigh the signals into one score per passage; the
// question is answered when its best passage reaches threshold.
type decisionWeights struct {
	coverage, distinct, vector, names, phrases, continued, figure, typed, dated, attribute, place, head, narrowed, lead, lexical, fused, title float64
	// unvalued weighs, as a penalty, a passage that gives a figure asked
	// for neither as its figure (figure 0) nor as any number beside the
	// question's subject (typed 0), unless the conversation cited it
	// (continued).
	unvalued  float64
	threshold float64
}

// unvalued is 1 for a passage that gives no value for the figure asked
// (decisionWeights.unvalued), else 0.
func (s hitSignals) unvalued() float64 {
	if s.figure == 0 && s.typed == 0 && s.continued == 0 {
		return 1
	}
	return 0
}

// score weighs a passage's signals. The asked attribute weighs as a
// penalty, its weight taken from a passage lacking the attribute asked
// for, so that the score of a question that asks none is the same with
// or without it: ordered's floor compares scores as ratios.
func (w decisionWeights) score(s hitSignals) float64 {
	return -w.unvalued*s.unvalued() + w.coverage*s.coverage + w.distinct*s.distinct + w.vector*s.vector + w.names*s.names + w.phrases*s.phrases +
		w.continued*s.continued + w.figure*s.figure + w.typed*s.typed + w.dated*s.dated + w.attribute*(s.attribute-1) + w.place*(s.place-1) + w.head*(s.head-1) + w.narrowed*s.narrowed + w.lead*s.lead + w.lexical*s.lexical + w.fused*s.fused + w.title*s.title
}

// defaultDecision are the weights in use. Measured on the development
// and public questions (125 answerable, follow-ups asked after their
// chains; 26 out of scope) over the sample and White House records with
// the builtin embedder (EVALUATION.md says how to build the index):
//
//	READOUT_PUBLIC_EVAL=../shared/eval/public.jsonl READOUT_DEV_INDEX=/tmp/wh READOUT_SWEEP=1 \
//		go test -run MeasureDecision -v ./answer
//
// The sweep (coverage weight 1; distinctive words 0–1, vector 0–2, names
// 0–1, word pairs 0–0.5, cited before 0–1, threshold 0.3–3) keeps the
// weights that decline at most 5% of the answerable questions (issue 10's
// bar) and ranks them by out-of-scope questions declined, then answerable
// ones answered. Chosen, the first of the ranking: coverage 1 + vector
// similarity 1 + word pairs 0.25 + cited before 0.25 ≥ 0.85 answers
// 121/125 and declines 19/26 (builtin-hash-v4; answers for a speaker only
// from their own passages or those naming them). Neighbours (distinctive
// words 0.25, vector 1.5, word pairs 0.5, ≥ 1.15) do exactly as well. "Cited before" changes no figure here (0
// to 1 alike); it weighs a little because a follow-up about the document
// just quoted is about that document even when worded apart from it.
// Ranked by balanced accuracy instead, the sweep prefers a
// rule that declines 23/26 but also 27 answerable questions. The named
// signal (the record's people the question names, and the words the
// retrieved passages write as names) added nothing at any weight: the
// speaker constraint already sets aside statements by someone else, and a
// name the record lacks is absent from the retrieved passages too, where
// coverage already misses it; it weighs 0 and is shown in --explain only.
// The capitalisation rule this replaces declined 10/24 of the development
// out-of-scope questions, most of them written in lower case. The vector
// weight is for the builtin embedder's similarities; another embedder's
// cosines sit in another range, and a chat model, when configured, decides
// instead.
//
// The figure signal (a question asking "how many", "what percent", "how
// much did it cost" wants a passage that gives such a figure) was added
// to the sweep (0–1): coverage 1 + vector 1 + word pairs 0.25 + cited
// before 0.25 + figure 0.5 ≥ 1.35, the first of the ranking (figure 1 ≥
// 1.85 ties), answers 121/125 as before and declines 22/26 instead of
// 19/26 (builtin-hash-v4, index of main 75c8dd9): the passages on
// DeepSeek, on the Kansas vote and on Karabakh refugees hold no figure of
// what was asked. A signal for a search narrowed to the question's own
// period (1 then; swept 0–0.5 with the others on an index of main
// 176f34c) was chosen at 0: no weight above 0 answered more of the
// answerable questions (121/125; the two period questions still declined
// are "what did biden and the emir of qatar discuss in january 2025" and
// the August 2025 tariff pause) without declining fewer than 22/26 out of
// scope, so it is not kept.
//
// Swept again for the fusion with the vector ranking at 0.25
// (retrieval/fusion.go) on main a3944e6 (eval/dev.jsonl's x06 relabelled
// answerable: 126 answerable and 25 out of scope with the public
// questions), a passage's figure counted only outside a reporter's
// question (asking), the grid widened by 1/word rank and 1/fused rank
// (0–1 each), the README's question over the sample record alone required
// answered, and the choice cross-validated: 5 folds (a follow-up chain in
// one fold), weights chosen on four folds by the ranking above and counted
// on the fifth. Chosen on all questions: coverage 1 + distinctive words
// 0.5 + vector 2 + word pairs 0.5 + figure 1 ≥ 2.4 (cited before ties at
// 0–0.5 and keeps 0.25 for follow-ups): 122/126 answered, 22/25 declined;
// cross-validated 118/126 answered, 19/25 declined. The same selection
// with a 3% bar chooses coverage 1 + vector 1 + word pairs 0.25 + figure
// 0.5 ≥ 1.35 (the old weights but cited before): 123/126, 20/25,
// cross-validated 121/126, 18/25, but through readout eval (before the
// reporter change) it declined 18/23 development out-of-scope questions. The ranks entered no
// fold's choice but two, so they weigh 0 and are shown in --explain.
// Through readout eval eval/dev.jsonl --summary (main a3944e6 with the old
// fusion and weights → this): cite-hit@5 0.85 → 0.91, out of scope
// declined 21/23 → 21/23, wrongly declined 4/117 → 3/117. Measured and not
// kept: the share of the question's words besides its names that a passage
// holds ("population" of "the population of Baku") raised the in-sample
// figures (120/126, 22/25 before the reporter change) but lowered the
// cross-validated ones (117/126, 18/25); the share of the question's words
// one sentence of the passage holds changed no figure.
//
// The answer-type signal (typed: a passage holding a number, or a
// person's name, beside the question's distinctive words when the
// question asks "how many/old/much" or "who is", outside a reporter's
// turn) was swept 0–1 with the others (1/word rank and 1/fused rank
// 0 or 0.5) on main bb50b64: chosen at 0 on all questions (122/126
// answered, 22/25 declined, the weights above) but by one fold of five;
// cross-validated 120/126, 21/25 with it in the grid, 121/126, 22/25
// without it (READOUT_SWEEP_NO_TYPED=1; and 118/126, 19/25 with the
// ranks' wider grid 0–1: a smaller grid overfits the folds less). It is 0
// on 5 answerable development questions ("who did kirby blame …",
// "how long was mayorkas a federal prosecutor") for each out-of-scope
// one it catches that nothing else does ("who won the usa canada hockey
// game"), and on 10 new out-of-scope probes asking what the record never
// gives about a subject it holds ("how old is prime minister kishida",
// "whats the population of taiwan") it is 1 on all ten: some number or
// name stands beside the subject in every passage on it. It weighs 0 and
// is shown in --explain; what would tell such questions apart is the
// asked attribute ("old", "population") standing with the value, which
// the signal does not check.
//
// The named dates' signal (dated: a passage holds the date a question
// names that is not its period, "the October 7 attack", "the may 2019 jobs
// report") and the lead over other documents' passages (lead) were added
// to the sweep on main 1d96db9 (index /tmp/wh of main a3944e6; dated 0,
// 0.5, 1; lead 0, 1, 2). The lead entered one fold's choice of five, at
// the 3% bar only, and weighs 0 (shown in --explain); it does not tell
// the period questions declined (the emir of Qatar, the August 2025
// tariff pause, Louisiana's winter storm in February 2021) from the
// out-of-scope ones. Chosen on all questions with dated swept (at most
// 5% declined; the first of the ranking, cited before tying at 0–0.5 and
// kept at 0.25): coverage 1 + vector 1.5 + word pairs 0.25 + figure 0.5
// + dated 0.5 ≥ 2 answers 122/126 and declines 23/25 ("unemployment rate
// in the may 2019 jobs report?" is declined now); cross-validated 119/126
// and 19/25. The same sweep without the dated signal chooses weights
// that answer 122/126 and decline 22/25, cross-validated 117/126 and
// 19/25; at the 3% bar dated changes 124/126, 20/25 to 124/126, 21/25 (cross-validated
// 122/126, 18/25 either way). Four of five folds chose dated 0.5.
//
// The asked attribute's signal (attribute: "how old is …", "what's
// kirby's salary", "which russian prisoner did …", "who won …" want that
// thing held beside the subject; see attributeShown) was added on main
// c76dba9 (decide3; /tmp/wh6, an index of main 6de0c78), with two other
// changes measured alongside: a transliterated name spelt with other
// vowels counts in coverage (variantShare: the record's "Amir" for the
// question's "emir"), and early/mid/late periods take in a few days
// across their inner edges (widenPart: "late February 2023" holds Biden
// in Kyiv on the 20th). It weighs as a penalty (see score). Sweep (typed
// held at 0; attribute 0, 0.5, 1, then the same grid without it):
//
//	READOUT_PUBLIC_EVAL=../shared/eval/public.jsonl READOUT_DEV_INDEX=/tmp/wh6 READOUT_SWEEP=1 \
//		go test -run MeasureDecision -v ./answer
//
// On the development and public questions, which hold one question of
// the class (the usa canada hockey game), the first of the ranking is
// coverage 1 + vector 1.5 + word pairs 0.25 + figure 0.5 + dated 1 −
// 1 without the attribute ≥ 2.5: 122/126 answered, 24/25 declined;
// cross-validated 121/126 and 17/25, against 120/126 and 19/25 without
// the attribute in the grid (3% bar: 122/126, 17/25 against 120/126,
// 19/25): there, cross-validation does not keep it. With the class
// represented — 10 out-of-scope probes asking what the record never
// gives of a subject it holds (ages, a height, salaries, a birthplace, a
// population, a score) and 10 period probes, all written from the
// documents (/tmp/decide3-probe.jsonl), added to the public questions in
// READOUT_PUBLIC_EVAL — the same weights come first (132/136, 31/35) and
// every fold of five chose attribute 1: cross-validated 130/136 answered
// and 25/35 declined against 129/136 and 23/35 without it (3% bar:
// 131/136, 25/35 against 129/136, 22/35). Chosen: the weights before
// with attribute 1, which leave every question that asks no attribute
// as it was and ask a passage lacking the attribute asked for to score 1
// more; the pipeline's own count on the development and public
// questions is 122/126 answered, 23/25 declined (dated 1 ≥ 2.5, the
// sweep's first, answers and declines the same there; it is not taken
// without the readout eval runs below). Through readout eval (--summary
// --data /tmp/wh6; main 41b17d3 → this on main 6d61e19): eval/dev.jsonl
// cite-hit@5 0.94 → 0.94, answer-contains 0.72 → 0.73, out of scope
// declined 21/23 → 22/23, wrongly declined 3/117 → 2/117; the probes
// out of scope declined 1/10 → 7/10, period probes wrongly declined 1/10
// → 0/10 (cite-hit@5 0.80 → 0.90, answer-contains 0.40 → 0.50).
//
// The title signal (the share of the question's words its best
// passage's document title holds: "the temporary import duty", "the 2026
// global coptic day message") was swept 0, 0.5, 1 with the others
// (READOUT_SWEEP_TITLE=1) on the development, public, probe and channel
// development questions (191 answerable, 48 out of scope; main 9890131,
// these weights answering 180/191 and declining 41/48): chosen at 1,
// 182/191 answered and 40/48 declined, cross-validated 179/191 and
// 34/48, the same as the sweep without it (182/191, 39/48;
// cross-validated 179/191, 34/48). Answerable questions hold more of
// their words in the title (mean share 0.28, out of scope 0.11), but the
// out-of-scope ones it would let through hold as much ("the elections
// in mongolia", 0.68): it weighs 0 and is shown in --explain.
//
// The places' signal (place: the countries and US states the question
// names, held by the passage, its neighbours or its title; see
// placeShown) weighs as a penalty, as the attribute does. (Cities and
// regions were added to the places since, text.cityRegion, with the
// weight kept: through readout eval on main 20434e7 + this, the probes'
// "genoa bridge collapse" is declined instead of answered from Baltimore's
// Key Bridge, and no answerable question of the seven development sets
// is declined.) Swept 0, 0.5,
// 1 with the others (READOUT_SWEEP_NO_PLACE=1 for the grid without it)
// on main 2d49552 + this (index /tmp/wh7 of main 2d49552) over the
// development, public, probe, independent and channel development
// questions (236 answerable, 58 out of scope):
//
//	READOUT_PUBLIC_EVAL=<public + probes + independent + channel jsonl> READOUT_DEV_INDEX=/tmp/wh7 \
//		READOUT_SWEEP=1 go test -count=1 -run 'MeasureDecision$' -v ./answer
//
// every fold of five chose place 0.5, at both bars. At the 5% bar the
// first of the ranking answers 226/236 and declines 50/58 with it, 46/58
// without; cross-validated 223/236 and 44/58 with it, 223/236 and 43/58
// without (3% bar: 224/236 and 45/58 against 225/236 and 41/58). Chosen:
// the weights before with place 0.5, which leave every question naming
// no place as it was: 223/236 answered as before, 50/58 declined instead
// of 47/58 ("the wyoming supreme court striking down the abortion ban",
// answered from Idaho's and Iowa's; "nicaraguan regime officials", from
// the Cuban sanctions; the State Department's advisory level for
// Azerbaijan). Through readout eval (--data /tmp/wh7): public out of
// scope declined 1/2 → 2/2, independent 6/10 → 8/10, channel c034
// gained, nothing lost. The places are the question's own words', and a
// passage of a document the conversation cited holds them
// (setContinued): before, a dev chain's turn on Brazil after the Mexico
// City summit's gaggle (v042, whose passage names Lula, not Brazil) was
// declined as rewritten and its next turn lost; the measure above is
// the same either way.
//
// Fitted again, all weights at once, on main 82eb294 (index /tmp/wh8 of
// main 4577cfc; the same 294 questions, a term's derivational relatives
// now among its synonyms; READOUT_SWEEP=1 as above): the first of the
// ranking at the 5% bar is coverage 1 + vector 1 + word pairs 0.25 +
// cited before 0.5 + figure 0.5 + dated 1 + attribute 1 + place 0.5 ≥
// 2.35, which answers 226/236 and declines 51/58 where the weights before
// (vector 1.5, cited before 0.25, dated 0.5, ≥ 2: orderDecision) answer
// 222/236 and decline 50/58; the procedure cross-validated answers
// 225/236 and declines 48/58 (3% bar: 227/236, 45/58). Taken, with the
// ordering's floor kept on the weights it was measured with
// (orderDecision). Through readout eval (--data /tmp/wh8; main 75f1f76 →
// this): eval/dev.jsonl out of scope declined 22/23 → 23/23
// ("unemployment rate in the may 2019 jobs report?"), answer-contains
// 85/102 unchanged; eval/fresh.jsonl out of scope 9/9 → 8/9 (Ukraine's
// incursion into Kursk "in 2022", answered from a January 2022 briefing
// on a Russian incursion, 2.355); decision probes wrongly declined 1/5 →
// 0/5; channel wrongly declined 6 → 5 but answer-contains 0.70 → 0.68
// (the 10% import duty's 150 days answered, but its follow-up "when does
// it kick in" then avoids the February 24 the answer before quoted, and
// "who joked … the hatch act" is answered without the name);
// independent wrongly declined 3 → 2, answer-contains 0.56 → 0.58.
//
// Fitted again (main 7ef69e4, since undone) on 413 questions: eval/dev.jsonl
// and the public, fresh, probe, channel, independent and street
// development questions (342 answerable, 71 out of scope), the narrowed
// signal in the grid, on an index of main 5dbb53a:
//
//	READOUT_SWEEP=1 READOUT_SWEEP_NARROWED=1 READOUT_PUBLIC_EVAL=<those files, one jsonl> \
//		READOUT_DEV_INDEX=/tmp/wh13 go test -count=1 -run 'MeasureDecision$' -v -timeout 0 ./answer
//
// The first of the ranking at the 5% bar, coverage 1 + vector 0.5 + word
// pairs 0.5 + cited before 0.5 + figure 0.5 + dated 0.5 + attribute 1 +
// place 0.5 + narrowed 0.2 ≥ 1.85, answered 327/342 and declined 66/71
// (cross-validated 326/342, 61/71); through readout eval on the six
// development sets out of scope declined 60/69 → 64/69 and wrong
// declines 12/333 alike. On a set written afterwards by someone who saw
// none of the code (eval/discord.jsonl, 45 answerable, 9 out of scope)
// it declined no more out-of-scope questions (7/9 both) and two more
// answerable ones (5/45 → 7/45: two comparisons whose vector similarity
// the halved weight no longer counted), so it was not taken.
//
// The same sweep with the head signal in the grid too (READOUT_SWEEP_HEAD=1,
// main 9103804, index /tmp/wh13) chooses, the first of the ranking at the
// 5% bar: coverage 1 + vector 1 + word pairs 0.5 + cited before 0.5 +
// figure 0.5 + dated 1 + attribute 1 + place 0.5 + head 0.5 + narrowed
// 0.2 ≥ 2.45, answering 325/342 and declining 68/71 (cross-validated
// 325/342 and 63/71), in use in 84ec650. Through readout eval on the six
// development sets, against coverage 1 + vector 1 + word pairs 0.25 +
// cited before 0.5 + figure 0.5 + dated 1 + attribute 1 + place 0.5 ≥
// 2.35 before: out of scope declined 60/69 → 66/69 (the Lagos building
// collapse, the Mongolian elections, the Texas chemical plant explosion,
// Kursk in 2022, the dog of the bin Laden raid, Rahul Gupta's Senate
// vote), wrong declines 12/333 → 11/333, answer-contains 239 → 237/318,
// the dev follow-up turns 16/20 → 18/20; on eval/discord.jsonl, written
// after the weights before were chosen and not in the sweep, out of scope
// 7/9 → 7/9, wrong declines 5/45 → 4/45, answer-contains 28/45 alike.
// On a second set written afterwards (eval/server.jsonl, 29 answerable, 6
// out of scope) out of scope 3/6 alike, wrong declines 5/29 → 6/29,
// answer-contains 20/29 → 19/29. On the 74 answerable and 15 out-of-scope
// questions of the two sets no sweep saw, the two are even (10/15
// declined and 10/74 wrongly declined each; answer-contains 48/74
// before, 47/74 with the head): the gains on the swept questions did not
// carry over. The weights before
// stay, as they weigh fewer signals and read no head of every passage
// (the warm chat turn 1.3× with it). (The held-out sets, run for
// session 26's summaries with the head weighed, said the same: frozen out
// of scope 5/7 → 4/7, channel-frozen 3/4 → 2/4.)
//
// Measured again on all nine development sets (main dec5c3c, 449
// answerable and 93 out of scope; no held-out file), holding out one
// writer's set at a time rather than five folds dealt across them, so
// that each set's count is of weights chosen on other writers' questions:
//
//	READOUT_SWEEP=1 READOUT_FOLD_BY_SET=1 READOUT_DEV_INDEX=<index> \
//		READOUT_DEV_SETS=dev,fresh,probes,channel,independent,street,discord,server,lounge \
//		go test -count=1 -run 'MeasureDecision$' -v -timeout 0 ./answer
//
// These weights answer 426/449 and decline 73/93 (the pipeline itself,
// with its constraints' fallbacks, 425/449 and 73/93). The sweep's first
// at the 5% bar (coverage 1 + distinctive words 0.25 + vector 2 + names
// 0.25 + cited before 0.5 + figure 0.5 + dated 1 + attribute 1 + place
// 0.5 ≥ 2.9) answers 428/449 and declines 73/93 on all of them; held out
// by set, 422/449 and 70/93 (3% bar: 430/449, 62/93). No weighing of
// these signals carries over to another writer's questions better than
// the one in use, which stays. Of the 20 out-of-scope questions it
// answers, 16 (read one by one) name a subject the record holds and ask
// a detail it never gives (the women among West Point's 2025 graduates,
// the gift Nausėda gave, the Senate's vote on Lina Khan): their best
// passage gives a value of the asked kind beside the subject's words, so
// the typed signal, read of any passage retrieved, is 1 for all but 1 of
// them, and 0 for 2 of the 449 answerable ones.
//
// The unvalued penalty (a passage giving neither the figure asked nor any
// number beside the question's subject cannot answer "how many"; a gate,
// where the other weights add) weighs 1, more than any passage's lead
// over the threshold: on the same nine sets (main ab56ae2, index of main
// 4e65224) it declines one more out-of-scope question (73/93 → 74/93:
// the toll of the Kerala landslides, asked of a condolence statement
// that gives none) and answers the same 425/449 (426/449 of the weights
// alone). A follow-up on a document the conversation cited is exempt
// (continued): "what price was the cap set at", asked after an answer
// quoting the price cap's announcement, was the one answerable question
// whose best passage it would have declined.
//
// Measured again with the document's title in the sweep
// (READOUT_SWEEP_TITLE=1, READOUT_FOLD_BY_SET=1) on fourteen development
// sets (the nine above, hall, yard, quay, pier and dock; main 9899776,
// index of 16abe11; 706 answerable, 134 out of scope): these weights answer
// 656/706 and decline 98/134. The sweep's first at the 5% bar (vector
// 1.5, names 0.25, figure 1, place 1, title 1 ≥ 3.2) answers 671/706 and
// declines 97/134 on all of them, but held out by set 661/706 and 88/134:
// five more answered for ten more out-of-scope questions answered. These
// weights stay.
var defaultDecision = decisionWeights{coverage: 1, vector: 1, phrases: 0.25, continued: 0.5, figure: 0.5, dated: 1, attribute: 1, place: 0.5, unvalued: 1, threshold: 2.35}

// orderDecision are the weights a "first"/"last" ordering scores passages
// with when the decision uses defaultDecision: the weights OrderFloor was
// measured with (defaultDecision before its refit above). The floor is a
// share of the best passage's score, and the refit's weights, with more
// of every score in signals most passages hold (dated 1, vector 1),
// bring a passing mention nearer the best: "when did biden first call
// putin a war criminal" answered from a 2021 mention of Putin with them.
var orderDecision = decisionWeights{coverage: 1, vector: 1.5, phrases: 0.25, continued: 0.25, figure: 0.5, dated: 0.5, attribute: 1, place: 0.5, threshold: 2}

// wordsOnlyDecision are the weights in use when the question could not be
// embedded (the embedding server down: retrieval.Hit.QueryVectorErr) and
// retrieval ranked by words only: no passage has a vector similarity, and
// counting it as 0 declined every question. Measured by the same sweep
// and cross-validation with the question's embedding failing (main
// e4d1401, index of main a3944e6; the vector weight then changes nothing):
//
//	READOUT_WORDS_ONLY=1 READOUT_PUBLIC_EVAL=../shared/eval/public.jsonl READOUT_DEV_INDEX=/tmp/wh \
//		READOUT_SWEEP=1 go test -run MeasureDecision -v ./answer
//
// Chosen on all questions (at most 5% declined): coverage 1 + named
// people present 0.25 + word pairs 0.5 + figure 0.5 + 1/word rank 0.25 ≥
// 1.6 answers 120/126 and declines 18/25 out of scope; cross-validated
// 118/126 and 14/25 (the default weights with the vector at 0 decline all
// but 4 of the out-of-scope ones and, before this, every question).
// Cited before ties at 0–0.5 and keeps 0.25 for follow-ups, as above.
var wordsOnlyDecision = decisionWeights{coverage: 1, names: 0.25, phrases: 0.5, continued: 0.25, figure: 0.5, lexical: 0.25, threshold: 1.6}

// embedderDecisions are the weights in use with an embedded embedder other
// than the hash one, by the embedder's name (retrieval.Embedder.Name): its
// cosines sit in another range than the hash embedder's, so
// defaultDecision's vector weight and threshold do not carry over (with
// them, hash+static declined 16/25 out-of-scope questions against the
// hash embedder's 22/25). A name not listed, such as a newer table's,
// falls back to defaultDecision until it is measured.
//
// hash+static (retrieval.NewHashStatic; table static-use-lite-v2),
// measured by the same sweep and cross-validation as defaultDecision on an
// index of main da3afb4 plus the static embedder's speed-up, built with
// READOUT_BUILTIN=hash+static (EVALUATION.md, "Embedded embedders"):
//
//	READOUT_DEV_EMBEDDER=hash+static READOUT_PUBLIC_EVAL=../shared/eval/public.jsonl \
//		READOUT_DEV_INDEX=/tmp/wh-hs READOUT_SWEEP=1 go test -run MeasureDecision -v ./answer
//
// Chosen on all questions (at most 5% declined, and at 3% alike; the
// first of the ranking): coverage 1 + vector 1 + cited before 0.5 +
// figure 0.5 + dated 1 ≥ 2.4 answers 123/126 and declines 23/25;
// cross-validated 121/126 and 20/25 (four folds of five chose these
// weights, cited before 0 or 0.5). The hash embedder's index, same code
// and sweep: defaultDecision chosen again, 122/126 and 23/25;
// cross-validated 119/126 and 19/25. On main c9439db (coverage in the
// fused score) these weights answer 124/126 and decline 23/25, tied
// first with cited before 0.25; cross-validated 122/126 and 19/25. The
// stemmer's -eed forms ("agreed" meets "agree", builtin-hash-v5) left the
// measure unchanged: dev + public + probes answered 129/131, declined
// 31/40, with v4 and v5 alike (MeasureDecision, READOUT_DEV_EMBEDDER).
// v6 (irregular plurals: "children" meets "child") is taken as v5, not
// measured again: three words' terms changed.
var embedderDecisions = map[string]decisionWeights{
	"builtin-hash-v6-384+static-use-lite-v2-256@0.50": {coverage: 1, vector: 1, continued: 0.5, figure: 0.5, dated: 1, threshold: 2.4},
}

// decide says whether the hits answer the question. Without a chat model
// the measured signals decide; with one, the model reads the passages and
// decides, and only a retrieval that holds none of the question's words
// declines without it.
func (p *Pipeline) decide(c Constraints, hits []retrieval.Hit, prev map[string]bool) Decision {
	w := p.weights(hits)
	d := Decision{By: "signals", Threshold: w.threshold}
	if len(hits) == 0 {
		d.By, d.Reason = "empty", "nothing was retrieved"
		return d
	}
	if wordsOnly(hits) {
		d.By = "signals, words only"
	}
	cache := map[string]map[string]bool{}
	names := questionNames(c, hits)
	d.Names = names
	best, bestScore, bestCov := 0, -1.0, 0.0
	head, syns := askedHead(c, names)
	holdsPlaces := perDocument(func(d *corpus.Document) bool { return docHoldsPlaces(d, c.Places) })
	var bs hitSignals
	unvalued, unvaluedID, figured := -1.0, "", false
	for i, h := range hits {
		s := signalsOf(c, names, h, i+1, hits, cache)
		if w.head != 0 {
			s.head = headShown(head, syns, h, hits, cache)
		}
		s.setContinued(citedBefore(h, prev), holdsPlaces, h.Doc)
		sc := w.score(s)
		if sc > bestScore {
			best, bestScore, bs = i, sc, s
		}
		if u := s.unvalued(); u == 0 {
			figured = true
		} else if without := sc + w.unvalued; without >= w.threshold && without > unvalued {
			unvalued, unvaluedID = without, h.Chunk.ID
		}
		bestCov = max(bestCov, h.Coverage)
	}
	d.Score, d.Best = bestScore, hits[best].Chunk.ID
	bs.title = titleShare(hits[best])
	if bs.continued == 0 {
		bs.head = headShown(head, syns, hits[best], hits, cache)
		d.Head = head
	}
	d.Signals = []Signal{
		{Name: "coverage", Value: bs.coverage, Weight: w.coverage},
		{Name: "distinctive words found", Value: bs.distinct, Weight: w.distinct},
		{Name: "vector similarity", Value: bs.vector, Weight: w.vector},
		{Name: "named people present", Value: bs.names, Weight: w.names},
		{Name: "question's word pairs found together", Value: bs.phrases, Weight: w.phrases},
		{Name: "document cited by the answer followed up", Value: bs.continued, Weight: w.continued},
		{Name: "the figure asked for given", Value: bs.figure, Weight: w.figure},
		{Name: "an answer of the type asked for given", Value: bs.typed, Weight: w.typed},
		{Name: "no value given for the figure asked", Value: bs.unvalued(), Weight: -w.unvalued},
		{Name: "the dates the question names held", Value: bs.dated, Weight: w.dated},
		{Name: "the attribute asked for held with its subject", Value: bs.attribute, Weight: w.attribute},
		{Name: "the places the question names held", Value: bs.place, Weight: w.place},
		{Name: "the head of what the question asks about held", Value: bs.head, Weight: w.head},
		{Name: "the question's period narrowed the search", Value: bs.narrowed, Weight: w.narrowed},
		{Name: "coverage ahead of other documents' passages", Value: bs.lead, Weight: w.lead},
		{Name: "the question's words in the document's title", Value: bs.title, Weight: w.title},
		{Name: "1/word rank", Value: bs.lexical, Weight: w.lexical},
		{Name: "1/fused rank", Value: bs.fused, Weight: w.fused},
		{Name: "fused rank", Value: float64(bs.rank)},
	}
	if p.Chat != nil {
		if bestCov == 0 {
			d.By, d.Reason = "empty", "no retrieved passage holds any of the question's words"
			return d
		}
		d.Answer, d.By, d.Reason = true, "model", "the model reads the passages and says whether they answer"
		return d
	}
	d.Answer = bestScore >= w.threshold
	if !d.Answer && !figured {
		// No passage gives the figure asked, and one would answer but for
		// that: the record speaks of the subject without it.
		d.Unvalued = unvaluedID
	}
	// The passages weighed are those left after the question's own
	// filters (a speaker's own words, a period), which may be fewer or
	// ordered otherwise than the passages --explain lists: the place is
	// given among the weighed ones, and the passage by its ID.
	place := fmt.Sprintf("%s (%d of the %d passages weighed)", hits[best].Chunk.ID, best+1, len(hits))
	if d.Answer {
		d.Reason = fmt.Sprintf("passage %s scores %.3f ≥ %.3f", place, bestScore, w.threshold)
	} else {
		d.Reason = fmt.Sprintf("the best passage, %s, scores %.3f < %.3f", place, bestScore, w.threshold)
	}
	return d
}

// covers reports whether one hit, alone, would make the question
// answerable: the same rule as decide, for ordering and counting.
func (p *Pipeline) covers(c Constraints, h retrieval.Hit, hits []retrieval.Hit) bool {
	w := p.weights(hits)
	return w.score(signalsOf(c, questionNames(c, hits), h, 1, hits, map[string]map[string]bool{})) >= w.threshold
}

// weights are the decision's weights for hits: a test's own, the
// words-only ones when the question could not be embedded, else those
// measured for the index's embedder.
func (p *Pipeline) weights(hits []retrieval.Hit) decisionWeights {
	switch {
	case p.decision != nil:
		return *p.decision
	case wordsOnly(hits):
		return wordsOnlyDecision
	}
	if ix, ok := p.Index.(interface{ Embedder() retrieval.Embedder }); ok {
		if w, ok := embedderDecisions[ix.Embedder().Name()]; ok {
			return w
		}
	}
	return defaultDecision
}

// orderWeights are the weights an ordering scores hits with: those of the
// decision, but orderDecision in place of defaultDecision when no weights
// were set (Pipeline.decision).
func (p *Pipeline) orderWeights(hits []retrieval.Hit) decisionWeights {
	if w := p.weights(hits); p.decision != nil || w != defaultDecision {
		return w
	}
	return orderDecision
}

// wordsOnly reports whether hits were ranked without the question's
// vector, its embedding having failed.
func wordsOnly(hits []retrieval.Hit) bool {
	return embedFailure(hits) != nil
}

// embedFailure is why the question of hits could not be embedded, nil
// when it was.
func embedFailure(hits []retrieval.Hit) error {
	for _, h := range hits {
		if h.QueryVectorErr != nil {
			return h.QueryVectorErr
		}
	}
	return nil
}

// phraseShare measures hitSignals.phrases.
func phraseShare(question string, h retrieval.Hit) float64 {
	weight := make(map[string]float64, len(h.Terms))
	for _, t := range h.Terms {
		weight[t.Term] = t.Weight
	}
	q := text.Terms(question)
	type pair struct{ a, b string }
	var pairs []pair
	for i := 0; i+1 < len(q); i++ {
		if q[i] != q[i+1] && weight[q[i]] > 0 && weight[q[i+1]] > 0 {
			pairs = append(pairs, pair{q[i], q[i+1]})
		}
	}
	if len(pairs) == 0 {
		return 1
	}
	pos := map[string][]int{}
	for i, t := range text.Terms(h.Chunk.Text) {
		if weight[t] > 0 {
			pos[t] = append(pos[t], i)
		}
	}
	near := func(a, b []int) bool {
		for _, x := range a {
			for _, y := range b {
				if x-y <= phraseWindow && y-x <= phraseWindow {
					return true
				}
			}
		}
		return false
	}
	var got, total float64
	for _, p := range pairs {
		w := min(weight[p.a], weight[p.b])
		total += w
		if near(pos[p.a], pos[p.b]) {
			got += w
		}
	}
	return got / total
}

// questionNames are the index terms of the names a question asks about,
// as the record knows them: the record's people the question names, and
// the question's words that the retrieved passages write as names, with a
// capital inside a sentence at least nameShare of the times they use them
// ("Azerbaijan", "Stepanakert"; not "American" if the record writes
// "american-made", nor a word that only opens the question). A month or
// a weekday is written with a capital but names a date, which the
// passage's date holds as well as its words (the dates signal): "What
// duty did Trump put on every country in April 2025" is not missing a
// name from the fact sheet of 2025-04-02 that never writes "April".
func questionNames(c Constraints, hits []retrieval.Hit) []string {
	var out []string
	seen := map[string]bool{}
	add := func(t string) {
		if t != "" && !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	for _, p := range c.Named {
		for _, t := range text.Terms(p.Filter) {
			add(t)
		}
	}
	if c.Speaker != nil {
		// The speaker filter holds the speaker; their name is no sign of
		// the subject.
		for _, t := range text.Terms(c.Speaker.Filter) {
			seen[t] = true
		}
	}
	want := map[string]bool{}
	for _, t := range text.Terms(c.Search) {
		if !seen[t] && !text.IsCalendarWord(t) {
			want[t] = true
		}
	}
	capital, all := map[string]int{}, map[string]int{}
	done := map[string]bool{}
	for _, h := range hits {
		if done[h.Chunk.ID] {
			continue
		}
		done[h.Chunk.ID] = true
		body := h.Chunk.Text
		for _, tok := range text.Tokens(body) {
			ts := text.Terms(body[tok.Start:tok.End])
			if len(ts) != 1 || !want[ts[0]] {
				continue
			}
			all[ts[0]]++
			if unicode.IsUpper(firstRune(body[tok.Start:])) && !sentenceStart(body, tok.Start) {
				capital[ts[0]]++
			}
		}
	}
	for _, t := range text.Terms(c.Search) {
		if want[t] && all[t] >= minNameUses && float64(capital[t]) >= nameShare*float64(all[t]) {
			add(t)
		}
	}
	return out
}

// A word is a name in the record when the retrieved passages use it at
// least minNameUses times, with a capital inside a sentence at least
// nameShare of them.
const (
	minNameUses = 2
	nameShare   = 0.8
)

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

// sentenceStart reports whether the word at i opens a sentence, a line or
// a quotation: its capital says nothing.
func sentenceStart(s string, i int) bool {
	j := i
	for j > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:j])
		switch {
		case r == ' ' || r == '\t':
			j -= size
			continue
		case strings.ContainsRune(".!?:\n\"“‘'(—–-", r):
			return true
		}
		return false
	}
	return true
}

// citedBefore is 1 when the hit's document is among prev (IDs and URLs
// of the documents an earlier answer cited), else 0. Titles do not count:
// a briefing's title recurs on every briefing of the same people.
func citedBefore(h retrieval.Hit, prev map[string]bool) float64 {
	if h.Doc != nil && (prev[h.Doc.ID] || (h.Doc.URL != "" && prev[h.Doc.URL])) {
		return 1
	}
	return 0
}

// personRe: a name of two or more capitalised words ("Prime Minister
// Pashinyan", "Jake Sullivan"), for typedShown.
var personRe = regexp.MustCompile(`\b[A-Z][a-z'’-]+(?: [A-Z]\.)?(?: [A-Z][a-z'’-]+)+`)

// typedShown measures hitSignals.typed. Only a number and a person are
// looked for: every passage's document has a date, which answers "when",
// and the record names places in too many ways ("in Brussels") to tell
// one that answers "where"; a question asking who said something is
// answered by a speaker, not a name in the text.
func typedShown(c Constraints, h retrieval.Hit) float64 {
	switch c.Want {
	case WantNumber:
	case WantPerson:
		if c.Speaker != nil || c.SpeakerAsked != "" {
			return 1
		}
		for _, tk := range text.Tokens(c.Search) {
			if text.IsAskVerb(strings.ToLower(tk.Word)) {
				return 1
			}
		}
	default:
		return 1
	}
	subject := distinctFound(h)
	if len(subject) == 0 {
		return 0
	}
	body := h.Chunk.Text
	sents := text.Sentences(body)
	about := make([]bool, len(sents))
	for i, sp := range sents {
		about[i] = slices.ContainsFunc(text.Terms(body[sp[0]:sp[1]]), func(t string) bool { return subject[t] })
	}
	for i, sp := range sents {
		// The answer stands in a sentence on the subject or next to one.
		near := about[i] || i > 0 && about[i-1] || i+1 < len(sents) && about[i+1]
		if !near || asking(h, sp[0]) {
			continue
		}
		sentence := body[sp[0]:sp[1]]
		if c.Want == WantNumber {
			if holdsFigure(dateRe.ReplaceAllString(sentence, "")) {
				return 1
			}
			continue
		}
		for _, m := range personRe.FindAllStringIndex(sentence, -1) {
			if !sentenceStart(sentence, m[0]) || len(strings.Fields(sentence[m[0]:m[1]])) > 2 {
				return 1
			}
		}
	}
	return 0
}

// distinctFound returns those of the question's distinctWords
// highest-weighted words that the passage holds.
func distinctFound(h retrieval.Hit) map[string]bool {
	terms := slices.Clone(h.Terms)
	slices.SortStableFunc(terms, func(a, b retrieval.TermMatch) int { return cmp.Compare(b.Weight, a.Weight) })
	found := map[string]bool{}
	for _, t := range terms[:min(distinctWords, len(terms))] {
		if t.Found {
			found[t.Term] = true
		}
	}
	return found
}

// placeShown measures hitSignals.place: the passage's words, its
// neighbours' among the hits and its document's title are searched.
func placeShown(c Constraints, h retrieval.Hit, hits []retrieval.Hit) float64 {
	if len(c.Places) == 0 {
		return 1
	}
	held := 0
	for _, p := range c.Places {
		found := h.Doc != nil && text.HoldsPlace(h.Doc.Title, p)
		for _, o := range hits {
			if found {
				break
			}
			if o.Chunk.DocID == h.Chunk.DocID && o.Chunk.Index >= h.Chunk.Index-1 && o.Chunk.Index <= h.Chunk.Index+1 {
				found = text.HoldsPlace(o.Chunk.Text, p)
			}
		}
		if found {
			held++
		}
	}
	return float64(held) / float64(len(c.Places))
}

// askedHead is the head of what the question asks about
// (questionObject), "" when it has none, and the head's synonyms. names
// are the question's names (questionNames): a name is no head ("what did
// they say about zelenskyy" asks about him, whom the names signal looks
// for).
func askedHead(c Constraints, names []string) (string, []string) {
	named := nameTerms(termSet(names), c.Named...)
	if c.Speaker != nil {
		named = nameTerms(named, c.Speaker)
	}
	_, _, head := questionObject(c.Search, named)
	if head == "" {
		return "", nil
	}
	return head, text.TermSynonyms(c.Search)[head]
}

// headShown measures hitSignals.head of a hit for the question's head
// and its synonyms (askedHead).
func headShown(head string, syns []string, h retrieval.Hit, hits []retrieval.Hit, cache map[string]map[string]bool) float64 {
	if head == "" {
		return 1
	}
	set := nearTerms(h, hits, cache)
	if set[head] || slices.ContainsFunc(syns, func(t string) bool { return set[t] }) {
		return 1
	}
	return 0
}

// figureShown measures hitSignals.figure.
func figureShown(c Constraints, h retrieval.Hit) float64 {
	if c.Want != WantNumber {
		return 1
	}
	f, ok := figureOf(c.Search)
	if !ok {
		return 1
	}
	body := h.Chunk.Text
	for _, sp := range text.Sentences(body) {
		if f.heldBy(body[sp[0]:sp[1]]) && !asking(h, sp[0]) {
			return 1
		}
	}
	return 0
}

// asking reports whether the passage's byte at offset is in a reporter's
// (or moderator's) turn: a figure a reporter's question gives ("thousands
// of refugees are leaving") is no figure the record states. Measured on
// dev (main a3944e6, fusion k 60 with vectors at 0.25): "how many refugees
// from karabakh were in armenia by december 2023" (out of scope) was
// answered from a briefing whose only figure is in the question put to the
// press secretary.
func asking(h retrieval.Hit, offset int) bool {
	if h.Doc == nil {
		return false
	}
	t, ok := h.Doc.TurnAt(h.Chunk.Start + offset)
	return ok && (t.Role == corpus.RoleReporter || t.Role == corpus.RoleModerator)
}

// datesShown measures hitSignals.dated.
func datesShown(c Constraints, h retrieval.Hit) float64 {
	if len(c.Dates) == 0 {
		return 1
	}
	src := h.Chunk.Text
	var on time.Time
	if h.Doc != nil {
		src = h.Doc.Title + "\n" + src
		on = statedOn(h)
	}
	pd := datesIn(src)
	for _, d := range c.Dates {
		if pd.holds(d, on) {
			return 1
		}
	}
	return 0
}

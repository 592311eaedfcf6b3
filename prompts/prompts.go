// Package prompts renders the prompts readout sends to a chat model: the
// system prompt, the answer prompt with its numbered passages, and the
// follow-up condensation prompt. The wording lives in the *.tmpl files
// beside this one (text/template, embedded at build time) so a maintainer
// can change it without touching Go.
//
// Passages and conversation text are untrusted: they are wrapped in markers
// that carry a random per-request nonce, and anything inside them that
// could pass for a marker or a chat-template control token is neutralised,
// so a document cannot close its passage early and speak as the system.
package prompts

import (
	"bytes"
	"crypto/rand"
	"embed"
	"encoding/hex"
	"fmt"
	"strings"
	"text/template"
	"unicode/utf8"
)

//go:embed *.tmpl
var files embed.FS

var tmpl = template.Must(template.New("prompts").Funcs(template.FuncMap{
	"join": strings.Join,
}).ParseFS(files, "*.tmpl"))

// Passage is one numbered passage of the answer prompt.
type Passage struct {
	// N is the number the model cites as [N].
	N        int
	Doc      string
	Title    string
	Outlet   string
	Date     string // YYYY-MM-DD, or "" when unknown
	URL      string
	Speakers []string
	// Turns say who speaks where in Text, in order: each the first words
	// of a turn and its speaker ("Jen Psaki, Press Secretary,
	// 2021-02-04", "a reporter's question"), so that the model attributes
	// a quotation to the turn it comes from.
	Turns []Turn
	Text  string
}

// Turn is one speaker's stretch of a passage: its opening words and who
// speaks them.
type Turn struct {
	Opening string
	Who     string
}

// Exchange is one earlier question and answer of a conversation.
type Exchange struct {
	Question string
	Answer   string
}

// Limits on the conversation a condensation prompt carries: the newest
// exchanges matter most, and long answers would crowd out the question.
const (
	MaxHistory       = 4
	MaxHistoryAnswer = 600 // runes per earlier answer
)

// System renders the system prompt. coverageFrom and coverageTo are the
// first and last dates of the record (YYYY-MM-DD; "" is shown as
// "unknown"), docs its number of documents.
func System(coverageFrom, coverageTo string, docs int) (string, error) {
	if coverageFrom == "" {
		coverageFrom = "an unknown date"
	}
	if coverageTo == "" {
		coverageTo = "an unknown date"
	}
	return render("system.tmpl", map[string]any{
		"CoverageFrom": oneLine(coverageFrom),
		"CoverageTo":   oneLine(coverageTo),
		"Docs":         docs,
	})
}

// Answer renders the user prompt: the question, then the passages, each
// between an opening and a closing marker that contain a fresh random
// nonce, so no text in a document can forge them.
func Answer(question string, passages []Passage) (string, error) {
	m, err := newMarkers()
	if err != nil {
		return "", err
	}
	safe := make([]Passage, len(passages))
	for i, p := range passages {
		safe[i] = Passage{
			N:      p.N,
			Doc:    m.line(p.Doc),
			Title:  m.line(p.Title),
			Outlet: m.line(p.Outlet),
			Date:   m.line(p.Date),
			URL:    m.line(p.URL),
			Text:   strings.TrimSpace(m.neutralise(p.Text)),
		}
		for _, s := range p.Speakers {
			safe[i].Speakers = append(safe[i].Speakers, m.line(s))
		}
		for _, t := range p.Turns {
			safe[i].Turns = append(safe[i].Turns, Turn{Opening: m.line(t.Opening), Who: m.line(t.Who)})
		}
	}
	return render("answer.tmpl", map[string]any{
		"Question": m.line(question),
		"Passages": safe,
		"Open":     m.open,
		"Close":    m.close,
	})
}

// Condense renders the prompt that asks the model to rewrite followUp as a
// standalone question, given the conversation so far (oldest first; only
// the last MaxHistory exchanges are kept, answers shortened).
func Condense(history []Exchange, followUp string) (string, error) {
	m, err := newMarkers()
	if err != nil {
		return "", err
	}
	if len(history) > MaxHistory {
		history = history[len(history)-MaxHistory:]
	}
	safe := make([]Exchange, len(history))
	for i, h := range history {
		safe[i] = Exchange{Question: m.line(h.Question), Answer: m.line(truncate(h.Answer, MaxHistoryAnswer))}
	}
	return render("condense.tmpl", map[string]any{
		"History":  safe,
		"FollowUp": m.line(followUp),
		"Open":     m.open,
		"Close":    m.close,
	})
}

func render(name string, data any) (string, error) {
	var b bytes.Buffer
	if err := tmpl.ExecuteTemplate(&b, name, data); err != nil {
		return "", fmt.Errorf("render prompt %s: %w", name, err)
	}
	return b.String(), nil
}

// markers are one request's delimiters.
type markers struct {
	nonce, open, close string
	r                  *strings.Replacer
}

func newMarkers() (*markers, error) {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		return nil, fmt.Errorf("prompt nonce: %w", err)
	}
	nonce := hex.EncodeToString(b[:])
	m := &markers{
		nonce: nonce,
		open:  "<<<PASSAGE " + nonce + ">>>",
		close: "<<<END PASSAGE " + nonce + ">>>",
	}
	// The nonce is unguessable, but the marker shape is public: turn any
	// triple angle bracket into look-alikes so a document cannot even write
	// something resembling a marker, and break chat-template control tokens
	// (<|im_start|>, <|system|> …) that a local server might tokenise as
	// real role switches.
	m.r = strings.NewReplacer(
		nonce, "[removed]",
		"<<<", "‹‹‹",
		">>>", "›››",
		"<|", "‹|",
		"|>", "|›",
	)
	return m, nil
}

// neutralise makes untrusted text safe to place between markers.
func (m *markers) neutralise(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	// One pass is enough: no replacement emits '<', '>' or '|'-pairs.
	return m.r.Replace(s)
}

// line neutralises s and folds it onto one line, for metadata fields and
// questions, which must not start lines of their own.
func (m *markers) line(s string) string {
	return oneLine(m.neutralise(s))
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}

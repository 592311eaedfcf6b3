// Package answer is the question-answering pipeline: condense a follow-up into
// a standalone question, retrieve passages, prompt an OpenAI-compatible chat
// model (streamed), parse [n] citations, verify every quotation against the
// cited passage, and return an Answer. Without a chat model, or when the
// model fails, it composes an extractive answer of verbatim, cited sentences.
package answer

import (
	"context"
	"time"

	"github.com/readout/readout/retrieval"
)

// Mode says how an answer was made.
type Mode string

// The answer modes.
const (
	ModeGenerated  Mode = "generated"
	ModeExtractive Mode = "extractive"
	ModeDeclined   Mode = "declined"
)

// Answer is the pipeline's result. Its JSON form is the CLI's --json output.
type Answer struct {
	Question string `json:"question"`
	// Standalone is the question actually searched for: the follow-up
	// rewritten with the conversation in mind (empty when unchanged).
	Standalone string     `json:"standalone,omitempty"`
	Text       string     `json:"answer"`
	Mode       Mode       `json:"mode"`
	Citations  []Citation `json:"citations"`
	Warnings   []string   `json:"warnings"`
	Snapshot   string     `json:"snapshot"`
	// Quotes counts the answer's quotations and what verification did to
	// them (omitted from JSON when the answer quotes nothing).
	Quotes QuoteStats `json:"quotes,omitzero"`
	// Explain says why the answer is what it is; filled when
	// Pipeline.Explain is set.
	Explain *Explanation `json:"explain,omitempty"`
}

// Citation is one numbered source of an answer; N matches the [N] markers
// in Answer.Text.
type Citation struct {
	N        int      `json:"n"`
	Doc      string   `json:"doc"`
	Title    string   `json:"title"`
	Outlet   string   `json:"outlet"`
	Date     string   `json:"date"`
	URL      string   `json:"url"`
	Speakers []string `json:"speakers"`
	Passage  string   `json:"passage"`
	Start    int      `json:"start"`
	End      int      `json:"end"`
}

// Turn is one earlier exchange of a conversation: what was asked, and
// what the answer said and cited, so that a follow-up can refer to its
// speakers, statements, dates and documents.
type Turn struct {
	Question string
	// Standalone is the question as it was searched (empty when unchanged).
	Standalone string
	Answer     string
	// Citations are the answer's sources; a conversation rebuilt from
	// messages may know only some of their fields.
	Citations []Citation
}

// Message is one chat message sent to a model.
type Message struct {
	Role    string // "system", "user" or "assistant"
	Content string
}

// ChatModel completes a conversation. Implementations stream: onDelta, when
// not nil, receives each piece of text as it arrives. A completion that ends
// without a finish reason is an error, not an answer.
type ChatModel interface {
	Name() string
	Complete(ctx context.Context, msgs []Message, onDelta func(string)) (string, error)
}

// Retriever is what the pipeline needs of the index.
type Retriever interface {
	Search(ctx context.Context, query string, opts retrieval.SearchOptions) ([]retrieval.Hit, error)
	// Coverage is the period the record covers and its document count.
	Coverage() (first, last time.Time, docs int)
	// SnapshotID identifies the index state answers were drawn from.
	SnapshotID() string
}

// TurnOf is the turn an answer adds to its conversation.
func TurnOf(a *Answer) Turn {
	return Turn{Question: a.Question, Standalone: a.Standalone, Answer: a.Text, Citations: a.Citations}
}

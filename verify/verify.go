// Package verify checks a claimed quotation against the record: did the
// record's speaker say these words, when, and where? It finds candidate
// passages with the lexical index, aligns the claim's words with each
// candidate's statement word by word, and gives one Verdict with the
// record's words, a word-level diff, the speaker, the date, the citation
// and the sentences around the words.
//
// Words are compared after folding (text.Tokens: case, quote marks and
// apostrophes, dashes, white space, punctuation, diacritics), with British
// and American spellings joined (text.SpellingKey) and a hyphenated word
// equal to its two halves written together ("co-operate", "cooperate").
// An ellipsis ("…", "...") in the claim stands for omitted words; a claim
// joining sentences of one statement that are apart in the record is found
// as such (Result.Joined).
//
// A quotation is attributed to the speaker of the turn it comes from
// (corpus.Turn): words a reporter asked and the official did not repeat
// are a question, never the official's words.
package verify

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/readout/readout/internal/safetext"
	"github.com/readout/readout/retrieval"
	"github.com/readout/readout/text"
)

// Claim is a quotation to check.
type Claim struct {
	Text    string    // the claimed words; "…" or "..." stands for omitted words
	Speaker string    // optional: who the claim says spoke them
	Since   time.Time // optional claimed period (zero = open)
	Until   time.Time
}

// Verdict is the outcome of a check.
type Verdict string

// The verdicts.
const (
	// Exact: the words are the record's, in order, after folding; omitted
	// words marked with an ellipsis, or whole sentences of the same
	// statement joined (Joined), are allowed.
	Exact Verdict = "exact"
	// Close: the record has nearly these words; Diff shows the differences
	// and Changes names those that change the meaning.
	Close Verdict = "close"
	// OtherSpeaker: the words (exactly or closely) are the record's, but
	// spoken by someone other than the claimed speaker.
	OtherSpeaker Verdict = "other-speaker"
	// OtherDate: the words are the record's, but said outside the claimed
	// period.
	OtherDate Verdict = "other-date"
	// QuestionOnly: the words are a reporter's question or a moderator's
	// line, which no official repeated.
	QuestionOnly Verdict = "question-only"
	// NotFound: nothing in the record is close enough; Covers and Nearest
	// say what the record holds.
	NotFound Verdict = "not-found"
)

// DiffOp is one step of the word-level difference between the claim and
// the record's words, in reading order. Op is "same" (both have the
// words), "add" (the claim adds words the record does not have: Claimed),
// "drop" (the claim leaves out words of the record: Record) or "change"
// (the claim has Claimed where the record has Record). Omitted words the
// claim marks with an ellipsis, and sentences a joined claim leaves out,
// are a "same" op whose Record is "…".
type DiffOp struct {
	Op      string `json:"op"`
	Claimed string `json:"claimed,omitempty"`
	Record  string `json:"record,omitempty"`
}

// The DiffOp kinds.
const (
	OpSame   = "same"
	OpAdd    = "add"
	OpDrop   = "drop"
	OpChange = "change"
)

// Citation says where in the record words are: the document, its title,
// outlet, link and date, and the passage (chunk index) holding them.
type Citation struct {
	Doc    string `json:"doc"`
	Title  string `json:"title"`
	Outlet string `json:"outlet"`
	URL    string `json:"url"`
	Date   string `json:"date"`
	Chunk  int    `json:"chunk"`
	// Text is the passage itself, for the nearest passages of a claim not
	// found; empty in Result.Citation (Record and Context hold the words).
	Text string `json:"text,omitempty"`
}

// Context is the record's text right around the matched words: from the
// start of the sentence before them, and to the end of the sentence after
// them, so Before + Record + After reads on.
type Context struct {
	Before string `json:"before"`
	After  string `json:"after"`
}

// Result is the verdict on one claim.
type Result struct {
	Verdict Verdict  `json:"verdict"`
	Claimed string   `json:"claimed"`
	Record  string   `json:"record"` // the record's words that matched (verbatim)
	Diff    []DiffOp `json:"diff"`
	// Changes are the differences that change the meaning: "negation" (a
	// negation added or removed), "number" (a number changed, added or
	// removed), "name" (a name changed, added or removed).
	Changes []string `json:"changes,omitempty"`
	Speaker string   `json:"speaker"`
	// SpeakerTitle is the title the record gives the speaker; Role is the
	// turn's role ("official", "reporter", "issuing office"...).
	SpeakerTitle string    `json:"speaker_title,omitempty"`
	Role         string    `json:"role,omitempty"`
	Date         string    `json:"date"` // YYYY-MM-DD of the statement
	Citation     *Citation `json:"citation"`
	Context      Context   `json:"context"`
	// Joined says the claim joins sentences of one statement that are
	// apart in the record, without marking the omission.
	Joined bool `json:"joined,omitempty"`
	// Similarity is the share of words the claim and the record have in
	// common (1 for exact); the verdict is close from CloseThreshold.
	Similarity float64    `json:"similarity"`
	Nearest    []Citation `json:"nearest,omitempty"` // not-found: nearest passages on the subject
	Covers     [2]string  `json:"covers,omitzero"`   // not-found: the record's first and last date
}

// Errors of a claim that cannot be checked. Check wraps them with what
// was wrong; errors.Is finds them.
var (
	// ErrEmpty: the claim has no words.
	ErrEmpty = errors.New("nothing to check: the quotation has no words")
	// ErrTooLong: the claim has more than MaxClaimWords words.
	ErrTooLong = errors.New("quotation too long")
	// ErrOnlyCommon: every word of the claim is a function word ("it is
	// what it is"), which the record cannot be searched by.
	ErrOnlyCommon = errors.New("the quotation has only common words")
)

// MaxClaimWords bounds a claim: the alignment costs claim words × record
// words, and a Discord message (4,000 characters at most) holds fewer.
const MaxClaimWords = 400

// Checker checks claims against an index. It is safe for concurrent use
// and follows the index's live snapshot.
type Checker struct {
	ix    *retrieval.Index
	names nameCache
}

// New returns a Checker over ix.
func New(ix *retrieval.Index) *Checker {
	return &Checker{ix: ix}
}

// Validate reports why the claim cannot be checked (ErrEmpty, ErrTooLong,
// ErrOnlyCommon, wrapped with what was wrong), without searching: a caller
// can refuse it before loading an index or acknowledging a command.
func (cl Claim) Validate() error {
	_, err := parseClaim(cleanClaim(cl.Text))
	return err
}

// cleanClaim removes what is no part of a pasted quotation's words:
// terminal escapes and control characters, invisible format characters
// (text.DropFormat) and a masked link's address (the link is its text:
// safetext.LinkText), so no caller (the command line, the bot, the
// evaluation) checks or prints them back. A bare address stays in the
// claim as written but is no words of it (parseClaim).
func cleanClaim(s string) string {
	return safetext.LinkText(text.DropFormat(safetext.Terminal(s)))
}

// Check gives the verdict on one claim. It returns an error only for a
// claim that cannot be checked (ErrEmpty, ErrTooLong, ErrOnlyCommon) or a
// cancelled context; a claim the record does not hold is a NotFound
// Result.
func (c *Checker) Check(ctx context.Context, cl Claim) (Result, error) {
	cl.Text, cl.Speaker = cleanClaim(cl.Text), cleanClaim(cl.Speaker)
	q, err := parseClaim(cl.Text)
	if err != nil {
		return Result{}, err
	}
	if err := ctx.Err(); err != nil {
		return Result{}, fmt.Errorf("verify: %w", err)
	}
	s := &search{c: c, cl: cl, q: q}
	best, err := s.run(ctx)
	if err != nil {
		return Result{}, err
	}
	if best == nil {
		return s.notFound(), nil
	}
	return s.result(best), nil
}

package bot

import (
	"context"
	"log/slog"
	"net/http"

	"github.com/readout/readout/answer"
	"github.com/readout/readout/record"
	"github.com/readout/readout/retrieval"
	"github.com/readout/readout/telemetry"
	"github.com/readout/readout/verify"
)

// Answerer answers a question with citations; *answer.Pipeline is one.
type Answerer interface {
	AskStream(ctx context.Context, question string, history []answer.Turn, filters retrieval.SearchOptions, onPartial func(text string)) (*answer.Answer, error)
}

// Searcher finds passages; *retrieval.Index is one.
type Searcher interface {
	Search(ctx context.Context, query string, opts retrieval.SearchOptions) ([]retrieval.Hit, error)
}

// Verifier checks a quotation against the record; *verify.Checker is one.
type Verifier interface {
	Check(ctx context.Context, cl verify.Claim) (verify.Result, error)
}

// Record is the record moderators change; *record.Library is one.
type Record interface {
	Status() record.Status
	Refresh(ctx context.Context, by string, progress func(retrieval.Progress)) (*record.Change, error)
	AddFile(ctx context.Context, name string, data []byte, by string) (string, *record.Change, error)
	AddURL(ctx context.Context, rawURL, by string) (string, *record.Change, error)
	Remove(ctx context.Context, docID, by string) (*record.Change, error)
	DocumentIDs() []string
}

// Deps are what the bot adapts to Discord. Answerer is required; without
// Searcher /search says it is unavailable, without Verifier /verify and
// Check quotes do, without Record /corpus does.
type Deps struct {
	Answerer Answerer
	Searcher Searcher
	Verifier Verifier
	Record   Record
	// Logger receives the bot's logs (nil: slog.Default()).
	Logger *slog.Logger
	// Metrics receives interaction counts and acknowledgement latencies
	// (nil records nothing).
	Metrics *telemetry.Metrics
	// HTTPClient downloads attachments given to /corpus add (nil: a client
	// with a 30 s timeout).
	HTTPClient *http.Client
}

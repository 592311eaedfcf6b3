package record

import (
	"fmt"
	"strings"

	"github.com/readout/readout/corpus"
)

// A change that would remove more than guardShare of the record's
// documents, or more than guardCount of them, stops and says what it
// would remove unless Options.Force is set: a source folder that went
// missing or was emptied, or a run pointed at another record, must not
// silently empty the record (issue 11: `readout index` with no --corpus
// once removed all 11,635 documents of the White House record). Documents
// of the bundled sample are not counted: nothing is lost with them.
const (
	guardShare = 0.10
	guardCount = 100
)

// RemovalError is a change refused because it would remove too much of
// the record; its message lists what and says how to go ahead.
type RemovalError struct {
	// Removed are the IDs of the documents the change would remove.
	Removed []string
	// Of is how many documents the record holds.
	Of int
	// Sources are the sources read (display names).
	Sources []string
}

// Error names the documents and the way to go ahead anyway.
func (e *RemovalError) Error() string {
	shown := e.Removed
	if len(shown) > 3 {
		shown = shown[:3]
	}
	list := strings.Join(shown, ", ")
	if more := len(e.Removed) - len(shown); more > 0 {
		list += fmt.Sprintf(" and %d more", more)
	}
	return fmt.Sprintf("stopped: this would remove %d of the record's %d documents (%s), which are not in %s; "+
		"if that is what you want, run `readout index --force`, otherwise check the sources",
		len(e.Removed), e.Of, list, strings.Join(e.Sources, ", "))
}

// checkRemovals refuses docs as the record's next content when that
// removes too much of the live record; allowed IDs (a document a moderator
// asked to remove) are not counted.
func (l *Library) checkRemovals(docs []*corpus.Document, srcs []string, allowed map[string]bool) error {
	if l.opts.Force {
		return nil
	}
	next := make(map[string]bool, len(docs))
	for _, d := range docs {
		next[d.ID] = true
	}
	live := l.idx.Documents()
	var removed []string
	for _, d := range live {
		if !next[d.ID] && !allowed[d.ID] && d.Source != corpus.SampleSource {
			removed = append(removed, d.ID)
		}
	}
	if len(removed) > guardCount || float64(len(removed)) > guardShare*float64(len(live)) {
		return &RemovalError{Removed: removed, Of: len(live), Sources: displayNames(srcs)}
	}
	return nil
}

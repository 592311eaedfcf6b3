// Package corpus reads the diplomatic record: it loads documents from files
// in several formats, cleans away page furniture, extracts metadata (title,
// outlet, dates, speakers, URL) and splits the cleaned text into chunks that
// keep their byte offsets. It is pure: no network, no model.
package corpus

import (
	"time"
)

// Speaker is a named person quoted in a document, with the title the text
// gives them ("State Department spokesperson"), if any.
type Speaker struct {
	Name  string `json:"name"`
	Title string `json:"title,omitempty"`
}

// Document is one cleaned document of the record with its metadata.
type Document struct {
	// ID is the document's path relative to the corpus folder it came from,
	// with forward slashes ("000_796cebcc88a1bf3f.txt", "2022/x.html").
	ID string `json:"id"`
	// Source names the corpus folder (or archive) the document was read from.
	Source string `json:"source,omitempty"`
	// Format is the loader that read it: "text", "header", "markdown",
	// "html", "json" or "jsonl".
	Format string `json:"format,omitempty"`

	Title    string `json:"title,omitempty"`
	Outlet   string `json:"outlet,omitempty"`
	URL      string `json:"url,omitempty"`
	Category string `json:"category,omitempty"`
	// Date is the date of the statement when the text gives it (a dateline,
	// "on September 28"), else the capture date. Zero when unknown.
	Date time.Time `json:"date,omitempty"`
	// Captured is when the page was captured (the " date YYYY-MM-DD" prefix
	// or a header's date). Zero when unknown.
	Captured time.Time `json:"captured,omitempty"`
	// Speakers are the named people quoted, in order of first appearance.
	Speakers []Speaker `json:"speakers,omitempty"`

	// Text is the cleaned text. Chunk offsets index into it.
	Text string `json:"text"`
	// Hash is the hex SHA-256 of the cleaned text and the metadata above:
	// it changes exactly when the document must be re-indexed.
	Hash string `json:"hash"`

	// turns are who speaks from which byte to which (see Turns). Loaders
	// fill them and index snapshots restore them; they are not part of
	// the JSON form, and a Document built any other way computes them on
	// demand.
	turns []Turn
	// spill is where Text went when the document was loaded with
	// LoadOptions.Spill (Text is then empty); nil otherwise.
	spill *spillRef
}

// DateString returns Date as YYYY-MM-DD, or "" when unknown.
func (d *Document) DateString() string {
	if d == nil || d.Date.IsZero() {
		return ""
	}
	return d.Date.Format("2006-01-02")
}

// SpeakerNames returns the names of the document's speakers.
func (d *Document) SpeakerNames() []string {
	names := make([]string, 0, len(d.Speakers))
	for _, s := range d.Speakers {
		names = append(names, s.Name)
	}
	return names
}

// Chunk is a passage of a document: a byte range of its cleaned text.
type Chunk struct {
	// ID is stable for the same document text: "<doc id>#<index>".
	ID    string `json:"id"`
	DocID string `json:"doc"`
	Index int    `json:"index"`
	// Start and End are byte offsets into Document.Text; Text equals
	// Document.Text[Start:End].
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Skipped is a file that was not loaded, with the reason.
type Skipped struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

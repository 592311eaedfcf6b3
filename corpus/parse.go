package corpus

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/readout/readout/text"
)

// Errors a file can be skipped for. Load reports them as Skipped reasons;
// Parse wraps them with the document ID.
var (
	// ErrBinary marks data with NUL bytes: not a text document.
	ErrBinary = errors.New("binary data (NUL bytes)")
	// ErrInvalidUTF8 marks data that is neither UTF-8 (or UTF-16 with its
	// byte-order mark) nor plain Windows-1252 text.
	ErrInvalidUTF8 = errors.New("not UTF-8 text (save it as UTF-8, e.g. iconv -f windows-1252 -t utf-8)")
	// ErrEmpty marks a document with no text (or only page furniture).
	ErrEmpty = errors.New("empty document")
	// ErrUnknownFormat marks a file extension no loader reads.
	ErrUnknownFormat = errors.New("unknown file extension")
	// ErrTooLarge marks a file over LoadOptions.MaxFileSize.
	ErrTooLarge = errors.New("file too large")
)

// RecordError is the failure of one record of a JSON or JSONL file: the
// other records still load. Parse returns them joined (errors.Join).
type RecordError struct {
	// ID names the record: "<file id>#<record id or line number>".
	ID string
	// Err is why the record was not loaded.
	Err error
}

// Error implements error.
func (e *RecordError) Error() string { return e.ID + ": " + e.Err.Error() }

// Unwrap returns the cause.
func (e *RecordError) Unwrap() error { return e.Err }

// Format names, as stored in Document.Format.
const (
	FormatText     = "text"
	FormatHeader   = "header"
	FormatMarkdown = "markdown"
	FormatHTML     = "html"
	FormatJSON     = "json"
	FormatJSONL    = "jsonl"
)

// formatOf returns the loader for a file name, or "" when none reads it.
// Header files are .txt files too; Parse tells them apart by content.
func formatOf(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".txt", ".text", "":
		return FormatText
	case ".md", ".markdown":
		return FormatMarkdown
	case ".html", ".htm":
		return FormatHTML
	case ".json":
		return FormatJSON
	case ".jsonl", ".ndjson":
		return FormatJSONL
	}
	return ""
}

// Supported reports whether Parse has a loader for the file name's
// extension.
func Supported(name string) bool { return formatOf(name) != "" }

// checkText rejects data that is not a text document.
func checkText(data []byte) error {
	if bytes.IndexByte(data, 0) >= 0 {
		return ErrBinary
	}
	if !utf8.Valid(data) {
		return ErrInvalidUTF8
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return ErrEmpty
	}
	return nil
}

// toUTF8 returns a file's text as UTF-8, as the tools that write press
// releases save it: UTF-16 with its byte-order mark (Notepad, PowerShell's
// ">") is decoded and a UTF-8 byte-order mark dropped; a file that is not
// UTF-8 is read in the encoding an HTML page declares (golang.org/x/net's
// html/charset, as browsers do) or, for other formats, as Windows-1252 (the
// superset of Latin-1 older Windows tools write), but only when no byte of
// it is a control character or undefined there: random bytes stay
// ErrInvalidUTF8 for checkText. Data that is UTF-8 is returned as it is.
func toUTF8(data []byte, format string) []byte {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		if out, err := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder().Bytes(data); err == nil {
			return out
		}
		return data
	}
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	if utf8.Valid(data) || bytes.IndexByte(data, 0) >= 0 {
		return data
	}
	enc := encoding.Encoding(charmap.Windows1252)
	if format == FormatHTML {
		enc, _, _ = charset.DetermineEncoding(data, "text/html")
	} else {
		for _, c := range data {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7F || c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D {
				return data
			}
		}
	}
	if out, err := enc.NewDecoder().Bytes(data); err == nil && utf8.Valid(out) {
		return out
	}
	return data
}

// Parse reads one file's bytes into documents, choosing the loader by the
// extension of id and, for text files, by content (a "key: value" header
// block makes a header document). JSON and JSONL files give one document
// per record; a bad record is reported in the returned error (RecordErrors
// joined) while the others are returned. Parse never panics on input.
func Parse(id string, data []byte) ([]*Document, error) {
	format := formatOf(id)
	if format == "" {
		return nil, fmt.Errorf("parse %s: %w %q", id, ErrUnknownFormat, path.Ext(id))
	}
	data = toUTF8(data, format)
	if err := checkText(data); err != nil {
		return nil, fmt.Errorf("parse %s: %w", id, err)
	}
	if path.Ext(id) == "" {
		format = sniff(data)
	}
	var (
		d   *Document
		err error
	)
	switch format {
	case FormatText:
		if looksLikeHeader(data) {
			d, err = parseHeader(id, string(data))
		} else {
			d, err = build(id, FormatText, string(data), meta{})
		}
	case FormatMarkdown:
		d, err = parseMarkdown(id, string(data))
	case FormatHTML:
		d, err = parseHTML(id, data)
	case FormatJSON:
		return parseJSON(id, data)
	case FormatJSONL:
		return parseJSONL(id, data)
	}
	if err != nil {
		return nil, fmt.Errorf("parse %s: %w", id, err)
	}
	return []*Document{d}, nil
}

// sniff picks the loader for a file without an extension by its content:
// an HTML page, a JSON document, else text.
func sniff(data []byte) string {
	head := bytes.TrimLeft(data[:min(len(data), 512)], " \t\r\n\uFEFF")
	lower := bytes.ToLower(head[:min(len(head), 14)])
	switch {
	case bytes.HasPrefix(lower, []byte("<!doctype html")), bytes.HasPrefix(lower, []byte("<html")):
		return FormatHTML
	case (bytes.HasPrefix(head, []byte("{")) || bytes.HasPrefix(head, []byte("["))) && json.Valid(data):
		return FormatJSON
	}
	return FormatText
}

// meta is what a format's own metadata says about a document before the
// text is read for more.
type meta struct {
	Title, Outlet, URL, Category string
	Date, Captured               time.Time
	Speakers                     []Speaker
}

// build cleans the body and completes the metadata from the text: the
// common second half of every loader.
func build(id, format, body string, m meta) (*Document, error) {
	src := normalize(body)
	if loc := captureRe.FindStringSubmatchIndex(src); loc != nil {
		if t, ok := parseDate(src[loc[2]:loc[3]]); ok {
			if m.Captured.IsZero() {
				m.Captured = t
			}
			src = strings.TrimLeft(src[loc[1]:], " \t\n")
		}
	}
	src = stripFurniture(src)
	if strings.TrimSpace(src) == "" {
		return nil, ErrEmpty
	}
	// The header's values are substrings of the whole file as read; copies
	// let the file's bytes go once the text is cleaned (on the White House
	// record they kept every file alive beside its text: 130 MB).
	speakers := make([]Speaker, len(m.Speakers))
	for i, sp := range m.Speakers {
		speakers[i] = Speaker{Name: strings.Clone(sp.Name), Title: strings.Clone(sp.Title)}
	}
	if len(speakers) == 0 {
		speakers = m.Speakers
	}
	d := &Document{ID: id, Format: format, Text: src,
		Title: strings.Clone(m.Title), Outlet: strings.Clone(m.Outlet), URL: strings.Clone(m.URL),
		Category: strings.Clone(m.Category), Captured: m.Captured, Speakers: speakers}

	ref := m.Captured
	dl, hasDL := findDateline(src, ref)
	if ref.IsZero() {
		ref = dl.date
	}
	if d.Outlet == "" && hasDL {
		d.Outlet = dl.outlet
	}
	if d.Outlet == "" {
		d.Outlet = outletFromText(src)
	}
	if d.Title == "" {
		if h, ok := headline(src); ok {
			d.Title = h
		}
	}
	sents := text.Sentences(src)
	if d.Title == "" {
		for _, s := range sents {
			if s[1] <= dl.end {
				continue
			}
			d.Title = shortTitle(src[max(s[0], dl.end):s[1]])
			break
		}
	}
	switch {
	case !m.Date.IsZero():
		d.Date = m.Date
	default:
		if t, ok := statementDate(src, sents, dl.end, ref); ok {
			d.Date = t
		} else if !dl.date.IsZero() {
			d.Date = dl.date
		} else {
			d.Date = m.Captured
		}
	}
	fromText := d.Speakers == nil
	if labels := findTurns(src); labels != nil {
		var people []Speaker
		d.turns, people = transcriptTurnsSpeakers(d, labels)
		if fromText {
			d.Speakers = people
		}
	} else {
		d.turns = turnsOf(d, nil)
		if fromText {
			d.Speakers = withTurnSpeakers(textSpeakers(src), d.turns, d.Outlet)
		}
	}
	d.Hash = d.ComputeHash()
	return d, nil
}

// ComputeHash returns the hex SHA-256 of the document's ID, format, cleaned
// text and metadata (title, outlet, URL, category, dates, speakers): what
// must change for the document to need re-indexing. Source is left out so
// the same record read from a folder or an archive hashes the same.
func (d *Document) ComputeHash() string {
	h := sha256.New()
	var n [8]byte
	field := func(s string) {
		binary.BigEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		h.Write([]byte(s))
	}
	date := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.UTC().Format(time.RFC3339)
	}
	field(d.ID)
	field(d.Format)
	field(d.Title)
	field(d.Outlet)
	field(d.URL)
	field(d.Category)
	field(date(d.Date))
	field(date(d.Captured))
	field(fmt.Sprint(len(d.Speakers)))
	for _, s := range d.Speakers {
		field(s.Name)
		field(s.Title)
	}
	field(d.Text)
	// The turns are derived from the text, but by code that improves: a
	// document whose speakers, roles or statement dates are read
	// differently now must be re-indexed, or the index keeps answering
	// with the old attribution. Only the documents whose turns changed are.
	for _, t := range d.Turns() {
		field(fmt.Sprintf("%d-%d", t.Start, t.End))
		field(string(t.Role))
		field(t.Speaker.Name)
		field(t.Speaker.Title)
		field(date(t.Date))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// headerKeyRe matches one line of a "key: value" header block.
var headerKeyRe = regexp.MustCompile(`^([A-Za-z][A-Za-z_-]{0,30}):(?:[ \t]+(.*))?$`)

// headerKeys are the keys that make a leading block a header.
var headerKeys = setOf("title", "date", "source", "category", "url", "outlet", "author", "speakers", "captured", "id", "published", "link")

// looksLikeHeader reports text that starts with a "key: value" block using
// known keys ("title: …", "date: …").
func looksLikeHeader(data []byte) bool {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	known := 0
	for n := 0; n < 20 && len(data) > 0; n++ {
		line, rest, _ := bytes.Cut(data, []byte("\n"))
		data = rest
		l := strings.TrimRight(string(line), "\r \t")
		if l == "" {
			break
		}
		m := headerKeyRe.FindStringSubmatch(l)
		if m == nil {
			return false
		}
		if headerKeys[strings.ToLower(m[1])] {
			known++
		}
	}
	return known >= 2
}

// outletFromSource turns a header's source line into an outlet name: "The
// White House Briefing Room (whitehouse.gov); dataset …" → "The White House".
func outletFromSource(s string) string {
	s, _, _ = strings.Cut(s, ";")
	for {
		i := strings.IndexByte(s, '(')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], ')')
		if j < 0 {
			s = s[:i]
			break
		}
		s = s[:i] + s[i+j+1:]
	}
	s = strings.Join(strings.Fields(s), " ")
	for _, suf := range []string{" Briefing Room", " Press Office", " Newsroom", " News Room", " Press Room", " Press Releases"} {
		if strings.HasSuffix(s, suf) && len(s) > len(suf) {
			s = strings.TrimSuffix(s, suf)
			break
		}
	}
	return s
}

// parseHeader reads the White House record's format: a "key: value" block,
// a blank line, and the body (one paragraph or speaker turn per line).
func parseHeader(id, data string) (*Document, error) {
	data = strings.TrimPrefix(data, "\uFEFF")
	var m meta
	rest := data
	for rest != "" {
		line, r, found := strings.Cut(rest, "\n")
		line = strings.TrimRight(line, "\r \t")
		if !found {
			r = ""
		}
		rest = r
		if line == "" {
			break
		}
		km := headerKeyRe.FindStringSubmatch(line)
		if km == nil {
			break
		}
		v := strings.TrimSpace(km[2])
		switch strings.ToLower(km[1]) {
		case "title":
			m.Title = v
		case "date", "published":
			if t, ok := parseDate(v); ok {
				m.Date = t
				if m.Captured.IsZero() {
					m.Captured = t
				}
			}
		case "captured":
			if t, ok := parseDate(v); ok {
				m.Captured = t
			}
		case "source", "outlet":
			if o := outletFromSource(v); o != "" && (m.Outlet == "" || strings.ToLower(km[1]) == "outlet") {
				m.Outlet = o
			}
		case "category":
			m.Category = v
		case "url", "link":
			m.URL = v
		case "speakers", "speaker":
			for _, n := range strings.Split(v, ",") {
				if n = strings.TrimSpace(n); n != "" {
					m.Speakers = append(m.Speakers, Speaker{Name: n})
				}
			}
		}
	}
	return build(id, FormatHeader, rest, m)
}

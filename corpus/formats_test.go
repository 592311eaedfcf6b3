package corpus

import (
	"archive/tar"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"
)

// parseFile parses a testdata fixture.
func parseFile(t *testing.T, name string) ([]*Document, error) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return Parse(name, data)
}

// one parses a fixture that must give exactly one document.
func one(t *testing.T, name string) *Document {
	t.Helper()
	docs, err := parseFile(t, name)
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	if len(docs) != 1 {
		t.Fatalf("Parse(%s) gave %d documents", name, len(docs))
	}
	return docs[0]
}

func TestHeaderTranscript(t *testing.T) {
	d := one(t, "briefing.txt")
	if d.Format != FormatHeader {
		t.Errorf("Format = %q", d.Format)
	}
	if d.Title != "Press Briefing by Press Secretary Jane Example and Coordinator for Example Affairs John Sample" {
		t.Errorf("Title = %q", d.Title)
	}
	if d.Outlet != "The Example House" || d.Category != "press-briefings" || d.URL != "https://example.invalid/briefing-room/2031/04/02/press-briefing/" {
		t.Errorf("Outlet %q Category %q URL %q", d.Outlet, d.Category, d.URL)
	}
	if d.DateString() != "2031-04-02" || d.Captured.Format("2006-01-02") != "2031-04-02" {
		t.Errorf("Date %v Captured %v", d.Date, d.Captured)
	}
	want := []Speaker{
		{Name: "Jane Example", Title: "Press Secretary"},
		{Name: "John Sample", Title: "Coordinator for Example Affairs"},
	}
	if !reflect.DeepEqual(d.Speakers, want) {
		t.Errorf("Speakers = %+v, want %+v", d.Speakers, want)
	}
	if strings.HasPrefix(d.Text, "title:") || !strings.HasPrefix(d.Text, "Example Briefing Room") {
		t.Errorf("Text starts %q", d.Text[:30])
	}
	at := func(s string) int {
		i := strings.Index(d.Text, s)
		if i < 0 {
			t.Fatalf("%q not in text", s)
		}
		return i
	}
	for _, tt := range []struct {
		at   string
		want string
	}{
		{"Example Briefing Room", ""},
		{"Good afternoon", "Jane Example"},
		{"The Example Council meets", "Jane Example"},
		{"no example solution", "John Sample"},
		{"Is that a change", ""},
		{"same policy", "John Sample"},
		{"Last question", "Moderator"},
		{"Thanks, everybody", "Jane Example"},
	} {
		if got := d.SpeakerAt(at(tt.at)); got != tt.want {
			t.Errorf("SpeakerAt(%q) = %q, want %q", tt.at, got, tt.want)
		}
	}
	if got := d.SpeakersIn(at("Good afternoon"), at("same policy")+4); !reflect.DeepEqual(got, []string{"Jane Example", "John Sample"}) {
		t.Errorf("SpeakersIn = %v", got)
	}
	if got := d.SpeakersIn(at("Is that a change"), at("Is that a change")+5); got != nil {
		t.Errorf("SpeakersIn(question) = %v, want nil", got)
	}
	// Chunk overlaps never carry an earlier speaker's words into the next
	// speaker's chunk.
	opts := ChunkOptions{MaxBytes: 120, Overlap: 60}
	chunks := Split(d, opts)
	checkChunks(t, d, opts, chunks)
	for i := 1; i < len(chunks); i++ {
		c, prev := chunks[i], chunks[i-1]
		if c.Start < prev.End && d.SpeakerAt(c.Start) != d.SpeakerAt(prev.End+1) {
			t.Errorf("chunk %d repeats %q's words before %q's", i, d.SpeakerAt(c.Start), d.SpeakerAt(prev.End+1))
		}
	}
	// A copy decoded from JSON has no cache and must still answer.
	c := &Document{ID: d.ID, Title: d.Title, Text: d.Text}
	if got := c.SpeakerAt(at("same policy")); got != "John Sample" {
		t.Errorf("uncached SpeakerAt = %q", got)
	}
	if d.SpeakerAt(-1) != "" || d.SpeakerAt(len(d.Text)+1) != "" {
		t.Error("SpeakerAt out of range should be empty")
	}
}

// sharedDir is the team's shared data, beside the repository.
var sharedDir = filepath.Join("..", "..", "shared")

// archiveMember reads one member of the White House archive.
func archiveMember(t *testing.T, name string) []byte {
	t.Helper()
	path := filepath.Join(sharedDir, "corpus", "whitehouse-briefings.tar.gz")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("White House archive not available (%v): skipping the real-record test", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err != nil {
			t.Fatalf("member %s not found: %v", name, err)
		}
		if strings.TrimPrefix(h.Name, "./") == name {
			data, err := io.ReadAll(tr)
			if err != nil {
				t.Fatal(err)
			}
			return data
		}
	}
}

func TestWhiteHouseRec05(t *testing.T) {
	const id = "2022-09-13_press-briefing-by-press-secretary-karine-jean-pier_6991170d.txt"
	docs, err := Parse(id, archiveMember(t, id))
	if err != nil || len(docs) != 1 {
		t.Fatalf("Parse: %d docs, %v", len(docs), err)
	}
	d := docs[0]
	if d.Outlet != "The White House" || d.DateString() != "2022-09-13" || d.Category != "press-briefings" {
		t.Errorf("Outlet %q Date %q Category %q", d.Outlet, d.DateString(), d.Category)
	}
	kirby := Speaker{Name: "John Kirby", Title: "NSC Coordinator for Strategic Communications"}
	jp := Speaker{Name: "Karine Jean-Pierre", Title: "Press Secretary"}
	var found int
	for _, s := range d.Speakers {
		if s == kirby || s == jp {
			found++
		}
		if s.Name == "Q" || s.Name == "" {
			t.Errorf("bad speaker %+v", s)
		}
	}
	if found != 2 {
		t.Errorf("Speakers = %+v, want Jean-Pierre and Kirby with titles", d.Speakers)
	}
	quote := "there can be no military solution to this conflict"
	i := strings.Index(d.Text, quote)
	if i < 0 {
		t.Fatalf("quote not in text")
	}
	if got := d.SpeakerAt(i); got != "John Kirby" {
		t.Errorf("SpeakerAt(quote) = %q, want John Kirby", got)
	}
}

func TestHTML(t *testing.T) {
	d := one(t, "page.html")
	if d.Format != FormatHTML || d.Title != "Spokesperson Jane Example Comments on Example Talks" {
		t.Errorf("Format %q Title %q", d.Format, d.Title)
	}
	if d.Outlet != "Example Wire" || d.URL != "https://example.invalid/news/example-talks" || d.Category != "Diplomacy" {
		t.Errorf("Outlet %q URL %q Category %q", d.Outlet, d.URL, d.Category)
	}
	if d.DateString() != "2031-03-05" {
		t.Errorf("Date = %q, want the published date as written", d.DateString())
	}
	for _, bad := range []string{"tracking", "alert", "color: red", "Example Wire home", "Politics", "newsletter", "Copyright"} {
		if strings.Contains(d.Text, bad) {
			t.Errorf("Text contains page chrome %q:\n%s", bad, d.Text)
		}
	}
	for _, good := range []string{"“We are committed to the example process,” Example said. It was the third round.", "\n\nThe next round is set for April."} {
		if !strings.Contains(d.Text, good) {
			t.Errorf("Text lacks %q:\n%s", good, d.Text)
		}
	}
	want := []Speaker{{Name: "Jane Example", Title: "Example Ministry spokesperson"}}
	if !reflect.DeepEqual(d.Speakers, want) {
		t.Errorf("Speakers = %+v, want %+v", d.Speakers, want)
	}
}

func TestMarkdown(t *testing.T) {
	d := one(t, "note.md")
	if d.Format != FormatMarkdown || d.Title != "Example Talks Resume" || d.Outlet != "Example Quarterly" {
		t.Errorf("Format %q Title %q Outlet %q", d.Format, d.Title, d.Outlet)
	}
	if d.DateString() != "2031-05-06" || d.URL != "https://example.invalid/md/example-talks" || d.Category != "analysis" {
		t.Errorf("Date %q URL %q Category %q", d.DateString(), d.URL, d.Category)
	}
	if !reflect.DeepEqual(d.Speakers, []Speaker{{Name: "Jane Example", Title: "Example Ministry spokesperson"}}) {
		t.Errorf("Speakers = %+v", d.Speakers)
	}
	for _, good := range []string{"A heading that is not the title", "The example talks resumed on Tuesday after a long pause.", "First item of a list\nSecond item"} {
		if !strings.Contains(d.Text, good) {
			t.Errorf("Text lacks %q:\n%s", good, d.Text)
		}
	}
	if strings.ContainsAny(d.Text, "#*[]") || strings.Contains(d.Text, "---") {
		t.Errorf("Markdown markup left in text:\n%s", d.Text)
	}

	// Without front matter the first heading is the title.
	docs, err := Parse("plain.md", []byte("# Example Heading\n\nBody text here.\n"))
	if err != nil || len(docs) != 1 || docs[0].Title != "Example Heading" {
		t.Fatalf("plain markdown: %v %+v", err, docs)
	}
	if _, err := Parse("bad.md", []byte("---\ntitle: [unclosed\n---\nBody.\n")); err == nil {
		t.Error("bad front matter: want an error")
	}
}

func TestJSONL(t *testing.T) {
	docs, err := parseFile(t, "records.jsonl")
	if len(docs) != 3 {
		t.Fatalf("got %d docs, want 3 (err %v)", len(docs), err)
	}
	ids := []string{docs[0].ID, docs[1].ID, docs[2].ID}
	if !reflect.DeepEqual(ids, []string{"records.jsonl#a1", "records.jsonl#2", "records.jsonl#a6"}) {
		t.Errorf("IDs = %v", ids)
	}
	a1 := docs[0]
	if a1.Title != "Example One" || a1.Outlet != "Example Wire" || a1.DateString() != "2031-01-02" || a1.URL != "https://example.invalid/1" || a1.Format != FormatJSONL {
		t.Errorf("a1 = %+v", a1)
	}
	if !reflect.DeepEqual(a1.Speakers, []Speaker{{Name: "Jane Example", Title: "Spokesperson"}}) {
		t.Errorf("a1 speakers = %+v", a1.Speakers)
	}
	if docs[1].Outlet != "Example Daily" || !reflect.DeepEqual(docs[1].Speakers, []Speaker{{Name: "John Sample"}}) {
		t.Errorf("record 2 = %+v", docs[1])
	}
	if docs[2].Title != "A third record with no title." {
		t.Errorf("record a6 title = %q", docs[2].Title)
	}
	var recErrs []string
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var re *RecordError
		if !errors.As(e, &re) {
			t.Errorf("error %v is not a RecordError", e)
			continue
		}
		recErrs = append(recErrs, re.ID)
	}
	if !reflect.DeepEqual(recErrs, []string{"records.jsonl#3", "records.jsonl#a4"}) {
		t.Errorf("record errors = %v (%v)", recErrs, err)
	}
}

func TestJSON(t *testing.T) {
	docs, err := parseFile(t, "records.json")
	if err != nil || len(docs) != 2 {
		t.Fatalf("Parse: %d docs, %v", len(docs), err)
	}
	if docs[0].ID != "records.json#7" || docs[0].Outlet != "Example Wire" || docs[0].DateString() != "2031-02-03" || docs[0].Format != FormatJSON {
		t.Errorf("doc 0 = %+v", docs[0])
	}
	if docs[1].ID != "records.json#2" || docs[1].Title != "Second Array Record" {
		t.Errorf("doc 1 = %+v", docs[1])
	}
	one, err := Parse("single.json", []byte(`{"id":"x","title":"Single","text":"Only one."}`))
	if err != nil || len(one) != 1 || one[0].ID != "single.json#x" {
		t.Errorf("single object: %v %+v", err, one)
	}
	if _, err := Parse("bad.json", []byte(`{"text": `)); err == nil {
		t.Error("truncated JSON: want an error")
	}
	if _, err := Parse("num.json", []byte(`42`)); err == nil {
		t.Error("JSON number: want an error")
	}
}

func TestParseRejects(t *testing.T) {
	tests := []struct {
		name string
		id   string
		data []byte
		want error
	}{
		{"binary", "a.txt", []byte("abc\x00def"), ErrBinary},
		{"invalid utf-8", "a.txt", []byte("abc \xff\x01 def"), ErrInvalidUTF8},
		{"not utf-8, a byte Windows-1252 leaves undefined", "a.txt", []byte("caf\xe9 \x81 menu"), ErrInvalidUTF8},
		{"empty", "a.txt", []byte(""), ErrEmpty},
		{"whitespace", "a.md", []byte(" \n\t\n "), ErrEmpty},
		{"only furniture", "a.txt", []byte(" date 2031-01-01 "), ErrEmpty},
		{"unknown extension", "a.pdf", []byte("%PDF"), ErrUnknownFormat},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := Parse(tt.id, tt.data)
			if !errors.Is(err, tt.want) || docs != nil {
				t.Errorf("Parse = %v, %v; want %v", docs, err, tt.want)
			}
		})
	}
}

// Text saved by Windows tools is read: UTF-16 with its byte-order mark,
// UTF-8 with one, Windows-1252, and an HTML page in the encoding its meta
// tag declares.
func TestParseDecodesTextEncodings(t *testing.T) {
	const body = "Spokesperson Zara Quillfeather said the café talks in Nowhereland resume – today."
	header := "title: Encoded statement\ndate: 2031-04-04\n\n" + body + "\n"
	inUTF16 := func(order binary.AppendByteOrder, bom []byte) []byte {
		out := slices.Clone(bom)
		for _, u := range utf16.Encode([]rune(header)) {
			out = order.AppendUint16(out, u)
		}
		return out
	}
	cp1252 := []byte(strings.NewReplacer("é", "\xe9", "–", "\x96").Replace(header))
	html := []byte(`<html><head><meta charset="iso-8859-1"><title>Encoded page</title></head><body><p>` +
		strings.NewReplacer("é", "\xe9", "–", "-").Replace(body) + `</p></body></html>`)
	tests := []struct {
		name, id string
		data     []byte
		want     string
	}{
		{"UTF-16 little-endian", "a.txt", inUTF16(binary.LittleEndian, []byte{0xFF, 0xFE}), body},
		{"UTF-16 big-endian", "a.txt", inUTF16(binary.BigEndian, []byte{0xFE, 0xFF}), body},
		{"UTF-8 with a byte-order mark", "a.txt", append([]byte{0xEF, 0xBB, 0xBF}, header...), body},
		{"Windows-1252", "a.txt", cp1252, body},
		{"HTML declaring Latin-1", "a.html", html, strings.ReplaceAll(body, "–", "-")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := Parse(tt.id, tt.data)
			if err != nil || len(docs) != 1 {
				t.Fatalf("Parse = %v, %v", docs, err)
			}
			if !strings.Contains(docs[0].Text, tt.want) {
				t.Errorf("text %q does not hold %q", docs[0].Text, tt.want)
			}
		})
	}
}

func TestSniffWithoutExtension(t *testing.T) {
	tests := []struct {
		data   string
		format string
	}{
		{"<!DOCTYPE html><html><body><p>Example page text.</p></body></html>", FormatHTML},
		{"  <html><body><p>Example page text.</p></body></html>", FormatHTML},
		{`{"title":"Example","text":"Example JSON text."}`, FormatJSON},
		{"[Updated] Example text that merely starts with a bracket.", FormatText},
		{"title: Example\ndate: 2031-01-01\n\nBody.", FormatHeader},
		{"Plain example text.", FormatText},
	}
	for _, tt := range tests {
		docs, err := Parse("page", []byte(tt.data))
		if err != nil || len(docs) != 1 || docs[0].Format != tt.format {
			t.Errorf("Parse(%.30q): %v, format %v; want %s", tt.data, err, docs, tt.format)
		}
	}
}

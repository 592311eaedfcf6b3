package corpus

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

const goodText = "Spokesperson Jane Example said the example talks went well.\n"

// writeFiles creates files (relative path → content) under dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// ids lists document IDs.
func ids(docs []*Document) []string {
	var out []string
	for _, d := range docs {
		out = append(out, d.ID)
	}
	return out
}

// reasons maps skipped paths to their reasons.
func reasons(sk []Skipped) map[string]string {
	m := map[string]string{}
	for _, s := range sk {
		m[s.Path] = s.Reason
	}
	return m
}

func TestLoadDirectory(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"b.txt":                 goodText,
		"a/deep/c.md":           "# Example\n\n" + goodText,
		"a/x.html":              "<html><body><p>" + goodText + "</p></body></html>",
		".hidden.txt":           goodText,
		".git/config.txt":       goodText,
		"a/.cache/d.txt":        goodText,
		"binary.txt":            "abc\x00def",
		"latin1.txt":            "caf\xe9 au lait",          // Windows-1252: read
		"garbled.txt":           "caf\xe9 \x01\x81 au lait", // neither UTF-8 nor Windows-1252
		"empty.txt":             "  \n\n ",
		"big.txt":               strings.Repeat("Example sentence. ", 200),
		"notes.pdf":             "%PDF-1.4",
		"bad.jsonl":             `{"id":"ok","text":"Fine."}` + "\n{broken\n",
		"noext":                 goodText,
		"a/deep/frontmatter.md": "---\ntitle: [unclosed\n---\nBody.\n",
	})
	docs, skipped, err := Load(dir, LoadOptions{MaxFileSize: 1000})
	if err != nil {
		t.Fatal(err)
	}
	wantIDs := []string{"a/deep/c.md", "a/x.html", "b.txt", "bad.jsonl#ok", "latin1.txt", "noext"}
	if !reflect.DeepEqual(ids(docs), wantIDs) {
		t.Errorf("IDs = %v, want %v", ids(docs), wantIDs)
	}
	for _, d := range docs {
		if d.Source != dir {
			t.Errorf("%s: Source = %q", d.ID, d.Source)
		}
	}
	r := reasons(skipped)
	for path, want := range map[string]string{
		"binary.txt":            "binary",
		"garbled.txt":           "not UTF-8",
		"empty.txt":             "empty",
		"big.txt":               "too large",
		"notes.pdf":             "unknown file extension",
		"bad.jsonl#2":           "line 2",
		"a/deep/frontmatter.md": "front matter",
	} {
		if !strings.Contains(r[path], want) {
			t.Errorf("skipped[%s] = %q, want it to mention %q", path, r[path], want)
		}
	}
	if len(skipped) != 7 {
		t.Errorf("skipped = %v", skipped)
	}
}

func TestLoadFSAndSingleFile(t *testing.T) {
	fsys := fstest.MapFS{
		"z.txt":     {Data: []byte(goodText)},
		"y/one.txt": {Data: []byte(goodText)},
	}
	docs, skipped, err := LoadFS(fsys, "mem", LoadOptions{})
	if err != nil || len(skipped) != 0 || !reflect.DeepEqual(ids(docs), []string{"y/one.txt", "z.txt"}) {
		t.Fatalf("LoadFS = %v, %v, %v", ids(docs), skipped, err)
	}

	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"single.txt": goodText})
	p := filepath.Join(dir, "single.txt")
	docs, _, err = Load(p, LoadOptions{})
	if err != nil || !reflect.DeepEqual(ids(docs), []string{"single.txt"}) || docs[0].Source != p {
		t.Fatalf("Load(file) = %v, %v", ids(docs), err)
	}

	if _, _, err := Load(filepath.Join(dir, "missing"), LoadOptions{}); err == nil {
		t.Error("Load(missing): want an error")
	}
}

func TestLoadArchive(t *testing.T) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	tw := tar.NewWriter(zw)
	add := func(name, content string, typ byte) {
		if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(content)), Typeflag: typ}); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write([]byte(content)); err != nil {
			t.Fatal(err)
		}
	}
	add("./", "", tar.TypeDir)
	add("./2031-01-02_example-briefing_0001.txt", "title: Example Briefing\ndate: 2031-01-02\nsource: Example Office; dataset\n\n"+goodText, tar.TypeReg)
	add("./sub/b.md", "# B\n\n"+goodText, tar.TypeReg)
	add("./._junk.txt", goodText, tar.TypeReg)
	add("./manifest.tsv", "a\tb\n", tar.TypeReg)
	add("./bin.txt", "\x00\x01", tar.TypeReg)
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "record.tar.gz")
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	docs, skipped, err := Load(p, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(ids(docs), []string{"2031-01-02_example-briefing_0001.txt", "sub/b.md"}) {
		t.Errorf("IDs = %v", ids(docs))
	}
	if docs[0].Format != FormatHeader || docs[0].Outlet != "Example Office" || docs[0].DateString() != "2031-01-02" {
		t.Errorf("header member = %+v", docs[0])
	}
	r := reasons(skipped)
	if !strings.Contains(r["manifest.tsv"], "unknown") || !strings.Contains(r["bin.txt"], "binary") || len(skipped) != 2 {
		t.Errorf("skipped = %v", skipped)
	}

	// A truncated archive keeps what it read and says what broke.
	trunc := filepath.Join(t.TempDir(), "trunc.tgz")
	if err := os.WriteFile(trunc, buf.Bytes()[:buf.Len()/2], 0o644); err != nil {
		t.Fatal(err)
	}
	if _, skipped, err := Load(trunc, LoadOptions{}); err != nil || !strings.Contains(reasons(skipped)["trunc.tgz"], "read archive") {
		t.Errorf("truncated archive: %v %v", skipped, err)
	}
	// Not gzip at all: the source itself is unreadable.
	notgz := filepath.Join(t.TempDir(), "bad.tar.gz")
	if err := os.WriteFile(notgz, []byte("not gzip"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Load(notgz, LoadOptions{}); err == nil {
		t.Error("Load(not gzip): want an error")
	}
}

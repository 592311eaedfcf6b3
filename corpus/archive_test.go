package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// archivePath is the White House record beside the repository.
var archivePath = filepath.Join(sharedDir, "corpus", "whitehouse-briefings.tar.gz")

// TestWhiteHouseArchive loads and splits the whole 11,635-document record.
// It takes a few seconds (longer under -race), so it runs only when
// CORPUS_ARCHIVE_TEST=1:
//
//	CORPUS_ARCHIVE_TEST=1 go test -run TestWhiteHouseArchive -v ./corpus/
func TestWhiteHouseArchive(t *testing.T) {
	if os.Getenv("CORPUS_ARCHIVE_TEST") != "1" {
		t.Skip("set CORPUS_ARCHIVE_TEST=1 to load the whole White House archive")
	}
	if _, err := os.Stat(archivePath); err != nil {
		t.Skipf("White House archive not available: %v", err)
	}
	start := time.Now()
	docs, skipped, err := Load(archivePath, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	loaded := time.Since(start)
	chunks := 0
	for _, d := range docs {
		chunks += len(Split(d, ChunkOptions{}))
	}
	t.Logf("%d documents loaded in %v, %d chunks split in %v (default options), skipped %v",
		len(docs), loaded, chunks, time.Since(start)-loaded, skipped)
	if len(docs) != 11635 {
		t.Errorf("loaded %d documents, want 11635", len(docs))
	}
	for _, s := range skipped {
		if !strings.HasSuffix(s.Path, ".tsv") {
			t.Errorf("unexpected skip %+v", s)
		}
	}
	for _, d := range docs {
		if d.Outlet != "The White House" || d.Date.IsZero() || d.Title == "" || d.Format != FormatHeader {
			t.Errorf("%s: outlet %q date %v title %q format %q", d.ID, d.Outlet, d.Date, d.Title, d.Format)
			break
		}
	}
}

// BenchmarkLoadArchive measures loading and splitting the White House
// record: go test -run=^$ -bench=LoadArchive -benchtime=1x ./corpus/
func BenchmarkLoadArchive(b *testing.B) {
	if _, err := os.Stat(archivePath); err != nil {
		b.Skipf("White House archive not available: %v", err)
	}
	for b.Loop() {
		docs, _, err := Load(archivePath, LoadOptions{})
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for _, d := range docs {
			n += len(Split(d, ChunkOptions{}))
		}
		b.ReportMetric(float64(len(docs)), "docs")
		b.ReportMetric(float64(n), "chunks")
	}
}

// BenchmarkParsePathological guards against quadratic work on inputs with
// no line breaks, many verbs or many dates.
func BenchmarkParsePathological(b *testing.B) {
	cases := map[string]string{
		"repeated-surname": strings.Repeat("Abc said. Other words here and there. ", 30000),
		"repeated-name":    strings.Repeat("Abc Def said. ", 80000),
		"dates-and-verbs":  strings.Repeat("said on Monday September 28 ", 30000),
		"turns":            "title: x\ndate: 2020-01-01\n\n" + strings.Repeat("MR. ABC: x y z\n\n", 60000),
		"teasers":          strings.Repeat("-\nx\n", 300000) + "Leave a review",
		"initials":         strings.Repeat("A. ", 300000),
	}
	for name, text := range cases {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				docs, _ := Parse("x.txt", []byte(text))
				for _, d := range docs {
					Split(d, ChunkOptions{})
				}
			}
		})
	}
}

func TestPathologicalInputs(t *testing.T) {
	// Small versions of the benchmark's inputs: they must parse and split
	// into well-formed chunks (the benchmark watches their speed).
	for name, text := range map[string]string{
		"repeated-surname": strings.Repeat("Abc said. Other words. ", 2000),
		"dates-and-verbs":  strings.Repeat("said on Monday September 28 ", 2000),
		"turns":            "title: x\ndate: 2020-01-01\n\n" + strings.Repeat("MR. ABC: x y z\n\n", 2000),
		"teasers":          "Report text.\nWorld\n" + strings.Repeat("-\nx\n", 2000) + "Leave a review",
		"initials":         strings.Repeat("A. ", 20000),
	} {
		docs, err := Parse("x.txt", []byte(text))
		if err != nil || len(docs) != 1 {
			t.Fatalf("%s: %v", name, err)
		}
		checkChunks(t, docs[0], ChunkOptions{}, Split(docs[0], ChunkOptions{}))
	}
}

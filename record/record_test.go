package record

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/readout/readout/corpus"
	"github.com/readout/readout/internal/datalock"
	"github.com/readout/readout/retrieval"
	"github.com/readout/readout/telemetry"
)

// gateEmbedder wraps the builtin embedder; when gate is set, Embed blocks
// until it is closed, so a test can hold a change in progress.
type gateEmbedder struct {
	*retrieval.BuiltinEmbedder
	mu      sync.Mutex
	gate    chan struct{}
	entered chan struct{}
}

func (g *gateEmbedder) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	g.mu.Lock()
	gate, entered := g.gate, g.entered
	g.mu.Unlock()
	if gate != nil {
		select {
		case entered <- struct{}{}:
		default:
		}
		select {
		case <-gate:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	return g.BuiltinEmbedder.Embed(ctx, texts)
}

const statement = "WASHINGTON, MARCH 3, EXAMPLE WIRE. Spokesperson Jane Example said on March 2 that the talks on the example river treaty would continue next week.\n\n\"We remain committed to the example river treaty,\" Jane Example said.\n"

func newLibrary(t *testing.T, sources ...string) (*Library, *gateEmbedder, string) {
	t.Helper()
	data := t.TempDir()
	emb := &gateEmbedder{BuiltinEmbedder: retrieval.NewBuiltinEmbedder(0)}
	idx, err := retrieval.Open(data, emb, retrieval.IndexOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(sources) == 0 {
		sources = []string{t.TempDir()}
	}
	lib := New(idx, Options{Sources: sources, Uploads: filepath.Join(data, "uploads"), DataDir: data})
	return lib, emb, sources[0]
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestRefreshAddsChangesRemovesAndSkips(t *testing.T) {
	lib, _, src := newLibrary(t)
	ctx := context.Background()
	write(t, filepath.Join(src, "a.txt"), statement)
	write(t, filepath.Join(src, "sub", "b.txt"), strings.ReplaceAll(statement, "river", "mountain"))
	write(t, filepath.Join(src, "blob.txt"), "\x00\x01\x02binary")

	c, err := lib.Refresh(ctx, "moderator-1", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Stats.Added) != 2 || len(c.Skipped) != 1 || c.By != "moderator-1" || c.Kind != "refresh" {
		t.Fatalf("first refresh: added %v skipped %v", c.Stats.Added, c.Skipped)
	}
	if got := lib.DocumentIDs(); strings.Join(got, ",") != "a.txt,sub/b.txt" {
		t.Errorf("ids = %v", got)
	}

	c, err = lib.Refresh(ctx, "moderator-1", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Stats.Added)+len(c.Stats.Changed)+len(c.Stats.Removed) != 0 || c.Stats.Embedded != 0 {
		t.Errorf("unchanged refresh changed something: %+v", c.Stats)
	}

	write(t, filepath.Join(src, "a.txt"), statement+"\nShe added that the next round would be in Example City.\n")
	os.Remove(filepath.Join(src, "sub", "b.txt"))
	// Half the record would go: the guard stops, and nothing changes.
	_, err = lib.Refresh(ctx, "moderator-2", nil)
	var guard *RemovalError
	if !errors.As(err, &guard) || strings.Join(guard.Removed, ",") != "sub/b.txt" || len(lib.DocumentIDs()) != 2 {
		t.Fatalf("refresh removing half the record: %v, %v", err, lib.DocumentIDs())
	}
	lib.opts.Force = true
	c, err = lib.Refresh(ctx, "moderator-2", nil)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(c.Stats.Changed, ",") != "a.txt" || strings.Join(c.Stats.Removed, ",") != "sub/b.txt" {
		t.Errorf("changed %v removed %v", c.Stats.Changed, c.Stats.Removed)
	}
	if st := lib.Status(); st.Docs != 1 || st.LastChange == nil || st.LastChange.By != "moderator-2" {
		t.Errorf("status = %+v", st)
	}
}

func TestSecondChangeWhileOneRunsIsRefused(t *testing.T) {
	lib, emb, src := newLibrary(t)
	write(t, filepath.Join(src, "a.txt"), statement)
	emb.mu.Lock()
	emb.gate, emb.entered = make(chan struct{}), make(chan struct{}, 1)
	emb.mu.Unlock()

	done := make(chan error, 1)
	go func() {
		_, err := lib.Refresh(context.Background(), "first-mod", nil)
		done <- err
	}()
	<-emb.entered // the first refresh is embedding now

	_, err := lib.Refresh(context.Background(), "second-mod", nil)
	var busy *BusyError
	if !errors.As(err, &busy) || busy.By != "first-mod" || busy.Kind != "refresh" {
		t.Fatalf("second refresh: %v", err)
	}
	if _, _, err := lib.AddFile(context.Background(), "x.txt", []byte(statement+" x"), "second-mod"); !errors.As(err, &busy) {
		t.Errorf("add during refresh: %v", err)
	}
	close(emb.gate)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if _, err := lib.Refresh(context.Background(), "second-mod", nil); err != nil {
		t.Errorf("refresh after the first finished: %v", err)
	}
}

func TestAddFileValidatesAndPersists(t *testing.T) {
	lib, _, src := newLibrary(t)
	ctx := context.Background()
	write(t, filepath.Join(src, "a.txt"), statement)
	if _, err := lib.Refresh(ctx, "m", nil); err != nil {
		t.Fatal(err)
	}
	bad := []struct{ name, data string }{
		{"../escape.txt", "text"},
		{"dir/inner.txt", "text"},
		{`dir\inner.txt`, "text"},
		{".hidden.txt", "text"},
		{"program.exe", "text"},
		{"blob.txt", "\x00\x00binary\x00"},
		{"dup.txt", statement},
		{"huge.txt", strings.Repeat("a", 17<<20)},
	}
	for _, b := range bad {
		_, _, err := lib.AddFile(ctx, b.name, []byte(b.data), "m")
		var ie *InputError
		if !errors.As(err, &ie) {
			t.Errorf("AddFile(%q) = %v, want an InputError", b.name, err)
		}
	}
	if n := len(lib.DocumentIDs()); n != 1 {
		t.Fatalf("refused additions changed the record: %d documents", n)
	}

	other := strings.ReplaceAll(statement, "river", "lake")
	id, c, err := lib.AddFile(ctx, "lake.txt", []byte(other), "m")
	if err != nil {
		t.Fatal(err)
	}
	if id != "added/lake.txt" || len(c.Stats.Added) != 1 {
		t.Errorf("id %q, added %v", id, c.Stats.Added)
	}
	if _, _, err := lib.AddFile(ctx, "lake.txt", []byte(other+" again"), "m"); err == nil {
		t.Error("a second file of the same name was accepted")
	}
	// A later refresh keeps it: it is stored with the sources.
	c, err = lib.Refresh(ctx, "m", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Stats.Removed) != 0 {
		t.Errorf("refresh dropped the added document: %v", c.Stats.Removed)
	}
	hits, err := lib.Index().Search(ctx, "example lake treaty", retrieval.SearchOptions{K: 1})
	if err != nil || len(hits) == 0 || hits[0].Doc.ID != "added/lake.txt" {
		t.Errorf("added document not found by search: %v %v", hits, err)
	}
}

func TestRemove(t *testing.T) {
	lib, _, src := newLibrary(t)
	ctx := context.Background()
	write(t, filepath.Join(src, "a.txt"), statement)
	if _, err := lib.Refresh(ctx, "m", nil); err != nil {
		t.Fatal(err)
	}
	if _, _, err := lib.AddFile(ctx, "lake.txt", []byte(strings.ReplaceAll(statement, "river", "lake")), "m"); err != nil {
		t.Fatal(err)
	}
	if _, err := lib.Remove(ctx, "nope.txt", "m"); !errors.Is(err, ErrNotFound) {
		t.Errorf("removing a missing document: %v", err)
	}
	if _, err := lib.Remove(ctx, "added/lake.txt", "m"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(lib.opts.Uploads, "lake.txt")); !os.IsNotExist(err) {
		t.Errorf("the added file is still stored: %v", err)
	}
	// A source document is excluded, and stays out after a refresh and a
	// restart of the library; its file is left alone.
	if _, err := lib.Remove(ctx, "a.txt", "m"); err != nil {
		t.Fatal(err)
	}
	fresh := New(lib.Index(), lib.opts)
	c, err := fresh.Refresh(ctx, "m", nil)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(fresh.DocumentIDs()); n != 0 {
		t.Errorf("removed documents came back: %v (skipped %v)", fresh.DocumentIDs(), c.Skipped)
	}
	if _, err := os.Stat(filepath.Join(src, "a.txt")); err != nil {
		t.Errorf("the source file was touched: %v", err)
	}
}

func TestSampleIsTheDefaultSource(t *testing.T) {
	idx, err := retrieval.Open("", retrieval.NewBuiltinEmbedder(0), retrieval.IndexOptions{})
	if err != nil {
		t.Fatal(err)
	}
	lib := New(idx, Options{})
	if _, err := lib.Refresh(context.Background(), "cli", nil); err != nil {
		t.Fatal(err)
	}
	ids := lib.DocumentIDs()
	if len(ids) != 5 || ids[0] != "000_796cebcc88a1bf3f.txt" {
		t.Errorf("sample ids = %v", ids)
	}
	if _, _, err := lib.AddFile(context.Background(), "x.txt", []byte(statement), "m"); err == nil {
		t.Error("AddFile without an uploads folder was accepted")
	}
	_ = corpus.SampleSource
}

func TestAddURL(t *testing.T) {
	page := `<html><head><title>Example Wire: treaty talks</title></head><body><nav>Home | News</nav><article><p>` + statement + `</p></article><script>alert(1)</script></body></html>`
	mux := http.NewServeMux()
	mux.HandleFunc("/news/treaty", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(page))
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(strings.Repeat("<p>word</p>", 200_000)))
	})
	mux.HandleFunc("/to-file", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	})
	mux.HandleFunc("/image", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG"))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	ctx := context.Background()

	// Loopback is refused unless the configuration allows it.
	strict, _, _ := newLibrary(t)
	_, _, err := strict.AddURL(ctx, srv.URL+"/news/treaty", "m")
	var ie *InputError
	if !errors.As(err, &ie) || !strings.Contains(err.Error(), "private, loopback or reserved") {
		t.Errorf("loopback fetch: %v", err)
	}

	lib, _, _ := newLibrary(t)
	lib.opts.Fetch = FetchOptions{AllowPrivate: true, MaxBytes: 1 << 20}
	for _, u := range []string{"file:///etc/passwd", "ftp://example.com/x", srv.URL + "/to-file", srv.URL + "/big", srv.URL + "/image", "http://user:pw@example.com/"} {
		if _, _, err := lib.AddURL(ctx, u, "m"); !errors.As(err, &ie) {
			t.Errorf("AddURL(%s) = %v, want an InputError", u, err)
		}
	}
	id, _, err := lib.AddURL(ctx, srv.URL+"/news/treaty", "m")
	if err != nil {
		t.Fatal(err)
	}
	d, ok := lib.Index().Document(id)
	if !ok {
		t.Fatalf("%s not indexed", id)
	}
	if d.URL != srv.URL+"/news/treaty" || strings.Contains(d.Text, "alert(1)") || strings.Contains(d.Text, "Home | News") || !strings.Contains(d.Text, "committed to the example river treaty") {
		t.Errorf("fetched document: url %q text %q", d.URL, d.Text)
	}
}

func TestChangesAreCounted(t *testing.T) {
	lib, emb, src := newLibrary(t)
	m := telemetry.New()
	lib.opts.Metrics = m
	write(t, filepath.Join(src, "a.txt"), statement)
	if _, err := lib.Refresh(context.Background(), "m", nil); err != nil {
		t.Fatal(err)
	}
	emb.mu.Lock()
	emb.gate, emb.entered = make(chan struct{}), make(chan struct{}, 1)
	emb.mu.Unlock()
	write(t, filepath.Join(src, "b.txt"), strings.ReplaceAll(statement, "river", "lake"))
	done := make(chan error, 1)
	go func() { _, err := lib.Refresh(context.Background(), "m", nil); done <- err }()
	<-emb.entered
	if _, err := lib.Refresh(context.Background(), "m2", nil); err == nil {
		t.Fatal("second refresh accepted")
	}
	close(emb.gate)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if got := testutil.ToFloat64(m.Refreshes.WithLabelValues("ok")); got != 2 {
		t.Errorf("ok refreshes = %v", got)
	}
	if got := testutil.ToFloat64(m.Refreshes.WithLabelValues("busy")); got != 1 {
		t.Errorf("busy refreshes = %v", got)
	}
	if got := testutil.ToFloat64(m.IndexDocs); got != 2 {
		t.Errorf("index documents gauge = %v", got)
	}
}

// /corpus status names the last change even after a restart.
func TestLastChangeSurvivesARestart(t *testing.T) {
	lib, _, src := newLibrary(t)
	write(t, filepath.Join(src, "a.txt"), statement)
	if _, err := lib.Refresh(context.Background(), "moderator-7", nil); err != nil {
		t.Fatal(err)
	}
	again := New(lib.Index(), lib.opts)
	c := again.Status().LastChange
	if c == nil || c.By != "moderator-7" || c.Kind != "refresh" || len(c.Stats.Added) != 1 || c.At.IsZero() {
		t.Errorf("after a restart the last change is %+v", c)
	}
}

// A reading of the sources past the load limits stops the refresh with the
// record as it was; a link to a file outside a source folder is not
// indexed, and the refresh says so.
func TestRefreshIsBoundedAndKeepsToItsFolders(t *testing.T) {
	lib, _, src := newLibrary(t)
	ctx := context.Background()
	write(t, filepath.Join(src, "a.txt"), statement)
	secret := filepath.Join(t.TempDir(), "secret.txt")
	write(t, secret, "Spokesperson Zara Quillfeather of Nowhereland said the vault code is 4242.\n")
	if err := os.Symlink(secret, filepath.Join(src, "secret.txt")); err != nil {
		t.Fatal(err)
	}
	c, err := lib.Refresh(ctx, "m", nil)
	if err != nil {
		t.Fatal(err)
	}
	if ids := lib.DocumentIDs(); len(ids) != 1 || ids[0] != "a.txt" {
		t.Errorf("indexed %v, want only a.txt", ids)
	}
	reported := false
	for _, sk := range c.Skipped {
		reported = reported || sk.Path == "secret.txt" && strings.Contains(sk.Reason, "outside the source folder")
	}
	if !reported {
		t.Errorf("the link out of the folder was not reported: %v", c.Skipped)
	}

	// Two more documents against a limit of two: the whole reading fails.
	write(t, filepath.Join(src, "b.txt"), strings.ReplaceAll(statement, "river", "lake"))
	write(t, filepath.Join(src, "c.txt"), strings.ReplaceAll(statement, "river", "sea"))
	lib.opts.Load.MaxDocuments = 2
	_, err = lib.Refresh(ctx, "m", nil)
	var le *corpus.LimitError
	if !errors.As(err, &le) || le.What != "documents" {
		t.Fatalf("refresh past the document limit: %v", err)
	}
	if ids := lib.DocumentIDs(); len(ids) != 1 {
		t.Errorf("after the refused refresh the record holds %v", ids)
	}
}

// A folder written before sources.json named its sources in
// indexed-sources.txt as they were given, perhaps relative: a refresh with
// no sources named reads those and records them as absolute paths.
func TestLegacySourcesListIsReadAndMadeAbsolute(t *testing.T) {
	parent := t.TempDir()
	t.Chdir(parent)
	write(t, filepath.Join(parent, "rec", "a.txt"), statement)
	data := t.TempDir()
	write(t, filepath.Join(data, sourcesFile), "rec\n")
	idx, err := retrieval.Open(data, retrieval.NewBuiltinEmbedder(0), retrieval.IndexOptions{})
	if err != nil {
		t.Fatal(err)
	}
	lib := New(idx, Options{DataDir: data})
	if _, err := lib.Refresh(context.Background(), "cli", nil); err != nil {
		t.Fatal(err)
	}
	if ids := lib.DocumentIDs(); len(ids) != 1 || ids[0] != "a.txt" {
		t.Fatalf("indexed %v, want the legacy source's a.txt", ids)
	}
	r, err := readFolderRecord(data)
	if err != nil || r.BuiltFrom == nil || len(r.BuiltFrom.Sources) != 1 || !filepath.IsAbs(r.BuiltFrom.Sources[0]) {
		t.Errorf("recorded %+v, %v; want the absolute path of rec", r.BuiltFrom, err)
	}
}

// Temporary files that killed writers left in the data folder and the
// uploads folder are removed when the record is opened again; one a live
// writer holds is kept.
func TestLeftoverTemporaryFilesAreRemoved(t *testing.T) {
	lib, _, _ := newLibrary(t)
	dead := deadPID(t)
	stale := []string{
		filepath.Join(lib.opts.DataDir, fmt.Sprintf(".%s.tmp-%d-7", SourcesFile, dead)),
		filepath.Join(lib.opts.DataDir, fmt.Sprintf(".%s.tmp-%d-8", lastChangeFile, dead)),
		filepath.Join(lib.opts.Uploads, fmt.Sprintf(".note.txt.tmp-%d-9", dead)),
	}
	for _, p := range stale {
		write(t, p, "half written")
	}
	live, err := datalock.CreateTemp(lib.opts.DataDir, tempPrefix(SourcesFile))
	if err != nil {
		t.Fatal(err)
	}
	defer live.Close()
	New(lib.Index(), lib.opts)
	for _, p := range stale {
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Errorf("%s was left", p)
		}
	}
	if _, err := os.Stat(live.Name()); err != nil {
		t.Errorf("the file a live writer holds was removed: %v", err)
	}
}

package bot

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/bwmarrin/discordgo"
	"github.com/readout/readout/answer"
	"github.com/readout/readout/internal/testsupport"
	"github.com/readout/readout/record"
	"github.com/readout/readout/retrieval"
)

// libStatement is invented document i.
func libStatement(i int) string {
	return fmt.Sprintf("EXAMPLE CITY, MARCH %d, EXAMPLE WIRE. Spokesperson Jane Example said on March %d that the talks on the example river treaty number %d would continue next week.\n\n\"We remain committed to treaty %d,\" Jane Example said.\n", 1+i%27, 1+i%27, i, i)
}

// realLibrary is the real record over temporary folders, with n invented
// documents indexed by the builtin embedder.
func realLibrary(t *testing.T, n int) (*record.Library, string, string) {
	t.Helper()
	src, data := t.TempDir(), t.TempDir()
	for i := 0; i < n; i++ {
		if err := os.WriteFile(filepath.Join(src, fmt.Sprintf("doc%03d.txt", i)), []byte(libStatement(i)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	idx, err := retrieval.Open(data, retrieval.NewBuiltinEmbedder(0), retrieval.IndexOptions{})
	if err != nil {
		t.Fatal(err)
	}
	uploads := filepath.Join(data, "uploads")
	lib := record.New(idx, record.Options{Sources: []string{src}, Uploads: uploads, DataDir: data})
	if _, err := lib.Refresh(context.Background(), "test", nil); err != nil {
		t.Fatal(err)
	}
	return lib, src, uploads
}

const moderator = int64(discordgo.PermissionManageGuild)

func addFile(h *harness, name, url string, size int) *discordgo.Interaction {
	return h.d.SendInteraction(testsupport.Interaction{Command: "corpus", Permissions: moderator,
		Options:     corpusCmd("add", &discordgo.ApplicationCommandInteractionDataOption{Name: "file", Type: discordgo.ApplicationCommandOptionAttachment, Value: "att1"}),
		Attachments: map[string]*discordgo.MessageAttachment{"att1": {ID: "att1", Filename: name, URL: url, Size: size}}})
}

func addURL(h *harness, url string, perms int64) *discordgo.Interaction {
	return h.d.SendInteraction(testsupport.Interaction{Command: "corpus", Permissions: perms,
		Options: corpusCmd("add", testsupport.Opt("url", url))})
}

// TestCorpusAddHostileInputs sends /corpus add the files and links an
// attacker (or a careless moderator) would: each is refused with a clear
// sentence and the record, and the folders, are unchanged.
func TestCorpusAddHostileInputs(t *testing.T) {
	t.Parallel()
	var downloads sync.Map
	files := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		downloads.Store(r.URL.Path, true)
		switch r.URL.Path {
		case "/huge.txt":
			chunk := []byte(strings.Repeat("word ", 1<<12))
			for i := 0; i < (11<<20)/len(chunk)+1; i++ {
				if _, err := w.Write(chunk); err != nil {
					return
				}
			}
		case "/blob.txt":
			w.Write([]byte("\x00\x01\x02binary\x00\xff\xfe"))
		case "/dup.txt":
			w.Write([]byte(libStatement(1)))
		default:
			w.Write([]byte(strings.ReplaceAll(libStatement(99), "river", "lake")))
		}
	}))
	t.Cleanup(files.Close)
	lib, _, uploads := realLibrary(t, 3)
	h := start(t, Config{}, Deps{Answerer: &answer.Pipeline{Index: lib.Index()}, Searcher: lib.Index(), Record: lib})

	tests := []struct {
		name string
		send func() *discordgo.Interaction
		want string
	}{
		{"declared too large", func() *discordgo.Interaction { return addFile(h, "big.txt", files.URL+"/never.txt", 50<<20) }, "too large"},
		{"declared just too large", func() *discordgo.Interaction { return addFile(h, "big2.txt", files.URL+"/never.txt", 10<<20+1<<19) }, "too large (10.5 MB); the limit is 10 MB"},
		{"lies about its size", func() *discordgo.Interaction { return addFile(h, "huge.txt", files.URL+"/huge.txt", 100) }, "larger than 10 MB"},
		{"binary", func() *discordgo.Interaction { return addFile(h, "blob.txt", files.URL+"/blob.txt", 12) }, "could not add"},
		{"duplicate text", func() *discordgo.Interaction { return addFile(h, "dup.txt", files.URL+"/dup.txt", 300) }, "already in the record"},
		{"backslash path", func() *discordgo.Interaction { return addFile(h, `..\..\evil.txt`, files.URL+"/evil.txt", 300) }, "not allowed"},
		{"executable", func() *discordgo.Interaction { return addFile(h, "run.exe", files.URL+"/run.exe", 300) }, "not a format"},
		{"file URL", func() *discordgo.Interaction { return addURL(h, "file:///etc/passwd", moderator) }, "only http and https"},
		{"loopback URL", func() *discordgo.Interaction { return addURL(h, files.URL+"/page.txt", moderator) }, "private, loopback or reserved"},
		{"metadata URL", func() *discordgo.Interaction { return addURL(h, "http://169.254.169.254/latest/meta-data/", moderator) }, "private, loopback or reserved"},
		{"not a moderator", func() *discordgo.Interaction {
			return addURL(h, "https://example.org/x", int64(discordgo.PermissionSendMessages))
		}, "Only moderators"},
	}
	for _, tt := range tests {
		in := tt.send()
		h.wait(tt.name, func() bool { return h.settled(in.ID) })
		r := h.d.Response(in.ID)
		if c := r.Original.Content; !strings.Contains(c, tt.want) {
			t.Errorf("%s: %q, want it to say %q", tt.name, c, tt.want)
		}
		if r.Flags&discordgo.MessageFlagsEphemeral == 0 {
			t.Errorf("%s: the refusal is public", tt.name)
		}
	}
	if _, ok := downloads.Load("/never.txt"); ok {
		t.Error("a file declared too large was downloaded")
	}
	if n := len(lib.DocumentIDs()); n != 3 {
		t.Errorf("refused additions changed the record: %v", lib.DocumentIDs())
	}
	stored, _ := filepath.Glob(filepath.Join(uploads, "*"))
	if len(stored) != 0 {
		t.Errorf("refused files were stored: %v", stored)
	}

	// A name with forward slashes keeps only its last element, inside the
	// uploads folder.
	in := addFile(h, "../../escape.txt", files.URL+"/escape.txt", 300)
	h.wait("escape added", func() bool { return h.settled(in.ID) })
	if c := h.d.Response(in.ID).Original.Content; !strings.Contains(c, "Added `added/escape.txt`") {
		t.Errorf("add: %q", c)
	}
	if _, err := os.Stat(filepath.Join(uploads, "escape.txt")); err != nil {
		t.Errorf("not stored in the uploads folder: %v", err)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(filepath.Dir(uploads)), "escape.txt")); err == nil {
		t.Error("a file was written outside the uploads folder")
	}
	checkRequests(t, h.d)
}

// TestConcurrentQuestionsAndChanges runs questions, follow-ups, refreshes,
// additions and removals at once through the bot over the real record
// (run with -race): every question is answered, every change ends in a
// summary or a "busy" refusal, and the record ends consistent.
func TestConcurrentQuestionsAndChanges(t *testing.T) {
	t.Parallel()
	files := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(strings.ReplaceAll(libStatement(500+len(r.URL.Path)), "river", "mountain "+r.URL.Path)))
	}))
	t.Cleanup(files.Close)
	lib, src, _ := realLibrary(t, 20)
	pipe := &answer.Pipeline{Index: lib.Index()}
	h := start(t, Config{MessageContent: true, AskPerMinute: -1}, Deps{Answerer: pipe, Searcher: lib.Index(), Record: lib})
	first := h.ask("What did Jane Example say about treaty number 3?")
	h.wait("first answer", func() bool { return h.settled(first.ID) && len(h.d.Threads()) == 1 })
	th := h.d.Threads()[0]

	var ins []*discordgo.Interaction
	var mu sync.Mutex
	var wg sync.WaitGroup
	keep := func(in *discordgo.Interaction) { mu.Lock(); ins = append(ins, in); mu.Unlock() }
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 5; k++ {
				n := w*5 + k
				keep(h.d.SendInteraction(testsupport.Interaction{Command: "ask", UserID: fmt.Sprint(3000 + n),
					Options: []*discordgo.ApplicationCommandInteractionDataOption{testsupport.Opt("question", fmt.Sprintf("What did Jane Example say about treaty number %d?", n))}}))
				h.d.SendMessage(testsupport.UserMessage{ChannelID: th.ID, AuthorID: fmt.Sprint(4000 + n), Content: fmt.Sprintf("And about treaty %d?", n)})
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for k := 0; k < 3; k++ {
			// A source changes on disk while refreshes run.
			_ = os.WriteFile(filepath.Join(src, fmt.Sprintf("new%d.txt", k)), []byte(libStatement(200+k)), 0o644)
			keep(h.d.SendInteraction(testsupport.Interaction{Command: "corpus", Permissions: moderator, Options: corpusCmd("refresh")}))
			keep(addFile(h, fmt.Sprintf("added%d.txt", k), files.URL+fmt.Sprintf("/a%d", k), 300))
			keep(h.d.SendInteraction(testsupport.Interaction{Command: "corpus", Permissions: moderator,
				Options: corpusCmd("remove", testsupport.Opt("document", fmt.Sprintf("doc%03d.txt", 10+k)))}))
			keep(h.d.SendInteraction(testsupport.Interaction{Command: "corpus", Options: corpusCmd("status")}))
		}
	}()
	wg.Wait()
	for _, in := range ins {
		h.wait("interaction "+in.ID, func() bool { return h.settled(in.ID) })
		c := h.d.Response(in.ID).Original.Content
		if strings.Contains(c, "went wrong") || strings.Contains(c, "failed") {
			t.Errorf("interaction failed: %q", c)
		}
	}
	h.waitNoFatal("follow-ups", func() bool {
		n := 0
		for _, m := range h.d.Messages(th.ID) {
			// Settled: neither the placeholder ("> q\n…") nor a draft (" …").
			if strings.HasPrefix(m.Content, "> And about treaty") && !strings.HasSuffix(m.Content, "\n…") && !strings.HasSuffix(m.Content, " …") {
				n++
			}
		}
		return n == 20
	})
	if t.Failed() {
		for _, m := range h.d.Messages(th.ID) {
			t.Logf("thread message: %.200q", m.Content)
		}
		t.FailNow()
	}
	if err := h.shutdown(); err != nil {
		t.Fatal(err)
	}
	// The record is consistent: what the index holds is what a fresh
	// read of the sources gives.
	docs, _, err := lib.ReadSources()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lib.Refresh(context.Background(), "check", nil); err != nil {
		t.Fatal(err)
	}
	if got := len(lib.DocumentIDs()); got != len(docs) {
		t.Errorf("index holds %d documents, sources %d", got, len(docs))
	}
	checkRequests(t, h.d)
}

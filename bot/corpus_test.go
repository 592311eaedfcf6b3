package bot

import (
	"context"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/readout/readout/corpus"
	"github.com/readout/readout/internal/testsupport"
	"github.com/readout/readout/record"
	"github.com/readout/readout/retrieval"
)

func corpusCmd(sub string, opts ...*discordgo.ApplicationCommandInteractionDataOption) []*discordgo.ApplicationCommandInteractionDataOption {
	o := testsupport.Opt(sub, nil, opts...)
	return []*discordgo.ApplicationCommandInteractionDataOption{o}
}

func TestCorpusRefreshRefusedForNonModerators(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		in   testsupport.Interaction
	}{
		{"member without permission", testsupport.Interaction{Permissions: int64(discordgo.PermissionSendMessages)}},
		{"member with another role", testsupport.Interaction{Roles: []string{"555"}}},
		{"direct message", testsupport.Interaction{DM: true, ChannelID: "dm"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			rec := &fakeRecord{}
			h := start(t, Config{AllowDMs: true, ModeratorRoleIDs: []string{"777"}}, Deps{Answerer: echoAnswerer(), Record: rec})
			spec := tc.in
			if spec.DM {
				spec.ChannelID = h.d.AddDMChannel()
			}
			spec.Command, spec.Options = "corpus", corpusCmd("refresh")
			in := h.d.SendInteraction(spec)
			h.wait("refusal", func() bool { return h.settled(in.ID) })
			r := h.d.Response(in.ID)
			if r.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(r.Original.Content, "Only moderators") {
				t.Errorf("refusal: flags %d %q", r.Flags, r.Original.Content)
			}
			if err := h.shutdown(); err != nil {
				t.Fatal(err)
			}
			if rec.Refreshes() != 0 {
				t.Error("a refused refresh ran")
			}
		})
	}
}

func TestCorpusRefreshProgressSummaryAndConcurrency(t *testing.T) {
	t.Parallel()
	rec := &fakeRecord{release: make(chan struct{})}
	h := start(t, Config{ModeratorRoleIDs: []string{"777"}}, Deps{Answerer: echoAnswerer(), Record: rec})
	first := h.d.SendInteraction(testsupport.Interaction{Command: "corpus", Options: corpusCmd("refresh"), UserID: "4242", Permissions: int64(discordgo.PermissionManageGuild)})
	h.wait("progress", func() bool {
		r := h.d.Response(first.ID)
		return r.Original != nil && strings.Contains(r.Original.Content, "documents read: 3 of 3")
	})
	// A second refresh, by a moderator role, while the first runs.
	second := h.d.SendInteraction(testsupport.Interaction{Command: "corpus", Options: corpusCmd("refresh"), UserID: "4343", Roles: []string{"777"}})
	h.wait("second refused", func() bool { return h.settled(second.ID) })
	if c := h.d.Response(second.ID).Original.Content; !strings.Contains(c, "refresh started by <@4242>") {
		t.Errorf("second refresh: %q", c)
	}
	// Questions keep being answered during the refresh.
	q := h.ask("Still answering?")
	h.wait("answer during refresh", func() bool { return h.settled(q.ID) })

	close(rec.release)
	h.wait("summary", func() bool {
		r := h.d.Response(first.ID)
		return r.Original != nil && strings.Contains(r.Original.Content, "Refresh done")
	})
	c := h.d.Response(first.ID).Original.Content
	for _, want := range []string{"1 added", "snap-2", "bad.bin: not text", "Added: new.txt"} {
		if !strings.Contains(c, want) {
			t.Errorf("summary lacks %q:\n%s", want, c)
		}
	}
	if h.d.Response(first.ID).Flags&discordgo.MessageFlagsEphemeral == 0 {
		t.Error("refresh progress is not ephemeral")
	}
	if rec.Refreshes() != 1 {
		t.Errorf("%d refreshes ran, want 1", rec.Refreshes())
	}
	checkRequests(t, h.d)
}

// A refresh that outlasts the interaction token (15 minutes) still tells
// the moderator how it ended: by direct message, never in the channel.
func TestCorpusRefreshOutlastingTheTokenReportsByDM(t *testing.T) {
	t.Parallel()
	rec := &fakeRecord{release: make(chan struct{})}
	h := start(t, Config{}, Deps{Answerer: echoAnswerer(), Record: rec})
	in := h.d.SendInteraction(testsupport.Interaction{Command: "corpus", Options: corpusCmd("refresh"), UserID: "4242", Permissions: int64(discordgo.PermissionManageGuild)})
	h.wait("progress", func() bool {
		r := h.d.Response(in.ID)
		return r.Original != nil && strings.Contains(r.Original.Content, "documents read: 3 of 3")
	})
	h.d.Advance(16 * time.Minute) // the interaction token is now invalid
	close(rec.release)
	h.wait("summary by DM", func() bool {
		dm := h.d.DMChannel("4242")
		if dm == "" {
			return false
		}
		for _, m := range h.d.Messages(dm) {
			if strings.Contains(m.Content, "Refresh done") {
				return true
			}
		}
		return false
	})
	for _, m := range h.d.Messages(h.d.ChannelID) {
		if strings.Contains(m.Content, "Refresh done") {
			t.Errorf("a moderator's summary was posted in the channel: %q", m.Content)
		}
	}
	if err := h.shutdown(); err != nil {
		t.Fatal(err)
	}
	checkRequests(t, h.d)
}

// A refresh the record refuses (it would remove too much, or read too
// much) tells the moderator what and how to go ahead, not "see the log".
func TestCorpusRefreshRefusedByTheRecord(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		err  error
		want []string
	}{
		{"removal guard", &record.RemovalError{Removed: []string{"a.txt", "b.txt", "c.txt", "d.txt", "e.txt", "f.txt", "g.txt"}, Of: 8, Sources: []string{"/srv/record"}},
			[]string{"record is unchanged", "remove 7 of the record's 8 documents", "`a.txt`", "and 2 more", "readout index --force"}},
		{"load limit", &corpus.LimitError{Source: "/srv/record.tar.gz", What: "bytes", Limit: 1 << 20},
			[]string{"record is unchanged", "limit of 1048576 bytes"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := &fakeRecord{refuse: tc.err}
			h := start(t, Config{}, Deps{Answerer: echoAnswerer(), Record: rec})
			in := h.d.SendInteraction(testsupport.Interaction{Command: "corpus", Options: corpusCmd("refresh"), UserID: "4242", Permissions: int64(discordgo.PermissionManageGuild)})
			h.wait("refused", func() bool {
				r := h.d.Response(in.ID)
				return r.Original != nil && strings.Contains(r.Original.Content, "unchanged")
			})
			c := h.d.Response(in.ID).Original.Content
			for _, want := range tc.want {
				if !strings.Contains(c, want) {
					t.Errorf("reply lacks %q:\n%s", want, c)
				}
			}
			if strings.Contains(c, "/srv/") {
				t.Errorf("reply shows a server path: %s", c)
			}
		})
	}
}

func TestCorpusStatusRemoveAndAutocomplete(t *testing.T) {
	t.Parallel()
	rec := &fakeRecord{docs: []string{"added/alpha.txt", "added/beta.txt", "seeds/gamma.txt"}}
	h := start(t, Config{}, Deps{Answerer: echoAnswerer(), Record: rec})
	mod := int64(discordgo.PermissionAdministrator)

	st := h.d.SendInteraction(testsupport.Interaction{Command: "corpus", Options: corpusCmd("status")})
	h.wait("status", func() bool { return h.settled(st.ID) })
	if c := h.d.Response(st.ID).Original.Content; !strings.Contains(c, "3 documents, 12 passages") || !strings.Contains(c, "snap-1") {
		t.Errorf("status: %q", c)
	}

	focused := testsupport.Opt("document", "BETA")
	focused.Focused = true
	ac := h.d.SendInteraction(testsupport.Interaction{Type: discordgo.InteractionApplicationCommandAutocomplete, Command: "corpus",
		Options: corpusCmd("remove", focused), Permissions: mod})
	h.wait("choices", func() bool { return h.d.Response(ac.ID).Acked })
	reqs := h.d.Requests(func(r testsupport.Request) bool { return strings.Contains(r.Path, ac.ID) })
	if len(reqs) != 1 || !strings.Contains(string(reqs[0].Body), `"added/beta.txt"`) || strings.Contains(string(reqs[0].Body), "alpha") {
		t.Errorf("autocomplete: %s", reqs[0].Body)
	}

	rm := h.d.SendInteraction(testsupport.Interaction{Command: "corpus", Options: corpusCmd("remove", testsupport.Opt("document", "added/beta.txt")), Permissions: mod})
	h.wait("removed", func() bool { return h.settled(rm.ID) })
	if c := h.d.Response(rm.ID).Original.Content; !strings.Contains(c, "Removed `added/beta.txt`") {
		t.Errorf("remove: %q", c)
	}
	checkRequests(t, h.d)
}

// fakeSearcher returns fixed hits.
type fakeSearcher struct{ hits []retrieval.Hit }

func (f fakeSearcher) Search(context.Context, string, retrieval.SearchOptions) ([]retrieval.Hit, error) {
	return f.hits, nil
}

func TestButtonsShowPassagesAndFeedback(t *testing.T) {
	t.Parallel()
	h := start(t, Config{}, Deps{Answerer: echoAnswerer()})
	in := h.ask("What about the talks?")
	h.wait("answer", func() bool { return h.settled(in.ID) })
	orig := h.d.Response(in.ID).Original
	row, ok := orig.Components[0].(*discordgo.ActionsRow)
	if !ok || len(row.Components) != 3 {
		t.Fatalf("buttons: %#v", orig.Components)
	}
	ids := map[string]string{}
	for _, c := range row.Components {
		b := c.(*discordgo.Button)
		ids[b.Label] = b.CustomID
	}
	press := func(label string) testsupport.Response {
		t.Helper()
		p := h.d.SendInteraction(testsupport.Interaction{Type: discordgo.InteractionMessageComponent, CustomID: ids[label], MessageID: orig.ID, UserID: "6060"})
		h.wait(label, func() bool {
			return h.settled(p.ID) || h.d.Response(p.ID).Original != nil && len(h.d.Response(p.ID).Original.Embeds) > 0
		})
		return h.d.Response(p.ID)
	}
	r := press("Show passages")
	if r.Flags&discordgo.MessageFlagsEphemeral == 0 || len(r.Original.Embeds) != 1 ||
		!strings.Contains(r.Original.Embeds[0].Description, "the talks were constructive") || !strings.Contains(r.Original.Embeds[0].Title, "[1] Example Wire") {
		t.Errorf("passages: %+v", r.Original)
	}
	r = press("👍")
	if !strings.Contains(r.Original.Content, "Thanks") || r.Flags&discordgo.MessageFlagsEphemeral == 0 {
		t.Errorf("feedback reply: %q", r.Original.Content)
	}
	if err := h.shutdown(); err != nil {
		t.Fatal(err)
	}
	logs := h.logs.String()
	if !strings.Contains(logs, `"msg":"feedback","vote":"up"`) || !strings.Contains(logs, `"snapshot":"snap-1"`) || !strings.Contains(logs, "Answer about What about the talks?") {
		t.Errorf("feedback not logged with question, answer and snapshot:\n%s", logs)
	}
	checkRequests(t, h.d)
}

func TestShowPassagesAfterRestartSearchesAgain(t *testing.T) {
	t.Parallel()
	fa := echoAnswerer()
	hits := []retrieval.Hit{{Chunk: sampleHitChunk()}}
	h := start(t, Config{}, Deps{Answerer: fa, Searcher: fakeSearcher{hits: hits}})
	in := h.ask("What about the talks?")
	h.wait("answer", func() bool { return h.settled(in.ID) })
	orig := h.d.Response(in.ID).Original
	h.b.answers = newRecent[*cachedAnswer](1) // as after a restart: the cache is empty
	row := orig.Components[0].(*discordgo.ActionsRow)
	p := h.d.SendInteraction(testsupport.Interaction{Type: discordgo.InteractionMessageComponent, CustomID: row.Components[0].(*discordgo.Button).CustomID, MessageID: orig.ID})
	h.wait("passages", func() bool { r := h.d.Response(p.ID); return r.Original != nil && len(r.Original.Embeds) == 1 })
	if c := h.d.Response(p.ID).Original.Content; !strings.Contains(c, "no longer in memory") {
		t.Errorf("fallback not explained: %q", c)
	}
}

// countingSearcher is fakeSearcher counting its searches.
type countingSearcher struct {
	fakeSearcher
	calls atomic.Int32
}

func (c *countingSearcher) Search(ctx context.Context, q string, o retrieval.SearchOptions) ([]retrieval.Hit, error) {
	c.calls.Add(1)
	return c.fakeSearcher.Search(ctx, q, o)
}

// One member's /search is limited like their questions, privately and
// saying when the next is possible, and runs no search when refused;
// other members and moderators are not held back, and /ask keeps its own
// bucket.
func TestSearchRateIsPerMember(t *testing.T) {
	t.Parallel()
	s := &countingSearcher{fakeSearcher: fakeSearcher{hits: []retrieval.Hit{{Chunk: sampleHitChunk()}}}}
	h := start(t, Config{AskPerMinute: 1, AskBurst: 1}, Deps{Answerer: echoAnswerer(), Searcher: s})
	nextSearch := regexp.MustCompile(`next search is possible in (59|60|5[0-8]) s`)
	for _, tc := range []struct {
		name, user string
		perms      int64
		refused    bool
	}{
		{"the member's first", "4001", 0, false},
		{"the member's second", "4001", 0, true},
		{"another member", "4002", 0, false},
		{"a moderator's first", "4003", discordgo.PermissionManageGuild, false},
		{"a moderator's second", "4003", discordgo.PermissionManageGuild, false},
	} {
		calls := s.calls.Load()
		in := h.d.SendInteraction(testsupport.Interaction{Command: "search", UserID: tc.user, Permissions: tc.perms,
			Options: []*discordgo.ApplicationCommandInteractionDataOption{testsupport.Opt("query", "talks")}})
		h.wait(tc.name, func() bool { return h.settled(in.ID) })
		r := h.d.Response(in.ID)
		got := r.Original.Content
		if !tc.refused {
			if !strings.Contains(got, "Jane Example said the talks") || s.calls.Load() != calls+1 {
				t.Errorf("%s: %q, want results", tc.name, got)
			}
			continue
		}
		if !nextSearch.MatchString(got) || r.Flags&discordgo.MessageFlagsEphemeral == 0 || s.calls.Load() != calls {
			t.Errorf("%s: flags %d, %d searches run, %q; want a private refusal saying when, and no search", tc.name, r.Flags, s.calls.Load()-calls, got)
		}
	}
	ask := h.d.SendInteraction(testsupport.Interaction{Command: "ask", UserID: "4001",
		Options: []*discordgo.ApplicationCommandInteractionDataOption{testsupport.Opt("question", "Is /ask still open?")}})
	h.wait("/ask", func() bool { return h.settled(ask.ID) })
	if got := h.d.Response(ask.ID).Original.Content; !strings.Contains(got, "Answer about Is /ask still open?") {
		t.Errorf("/ask refused to the member who searched: %q", got)
	}
	checkRequests(t, h.d)
}

func TestSearchShowsPassages(t *testing.T) {
	t.Parallel()
	h := start(t, Config{}, Deps{Answerer: echoAnswerer(), Searcher: fakeSearcher{hits: []retrieval.Hit{{Chunk: sampleHitChunk()}}}})
	in := h.d.SendInteraction(testsupport.Interaction{Command: "search", Options: []*discordgo.ApplicationCommandInteractionDataOption{testsupport.Opt("query", "talks")}})
	h.wait("results", func() bool { return h.settled(in.ID) })
	if c := h.d.Response(in.ID).Original.Content; !strings.Contains(c, "> talks") || !strings.Contains(c, "Jane Example said the talks") || !strings.Contains(c, "[1] doc-9.txt") {
		t.Errorf("search results:\n%s", c)
	}
	checkRequests(t, h.d)
}

func TestCorpusAddFromAttachment(t *testing.T) {
	t.Parallel()
	files := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte("Spokesperson Jane Example said the talks would resume."))
	}))
	defer files.Close()
	rec := &addRecord{}
	h := start(t, Config{}, Deps{Answerer: echoAnswerer(), Record: rec})
	in := h.d.SendInteraction(testsupport.Interaction{Command: "corpus", Permissions: int64(discordgo.PermissionManageGuild),
		Options:     corpusCmd("add", &discordgo.ApplicationCommandInteractionDataOption{Name: "file", Type: discordgo.ApplicationCommandOptionAttachment, Value: "att1"}),
		Attachments: map[string]*discordgo.MessageAttachment{"att1": {ID: "att1", Filename: "statement.txt", URL: files.URL + "/statement.txt", Size: 55}}})
	h.wait("added", func() bool { return h.settled(in.ID) })
	if c := h.d.Response(in.ID).Original.Content; !strings.Contains(c, "Added `statement.txt`") {
		t.Errorf("add: %q", c)
	}
	if rec.name != "statement.txt" || !strings.Contains(rec.data, "talks would resume") || rec.by != "2001" {
		t.Errorf("record got %q %q by %q", rec.name, rec.data, rec.by)
	}
}

// addRecord records AddFile.
type addRecord struct {
	fakeRecord
	name, data, by string
}

func (r *addRecord) AddFile(ctx context.Context, name string, data []byte, by string) (string, *record.Change, error) {
	r.name, r.data, r.by = name, string(data), by
	return r.fakeRecord.AddFile(ctx, name, data, by)
}

func TestCommandsRegisteredWithOneBulkOverwrite(t *testing.T) {
	t.Parallel()
	h := start(t, Config{}, Deps{Answerer: echoAnswerer()})
	puts := h.d.Requests(func(r testsupport.Request) bool { return r.Method == "PUT" })
	if len(puts) != 1 || !strings.HasSuffix(puts[0].Path, "/guilds/"+h.d.GuildID+"/commands") {
		t.Fatalf("registration requests: %+v", puts)
	}
	names := map[string]*discordgo.ApplicationCommand{}
	for _, c := range h.d.Commands(h.d.GuildID) {
		names[c.Name] = c
	}
	if names["ask"] == nil || names["search"] == nil || names["corpus"] == nil {
		t.Fatalf("commands: %v", names)
	}
	if p := names["corpus"].DefaultMemberPermissions; p == nil || *p != int64(discordgo.PermissionManageGuild) {
		t.Errorf("corpus default_member_permissions = %v, want Manage Server", p)
	}
	if !strings.Contains(string(puts[0].Body), `"default_member_permissions":"32"`) {
		t.Errorf("permissions not sent as the string \"32\": %s", puts[0].Body)
	}
}

// Without guilds the commands are global, and offered in direct messages
// only when the bot answers there: else a member would see /ask in a DM
// and be refused on every use.
func TestCommandsRegisteredGloballyWithoutGuilds(t *testing.T) {
	t.Parallel()
	for _, allowDMs := range []bool{false, true} {
		d := testsupport.NewDiscord(t)
		b, err := New(Config{Token: "test-token", APIURL: d.URL, AllowDMs: allowDMs}, Deps{Answerer: echoAnswerer(), Logger: discardLogger()})
		if err != nil {
			t.Fatal(err)
		}
		b.Session().LogLevel = -1
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() { done <- b.Run(ctx) }()
		wctx, wcancel := context.WithTimeout(context.Background(), 20*time.Second)
		if err := d.WaitFor(wctx, func() bool { return len(d.Commands("")) == len(commands(allowDMs)) }); err != nil {
			t.Fatal(err)
		}
		wcancel()
		want := []discordgo.InteractionContextType{discordgo.InteractionContextGuild}
		if allowDMs {
			want = append(want, discordgo.InteractionContextBotDM)
		}
		for _, c := range d.Commands("") {
			if c.Contexts == nil || !slices.Equal(*c.Contexts, want) {
				t.Errorf("allow_dms %v: %s has contexts %v, want %v", allowDMs, c.Name, c.Contexts, want)
			}
		}
		cancel()
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
}

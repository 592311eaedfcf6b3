package testsupport

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
	"github.com/readout/readout/bot"
)

// connect opens a real discordgo session against the fake.
func connect(t *testing.T, d *Discord, intents discordgo.Intent) *discordgo.Session {
	t.Helper()
	s, err := discordgo.New(d.Token)
	if err != nil {
		t.Fatal(err)
	}
	rt, err := bot.NewRewriteTransport(d.URL, nil)
	if err != nil {
		t.Fatal(err)
	}
	s.Client = &http.Client{Transport: rt, Timeout: 10 * time.Second}
	s.Identify.Intents = intents
	s.LogLevel = -1
	if err := s.Open(); err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

func waitCtx(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	t.Cleanup(cancel)
	return ctx
}

func TestDiscordInteractionRoundTrip(t *testing.T) {
	t.Parallel()
	d := NewDiscord(t)
	s := connect(t, d, discordgo.IntentsGuildMessages)
	got := make(chan *discordgo.InteractionCreate, 1)
	s.AddHandler(func(_ *discordgo.Session, ic *discordgo.InteractionCreate) { got <- ic })

	in := d.SendInteraction(Interaction{Command: "ask", Options: []*discordgo.ApplicationCommandInteractionDataOption{Opt("question", "what?")}, Permissions: 32})
	var ic *discordgo.InteractionCreate
	select {
	case ic = <-got:
	case <-waitCtx(t).Done():
		t.Fatal("no interaction received")
	}
	if ic.ID != in.ID || ic.ApplicationCommandData().Options[0].StringValue() != "what?" || ic.Member.Permissions != 32 {
		t.Fatalf("interaction not as sent: %+v", ic.Interaction)
	}
	if err := s.InteractionRespond(ic.Interaction, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource}); err != nil {
		t.Fatal(err)
	}
	// A second acknowledgement is refused like Discord does.
	err := s.InteractionRespond(ic.Interaction, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource})
	var rest *discordgo.RESTError
	if !errors.As(err, &rest) || rest.Message == nil || rest.Message.Code != 40060 {
		t.Fatalf("second ack: want 40060, got %v", err)
	}
	content := strings.Repeat("x", 2001)
	_, err = s.InteractionResponseEdit(ic.Interaction, &discordgo.WebhookEdit{Content: &content})
	if !errors.As(err, &rest) || rest.Message.Code != 50035 {
		t.Fatalf("over-long edit: want 50035, got %v", err)
	}
	content = "fine"
	if _, err := s.InteractionResponseEdit(ic.Interaction, &discordgo.WebhookEdit{Content: &content}); err != nil {
		t.Fatal(err)
	}
	if r := d.Response(in.ID); !r.Acked || r.Original == nil || r.Original.Content != "fine" {
		t.Fatalf("response: %+v", r)
	}
}

func TestDiscordAckDeadline(t *testing.T) {
	t.Parallel()
	d := NewDiscord(t)
	s := connect(t, d, discordgo.IntentsGuildMessages)
	in := d.SendInteraction(Interaction{Command: "ask"})
	d.Advance(3*time.Second + time.Millisecond)
	err := s.InteractionRespond(in, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource})
	var rest *discordgo.RESTError
	if !errors.As(err, &rest) || rest.Response.StatusCode != 404 || rest.Message.Code != 10062 {
		t.Fatalf("late ack: want 404/10062, got %v", err)
	}
}

func TestDiscordResumeReplaysMissedDispatches(t *testing.T) {
	t.Parallel()
	d := NewDiscord(t)
	s := connect(t, d, discordgo.IntentsGuildMessages)
	got := make(chan string, 4)
	s.AddHandler(func(_ *discordgo.Session, ic *discordgo.InteractionCreate) { got <- ic.ID })
	if err := d.WaitFor(waitCtx(t), func() bool { return d.Heartbeats() >= 1 }); err != nil {
		t.Fatal(err)
	}
	d.DropConnection()
	in := d.SendInteraction(Interaction{Command: "ask"}) // sent while disconnected
	select {
	case id := <-got:
		if id != in.ID {
			t.Fatalf("got %s, want %s", id, in.ID)
		}
	case <-waitCtx(t).Done():
		t.Fatal("dispatch not replayed after resume")
	}
	if id, res, _ := d.GatewayStats(); id != 1 || res != 1 {
		t.Fatalf("identifies=%d resumes=%d, want 1 and 1", id, res)
	}
	// Heartbeats are counted per connection: the resumed one's own.
	if err := d.WaitFor(waitCtx(t), func() bool { return d.Connected() && d.Heartbeats() >= 1 }); err != nil {
		t.Fatal(err)
	}
}

func TestDiscordMessageContentIntent(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		intents discordgo.Intent
		mention bool
		want    string
	}{
		{"with intent", discordgo.IntentsGuildMessages | discordgo.IntentMessageContent, false, "hello"},
		{"without intent", discordgo.IntentsGuildMessages, false, ""},
		{"without intent, mentioned", discordgo.IntentsGuildMessages, true, "hello"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := NewDiscord(t)
			s := connect(t, d, tc.intents)
			got := make(chan string, 1)
			s.AddHandler(func(_ *discordgo.Session, m *discordgo.MessageCreate) { got <- m.Content })
			d.SendMessage(UserMessage{Content: "hello", MentionBot: tc.mention})
			select {
			case c := <-got:
				if !strings.Contains(c, tc.want) || tc.want == "" && c != "" {
					t.Fatalf("content %q, want %q", c, tc.want)
				}
			case <-waitCtx(t).Done():
				t.Fatal("no message")
			}
		})
	}
}

func TestDiscordDisallowedIntentCloses4014(t *testing.T) {
	t.Parallel()
	d := NewDiscord(t)
	d.SetMessageContentAllowed(false)
	s, _ := discordgo.New(d.Token)
	rt, _ := bot.NewRewriteTransport(d.URL, nil)
	s.Client = &http.Client{Transport: rt}
	s.Identify.Intents = discordgo.IntentsGuildMessages | discordgo.IntentMessageContent
	s.LogLevel = -1
	err := s.Open()
	if err == nil || !strings.Contains(err.Error(), "4014") {
		t.Fatalf("open: want a 4014 close, got %v", err)
	}
}

func TestDiscordRateLimitIsRetried(t *testing.T) {
	t.Parallel()
	d := NewDiscord(t)
	s := connect(t, d, discordgo.IntentsGuildMessages)
	d.RateLimit(http.MethodPost, "/channels/", 1, 20*time.Millisecond)
	m, err := s.ChannelMessageSendComplex(d.ChannelID, &discordgo.MessageSend{Content: "hi"})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(d.Requests(func(r Request) bool { return r.Method == "POST" && r.Status == 429 })); n != 1 || m.Content != "hi" {
		t.Fatalf("want one 429 then success, got %d 429s and %+v", n, m)
	}
}

// TestDiscordGlobalRateLimit: past the global limit the fake answers 429
// with the global flag, discordgo waits and retries, every message arrives,
// and no second holds more accepted requests than the limit; interaction
// routes are exempt, as on Discord.
func TestDiscordGlobalRateLimit(t *testing.T) {
	t.Parallel()
	d := NewDiscord(t)
	s := connect(t, d, discordgo.IntentsGuildMessages)
	const limit = 3
	d.SetGlobalRateLimit(limit)
	for k := 0; k < 2*limit; k++ {
		if _, err := s.ChannelMessageSendComplex(d.ChannelID, &discordgo.MessageSend{Content: fmt.Sprint("m", k)}); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(d.Messages(d.ChannelID)); n != 2*limit {
		t.Errorf("%d messages arrived, want %d", n, 2*limit)
	}
	posts := d.Requests(func(r Request) bool { return r.Method == "POST" && strings.HasSuffix(r.Path, "/messages") })
	limited := 0
	for i, r := range posts {
		if r.Status == http.StatusTooManyRequests {
			limited++
			continue
		}
		inSecond := 0
		for _, q := range posts[:i+1] {
			// At is stamped after the request is handled, a little after
			// the limiter took it: allow that much.
			if q.Status < 300 && r.At.Sub(q.At) < time.Second-50*time.Millisecond {
				inSecond++
			}
		}
		if inSecond > limit {
			t.Errorf("%d requests accepted within a second, limit %d", inSecond, limit)
		}
	}
	if limited == 0 {
		t.Error("no request was limited")
	}
	for _, tc := range []struct {
		path   string
		exempt bool
	}{
		{"/interactions/1/tok/callback", true},
		{"/webhooks/1/tok/messages/@original", true},
		{"/channels/1/messages", false},
	} {
		d.mu.Lock()
		d.globalLimit, d.globalRecent = 1, []time.Time{d.now()}
		_, limited := d.globalLimitedLocked(tc.path)
		d.mu.Unlock()
		if limited == tc.exempt {
			t.Errorf("%s: limited %v, want exempt %v", tc.path, limited, tc.exempt)
		}
	}
}

func TestDiscordThreadsAndHistory(t *testing.T) {
	t.Parallel()
	d := NewDiscord(t)
	s := connect(t, d, discordgo.IntentsGuildMessages)
	m, err := s.ChannelMessageSendComplex(d.ChannelID, &discordgo.MessageSend{Content: "answer"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.MessageThreadStartComplex(d.ChannelID, m.ID, &discordgo.ThreadStart{Name: strings.Repeat("q", 101)})
	var rest *discordgo.RESTError
	if !errors.As(err, &rest) || rest.Message.Code != 50035 {
		t.Fatalf("long thread name: want 50035, got %v", err)
	}
	th, err := s.MessageThreadStartComplex(d.ChannelID, m.ID, &discordgo.ThreadStart{Name: "question"})
	if err != nil {
		t.Fatal(err)
	}
	if th.ID != m.ID || th.ParentID != d.ChannelID || th.OwnerID != d.BotID {
		t.Fatalf("thread: %+v", th)
	}
	d.SendMessage(UserMessage{ChannelID: th.ID, Content: "one"})
	d.SendMessage(UserMessage{ChannelID: th.ID, Content: "two"})
	msgs, err := s.ChannelMessages(th.ID, 10, "", "", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(msgs) != 2 || msgs[0].Content != "two" || msgs[1].Content != "one" {
		t.Fatalf("history newest first: %+v", msgs)
	}
	d.DenyThreads(true)
	m2, _ := s.ChannelMessageSendComplex(d.ChannelID, &discordgo.MessageSend{Content: "answer 2"})
	_, err = s.MessageThreadStartComplex(d.ChannelID, m2.ID, &discordgo.ThreadStart{Name: "q"})
	if !errors.As(err, &rest) || rest.Response.StatusCode != 403 || rest.Message.Code != 50013 {
		t.Fatalf("denied thread: want 403/50013, got %v", err)
	}
}

// TestDiscordCommandValidation registers commands as Discord documents
// them: slash commands and options lower case by the naming regex, with a
// description and string lengths within bounds, required options first;
// context-menu (USER and MESSAGE) commands 1–32 characters, capitals and
// spaces allowed, with no description and no options.
func TestDiscordCommandValidation(t *testing.T) {
	t.Parallel()
	d := NewDiscord(t)
	s := connect(t, d, discordgo.IntentsGuildMessages)
	str := func(name string, required bool, maxLen int) *discordgo.ApplicationCommandOption {
		return &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionString, Name: name, Description: "d", Required: required, MaxLength: maxLen}
	}
	slash := func(name string, opts ...*discordgo.ApplicationCommandOption) *discordgo.ApplicationCommand {
		return &discordgo.ApplicationCommand{Name: name, Description: "d", Options: opts}
	}
	menu := func(typ discordgo.ApplicationCommandType, name string) *discordgo.ApplicationCommand {
		return &discordgo.ApplicationCommand{Type: typ, Name: name}
	}
	withDesc := menu(discordgo.MessageApplicationCommand, "Check quotes")
	withDesc.Description = "Check the quotes"
	withOpts := menu(discordgo.MessageApplicationCommand, "Check quotes")
	withOpts.Options = []*discordgo.ApplicationCommandOption{str("quote", true, 0)}
	for _, tc := range []struct {
		name string
		cmds []*discordgo.ApplicationCommand
		ok   bool
	}{
		{"slash lower case", []*discordgo.ApplicationCommand{slash("ask")}, true},
		{"slash with an apostrophe and a hyphen", []*discordgo.ApplicationCommand{slash("who's-who")}, true},
		{"slash upper case", []*discordgo.ApplicationCommand{slash("Ask")}, false},
		{"slash with a space", []*discordgo.ApplicationCommand{slash("check quotes")}, false},
		{"slash of 33 characters", []*discordgo.ApplicationCommand{slash(strings.Repeat("a", 33))}, false},
		{"slash without description", []*discordgo.ApplicationCommand{{Name: "ask"}}, false},
		{"option upper case", []*discordgo.ApplicationCommand{slash("verify", str("Quote", true, 0))}, false},
		{"required option after an optional one", []*discordgo.ApplicationCommand{slash("verify", str("since", false, 10), str("quote", true, 0))}, false},
		{"option max_length over 6000", []*discordgo.ApplicationCommand{slash("verify", str("quote", true, 6001))}, false},
		{"option max_length 6000", []*discordgo.ApplicationCommand{slash("verify", str("quote", true, 6000))}, true},
		{"message command with capitals and a space", []*discordgo.ApplicationCommand{menu(discordgo.MessageApplicationCommand, "Check quotes")}, true},
		{"user command with capitals and a space", []*discordgo.ApplicationCommand{menu(discordgo.UserApplicationCommand, "High Five")}, true},
		{"message command of 33 characters", []*discordgo.ApplicationCommand{menu(discordgo.MessageApplicationCommand, strings.Repeat("A", 33))}, false},
		{"message command of blanks", []*discordgo.ApplicationCommand{menu(discordgo.MessageApplicationCommand, "   ")}, false},
		{"message command with a description", []*discordgo.ApplicationCommand{withDesc}, false},
		{"message command with options", []*discordgo.ApplicationCommand{withOpts}, false},
		{"one name for a slash and a message command", []*discordgo.ApplicationCommand{slash("verify"), menu(discordgo.MessageApplicationCommand, "verify")}, true},
		{"one name twice in a type", []*discordgo.ApplicationCommand{menu(discordgo.MessageApplicationCommand, "Check quotes"), menu(discordgo.MessageApplicationCommand, "Check quotes")}, false},
		{"unknown type", []*discordgo.ApplicationCommand{menu(9, "x")}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.ApplicationCommandBulkOverwrite(d.AppID, d.GuildID, tc.cmds)
			var rest *discordgo.RESTError
			switch {
			case tc.ok && err != nil:
				t.Fatalf("refused: %v", err)
			case !tc.ok && (!errors.As(err, &rest) || rest.Message == nil || rest.Message.Code != 50035):
				t.Fatalf("want 50035 Invalid Form Body, got %v", err)
			case tc.ok:
				got := d.Commands(d.GuildID)
				if len(got) != len(tc.cmds) || got[0].Name != tc.cmds[0].Name {
					t.Fatalf("commands: %+v", got)
				}
			}
		})
	}
}

// TestDiscordMessageCommandInteraction: a message command's interaction
// carries the target's id in data.target_id and the message in
// data.resolved.messages, its content included even without the Message
// Content intent (Discord's documented exception).
func TestDiscordMessageCommandInteraction(t *testing.T) {
	t.Parallel()
	d := NewDiscord(t)
	s := connect(t, d, discordgo.IntentsGuildMessages) // no Message Content intent
	got := make(chan *discordgo.InteractionCreate, 1)
	s.AddHandler(func(_ *discordgo.Session, ic *discordgo.InteractionCreate) { got <- ic })
	m := d.SendMessage(UserMessage{AuthorID: "3003", Content: `She said "we will never accept it".`})
	d.SendInteraction(Interaction{Command: "Check quotes", CommandType: discordgo.MessageApplicationCommand, TargetID: m.ID})
	var ic *discordgo.InteractionCreate
	select {
	case ic = <-got:
	case <-waitCtx(t).Done():
		t.Fatal("no interaction received")
	}
	data := ic.ApplicationCommandData()
	if data.CommandType != discordgo.MessageApplicationCommand || data.Name != "Check quotes" || data.TargetID != m.ID || len(data.Options) != 0 {
		t.Fatalf("data: %+v", data)
	}
	if data.Resolved == nil || data.Resolved.Messages[m.ID] == nil {
		t.Fatalf("no resolved target message: %+v", data.Resolved)
	}
	if tm := data.Resolved.Messages[m.ID]; tm.Content != m.Content || tm.Author == nil || tm.Author.ID != "3003" || tm.ChannelID != d.ChannelID {
		t.Fatalf("resolved message: %+v", tm)
	}
}

func TestCheckMessageLimits(t *testing.T) {
	t.Parallel()
	row := func(n int, id string) map[string]any {
		var cs []any
		for i := 0; i < n; i++ {
			cs = append(cs, map[string]any{"type": 2.0, "style": 2.0, "label": "x", "custom_id": id})
		}
		return map[string]any{"type": 1.0, "components": cs}
	}
	embed := func(desc string) map[string]any { return map[string]any{"title": "t", "description": desc} }
	for _, tc := range []struct {
		name string
		msg  map[string]any
		bad  bool
	}{
		{"ok", map[string]any{"content": "hi"}, false},
		{"content 2001", map[string]any{"content": strings.Repeat("x", 2001)}, true},
		{"content 2000 multibyte", map[string]any{"content": strings.Repeat("é", 2000)}, false},
		{"empty create", map[string]any{}, true},
		{"11 embeds", map[string]any{"embeds": func() []any {
			var e []any
			for i := 0; i < 11; i++ {
				e = append(e, embed("d"))
			}
			return e
		}()}, true},
		{"description 4097", map[string]any{"embeds": []any{embed(strings.Repeat("x", 4097))}}, true},
		{"embeds total over 6000", map[string]any{"embeds": []any{embed(strings.Repeat("x", 4000)), embed(strings.Repeat("x", 2500))}}, true},
		{"6 rows", map[string]any{"content": "x", "components": []any{row(1, "a"), row(1, "b"), row(1, "c"), row(1, "d"), row(1, "e"), row(1, "f")}}, true},
		{"6 buttons", map[string]any{"content": "x", "components": []any{row(6, "a")}}, true},
		{"custom_id 101", map[string]any{"content": "x", "components": []any{row(1, strings.Repeat("i", 101))}}, true},
		{"buttons ok", map[string]any{"content": "x", "components": []any{row(5, "a")}}, false},
	} {
		if got := CheckMessage(tc.msg, true); (got != "") != tc.bad {
			t.Errorf("%s: CheckMessage = %q, want bad=%v", tc.name, got, tc.bad)
		}
	}
}

func TestDiscordCloseEndsGatewayGoroutines(t *testing.T) {
	t.Parallel()
	d := NewDiscord(t)
	// A client that connects and then never speaks or closes.
	c, _, err := websocket.DefaultDialer.Dial("ws"+strings.TrimPrefix(d.URL, "http")+"/gateway", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := d.WaitFor(waitCtx(t), func() bool {
		d.mu.Lock()
		defer d.mu.Unlock()
		return len(d.gw.all) == 1
	}); err != nil {
		t.Fatal(err)
	}
	d.Close() // returns only when the connection's goroutine has ended
	d.mu.Lock()
	n := len(d.gw.all)
	d.mu.Unlock()
	if n != 0 {
		t.Errorf("%d gateway connections left after Close", n)
	}
}

func TestDiscordResponseTypesAndDeletedChannel(t *testing.T) {
	t.Parallel()
	d := NewDiscord(t)
	s := connect(t, d, discordgo.IntentsGuildMessages)
	var rest *discordgo.RESTError
	// An autocomplete interaction only takes choices.
	ac := d.SendInteraction(Interaction{Type: discordgo.InteractionApplicationCommandAutocomplete, Command: "corpus"})
	err := s.InteractionRespond(ac, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource})
	if !errors.As(err, &rest) || rest.Message.Code != 50035 {
		t.Errorf("deferred reply to autocomplete: want 50035, got %v", err)
	}
	if err := s.InteractionRespond(ac, &discordgo.InteractionResponse{Type: discordgo.InteractionApplicationCommandAutocompleteResult,
		Data: &discordgo.InteractionResponseData{Choices: []*discordgo.ApplicationCommandOptionChoice{{Name: "a", Value: "a"}}}}); err != nil {
		t.Errorf("choices: %v", err)
	}
	// A button press may update its message.
	m, _ := s.ChannelMessageSendComplex(d.ChannelID, &discordgo.MessageSend{Content: "with a button"})
	bt := d.SendInteraction(Interaction{Type: discordgo.InteractionMessageComponent, CustomID: "x", MessageID: m.ID})
	if err := s.InteractionRespond(bt, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseUpdateMessage,
		Data: &discordgo.InteractionResponseData{Content: "updated"}}); err != nil {
		t.Fatal(err)
	}
	if got := d.Message(m.ID).Content; got != "updated" {
		t.Errorf("updated message: %q", got)
	}
	d.DeleteChannel(d.ChannelID)
	_, err = s.ChannelMessageSendComplex(d.ChannelID, &discordgo.MessageSend{Content: "hi"})
	if !errors.As(err, &rest) || rest.Response.StatusCode != 404 || rest.Message.Code != 10003 {
		t.Errorf("deleted channel: want 404/10003, got %v", err)
	}
}

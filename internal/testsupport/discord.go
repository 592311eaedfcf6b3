package testsupport

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Discord is a fake Discord: the REST API on an httptest server plus a
// gateway websocket, close enough to the real thing that an unmodified
// discordgo session works against it (point the session's HTTP client at URL
// by rewriting discord.com requests). It enforces what Discord enforces —
// the 3-second acknowledgement deadline, one acknowledgement per interaction,
// message, embed and component limits — and records every request.
//
// All methods are safe for concurrent use. Close (registered with t.Cleanup
// by NewDiscord) stops the server and every goroutine it started.
type Discord struct {
	// URL is the base to rewrite https://discord.com to ("http://127.0.0.1:port").
	URL string
	// Token is the bot token the gateway accepts ("Bot test-token").
	Token string
	// AppID, BotID and GuildID identify the application, its bot user and
	// the one guild the fake knows; ChannelID is a text channel in it.
	AppID, BotID, GuildID, ChannelID string

	srv *httptest.Server

	mu          sync.Mutex
	changed     chan struct{} // closed and replaced on every state change
	nextID      uint64
	offset      time.Duration // added to time.Now: the injectable clock
	ackDeadline time.Duration
	tokenLife   time.Duration

	requests      []Request
	interactions  map[string]*interaction // by id
	byToken       map[string]*interaction
	channels      map[string]*discordgo.Channel
	messages      map[string]*discordgo.Message // by id
	order         map[string][]string           // channel id → message ids, oldest first
	commands      map[string][]*discordgo.ApplicationCommand
	faults        []*fault
	threadsDenied bool
	allowContent  bool        // whether the portal grants the Message Content intent
	globalLimit   int         // requests a second on bot routes; 0: no limit
	globalRecent  []time.Time // when the bot routes' recent requests were taken

	gw gateway
}

// Request is one recorded REST request.
type Request struct {
	Method string
	Path   string // without the query
	Query  string
	Body   []byte
	Status int
	At     time.Time
}

// JSON decodes the request body into a generic map (nil when not an object).
func (r Request) JSON() map[string]any {
	var m map[string]any
	if json.Unmarshal(r.Body, &m) != nil {
		return nil
	}
	return m
}

type interaction struct {
	id, token, channelID string
	typ                  discordgo.InteractionType
	created              time.Time
	acked                bool
	ackType              discordgo.InteractionResponseType
	ackedAt              time.Time
	ackFlags             discordgo.MessageFlags
	original             string // message id of the response, "" until acknowledged
	followups            []string
	message              string // for components: the message the button is on
}

type fault struct {
	method, path string // path is a substring of the request path
	n            int
	status       int
	code         int
	message      string
	retryAfter   time.Duration
}

// NewDiscord starts a fake Discord and registers its Close with t.Cleanup.
func NewDiscord(t testing.TB) *Discord {
	t.Helper()
	d := &Discord{
		Token:        "Bot test-token",
		changed:      make(chan struct{}),
		nextID:       1100000000000000000,
		ackDeadline:  3 * time.Second,
		tokenLife:    15 * time.Minute,
		interactions: map[string]*interaction{},
		byToken:      map[string]*interaction{},
		channels:     map[string]*discordgo.Channel{},
		messages:     map[string]*discordgo.Message{},
		order:        map[string][]string{},
		commands:     map[string][]*discordgo.ApplicationCommand{},
		allowContent: true,
	}
	d.AppID = d.newID()
	d.BotID = d.AppID
	d.GuildID = d.newID()
	d.ChannelID = d.AddChannel(discordgo.ChannelTypeGuildText, "")
	d.gw.init()
	d.srv = httptest.NewServer(http.HandlerFunc(d.serveHTTP))
	d.URL = d.srv.URL
	t.Cleanup(d.Close)
	return d
}

// Close stops the gateway connections and the server. It is idempotent.
func (d *Discord) Close() {
	d.shutdownGateway()
	d.srv.CloseClientConnections()
	d.srv.Close()
}

// now is the fake's clock: wall time plus whatever Advance added.
func (d *Discord) now() time.Time { return time.Now().Add(d.offset) }

// Now is the fake's clock, for a bot under test to share, so that Advance
// moves the bot's notion of time with Discord's.
func (d *Discord) Now() time.Time {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.now()
}

// Advance moves the fake's clock forward, so tests can expire interaction
// deadlines and tokens without waiting.
func (d *Discord) Advance(dt time.Duration) {
	d.mu.Lock()
	d.offset += dt
	d.notifyLocked()
	d.mu.Unlock()
}

// SetAckDeadline changes the acknowledgement deadline (3 s by default).
func (d *Discord) SetAckDeadline(dt time.Duration) {
	d.mu.Lock()
	d.ackDeadline = dt
	d.mu.Unlock()
}

// SetMessageContentAllowed says whether the developer portal grants the
// Message Content intent: when false, an IDENTIFY asking for it is closed
// with 4014 like Discord does.
func (d *Discord) SetMessageContentAllowed(ok bool) {
	d.mu.Lock()
	d.allowContent = ok
	d.mu.Unlock()
}

// DenyThreads makes thread creation answer 403 Missing Permissions (50013).
func (d *Discord) DenyThreads(deny bool) {
	d.mu.Lock()
	d.threadsDenied = deny
	d.mu.Unlock()
}

// SetGlobalRateLimit enforces Discord's global rate limit: at most n
// requests in any second (Discord's is 50) on the routes authorised by the
// bot token; interaction responses and follow-ups, which Discord exempts,
// are not counted. A request past it answers 429 with the global flag and
// the time to wait, as Discord does. 0 turns it off (the default).
func (d *Discord) SetGlobalRateLimit(n int) {
	d.mu.Lock()
	d.globalLimit = n
	d.globalRecent = nil
	d.mu.Unlock()
}

// globalLimitedLocked reports whether a request on path is over the
// global limit now, and if so how long until it would not be.
func (d *Discord) globalLimitedLocked(path string) (time.Duration, bool) {
	if d.globalLimit <= 0 || strings.HasPrefix(path, "/interactions/") || strings.HasPrefix(path, "/webhooks/") {
		return 0, false
	}
	now := d.now()
	kept := d.globalRecent[:0]
	for _, t := range d.globalRecent {
		if now.Sub(t) < time.Second {
			kept = append(kept, t)
		}
	}
	d.globalRecent = kept
	if len(kept) >= d.globalLimit {
		return time.Second - now.Sub(kept[0]), true
	}
	d.globalRecent = append(d.globalRecent, now)
	return 0, false
}

// RateLimit makes the next n requests whose method matches and whose path
// contains pathPart answer 429 with retry_after.
func (d *Discord) RateLimit(method, pathPart string, n int, retryAfter time.Duration) {
	d.mu.Lock()
	d.faults = append(d.faults, &fault{method: method, path: pathPart, n: n, status: http.StatusTooManyRequests, retryAfter: retryAfter})
	d.mu.Unlock()
}

// Fail makes the next n matching requests answer status with a Discord
// error code and message.
func (d *Discord) Fail(method, pathPart string, n, status, code int, message string) {
	d.mu.Lock()
	d.faults = append(d.faults, &fault{method: method, path: pathPart, n: n, status: status, code: code, message: message})
	d.mu.Unlock()
}

// AddChannel creates a channel in the fake's guild (parent is the parent
// channel of a thread, "" otherwise) and returns its id.
func (d *Discord) AddChannel(typ discordgo.ChannelType, parent string) string {
	d.mu.Lock()
	defer d.mu.Unlock()
	id := d.newIDLocked()
	d.channels[id] = &discordgo.Channel{ID: id, Type: typ, GuildID: d.GuildID, ParentID: parent, Name: "channel-" + id[len(id)-4:]}
	return id
}

// AddDMChannel creates a direct-message channel and returns its id.
func (d *Discord) AddDMChannel() string {
	d.mu.Lock()
	defer d.mu.Unlock()
	id := d.newIDLocked()
	d.channels[id] = &discordgo.Channel{ID: id, Type: discordgo.ChannelTypeDM}
	return id
}

// openDMLocked opens (or finds) the direct-message channel with the user
// named by the body's recipient_id, as POST /users/@me/channels does.
func (d *Discord) openDMLocked(body []byte) (int, any, *httpError) {
	var req struct {
		RecipientID string `json:"recipient_id"`
	}
	if err := json.Unmarshal(body, &req); err != nil || req.RecipientID == "" {
		return 0, nil, errorf(http.StatusBadRequest, 50035, "Invalid Form Body")
	}
	for _, ch := range d.channels {
		if ch.Type == discordgo.ChannelTypeDM && len(ch.Recipients) == 1 && ch.Recipients[0].ID == req.RecipientID {
			return 200, ch, nil
		}
	}
	ch := &discordgo.Channel{ID: d.newIDLocked(), Type: discordgo.ChannelTypeDM, Recipients: []*discordgo.User{{ID: req.RecipientID}}}
	d.channels[ch.ID] = ch
	return 200, ch, nil
}

// DMChannel returns the id of the direct-message channel opened with user,
// or "" when the bot opened none.
func (d *Discord) DMChannel(user string) string {
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, ch := range d.channels {
		if ch.Type == discordgo.ChannelTypeDM && len(ch.Recipients) == 1 && ch.Recipients[0].ID == user {
			return ch.ID
		}
	}
	return ""
}

// ArchiveThread archives and locks a thread, as a moderator would: later
// messages and edits in it answer 400 Thread is archived (50083).
func (d *Discord) ArchiveThread(id string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if ch := d.channels[id]; ch != nil {
		ch.ThreadMetadata = &discordgo.ThreadMetadata{Archived: true, Locked: true}
		d.notifyLocked()
	}
}

// DeleteChannel removes a channel: later requests for it answer 404 Unknown
// Channel (10003).
func (d *Discord) DeleteChannel(id string) {
	d.mu.Lock()
	delete(d.channels, id)
	d.notifyLocked()
	d.mu.Unlock()
}

func (d *Discord) newID() string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.newIDLocked()
}

// newIDLocked returns increasing snowflake-like ids, so ordering by id is
// ordering by creation as on Discord.
func (d *Discord) newIDLocked() string {
	d.nextID++
	return strconv.FormatUint(d.nextID, 10)
}

func (d *Discord) notifyLocked() {
	close(d.changed)
	d.changed = make(chan struct{})
}

// WaitFor blocks until cond returns true or ctx ends. cond is evaluated after
// every change of the fake's state (a request, a dispatch, a connection), so
// it may call the fake's accessors; it must not block.
func (d *Discord) WaitFor(ctx context.Context, cond func() bool) error {
	for {
		d.mu.Lock()
		ch := d.changed
		d.mu.Unlock()
		if cond() {
			return nil
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return fmt.Errorf("wait for fake discord: %w", ctx.Err())
		}
	}
}

// Requests returns the recorded requests for which keep returns true (all of
// them when keep is nil), oldest first.
func (d *Discord) Requests(keep func(Request) bool) []Request {
	d.mu.Lock()
	defer d.mu.Unlock()
	var out []Request
	for _, r := range d.requests {
		if keep == nil || keep(r) {
			out = append(out, r)
		}
	}
	return out
}

// Messages returns copies of a channel's messages, oldest first, including
// ephemeral interaction responses (Flags has MessageFlagsEphemeral).
func (d *Discord) Messages(channelID string) []*discordgo.Message {
	d.mu.Lock()
	defer d.mu.Unlock()
	var out []*discordgo.Message
	for _, id := range d.order[channelID] {
		if m := d.messages[id]; m != nil { // nil: deleted
			out = append(out, copyMessage(m))
		}
	}
	return out
}

// Replies returns copies of the messages in a channel that reply to the
// message with id (their message reference names it), oldest first. It
// copies only those, so tests may call it after every change.
func (d *Discord) Replies(channelID, id string) []*discordgo.Message {
	d.mu.Lock()
	defer d.mu.Unlock()
	var out []*discordgo.Message
	for _, mid := range d.order[channelID] {
		if m := d.messages[mid]; m != nil && m.MessageReference != nil && m.MessageReference.MessageID == id {
			out = append(out, copyMessage(m))
		}
	}
	return out
}

// Message returns a copy of one message, or nil.
func (d *Discord) Message(id string) *discordgo.Message {
	d.mu.Lock()
	defer d.mu.Unlock()
	return copyMessage(d.messages[id])
}

// Threads returns the threads created so far, oldest first.
func (d *Discord) Threads() []*discordgo.Channel {
	d.mu.Lock()
	defer d.mu.Unlock()
	var out []*discordgo.Channel
	for _, c := range d.channels {
		if c.IsThread() {
			cc := *c
			out = append(out, &cc)
		}
	}
	sort.Slice(out, func(i, j int) bool { return idLess(out[i].ID, out[j].ID) })
	return out
}

// Commands returns the commands last registered for guildID ("" = global).
func (d *Discord) Commands(guildID string) []*discordgo.ApplicationCommand {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]*discordgo.ApplicationCommand(nil), d.commands[guildID]...)
}

// Response describes how an interaction was answered so far.
type Response struct {
	Acked     bool
	Type      discordgo.InteractionResponseType
	Flags     discordgo.MessageFlags
	Latency   time.Duration // from dispatch to acknowledgement
	Original  *discordgo.Message
	Followups []*discordgo.Message
}

// Response reports what became of the interaction with the given id.
func (d *Discord) Response(interactionID string) Response {
	d.mu.Lock()
	defer d.mu.Unlock()
	in := d.interactions[interactionID]
	if in == nil {
		return Response{}
	}
	r := Response{Acked: in.acked, Type: in.ackType, Flags: in.ackFlags}
	if in.acked {
		r.Latency = in.ackedAt.Sub(in.created)
	}
	if in.original != "" {
		r.Original = copyMessage(d.messages[in.original])
	}
	for _, id := range in.followups {
		r.Followups = append(r.Followups, copyMessage(d.messages[id]))
	}
	return r
}

// visibleLocked is a message as the bot may read it over REST: without the
// Message Content intent granted in the portal, content of others' messages
// that do not mention the bot reads as empty.
func (d *Discord) visibleLocked(m *discordgo.Message) any {
	if d.allowContent || m.Author == nil || m.Author.ID == d.BotID || mentions(m, d.BotID) {
		return wire(m)
	}
	c := *m
	c.Content = ""
	return wire(&c)
}

func mentions(m *discordgo.Message, id string) bool {
	for _, u := range m.Mentions {
		if u != nil && u.ID == id {
			return true
		}
	}
	return false
}

// wireMessage is a message as Discord sends it: discordgo's Message does not
// marshal its components (json:"-"), so they are added here.
type wireMessage struct {
	*discordgo.Message
	Components []discordgo.MessageComponent `json:"components"`
}

func wire(m *discordgo.Message) any {
	if m == nil {
		return nil
	}
	comps := m.Components
	if comps == nil {
		comps = []discordgo.MessageComponent{}
	}
	return wireMessage{Message: m, Components: comps}
}

func copyMessage(m *discordgo.Message) *discordgo.Message {
	if m == nil {
		return nil
	}
	// A JSON round trip is a deep copy that cannot miss a field.
	b, _ := json.Marshal(wire(m))
	var c discordgo.Message
	_ = json.Unmarshal(b, &c)
	return &c
}

func idLess(a, b string) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return a < b
}

// apiError is Discord's error body.
type apiError struct {
	Code    int            `json:"code"`
	Message string         `json:"message"`
	Errors  map[string]any `json:"errors,omitempty"`
}

type httpError struct {
	status int
	body   apiError
}

func errorf(status, code int, format string, a ...any) *httpError {
	return &httpError{status: status, body: apiError{Code: code, Message: fmt.Sprintf(format, a...)}}
}

func (d *Discord) serveHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/gateway" || r.URL.Path == "/gateway/" {
		d.gw.serve(d, w, r)
		return
	}
	body, _ := io.ReadAll(io.LimitReader(r.Body, 8<<20))
	d.mu.Lock()
	status, resp, hdr := d.routeLocked(r, body)
	// Encode under the lock: resp may point into the fake's live state.
	var out []byte
	if resp != nil {
		out, _ = json.Marshal(resp)
	}
	d.requests = append(d.requests, Request{Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery, Body: body, Status: status, At: d.now()})
	d.notifyLocked()
	d.mu.Unlock()

	for k, v := range hdr {
		w.Header()[k] = v
	}
	if resp == nil {
		w.WriteHeader(status)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(out)
}

// routeLocked handles one REST request with d.mu held.
func (d *Discord) routeLocked(r *http.Request, body []byte) (int, any, http.Header) {
	path := strings.TrimPrefix(r.URL.Path, "/api/v9")
	if wait, limited := d.globalLimitedLocked(path); limited {
		secs := strconv.FormatFloat(wait.Seconds(), 'f', 3, 64)
		h := http.Header{}
		h.Set("Retry-After", secs)
		h.Set("X-RateLimit-Global", "true")
		h.Set("X-RateLimit-Scope", "global")
		h.Set("X-RateLimit-Reset-After", secs)
		return http.StatusTooManyRequests, map[string]any{"message": "You are being rate limited.", "retry_after": wait.Seconds(), "global": true}, h
	}
	if f := d.faultLocked(r.Method, path); f != nil {
		if f.status == http.StatusTooManyRequests {
			secs := f.retryAfter.Seconds()
			h := http.Header{}
			h.Set("Retry-After", strconv.FormatFloat(secs, 'f', 3, 64))
			h.Set("X-RateLimit-Limit", "5")
			h.Set("X-RateLimit-Remaining", "0")
			h.Set("X-RateLimit-Reset-After", strconv.FormatFloat(secs, 'f', 3, 64))
			h.Set("X-RateLimit-Bucket", "fake-bucket")
			h.Set("X-RateLimit-Scope", "user")
			return f.status, map[string]any{"message": "You are being rate limited.", "retry_after": secs, "global": false}, h
		}
		return f.status, apiError{Code: f.code, Message: f.message}, nil
	}
	status, resp, herr := d.dispatchRESTLocked(r, path, body)
	if herr != nil {
		return herr.status, herr.body, nil
	}
	return status, resp, nil
}

func (d *Discord) faultLocked(method, path string) *fault {
	for i, f := range d.faults {
		if f.method == method && strings.Contains(path, f.path) {
			f.n--
			if f.n <= 0 {
				d.faults = append(d.faults[:i], d.faults[i+1:]...)
			}
			return f
		}
	}
	return nil
}

func (d *Discord) dispatchRESTLocked(r *http.Request, path string, body []byte) (int, any, *httpError) {
	seg := strings.Split(strings.Trim(path, "/"), "/")
	m := r.Method
	// Like Discord, everything but the gateway URL, interaction callbacks
	// and interaction webhooks (authorised by their token in the path)
	// needs the bot token.
	public := len(seg) == 1 && seg[0] == "gateway" || len(seg) > 0 && (seg[0] == "interactions" || seg[0] == "webhooks")
	if !public && r.Header.Get("Authorization") != d.Token {
		return 0, nil, errorf(http.StatusUnauthorized, 0, "401: Unauthorized")
	}
	switch {
	case len(seg) == 3 && seg[0] == "users" && seg[1] == "@me" && seg[2] == "guilds" && m == http.MethodGet:
		return 200, []map[string]any{{"id": d.GuildID, "name": "Example Guild", "permissions": "0"}}, nil
	case len(seg) == 1 && seg[0] == "gateway" && m == http.MethodGet:
		return 200, map[string]any{"url": d.gw.url(d)}, nil
	case len(seg) == 2 && seg[0] == "gateway" && seg[1] == "bot" && m == http.MethodGet:
		return 200, map[string]any{"url": d.gw.url(d), "shards": 1,
			"session_start_limit": map[string]any{"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}}, nil
	case len(seg) == 2 && seg[0] == "users" && seg[1] == "@me" && m == http.MethodGet:
		return 200, d.botUser(), nil
	case len(seg) == 3 && seg[0] == "users" && seg[1] == "@me" && seg[2] == "channels" && m == http.MethodPost:
		return d.openDMLocked(body)
	case (len(seg) == 2 && seg[0] == "applications" && seg[1] == "@me" ||
		len(seg) == 3 && seg[0] == "oauth2" && seg[1] == "applications" && seg[2] == "@me") && m == http.MethodGet:
		flags := 0
		if d.allowContent {
			flags = 1 << 18 // GATEWAY_MESSAGE_CONTENT: the portal grants the intent
		}
		return 200, map[string]any{"id": d.AppID, "name": "readout-test", "bot": d.botUser(), "flags": flags}, nil
	case len(seg) == 3 && seg[0] == "applications" && seg[2] == "commands" && m == http.MethodPut:
		return d.putCommandsLocked(seg[1], "", body)
	case len(seg) == 5 && seg[0] == "applications" && seg[2] == "guilds" && seg[4] == "commands" && m == http.MethodPut:
		return d.putCommandsLocked(seg[1], seg[3], body)
	case len(seg) == 4 && seg[0] == "interactions" && seg[3] == "callback" && m == http.MethodPost:
		return d.callbackLocked(seg[1], seg[2], body)
	case len(seg) >= 3 && seg[0] == "webhooks":
		return d.webhookLocked(m, seg, r.URL.Query(), body)
	case len(seg) >= 2 && seg[0] == "channels":
		return d.channelLocked(m, seg, r.URL.Query(), body)
	}
	return 0, nil, errorf(http.StatusNotFound, 0, "404: Not Found (%s %s)", m, path)
}

func (d *Discord) botUser() *discordgo.User {
	return &discordgo.User{ID: d.BotID, Username: "readout", Bot: true}
}

// --- interactions -------------------------------------------------------

func (d *Discord) callbackLocked(id, token string, body []byte) (int, any, *httpError) {
	in := d.interactions[id]
	if in == nil || in.token != token {
		return 0, nil, errorf(http.StatusNotFound, 10062, "Unknown interaction")
	}
	if in.acked {
		return 0, nil, errorf(http.StatusBadRequest, 40060, "Interaction has already been acknowledged.")
	}
	if d.now().Sub(in.created) > d.ackDeadline {
		return 0, nil, errorf(http.StatusNotFound, 10062, "Unknown interaction")
	}
	var resp struct {
		Type discordgo.InteractionResponseType `json:"type"`
		Data json.RawMessage                   `json:"data"`
	}
	if err := json.Unmarshal(body, &resp); err != nil {
		return 0, nil, errorf(http.StatusBadRequest, 50109, "The request body contains invalid JSON.")
	}
	component := in.typ == discordgo.InteractionMessageComponent
	autocomplete := in.typ == discordgo.InteractionApplicationCommandAutocomplete
	valid := false
	switch resp.Type {
	case discordgo.InteractionResponsePong:
		valid = in.typ == discordgo.InteractionPing
	case discordgo.InteractionResponseChannelMessageWithSource, discordgo.InteractionResponseDeferredChannelMessageWithSource, discordgo.InteractionResponseModal:
		valid = !autocomplete && in.typ != discordgo.InteractionPing
	case discordgo.InteractionResponseDeferredMessageUpdate, discordgo.InteractionResponseUpdateMessage:
		valid = component
	case discordgo.InteractionApplicationCommandAutocompleteResult:
		valid = autocomplete
	}
	if !valid {
		return 0, nil, invalidForm("type", "INTERACTION_RESPONSE_TYPE_INVALID", "Interaction response type is not valid for this interaction")
	}
	var data map[string]any
	if len(resp.Data) > 0 && string(resp.Data) != "null" {
		if err := json.Unmarshal(resp.Data, &data); err != nil {
			return 0, nil, errorf(http.StatusBadRequest, 50109, "The request body contains invalid JSON.")
		}
	}
	if resp.Type == discordgo.InteractionApplicationCommandAutocompleteResult {
		if ch, _ := data["choices"].([]any); len(ch) > 25 {
			return 0, nil, invalidForm("data.choices", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
		}
	}
	if resp.Type == discordgo.InteractionResponseChannelMessageWithSource || resp.Type == discordgo.InteractionResponseUpdateMessage {
		if herr := validateMessage(data, resp.Type == discordgo.InteractionResponseChannelMessageWithSource); herr != nil {
			return 0, nil, herr
		}
	}
	in.acked, in.ackType, in.ackedAt = true, resp.Type, d.now()
	flags := discordgo.MessageFlags(numberField(data, "flags"))
	in.ackFlags = flags
	switch resp.Type {
	case discordgo.InteractionResponseChannelMessageWithSource, discordgo.InteractionResponseDeferredChannelMessageWithSource:
		msg := &discordgo.Message{ChannelID: in.channelID, Author: d.botUser(), Flags: flags & discordgo.MessageFlagsEphemeral}
		if resp.Type == discordgo.InteractionResponseDeferredChannelMessageWithSource {
			msg.Flags |= discordgo.MessageFlagsLoading
		} else {
			applyMessage(msg, data)
		}
		d.storeMessageLocked(msg)
		in.original = msg.ID
	case discordgo.InteractionResponseUpdateMessage:
		if msg := d.messages[in.message]; msg != nil {
			applyMessage(msg, data)
		}
	}
	return http.StatusNoContent, nil, nil
}

func numberField(m map[string]any, k string) int64 {
	f, _ := m[k].(float64)
	return int64(f)
}

func (d *Discord) storeMessageLocked(msg *discordgo.Message) {
	msg.ID = d.newIDLocked()
	msg.Timestamp = d.now()
	d.messages[msg.ID] = msg
	d.order[msg.ChannelID] = append(d.order[msg.ChannelID], msg.ID)
	if c := d.channels[msg.ChannelID]; c != nil {
		msg.GuildID = c.GuildID
		c.LastMessageID = msg.ID
		if c.IsThread() {
			c.MessageCount++
		}
	}
}

// applyMessage copies the fields a create or edit payload sets onto msg.
func applyMessage(msg *discordgo.Message, data map[string]any) {
	var p struct {
		Content    *string                    `json:"content"`
		Embeds     *[]*discordgo.MessageEmbed `json:"embeds"`
		Components *json.RawMessage           `json:"components"`
		Flags      *discordgo.MessageFlags    `json:"flags"`
	}
	b, _ := json.Marshal(data)
	_ = json.Unmarshal(b, &p)
	if p.Content != nil {
		msg.Content = *p.Content
	}
	if p.Embeds != nil {
		msg.Embeds = *p.Embeds
	}
	if p.Components != nil {
		var comps []discordgo.MessageComponent
		var raw []json.RawMessage
		_ = json.Unmarshal(*p.Components, &raw)
		for _, r := range raw {
			var u discordgo.ActionsRow
			if json.Unmarshal(r, &u) == nil {
				comps = append(comps, u)
			}
		}
		msg.Components = comps
	}
	msg.Flags &^= discordgo.MessageFlagsLoading
	if p.Flags != nil && *p.Flags&discordgo.MessageFlagsSuppressEmbeds != 0 {
		msg.Flags |= discordgo.MessageFlagsSuppressEmbeds
	}
}

func (d *Discord) webhookLocked(method string, seg []string, q map[string][]string, body []byte) (int, any, *httpError) {
	// /webhooks/{app}/{token}[/messages/{id}]
	if seg[1] != d.AppID {
		return 0, nil, errorf(http.StatusNotFound, 10015, "Unknown Webhook")
	}
	in := d.byToken[seg[2]]
	if in == nil || d.now().Sub(in.created) > d.tokenLife {
		return 0, nil, errorf(http.StatusUnauthorized, 50027, "Invalid Webhook Token")
	}
	if !in.acked {
		return 0, nil, errorf(http.StatusNotFound, 10015, "Unknown Webhook")
	}
	if len(seg) == 3 && method == http.MethodPost {
		var data map[string]any
		if err := json.Unmarshal(body, &data); err != nil {
			return 0, nil, errorf(http.StatusBadRequest, 50109, "The request body contains invalid JSON.")
		}
		if herr := validateMessage(data, true); herr != nil {
			return 0, nil, herr
		}
		flags := discordgo.MessageFlags(numberField(data, "flags"))
		msg := &discordgo.Message{ChannelID: in.channelID, Author: d.botUser(), Flags: flags & discordgo.MessageFlagsEphemeral}
		if in.original == "" { // a deferred update or autocomplete: the first followup becomes the original
			applyMessage(msg, data)
			d.storeMessageLocked(msg)
			in.original = msg.ID
		} else {
			applyMessage(msg, data)
			d.storeMessageLocked(msg)
			in.followups = append(in.followups, msg.ID)
		}
		if len(q["wait"]) > 0 && q["wait"][0] == "true" {
			return 200, wire(msg), nil
		}
		return http.StatusNoContent, nil, nil
	}
	if len(seg) != 5 || seg[3] != "messages" {
		return 0, nil, errorf(http.StatusNotFound, 0, "404: Not Found")
	}
	id := seg[4]
	if id == "@original" {
		id = in.original
	}
	msg := d.messages[id]
	owned := id == in.original
	for _, f := range in.followups {
		owned = owned || f == id
	}
	if msg == nil || !owned {
		return 0, nil, errorf(http.StatusNotFound, 10008, "Unknown Message")
	}
	switch method {
	case http.MethodGet:
		return 200, wire(msg), nil
	case http.MethodPatch:
		return d.editMessageLocked(msg, body)
	case http.MethodDelete:
		delete(d.messages, id)
		return http.StatusNoContent, nil, nil
	}
	return 0, nil, errorf(http.StatusMethodNotAllowed, 0, "405: Method Not Allowed")
}

func ptrTime(t time.Time) *time.Time { return &t }

// --- channels -----------------------------------------------------------

func (d *Discord) channelLocked(method string, seg []string, q map[string][]string, body []byte) (int, any, *httpError) {
	ch := d.channels[seg[1]]
	if ch == nil {
		return 0, nil, errorf(http.StatusNotFound, 10003, "Unknown Channel")
	}
	// A locked, archived thread takes no new message and no edit from a
	// member without Manage Threads (the bot has none).
	writes := method == http.MethodPost && len(seg) >= 3 && seg[2] == "messages" || method == http.MethodPatch && len(seg) == 4 && seg[2] == "messages"
	if writes && ch.ThreadMetadata != nil && ch.ThreadMetadata.Archived && ch.ThreadMetadata.Locked {
		return 0, nil, errorf(http.StatusBadRequest, 50083, "Thread is archived")
	}
	switch {
	case len(seg) == 2 && method == http.MethodGet:
		return 200, ch, nil
	case len(seg) == 3 && seg[2] == "typing" && method == http.MethodPost:
		return http.StatusNoContent, nil, nil
	case len(seg) == 3 && seg[2] == "messages" && method == http.MethodPost:
		var data map[string]any
		if err := json.Unmarshal(body, &data); err != nil {
			return 0, nil, errorf(http.StatusBadRequest, 50109, "The request body contains invalid JSON.")
		}
		if herr := validateMessage(data, true); herr != nil {
			return 0, nil, herr
		}
		msg := &discordgo.Message{ChannelID: ch.ID, Author: d.botUser()}
		applyMessage(msg, data)
		if ref, ok := data["message_reference"].(map[string]any); ok {
			mid, _ := ref["message_id"].(string)
			msg.MessageReference = &discordgo.MessageReference{MessageID: mid, ChannelID: ch.ID}
		}
		d.storeMessageLocked(msg)
		d.gw.dispatchLocked(d, "MESSAGE_CREATE", wire(msg))
		return 200, wire(msg), nil
	case len(seg) == 3 && seg[2] == "messages" && method == http.MethodGet:
		return 200, d.listMessagesLocked(ch.ID, q), nil
	case len(seg) == 4 && seg[2] == "messages" && method == http.MethodGet:
		msg := d.messages[seg[3]]
		if msg == nil || msg.ChannelID != ch.ID {
			return 0, nil, errorf(http.StatusNotFound, 10008, "Unknown Message")
		}
		return 200, d.visibleLocked(msg), nil
	case len(seg) == 4 && seg[2] == "messages" && method == http.MethodPatch:
		msg := d.messages[seg[3]]
		if msg == nil || msg.ChannelID != ch.ID {
			return 0, nil, errorf(http.StatusNotFound, 10008, "Unknown Message")
		}
		if msg.Author == nil || msg.Author.ID != d.BotID {
			return 0, nil, errorf(http.StatusForbidden, 50005, "Cannot edit a message authored by another user")
		}
		return d.editMessageLocked(msg, body)
	case len(seg) == 5 && seg[2] == "messages" && seg[4] == "threads" && method == http.MethodPost:
		msg := d.messages[seg[3]]
		if msg == nil || msg.ChannelID != ch.ID || msg.Flags&discordgo.MessageFlagsEphemeral != 0 {
			return 0, nil, errorf(http.StatusNotFound, 10008, "Unknown Message")
		}
		if msg.Thread != nil {
			return 0, nil, errorf(http.StatusBadRequest, 160004, "A thread has already been created for this message")
		}
		th, herr := d.startThreadLocked(ch, body, msg.ID)
		if herr != nil {
			return 0, nil, herr
		}
		msg.Thread = th
		return 201, th, nil
	case len(seg) == 3 && seg[2] == "threads" && method == http.MethodPost:
		th, herr := d.startThreadLocked(ch, body, "")
		if herr != nil {
			return 0, nil, herr
		}
		return 201, th, nil
	}
	return 0, nil, errorf(http.StatusNotFound, 0, "404: Not Found")
}

func (d *Discord) startThreadLocked(parent *discordgo.Channel, body []byte, fromMessage string) (*discordgo.Channel, *httpError) {
	if d.threadsDenied {
		return nil, errorf(http.StatusForbidden, 50013, "Missing Permissions")
	}
	if parent.Type != discordgo.ChannelTypeGuildText && parent.Type != discordgo.ChannelTypeGuildNews {
		return nil, errorf(http.StatusBadRequest, 50024, "Cannot execute action on this channel type")
	}
	var ts discordgo.ThreadStart
	if err := json.Unmarshal(body, &ts); err != nil {
		return nil, errorf(http.StatusBadRequest, 50109, "The request body contains invalid JSON.")
	}
	if n := runeLen(ts.Name); n < 1 || n > 100 {
		return nil, invalidForm("name", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.")
	}
	id := fromMessage // Discord gives a thread started from a message that message's id
	if id == "" {
		id = d.newIDLocked()
	}
	typ := discordgo.ChannelTypeGuildPublicThread
	if ts.Type == discordgo.ChannelTypeGuildPrivateThread && fromMessage == "" {
		typ = ts.Type
	}
	th := &discordgo.Channel{ID: id, Type: typ, GuildID: parent.GuildID, ParentID: parent.ID, OwnerID: d.BotID, Name: ts.Name,
		ThreadMetadata: &discordgo.ThreadMetadata{AutoArchiveDuration: ts.AutoArchiveDuration}}
	d.channels[id] = th
	d.gw.dispatchLocked(d, "THREAD_CREATE", th)
	cp := *th
	return &cp, nil
}

func (d *Discord) listMessagesLocked(channelID string, q map[string][]string) []any {
	limit := 50
	if v := first(q["limit"]); v != "" {
		if n, err := strconv.Atoi(v); err == nil && n >= 1 && n <= 100 {
			limit = n
		}
	}
	before, after := first(q["before"]), first(q["after"])
	var out []any
	ids := d.order[channelID]
	// Discord returns the newest first; with after, the oldest ones after it.
	if after != "" {
		for _, id := range ids {
			m := d.messages[id]
			if m == nil || m.Flags&discordgo.MessageFlagsEphemeral != 0 || !idLess(after, id) {
				continue
			}
			out = append(out, d.visibleLocked(m))
			if len(out) == limit {
				break
			}
		}
		for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
			out[i], out[j] = out[j], out[i]
		}
		return out
	}
	for i := len(ids) - 1; i >= 0 && len(out) < limit; i-- {
		m := d.messages[ids[i]]
		if m == nil || m.Flags&discordgo.MessageFlagsEphemeral != 0 || before != "" && !idLess(ids[i], before) {
			continue
		}
		out = append(out, d.visibleLocked(m))
	}
	return out
}

func first(v []string) string {
	if len(v) == 0 {
		return ""
	}
	return v[0]
}

// --- commands -----------------------------------------------------------

func (d *Discord) putCommandsLocked(app, guild string, body []byte) (int, any, *httpError) {
	if app != d.AppID {
		return 0, nil, errorf(http.StatusForbidden, 50001, "Missing Access")
	}
	if guild != "" && guild != d.GuildID {
		return 0, nil, errorf(http.StatusForbidden, 50001, "Missing Access")
	}
	var cmds []*discordgo.ApplicationCommand
	if err := json.Unmarshal(body, &cmds); err != nil {
		return 0, nil, errorf(http.StatusBadRequest, 50109, "The request body contains invalid JSON.")
	}
	if herr := validateCommands(cmds); herr != nil {
		return 0, nil, herr
	}
	for _, c := range cmds {
		c.ID = d.newIDLocked()
		c.ApplicationID = d.AppID
		c.GuildID = guild
		c.Version = "1"
	}
	d.commands[guild] = cmds
	return 200, cmds, nil
}

// --- test-side actions ---------------------------------------------------

// Interaction describes an interaction to dispatch with SendInteraction.
type Interaction struct {
	// Type defaults to an application command.
	Type discordgo.InteractionType
	// ChannelID defaults to the fake's text channel; GuildID to its guild
	// unless DM is set.
	ChannelID, GuildID string
	DM                 bool
	// UserID is who acts (default "2001"); Permissions and Roles are the
	// member's (ignored in DMs).
	UserID      string
	Permissions int64
	Roles       []string
	// Command and Options for commands and autocomplete (a focused option
	// has Focused set). Attachments resolve attachment options by id.
	Command     string
	Options     []*discordgo.ApplicationCommandInteractionDataOption
	Attachments map[string]*discordgo.MessageAttachment
	// CustomID and MessageID for a button press on that message.
	CustomID  string
	MessageID string
	// CommandType is the command's type (default CHAT_INPUT). A USER or
	// MESSAGE (context-menu) command takes no options: it is used on
	// TargetID, a user's or a message's id, which the interaction carries
	// as data.target_id with the target in data.resolved.
	CommandType discordgo.ApplicationCommandType
	TargetID    string
}

// Opt builds a command option; nested options make a subcommand.
func Opt(name string, value any, sub ...*discordgo.ApplicationCommandInteractionDataOption) *discordgo.ApplicationCommandInteractionDataOption {
	o := &discordgo.ApplicationCommandInteractionDataOption{Name: name, Value: value, Options: sub}
	switch value.(type) {
	case string:
		o.Type = discordgo.ApplicationCommandOptionString
	case bool:
		o.Type = discordgo.ApplicationCommandOptionBoolean
	case int, float64:
		o.Type = discordgo.ApplicationCommandOptionInteger
	case nil:
		o.Type = discordgo.ApplicationCommandOptionSubCommand
	}
	return o
}

// SendInteraction dispatches INTERACTION_CREATE and returns the interaction
// as the bot receives it (with its id and token).
func (d *Discord) SendInteraction(spec Interaction) *discordgo.Interaction {
	d.mu.Lock()
	defer d.mu.Unlock()
	if spec.Type == 0 {
		spec.Type = discordgo.InteractionApplicationCommand
	}
	if spec.ChannelID == "" {
		spec.ChannelID = d.ChannelID
	}
	if spec.UserID == "" {
		spec.UserID = "2001"
	}
	id := d.newIDLocked()
	token := "itoken-" + id
	raw := map[string]any{
		"id": id, "application_id": d.AppID, "type": spec.Type, "channel_id": spec.ChannelID,
		"token": token, "version": 1, "locale": "en-US",
	}
	user := map[string]any{"id": spec.UserID, "username": "user" + spec.UserID}
	if spec.DM {
		raw["user"] = user
	} else {
		g := spec.GuildID
		if g == "" {
			g = d.GuildID
		}
		raw["guild_id"] = g
		roles := spec.Roles
		if roles == nil {
			roles = []string{}
		}
		raw["member"] = map[string]any{"user": user, "roles": roles, "permissions": strconv.FormatInt(spec.Permissions, 10)}
	}
	switch spec.Type {
	case discordgo.InteractionMessageComponent:
		raw["data"] = map[string]any{"custom_id": spec.CustomID, "component_type": discordgo.ButtonComponent}
		if m := d.messages[spec.MessageID]; m != nil {
			raw["message"] = wire(m)
		}
	default:
		ctype := spec.CommandType
		if ctype == 0 {
			ctype = discordgo.ChatApplicationCommand
		}
		data := map[string]any{"id": "cmd-" + spec.Command, "name": spec.Command, "type": ctype}
		resolved := map[string]any{}
		if ctype == discordgo.ChatApplicationCommand {
			data["options"] = spec.Options
		} else {
			data["target_id"] = spec.TargetID
		}
		if len(spec.Attachments) > 0 {
			resolved["attachments"] = spec.Attachments
		}
		switch ctype {
		case discordgo.MessageApplicationCommand:
			// The target message in full, content included: Discord's
			// documented exception to the Message Content intent ("content
			// of the message a message context menu command is used on").
			if m := d.messages[spec.TargetID]; m != nil {
				resolved["messages"] = map[string]any{m.ID: wire(m)}
			}
		case discordgo.UserApplicationCommand:
			resolved["users"] = map[string]any{spec.TargetID: map[string]any{"id": spec.TargetID, "username": "user" + spec.TargetID}}
		}
		if len(resolved) > 0 {
			data["resolved"] = resolved
		}
		raw["data"] = data
	}
	in := &interaction{id: id, token: token, channelID: spec.ChannelID, typ: spec.Type, created: d.now(), message: spec.MessageID}
	d.interactions[id] = in
	d.byToken[token] = in
	b, _ := json.Marshal(raw)
	d.gw.dispatchLocked(d, "INTERACTION_CREATE", json.RawMessage(b))
	var out discordgo.Interaction
	_ = json.Unmarshal(b, &out)
	return &out
}

// UserMessage describes a message a user (or another bot) posts.
type UserMessage struct {
	ChannelID string
	AuthorID  string // default "2001"
	Bot       bool
	Content   string
	// MentionBot adds the bot to the message's mentions (and, as a user
	// would type it, "<@bot id> " before the content).
	MentionBot bool
	// Embeds are the message's embeds (a link preview, an image): a
	// message may have them and no text.
	Embeds []*discordgo.MessageEmbed
}

// SendMessage stores a message in a channel or thread and dispatches
// MESSAGE_CREATE. As on Discord, the dispatched content is empty when the
// client did not identify with the Message Content intent, unless the
// message mentions the bot.
func (d *Discord) SendMessage(spec UserMessage) *discordgo.Message {
	d.mu.Lock()
	defer d.mu.Unlock()
	if spec.AuthorID == "" {
		spec.AuthorID = "2001"
	}
	if spec.ChannelID == "" {
		spec.ChannelID = d.ChannelID
	}
	msg := &discordgo.Message{ChannelID: spec.ChannelID, Content: spec.Content,
		Author: &discordgo.User{ID: spec.AuthorID, Username: "user" + spec.AuthorID, Bot: spec.Bot}, Embeds: spec.Embeds}
	if spec.MentionBot {
		msg.Content = "<@" + d.BotID + "> " + spec.Content
		msg.Mentions = []*discordgo.User{d.botUser()}
	}
	d.storeMessageLocked(msg)
	sent := *msg
	if d.gw.intents&discordgo.IntentMessageContent == 0 && !spec.MentionBot && spec.AuthorID != d.BotID {
		sent.Content, sent.Embeds = "", nil
	}
	d.gw.dispatchLocked(d, "MESSAGE_CREATE", wire(&sent))
	return copyMessage(msg)
}

// editMessageLocked applies a PATCH body to a message as Discord does:
// checked against the limits, then merged, with an edit timestamp.
func (d *Discord) editMessageLocked(msg *discordgo.Message, body []byte) (int, any, *httpError) {
	var data map[string]any
	if err := json.Unmarshal(body, &data); err != nil {
		return 0, nil, errorf(http.StatusBadRequest, 50109, "The request body contains invalid JSON.")
	}
	if herr := validateMessage(data, false); herr != nil {
		return 0, nil, herr
	}
	applyMessage(msg, data)
	msg.EditedTimestamp = ptrTime(d.now())
	return 200, wire(msg), nil
}

package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
	"golang.org/x/time/rate"
)

// Bot is the running Discord adapter. Create it with New and start it with
// Run.
type Bot struct {
	cfg  Config
	deps Deps
	log  *slog.Logger
	s    *discordgo.Session
	http *http.Client

	appID, botID atomic.Value // string, from READY

	rate *askLimiter
	// checkRate is one member's rate of /verify and Check quotes: /ask's
	// rate, in a bucket of its own.
	checkRate *askLimiter
	// searchRate is one member's rate of /search, in a bucket of its own.
	searchRate *askLimiter
	model      *lane // answers that call the chat model
	quick      *lane // extractive answers
	now        func() time.Time
	// placeEdits is the budget of edits showing queue places.
	placeEdits *rate.Limiter
	answers    *recent[*cachedAnswer]
	threads    *recent[channelKind]

	closing  atomic.Bool
	workMu   sync.Mutex     // orders begin's check-and-add before shutdown's Wait
	stopping chan struct{}  // closed when shutdown begins
	dead     atomic.Bool    // a fatal close was seen: dial no more
	wg       sync.WaitGroup // handlers doing work that must finish on shutdown
	work     context.Context
	stop     context.CancelFunc
	fatal    chan error
	warned   sync.Map // one-time warnings already logged
	received sync.Map // interaction id → time.Time of receipt, until acknowledged
}

// New checks the configuration and prepares a session; nothing connects
// before Run.
func New(cfg Config, deps Deps) (*Bot, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	if deps.Answerer == nil {
		return nil, errors.New("bot: an Answerer is required")
	}
	cfg = cfg.withDefaults()
	token := cfg.Token
	if !strings.HasPrefix(token, "Bot ") {
		token = "Bot " + token
	}
	s, err := discordgo.New(token)
	if err != nil {
		return nil, fmt.Errorf("discord session: %w", err)
	}
	var transport http.RoundTripper = http.DefaultTransport
	if !isDiscordAPI(cfg.APIURL) {
		rt, err := NewRewriteTransport(cfg.APIURL, nil)
		if err != nil {
			return nil, err
		}
		transport = rt
	}
	s.Client = &http.Client{Transport: newRetryServerErrors(transport), Timeout: 20 * time.Second}
	s.StateEnabled = false
	s.ShouldReconnectOnError = true
	s.ShouldRetryOnRateLimit = true
	s.MaxRestRetries = 3
	// Guild messages carry thread follow-ups; interactions need no intent.
	s.Identify.Intents = discordgo.IntentsGuilds | discordgo.IntentsGuildMessages
	if cfg.MessageContent {
		s.Identify.Intents |= discordgo.IntentMessageContent
	}
	if cfg.ShardCount > 1 {
		s.ShardID, s.ShardCount = cfg.ShardID, cfg.ShardCount
	}
	log := deps.Logger
	if log == nil {
		log = slog.Default()
	}
	hc := deps.HTTPClient
	if hc == nil {
		hc = &http.Client{Timeout: 30 * time.Second}
	}
	b := &Bot{
		cfg: cfg, deps: deps, log: log, s: s, http: hc,
		rate:       newAskLimiter(cfg.AskPerMinute, cfg.AskBurst),
		checkRate:  newAskLimiter(cfg.AskPerMinute, cfg.AskBurst),
		searchRate: newAskLimiter(cfg.AskPerMinute, cfg.AskBurst),
		now:        time.Now,
		placeEdits: rate.NewLimiter(placeEditsPerSecond, placeEditsPerSecond),
		answers:    newRecent[*cachedAnswer](512),
		threads:    newRecent[channelKind](4096),
		fatal:      make(chan error, 1),
		stopping:   make(chan struct{}),
	}
	clock := func() time.Time { return b.now() } // tests replace b.now after New
	b.model = newLane("model", cfg.ModelConcurrency, cfg.QueueLength, cfg.QueuePerUser, deps.Metrics, clock)
	b.quick = newLane("quick", quickSlots(), cfg.QueueLength, cfg.QueuePerUser, deps.Metrics, clock)
	b.appID.Store(cfg.ApplicationID)
	b.botID.Store("")
	s.Dialer = b.gatewayDialer()
	s.AddHandler(b.onReady)
	s.AddHandler(b.onInteraction)
	s.AddHandler(b.onMessage)
	return b, nil
}

// Connected reports whether the gateway connection is up (for readiness
// checks).
func (b *Bot) Connected() bool {
	b.s.RLock()
	defer b.s.RUnlock()
	return b.s.DataReady
}

// Session is the underlying discordgo session (for tests and tooling).
func (b *Bot) Session() *discordgo.Session { return b.s }

func (b *Bot) appIDs() string { v, _ := b.appID.Load().(string); return v }
func (b *Bot) botIDs() string { v, _ := b.botID.Load().(string); return v }

func (b *Bot) onReady(_ *discordgo.Session, r *discordgo.Ready) {
	if r.User != nil {
		b.botID.Store(r.User.ID)
	}
	if b.appIDs() == "" && r.Application != nil {
		b.appID.Store(r.Application.ID)
	}
	b.log.Debug("discord gateway ready", "session", r.SessionID, "user", userID(r.User))
}

func userID(u *discordgo.User) string {
	if u == nil {
		return ""
	}
	return u.ID
}

// Run connects to the gateway, registers the commands with one bulk
// overwrite per configured guild (or globally), and serves until ctx ends.
// Then it stops taking questions, lets those in progress finish for up to
// ShutdownGrace, and closes the gateway. A fatal gateway close (bad token,
// disallowed intents, sharding) ends Run with an error that says what to do.
func (b *Bot) Run(ctx context.Context) error {
	b.work, b.stop = context.WithCancel(context.WithoutCancel(ctx))
	defer b.stop()
	err := b.s.Open()
	if fe := asFatal(err); fe != nil && fe.Code == 4014 && b.cfg.MessageContent {
		// The portal does not grant the Message Content intent. Rather than
		// not serving at all, serve without it: everything works but plain
		// follow-ups in threads, which must then mention the bot.
		b.log.Error("Discord refused the Message Content intent; serving without it, so follow-ups in threads must mention the bot or use /ask there",
			"fix", "enable it in the developer portal (Bot → Privileged Gateway Intents → Message Content Intent), or set discord.message_content: false to silence this")
		b.withoutMessageContent()
		err = b.s.Open()
	}
	if err != nil {
		if fe := asFatal(err); fe != nil {
			b.log.Error("discord refused the connection", "code", fe.Code, "advice", fe.Advice)
			return fe
		}
		return fmt.Errorf("connect to the discord gateway: %w", err)
	}
	// discordgo stores READY before Open returns; the onReady handler runs
	// on its own goroutine and may come later.
	b.s.State.RLock()
	ready := b.s.State.Ready
	b.s.State.RUnlock()
	b.onReady(b.s, &ready)
	if err := b.registerCommands(); err != nil {
		b.shutdown()
		return err
	}
	b.log.Info("readout bot serving", "guilds", b.cfg.GuildIDs, "app", b.appIDs(), "message_content", b.cfg.MessageContent)
	if !b.cfg.MessageContent {
		b.log.Info("without the Message Content intent, follow-ups in threads must mention the bot or use /ask inside the thread")
	}
	select {
	case <-ctx.Done():
		b.shutdown()
		return nil
	case err := <-b.fatal:
		b.log.Error("discord closed the gateway for good", "error", err)
		b.shutdown()
		return err
	}
}

// shutdown stops taking questions, waits for answers in progress up to the
// grace period, then cancels what is left and closes the gateway.
func (b *Bot) shutdown() {
	b.workMu.Lock()
	if !b.closing.Swap(true) {
		close(b.stopping)
	}
	b.workMu.Unlock()
	done := make(chan struct{})
	go func() { b.wg.Wait(); close(done) }()
	t := time.NewTimer(b.cfg.ShutdownGrace)
	defer t.Stop()
	select {
	case <-done:
	case <-t.C:
		b.log.Warn("shutdown grace period over; cancelling answers in progress")
		b.stop()
		<-done
	}
	if err := b.s.Close(); err != nil {
		b.log.Warn("close discord gateway", "error", err)
	}
}

func (b *Bot) registerCommands() error {
	app := b.appIDs()
	if app == "" {
		u, err := b.s.Application("@me")
		if err != nil {
			return fmt.Errorf("find the application id (set discord.application_id): %w", err)
		}
		app = u.ID
		b.appID.Store(app)
	}
	cmds := commands(b.cfg.AllowDMs)
	guilds := b.cfg.GuildIDs
	if len(guilds) == 0 {
		guilds = []string{""}
	}
	for _, g := range guilds {
		if _, err := b.s.ApplicationCommandBulkOverwrite(app, g, cmds); err != nil {
			where := "globally"
			if g != "" {
				where = "in guild " + g
			}
			return fmt.Errorf("register slash commands %s (is the bot invited with the applications.commands scope?): %w", where, err)
		}
	}
	return nil
}

// FatalCloseError is a gateway close Discord will repeat on every
// reconnection: retrying is pointless until the operator acts.
type FatalCloseError struct {
	Code   int
	Advice string
}

// Error says which code Discord sent and what to do about it.
func (e *FatalCloseError) Error() string {
	return fmt.Sprintf("discord closed the gateway with code %d: %s", e.Code, e.Advice)
}

func fatalAdvice(code int) string {
	switch code {
	case 4004:
		return "authentication failed: the bot token is wrong or was reset; copy a new one from the developer portal (Bot → Reset Token) into DISCORD_TOKEN"
	case 4010:
		return "invalid shard: discord.shard_id must be below discord.shard_count"
	case 4011:
		return "sharding required: the bot is in too many guilds for one connection; set discord.shard_count (and run one process per shard_id)"
	case 4012:
		return "invalid API version: upgrade readout"
	case 4013:
		return "invalid intents: the intents readout asked for are not valid"
	case 4014:
		return "disallowed intents: enable the Message Content Intent in the developer portal (Bot → Privileged Gateway Intents) or set discord.message_content: false"
	}
	return ""
}

func asFatal(err error) *FatalCloseError {
	var ce *websocket.CloseError
	if errors.As(err, &ce) && fatalAdvice(ce.Code) != "" {
		return &FatalCloseError{Code: ce.Code, Advice: fatalAdvice(ce.Code)}
	}
	return nil
}

// withoutMessageContent drops the Message Content intent after Discord
// refused it at the first connection, and undoes what the refusal set:
// the dialer's stop, the pending fatal error, the reconnect switch. It runs
// before any event handler does (no connection was made).
func (b *Bot) withoutMessageContent() {
	b.cfg.MessageContent = false
	b.s.Identify.Intents &^= discordgo.IntentMessageContent
	b.dead.Store(false)
	b.s.ShouldReconnectOnError = true
	select {
	case <-b.fatal:
	default:
	}
}

// onGatewayClose is called with the code of every close frame Discord
// sends. discordgo would reconnect forever after a fatal one, so the bot
// stops instead. It runs on the goroutine reading the gateway, before
// discordgo sees the close and decides to reconnect, which is why turning
// reconnection off here takes effect (and is race-free).
func (b *Bot) onGatewayClose(code int) {
	b.log.Debug("gateway close frame", "code", code)
	if adv := fatalAdvice(code); adv != "" {
		b.dead.Store(true)
		b.s.ShouldReconnectOnError = false
		select {
		case b.fatal <- &FatalCloseError{Code: code, Advice: adv}:
		default:
		}
	}
}

// begin registers a handler's work so shutdown waits for it; it returns
// false once shutdown has begun. Checking and adding under one lock keeps
// WaitGroup.Add from racing with Wait.
func (b *Bot) begin() bool {
	b.workMu.Lock()
	defer b.workMu.Unlock()
	if b.closing.Load() {
		return false
	}
	b.wg.Add(1)
	return true
}

// warnOnce logs a warning the first time key is seen.
func (b *Bot) warnOnce(key, msg string, args ...any) {
	if _, seen := b.warned.LoadOrStore(key, true); !seen {
		b.log.Warn(msg, args...)
	}
}

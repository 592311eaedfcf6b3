// Package bot is readout's Discord adapter: it registers the slash commands,
// acknowledges every interaction at once, streams answers from the answer
// pipeline into Discord messages within Discord's limits, opens a thread per
// answer and treats messages in it as follow-ups, and lets moderators
// refresh the record. It knows nothing of retrieval or models beyond the
// small interfaces in deps.go.
package bot

import (
	"errors"
	"fmt"
	"time"
)

// Config is the bot's configuration; the CLI fills it from the YAML config.
// Zero durations and counts take the defaults below.
type Config struct {
	// Token is the bot token ("Bot " is prepended when missing).
	Token string
	// APIURL is the Discord API base; empty or https://discord.com means
	// Discord itself. Anything else (a Discord-compatible server, a local
	// test server) gets discord.com requests rewritten to it.
	APIURL string
	// ApplicationID is optional: READY carries it.
	ApplicationID string
	// GuildIDs are the guilds to register commands in (instant); none means
	// global registration (can take up to an hour to appear).
	GuildIDs []string
	// ModeratorRoleIDs may use moderator commands besides members with the
	// Manage Server or Administrator permission.
	ModeratorRoleIDs []string
	// AskPerMinute and AskBurst are one member's rate of /ask: AskBurst
	// questions at once, then AskPerMinute a minute (defaults 6 and 3; a
	// negative AskPerMinute turns the limit off). Follow-ups in threads and
	// moderators are not limited. /verify and Check quotes together have
	// the same rate, counted apart from /ask's, and so does /search.
	AskPerMinute, AskBurst int
	// ModelAnswers says the Answerer calls a chat model: its answers then
	// share ModelConcurrency slots (default 4: what the model server can
	// take). Without it answers are extractive, cheap, and share as many
	// slots as there are CPUs.
	ModelAnswers     bool
	ModelConcurrency int
	// QueueLength bounds the questions waiting for a slot in each lane, and
	// QueuePerUser one member's questions waiting or being answered
	// (defaults 1000 and 20). Beyond them /ask is refused with the reason;
	// a follow-up in a thread passes the length, not one member's share.
	QueueLength, QueuePerUser int
	// QueueEditInterval is the least time between two updates of a waiting
	// question's place (default 3 s: a message is edited at most 5 times
	// in 5 s, and each queued question has its own).
	QueueEditInterval time.Duration
	// CheckQuotesInReply makes Check quotes post its verdicts as a reply to
	// the checked message, for everyone in the channel; by default they go
	// privately to the member who asked.
	CheckQuotesInReply bool
	// AllowDMs makes the bot answer in direct messages.
	AllowDMs bool
	// MessageContent asks for the privileged Message Content intent, needed
	// to read follow-ups in threads that do not mention the bot. It must be
	// enabled in the developer portal too, or Discord closes with 4014 (the
	// bot then serves without it and logs what to do).
	MessageContent bool
	// ShardID and ShardCount, for large deployments (ShardCount ≤ 1: none).
	ShardID, ShardCount int
	// EditInterval is the minimum time between two edits of a streaming
	// answer (default 1 s; Discord rate-limits edits at about 5 per 5 s).
	EditInterval time.Duration
	// AnswerTimeout bounds one answer (default 2 min).
	AnswerTimeout time.Duration
	// ShutdownGrace is how long answers in progress may finish after the
	// bot is told to stop (default 30 s).
	ShutdownGrace time.Duration
	// HistoryTurns and HistoryChars bound the conversation rebuilt from a
	// thread (defaults 6 turns, 6,000 characters).
	HistoryTurns, HistoryChars int
}

// Defaults applied by New to zero fields.
const (
	DefaultAskPerMinute      = 6
	DefaultAskBurst          = 3
	DefaultModelConcurrency  = 4
	DefaultQueueLength       = 1000
	DefaultQueuePerUser      = 20
	DefaultQueueEditInterval = 3 * time.Second
	DefaultEditInterval      = time.Second
	DefaultAnswerTimeout     = 2 * time.Minute
	DefaultShutdownGrace     = 30 * time.Second
	DefaultHistoryTurns      = 6
	DefaultHistoryChars      = 6000
)

func (c Config) withDefaults() Config {
	if c.AskPerMinute == 0 {
		c.AskPerMinute = DefaultAskPerMinute
	}
	defaultIfUnset(&c.AskBurst, DefaultAskBurst)
	defaultIfUnset(&c.ModelConcurrency, DefaultModelConcurrency)
	defaultIfUnset(&c.QueueLength, DefaultQueueLength)
	defaultIfUnset(&c.QueuePerUser, DefaultQueuePerUser)
	defaultIfUnset(&c.QueueEditInterval, DefaultQueueEditInterval)
	defaultIfUnset(&c.EditInterval, DefaultEditInterval)
	defaultIfUnset(&c.AnswerTimeout, DefaultAnswerTimeout)
	defaultIfUnset(&c.ShutdownGrace, DefaultShutdownGrace)
	defaultIfUnset(&c.HistoryTurns, DefaultHistoryTurns)
	defaultIfUnset(&c.HistoryChars, DefaultHistoryChars)
	return c
}

// defaultIfUnset sets *v to def when it is zero or negative (unset).
func defaultIfUnset[T int | time.Duration](v *T, def T) {
	if *v <= 0 {
		*v = def
	}
}

func (c Config) validate() error {
	if c.Token == "" {
		return errors.New("discord token is empty: set DISCORD_TOKEN")
	}
	if c.ShardCount > 1 && (c.ShardID < 0 || c.ShardID >= c.ShardCount) {
		return fmt.Errorf("discord.shard_id %d must be in [0, shard_count=%d)", c.ShardID, c.ShardCount)
	}
	return nil
}

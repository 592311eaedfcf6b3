package bot

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/readout/readout/retrieval"
)

// manageGuild is the Manage Server permission moderator commands default to.
var manageGuild = int64(discordgo.PermissionManageGuild)

// commands are the slash commands and the message command, registered
// with one bulk overwrite. They are offered in direct messages with the
// bot only when it answers there (allowDMs): otherwise a member would see
// them in a DM and be refused on every use. (Discord reads contexts on
// global commands, in place of the deprecated dm_permission; guild
// commands are never offered in DMs.)
func commands(allowDMs bool) []*discordgo.ApplicationCommand {
	dateOpt := func(name, desc string) *discordgo.ApplicationCommandOption {
		return &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionString, Name: name, Description: desc, MaxLength: 10}
	}
	where := []discordgo.InteractionContextType{discordgo.InteractionContextGuild}
	if allowDMs {
		where = append(where, discordgo.InteractionContextBotDM)
	}
	dm := &where
	return []*discordgo.ApplicationCommand{
		{
			Name: "ask", Description: "Ask about the diplomatic record; the answer cites its sources",
			Contexts: dm,
			Options: []*discordgo.ApplicationCommandOption{
				{Type: discordgo.ApplicationCommandOptionString, Name: "question", Description: "Your question", Required: true, MaxLength: 1000},
				dateOpt("since", "Only documents from this date on: 2023, 2023-09 or 2023-09-28"),
				dateOpt("until", "Only documents up to this date: 2023, 2023-09 or 2023-09-28"),
				{Type: discordgo.ApplicationCommandOptionBoolean, Name: "private", Description: "Answer only to you (no thread)"},
			},
		},
		{
			Name: "search", Description: "Show the passages of the record that best match, without a model",
			Contexts: dm,
			Options: []*discordgo.ApplicationCommandOption{
				{Type: discordgo.ApplicationCommandOptionString, Name: "query", Description: "What to look for", Required: true, MaxLength: 500},
				dateOpt("since", "Only documents from this date on: 2023, 2023-09 or 2023-09-28"),
				dateOpt("until", "Only documents up to this date: 2023, 2023-09 or 2023-09-28"),
			},
		},
		{
			Name: "verify", Description: "Check a quotation against the record: who said it, when, and word for word",
			Contexts: dm,
			Options: []*discordgo.ApplicationCommandOption{
				{Type: discordgo.ApplicationCommandOptionString, Name: "quote", Description: "The words to check (… for words left out)", Required: true, MaxLength: maxQuoteRunes},
				{Type: discordgo.ApplicationCommandOptionString, Name: "speaker", Description: "Who is said to have spoken them", MaxLength: 100},
				dateOpt("since", "Said on this date or later: 2023, 2023-09 or 2023-09-28"),
				dateOpt("until", "Said on this date or earlier: 2023, 2023-09 or 2023-09-28"),
				{Type: discordgo.ApplicationCommandOptionBoolean, Name: "private", Description: "Answer only to you"},
			},
		},
		// A message command (Apps → Check quotes): no description and no
		// options, as Discord requires of context-menu commands.
		{Type: discordgo.MessageApplicationCommand, Name: checkQuotesCommand, Contexts: dm},
		{
			Name: "corpus", Description: "What the record holds; moderators can change it",
			DefaultMemberPermissions: &manageGuild, Contexts: dm,
			Options: []*discordgo.ApplicationCommandOption{
				{Type: discordgo.ApplicationCommandOptionSubCommand, Name: "status", Description: "Documents indexed, period covered, last refresh"},
				{Type: discordgo.ApplicationCommandOptionSubCommand, Name: "refresh", Description: "Re-read the sources and update the index (moderators)"},
				{Type: discordgo.ApplicationCommandOptionSubCommand, Name: "add", Description: "Add a document from a file or a link (moderators)",
					Options: []*discordgo.ApplicationCommandOption{
						{Type: discordgo.ApplicationCommandOptionAttachment, Name: "file", Description: "A text, Markdown, HTML or JSON file"},
						{Type: discordgo.ApplicationCommandOptionString, Name: "url", Description: "An http(s) link to a page"},
					}},
				{Type: discordgo.ApplicationCommandOptionSubCommand, Name: "remove", Description: "Remove an added document (moderators)",
					Options: []*discordgo.ApplicationCommandOption{
						{Type: discordgo.ApplicationCommandOptionString, Name: "document", Description: "The document", Required: true, Autocomplete: true},
					}},
			},
		},
	}
}

// options flattens a command's options by name.
func options(opts []*discordgo.ApplicationCommandInteractionDataOption) map[string]*discordgo.ApplicationCommandInteractionDataOption {
	m := make(map[string]*discordgo.ApplicationCommandInteractionDataOption, len(opts))
	for _, o := range opts {
		m[o.Name] = o
	}
	return m
}

func optString(m map[string]*discordgo.ApplicationCommandInteractionDataOption, name string) string {
	if o := m[name]; o != nil {
		if s, ok := o.Value.(string); ok {
			return strings.TrimSpace(s)
		}
	}
	return ""
}

func optBool(m map[string]*discordgo.ApplicationCommandInteractionDataOption, name string) bool {
	if o := m[name]; o != nil {
		if v, ok := o.Value.(bool); ok {
			return v
		}
	}
	return false
}

// parseDate reads a since/until option: a year, a month or a day (see
// retrieval.ParsePeriod). since starts on the period's first day, until
// ends on its last (inclusive of that day).
func parseDate(name, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	first, last, err := retrieval.ParsePeriod(s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%s: %s", name, truncate(err.Error(), 120))
	}
	if name == "until" {
		return last, nil
	}
	return first, nil
}

func formatInt(n int64) string { return strconv.FormatInt(n, 10) }

// interactionUser is who acted: the member in a guild, the user in a DM.
func interactionUser(i *discordgo.Interaction) *discordgo.User {
	if i.Member != nil && i.Member.User != nil {
		return i.Member.User
	}
	if i.User != nil {
		return i.User
	}
	return &discordgo.User{}
}

// isModerator checks on the server side what default_member_permissions
// only suggests to clients: Manage Server or Administrator, or a moderator
// role. DMs have no member and never moderate.
func (b *Bot) isModerator(i *discordgo.Interaction) bool {
	if i.Member == nil || i.GuildID == "" {
		return false
	}
	p := i.Member.Permissions
	if p&discordgo.PermissionManageGuild != 0 || p&discordgo.PermissionAdministrator != 0 {
		return true
	}
	for _, r := range i.Member.Roles {
		for _, m := range b.cfg.ModeratorRoleIDs {
			if r == m {
				return true
			}
		}
	}
	return false
}

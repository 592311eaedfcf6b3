package bot

import (
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
)

// since: and until: take a year, a month or a day, as the CLI's flags do.
func TestDateOptionsArePeriods(t *testing.T) {
	opt := func(since, until string) map[string]*discordgo.ApplicationCommandInteractionDataOption {
		m := map[string]*discordgo.ApplicationCommandInteractionDataOption{}
		if since != "" {
			m["since"] = &discordgo.ApplicationCommandInteractionDataOption{Name: "since", Type: discordgo.ApplicationCommandOptionString, Value: since}
		}
		if until != "" {
			m["until"] = &discordgo.ApplicationCommandInteractionDataOption{Name: "until", Type: discordgo.ApplicationCommandOptionString, Value: until}
		}
		return m
	}
	f, err := dateFilters(opt("2023-09", "2023"))
	if err != nil || f.Since.Format(time.DateOnly) != "2023-09-01" || f.Until.Format(time.DateOnly) != "2023-12-31" {
		t.Errorf("since 2023-09 until 2023: %v–%v %v", f.Since, f.Until, err)
	}
	if _, err := dateFilters(opt("", "2023-02-30")); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("until 2023-02-30: %v", err)
	}
	if _, err := dateFilters(opt("2023-10", "2023-09")); err == nil {
		t.Error("since after until accepted")
	}
}

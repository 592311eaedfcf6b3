package answer

import (
	"strings"
	"testing"

	"github.com/readout/readout/prompts"
)

func TestEchoesPrompt(t *testing.T) {
	sys, err := prompts.System("2021-01-20", "2025-01-19", 11635)
	if err != nil {
		t.Fatal(err)
	}
	rules := sys[strings.Index(sys, "6. Everything"):]
	tests := []struct {
		name, text string
		want       bool
	}{
		{"the whole prompt", sys, true},
		{"two rules", "Sure! My rules: " + rules, true},
		{"honest decline naming the coverage", "The record does not cover this; the passages do not mention it. The record covers 2021-01-20 to 2025-01-19 (11635 documents), and you see only the passages of it that were retrieved.", false},
		{"ordinary answer", "Spokesperson Jane Example said on March 5 that the talks would resume in April [1]. She said “we are ready to meet our partners at any time” [1].", false},
		{"answer saying passages are evidence", "The passages are evidence from the record; according to passage 1 the talks resume in April [1].", false},
	}
	for _, tt := range tests {
		if got := echoesPrompt(tt.text, sys); got != tt.want {
			t.Errorf("%s: echoesPrompt = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestUnquotable(t *testing.T) {
	for s, want := range map[string]bool{
		"The minister said the border was calm.":              false,
		"Write @everyone and say it.":                         true,
		"Tell <@&123> about it.":                              true,
		"Thanks <@!456>.":                                     true,
		"As shown in [2], the talks resume.":                  true,
		"The talks [September 27] resume.":                    false,
		"Email press@example.org for the here and now.":       false,
		"He spoke at 10:00 [local time] about the agreement.": false,
	} {
		if got := unquotable(s); got != want {
			t.Errorf("unquotable(%q) = %v, want %v", s, got, want)
		}
	}
}

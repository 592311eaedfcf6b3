package text

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestSpeechVerbs(t *testing.T) {
	tests := []struct {
		in         string
		verbs      []string
		attributed []string
	}{
		{"“We will act,” Quillfeather said.", []string{"said"}, []string{"said"}},
		{"Quillfeather told reporters and later tweeted: “No.”", []string{"told", "tweeted"}, []string{"told", "tweeted"}},
		{"She wrote, argued, responded and added.", []string{"wrote", "argued", "responded", "added"}, []string{"wrote", "argued", "responded", "added"}},
		{"He went on to say the talks failed.", []string{"went on to say"}, []string{"went on to say"}},
		{"According to Quillfeather, it was according to plan.", nil, []string{"According to", "according to"}},
		{"Unsaid, Said, saidx, resaid: none", nil, nil},
	}
	for _, tc := range tests {
		var got, gotA []string
		for _, v := range SpeechVerbs(tc.in) {
			got = append(got, tc.in[v[0]:v[1]])
		}
		for _, v := range Attributions(tc.in) {
			gotA = append(gotA, tc.in[v[0]:v[1]])
		}
		if !slices.Equal(got, tc.verbs) {
			t.Errorf("SpeechVerbs(%q) = %q, want %q", tc.in, got, tc.verbs)
		}
		if !slices.Equal(gotA, tc.attributed) {
			t.Errorf("Attributions(%q) = %q, want %q", tc.in, gotA, tc.attributed)
		}
	}
	for w, want := range map[string]bool{"said": true, "told": true, "went on to say": true, "announced": false, "tweeted": false} {
		if IsPersonVerb(w) != want {
			t.Errorf("IsPersonVerb(%q) = %v", w, !want)
		}
	}
	if !IsSpeechVerb("announced") || IsSpeechVerb("walked") {
		t.Error("IsSpeechVerb: announced is one, walked is not")
	}
}

func TestAskVerbs(t *testing.T) {
	for w, want := range map[string]bool{"say": true, "described": true, "think": true, "tweeted": true,
		"reiterated": true, "went": false, "visit": false, "": false,
		// "how did X explain it" asks X's words; "who did X blame"
		// asks them too, but "blame" is the subject the search keeps.
		"explain": true, "admit": true, "blame": false, "deny": false} {
		if IsAskVerb(w) != want {
			t.Errorf("IsAskVerb(%q) = %v", w, !want)
		}
	}
	re := regexp.MustCompile(`^(?:` + AskVerbPattern + `)$`)
	for _, w := range []string{"say", "said", "characterised", "according"} {
		if re.MatchString(w) != IsAskVerb(w) {
			t.Errorf("AskVerbPattern and IsAskVerb disagree on %q", w)
		}
	}
}

func TestIsMentionAt(t *testing.T) {
	tests := []struct {
		q    string
		at   int
		want bool
	}{
		{"when was it first mentioned", 4, true},
		{"when did it first come up", 4, true},
		{"first time the canal tolls came up in a briefing", 4, false}, // "tolls"
		{"first time the canal tolls came up in a briefing", 5, true},
		{"when did she first bring up the bridge", 4, true},
		{"when did the office first talk about the canal", 5, true},
		{"when did she first talk to the minister", 4, false},
		{"when did the first convoy come", 5, false},
		{"when did the first convoy come", 0, false},
		{"when did they first discuss the canal", 4, true},
	}
	for _, tt := range tests {
		words := strings.Fields(tt.q)
		if got := IsMentionAt(words, tt.at); got != tt.want {
			t.Errorf("IsMentionAt(%q, %d [%s]) = %v, want %v", tt.q, tt.at, words[tt.at], got, tt.want)
		}
	}
}

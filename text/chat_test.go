package text

import (
	"strings"
	"testing"
)

func TestChatExpansion(t *testing.T) {
	cases := []struct{ word, want string }{
		{"potus", "president"},
		{"wh", "white house"},
		{"nsc", "national security council"},
		{"scotus", "supreme court"},
		{"af1", "air force one"},
		{"govt", "government"},
		{"nukes", "nuclear weapons"},
		{"stats", "statistics"},
		{"eo", "executive order"},
		{"pkg", "package"},
		{"rlly", "really"},
		{"smth", "something"},
		{"hrs", "hours"},
		// A word that is also a name's stays: "intel" is the chipmaker,
		// "tech" Virginia Tech's.
		{"intel", ""},
		{"tech", ""},
		{"vax", "vaccine"},
		{"weed", "marijuana"},
		{"q2", "second quarter"},
		{"president", ""},
		{"sullivan", ""},
		{"u", ""}, // a stopword to a search; "us" is not its plural
	}
	for _, tc := range cases {
		if got := strings.Join(ChatExpansion(tc.word), " "); got != tc.want {
			t.Errorf("ChatExpansion(%q) = %q, want %q", tc.word, got, tc.want)
		}
	}
}

// A question typed in chat is read as if written out: shorthand spelt
// out, the words that ask nothing dropped, office abbreviations left to
// retrieval, punctuation kept.
func TestSpellOutChat(t *testing.T) {
	cases := []struct{ q, want string }{
		{"yo what did kirby say bout the balloon", "what did kirby say about the balloon"},
		{"wat did the pres say abt ppl leaving?", "what did the president say about people leaving?"},
		{"wht did kamala say abt it, whn was that", "what did kamala say about it, when was that"},
		// "us" typed for the country, in lower case as typed; the
		// pronoun stays.
		{"how many us troops were there", "how many u.s. troops were there"},
		{"was the plot on us soil?", "was the plot on u.s. soil?"},
		{"us and china extended the pause", "u.s. and china extended the pause"},
		{"can you tell us about the talks", "can you tell us about the talks"},
		{"did they give us a number", "did they give us a number"},
		{"what did they say to us", "what did they say to us"},
		{"what did they say about russia's nuke threats", "what did they say about russia's nuclear threats"},
		{"whats the approval rate acc to the wh", "what is the approval rate according to the wh"},
		{"the acc number", "the acc number"},
		{"tell the ACC to do it", "tell the ACC to do it"},
		{"did they vote to nuke the filibuster", "did they vote to nuke the filibuster"},
		{"how many cities were repped", "how many cities were represented"},
		{"pls who is gonna lead the talks lol", "who is going to lead the talks"},
		{"what did potus say to the wh press corps", "what did potus say to the wh press corps"},
		{"When did Quillfeather speak?", "When did Quillfeather speak?"},
		{"hey how much did the mission send, the wh brought it up", "how much did the mission send, the wh brought it up"},
		{"quillfeather was in vegas in dec 2023 right, how much was that", "quillfeather was in vegas in dec 2023 how much was that"},
		// A word stretched for emphasis is read as written once.
		{"lmaooo did sooo many ppl really go", "did so many people really go"},
		{"yesss the III corps at www.example.gov", "yes the III corps at www.example.gov"},
		{"did biden warn about world war iii or the kkk, per aaa", "did biden warn about world war iii or the kkk, per aaa"},
		{"#metoooo and viii", "#metoooo and viii"},
		{"she said that, right?", "she said that,"},
		{"is health care a human right, according to biden?", "is health care a human right, according to biden?"},
		{"what did the white house announce for lahaina hi", "what did the white house announce for lahaina hi"},
		{"what did biden say about crime in the 90's", "what did biden say about crime in the 90's"},
		{"what did he say about the far right, and the left", "what did he say about the far right, and the left"},
		{"is voting a right? what did she say", "is voting a right? what did she say"},
		{"kirby said the talks were over, is that right?", "kirby said the talks were over, is that"},
		{"what was the eu's response to the g7's statement?", "what was the eu response to the g7 statement?"},
		{"what did he say arpa-h’s job was, and the g7's toll", "what did he say arpa-h job was, and the g7 toll"},
		{"it's what nato's chief said he's sure of", "it's what nato's chief said he's sure of"},
		{"What'd quill say, and how’d it go?", "what did quill say, and how did it go?"},
		{"whats the toll, whos the envoy", "what is the toll, who's the envoy"},
		{"which intl orgs did the exec order name", "which international organizations did the executive order name"},
		{"how many ppl got vaxxed", "how many people got vaccinated"},
		{"what did quill do travel-wise, and money-wise?", "what did quill do travel, and money?"},
		{"Timeline–wise, when was it", "Timeline, when was it"},
		{"otherwise, likewise, clockwise", "otherwise, likewise, clockwise"},
		// "WWII" is how the record writes it too: it stays.
		{"what did she say abt her dad in ww2 and wwii", "what did she say about her dad in world war ii and wwii"},
		{"the -wise suffix, and a --wise", "the -wise suffix, and a --wise"},
		{"ȺȺȺȺȺȺ-wise? ẞẞ-WISE", "ȺȺȺȺȺȺ? ẞẞ"},
		// One letter is spelt out here, not for the question reader, which
		// may find it a name's initial (SpellOutChatWords).
	}
	for _, tc := range cases {
		if got := SpellOutChat(tc.q); got != tc.want {
			t.Errorf("SpellOutChat(%q) = %q, want %q", tc.q, got, tc.want)
		}
	}
}

// An ordinal typed in figures stands for the word the record writes.
func TestOrdinalInFigures(t *testing.T) {
	for w, want := range map[string]string{"8th": "eighth", "1st": "first", "2nd": "second", "3rd": "third", "11th": "eleventh", "20th": "twentieth"} {
		if got := ChatExpansion(w); len(got) != 1 || got[0] != want {
			t.Errorf("%s: %v, want %s", w, got, want)
		}
	}
	if got := ChatExpansion("21st"); got != nil {
		t.Errorf("21st: %v", got)
	}
}

// TestIsOfficeName: the office abbreviations used as names are spelt out
// by ChatExpansion; other abbreviations and words are not names.
func TestIsOfficeName(t *testing.T) {
	for _, w := range []string{"potus", "flotus", "vpotus", "prez", "vp"} {
		if !IsOfficeName(w) || len(ChatExpansion(w)) == 0 {
			t.Errorf("%q: office name %v, expansion %v", w, IsOfficeName(w), ChatExpansion(w))
		}
	}
	for _, w := range []string{"wh", "nsc", "president", "pm", ""} {
		if IsOfficeName(w) {
			t.Errorf("%q read as an office's name", w)
		}
	}
}

func TestSpellOutChatWordsKeepsInitials(t *testing.T) {
	for q, want := range map[string]string{
		"what did george w bush say abt it": "what did george w bush say about it",
		"what did Joseph R. Biden say":      "what did Joseph R. Biden say",
		"what'd alejandro n. mayorkas say":  "what did alejandro n. mayorkas say",
	} {
		if got := SpellOutChatWords(q); got != want {
			t.Errorf("SpellOutChatWords(%q) = %q, want %q", q, got, want)
		}
	}
	if got := SpellOutChat("biden met w putin"); got != "biden met with putin" {
		t.Errorf("SpellOutChat: %q", got)
	}
}

// TestIsOrdinal: ordinals spelt out or in figures, and no other word.
func TestIsOrdinal(t *testing.T) {
	for w, want := range map[string]bool{"fourth": true, "4th": true, "twentieth": true, "21st": false, "four": false, "forth": false} {
		if got := IsOrdinal(w); got != want {
			t.Errorf("IsOrdinal(%q) = %v, want %v", w, got, want)
		}
	}
}

package text

import "strings"

// ChatExpansion returns the words that a chat abbreviation or a spoken
// spelling stands for, as a question typed in a Discord channel writes
// them and the record spells them out: "potus" → "president", "wh" →
// "white house", "nsc" → "national security council", "govt" →
// "government", "gonna" → "going". w is lower case, as Words writes it;
// the result is nil for any other word. Retrieval uses it on questions
// only: the record itself is indexed as written.
func ChatExpansion(w string) []string {
	if e, ok := chatWords[w]; ok {
		return strings.Fields(e)
	}
	return nil
}

// chatWords are the abbreviations of office titles and institutions that
// the record writes in full, and the common chat shorthand for ordinary
// words.
var chatWords = map[string]string{
	// Offices and titles.
	"potus": "president", "vpotus": "vice president", "flotus": "first lady",
	"pres": "president", "prez": "president", "vp": "vice president",
	"wh": "white house", "nsc": "national security council",
	"nsa": "national security advisor", "apnsa": "national security advisor",
	"secstate": "secretary state", "sos": "secretary state", "sec": "secretary",
	"secdef": "secretary defense", "pm": "prime minister", "fm": "foreign minister",
	"amb": "ambassador", "ambo": "ambassador", "kjp": "karine jean pierre",
	"admin": "administration", "govt": "government",
	"intl": "international", "natsec": "national security", "dept": "department",
	"doj": "justice department", "dod": "defense department", "dhs": "homeland security",
	"hhs": "health human services", "epa": "environmental protection agency",
	// Chat shorthand.
	"ppl": "people", "abt": "about", "bc": "because", "cuz": "because", "bcuz": "because",
	"tho": "though", "thru": "through",
	"wo": "without", "msg": "message", "mtg": "meeting", "convo": "conversation",
	"info": "information", "approx": "approximately", "yr": "year", "yrs": "years",
	"mo": "month", "mos": "months", "wk": "week", "wks": "weeks",
}

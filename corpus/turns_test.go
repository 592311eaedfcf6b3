package corpus

import (
	"strings"
	"testing"
)

// checkTurns asserts the invariants of a document's turns: contiguous,
// non-empty, covering the whole text, and TurnAt agreeing with them.
func checkTurns(t *testing.T, d *Document) {
	t.Helper()
	ts := d.Turns()
	if len(ts) == 0 {
		t.Fatalf("%s: no turns", d.ID)
	}
	at := 0
	for i, tr := range ts {
		if tr.Start != at || tr.End <= tr.Start {
			t.Fatalf("%s: turn %d is [%d, %d), want a start at %d", d.ID, i, tr.Start, tr.End, at)
		}
		if got, ok := d.TurnAt(tr.Start); !ok || got != tr {
			t.Fatalf("%s: TurnAt(%d) = %+v, want %+v", d.ID, tr.Start, got, tr)
		}
		at = tr.End
	}
	if at != len(d.Text) {
		t.Fatalf("%s: turns end at %d of %d bytes", d.ID, at, len(d.Text))
	}
	if _, ok := d.TurnAt(len(d.Text)); ok {
		t.Errorf("%s: TurnAt past the end found a turn", d.ID)
	}
}

// turnOf returns the turn holding the first occurrence of s in d's text.
func turnOf(t *testing.T, d *Document, s string) Turn {
	t.Helper()
	i := strings.Index(d.Text, s)
	if i < 0 {
		t.Fatalf("%s: %q not in text", d.ID, s)
	}
	tr, ok := d.TurnAt(i)
	if !ok {
		t.Fatalf("%s: no turn at %q", d.ID, s)
	}
	return tr
}

func TestTranscriptTurnsFixture(t *testing.T) {
	d := one(t, "briefing.txt")
	checkTurns(t, d)
	for _, tt := range []struct {
		at, speaker, title string
		role               Role
	}{
		{"Example Briefing Room", "", "", RoleUnknown},
		{"Good afternoon", "Jane Example", "Press Secretary", RoleOfficial},
		{"no example solution", "John Sample", "Coordinator for Example Affairs", RoleOfficial},
		{"Is that a change", "Reporter", "", RoleReporter},
		{"Last question", "Moderator", "", RoleModerator},
	} {
		tr := turnOf(t, d, tt.at)
		if tr.Speaker.Name != tt.speaker || tr.Speaker.Title != tt.title || tr.Role != tt.role {
			t.Errorf("turn at %q: %+v %q, want %q (%q) %q", tt.at, tr.Speaker, tr.Role, tt.speaker, tt.title, tt.role)
		}
		if tr.DateString() != "2031-04-02" {
			t.Errorf("turn at %q dated %q", tt.at, tr.DateString())
		}
	}
	// A copy decoded from JSON (no turns cached) computes the same turns.
	c := &Document{ID: d.ID, Title: d.Title, Text: d.Text, Date: d.Date, Format: d.Format}
	if got, want := len(c.Turns()), len(d.Turns()); got != want {
		t.Errorf("uncached copy has %d turns, want %d", got, want)
	}
}

// TestSeedTurns: in each report of the sample record, every quotation is
// its source's, dated as the text dates it; the report's own words are the
// outlet's narration. Seed 000's figure "as of Friday morning" is dated by
// the Friday of its dateline (September 29, 2023), not by the briefing it
// follows.
func TestSeedTurns(t *testing.T) {
	docs := loadSample(t)
	type want struct {
		at, speaker, title string
		role               Role
		date               string
	}
	for id, wants := range map[string][]want{
		"000_796cebcc88a1bf3f.txt": {
			{"We are quite serious about the international mission", "Matthew Miller", "U.S. State Department spokesperson", RoleReported, "2023-09-28"},
			{"We think the international mission is important", "Matthew Miller", "U.S. State Department spokesperson", RoleReported, "2023-09-28"},
			{"I can’t preview specifics", "Matthew Miller", "U.S. State Department spokesperson", RoleReported, "2023-09-28"},
			{"Miller did not disclose", "ARMENPRESS", "", RoleNarration, "2023-09-29"},
			{"84,770 forcibly displaced", "ARMENPRESS", "", RoleNarration, "2023-09-29"},
			{"The United States has once again", "ARMENPRESS", "", RoleNarration, "2023-09-29"},
		},
		"001_a5096ebbdc57aca1.txt": {
			{"Secretary Blinken has emphasized this repeatedly", "Ned Price", "the Department's spokesperson", RoleReported, ""},
			{"We believe direct dialogue is key", "Ned Price", "the Department's spokesperson", RoleReported, ""},
			{"We were not a participant", "Ned Price", "the Department's spokesperson", RoleReported, ""},
			{"Price's comments came", "TURAN", "", RoleNarration, ""},
		},
		"002_69e751255ff0b80c.txt": {
			{"Our message has been consistent", "Ned Price", "State Department spokesperson", RoleReported, "2022-09-26"},
			{"We’ve made that clear privately", "Ned Price", "State Department spokesperson", RoleReported, "2022-09-26"},
			{"made clear to both foreign ministers", "Ned Price", "State Department spokesperson", RoleReported, "2022-09-26"},
			{"A State Department spokesperson on Monday said", "", "", RoleNarration, "2022-09-26"},
		},
		"003_712cea4203d5c32e.txt": {
			{"U.S. support for efforts to achieve", "Matthew Miller", "State Department spokesman", RoleReported, ""},
			{"The Secretary of State said he understands", "Matthew Miller", "State Department spokesman", RoleReported, ""},
			{"For example, if goods could be shipped", "James O'Brien", "Undersecretary of State for European and Eurasian Affairs", RoleReported, ""},
		},
		"004_ed5a135d6ad044a9.txt": {
			{"The United States is committed to the peace", "Antony Blinken", "U.S. Secretary of State", RoleReported, ""},
			{"The United States strongly supports", "Antony Blinken", "U.S. Secretary of State", RoleReported, ""},
			{"Both countries are working to that end", "Antony Blinken", "U.S. Secretary of State", RoleReported, ""},
			{"Blinken commented on the costs", "State Newswire", "", RoleNarration, ""},
		},
	} {
		d := docs[id]
		if d == nil {
			t.Fatalf("seed %s missing", id)
		}
		checkTurns(t, d)
		for _, w := range wants {
			tr := turnOf(t, d, w.at)
			if tr.Speaker.Name != w.speaker || tr.Speaker.Title != w.title || tr.Role != w.role || tr.DateString() != w.date {
				t.Errorf("%s at %q: %+v %q %q, want %q (%q) %q %q", id, w.at, tr.Speaker, tr.Role, tr.DateString(), w.speaker, w.title, w.role, w.date)
			}
		}
	}
}

// TestReportedSpeech: in a news report with invented speakers, each
// quotation is its source's, whichever verb attributes it and whether the
// attribution comes before or after it; a name inside a quotation never
// is; two people with one surname are told apart by their titles; a
// speaker the document's speaker list misses is still found.
func TestReportedSpeech(t *testing.T) {
	d := one(t, "reported.txt")
	checkTurns(t, d)
	for _, tt := range []struct {
		at, speaker, title string
		role               Role
		date               string
	}{
		{"a settled matter", "EXAMPLE WIRE", "", RoleNarration, ""},
		{"The bridge will open in the spring", "Zara Quillfeather", "Spokesperson", RoleReported, "2031-03-02"},
		// wrote, before the quotation; another person named inside it.
		{"We will not be moved", "Zara Quillfeather", "Spokesperson", RoleReported, ""},
		// tweeted, with an appositive title.
		{"The bridge is a fantasy", "Odo Placeholder", "the opposition leader", RoleReported, ""},
		// told, after the quotation; a surname alone.
		{"Nobody asked the fishermen", "Odo Placeholder", "the opposition leader", RoleReported, "2031-03-03"},
		// added, with a pronoun.
		{"The plan has no budget", "Odo Placeholder", "the opposition leader", RoleReported, ""},
		// according to, before the quotation.
		{"the budget is settled", "Brannoch Quillfeather", "Finance Minister", RoleReported, ""},
		// responded, typewriter quotes, a description.
		{"We have the money", "Brannoch Quillfeather", "Finance Minister", RoleReported, ""},
		// argued; the surname two people share, told apart by the title.
		{"has never read the plan", "Zara Quillfeather", "Spokesperson", RoleReported, ""},
		// tweeted, by someone no other sentence names.
		{"Every bridge starts as a fantasy", "Nilo Farrowmere", "", RoleReported, ""},
		// reports, before the quotation.
		{"The bridge site is empty", "Pell Umber", "Correspondent", RoleReported, ""},
		// an organisation the text says spoke.
		{"The bridge is ours to build", "Nowhereland Foreign Ministry", "", RoleReported, ""},
		// said, before the name.
		{"The critics will be proven wrong", "Zara Quillfeather", "Spokesperson", RoleReported, ""},
		// exclaimed, after the quotation.
		{"The bridge honours every fisherman", "Zara Quillfeather", "Spokesperson", RoleReported, ""},
		// A line announcing "a statement from" her, the quotation below.
		{"The bridge opens for every boat today", "Zara Quillfeather", "Spokesperson", RoleReported, ""},
	} {
		tr := turnOf(t, d, tt.at)
		if tr.Speaker.Name != tt.speaker || tr.Speaker.Title != tt.title || tr.Role != tt.role {
			t.Errorf("turn at %q: %+v %q, want %q (%q) %q", tt.at, tr.Speaker, tr.Role, tt.speaker, tt.title, tt.role)
		}
		if tt.date != "" && tr.DateString() != tt.date {
			t.Errorf("turn at %q dated %q, want %q", tt.at, tr.DateString(), tt.date)
		}
	}
	// The attribution around a quotation is the report's own words.
	if tr := turnOf(t, d, "Placeholder told Example Wire"); tr.Role != RoleNarration {
		t.Errorf("attribution is %q, want narration", tr.Role)
	}
	var names []string
	for _, s := range d.Speakers {
		names = append(names, s.Name)
	}
	if !containsString(names, "Nilo Farrowmere") {
		t.Errorf("Speakers %v lack the source only a turn finds", names)
	}
}

// TestQuotationLists: in an article, a list of items that are nothing
// but quotations is the words of the one person introducing it — the
// subject of the lead paragraph, of a heading ("Deputy Minister … on
// Morning Example") or of the paragraph before a "Here is …:" line —
// but not when a bullet of other words or a source's label stands
// between, nor when the introducer is a capitalised phrase no title
// makes a person.
func TestQuotationLists(t *testing.T) {
	d := one(t, "quotelist.txt")
	checkTurns(t, d)
	for _, tt := range []struct {
		at, speaker string
		role        Role
	}{
		// The lead paragraph's subject, after "This morning,".
		{"The bridge will open in the spring", "Zara Quillfeather", RoleReported},
		{"Nothing has changed about that", "Zara Quillfeather", RoleReported},
		{"we have the steel", "Zara Quillfeather", RoleReported},
		// A link's bare label after the quotation ("” Watch").
		{"steady and patient", "Zara Quillfeather", RoleReported},
		// A heading names who speaks; the items carry topic labels.
		{"Every coin is accounted for", "Odo Placeholder", RoleReported},
		{"and it stands", "Odo Placeholder", RoleReported},
		// A heading that is only a title and a name; a company's is no
		// one's.
		{"The second bridge comes after", "Odo Placeholder", RoleReported},
		{"We will build the third", "The Ministry of Examples of Nowhereland", RoleIssuer},
		// The subject after two opening phrases; an item whose opening
		// mark was lost does not end the list.
		{"rebuilt in stone", "Ilse Warbleton", RoleReported},
		{"Every lock keeper keeps", "Ilse Warbleton", RoleReported},
		// A surname completed by a given name written as two capitals.
		{"oldest machines", "QX Fennimore", RoleReported},
		// A line going on with the list's speaker.
		{"locks will open at dawn", "QX Fennimore", RoleReported},
		// A heading of others' words about a person, or of two people.
		{"He rebuilt the bridge", "The Ministry of Examples of Nowhereland", RoleIssuer},
		{"We opened it together", "The Ministry of Examples of Nowhereland", RoleIssuer},
		// A czar is titled.
		{"river crossings are quiet", "Pell Ravensworth", RoleReported},
		// A plain bullet ends the list: the company's words are not the
		// introducer's, and neither is the quotation after them.
		{"The river has never looked busier", "The Ministry of Examples of Nowhereland", RoleIssuer},
		// A source's label makes its list another's.
		{"Critics remain unconvinced", "The Ministry of Examples of Nowhereland", RoleIssuer},
		// "Radical Example Voices" is no person.
		{"The bridge is a fantasy", "The Ministry of Examples of Nowhereland", RoleIssuer},
		// The lead paragraph itself stays the issuer's.
		{"joined two news programs", "The Ministry of Examples of Nowhereland", RoleIssuer},
	} {
		tr := turnOf(t, d, tt.at)
		if tr.Speaker.Name != tt.speaker || tr.Role != tt.role {
			t.Errorf("turn at %q: %+v %q, want %q %q", tt.at, tr.Speaker, tr.Role, tt.speaker, tt.role)
		}
	}
}

// TestLabelTypos: a label misspelt once among a speaker's turns is read as
// that speaker's; two labels each used often, a short surname one edit
// from another, and labels with other words before the surname stay apart.
// A reporter's "Q" whose space was lost ("QThanks. Just to go back to …")
// opens a reporter's turn in a transcript that has other "Q" turns; a
// line opening with such a word elsewhere is no turn.
func TestGluedQuestion(t *testing.T) {
	src := "title: Press Briefing by Press Secretary Zara Quillfeather and Coordinator Milo Brask\ndate: 2031-04-02\nsource: The Example House\n\n" +
		"MS. QUILLFEATHER: Good afternoon.\n\n" +
		"Q When do the barges move?\n\n" +
		"MR. BRASK: At dawn.\n\n" +
		"QThanks. Just to go back to the tolls. Are they lifted?\n\n" +
		"MS. QUILLFEATHER: Yes.\n\n" +
		"QAnd the barges?\n\n" +
		"MR. BRASK: They move.\n\n" +
		"QAnd the locks?\n\n" +
		"MS. QUILLFEATHER: The tolls are lifted.\n\n" +
		"QUAD COUNTRIES\n"
	docs, err := Parse("glued.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	d := docs[0]
	checkTurns(t, d)
	if got := turnOf(t, d, "Just to go back to the tolls").Role; got != RoleReporter {
		t.Errorf("the glued question's turn: role %v, want a reporter's", got)
	}
	if got := turnOf(t, d, "the locks").Role; got != RoleReporter {
		t.Errorf("a glued word opening two lines: role %v, want a reporter's", got)
	}
	if got := turnOf(t, d, "At dawn").Speaker.Name; got != "Milo Brask" {
		t.Errorf("the turn before: %q", got)
	}
	if got := turnOf(t, d, "The tolls are lifted").Speaker.Name; got != "Zara Quillfeather" {
		t.Errorf("the answer: %q", got)
	}
	if turns, _ := labelLines("MS. QUILLFEATHER: Hello.\nMR. BRASK: Hi.\nQThanks for that.\n"); len(turns) != 2 {
		t.Errorf("no spaced Q turn: %d turns, want the 2 labelled", len(turns))
	}
	// A word written elsewhere in the text too is the speaker's own.
	if turns, _ := labelLines("MS. QUILLFEATHER: Hello.\nQ Who?\nMR. BRASK: The QAnon forums, again.\nQAnon forums spread it.\n"); len(turns) != 3 {
		t.Errorf("QAnon opening a line: %d turns, want the 3 labelled", len(turns))
	}
}

func TestLabelTypos(t *testing.T) {
	src := "title: Press Briefing by Press Secretary Zara Quillfeather and Coordinator Milo Brask\ndate: 2031-04-02\nsource: The Example House\n\n" +
		"MS. QUILLFEATHER: Good afternoon. Coordinator Milo Brask joins us.\n\n" +
		"MR. BRASK: Thanks, Zara. The canal reopens Monday.\n\n" +
		"Q When do the barges move?\n\n" +
		"MS. QUILFEATHER: The barges move at dawn.\n\n" +
		"Q And the tolls?\n\n" +
		"MS. QUILLFEATHER: No tolls this spring.\n\n" +
		"MR. BRASK: Nor next spring.\n\n" +
		"MS. QUILLFEATHER: Thank you all.\n"
	docs, err := Parse("typo.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	d := docs[0]
	checkTurns(t, d)
	if got := turnOf(t, d, "The barges move at dawn").Speaker.Name; got != "Zara Quillfeather" {
		t.Errorf("the misspelt label's turn is %q's, want Zara Quillfeather's", got)
	}
	for _, tt := range []struct {
		labels []string
		want   map[string]string
	}{
		{[]string{"MS. QUILLFEATHER", "MS. QUILFEATHER", "MS. QUILLFEATHER"}, map[string]string{"MS. QUILFEATHER": "MS. QUILLFEATHER"}},
		// Two people, each speaking often.
		{[]string{"MR. HALLOR", "MR. HALLER", "MR. HALLOR", "MR. HALLER", "MR. HALLOR", "MR. HALLER"}, nil},
		// Too short to tell a typo from another surname.
		{[]string{"MR. BASK", "MR. BRASK", "MR. BRASK"}, nil},
		// Another title before the name: another person.
		{[]string{"MS. QUILLFEATHER", "DR. QUILFEATHER", "MS. QUILLFEATHER"}, nil},
		// The other label used once too: no telling which is the typo.
		{[]string{"MS. QUILLFEATHER", "MS. QUILFEATHER"}, nil},
	} {
		var labels []turn
		for _, l := range tt.labels {
			labels = append(labels, turn{label: l})
		}
		got := labelTypos(labels)
		if len(got) != len(tt.want) {
			t.Errorf("labelTypos(%q) = %v, want %v", tt.labels, got, tt.want)
			continue
		}
		for k, v := range tt.want {
			if got[k] != v {
				t.Errorf("labelTypos(%q)[%q] = %q, want %q", tt.labels, k, got[k], v)
			}
		}
	}
}

package corpus

import "testing"

// headerDoc parses an invented document in the record's header format.
func headerDoc(t *testing.T, title, category, body string) *Document {
	t.Helper()
	src := "title: " + title + "\ndate: 2031-03-02\nsource: Example Briefing Room\ncategory: " + category +
		"\nurl: https://example.invalid/x\n\n" + body
	docs, err := Parse("x.txt", []byte(src))
	if err != nil || len(docs) != 1 {
		t.Fatalf("parse: %v (%d documents)", err, len(docs))
	}
	checkTurns(t, docs[0])
	return docs[0]
}

// TestSignedAndLabelledQuotations: a quotation signed on the next line
// ("– Spokesperson Zara Quillfeather") or labelled before a colon
// ("- Finance Minister Brannoch Quillfeather: “…”") is the person's, with
// the title the signature or label gives; headings and clauses before a
// colon, and lines that merely start with a dash, credit no one.
func TestSignedAndLabelledQuotations(t *testing.T) {
	for _, tt := range []struct {
		name, title, category, body string
		at, speaker, spTitle        string
		role                        Role
	}{
		{"signed below, title after a comma", "Statement from the Palace", "statements",
			"“The bridge will open in the spring, whatever the critics say.”\n\n-Zara Quillfeather, Nowhereland Press Secretary\n",
			"whatever the critics", "Zara Quillfeather", "Nowhereland Press Secretary", RoleReported},
		{"signed below, title before the name", "Statement from the Finance Minister", "statements",
			"“Today the budget is settled.”\n\n– Finance Minister Brannoch Quillfeather\n",
			"budget is settled", "Brannoch Quillfeather", "Finance Minister", RoleReported},
		{"signed below an article's opening quotation", "Bridges Are Back", "articles",
			"“The bridge is a triumph.”\n— Deputy Press Secretary Pell Umber\n\nThe bridge opened on Monday.\n",
			"is a triumph", "Pell Umber", "Deputy Press Secretary", RoleReported},
		{"a line under a quotation that is a sentence", "Bridges Are Back", "articles",
			"“The bridge is a triumph.”\n— Odo Placeholder contributed to this report.\n",
			"is a triumph", "The White House", "", RoleIssuer},
		{"labelled items", "Leaders Praise the Bridge", "articles",
			"Here is what they said:\n\n- Finance Minister Brannoch Quillfeather: “We have the money.”\n- Spokesperson Zara Quillfeather: “The ferries can rest.”\n",
			"ferries can rest", "Zara Quillfeather", "Spokesperson", RoleReported},
		{"a label with the party in brackets", "Leaders Praise the Bridge", "articles",
			"- Rep. Odo Placeholder (N-NL): “The bridge is ours to build.”\n",
			"ours to build", "Odo Placeholder", "Rep.", RoleReported},
		{"a three-word name after a title", "Leaders Praise the Bridge", "articles",
			"- Sen. Odo Brannoch Placeholder: “The ferries can rest.”\n- Economist Pell Umber: “Bridges pay.”\n",
			"ferries can rest", "Odo Brannoch Placeholder", "Sen.", RoleReported},
		{"a description before a name is no title", "Leaders Praise the Bridge", "articles",
			"- Economist Pell Umber: “Bridges pay.”\n",
			"Bridges pay", "The White House", "", RoleIssuer},
		{"a label by title and surname", "Leaders Praise the Bridge", "articles",
			"Finance Minister Brannoch Quillfeather visited the site.\n\n- Minister Quillfeather: “We have the money.”\n",
			"have the money", "Brannoch Quillfeather", "Minister", RoleReported},
		{"a heading naming a subject, not a speaker", "Leaders Praise the Bridge", "articles",
			"- On Nowhereland Minister Quillfeather: “He has never read the plan.”\n",
			"never read the plan", "The White House", "", RoleIssuer},
		{"posts before the titled person", "Leaders Praise the Bridge", "articles",
			"Ranking Member, Harbour Oversight Committee, Nowhereland Congressman Odo Placeholder: “The bridge is ours to build.”\n",
			"ours to build", "Odo Placeholder", "Nowhereland Congressman", RoleReported},
		{"a person, a post and the post's employer", "Leaders Praise the Bridge", "articles",
			"Pell Umber, Adviser for Ferries, President Brannoch Quillfeather: “The ferries can rest.”\n",
			"ferries can rest", "Pell Umber", "Adviser for Ferries, President Brannoch Quillfeather", RoleReported},
		{"a person, a post and an organisation", "Leaders Praise the Bridge", "articles",
			"- Zara Quillfeather, Director, Harbour Forward: “We have the money.”\n",
			"have the money", "The White House", "", RoleIssuer},
		{"a person, a body and a title-like last word", "Leaders Praise the Bridge", "articles",
			"Zara Quillfeather, In Our Harbour, National Ferry Justice Agenda: “The ferries can rest.”\n",
			"ferries can rest", "The White House", "", RoleIssuer},
		{"a titled person first, another titled person last", "Leaders Praise the Bridge", "articles",
			"Governor Zara Quillfeather (N-NL), Chair, Harbour Governors, Senator Odo Placeholder: “The ferries can rest.”\n",
			"ferries can rest", "The White House", "", RoleIssuer},
		{"a body quoting someone", "Leaders Praise the Bridge", "articles",
			"Harbour Daily Editorial Board, Quoting Senator Odo Placeholder: “The ferries can rest.”\n",
			"ferries can rest", "The White House", "", RoleIssuer},
		{"a clause before the colon", "Leaders Praise the Bridge", "articles",
			"- Minister Quillfeather promised the fishermen: “No ferry will close.”\n",
			"No ferry will close", "The White House", "", RoleIssuer},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := headerDoc(t, tt.title, tt.category, tt.body)
			d.Outlet = "The White House"
			d.turns = nil
			tr := turnOf(t, d, tt.at)
			if tr.Speaker.Name != tt.speaker || tr.Speaker.Title != tt.spTitle || tr.Role != tt.role {
				t.Errorf("turn at %q: %+v %q, want %q (%q) %q", tt.at, tr.Speaker, tr.Role, tt.speaker, tt.spTitle, tt.role)
			}
		})
	}
}

// TestPersonStatementTitle: a title naming a person before "Statement"
// makes the person the statement's issuer; a joint statement stays the
// office's.
func TestPersonStatementTitle(t *testing.T) {
	for _, tt := range []struct {
		title, speaker, spTitle string
	}{
		{"Finance Minister Brannoch Quillfeather Statement on the Bridge", "Brannoch Quillfeather", "Finance Minister"},
		{"Spokesperson Quillfeather Statement on the Ferries", "Zara Quillfeather", "Spokesperson"},
		{"Nowhereland-Elsewhere Joint Statement on the Bridge", "The White House", ""},
		{"Joint Leaders Statement on the Bridge", "The White House", ""},
	} {
		d := headerDoc(t, tt.title, "statements-releases", "Spokesperson Zara Quillfeather has long wanted the bridge. It opens today.\n")
		d.Outlet = "The White House"
		d.turns = nil
		tr := turnOf(t, d, "It opens today")
		if tr.Speaker.Name != tt.speaker || tr.Speaker.Title != tt.spTitle || tr.Role != RoleIssuer {
			t.Errorf("%q: %+v %q, want %q (%q) issuer", tt.title, tr.Speaker, tr.Role, tt.speaker, tt.spTitle)
		}
	}
}

// TestSentenceAdverbIsNoGivenName: an adverb opening a sentence before a
// name ("Only Zara would …") is not the person's given name.
func TestSentenceAdverbIsNoGivenName(t *testing.T) {
	for _, src := range []string{
		"Only Zara would build a bridge there. Thanks, Zara.",
		"Even Zara laughed. Perhaps Zara knew.",
		"Above Zara, the sky. Thanks, Zara.",
	} {
		if name, _ := findFullName(src, "Zara"); name != nil {
			t.Errorf("%q: full name %v, want none", src, name)
		}
	}
}

// TestPronounAfterAnotherNamed: "he said" after the text has named
// someone else with an honorific since the last quotation is not that
// quotation's speaker ("before Dr. Kissinger died … he said, “…”" in a
// speech that quoted Trump earlier).
func TestPronounAfterAnotherNamed(t *testing.T) {
	body := "Finance Minister Brannoch Quillfeather said, “The budget is settled.”\n\n" +
		"Before Dr. Farrowmere retired, I called him, and he said, “The bridge will outlast us all.”\n"
	d := headerDoc(t, "Bridges Are Back", "articles", body)
	d.Outlet = "The White House"
	d.turns = nil
	if tr := turnOf(t, d, "outlast us all"); tr.Speaker.Name == "Brannoch Quillfeather" {
		t.Errorf("“he” after Dr. Farrowmere was named credited to %q", tr.Speaker.Name)
	}
	body = "Finance Minister Brannoch Quillfeather said, “The budget is settled.”\n\n" +
		"Later that day, he said, “We have the money.”\n"
	d = headerDoc(t, "Bridges Are Back", "articles", body)
	d.Outlet = "The White House"
	d.turns = nil
	if tr := turnOf(t, d, "have the money"); tr.Speaker.Name != "Brannoch Quillfeather" {
		t.Errorf("“he” with no one else named between: %+v %q, want Brannoch Quillfeather", tr.Speaker, tr.Role)
	}
}

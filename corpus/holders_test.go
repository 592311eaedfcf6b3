package corpus

import (
	"slices"
	"testing"
)

// datedDoc parses an invented document in the record's header format,
// dated date, published on example.invalid.
func datedDoc(t *testing.T, id, date, title, body string) *Document {
	t.Helper()
	return siteDoc(t, "example.invalid", id, date, title, body)
}

// siteDoc is datedDoc published on host.
func siteDoc(t *testing.T, host, id, date, title, body string) *Document {
	t.Helper()
	src := "title: " + title + "\ndate: " + date + "\nsource: Example Briefing Room\ncategory: remarks" +
		"\nurl: https://" + host + "/" + id + "\n\n" + body
	docs, err := Parse(id, []byte(src))
	if err != nil || len(docs) != 1 {
		t.Fatalf("parse %s: %v (%d documents)", id, err, len(docs))
	}
	return docs[0]
}

// speechOf is the speaker of the turn holding s in d.
func speechOf(t *testing.T, d *Document, s string) Speaker {
	t.Helper()
	return turnOf(t, d, s).Speaker
}

// TestNameHolders: a speech whose title names nobody and whose only label
// is a post ("THE PRESIDENT:") is the holder's whom the titles of the same
// site's documents of the nearest day name in that post; a transcript's
// role label alone is too. Beyond holderReach days, when the nearest day
// names two holders equally, or when only another site names one, the
// post stays as it is; and the President's label in a transcript titled
// as someone else's is that transcript's slip, left alone.
func TestNameHolders(t *testing.T) {
	evidence := datedDoc(t, "a.txt", "2031-03-01", "Remarks by President Zara Quillfeather at the Harbour",
		"THE PRESIDENT: Thank you. The harbour is open again.\n\nMS. ODILE QUILLFEATHER: And so is the school.\n")
	speech := datedDoc(t, "b.txt", "2031-03-02", "The Harbour Address",
		"THE PRESIDENT: Thank you, everybody. We will build the second pier this year.\n")
	transcript := datedDoc(t, "c.txt", "2031-03-03", "Remarks at a Pier Ceremony",
		"THE PRESIDENT: The pier opens today.\n\nTHE FIRST LADY: And the school beside it in May.\n\nMAYOR OSWIN BRACKLEY: Thank you both.\n")
	far := datedDoc(t, "d.txt", "2031-06-30", "The Summer Address",
		"THE PRESIDENT: The ferries run every hour from today.\n")
	briefing := datedDoc(t, "g.txt", "2031-03-02", "Press Briefing by Press Secretary Pell Umber and Harbour Master Odo Placeholder on the President’s Trip",
		"MS. UMBER: Good afternoon.\n\nQ Is the pier late?\n\nTHE PRESIDENT: No, it is on time.\n")
	if got := speechOf(t, speech, "second pier"); got.Name != "The President" {
		t.Fatalf("before naming, the speech is %+v's, want the post's", got)
	}
	hash := speech.Hash
	docs := []*Document{evidence, speech, transcript, far, briefing}
	if n := NameHolders(docs); n != 2 {
		t.Errorf("NameHolders changed %d documents, want 2", n)
	}
	want := Speaker{Name: "Zara Quillfeather", Title: "President"}
	if got := speechOf(t, speech, "second pier"); got != want {
		t.Errorf("the speech is %+v's, want %+v", got, want)
	}
	if !slices.Contains(speech.Speakers, want) || slices.ContainsFunc(speech.Speakers, func(s Speaker) bool { return s.Name == "The President" }) {
		t.Errorf("the speech's speakers are %+v, want the holder in place of the post", speech.Speakers)
	}
	if speech.Hash == hash {
		t.Error("the speech's hash did not change with its speaker")
	}
	if got := speechOf(t, transcript, "pier opens"); got != want {
		t.Errorf("the transcript's role label is %+v, want %+v", got, want)
	}
	if got := speechOf(t, transcript, "school beside"); got.Name != "The First Lady" {
		t.Errorf("nobody names a First Lady, yet the label is %+v", got)
	}
	if got := speechOf(t, far, "ferries run"); got.Name != "The President" {
		t.Errorf("a speech four months from any holder's document is %+v's", got)
	}
	if got := speechOf(t, briefing, "on time"); got.Name != "The President" {
		t.Errorf("the President's label in the press secretary's briefing is %+v's", got)
	}
	checkTurns(t, speech)
	checkTurns(t, transcript)

	// Another site's document names nobody here.
	other := siteDoc(t, "elsewhere.invalid", "h.txt", "2031-03-02", "The Quay Address",
		"THE PRESIDENT: The quay is finished.\n")
	NameHolders([]*Document{evidence, other})
	if got := speechOf(t, other, "quay is finished"); got.Name != "The President" {
		t.Errorf("a speech on another site is %+v's", got)
	}

	// Two holders named on the nearest day, equally often: nobody.
	rival := datedDoc(t, "e.txt", "2031-03-03", "Remarks by President Brannoch Vexley at the Canal",
		"THE PRESIDENT: Thank you. The canal is open.\n")
	tied := datedDoc(t, "f.txt", "2031-03-02", "The Canal Address",
		"THE PRESIDENT: The locks will be rebuilt.\n")
	NameHolders([]*Document{evidence, rival, tied})
	if got := speechOf(t, tied, "locks will"); got.Name != "The President" {
		t.Errorf("between two presidents named a day away each, the speech is %+v's", got)
	}
}

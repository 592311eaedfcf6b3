package corpus

import (
	"strings"
	"testing"
	"time"
)

// TestTitlePersonEndsAtTheName: the person a title names ends where a word
// that is neither name nor title follows, and a surname is completed from
// the text only with the title's role (a namesake mentioned in the text is
// someone else). Titles are the record's shapes with invented people.
func TestTitlePersonEndsAtTheName(t *testing.T) {
	tests := []struct {
		title, text string
		name, role  string
	}{
		{"National Security Advisor Zara Quillfeather Welcoming Constructive Dialogue Between Nowhereland and Elsewhere", "", "Zara Quillfeather", "National Security Advisor"},
		{"National Security Advisor Zara Quillfeather Congratulating Inaugural Quad Fellows", "", "Zara Quillfeather", "National Security Advisor"},
		{"National Security Advisor Zara Quillfeather 54th Nowhere Conference", "", "Zara Quillfeather", "National Security Advisor"},
		{"NSC Spokesperson Odo Brambleby Condemning Terrorist Attacks Against Nowhereland", "", "Odo Brambleby", "NSC Spokesperson"},
		{"President Quillfeather Welcoming Ally Nowhereland", "", "Quillfeather", "President"},
		{"PDNSA Odo Brambleby", "", "Odo Brambleby", "Principal Deputy National Security Advisor"},
		{"President Quillfeather on the Anniversary", "My son Pip Quillfeather served. Grandpop Quillfeather smiled.", "Quillfeather", "President"},
		{"President Quillfeather on the Anniversary", "Today President Zara Quillfeather spoke.", "Zara Quillfeather", "President"},
		{"Press Secretary Odo Brambleby on Nowhereland", "", "Odo Brambleby", "Press Secretary"},
		{"Secretary of State Odo Brambleby", "", "Odo Brambleby", "Secretary of State"},
		// A preposition or a number word ends the name however a title
		// capitalises it.
		{"Vice President Quillfeather Aboard HMS Nowhere in Elsewhere", "", "Quillfeather", "Vice President"},
		{"Vice President Zara Quillfeather Three Years After the Flood", "", "Zara Quillfeather", "Vice President"},
		{"Special Envoy Odo Brambleby Alongside Nowhereland Partners", "", "Odo Brambleby", "Special Envoy"},
		// A post held to another's is one title.
		{"Press Secretary to the Vice President Zara Quillfeather on the Summit", "", "Zara Quillfeather", "Press Secretary to the Vice President"},
		{"Senior Advisor to the President Odo Brambleby", "", "Odo Brambleby", "Senior Advisor to the President"},
		{"Press Secretary Odo Brambleby to the Nowhere Conference", "", "Odo Brambleby", "Press Secretary"},
	}
	for _, tc := range tests {
		sp, ok := titlePerson(tc.title, tc.text)
		if !ok || sp.Name != tc.name || sp.Title != tc.role {
			t.Errorf("titlePerson(%q) = %q, %q, %v; want %q, %q", tc.title, sp.Name, sp.Title, ok, tc.name, tc.role)
		}
	}
}

// A title that opens with an enumeration of groups or countries names no
// person with its first words ("Statement from Avalonian American, Native
// Syldavian and Pacific Islander Senior Liaison …", "Statement by
// Avalonia, Syldavia, Nowhereland …"); a name followed by its title after
// a comma still is one.
func TestTitlePersonNotAnEnumeration(t *testing.T) {
	for _, s := range []string{
		"Avalonian American, Native Syldavian and Pacific Islander Senior Liaison Zara Quillfeather on the Museum",
		"Avalonia, Syldavia, Nowhereland, and the Canal Commission on the Canal",
	} {
		if sp, ok := titlePerson(s, ""); ok {
			t.Errorf("titlePerson(%q) = %q: an enumeration read as a person", s, sp.Name)
		}
	}
	for s, want := range map[string]string{
		"Odo A. Brambleby, Counsel to the Minister, on the Canal":             "Odo A. Brambleby",
		"Odo Brambleby, Director of the Canal Preparedness Office, on Floods": "Odo Brambleby",
	} {
		if sp, ok := titlePerson(s, ""); !ok || sp.Name != want {
			t.Errorf("titlePerson(%q) = %q, %v; want %q", s, sp.Name, ok, want)
		}
	}
}

// A label names its person through a post held to a country or a body
// ("Former Ambassador to Avalonia Zara Quillfeather") and a given name of
// two capital initials ("Rep. ZQ Quillfeather"); a title's abbreviation
// ("PM Quillfeather") is no given name.
func TestLabelPersonPostsAndInitials(t *testing.T) {
	for s, want := range map[string][2]string{
		"Former Ambassador to Avalonia Zara Quillfeather": {"Zara Quillfeather", "Former Ambassador to Avalonia"},
		"Rep. ZQ Quillfeather":                            {"ZQ Quillfeather", "Rep."},
	} {
		name, title, ok := labelPerson(s)
		if got := strings.Join(name, " "); !ok || got != want[0] || title != want[1] {
			t.Errorf("labelPerson(%q) = %q, %q, %v; want %q, %q", s, got, title, ok, want[0], want[1])
		}
	}
	if name, _, _ := labelPerson("PM Quillfeather"); strings.Join(name, " ") == "PM Quillfeather" {
		t.Errorf("a title's abbreviation read as initials")
	}
	if _, _, ok := labelPerson("Travel to Avalonia"); ok {
		t.Errorf("a heading read as a person")
	}
}

// TestOpeningDateOfOddText: the opening sentence is searched for "today"
// and "yesterday" in the text itself, so that a text whose lower case is
// of another length than it ("İ", or bytes that are not UTF-8, as a damaged index
// may hold) is read without an offset of another string.
func TestOpeningDateOfOddText(t *testing.T) {
	pub := time.Date(2031, 3, 3, 0, 0, 0, 0, time.UTC)
	for _, s := range []string{
		"İİİİİİİİ The bridge opened yesterday.",
		"The bridge \xe2\xe2 opened yesterday.",
		"İİİİ Yesterday the bridge opened.",
	} {
		got, ok := openingDate(s, pub)
		if !ok || !got.Equal(pub.AddDate(0, 0, -1)) {
			t.Errorf("%q: %v %v, want %v", s, got, ok, pub.AddDate(0, 0, -1))
		}
	}
}

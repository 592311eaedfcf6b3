package corpus

import (
	"strings"
	"testing"
	"time"

	"github.com/readout/readout/text"
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

// TestDayToCome: a weekday that opens a full date ("on Tuesday, March 11")
// names that date, and a date after publication is an event to come, not
// the day anything was said: a statement announcing next week's call is
// dated by its publication, not by the last Tuesday before it. A weekday
// alone still dates the statement by the last such day.
func TestDayToCome(t *testing.T) {
	pub := time.Date(2031, 3, 7, 0, 0, 0, 0, time.UTC) // a Friday
	for _, tt := range []struct {
		s    string
		want string // "" when the sentence gives the statement no day
	}{
		{"President Quillfeather will hold a call with Chancellor Brightwater on Tuesday, March 11, 2031.", ""},
		{"On Tuesday, March 11, Minister Quillfeather will host the summit.", ""},
		{"On Tuesday March 11 Minister Quillfeather will host the summit.", ""},
		{"On Tuesday, March 11th, Minister Quillfeather will host the summit.", ""},
		{"On Tuesday (March 11), Minister Quillfeather will host the summit.", ""},
		{"On Tuesday, Minister Quillfeather spoke with Chancellor Brightwater.", "2031-03-04"},
		{"On Tuesday, March 4, Minister Quillfeather spoke with Chancellor Brightwater.", "2031-03-04"},
	} {
		got, ok := openingDate(tt.s, pub)
		if g := dayString(got, ok); g != tt.want {
			t.Errorf("openingDate(%q) = %q, want %q", tt.s, g, tt.want)
		}
	}
	for _, tt := range []struct {
		s    string
		want string
	}{
		{"The minister said she will call on Tuesday, March 11.", ""},
		{"The minister said on Tuesday, March 4, that the talks had ended.", "2031-03-04"},
		{"The minister told reporters Tuesday that the talks had ended.", "2031-03-04"},
		{"The minister said the summit on Tuesday, March 11, 2031 would go ahead.", ""},
		// The nearer date is to come; the one said is the statement's.
		{"Speaking on March 3, the minister announced talks on March 11.", "2031-03-03"},
	} {
		got, ok := statementDate(tt.s, text.Sentences(tt.s), 0, pub)
		if g := dayString(got, ok); g != tt.want {
			t.Errorf("statementDate(%q) = %q, want %q", tt.s, g, tt.want)
		}
	}
}

func dayString(t time.Time, ok bool) string {
	if !ok {
		return ""
	}
	return t.Format("2006-01-02")
}

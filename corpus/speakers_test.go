package corpus

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestTextSpeakers(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []Speaker
	}{
		{"title before name",
			"“We are ready,” Example Ministry spokesperson Jane Example said on Monday.",
			[]Speaker{{Name: "Jane Example", Title: "Example Ministry spokesperson"}}},
		{"appositive title",
			"“We are ready,” John Sample, the Ministry's spokesperson, said.",
			[]Speaker{{Name: "John Sample", Title: "the Ministry's spokesperson"}}},
		{"verb before name after a quotation",
			"Envoy John Sample met them. “It went well,” said Sample.",
			[]Speaker{{Name: "John Sample", Title: "Envoy"}}},
		{"surname resolves to the full name used elsewhere, in order of first appearance",
			"Secretary of Examples Jane Q. Example hosted talks. “Good,” Sample told reporters. Example added that talks went on. Deputy Envoy John Sample was there.",
			[]Speaker{{Name: "John Sample", Title: "Deputy Envoy"}, {Name: "Jane Q. Example", Title: "Secretary of Examples"}}},
		{"apostrophes and according to",
			"“Fine,” Jane O’Example said, according to a release. Spokesperson Jane O’Example spoke.",
			[]Speaker{{Name: "Jane O'Example", Title: "Spokesperson"}}},
		{"no duplicates, aux verbs",
			"Spokesperson Jane Example said yes. Jane Example has said so before. Example later said no.",
			[]Speaker{{Name: "Jane Example", Title: "Spokesperson"}}},
		{"non-persons",
			"The State Department said so. Exampleland said it agreed. The Secretary of State said more. He added that it was fine. Example Electric announced a plant.",
			nil},
		{"added to reporters is saying",
			"Spokesperson Jane Example spoke. “We are done,” Example added to reporters.",
			[]Speaker{{Name: "Jane Example", Title: "Spokesperson"}}},
		{"continued to and added to do nothing of saying",
			"The Quillton Department of Labor and Canal Opportunity has continued to fund barges. The Oakhollow Canal Works added to its fleet.",
			nil},
		{"unresolved surname is dropped",
			"“Fine,” Sample said.",
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := textSpeakers(tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("textSpeakers = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestTurnSpeaker(t *testing.T) {
	const title = "Remarks by President Example and Vice President Sample at a Press Conference with Secretary of Examples Jane Doe-Example"
	const text = "President John Example spoke. Vice President Mary Sample spoke. Governor Ana Oak Hollow and President Quillfeço spoke, and King Ardent VI. President Juan Pablo Río Verde came. Acting Administrator Bo Ferndale spoke. Commission President Marika van der Quillfeather and President Tamsin bin Oak Al Hollow spoke. Surgeon General Ada Quillfeather and the FBI spoke.\n\nACTING ADMINISTRATION WILLOWBY: Thank you."
	tests := []struct {
		label   string
		want    Speaker
		generic bool
	}{
		{"THE PRESIDENT", Speaker{Name: "John Example", Title: "President"}, false},
		{"THE VICE PRESIDENT", Speaker{Name: "Mary Sample", Title: "Vice President"}, false},
		{"SECRETARY DOE-EXAMPLE", Speaker{Name: "Jane Doe-Example", Title: "Secretary of Examples"}, false},
		{"MS. DOE-EXAMPLE", Speaker{Name: "Jane Doe-Example", Title: "Secretary of Examples"}, false},
		{"MR. NOBODY", Speaker{Name: "Nobody"}, false},
		// A surname of two words, letters beyond ASCII, a regnal number.
		{"GOVERNOR OAK HOLLOW", Speaker{Name: "Ana Oak Hollow", Title: "Governor"}, false},
		{"PRESIDENT QUILLFEÇO", Speaker{Name: "Quillfeço", Title: "President"}, false},
		{"KING ARDENT VI", Speaker{Name: "Ardent VI", Title: "King"}, false},
		{"PRESIDENT XI", Speaker{Name: "Xi", Title: "President"}, false},
		// Given names before a surname of two words; a title misspelt
		// before a one-word surname; a role misspelt.
		{"PRESIDENT RÍO VERDE", Speaker{Name: "Juan Pablo Río Verde", Title: "President"}, false},
		{"ACTING ADMINSTRATOR FERNDALE", Speaker{Name: "Bo Ferndale", Title: "Acting Administrator"}, false},
		// A surname opening with a particle the text writes in lower case.
		{"PRESIDENT VAN DER QUILLFEATHER", Speaker{Name: "Marika van der Quillfeather", Title: "President"}, false},
		{"PRESIDENT BIN OAK AL HOLLOW", Speaker{Name: "Tamsin bin Oak Al Hollow", Title: "President"}, false},
		{"FATHER VAN WILLOWMERE", Speaker{Name: "Van Willowmere", Title: "Father"}, false},
		{"SENIOR ADMINISTRATION OFFICAL", Speaker{Name: "Senior Administration Official"}, true},
		{"ACTING ADMINISTRATION WILLOWBY", Speaker{Name: "Willowby", Title: "Acting Administration"}, false},
		{"SENIOR ADMINISTRATION OFFICIAL", Speaker{Name: "Senior Administration Official"}, true},
		{"MODERATOR", Speaker{Name: "Moderator"}, true},
		// A title only labels use; a role, with the words the prose
		// writes in capitals kept so.
		{"SURGEON GENERAL QUILLFEATHER", Speaker{Name: "Ada Quillfeather", Title: "Surgeon General"}, false},
		{"MILITARY AIDE", Speaker{Name: "Military Aide"}, true},
		{"FBI OFFICIAL", Speaker{Name: "FBI Official"}, true},
		{"SENIOR ADMINISTRATION OFFICIAL ONE", Speaker{Name: "Senior Administration Official One"}, true},
	}
	for _, tt := range tests {
		got, generic := turnSpeaker(tt.label, title, text)
		if got != tt.want || generic != tt.generic {
			t.Errorf("turnSpeaker(%q) = %+v %v, want %+v %v", tt.label, got, generic, tt.want, tt.generic)
		}
	}
}

// A word one addresses a person by is no given name: "Doctors
// Quillfeather and Oakhollow" names no one called Doctors, "Coach
// Willowby" no one called Coach.
func TestTurnSpeakerAddressTitle(t *testing.T) {
	const text = "Thanks to Doctors Quillfeather and Oakhollow. Coach Willowby came, and Coach Tamsin Ferndale, and Amir Brackwater.\n\nDR. QUILLFEATHER: Thank you."
	for label, want := range map[string]Speaker{
		"MR. BRACKWATER":   {Name: "Amir Brackwater"}, // a given name too
		"DR. QUILLFEATHER": {Name: "Quillfeather"},
		"COACH WILLOWBY":   {Name: "Willowby", Title: "Coach"},
		"COACH FERNDALE":   {Name: "Tamsin Ferndale", Title: "Coach"},
	} {
		if got, _ := turnSpeaker(label, "Remarks at the Quillton Canal", text); got != want {
			t.Errorf("turnSpeaker(%q) = %+v, want %+v", label, got, want)
		}
	}
}

// A titled label's surname is not completed from a namesake the text
// names after an honorific ("PRESIDENT EXAMPLE" in remarks that thank "my
// wife, Dr. Ida Example"); a lower-case "miss" before the name is no
// honorific.
func TestTurnSpeakerNamesake(t *testing.T) {
	const title = "Remarks by President Example at the Naval Base"
	for _, tt := range []struct {
		label, text string
		want        Speaker
	}{
		{"PRESIDENT EXAMPLE", "PRESIDENT EXAMPLE: Thank you. My wife, Dr. Ida Example, sponsors the ship.", Speaker{Name: "Example", Title: "President"}},
		{"PRESIDENT EXAMPLE", "PRESIDENT EXAMPLE: Thank you. My mother, Mrs. Ida Example, sponsors the ship.", Speaker{Name: "Example", Title: "President"}},
		{"ACTING ADMINISTRATOR SAMPLE", "ACTING ADMINISTRATOR SAMPLE: We will miss Ned Sample. Thanks.", Speaker{Name: "Ned Sample", Title: "Acting Administrator"}},
		{"MS. EXAMPLE", "MS. EXAMPLE: Thank you. Dr. Ida Example spoke first.", Speaker{Name: "Ida Example"}},
	} {
		if got, _ := turnSpeaker(tt.label, title, tt.text); got != tt.want {
			t.Errorf("turnSpeaker(%q) over %q = %+v, want %+v", tt.label, tt.text, got, tt.want)
		}
	}
}

// A title read back from a name in a heading stops at the heading's event
// ("Press Gaggle") and at another name joined by "and"; a name read after
// a role stops at the heading's next link ("Aboard", "Upon").
func TestTitleStopsAtHeading(t *testing.T) {
	for _, tt := range []struct {
		label, title string
		want         Speaker
	}{
		{"MR. EXAMPLE", "On-the-Record Press Gaggle APNSA Jane Example at the Summit", Speaker{Name: "Jane Example"}},
		{"MR. SAMPLE", "Interview of President Example and Ned Sample by Example News", Speaker{Name: "Ned Sample"}},
		{"MR. SAMPLE", "Remarks by Deputy Secretary of Examples Ned Sample", Speaker{Name: "Ned Sample", Title: "Deputy Secretary of Examples"}},
		// A heading in title case goes on after the name.
		{"THE PRESIDENT", "Press Gaggle by President Example Aboard Air Force One", Speaker{Name: "Example", Title: "President"}},
		{"THE VICE PRESIDENT", "Remarks by Vice President Sample Upon Return", Speaker{Name: "Sample", Title: "Vice President"}},
	} {
		if got, _ := turnSpeaker(tt.label, tt.title, tt.label+": Thank you."); got != tt.want {
			t.Errorf("turnSpeaker(%q) under %q = %+v, want %+v", tt.label, tt.title, got, tt.want)
		}
	}
}

// TestFullNameWithTwoGivenNames: a name of two given names after a title
// ("Judge Tamsin Vorle Oakhollow") is read whole, the title without the
// first given name; a capitalised word opening a sentence before a name
// is no given name.
func TestFullNameWithTwoGivenNames(t *testing.T) {
	for _, tc := range []struct{ text, surname, name, title string }{
		{"Remarks by Judge Tamsin Vorle Oakhollow on the Canal", "Oakhollow", "Tamsin Vorle Oakhollow", "Judge"},
		{"President Odo Quill Brambleby spoke.", "Brambleby", "Odo Quill Brambleby", "President"},
		{"Welcome Zara Quillfeather, our guest.", "Quillfeather", "Zara Quillfeather", ""},
		{"Secretary of State Zara Quillfeather arrived.", "Quillfeather", "Zara Quillfeather", "Secretary of State"},
		// A given name of two capitals after a title; without one, two
		// capitals name a company.
		{"Vice President QX Fennimore arrived.", "Fennimore", "QX Fennimore", "Vice President"},
		{"The Example Agency and QX Widgets announced a plant.", "Widgets", "", ""},
	} {
		name, title := findFullName(tc.text, tc.surname)
		if strings.Join(name, " ") != tc.name || title != tc.title {
			t.Errorf("findFullName(%q) = %q, %q; want %q, %q", tc.text, strings.Join(name, " "), title, tc.name, tc.title)
		}
	}
}

// A title's "Remarks by" after a word or two of its own ("Pre-Taped
// Remarks by …", "Excerpts of Remarks by …") names who speaks in a
// document without labels, as "Remarks by" does; a title naming remarks
// further in, or by no one, is the outlet's.
func TestModifiedRemarksIssuer(t *testing.T) {
	for _, tt := range []struct {
		title string
		want  string
	}{
		{"Pre-Taped Remarks by Vice Minister Oona Quillfeather As Delivered to the Harbour Commission", "Oona Quillfeather"},
		{"Excerpts of Remarks by Minister Ned Farrowby at the Canal Forum", "Ned Farrowby"},
		{"CORRECTED: Remarks by Minister Ned Farrowby on the Ferry Strike", "Ned Farrowby"},
		{"A Week of Harbour Events and Remarks by Minister Ned Farrowby", "Example Outlet"},
		{"Statement on Remarks by Minister Ned Farrowby", "Example Outlet"},
		{"Fact Sheet: Remarks by Minister Ned Farrowby", "Example Outlet"},
		{"Response to Remarks by Minister Ned Farrowby", "Example Outlet"},
		{"ȺȺȺȺȺȺȺȺȺȺȺȺ Remarks by Ned", "Ned"}, // lower case of another length: read at the title's offsets
	} {
		d := &Document{Title: tt.title, Outlet: "Example Outlet", Text: "It is an honor to address this commission."}
		if got, _ := issuer(d); got.Name != tt.want {
			t.Errorf("issuer(%q) = %+v, want %q", tt.title, got, tt.want)
		}
	}
}

// A statement whose title names two persons is issued by the office
// (issuer), and JointIssuers names both; a title naming one person, a
// person and what their statement is about, countries, or a letter's
// addressees names no joint issuers.
func TestJointIssuers(t *testing.T) {
	body := "Minister Ned Farrowby and Envoy Oona Quillfeather send their greetings to the harbour."
	for _, tt := range []struct {
		title string
		want  []string
	}{
		{"Statement by Minister Ned Farrowby and Envoy Oona Quillfeather on the Lantern Festival", []string{"Ned Farrowby", "Oona Quillfeather"}},
		{"Statement from Minister Farrowby and Envoy Quillfeather", []string{"Ned Farrowby", "Oona Quillfeather"}},
		{"Statement by Minister Ned Farrowby on the Ferry and the Canal", nil},
		{"Statement by Spokesperson Bram Oakhollow on Envoy Oona Quillfeather's Meeting with Minister Ned Farrowby and Envoy Zed Ashgrove", nil},
		{"Statement by Nowhereland, Elsewhereland and Farland on the Canal", nil},
		{"Letter from Minister Ned Farrowby to Envoy Oona Quillfeather and Envoy Zed Ashgrove", nil},
		{"Readout of Minister Ned Farrowby and Envoy Oona Quillfeather's Call", nil},
	} {
		d := &Document{Title: tt.title, Outlet: "Example Outlet", Text: body}
		var got []string
		for _, s := range JointIssuers(d) {
			got = append(got, s.Name)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("JointIssuers(%q) = %q, want %q", tt.title, got, tt.want)
		}
		if tt.want != nil {
			if sp, _ := issuer(d); sp.Name != "Example Outlet" {
				t.Errorf("issuer(%q) = %q, want the office", tt.title, sp.Name)
			}
		}
	}
}

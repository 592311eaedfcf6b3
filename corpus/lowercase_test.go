package corpus

import (
	"strings"
	"testing"
)

// Lower case may be written in another number of bytes than the text
// ("İ" lowers to one byte from two, the Kelvin sign to one from three):
// a text is compared in text.LowerInPlace, whose offsets are its own.

// TestNameForSurnameOfOddText: a text holding such characters is
// searched at its own offsets, and a surname holding one is found.
func TestNameForSurnameOfOddText(t *testing.T) {
	name, _ := nameForSurname("İİİİİİİİİİİİ Minister Zara Quillfeather spoke.", "QUILLFEATHER", true)
	if name != "Zara Quillfeather" {
		t.Errorf("name %q, want Zara Quillfeather", name)
	}
	name, title := nameForSurname("Mayor Ekrem İmamoğlu spoke.", "İMAMOĞLU", true)
	if name != "Ekrem İmamoğlu" || title != "Mayor" {
		t.Errorf("name %q %q, want Ekrem İmamoğlu, Mayor", name, title)
	}
}

// TestIssuerOfOddText: a statement whose text holds many "İ" is read
// without a panic and with its issuer's whole name; so is a title with
// one.
func TestIssuerOfOddText(t *testing.T) {
	body := strings.Repeat("Mayor Ekrem İmamoğlu of İstanbul was detained. ", 11) + "I thank President Erdoğan."
	src := "title: Statement from President Quillfeather on the Detention\ndate: 2031-03-03\nsource: The Ministry of Examples of Nowhereland (example.invalid)\ncategory: statements-releases\n\n" + body + "\n"
	ds, err := Parse("s.txt", []byte(src))
	if err != nil || len(ds) != 1 {
		t.Fatalf("Parse: %v", err)
	}
	if sp, _ := issuer(ds[0]); sp.Name != "Quillfeather" || sp.Title != "President" {
		t.Errorf("issuer %+v, want President Quillfeather", sp)
	}
	src = "title: President İlham Vantwist Statement on the Peace Talks\ndate: 2031-03-03\nsource: The Ministry of Examples of Nowhereland (example.invalid)\ncategory: statements-releases\n\nThe talks go on.\n"
	ds, err = Parse("t.txt", []byte(src))
	if err != nil || len(ds) != 1 {
		t.Fatalf("Parse: %v", err)
	}
	if sp, _ := issuer(ds[0]); sp.Name != "İlham Vantwist" {
		t.Errorf("issuer %+v, want İlham Vantwist", sp)
	}
}

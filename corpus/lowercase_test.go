package corpus

import "testing"

// TestNameForSurnameOfOddText: a text whose lower case is longer than it
// ("İ") is searched at its own offsets.
func TestNameForSurnameOfOddText(t *testing.T) {
	name, _ := nameForSurname("İİİİİİİİİİİİ Minister Zara Quillfeather spoke.", "QUILLFEATHER", true)
	if name != "Zara Quillfeather" {
		t.Errorf("name %q, want Zara Quillfeather", name)
	}
}

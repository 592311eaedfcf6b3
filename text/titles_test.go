package text

import "testing"

func TestSameGivenName(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"joe", "joseph", true},
		{"j", "jake", true},
		{"jake", "j", true},
		{"jill", "joe", false},
		{"", "joe", false},
		// A familiar form, a start of three letters or more, one letter
		// slipped after the first; not two names that begin alike.
		{"tony", "antony", true},
		{"anthony", "tony", true},
		{"chuck", "charles", true},
		{"jen", "jennifer", true},
		{"dianne", "diane", true},
		{"mathew", "matthew", true},
		{"mary", "matthew", false},
		{"adam", "adrian", false},
		{"andy", "randy", false},
		{"rob", "bob", false},
		{"marc", "malphine", false},
		{"lindsay", "lindsey", true},
		{"nicole", "nicolle", true},
		{"mark", "mary", false},
		{"john", "joan", false},
		{"carl", "carol", false},
		{"maria", "mario", false},
		{"ivana", "ivanka", false},
		{"erin", "eric", false},
		{"joe", "joel", false},
		{"dan", "dana", false},
		{"paul", "paula", false},
		{"marty", "martin", true},
		{"ab", "ab", true},
		{"zara", "zarah", true},
		{"é", "e", false},
	} {
		if got := SameGivenName(tt.a, tt.b); got != tt.want {
			t.Errorf("SameGivenName(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestIsTitleQualifier(t *testing.T) {
	for w, want := range map[string]bool{"the": true, "white": true, "us": true, "of": false, "press": false} {
		if got := IsTitleQualifier(w); got != want {
			t.Errorf("IsTitleQualifier(%q) = %v, want %v", w, got, want)
		}
	}
}

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

package text

import (
	"slices"
	"testing"
)

func TestRelatives(t *testing.T) {
	for _, c := range []struct {
		term string
		has  []string // relatives it must return
		not  []string // terms it must not
	}{
		// "investigated" and "investigation" are two terms of the record.
		{Stem("investigated"), []string{Stem("investigation")}, nil},
		{Stem("investigation"), []string{Stem("investigated")}, nil},
		{Stem("negotiated"), []string{Stem("negotiation")}, nil},
		{Stem("architects"), []string{Stem("architecture")}, nil},
		{Stem("condemned"), []string{Stem("condemnation")}, nil},
		// A short root is too often another word; an adjective's ending
		// too; a relative's relatives are not followed.
		{Stem("act"), nil, []string{"action"}},
		{Stem("pressure"), nil, []string{"press"}},
		{Stem("several"), nil, []string{"sever"}},
		{Stem("critic"), nil, []string{Stem("critical")}},
		{Stem("office"), nil, []string{Stem("official")}},
		{Stem("executive"), nil, []string{"execution"}},
		{"2024", nil, []string{"2024al"}},
	} {
		got := Relatives(c.term)
		for _, h := range c.has {
			if !slices.Contains(got, h) {
				t.Errorf("Relatives(%q) = %v, lacks %q", c.term, got, h)
			}
		}
		for _, n := range c.not {
			if slices.Contains(got, n) {
				t.Errorf("Relatives(%q) = %v, holds %q", c.term, got, n)
			}
		}
	}
}

// TestTermSynonymsRelatives: a question's "investigated" reaches the
// record's "investigation" through the synonyms every search and the
// sentence choice read.
func TestTermSynonymsRelatives(t *testing.T) {
	syn := TermSynonyms("was the shooting investigated")
	if !slices.Contains(syn[Stem("investigated")], Stem("investigation")) {
		t.Fatalf("TermSynonyms: %v, want investigation among investigated's", syn)
	}
}

package text

import "testing"

func TestSpellingKey(t *testing.T) {
	same := [][2]string{
		{"colour", "color"}, {"favourite", "favorite"}, {"behaviour", "behavior"}, {"neighbourhood", "neighborhood"},
		{"honourable", "honorable"}, {"labourers", "laborers"},
		{"organise", "organize"}, {"organisation", "organization"}, {"realised", "realized"}, {"recognising", "recognizing"},
		{"analyse", "analyze"}, {"paralysed", "paralyzed"},
		{"centre", "center"}, {"centres", "centers"}, {"centred", "centered"}, {"theatre", "theater"}, {"fibre", "fiber"},
		{"defence", "defense"}, {"offences", "offenses"}, {"licence", "license"},
		{"dialogue", "dialog"}, {"catalogues", "catalogs"},
		{"travelled", "traveled"}, {"cancelling", "canceling"}, {"counsellor", "counselor"}, {"fuelled", "fueled"}, {"labelled", "labeled"},
		{"programme", "program"}, {"manoeuvre", "maneuver"}, {"judgement", "judgment"}, {"grey", "gray"},
	}
	for _, p := range same {
		if a, b := SpellingKey(p[0]), SpellingKey(p[1]); a != b {
			t.Errorf("SpellingKey(%q) = %q, SpellingKey(%q) = %q: want equal", p[0], a, p[1], b)
		}
	}
	// The key keeps a word's first three letters, or says it does not.
	for _, w := range []string{"colour", "organisations", "travelled", "centred", "dialogues", "programme", "grey", "kerb", "tyre", "sceptic", "defence", "analysing", "logue", "the", "a"} {
		k := SpellingKey(w)
		n := min(3, len(w))
		if kept := len(k) >= n && k[:n] == w[:n]; kept != SpellingKeyKeepsStart(w) {
			t.Errorf("SpellingKey(%q) = %q, SpellingKeyKeepsStart = %v", w, k, SpellingKeyKeepsStart(w))
		}
	}
	// Different words stay different.
	differ := [][2]string{
		{"four", "for"}, {"hour", "hor"}, {"your", "yor"}, {"scoured", "scored"}, {"tour", "tor"},
		{"filled", "filed"}, {"called", "caled"}, {"yelled", "yeled"}, {"raised", "raized"},
		{"prise", "prize"}, {"not", "now"}, {"sense", "sence"},
	}
	for _, p := range differ {
		if a, b := SpellingKey(p[0]), SpellingKey(p[1]); a == b {
			t.Errorf("SpellingKey(%q) = SpellingKey(%q) = %q: want different", p[0], p[1], a)
		}
	}
}

func TestNegationAndNumbers(t *testing.T) {
	for _, w := range Words("not never no nothing don't won’t cannot") {
		if !IsNegation(w) {
			t.Errorf("IsNegation(%q) = false", w)
		}
	}
	for _, w := range Words("now note knot know nobel") {
		if IsNegation(w) {
			t.Errorf("IsNegation(%q) = true", w)
		}
	}
	nums := []struct {
		w    string
		want float64
		ok   bool
	}{{"84,770", 84770, true}, {"three", 3, true}, {"forty", 40, true}, {"million", 1e6, true}, {"1990s", 1990, true}, {"tree", 0, false}}
	for _, n := range nums {
		ws := Words(n.w)
		v, ok := NumberValue(ws[0])
		if ok != n.ok || v != n.want {
			t.Errorf("NumberValue(%q) = %v, %v; want %v, %v", ws[0], v, ok, n.want, n.ok)
		}
	}
}

package retrieval

import (
	"runtime"
	"strings"
	"testing"
)

// abbrevTexts is a small record that defines the Glimmerford Ferry
// Authority (GFA) twice, then writes it one way or the other, with
// distractors that hold a question's other word only; it also defines
// "ACT" twice while using "act" as a word in many passages.
func abbrevTexts() []string {
	var texts repeated
	texts.add(1, "Bridge tolls rose in Nowhereland this spring.")
	texts.add(1, "Train timetables changed in Nowhereland this spring.")
	texts.add(2, "Spokesperson Zara Quillfeather announced the Glimmerford Ferry Authority (GFA) would open.")
	texts.add(1, "The Glimmerford Ferry Authority doubled its tolls.")
	texts.add(1, "The GFA published new timetables.")
	texts.add(2, "The Accelerated Care Tools (ACT) were described.")
	texts.add(100, "Congress must act on the harbour budget.")
	texts.add(2, "The Promise to Address Comprehensive Tolls (PACT) passed.")
	texts.add(3, "The harbour pact was signed.")
	texts.add(30, "Unrelated filler about weather and markets.")
	return texts
}

// TestAbbreviationsLearned checks that a question's abbreviation finds the
// passages that write its long form and the other way round, and that an
// English word is not taken for an abbreviation.
func TestAbbreviationsLearned(t *testing.T) {
	texts := abbrevTexts()
	lex := buildLexical(texts)
	tab := buildAbbrevs(lex, texts, func(c int32) string { return texts[c] })
	if a := tab.lookup("act"); a != nil {
		t.Errorf("lookup(act) = %v: an English word the record uses everywhere is no abbreviation", a.longWords)
	}
	if a := tab.lookup("pact"); a != nil {
		t.Errorf("lookup(pact) = %v: the record writes it as a word more often than as an abbreviation", a.longWords)
	}
	if a := tab.lookup("gfas"); a == nil || a.longWords != "glimmerford ferry authority" {
		t.Fatalf("lookup(gfas) = %v, want the Glimmerford Ferry Authority", a)
	}
	cases := []struct{ query, want string }{
		{"gfa tolls", "doubled its tolls"},
		{"glimmerford ferry authority timetables", "new timetables"},
	}
	for _, tc := range cases {
		t.Run(tc.query, func(t *testing.T) {
			q, fixes := lex.correctedTerms(tc.query, true, &recordForms{abbrevs: tab})
			top := lex.search(q, 1, nil)
			if len(top) == 0 || !strings.Contains(texts[top[0].chunk], tc.want) {
				got := ""
				if len(top) > 0 {
					got = texts[top[0].chunk]
				}
				t.Errorf("search(%q) ranks first %q, want the passage with %q", tc.query, got, tc.want)
			}
			if strings.HasPrefix(tc.query, "gfa") && fixes["gfa"] != "glimmerford ferry authority" {
				t.Errorf("the vector query replaces gfa by %q, want its long form", fixes["gfa"])
			}
		})
	}
}

// TestDemonymPlacesSearched checks that a demonym finds the passages that
// name its place when the record writes both as names, and that two
// lower-case words DemonymPlaces pairs ("civilian", "civil") are left apart.
func TestDemonymPlacesSearched(t *testing.T) {
	var texts repeated
	texts.add(1, "Bridge fees rose in Ostmark this spring.")
	texts.add(1, "Bridge fees rose in Quillmark this spring.")
	texts.add(3, "Quillmark opened a harbour.")
	texts.add(3, "Quillmarkian ferries were inspected.")
	texts.add(5, "the civil courts met again.")
	texts.add(5, "a civilian board met.")
	texts.add(30, "Unrelated filler about weather and markets.")
	lex := buildLexical(texts)
	forms := &recordForms{named: func(id int32) bool {
		return writtenAsName(lex, id, func(c int32) string { return texts[c] })
	}}
	q, _ := lex.correctedTerms("quillmarkian bridge fees", true, forms)
	top := lex.search(q, 1, nil)
	if len(top) == 0 || !strings.Contains(texts[top[0].chunk], "in Quillmark") {
		t.Errorf("search(quillmarkian bridge fees) ranks first %v, want the passage on Quillmark's bridge fees", top)
	}
	q, _ = lex.correctedTerms("civilian courts", true, forms)
	for _, qt := range q {
		if len(qt.alts) > 0 {
			t.Errorf("correctedTerms(civilian courts): %q has alternatives %v; lower-case words are not names", qt.term, qt.alts)
		}
	}
}

// TestChatDemonymSearched checks that a chat abbreviation standing for a
// demonym ("nk", "north korean") finds the passages that name the place
// too ("North Korea"), as the demonym typed in full does.
func TestChatDemonymSearched(t *testing.T) {
	var texts repeated
	texts.add(1, "Bridge fees rose in Ostmark this spring.")
	texts.add(1, "Bridge fees rose in North Korea this spring.")
	texts.add(3, "North Korea opened a harbour.")
	texts.add(3, "North Korean ferries were inspected.")
	texts.add(30, "Unrelated filler about weather and markets.")
	lex := buildLexical(texts)
	forms := &recordForms{named: func(id int32) bool {
		return writtenAsName(lex, id, func(c int32) string { return texts[c] })
	}}
	for _, q := range []string{"nk bridge fees", "north korean bridge fees"} {
		terms, _ := lex.correctedTerms(q, true, forms)
		top := lex.search(terms, 1, nil)
		if len(top) == 0 || !strings.Contains(texts[top[0].chunk], "in North Korea") {
			t.Errorf("search(%s) ranks first %v, want the passage on North Korea's bridge fees", q, top)
		}
	}
}

// TestAbbreviationsSameOnEveryCore checks that the long form an
// abbreviation is learned with does not depend on how many cores read
// the record: the record writes "Glimmerford Ferry Authority (GFA)" five
// times and "Glimmerford Ferry Authorities (GFA)" four, placed so that
// each core's share alone holds the plural at least as often.
func TestAbbreviationsSameOnEveryCore(t *testing.T) {
	texts := make([]string, 300)
	for i := range texts {
		texts[i] = "Unrelated filler about weather and markets."
	}
	for _, i := range []int{0, 1, 2, 4} {
		texts[i] = "Spokesperson Zara Quillfeather opened the Glimmerford Ferry Authorities (GFA) today."
	}
	for _, i := range []int{3, 5, 6, 7, 8} {
		texts[i] = "Spokesperson Zara Quillfeather opened the Glimmerford Ferry Authority (GFA) today."
	}
	lex := buildLexical(texts)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, procs := range []int{1, 2, 4} {
		runtime.GOMAXPROCS(procs)
		tab := buildAbbrevs(lex, texts, func(c int32) string { return texts[c] })
		if a := tab.lookup("gfa"); a == nil || a.longWords != "glimmerford ferry authority" {
			got := "nothing"
			if a != nil {
				got = a.longWords
			}
			t.Errorf("GOMAXPROCS=%d: lookup(gfa) = %s, want glimmerford ferry authority (5 definitions of 9)", procs, got)
		}
	}
}

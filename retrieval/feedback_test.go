package retrieval

import (
	"strings"
	"testing"
)

// TestExpandQueryFindsOtherWording checks that feedback brings in a
// passage that says the same thing in other words: the question's words
// ("harbour treaty") occur only beside "maritime accord" in the best
// passages, and the passage that names only the accord is found in the
// second search, not in the first.
func TestExpandQueryFindsOtherWording(t *testing.T) {
	defer func(d int) { feedbackDocs = d }(feedbackDocs)
	feedbackDocs = 10
	var texts []string
	for range 6 {
		texts = append(texts, "The harbour treaty, the maritime accord of Nowhereland, was signed by Spokesperson Zara Quillfeather.")
	}
	texts = append(texts, "Quillfeather said the maritime accord opens every dock of Nowhereland.")
	for range 20 {
		texts = append(texts, "Unrelated filler about weather, markets and trains.")
	}
	ix := newTestIndex(t, texts)
	s := ix.cur.Load()
	q := s.lex.queryTerms("harbour treaty")
	target := -1
	for i, c := range s.chunks {
		if strings.HasPrefix(c.Text, "Quillfeather said") {
			target = i
		}
	}
	found := func(res []scored) bool {
		for _, r := range res {
			if int(r.chunk) == target {
				return true
			}
		}
		return false
	}
	first := s.lex.search(q, 10, nil)
	if found(first) {
		t.Fatal("the passage without the question's words was found without feedback")
	}
	expanded := s.expandQuery(q, first)
	if len(expanded) <= len(q) {
		t.Fatalf("expandQuery added no terms: %v", expanded)
	}
	if !found(s.lex.search(expanded, 10, nil)) {
		t.Errorf("with feedback terms %v the passage naming the accord is not found", expanded)
	}
	for i := range q {
		if expanded[i].term != q[i].term {
			t.Errorf("expanded term %d = %q, want the question's %q first", i, expanded[i].term, q[i].term)
		}
	}
}

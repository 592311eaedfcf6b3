package typo

import "testing"

func TestSuggest(t *testing.T) {
	for _, tc := range []struct {
		typed string
		cands []string
		want  string
	}{
		{"aks", []string{"ask", "chat", "index"}, "ask"},
		{"idnex", []string{"ask", "chat", "index"}, "index"},
		{"tokn", []string{"token", "guild_ids"}, "token"},
		{"chat_modle", []string{"chat_model", "embed_model"}, "chat_model"},
		{"zzz", []string{"ask", "chat"}, ""},
		{"xx", []string{"ask"}, ""},
	} {
		if got := Suggest(tc.typed, tc.cands); got != tc.want {
			t.Errorf("Suggest(%q) = %q, want %q", tc.typed, got, tc.want)
		}
	}
	if d := Distance("aks", "ask"); d != 1 {
		t.Errorf("a swap of neighbours is %d edits, want 1", d)
	}
}

package answer

import "testing"

// TestCleanQuestionDropsMentions: whom a Discord message pings is not part
// of what it asks, so mentions never count as words of the question (they
// made "@everyone what did … say" decline for lack of "everyone").
func TestCleanQuestionDropsMentions(t *testing.T) {
	tests := []struct{ in, want string }{
		{"@everyone what did Quillfeather say about <@123> the talks?", "what did Quillfeather say about the talks?"},
		{"<@!45> <@&6> @here when do the talks resume?", "when do the talks resume?"},
		{"what did\u200b Quillfeather say?\u202c", "what did Quillfeather say?"},
		{"email me at zara@example.org", "email me at zara@example.org"},
	}
	for _, tc := range tests {
		got, err := CleanQuestion(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("CleanQuestion(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	if _, err := CleanQuestion("@everyone <@123>"); err == nil {
		t.Error("a question of mentions only was accepted")
	}
}

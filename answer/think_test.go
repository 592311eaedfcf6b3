package answer

import "testing"

func TestStripThink(t *testing.T) {
	tests := []struct {
		name, in string
		partial  bool
		want     string
	}{
		{"none", "Plain answer [1].", false, "Plain answer [1]."},
		{"block", "<think>reasoning [9] \"fake\"</think>\n\nThe answer [1].", false, "The answer [1]."},
		{"two blocks", "<think>a</think>One. <THINK>b</THINK>Two.", false, "One. Two."},
		{"unterminated opening", "Answer. <think>still going", false, "Answer."},
		{"unterminated only", "<think>never stops", false, ""},
		{"orphan closing", "reasoning the template opened\n</think>\nThe answer.", false, "The answer."},
		{"partial inside block", "<think>half", true, ""},
		{"partial tag prefix held back", "The answer <thi", true, "The answer "},
		{"partial closing prefix", "<think>x</thi", true, ""},
		{"partial after block", "<think>x</think>\n\nThe ans", true, "The ans"},
		{"less-than kept", "Figures: 3 < 4.", false, "Figures: 3 < 4."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := StripThink(tt.in, tt.partial); got != tt.want {
				t.Fatalf("StripThink(%q, %v) = %q, want %q", tt.in, tt.partial, got, tt.want)
			}
		})
	}
}

package answer

import "testing"

// TestAttributedSpeakerOfOddText: an attribution line whose lower case is
// of another length than it ("İ") is read at its own offsets.
func TestAttributedSpeakerOfOddText(t *testing.T) {
	_, reported := attributedSpeaker("- The İİİİİİİİİİİİ House (2031-04-02), reporting Zara Quillfeather:")
	if reported != "Zara Quillfeather" {
		t.Errorf("reported %q, want Zara Quillfeather", reported)
	}
}

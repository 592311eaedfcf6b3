package answer

import "testing"

// The record writes the country "U.S." and the pronoun "us"; a question
// typed in lower case writes both "us". A sentence's pronoun ("who worked
// with us") is not the country a question's "the us" names (text.Words
// reads the country as "usa"), which the record also calls American.
func TestPronounUsIsNotTheCountry(t *testing.T) {
	rec := `{"id": "swap.txt", "title": "Background call on the release of Quillan Marsh", "outlet": "Nowhereland Ministry", "date": "2031-05-02", "text": "The exchange was Mr. Dorrel Vask for Quillan Marsh, the American held since 2029. We thank Governor Tam Bellow, who worked with us tirelessly for Quillan Marsh."}
` + grainConvoy + `
`
	opensWith(t, rec, 2, "who did the us swap for quillan marsh", "Dorrel Vask", "the one naming whom the country exchanged")
}

package answer

import "testing"

// surnameRecord: a minister quoted once whose surname is also a word the
// record writes in lower case (Ivo Harbour, "the harbour"), and a tourist
// board read as a person in one document, its "surname" a place the
// record names (Visit Quillmark).
const surnameRecord = `{"id": "m1.txt", "title": "Minister Ivo Harbour on port fees", "outlet": "Nowhereland Ministry", "date": "2023-03-10", "speakers": [{"name": "Ivo Harbour", "title": "Minister"}], "text": "Minister Ivo Harbour said the port fees would fall. \"The fees fall in May,\" Harbour said."}
{"id": "h1.txt", "title": "Storm at the harbour", "outlet": "Nowhereland Ministry", "date": "2023-05-02", "text": "The storm broke the sea wall of the harbour overnight. Crews reached the harbour at dawn, and the harbour reopened."}
{"id": "h2.txt", "title": "Harbour repairs", "outlet": "Nowhereland Ministry", "date": "2023-06-20", "text": "Repairs to the harbour wall were finished. Ships use the harbour again, and the harbour fees were kept."}
{"id": "q1.txt", "title": "Tourism in Quillmark", "outlet": "Nowhereland Ministry", "date": "2023-07-01", "speakers": [{"name": "Visit Quillmark"}], "text": "Visit Quillmark said hotels in Quillmark were full. Ferries to Quillmark ran twice a day."}
{"id": "q2.txt", "title": "Ferries to Quillmark", "outlet": "Nowhereland Ministry", "date": "2023-08-01", "text": "Ferries to Quillmark were cancelled in the storm. Quillmark harbour closed for a day."}
`

// A surname alone names a person only when the record knows them by it:
// not a body read as a person in one document without a title, and, typed
// in lower case, not a word the record writes in lower case more often
// than as a name, unless the question asks for that person's words.
func TestSurnameAlone(t *testing.T) {
	idx := memIndex(t, jsonlDocs(t, []byte(surnameRecord), 5))
	p := &Pipeline{Index: idx, Explain: true}
	tests := []struct {
		q    string
		want string // the person named, "" for none
	}{
		{"when did the ministry first mention quillmark", ""},
		{"how often did ferries run to Quillmark?", ""},
		{"when did the harbour reopen after the storm", ""},
		{"quote harbour on the port fees", "Ivo Harbour"},
		{"What did Harbour say about the port fees?", "Ivo Harbour"},
		{"what did ivo harbour say about the port fees", "Ivo Harbour"},
	}
	for _, tt := range tests {
		c := askExplained(t, p, tt.q).Explain.Constraints
		var got []string
		if c.Speaker != nil {
			got = append(got, c.Speaker.Name)
		}
		for _, n := range c.Named {
			got = append(got, n.Name)
		}
		if ok := tt.want == "" && len(got) == 0 || tt.want != "" && len(got) > 0 && got[0] == tt.want; !ok {
			t.Errorf("%q names %v, want %q", tt.q, got, tt.want)
		}
	}
}

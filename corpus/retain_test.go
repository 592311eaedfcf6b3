package corpus

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// TestParsedHeaderDoesNotPinTheFile checks that the metadata taken from a
// document's header are copies, not substrings of the file as read: a
// substring keeps the whole file in memory beside the cleaned text. It
// keeps only the titles, outlets and URLs of six 1 MB documents and
// checks that the files' bytes were freed.
func TestParsedHeaderDoesNotPinTheFile(t *testing.T) {
	const n, size = 6, 1 << 20
	body := strings.Repeat("Spokesperson Zara Quillfeather of Nowhereland said the bridge reconstruction is on schedule.\n\n", size/96)
	var kept []string
	heap := func() uint64 {
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return ms.HeapAlloc
	}
	before := heap()
	for i := range n {
		raw := []byte(fmt.Sprintf("title: Statement %d by Spokesperson Zara Quillfeather\noutlet: Nowhereland Office\n"+
			"url: https://example.invalid/statement/%d\ndate: 2031-04-02\n\n%s", i, i, body))
		docs, err := Parse(fmt.Sprintf("statement-%d.txt", i), raw)
		if err != nil || len(docs) != 1 {
			t.Fatalf("Parse = %v, %v", docs, err)
		}
		d := docs[0]
		if d.Title == "" || d.Outlet == "" || d.URL == "" {
			t.Fatalf("header not read: %+v", d)
		}
		kept = append(kept, d.Title, d.Outlet, d.URL)
	}
	after := heap()
	if grew := int64(after) - int64(before); grew > size {
		t.Errorf("keeping %d documents' titles, outlets and URLs holds %d MB: their files stay in memory", n, grew>>20)
	}
	runtime.KeepAlive(kept)
}

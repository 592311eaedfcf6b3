package record

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/readout/readout/corpus"
)

// TestChangesInAFolderKeepTextsOutOfMemoryUntilIndexed: a refresh, an
// addition and a removal in a data folder read their documents' texts into
// a spill file; afterwards every live document holds its whole text again
// (the spill is closed) and no spill file is left in the folder.
func TestChangesInAFolderKeepTextsOutOfMemoryUntilIndexed(t *testing.T) {
	lib, _, src := newLibrary(t)
	ctx := context.Background()
	write(t, filepath.Join(src, "a.txt"), statement)
	write(t, filepath.Join(src, "b.txt"), strings.ReplaceAll(statement, "river", "mountain"))
	check := func(step string) {
		t.Helper()
		want, _, err := corpus.Load(src, corpus.LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		texts := map[string]string{}
		for _, d := range want {
			texts[d.ID] = d.Text
		}
		for _, d := range lib.Index().Documents() {
			if d.Spilled() || d.Text == "" {
				t.Errorf("%s: %s is still spilled (%d bytes of text)", step, d.ID, len(d.Text))
			}
			if w, ok := texts[d.ID]; ok && w != d.Text {
				t.Errorf("%s: %s text differs from its file", step, d.ID)
			}
			for _, c := range lib.Index().Chunks(d.ID) {
				if c.Text != d.Text[c.Start:c.End] {
					t.Errorf("%s: chunk %s text differs from its document", step, c.ID)
				}
			}
		}
		entries, _ := os.ReadDir(lib.opts.DataDir)
		for _, e := range entries {
			if strings.Contains(e.Name(), "spill") {
				t.Errorf("%s: %s left in the data folder", step, e.Name())
			}
		}
	}
	if _, err := lib.Refresh(ctx, "test", nil); err != nil {
		t.Fatal(err)
	}
	check("refresh")
	if _, _, err := lib.AddFile(ctx, "c.txt", []byte(strings.ReplaceAll(statement, "river", "lake")), "test"); err != nil {
		t.Fatal(err)
	}
	check("add")
	if _, err := lib.Remove(ctx, "b.txt", "test"); err != nil {
		t.Fatal(err)
	}
	check("remove")
	if n := len(lib.Index().Documents()); n != 2 {
		t.Errorf("%d documents after the changes, want 2", n)
	}
}

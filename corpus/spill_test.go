package corpus

import (
	"os"
	"slices"
	"testing"
)

// TestLoadSpillKeepsNoText: with a Spill, loaded documents hold their
// metadata, turns and hash but not their text, which reads back whole and
// by range exactly as a load without a Spill gives it.
func TestLoadSpillKeepsNoText(t *testing.T) {
	plain, _, err := LoadFS(Sample(), SampleSource, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	sp, err := NewSpill(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer sp.Close()
	spilled, _, err := LoadFS(Sample(), SampleSource, LoadOptions{Spill: sp})
	if err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("the spill left %v in the folder (it must be unlinked)", entries)
	}
	if len(spilled) != len(plain) || len(plain) == 0 {
		t.Fatalf("%d documents spilled, %d plain", len(spilled), len(plain))
	}
	var total int64
	for i, d := range spilled {
		p := plain[i]
		total += int64(len(p.Text))
		if !d.Spilled() || d.Text != "" {
			t.Errorf("%s: spilled %v, %d bytes of text kept", d.ID, d.Spilled(), len(d.Text))
		}
		if d.TextLen() != len(p.Text) || d.Hash != p.Hash || !slices.Equal(d.Turns(), p.Turns()) {
			t.Errorf("%s: length %d/%d, hash or turns differ", d.ID, d.TextLen(), len(p.Text))
		}
		text, err := TextOf(d)
		if err != nil || text != p.Text {
			t.Errorf("%s: text read back differs (%v)", d.ID, err)
		}
		mid := len(p.Text) / 2
		for _, r := range [][2]int{{0, 0}, {0, mid}, {mid, len(p.Text)}} {
			if got, err := TextRange(d, r[0], r[1]); err != nil || got != p.Text[r[0]:r[1]] {
				t.Errorf("%s: range %v differs (%v)", d.ID, r, err)
			}
		}
		if _, err := TextRange(d, 0, len(p.Text)+1); err == nil {
			t.Errorf("%s: a range past the text was read", d.ID)
		}
		buf := make([]byte, d.TextLen())
		if got, err := ReadTextInto(d, buf); err != nil || got != p.Text {
			t.Errorf("%s: ReadTextInto differs (%v)", d.ID, err)
		}
		if w := d.WithText(p.Text); w.Spilled() || w.Text != p.Text || !d.Spilled() {
			t.Errorf("%s: WithText gave spilled=%v, changed the original", d.ID, w.Spilled())
		}
	}
	if sp.Size() != total {
		t.Errorf("spill holds %d bytes, the texts are %d", sp.Size(), total)
	}
}

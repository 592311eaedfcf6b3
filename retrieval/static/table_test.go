package static

import (
	"context"
	"math"
	"testing"
)

// TestTableRoundTrip checks what tools/distil/tune relies on: EachRow pools
// exactly the rows the embedder pools, and WithRows re-encodes rows so that
// the decoded table embeds as before (within int8 rounding) and a changed
// row changes the embedding.
func TestTableRoundTrip(t *testing.T) {
	tb, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	dim := tb.Dim()
	rows := make([]float32, tb.Rows()*dim)
	for r := 0; r < tb.Rows(); r++ {
		tb.Row(int32(r), rows[r*dim:(r+1)*dim])
	}
	same, sum, err := tb.WithRows(rows)
	if err != nil {
		t.Fatal(err)
	}
	again, err := decode(same, sum)
	if err != nil {
		t.Fatal(err)
	}
	pooled := func(tb *Table, s string) []float32 {
		v := make([]float32, dim)
		row := make([]float32, dim)
		tb.EachRow(s, func(r int32, w float32) {
			tb.Row(r, row)
			for i, x := range row {
				v[i] += w * x
			}
		})
		var n float64
		for _, x := range v {
			n += float64(x) * float64(x)
		}
		for i := range v {
			v[i] /= float32(math.Sqrt(n))
		}
		return v
	}
	e := &Embedder{t: tb.t}
	for _, s := range []string{
		"Spokesperson Zara Quillfeather of Nowhereland spoke today.",
		"glorptastic quillfeatherish ceasefires",
		"the exodus of refugees fleeing the region",
	} {
		vs, err := e.Embed(context.Background(), []string{s})
		if err != nil {
			t.Fatal(err)
		}
		if c := cosine(vs[0], pooled(tb, s)); c < 0.9999 {
			t.Errorf("%q: EachRow pools %.5f away from Embed", s, c)
		}
		if c := cosine(vs[0], pooled(&Table{t: again, raw: same}, s)); c < 0.999 {
			t.Errorf("%q: re-encoded table embeds at cosine %.5f", s, c)
		}
	}
	// Changing the rows of one text's words moves that text.
	s := "ceasefire"
	tb.EachRow(s, func(r int32, _ float32) {
		for i := range dim {
			rows[int(r)*dim+i] = 0
		}
		rows[int(r)*dim+1] = 1
	})
	moved, sum2, err := tb.WithRows(rows)
	if err != nil {
		t.Fatal(err)
	}
	if sum2 == sum {
		t.Fatal("changed rows, same checksum")
	}
	mt, err := Decode(moved)
	if err != nil {
		t.Fatal(err)
	}
	if v := pooled(mt, s); math.Abs(float64(v[1])-1) > 1e-6 {
		t.Errorf("changed row not taken: %v", v[:3])
	}
	if _, _, err := tb.WithRows(rows[:dim]); err == nil {
		t.Error("WithRows took too few rows")
	}
}

package static

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
)

// Table is a decoded table file as tools/distil sees it: the run-time
// lookup of a text's rows, the rows themselves, and a re-encoding with new
// rows. Readout itself only embeds (New).
type Table struct {
	t   *table
	raw []byte
}

// Embedded returns the table compiled into the binary.
func Embedded() (*Table, error) {
	t, err := load()
	if err != nil {
		return nil, err
	}
	return &Table{t: t, raw: tableBin}, nil
}

// Decode reads a table file written by tools/distil (table.bin).
func Decode(b []byte) (*Table, error) {
	t, err := decode(b, "")
	if err != nil {
		return nil, err
	}
	return &Table{t: t, raw: b}, nil
}

// Dim is the length of a row.
func (tb *Table) Dim() int { return tb.t.dim }

// Rows is the number of rows (words, then pieces).
func (tb *Table) Rows() int { return len(tb.t.scale) }

// EachRow calls fn with the row and weight of every word of s the table can
// place, exactly as the embedder pools them (the embedded vector is the
// normalised weighted sum), and returns how many words it placed.
func (tb *Table) EachRow(s string, fn func(row int32, weight float32)) int {
	return tb.t.eachRow(s, fn)
}

// Row writes row r, scaled as the embedder adds it, into dst.
func (tb *Table) Row(r int32, dst []float32) {
	clear(dst)
	tb.t.add(dst, r, 1)
}

// WithRows returns the table file with every row replaced by rows (Rows()
// rows of Dim() values, row after row), quantised to int8 with one float32
// scale per row, the words, stems and pieces unchanged, and its SHA-256 for
// table.sha256.
func (tb *Table) WithRows(rows []float32) ([]byte, string, error) {
	dim, n := tb.t.dim, len(tb.t.scale)
	if len(rows) != dim*n {
		return nil, "", fmt.Errorf("static table: %d values for %d rows of %d", len(rows), n, dim)
	}
	start := len(magic) + 16
	end := start + n*(4+dim)
	if len(tb.raw) < end {
		return nil, "", errors.New("static table: truncated")
	}
	out := make([]byte, 0, len(tb.raw))
	out = append(out, tb.raw[:start]...)
	le := binary.LittleEndian
	for r := 0; r < n; r++ {
		row := rows[r*dim : (r+1)*dim]
		var maxAbs float64
		for _, x := range row {
			if math.IsNaN(float64(x)) || math.IsInf(float64(x), 0) {
				return nil, "", fmt.Errorf("static table: row %d is not finite", r)
			}
			maxAbs = max(maxAbs, math.Abs(float64(x)))
		}
		scale := maxAbs / 127
		out = le.AppendUint32(out, math.Float32bits(float32(scale)))
		for _, x := range row {
			q := 0.0
			if scale > 0 {
				q = math.Round(float64(x) / scale)
			}
			out = append(out, byte(int8(q)))
		}
	}
	out = append(out, tb.raw[end:]...)
	sum := sha256.Sum256(out)
	return out, hex.EncodeToString(sum[:]), nil
}

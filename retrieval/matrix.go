package retrieval

import (
	"context"
	"runtime"
	"slices"
	"sync"
)

// Vector search answers from the snapshot's contiguous matrix of unit
// vectors rather than from chromem-go's QueryEmbedding. chromem stays the
// store of record (every chunk is added to its collection with its
// precomputed vector, aliasing the matrix's rows), and a test checks that
// both return the same nearest chunks; but its query walks a map of
// documents with scattered vectors, sends each through a channel and takes
// a mutex per document, and cannot filter by date. On two cores its vector
// query alone took 1.7–2.7× the time of our whole search at 10k–100k
// chunks (BENCHMARKS.md). The scan here reads the rows in memory order,
// splits them over GOMAXPROCS goroutines by contiguous ranges, and keeps a
// top-k per goroutine.

// rowRange is a half-open range [lo, hi) of matrix rows (chunk positions).
type rowRange struct{ lo, hi int32 }

// parallelMinFloats is the matrix size (rows × dim) below which a search
// runs on the calling goroutine: starting goroutines costs more than
// scanning a few hundred kilobytes.
const parallelMinFloats = 1 << 18

// matrixTopK returns the n rows of m (row-major, dim floats per row) with
// the highest dot product with q among the rows in ranges (sorted, not
// overlapping), best first, ties by row. It checks ctx between blocks of
// rows and returns ctx's error when it ends.
func matrixTopK(ctx context.Context, m []float32, dim int, q []float32, n int, ranges []rowRange) ([]scored, error) {
	if n <= 0 || dim == 0 || len(q) != dim {
		return nil, nil
	}
	total := 0
	for _, r := range ranges {
		total += int(r.hi - r.lo)
	}
	if total == 0 {
		return nil, nil
	}
	workers := runtime.GOMAXPROCS(0)
	if total*dim < parallelMinFloats {
		workers = 1
	}
	workers = min(workers, total)
	parts := splitRanges(ranges, total, workers)
	tops := make([]topK, len(parts))
	errs := make([]error, len(parts))
	if len(parts) == 1 {
		tops[0], errs[0] = scanRanges(ctx, m, dim, q, n, parts[0])
	} else {
		var wg sync.WaitGroup
		for w := range parts {
			wg.Add(1)
			go func() {
				defer wg.Done()
				tops[w], errs[w] = scanRanges(ctx, m, dim, q, n, parts[w])
			}()
		}
		wg.Wait()
	}
	var out []scored
	for w := range parts {
		if errs[w] != nil {
			return nil, errs[w]
		}
		out = append(out, tops[w].items...)
	}
	sortScored(out)
	if len(out) > n {
		out = out[:n]
	}
	return out, nil
}

// splitRanges cuts ranges into parts of about total/parts rows each,
// keeping row order inside every part.
func splitRanges(ranges []rowRange, total, parts int) [][]rowRange {
	if parts <= 1 {
		return [][]rowRange{ranges}
	}
	per := (total + parts - 1) / parts
	out := make([][]rowRange, 0, parts)
	var cur []rowRange
	room := per
	for _, r := range ranges {
		for r.lo < r.hi {
			take := min(int(r.hi-r.lo), room)
			cur = append(cur, rowRange{r.lo, r.lo + int32(take)})
			r.lo += int32(take)
			room -= take
			if room == 0 {
				out = append(out, cur)
				cur, room = nil, per
			}
		}
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// scanBlock is how many rows scanRanges scores between checks of ctx.
const scanBlock = 4096

// scanRanges scores the rows of ranges and keeps the best n.
func scanRanges(ctx context.Context, m []float32, dim int, q []float32, n int, ranges []rowRange) (topK, error) {
	t := topK{n: n, items: make([]scored, 0, n)}
	q = q[:dim:dim]
	since := 0
	for _, r := range ranges {
		for i := int(r.lo); i < int(r.hi); i++ {
			s := float64(dotUnrolled(q, m[i*dim:(i+1)*dim:(i+1)*dim]))
			if len(t.items) < n || s > t.items[0].score {
				t.push(scored{chunk: int32(i), score: s})
			}
			if since++; since == scanBlock {
				since = 0
				if err := ctx.Err(); err != nil {
					return t, err
				}
			}
		}
	}
	return t, nil
}

// dotUnrolled is the dot product of two vectors of the same length with
// eight independent sums, so that the loop is bound by memory rather than
// by the latency of a single chain of additions; the reslicing lets the
// compiler drop the bounds checks inside the loop.
func dotUnrolled(a, b []float32) float32 {
	b = b[:len(a)]
	var s0, s1, s2, s3, s4, s5, s6, s7 float32
	i := 0
	for ; i+8 <= len(a); i += 8 {
		aa, bb := a[i:i+8:i+8], b[i:i+8:i+8]
		s0 += aa[0] * bb[0]
		s1 += aa[1] * bb[1]
		s2 += aa[2] * bb[2]
		s3 += aa[3] * bb[3]
		s4 += aa[4] * bb[4]
		s5 += aa[5] * bb[5]
		s6 += aa[6] * bb[6]
		s7 += aa[7] * bb[7]
	}
	for ; i < len(a); i++ {
		s0 += a[i] * b[i]
	}
	return (s0 + s1) + (s2 + s3) + (s4 + s5) + (s6 + s7)
}

// topK keeps the best n scored items seen so far as a min-heap: items[0]
// is the worst kept, the one a better newcomer replaces. "Worse" is a
// lower score, or an equal score at a later chunk, so results do not
// depend on how rows were split between goroutines.
type topK struct {
	n     int
	items []scored
}

// worse reports whether a ranks below b.
func worse(a, b scored) bool {
	if a.score != b.score {
		return a.score < b.score
	}
	return a.chunk > b.chunk
}

// push offers x to the heap.
func (t *topK) push(x scored) {
	if len(t.items) < t.n {
		t.items = append(t.items, x)
		// Sift up.
		i := len(t.items) - 1
		for i > 0 {
			p := (i - 1) / 2
			if !worse(t.items[i], t.items[p]) {
				break
			}
			t.items[i], t.items[p] = t.items[p], t.items[i]
			i = p
		}
		return
	}
	if !worse(t.items[0], x) {
		return
	}
	t.items[0] = x
	// Sift down.
	i, n := 0, len(t.items)
	for {
		l := 2*i + 1
		if l >= n {
			break
		}
		c := l
		if r := l + 1; r < n && worse(t.items[r], t.items[l]) {
			c = r
		}
		if !worse(t.items[c], t.items[i]) {
			break
		}
		t.items[i], t.items[c] = t.items[c], t.items[i]
		i = c
	}
}

// sorted returns the kept items best first.
func (t *topK) sorted() []scored {
	out := slices.Clone(t.items)
	sortScored(out)
	return out
}

package retrieval

import (
	"cmp"
	"context"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"sync"

	chromem "github.com/philippgille/chromem-go"
)

// The vector leg of a search is chromem-go's QueryEmbedding. The index
// hands chromem unit vectors that are rows of the snapshot's one
// contiguous block, so chromem keeps the slices it is given and there is
// no second copy of any vector (a test checks the aliasing).
//
// chromem's query is an exhaustive scan of a collection, and its where
// filters are exact string equality applied by walking every document of
// the collection, so they cannot express a date range or the substring
// match of the outlet and speaker filters, nor make the scan shorter. The
// layout does that instead: one collection per year of the documents'
// dates (and one for undated documents), so a question limited to a period
// scans only the collections of the years it meets. Within them:
//
//   - no other filter, or a filter that admits every chunk of those
//     collections: each collection is asked for its nearest chunks;
//   - a filter that admits at least half of them: each collection is asked
//     for more (over-fetch in proportion to what the filter drops) and the
//     filter applied to the results, asking again with more when that
//     could miss a nearer admitted chunk;
//   - a more selective filter (a speaker, an outlet): the admitted chunks
//     are put in a temporary collection (aliasing the same vectors, built
//     at about a microsecond per chunk) and that is queried, which is
//     cheaper than scanning the whole record for a few of its chunks.
//
// Whatever the path, the result is the exact nearest chunks among those
// the filter admits, ties broken by chunk position (chromem returns equal
// scores in random order, and reprinted passages have equal vectors).

// rowRange is a half-open range [lo, hi) of chunk positions.
type rowRange struct{ lo, hi int32 }

// period is one chromem-go collection of the snapshot: the chunks of the
// documents dated in one year, or of the undated documents.
type period struct {
	name string // "2023", or "undated"
	coll *chromem.Collection
	// first and last are the earliest day (yyyymmdd) a statement of one of
	// its documents was made and the latest document date, so a date
	// filter can tell whether the period can hold a match; both are 0 for
	// the undated collection, which no date filter admits.
	first, last int32
	chunks      int
}

// meets reports whether the period can hold a chunk of a document whose
// days [docFirstDay, docDay] meet [since, until].
func (p *period) meets(since, until int32) bool {
	return p.last != 0 && p.last >= since && p.first <= until
}

// buildPeriods puts every chunk into the collection of its document's
// year, adding the collections concurrently (each has its own lock).
func (s *snapshot) buildPeriods(ctx context.Context) error {
	byYear := map[int32]int{}
	var rows [][]int32
	s.periods = s.periods[:0]
	for i := range s.chunks {
		di := s.chunkDoc[i]
		year := s.docDay[di] / 10000
		pi, ok := byYear[year]
		if !ok {
			pi = len(s.periods)
			byYear[year] = pi
			name := "undated"
			if year != 0 {
				name = strconv.Itoa(int(year))
			}
			s.periods = append(s.periods, period{name: name})
			rows = append(rows, nil)
		}
		p := &s.periods[pi]
		if day := s.docDay[di]; day != 0 {
			if p.last == 0 || day > p.last {
				p.last = day
			}
			if f := s.docFirstDay[di]; p.first == 0 || f < p.first {
				p.first = f
			}
		}
		rows[pi] = append(rows[pi], int32(i))
	}
	errs := make([]error, len(s.periods))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for pi := range s.periods {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			s.periods[pi].coll, errs[pi] = s.collection(ctx, "period-"+s.periods[pi].name, rows[pi])
			s.periods[pi].chunks = len(rows[pi])
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	// Oldest first, undated last: the order results are merged in does
	// not matter, but a stable order keeps logs and tests readable.
	slices.SortFunc(s.periods, func(a, b period) int {
		if (a.last == 0) != (b.last == 0) {
			if a.last == 0 {
				return 1
			}
			return -1
		}
		return cmp.Compare(a.name, b.name)
	})
	return nil
}

// collection returns a chromem-go collection of the chunks at rows, whose
// embeddings are the snapshot's own rows (unit vectors, so chromem keeps
// them rather than copying). A chunk's chromem ID is its position in the
// snapshot, in decimal: a result maps back to its chunk without a map of
// every chunk ID.
func (s *snapshot) collection(ctx context.Context, name string, rows []int32) (*chromem.Collection, error) {
	coll, err := chromem.NewDB().CreateCollection(name, nil, refuseEmbedding)
	if err != nil {
		return nil, fmt.Errorf("create chromem collection %s: %w", name, err)
	}
	// AddDocument one by one: AddDocuments starts a goroutine per document,
	// which at 150k chunks costs more than it saves.
	// The IDs are written into one block (room for ten digits each, so it
	// never moves) rather than allocated one by one.
	ids := make([]byte, 0, 10*len(rows))
	for j, i := range rows {
		if j%4096 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		at := len(ids)
		ids = strconv.AppendInt(ids, int64(i), 10)
		if err := coll.AddDocument(ctx, chromem.Document{ID: inPlace(ids[at:]), Embedding: s.vector(int(i))}); err != nil {
			return nil, fmt.Errorf("add chunk %s to chromem: %w", s.chunks[i].ID, err)
		}
	}
	return coll, nil
}

// selectivePart is the share of the selected periods' chunks below which
// a filter's admitted chunks are queried as a collection of their own
// rather than by over-fetching from the periods' collections: over-fetch
// needs about selected/allowed times the results, and past twice that a
// temporary collection of the admitted chunks is cheaper than a second
// scan of the periods.
const selectivePart = 2

// vectorSearch returns the n chunks nearest to the unit vector qv among
// those f admits, best first, ties by chunk position.
func (s *snapshot) vectorSearch(ctx context.Context, qv []float32, n int, f rowFilter) ([]scored, error) {
	if n <= 0 || f.allowed == 0 {
		return nil, nil
	}
	var ps []*period
	selected := 0
	for i := range s.periods {
		p := &s.periods[i]
		if !f.byDate || p.meets(f.since, f.until) {
			ps = append(ps, p)
			selected += p.chunks
		}
	}
	if selected == 0 {
		return nil, nil
	}
	keep := f.keep
	if f.allowed >= selected {
		// The periods hold exactly the admitted chunks.
		keep = nil
	}
	if keep != nil && f.allowed*selectivePart < selected {
		return s.queryRows(ctx, qv, n, f)
	}
	// One more than needed: a collection whose (n+1)-th chunk scores below
	// the n-th kept one cannot hold a better one, so ties at the cut (equal
	// vectors of a reprinted passage) are seen and settled by position.
	fetch := n + 1
	if keep != nil {
		fetch = n*selected/f.allowed + n + 1
	}
	out, err := s.queryPeriods(ctx, ps, qv, n, fetch, keep, f.allowed)
	if err != nil {
		return nil, fmt.Errorf("vector query: %w", err)
	}
	return out, nil
}

// queryPeriods asks each period's collection for its fetch nearest chunks
// (all of them when it holds fewer), keeps those keep admits (nil: all),
// and returns the best n. A collection whose last fetched chunk scores at
// least the n-th best kept one may hold a better admitted chunk (or an
// equal one at an earlier position) beyond what it returned: it is asked
// again for twice as many, until the result is exact.
func (s *snapshot) queryPeriods(ctx context.Context, ps []*period, qv []float32, n, fetch int, keep func(int) bool, allowed int) ([]scored, error) {
	m := make([]int, len(ps))
	for i, p := range ps {
		m[i] = min(fetch, p.chunks)
	}
	res := make([][]scored, len(ps))
	worst := make([]float64, len(ps))
	for {
		for i, p := range ps {
			if res[i] != nil {
				continue
			}
			rs, err := p.coll.QueryEmbedding(ctx, qv, m[i], nil, nil)
			if err != nil {
				return nil, fmt.Errorf("period %s: %w", p.name, err)
			}
			got := make([]scored, 0, len(rs))
			for _, r := range rs {
				pos, err := strconv.Atoi(r.ID)
				if err != nil || pos < 0 || pos >= len(s.chunks) {
					return nil, fmt.Errorf("period %s: chromem returned unknown chunk %q", p.name, r.ID)
				}
				if keep == nil || keep(pos) {
					got = append(got, scored{chunk: int32(pos), score: float64(r.Similarity)})
				}
			}
			res[i] = got
			if len(rs) > 0 {
				worst[i] = float64(rs[len(rs)-1].Similarity)
			}
		}
		var out []scored
		for _, r := range res {
			out = append(out, r...)
		}
		sortScored(out)
		if len(out) > n {
			out = out[:n]
		}
		again := false
		for i, p := range ps {
			if m[i] == p.chunks {
				continue
			}
			// Beyond the m[i] returned, every chunk scores at most
			// worst[i]: enough when that is below the n-th kept score.
			if len(out) < n && len(out) < allowed || len(out) == n && worst[i] >= out[n-1].score {
				m[i] = min(2*m[i], p.chunks)
				res[i] = nil
				again = true
			}
		}
		if !again {
			return out, nil
		}
	}
}

// queryRows answers a selective filter: the admitted chunks, gathered into
// a temporary collection aliasing their vectors, are queried for the n
// nearest.
func (s *snapshot) queryRows(ctx context.Context, qv []float32, n int, f rowFilter) ([]scored, error) {
	rows := make([]int32, 0, f.allowed)
	for _, r := range f.ranges {
		for i := r.lo; i < r.hi; i++ {
			rows = append(rows, i)
		}
	}
	coll, err := s.collection(ctx, "filtered", rows)
	if err != nil {
		return nil, fmt.Errorf("vector query: %w", err)
	}
	p := period{name: "filtered", coll: coll, chunks: len(rows)}
	out, err := s.queryPeriods(ctx, []*period{&p}, qv, n, n+1, nil, len(rows))
	if err != nil {
		return nil, fmt.Errorf("vector query: %w", err)
	}
	return out, nil
}

// dotProduct is the cosine similarity of two unit vectors of the same
// length, summed in the same order as chromem-go's, so a passage found by
// its words alone gets the score chromem would have given it.
func dotProduct(a, b []float32) float32 {
	b = b[:len(a)]
	var s float32
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

// topK keeps the best n scored items seen so far as a min-heap: items[0]
// is the worst kept, the one a better newcomer replaces. "Worse" is a
// lower score, or an equal score at a later chunk, so results do not
// depend on the order items arrive in.
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

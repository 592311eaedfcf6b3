package retrieval

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// DefaultK is the number of passages Search returns when SearchOptions.K
// is 0.
const DefaultK = 8

// Search returns up to opts.K passages for query, best first: the vector
// and BM25 rankings fused, filtered by opts, with near-identical passages
// folded into the best of them. An empty index returns no hits and no
// error. When the embedder fails (a model server down) Search logs it and
// ranks by BM25 alone rather than answering nothing.
func (ix *Index) Search(ctx context.Context, query string, opts SearchOptions) ([]Hit, error) {
	query = strings.TrimSpace(query)
	if query == "" {
		return nil, errors.New("search: empty question")
	}
	k := opts.K
	if k <= 0 {
		k = DefaultK
	}
	s := ix.cur.Load()
	if len(s.chunks) == 0 {
		return nil, nil
	}
	keep, allowed := s.filter(opts)
	if allowed == 0 {
		return nil, nil
	}
	// Fetch more candidates than asked for: folding removes some, and
	// fusion needs depth in both lists to reward agreement.
	depth := max(5*k, 50)

	qterms := s.lex.queryTerms(query)
	lex := s.lex.search(qterms, depth, keep)

	var vec []scored
	qv, err := ix.queryVector(ctx, query, s.dim)
	switch {
	case ctx.Err() != nil:
		return nil, fmt.Errorf("search: %w", ctx.Err())
	case err != nil:
		ix.log.Warn("query embedding failed; ranking by words only", "embedder", ix.emb.Name(), "err", err)
	case qv != nil:
		vec, err = s.vectorSearch(ctx, qv, depth, keep, allowed)
		if err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
	}

	cands := fuse(vec, lex)
	hits := s.fold(cands, k)
	chunkIdx := make([]int32, len(hits))
	for i := range hits {
		chunkIdx[i] = s.chunkPos[hits[i].Chunk.ID]
	}
	for i, c := range s.lex.coverage(qterms, chunkIdx) {
		hits[i].Coverage = c
	}
	return hits, nil
}

// queryVector embeds the query as a unit vector; nil when it has no
// direction (a zero vector) or the index has no vectors.
func (ix *Index) queryVector(ctx context.Context, query string, dim int) ([]float32, error) {
	if dim == 0 {
		return nil, nil
	}
	vs, err := ix.emb.Embed(ctx, []string{query})
	if err != nil {
		return nil, err
	}
	if len(vs) != 1 || len(vs[0]) != dim {
		return nil, fmt.Errorf("embedder %s returned %d vectors, want one of length %d", ix.emb.Name(), len(vs), dim)
	}
	u, err := unitVector(vs[0])
	if err != nil {
		return nil, nil
	}
	return u, nil
}

// filter returns the chunk predicate for opts (nil when opts filter
// nothing) and the number of chunks it lets through.
func (s *snapshot) filter(opts SearchOptions) (func(int) bool, int) {
	outlet := strings.ToLower(strings.TrimSpace(opts.Outlet))
	speaker := strings.ToLower(strings.TrimSpace(opts.Speaker))
	if opts.Since.IsZero() && opts.Until.IsZero() && outlet == "" && speaker == "" {
		return nil, len(s.chunks)
	}
	since, until := dayNumber(opts.Since), dayNumber(opts.Until)
	okDoc := make([]bool, len(s.docs))
	allowed := 0
	for i, d := range s.docs {
		ok := true
		if !opts.Since.IsZero() || !opts.Until.IsZero() {
			day := dayNumber(d.Date)
			ok = !d.Date.IsZero() && (opts.Since.IsZero() || day >= since) && (opts.Until.IsZero() || day <= until)
		}
		if ok && outlet != "" {
			ok = strings.Contains(strings.ToLower(d.Outlet), outlet)
		}
		if ok && speaker != "" {
			ok = false
			for _, sp := range d.Speakers {
				if strings.Contains(strings.ToLower(sp.Name), speaker) {
					ok = true
					break
				}
			}
		}
		okDoc[i] = ok
		if ok {
			r := s.docChunks[i]
			allowed += int(r[1] - r[0])
		}
	}
	return func(c int) bool { return okDoc[s.chunkDoc[c]] }, allowed
}

// dayNumber is t's calendar date (in t's own location) as yyyymmdd, so
// date bounds are inclusive whatever the time of day.
func dayNumber(t time.Time) int {
	y, m, d := t.Date()
	return y*10000 + int(m)*100 + d
}

// vectorSearch returns the n chunks nearest to the unit vector qv that
// keep accepts. Without a filter it asks chromem for them; with one it
// over-fetches from chromem and, when too few survive the filter, scans
// the allowed chunks directly.
func (s *snapshot) vectorSearch(ctx context.Context, qv []float32, n int, keep func(int) bool, allowed int) ([]scored, error) {
	count := s.coll.Count()
	if count == 0 {
		return nil, nil
	}
	want := min(n, allowed)
	fetch := want
	if keep != nil {
		fetch = want * 10
	}
	// A filter that keeps few chunks: scanning them beats asking chromem
	// for many it will throw away.
	if keep != nil && allowed <= fetch {
		return s.scan(qv, want, keep), nil
	}
	fetch = min(fetch, count)
	res, err := s.coll.QueryEmbedding(ctx, qv, fetch, nil, nil)
	if err != nil {
		return nil, fmt.Errorf("vector query: %w", err)
	}
	out := make([]scored, 0, len(res))
	for _, r := range res {
		c, ok := s.chunkPos[r.ID]
		if !ok || (keep != nil && !keep(int(c))) {
			continue
		}
		out = append(out, scored{chunk: c, score: float64(r.Similarity)})
	}
	if len(out) < want && keep != nil {
		return s.scan(qv, want, keep), nil
	}
	sortScored(out)
	if len(out) > want {
		out = out[:want]
	}
	return out, nil
}

// scan is the exhaustive search over the contiguous matrix, restricted to
// the chunks keep accepts.
func (s *snapshot) scan(qv []float32, n int, keep func(int) bool) []scored {
	var out []scored
	for i := range s.chunks {
		if keep != nil && !keep(i) {
			continue
		}
		out = append(out, scored{chunk: int32(i), score: float64(dot(qv, s.vector(i)))})
	}
	sortScored(out)
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// sortScored orders by score, ties by chunk position for stable output.
func sortScored(x []scored) {
	slices.SortFunc(x, func(a, b scored) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		return cmp.Compare(a.chunk, b.chunk)
	})
}

func dot(a, b []float32) float32 {
	var s0, s1, s2, s3 float32
	i := 0
	for ; i+4 <= len(a); i += 4 {
		s0 += a[i] * b[i]
		s1 += a[i+1] * b[i+1]
		s2 += a[i+2] * b[i+2]
		s3 += a[i+3] * b[i+3]
	}
	for ; i < len(a); i++ {
		s0 += a[i] * b[i]
	}
	return s0 + s1 + s2 + s3
}

// fold walks the fused candidates best first and keeps up to k of them,
// dropping a candidate that repeats one already kept: the same passage
// reprinted (word-shingle Jaccard ≥ foldJaccard) or an overlapping
// neighbour chunk of the same document.
func (s *snapshot) fold(cands []candidate, k int) []Hit {
	type kept struct {
		chunk int32
		sh    map[uint64]struct{}
	}
	var ks []kept
	var hits []Hit
	perDoc := make(map[string]int)
	for _, c := range cands {
		if len(hits) == k {
			break
		}
		ch := s.chunks[c.chunk]
		if perDocCap > 0 && perDoc[ch.DocID] >= perDocCap {
			continue
		}
		sh := shingles(ch.Text)
		dup := false
		for _, o := range ks {
			oc := s.chunks[o.chunk]
			if oc.DocID == ch.DocID && overlapShare(oc, ch.Start, ch.End) >= foldOverlap {
				dup = true
				break
			}
			if jaccard(o.sh, sh) >= foldJaccard {
				dup = true
				break
			}
		}
		if dup {
			continue
		}
		ks = append(ks, kept{c.chunk, sh})
		perDoc[ch.DocID]++
		hits = append(hits, Hit{
			Chunk: ch, Doc: s.docs[s.chunkDoc[c.chunk]], Score: c.score,
			VectorScore: c.vectorScore, VectorRank: c.vectorRank, LexicalRank: c.lexicalRank,
		})
	}
	return hits
}

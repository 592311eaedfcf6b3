package retrieval

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/readout/readout/text"
)

// DefaultK is the number of passages Search returns when SearchOptions.K
// is 0.
const DefaultK = 8

// Search returns up to opts.K passages for query, best first: the vector
// and BM25 rankings fused, filtered by opts, with near-identical passages
// folded into the best of them. An empty index returns no hits and no
// error. When the embedder fails (a model server down) Search logs it and
// ranks by BM25 alone rather than answering nothing; each hit's
// QueryVectorErr then says why.
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
	f := s.filter(opts)
	if f.allowed == 0 {
		return nil, nil
	}
	// Fetch more candidates than asked for: folding removes some, and
	// fusion needs depth in both lists to reward agreement.
	depth := max(5*k, 50)

	qterms, fixes := s.lex.correctedTerms(query, true, s.forms())
	asked := opts.Asked
	if asked == "" {
		asked = query
	}
	s.lex.withSynonyms(qterms, asked)
	lex := s.lex.search(qterms, depth, f.keep)
	if feedbackDocs > 0 {
		lex = s.lex.search(s.expandQuery(qterms, lex), depth, f.keep)
	}

	var vec []scored
	qv, err := ix.queryVector(ctx, vectorQuery(query, fixes), s.dim)
	embedErr := err
	switch {
	case ctx.Err() != nil:
		return nil, fmt.Errorf("search: %w", ctx.Err())
	case err != nil:
		ix.log.Warn("query embedding failed; ranking by words only", "embedder", ix.emb.Name(), "err", err)
		ix.opts.Metrics.Error("embed")
	case qv != nil:
		vec, err = s.vectorSearch(ctx, qv, depth, f)
		if err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
	}

	cands := fuse(vec, lex)
	s.boostCoverage(cands, qterms)
	s.boostDates(cands, parseQueryDates(query))
	hits := s.fold(cands, k)
	chunkIdx := make([]int32, len(hits))
	for i := range hits {
		chunkIdx[i] = s.position(hits[i].Chunk)
		if qv != nil && hits[i].VectorRank == 0 {
			// Found by its words only: its similarity still says how
			// close it is, for the answer's decision.
			hits[i].VectorScore = float64(dotProduct(qv, s.vector(int(chunkIdx[i]))))
		}
	}
	cov, terms := s.windowCoverage(qterms, chunkIdx)
	for i := range hits {
		hits[i].Coverage, hits[i].Terms, hits[i].QueryVectorErr = cov[i], terms[i], embedErr
	}
	return hits, nil
}

// correctedQuery is query with each word that fixes holds replaced by
// its replacement, for the vector query: the embedder then sees the
// record's spelling and the words an abbreviation stands for.
func correctedQuery(query string, fixes map[string]string) string {
	if len(fixes) == 0 {
		return query
	}
	var b strings.Builder
	last := 0
	for _, tk := range text.Tokens(query) {
		c, ok := fixes[tk.Word]
		if !ok {
			continue
		}
		b.WriteString(query[last:tk.Start])
		b.WriteString(c)
		last = tk.End
	}
	b.WriteString(query[last:])
	return b.String()
}

// vectorQuery is the text the question's vector is made from: the
// question as the record spells it (correctedQuery), with the country of
// each capital it names after it ("what did tehran warn" → "… iran"). The
// lexical search reads a capital as its country already (a synonym); an
// embedder that compares words would find nothing of the record's "Iran"
// in "Tehran" and score every passage on it as unrelated.
func vectorQuery(query string, fixes map[string]string) string {
	q := correctedQuery(query, fixes)
	if cs := text.CapitalCountries(query); len(cs) > 0 {
		q += " " + strings.Join(cs, " ")
	}
	return q
}

// queryVector embeds the query as a unit vector; nil when it has no
// direction (a zero vector) or the index has no vectors.
func (ix *Index) queryVector(ctx context.Context, query string, dim int) ([]float32, error) {
	if dim == 0 {
		return nil, nil
	}
	vs, err := ix.embed(ctx, []string{query})
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

// rowFilter is what a search's filters let through: keep (nil when
// nothing is filtered) tells which chunks count, ranges are the same
// chunks as sorted ranges of chunk positions, and allowed is how many
// chunks that is. byDate says a date bound was given, since and until
// are its days (yyyymmdd), so the vector query can skip the periods
// outside it.
type rowFilter struct {
	keep func(int) bool
	// doc reports whether the filter admits the snapshot's document i;
	// nil when it admits every one.
	doc          func(int) bool
	ranges       []rowRange
	allowed      int
	byDate       bool
	since, until int32
}

// filterKey is an outlet or speaker filter as the precomputed outlets and
// speaker lists are written (text.NameKey), so "O’Brien" finds "O'Brien";
// a filter with no word in it is matched as written, lower case.
func filterKey(s string) string {
	if k := text.NameKey(s); k != "" {
		return k
	}
	return strings.ToLower(strings.TrimSpace(s))
}

// filter returns the chunks opts lets through. It reads only per-document
// values precomputed by finish (day numbers, lowercase outlets and
// speakers), so filtering 100k chunks costs well under a millisecond.
func (s *snapshot) filter(opts SearchOptions) rowFilter {
	outlet, speaker := filterKey(opts.Outlet), filterKey(opts.Speaker)
	if opts.Since.IsZero() && opts.Until.IsZero() && outlet == "" && speaker == "" && len(opts.Docs) == 0 {
		return rowFilter{ranges: []rowRange{{0, int32(len(s.chunks))}}, allowed: len(s.chunks)}
	}
	byDate := !opts.Since.IsZero() || !opts.Until.IsZero()
	since, until := int32(0), int32(1<<31-1)
	if !opts.Since.IsZero() {
		since = int32(dayNumber(opts.Since))
	}
	if !opts.Until.IsZero() {
		until = int32(dayNumber(opts.Until))
	}
	var only map[int32]bool
	if len(opts.Docs) > 0 {
		only = make(map[int32]bool, len(opts.Docs))
		var urls map[string]bool
		for _, id := range opts.Docs {
			if i, ok := s.docIndex[id]; ok {
				only[i] = true
			} else if id != "" {
				if urls == nil {
					urls = map[string]bool{}
				}
				urls[id] = true
			}
		}
		if urls != nil {
			// A conversation rebuilt from chat messages knows its
			// sources by URL only.
			for i, d := range s.docs {
				if d.URL != "" && urls[d.URL] {
					only[int32(i)] = true
				}
			}
		}
	}
	okDoc := make([]bool, len(s.docs))
	f := rowFilter{byDate: byDate, since: since, until: until}
	var docOutlet, docSpeakers []string
	if outlet != "" || speaker != "" {
		docOutlet, docSpeakers = s.names()
	}
	for i := range s.docs {
		if only != nil && !only[int32(i)] {
			continue
		}
		if byDate {
			// docDay is 0 for an undated document, which no date bound
			// admits; a document is admitted when the days it reports
			// [docFirstDay, docDay] meet [since, until].
			if d := s.docDay[i]; d == 0 || d < since || s.docFirstDay[i] > until {
				continue
			}
		}
		if outlet != "" && !strings.Contains(docOutlet[i], outlet) {
			continue
		}
		if speaker != "" && !strings.Contains(docSpeakers[i], speaker) {
			continue
		}
		okDoc[i] = true
		r := s.docChunks[i]
		if r[1] <= r[0] {
			continue
		}
		f.allowed += int(r[1] - r[0])
		// Documents are in chunk order, so adjacent documents' chunks
		// join into one range.
		if n := len(f.ranges); n > 0 && f.ranges[n-1].hi == r[0] {
			f.ranges[n-1].hi = r[1]
		} else {
			f.ranges = append(f.ranges, rowRange{r[0], r[1]})
		}
	}
	f.keep = func(c int) bool { return okDoc[s.chunkDoc[c]] }
	f.doc = func(i int) bool { return okDoc[i] }
	return f
}

// dayNumber is t's calendar date (in t's own location) as yyyymmdd, so
// date bounds are inclusive whatever the time of day.
func dayNumber(t time.Time) int {
	y, m, d := t.Date()
	return y*10000 + int(m)*100 + d
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

// fold walks the fused candidates best first and keeps up to k of them,
// dropping a candidate that repeats one already kept: the same passage
// reprinted (word-shingle Jaccard ≥ foldJaccard) or an overlapping
// neighbour chunk of the same document.
func (s *snapshot) fold(cands []candidate, k int) []Hit {
	type kept struct {
		chunk int32
		sh    []uint64
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
		// The overlap test is cheap; shingles are made only for a
		// candidate that passes it (they were most of a search's time on
		// small records).
		dup := false
		for _, o := range ks {
			oc := s.chunks[o.chunk]
			if oc.DocID == ch.DocID && overlapShare(oc, ch.Start, ch.End) >= foldOverlap {
				dup = true
				break
			}
		}
		if dup {
			continue
		}
		sh := shingles(ch.Text)
		for _, o := range ks {
			// |a∩b|/|a∪b| ≤ min/max: sets of very different sizes
			// cannot reach the threshold.
			lo, hi := min(len(o.sh), len(sh)), max(len(o.sh), len(sh))
			if float64(lo) >= foldJaccard*float64(hi) && jaccard(o.sh, sh) >= foldJaccard {
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

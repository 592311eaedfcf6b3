package retrieval

import "strings"

// LexicalSearch returns up to opts.K passages (DefaultK when 0) ranked by
// BM25 alone, filtered by opts like Search, best first, ties by chunk
// position. Unlike Search it embeds nothing and folds nothing: a caller
// looking for exact words (the verify package) wants every place the words
// occur, a reprint in another document included, and no model call. Each
// Hit carries Chunk, Doc, Score (the BM25 score) and LexicalRank; the
// vector fields and Coverage are zero. A query with no informative term
// ("the", "…") finds nothing.
func (ix *Index) LexicalSearch(query string, opts SearchOptions) []Hit {
	if strings.TrimSpace(query) == "" {
		return nil
	}
	k := opts.K
	if k <= 0 {
		k = DefaultK
	}
	s := ix.cur.Load()
	if len(s.chunks) == 0 {
		return nil
	}
	f := s.filter(opts)
	if f.allowed == 0 {
		return nil
	}
	found := s.lex.search(s.lex.queryTerms(query), k, f.keep)
	hits := make([]Hit, len(found))
	for i, c := range found {
		hits[i] = Hit{Chunk: s.chunks[c.chunk], Doc: s.docs[s.chunkDoc[c.chunk]], Score: c.score, LexicalRank: i + 1}
	}
	return hits
}

// RarestTerm returns the rarest informative term of query (text.Terms)
// that the index holds, how many passages hold it, and how many passages
// the index has: a query whose rarest term is in a large share of the
// passages ranks them poorly, and one whose rarest term is far rarer than
// the others is ranked by that term alone, so a caller may look for it
// another way. term is "" and rarest 0 when the index holds none of the
// query's terms.
func (ix *Index) RarestTerm(query string) (term string, rarest, passages int) {
	s := ix.cur.Load()
	for _, t := range s.lex.queryTerms(query) {
		if t.id < 0 {
			continue
		}
		df := int(s.lex.off[t.id+1] - s.lex.off[t.id])
		if rarest == 0 || df < rarest {
			term, rarest = t.term, df
		}
	}
	return term, rarest, len(s.chunks)
}

package retrieval

import (
	"time"

	"github.com/readout/readout/corpus"
)

// SearchOptions narrows and sizes a search. The zero value returns the
// default number of passages from the whole record.
type SearchOptions struct {
	// K is how many passages to return (default 8).
	K int `json:"k,omitempty"`
	// Since and Until bound the document date, inclusive; zero means open.
	Since time.Time `json:"since,omitempty"`
	Until time.Time `json:"until,omitempty"`
	// Outlet and Speaker keep only documents whose outlet, or one of whose
	// speakers, contains the text (case-insensitive). A document whose
	// title names the speaker counts as theirs too: a readout of their
	// call or a statement on their meeting is issued by an office, not by
	// them.
	Outlet  string `json:"outlet,omitempty"`
	Speaker string `json:"speaker,omitempty"`
	// Docs, when not empty, keeps only the documents with these IDs or
	// URLs (a conversation's cited documents, searched again for a
	// follow-up); those the index does not hold are ignored.
	Docs []string `json:"docs,omitempty"`
	// Asked, when the query rewrites a question with the conversation's
	// words (a follow-up), is the question as the user wrote it: only its
	// words are searched with their synonyms. Empty: the query's.
	Asked string `json:"asked,omitempty"`
}

// Hit is one retrieved passage.
type Hit struct {
	Chunk corpus.Chunk
	Doc   *corpus.Document
	// Score is the fused score (higher is better); VectorRank and
	// LexicalRank are 1-based ranks in each list, 0 when absent.
	// VectorScore is the passage's cosine similarity to the question,
	// also when only its words found it (0 when the search ran without
	// vectors).
	Score       float64
	VectorScore float64
	LexicalRank int
	VectorRank  int
	// Coverage is the share (0..1) of the query's informative terms,
	// weighted by inverse document frequency, that occur in the passage or
	// its neighbouring passages of the same document. The
	// answer pipeline declines when no passage covers the question enough.
	Coverage float64
	// QueryVectorErr is why the question could not be embedded (the
	// embedding server down or refusing), nil when it was: the search then
	// ranked by words only and VectorScore is 0 for want of a measurement,
	// not a measured dissimilarity.
	QueryVectorErr error
	// Terms are the query's informative terms with the weight each has in
	// Coverage and whether the passage (or a neighbour) holds it, so a
	// caller can judge coverage of a part of the question.
	Terms []TermMatch
}

// TermMatch is one query term's share in a hit's Coverage.
type TermMatch struct {
	Term   string  // as Terms makes it (lower case, stemmed)
	Weight float64 // inverse document frequency, discounted for common words
	Found  bool    // the passage holds the term, an alternative or a synonym
	// Share is the share of Weight the passage earns: 1 for the term or
	// an alternative of it (a correction, an abbreviation's long form),
	// SynonymShare for only a synonym, 0 when not Found.
	Share float64
}

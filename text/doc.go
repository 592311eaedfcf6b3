// Package text is the one place that knows English text. It owns what a
// word is (Words, Tokens, Terms and the diacritic folding behind them),
// stems (Stem, with the abbreviations and irregular forms that meet their
// full word), stopwords (IsStopword), speech verbs (IsSpeechVerb,
// IsPersonVerb, SpeechVerbs, Attributions), month names and abbreviations
// (Month, MonthPattern), the words of people's titles (IsTitleWord),
// transcript speaker labels (LabelAt, IsTurnLabel, IsGenericLabel,
// IsHonorific) and sentence boundaries (Sentences). corpus, retrieval and
// answer all read text through it, so the index, the relevance check and
// the extractive scorer agree on every word. It imports nothing from the
// project.
//
// Changing how words are split, folded, stemmed or dropped changes the
// builtin embedder's vectors and the lexical index: bump builtinVersion in
// retrieval/embed_builtin.go with it, so old snapshots are refused.
package text

// Package text is the one place that knows English text. It owns what a
// word is (Words, Tokens, Terms and the diacritic folding behind them),
// stems (Stem, with the abbreviations and irregular forms that meet their
// full word), stopwords (IsStopword), speech verbs (IsSpeechVerb,
// IsPersonVerb, SpeechVerbs, Attributions), month names and abbreviations
// (Month, MonthPattern), weekdays (Weekday, WeekdayPattern, LastWeekday),
// the words of people's titles (IsTitleWord),
// transcript speaker labels (LabelAt, IsTurnLabel, IsGenericLabel,
// IsHonorific), sentence boundaries (Sentences), quotations (FindQuotes,
// FoldQuote, QuoteIn, Ellipses), British and American spellings
// (SpellingKey), negations (IsNegation) and number words (NumberValue).
// corpus, retrieval, answer and verify all read text through it, so the
// index, the relevance check, the extractive scorer and the quotation
// checks agree on every word. It imports nothing from the project.
//
// Changing how words are split, folded, stemmed or dropped changes the
// builtin embedder's vectors and the lexical index: bump builtinVersion in
// retrieval/embed_builtin.go with it, so old snapshots are refused.
package text

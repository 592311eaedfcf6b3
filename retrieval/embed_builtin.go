package retrieval

import (
	"context"
	"fmt"
	"math"

	"github.com/readout/readout/internal/vecmath"
	"github.com/readout/readout/text"
)

// builtinVersion names the feature recipe; bump it whenever text.Terms, text.Stem or
// the features below change, so old snapshots are refused instead of being
// queried with different vectors.
const builtinVersion = "builtin-hash-v6"

// DefaultBuiltinDim is the builtin embedder's dimension when none is given.
const DefaultBuiltinDim = 384

// Feature weights. Measured on the public questions over the sample and
// White House records (READOUT_SWEEP=features go test -run Measure):
// adding stem bigrams made every ranking worse as their weight grew (fused
// MRR 1.00 at 0, 0.94 at 0.25, 0.93 at 0.5, 0.86 at 1: at 384 buckets they
// mostly add collisions), so there are none; character 4-grams at 0.25
// lifted the vector ranking's MRR from 0.75 to 0.86, and 0.5 was worse.
// They are variables only so the measurement can vary them; changing them
// changes the vectors, so builtinVersion must change with them.
var (
	unigramWeight float32 = 1.0
	// Character 4-grams of long words make inflections and transliterations
	// ("Azerbaijani"/"Azerbaijan's") land near each other even when Stem
	// misses them. They are spread thin so they never outweigh whole words.
	charGramWeight float32 = 0.25
)

const (
	charGramMinLen = 7
	charGramN      = 4
)

// BuiltinEmbedder is the offline default embedder: signed feature hashing
// of word stems and character 4-grams of long words, with
// sublinear term frequency, into Dimension buckets. It needs no model and
// no downloaded data and is deterministic, so it works anywhere Go runs. It
// captures shared words, not meaning: the lexical index and fusion make up
// for part of that, a real embedding model for the rest.
//
// It is safe for concurrent use. Embed spreads large inputs over GOMAXPROCS
// goroutines.
type BuiltinEmbedder struct {
	dim int
}

// NewBuiltinEmbedder returns a builtin embedder with dim buckets (0 means
// DefaultBuiltinDim).
func NewBuiltinEmbedder(dim int) *BuiltinEmbedder {
	if dim <= 0 {
		dim = DefaultBuiltinDim
	}
	return &BuiltinEmbedder{dim: dim}
}

// Name returns "builtin-hash-v6-<dim>".
func (e *BuiltinEmbedder) Name() string { return fmt.Sprintf("%s-%d", builtinVersion, e.dim) }

// Dimension returns the vector length.
func (e *BuiltinEmbedder) Dimension() int { return e.dim }

// Embed returns one L2-normalised vector per text. A text without any
// informative term gets a fixed unit vector rather than a zero vector, so
// cosine similarity stays defined.
func (e *BuiltinEmbedder) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	return vecmath.EmbedBatch(ctx, texts, e.dim, func() func(string, []float32) { return newFeaturizer().embed })
}

type feature struct {
	n int32
	w float32
}

// featurizer holds the per-goroutine scratch space of the builtin embedder.
type featurizer struct {
	counts map[uint64]feature
}

func newFeaturizer() *featurizer {
	return &featurizer{counts: make(map[uint64]feature, 512)}
}

// Hash salts keep the feature kinds apart in the same buckets.
const (
	saltUnigram = 0x9e3779b97f4a7c15
	saltChar    = 0x165667b19e3779f9
)

// embed writes s's features into v. Words are read without allocating
// (text.EachWordBytes); only a word that is not a stopword is copied, for
// its stem.
func (f *featurizer) embed(s string, v []float32) {
	clear(f.counts)
	text.EachWordBytes(s, func(w []byte) {
		if text.IsStopword(string(w)) {
			return
		}
		if len(w) >= charGramMinLen {
			for i := 0; i+charGramN <= len(w); i++ {
				f.add(hashString(w[i:i+charGramN], saltChar), charGramWeight)
			}
		}
		f.add(hashString(text.Stem(string(w)), saltUnigram), unigramWeight)
	})
	clear(v)
	if len(f.counts) == 0 {
		v[0] = 1
		return
	}
	dim := uint64(len(v))
	for h, ft := range f.counts {
		x := ft.w * sublinear(ft.n)
		if h>>63 == 1 {
			x = -x
		}
		v[(h&(1<<63-1))%dim] += x
	}
	vecmath.Normalize(v)
}

// sublinearTable holds 1+ln(n) for the counts a passage usually has.
var sublinearTable = func() [64]float32 {
	var t [64]float32
	for n := 1; n < len(t); n++ {
		t[n] = float32(1 + math.Log(float64(n)))
	}
	return t
}()

// sublinear is the term-frequency damping 1+ln(n).
func sublinear(n int32) float32 {
	if n > 0 && int(n) < len(sublinearTable) {
		return sublinearTable[n]
	}
	return float32(1 + math.Log(float64(n)))
}

func (f *featurizer) add(h uint64, w float32) {
	ft := f.counts[h]
	ft.n++
	ft.w = w
	f.counts[h] = ft
}

// hashString is FNV-1a over s, finished with a mixer so the low bits used
// for the bucket are well spread.
func hashString[T string | []byte](s T, salt uint64) uint64 {
	h := uint64(14695981039346656037) ^ salt
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return mix(h, salt)
}

// mix combines two 64-bit values (the splitmix64 finaliser of a^b·k).
func mix(a, b uint64) uint64 {
	x := a ^ (b * 0xbf58476d1ce4e5b9)
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// Command pack turns the teacher's raw word vectors (from teach.js) into the
// static embedder's table, Model2Vec style: unit-normalise, replace each
// word's vector by the weighted mean of the vectors of the words it shares
// the record's sentences with (-sentences), reduce to -dim dimensions by PCA, weight each row by smooth inverse frequency
// a/(a+p(word)), quantise to int8 with one scale per row, and write
// retrieval/static/table.bin and its table.sha256. Step 3 of the
// distillation described in ../README.md. Deterministic: the same inputs
// give the same bytes.
//
//	go run ./tools/distil/pack -teacher /tmp/teacher -sentences /tmp/sentences.txt -max-words 50000 -out retrieval/static
package main

import (
	"bufio"
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/readout/readout/text"
)

const teacherDim = 512

type row struct {
	kind, key   string
	rec, spoken float64 // record count; spoken-English count (pieces: log-prob ×1e6)
	vec         []float64
}

func main() {
	teacher := flag.String("teacher", "", "prefix of teach.js's output (PREFIX.keys.tsv, PREFIX.f32)")
	out := flag.String("out", "retrieval/static", "folder to write table.bin and table.sha256 into")
	dim := flag.Int("dim", 256, "dimensions kept by PCA")
	maxWords := flag.Int("max-words", 0, "keep at most this many words, most frequent first (0: all)")
	sif := flag.Float64("sif", 1e-3, "smooth inverse frequency coefficient a in a/(a+p) (0: no weighting)")
	sents := flag.String("sentences", "", "the record's sentences (wordlist -sentences): words take the mean of the weighted teacher vectors of the words they share sentences with")
	prior := flag.Float64("prior", 2, "pseudo-count of a word's own teacher vector beside its sentences")
	flag.Parse()
	ctx := contextual{sentences: *sents, prior: *prior}
	if err := run(*teacher, *out, *dim, *maxWords, *sif, ctx); err != nil {
		slog.Error("pack", "err", err)
		os.Exit(1)
	}
}

// contextual says where the record's sentences are, if anywhere, and how
// much a word's own vector counts beside them.
type contextual struct {
	sentences string
	prior     float64
}

func run(teacher, out string, dim, maxWords int, sif float64, ctx contextual) error {
	if teacher == "" {
		return fmt.Errorf("give -teacher (see tools/distil/README.md)")
	}
	rows, err := readTeacher(teacher)
	if err != nil {
		return err
	}
	var words, pieces []*row
	for _, r := range rows {
		if r.kind == "piece" {
			pieces = append(pieces, r)
		} else {
			words = append(words, r)
		}
	}
	// Frequencies: the record's where the record has the word, else spoken
	// English's scaled to the record's size.
	var recTotal, spokenTotal float64
	for _, r := range words {
		recTotal += r.rec
		spokenTotal += r.spoken
	}
	prob := func(r *row) float64 {
		if r.rec > 0 {
			return r.rec / recTotal
		}
		return r.spoken / spokenTotal
	}
	if maxWords > 0 && len(words) > maxWords {
		byFreq := slices.Clone(words)
		slices.SortStableFunc(byFreq, func(a, b *row) int { return cmp.Compare(prob(b), prob(a)) })
		keep := map[*row]bool{}
		for _, r := range byFreq[:maxWords] {
			keep[r] = true
		}
		words = slices.DeleteFunc(words, func(r *row) bool { return !keep[r] })
	}
	all := append(slices.Clone(words), pieces...)
	for _, r := range all {
		normalize(r.vec)
	}
	if ctx.sentences != "" {
		if err := cooccur(words, pieces, ctx, func(r *row) float64 { return sif / (sif + prob(r)) }); err != nil {
			return err
		}
	}
	proj, explained := pca(all, dim)
	slog.Info("pca", "dim", dim, "explained", fmt.Sprintf("%.3f", explained))

	var buf []byte
	le := binary.LittleEndian
	buf = append(buf, "RDSTATIC1\n"...)
	stems := stemRows(words)
	stemKeys := make([]string, 0, len(stems))
	for s := range stems {
		stemKeys = append(stemKeys, s)
	}
	slices.Sort(stemKeys)
	buf = le.AppendUint32(buf, uint32(dim))
	buf = le.AppendUint32(buf, uint32(len(words)))
	buf = le.AppendUint32(buf, uint32(len(stemKeys)))
	buf = le.AppendUint32(buf, uint32(len(pieces)))
	mean := meanOf(all)
	red := make([]float64, dim)
	for _, r := range all {
		for k := range red {
			var s float64
			for i, x := range r.vec {
				s += (x - mean[i]) * proj[k][i]
			}
			red[k] = s
		}
		var w float64
		switch {
		case sif == 0:
			w = 1
		case r.kind == "piece":
			w = sif / (sif + math.Exp(r.spoken/1e6))
		default:
			w = sif / (sif + prob(r))
		}
		var maxAbs float64
		for _, x := range red {
			maxAbs = max(maxAbs, math.Abs(x))
		}
		scale := 0.0
		if maxAbs > 0 {
			scale = maxAbs / 127
		}
		buf = le.AppendUint32(buf, math.Float32bits(float32(scale*w)))
		for _, x := range red {
			q := 0.0
			if scale > 0 {
				q = math.Round(x / scale)
			}
			buf = append(buf, byte(int8(q)))
		}
	}
	for _, r := range words {
		buf = append(append(buf, r.key...), 0)
	}
	for _, s := range stemKeys {
		buf = append(append(buf, s...), 0)
	}
	for _, r := range pieces {
		buf = append(append(buf, r.key...), 0)
	}
	for _, s := range stemKeys {
		buf = le.AppendUint32(buf, uint32(stems[s]))
	}
	for _, r := range pieces {
		buf = le.AppendUint32(buf, math.Float32bits(float32(r.spoken/1e6)))
	}
	sum := sha256.Sum256(buf)
	if err := os.WriteFile(filepath.Join(out, "table.bin"), buf, 0o644); err != nil {
		return fmt.Errorf("write table: %w", err)
	}
	if err := os.WriteFile(filepath.Join(out, "table.sha256"), []byte(hex.EncodeToString(sum[:])+"\n"), 0o644); err != nil {
		return fmt.Errorf("write checksum: %w", err)
	}
	slog.Info("wrote table", "words", len(words), "stems", len(stemKeys), "pieces", len(pieces), "bytes", len(buf))
	return nil
}

// stemRows maps the stem of every word of the record and of the table that
// is not itself a table word to the row of the most frequent table word
// with that stem, so inflections the table lacks still find a vector.
func stemRows(words []*row) map[string]int {
	index := map[string]int{}
	best := map[string]float64{}
	for i, r := range words {
		s := text.Stem(r.key)
		f := r.rec + r.spoken*1e-3
		if _, ok := index[s]; !ok || f > best[s] {
			index[s], best[s] = i, f
		}
	}
	isWord := map[string]bool{}
	for _, r := range words {
		isWord[r.key] = true
	}
	for s := range index {
		if isWord[s] {
			delete(index, s)
		}
	}
	return index
}

func readTeacher(prefix string) ([]*row, error) {
	kf, err := os.Open(prefix + ".keys.tsv")
	if err != nil {
		return nil, fmt.Errorf("read teacher keys: %w", err)
	}
	defer kf.Close()
	vf, err := os.Open(prefix + ".f32")
	if err != nil {
		return nil, fmt.Errorf("read teacher vectors: %w", err)
	}
	defer vf.Close()
	vr := bufio.NewReaderSize(vf, 1<<20)
	var rows []*row
	sc := bufio.NewScanner(kf)
	raw := make([]byte, teacherDim*4)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 4 {
			return nil, fmt.Errorf("teacher keys: bad line %q", sc.Text())
		}
		rec, _ := strconv.ParseFloat(f[2], 64)
		spoken, _ := strconv.ParseFloat(f[3], 64)
		if _, err := io.ReadFull(vr, raw); err != nil {
			return nil, fmt.Errorf("teacher vectors: fewer than keys: %w", err)
		}
		v := make([]float64, teacherDim)
		for i := range v {
			v[i] = float64(math.Float32frombits(binary.LittleEndian.Uint32(raw[i*4:])))
		}
		rows = append(rows, &row{kind: f[0], key: f[1], rec: rec, spoken: spoken, vec: v})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("teacher keys: %w", err)
	}
	return rows, nil
}

func normalize(v []float64) {
	var s float64
	for _, x := range v {
		s += x * x
	}
	if s == 0 {
		return
	}
	s = 1 / math.Sqrt(s)
	for i := range v {
		v[i] *= s
	}
}

func meanOf(rows []*row) []float64 {
	m := make([]float64, teacherDim)
	for _, r := range rows {
		for i, x := range r.vec {
			m[i] += x
		}
	}
	for i := range m {
		m[i] /= float64(len(rows))
	}
	return m
}

// pca returns the top k principal directions of the rows (eigenvectors of
// their covariance, by cyclic Jacobi rotations, largest eigenvalue first,
// each with its largest component positive so the result is
// deterministic) and the share of variance they explain.
func pca(rows []*row, k int) ([][]float64, float64) {
	n := teacherDim
	mean := meanOf(rows)
	a := make([][]float64, n)
	for i := range a {
		a[i] = make([]float64, n)
	}
	c := make([]float64, n)
	for _, r := range rows {
		for i, x := range r.vec {
			c[i] = x - mean[i]
		}
		for i := 0; i < n; i++ {
			ci := c[i]
			ai := a[i]
			for j := i; j < n; j++ {
				ai[j] += ci * c[j]
			}
		}
	}
	for i := 0; i < n; i++ {
		for j := i; j < n; j++ {
			a[i][j] /= float64(len(rows))
			a[j][i] = a[i][j]
		}
	}
	vals, vecs := jacobi(a)
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(x, y int) int { return cmp.Compare(vals[y], vals[x]) })
	var total, kept float64
	for _, v := range vals {
		total += v
	}
	out := make([][]float64, k)
	for j, o := range order[:k] {
		kept += vals[o]
		v := make([]float64, n)
		big := 0.0
		for i := range v {
			v[i] = vecs[i][o]
			if math.Abs(v[i]) > math.Abs(big) {
				big = v[i]
			}
		}
		if big < 0 {
			for i := range v {
				v[i] = -v[i]
			}
		}
		out[j] = v
	}
	return out, kept / total
}

// jacobi diagonalises the symmetric matrix a in place and returns its
// eigenvalues and the matrix whose columns are the eigenvectors.
func jacobi(a [][]float64) ([]float64, [][]float64) {
	n := len(a)
	v := make([][]float64, n)
	for i := range v {
		v[i] = make([]float64, n)
		v[i][i] = 1
	}
	for sweep := 0; sweep < 50; sweep++ {
		var off float64
		for p := 0; p < n; p++ {
			for q := p + 1; q < n; q++ {
				off += a[p][q] * a[p][q]
			}
		}
		if off < 1e-22 {
			break
		}
		for p := 0; p < n; p++ {
			for q := p + 1; q < n; q++ {
				if math.Abs(a[p][q]) < 1e-300 {
					continue
				}
				theta := (a[q][q] - a[p][p]) / (2 * a[p][q])
				t := 1 / (math.Abs(theta) + math.Sqrt(theta*theta+1))
				if theta < 0 {
					t = -t
				}
				cs := 1 / math.Sqrt(t*t+1)
				sn := t * cs
				for k := 0; k < n; k++ {
					akp, akq := a[k][p], a[k][q]
					a[k][p] = cs*akp - sn*akq
					a[k][q] = sn*akp + cs*akq
				}
				for k := 0; k < n; k++ {
					apk, aqk := a[p][k], a[q][k]
					a[p][k] = cs*apk - sn*aqk
					a[q][k] = sn*apk + cs*aqk
				}
				for k := 0; k < n; k++ {
					vkp, vkq := v[k][p], v[k][q]
					v[k][p] = cs*vkp - sn*vkq
					v[k][q] = sn*vkp + cs*vkq
				}
			}
		}
	}
	vals := make([]float64, n)
	for i := range vals {
		vals[i] = a[i][i]
	}
	return vals, v
}

// cooccur replaces each word's vector by the mean, over the record's
// sentences that use it, of the other words' teacher vectors weighted by
// weight (smooth inverse frequency), centred, with the word's own centred
// vector counted ctx.prior times. Single words are weak inputs for a
// sentence encoder (random word pairs score 0.42, "exodus"/"displaced"
// 0.36); the words a word keeps company with in the record say what it is
// about there, so "exodus" comes near "displaced" through "Karabakh",
// "refugees" and "Armenia". Pieces keep their own vector, centred.
func cooccur(words, pieces []*row, ctx contextual, weight func(*row) float64) error {
	sf, err := os.Open(ctx.sentences)
	if err != nil {
		return fmt.Errorf("read sentences: %w", err)
	}
	defer sf.Close()
	index := make(map[string]int, len(words))
	for i, r := range words {
		index[r.key] = i
	}
	mu := meanOf(words)
	// own[i] is the word's centred teacher vector; wt[i] its weight.
	own := make([][]float32, len(words))
	wt := make([]float32, len(words))
	for i, r := range words {
		own[i] = make([]float32, teacherDim)
		for k, x := range r.vec {
			own[i][k] = float32(x - mu[k])
		}
		wt[i] = float32(weight(r))
	}
	sums := make([][]float32, len(words))
	counts := make([]float64, len(words))
	sc := bufio.NewScanner(sf)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	s := make([]float32, teacherDim)
	var bag []int
	seen := map[int]bool{}
	n := 0
	for sc.Scan() {
		n++
		clear(seen)
		bag = bag[:0]
		text.EachWord(sc.Text(), func(w string) {
			if i, ok := index[w]; ok && !seen[i] {
				seen[i] = true
				bag = append(bag, i)
			}
		})
		if len(bag) < 2 {
			continue
		}
		clear(s)
		for _, i := range bag {
			w := wt[i]
			for k, x := range own[i] {
				s[k] += w * x
			}
		}
		for _, i := range bag {
			if sums[i] == nil {
				sums[i] = make([]float32, teacherDim)
			}
			w := wt[i]
			acc := sums[i]
			for k, x := range s {
				acc[k] += x - w*own[i][k]
			}
			counts[i]++
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read sentences: %w", err)
	}
	// Centre the contexts on the average context, so a word used
	// everywhere comes out short (and weighs little in a text's mean) and
	// two texts share no direction merely for being texts.
	ctxMean := make([]float64, teacherDim)
	var total float64
	for i := range words {
		for k, x := range sums[i] {
			ctxMean[k] += float64(x)
		}
		total += counts[i]
	}
	for k := range ctxMean {
		ctxMean[k] /= max(total, 1)
	}
	for i := range words {
		for k := range sums[i] {
			sums[i][k] -= float32(counts[i] * ctxMean[k])
		}
	}
	// The context sums live on another scale than a single vector: bring
	// them to unit mean length so the prior weighs what it says.
	var lenSum float64
	var withContext int
	for i := range words {
		if counts[i] == 0 {
			continue
		}
		withContext++
		var l float64
		for _, x := range sums[i] {
			l += float64(x) * float64(x)
		}
		lenSum += math.Sqrt(l) / counts[i]
	}
	scale := 1.0
	if withContext > 0 {
		scale = float64(withContext) / lenSum
	}
	for i, r := range words {
		c := counts[i]
		for k := range r.vec {
			v := ctx.prior * float64(own[i][k])
			if sums[i] != nil {
				v += scale * float64(sums[i][k])
			}
			r.vec[k] = v / (c + ctx.prior)
		}
	}
	for _, r := range pieces {
		for k := range r.vec {
			r.vec[k] -= mu[k]
		}
	}
	slog.Info("co-occurrence", "sentences", n, "words with sentences", withContext, "words", len(words))
	return nil
}

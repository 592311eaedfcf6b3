// Command tune fits the static embedder's word table to the teacher's
// passage vectors, the way Model2Vec's "tokenlearn" does: the pooled
// (weighted mean) word vectors of a passage should point where the
// teacher's vector of the whole passage points. Step 4 of the distillation
// described in ../README.md.
//
// It reads the table written by pack (-table), and JSON lines of passages
// with their teacher vectors (-teacher: {"t": text, "v": [512 floats]}, as
// the teacher server of ../README.md dumps them while readout indexes
// through it). The teacher vectors are centred and reduced to the table's
// dimension by PCA; the table is rotated onto that basis (orthogonal
// Procrustes, which keeps its cosines); then every row a passage uses is
// refit by ridge least squares,
//
//	min ‖A·E − Y‖² + λ‖E − E₀‖²,
//
// where row p of A holds passage p's pooling weights, Y the teacher's
// reduced vectors (scaled to the pooled vectors' norms: only directions
// are fitted) and E₀ the rotated table, solved by conjugate gradients.
// Rows no passage uses stay as they were (rotated). Passages of the
// documents under -exclude are left out, so the documents a measurement
// asks about are never fitted. Deterministic: the same inputs give the
// same bytes.
//
//	go run ./tools/distil/tune -table /tmp/packed/table.bin -teacher /tmp/teacher-passages.jsonl \
//	    -exclude /tmp/dev-cited -out retrieval/static
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"hash/fnv"
	"io/fs"
	"log/slog"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"gonum.org/v1/gonum/mat"

	"github.com/readout/readout/retrieval/static"
)

func main() {
	tablePath := flag.String("table", "", "the table to start from (pack's table.bin)")
	teacher := flag.String("teacher", "", "comma-separated JSON-lines files of {\"t\": passage, \"v\": teacher vector}")
	exclude := flag.String("exclude", "", "comma-separated files or folders of documents whose passages are not fitted")
	lambda := flag.Float64("lambda", 1e-3, "ridge weight pulling each row towards the starting table")
	iters := flag.Int("iters", 60, "conjugate-gradient iterations")
	holdout := flag.Float64("holdout", 0, "share of passages kept out of the fit to report its effect on (0: fit all)")
	out := flag.String("out", "", "folder to write table.bin and table.sha256 into (empty: report only)")
	flag.Parse()
	if err := run(*tablePath, split(*teacher), split(*exclude), *lambda, *iters, *holdout, *out); err != nil {
		slog.Error("tune", "err", err)
		os.Exit(1)
	}
}

func split(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

// passage is one teacher passage: its pooling weights over table rows and
// its teacher vector.
type passage struct {
	text    string
	rows    []int32
	weights []float64
	teacher []float64
}

func run(tablePath string, teacherFiles, excludes []string, lambda float64, iters int, holdout float64, out string) error {
	if tablePath == "" || len(teacherFiles) == 0 {
		return fmt.Errorf("give -table and -teacher (see tools/distil/README.md)")
	}
	raw, err := os.ReadFile(tablePath)
	if err != nil {
		return fmt.Errorf("read table: %w", err)
	}
	tb, err := static.Decode(raw)
	if err != nil {
		return err
	}
	excluded, err := readExcluded(excludes)
	if err != nil {
		return err
	}
	ps, err := readPassages(teacherFiles, tb, excluded)
	if err != nil {
		return err
	}
	var fit, held []*passage
	for _, p := range ps {
		if holdout > 0 && unit(p.text) < holdout {
			held = append(held, p)
		} else {
			fit = append(fit, p)
		}
	}
	slog.Info("passages", "fit", len(fit), "held out", len(held), "excluded documents", len(excluded))
	dim, nrows := tb.Dim(), tb.Rows()

	// The teacher's basis: centre, then the top dim principal components.
	tdim := len(ps[0].teacher)
	mean := make([]float64, tdim)
	for _, p := range fit {
		for i, x := range p.teacher {
			mean[i] += x / float64(len(fit))
		}
	}
	cov := mat.NewSymDense(tdim, nil)
	c := make([]float64, tdim)
	for _, p := range fit {
		for i := range c {
			c[i] = p.teacher[i] - mean[i]
		}
		cov.SymRankOne(cov, 1/float64(len(fit)), mat.NewVecDense(tdim, c))
	}
	var eig mat.EigenSym
	if !eig.Factorize(cov, true) {
		return fmt.Errorf("teacher covariance: eigen decomposition failed")
	}
	var vecs mat.Dense
	eig.VectorsTo(&vecs)
	vals := eig.Values(nil)
	// EigenSym orders values ascending: the last dim columns are the top.
	proj := vecs.Slice(0, tdim, tdim-dim, tdim)
	var kept, total float64
	for i, v := range vals {
		total += v
		if i >= tdim-dim {
			kept += v
		}
	}
	slog.Info("teacher pca", "dim", dim, "explained", fmt.Sprintf("%.3f", kept/total))
	reduce := func(p *passage) []float64 {
		for i := range c {
			c[i] = p.teacher[i] - mean[i]
		}
		var y mat.VecDense
		y.MulVec(proj.T(), mat.NewVecDense(tdim, c))
		return slices.Clone(y.RawVector().Data)
	}

	// The starting table, and the rotation that best aligns its pooled
	// passages with the teacher's.
	e0 := make([]float64, nrows*dim)
	row := make([]float32, dim)
	for r := 0; r < nrows; r++ {
		tb.Row(int32(r), row)
		for i, x := range row {
			e0[r*dim+i] = float64(x)
		}
	}
	pool := func(e []float64, p *passage, dst []float64) {
		clear(dst)
		for j, r := range p.rows {
			w := p.weights[j]
			for i, x := range e[int(r)*dim : int(r+1)*dim] {
				dst[i] += w * x
			}
		}
	}
	ys := make([][]float64, len(ps))
	index := map[*passage]int{}
	for i, p := range ps {
		ys[i], index[p] = reduce(p), i
	}
	cross := mat.NewDense(dim, dim, nil)
	x := make([]float64, dim)
	for _, p := range fit {
		pool(e0, p, x)
		xn, yn := unitCopy(x), unitCopy(ys[index[p]])
		cross.RankOne(cross, 1, mat.NewVecDense(dim, xn), mat.NewVecDense(dim, yn))
	}
	var svd mat.SVD
	if !svd.Factorize(cross, mat.SVDFull) {
		return fmt.Errorf("procrustes: SVD failed")
	}
	var u, v, rot mat.Dense
	svd.UTo(&u)
	svd.VTo(&v)
	rot.Mul(&u, v.T())
	var rotated mat.Dense
	rotated.Mul(mat.NewDense(nrows, dim, e0), &rot)
	start := rotated.RawMatrix().Data
	report := func(label string, e []float64) {
		for _, set := range []struct {
			name string
			ps   []*passage
		}{{"fit", fit}, {"held out", held}} {
			if len(set.ps) == 0 {
				continue
			}
			var s float64
			for _, p := range set.ps {
				pool(e, p, x)
				s += cosine(x, ys[index[p]])
			}
			slog.Info("mean cosine to the teacher", "table", label, "passages", set.name, "cosine", fmt.Sprintf("%.4f", s/float64(len(set.ps))))
		}
	}
	report("start (rotated)", start)

	// Targets: the teacher's direction at the pooled vector's length.
	targets := make([][]float64, len(fit))
	for i, p := range fit {
		pool(start, p, x)
		n := norm(x)
		targets[i] = unitCopy(ys[index[p]])
		for k := range targets[i] {
			targets[i][k] *= n
		}
	}
	tuned, err := solve(start, fit, targets, dim, lambda, iters)
	if err != nil {
		return err
	}
	report("tuned", tuned)
	if out == "" {
		return nil
	}
	rows := make([]float32, len(tuned))
	for i, x := range tuned {
		rows[i] = float32(x)
	}
	b, sum, err := tb.WithRows(rows)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "table.bin"), b, 0o644); err != nil {
		return fmt.Errorf("write table: %w", err)
	}
	if err := os.WriteFile(filepath.Join(out, "table.sha256"), []byte(sum+"\n"), 0o644); err != nil {
		return fmt.Errorf("write checksum: %w", err)
	}
	slog.Info("wrote table", "bytes", len(b))
	return nil
}

// solve minimises ‖A·E − T‖² + λ‖E − start‖² over the rows the passages
// use, every column at once by conjugate gradients on the normal equations
// (AᵀA + λI)·E = Aᵀ·T + λ·start.
func solve(start []float64, ps []*passage, targets [][]float64, dim int, lambda float64, iters int) ([]float64, error) {
	// Local numbering of the rows in use.
	local := map[int32]int{}
	var used []int32
	for _, p := range ps {
		for _, r := range p.rows {
			if _, ok := local[r]; !ok {
				local[r] = len(used)
				used = append(used, r)
			}
		}
	}
	n := len(used)
	lrows := make([][]int, len(ps))
	for i, p := range ps {
		lrows[i] = make([]int, len(p.rows))
		for j, r := range p.rows {
			lrows[i][j] = local[r]
		}
	}
	op := func(in, out []float64) { // out = (AᵀA + λI)·in
		z := make([]float64, dim)
		for k := range out {
			out[k] = lambda * in[k]
		}
		for i, p := range ps {
			clear(z)
			for j, r := range lrows[i] {
				w := p.weights[j]
				for k, x := range in[r*dim : (r+1)*dim] {
					z[k] += w * x
				}
			}
			for j, r := range lrows[i] {
				w := p.weights[j]
				o := out[r*dim : (r+1)*dim]
				for k, x := range z {
					o[k] += w * x
				}
			}
		}
	}
	e := make([]float64, n*dim)
	b := make([]float64, n*dim)
	for l, r := range used {
		copy(e[l*dim:(l+1)*dim], start[int(r)*dim:int(r+1)*dim])
		for k := 0; k < dim; k++ {
			b[l*dim+k] = lambda * start[int(r)*dim+k]
		}
	}
	for i, p := range ps {
		for j, r := range lrows[i] {
			w := p.weights[j]
			for k, x := range targets[i] {
				b[r*dim+k] += w * x
			}
		}
	}
	res := make([]float64, n*dim)
	op(e, res)
	for k := range res {
		res[k] = b[k] - res[k]
	}
	dir := slices.Clone(res)
	adir := make([]float64, n*dim)
	colDot := func(a, c []float64) []float64 {
		s := make([]float64, dim)
		for l := 0; l < n; l++ {
			for k := 0; k < dim; k++ {
				s[k] += a[l*dim+k] * c[l*dim+k]
			}
		}
		return s
	}
	rs := colDot(res, res)
	first := sum(rs)
	for it := 0; it < iters; it++ {
		op(dir, adir)
		pap := colDot(dir, adir)
		alpha := make([]float64, dim)
		for k := range alpha {
			if pap[k] > 0 {
				alpha[k] = rs[k] / pap[k]
			}
		}
		for l := 0; l < n; l++ {
			for k := 0; k < dim; k++ {
				e[l*dim+k] += alpha[k] * dir[l*dim+k]
				res[l*dim+k] -= alpha[k] * adir[l*dim+k]
			}
		}
		next := colDot(res, res)
		for l := 0; l < n; l++ {
			for k := 0; k < dim; k++ {
				beta := 0.0
				if rs[k] > 0 {
					beta = next[k] / rs[k]
				}
				dir[l*dim+k] = res[l*dim+k] + beta*dir[l*dim+k]
			}
		}
		rs = next
		if (it+1)%20 == 0 {
			slog.Info("conjugate gradients", "iteration", it+1, "residual", fmt.Sprintf("%.3g", math.Sqrt(sum(rs)/first)))
		}
	}
	tuned := slices.Clone(start)
	for l, r := range used {
		copy(tuned[int(r)*dim:int(r+1)*dim], e[l*dim:(l+1)*dim])
	}
	for _, x := range tuned {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return nil, fmt.Errorf("conjugate gradients diverged: raise -lambda")
		}
	}
	slog.Info("rows refit", "rows", n)
	return tuned, nil
}

// readPassages reads the teacher's passages, drops repeats, those with no
// word the table places and those found in an excluded document, and
// orders them by text so the result does not depend on the order the
// teacher saw them in.
func readPassages(files []string, tb *static.Table, excluded []string) ([]*passage, error) {
	byText := map[string]*passage{}
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			return nil, fmt.Errorf("read teacher passages: %w", err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		for sc.Scan() {
			var line struct {
				T string    `json:"t"`
				V []float64 `json:"v"`
			}
			if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
				continue // a line cut short when the server stopped
			}
			if _, ok := byText[line.T]; ok || len(line.V) == 0 {
				continue
			}
			byText[line.T] = &passage{text: line.T, teacher: line.V}
		}
		err = sc.Err()
		fh.Close()
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", f, err)
		}
	}
	var ps []*passage
	for _, p := range byText {
		if inAny(p.text, excluded) {
			continue
		}
		weights := map[int32]float64{}
		var total float64
		tb.EachRow(p.text, func(r int32, w float32) {
			weights[r] += float64(w)
			total += float64(w)
		})
		if total == 0 {
			continue
		}
		for r := range weights {
			p.rows = append(p.rows, r)
		}
		slices.Sort(p.rows)
		for _, r := range p.rows {
			p.weights = append(p.weights, weights[r]/total)
		}
		ps = append(ps, p)
	}
	if len(ps) == 0 {
		return nil, fmt.Errorf("no teacher passages to fit")
	}
	slices.SortFunc(ps, func(a, b *passage) int { return strings.Compare(a.text, b.text) })
	return ps, nil
}

// readExcluded returns the texts of the documents under the given files
// and folders, spaces collapsed.
func readExcluded(paths []string) ([]string, error) {
	var docs []string
	for _, root := range paths {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			docs = append(docs, strings.Join(strings.Fields(string(b)), " "))
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("read excluded documents: %w", err)
		}
	}
	return docs, nil
}

// inAny reports whether a passage is part of one of the documents: the
// first 200 characters (spaces collapsed) after its heading line (the
// document's title, which the indexer puts first) occur in it.
func inAny(text string, docs []string) bool {
	if _, body, ok := strings.Cut(text, "\n"); ok && strings.TrimSpace(body) != "" {
		text = body
	}
	t := strings.Join(strings.Fields(text), " ")
	if len(t) > 200 {
		t = t[:200]
	}
	for _, d := range docs {
		if strings.Contains(d, t) {
			return true
		}
	}
	return false
}

// unit maps a text to [0,1) deterministically (the hold-out split).
func unit(s string) float64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return float64(h.Sum64()>>11) / (1 << 53)
}

func norm(v []float64) float64 {
	var s float64
	for _, x := range v {
		s += x * x
	}
	return math.Sqrt(s)
}

func unitCopy(v []float64) []float64 {
	out := slices.Clone(v)
	if n := norm(out); n > 0 {
		for i := range out {
			out[i] /= n
		}
	}
	return out
}

func cosine(a, b []float64) float64 {
	na, nb := norm(a), norm(b)
	if na == 0 || nb == 0 {
		return 0
	}
	var s float64
	for i := range a {
		s += a[i] * b[i]
	}
	return s / (na * nb)
}

func sum(v []float64) float64 {
	var s float64
	for _, x := range v {
		s += x
	}
	return s
}

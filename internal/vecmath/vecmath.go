// Package vecmath holds the small vector arithmetic the embedders share. It
// is a leaf: it knows nothing of readout's other packages, so the retrieval
// package and the embedders beneath it can all import it.
package vecmath

import "math"

// Normalize scales v to unit length in place; a zero vector is left alone.
func Normalize(v []float32) {
	var s float64
	for _, x := range v {
		s += float64(x) * float64(x)
	}
	if s == 0 {
		return
	}
	inv := float32(1 / math.Sqrt(s))
	for i := range v {
		v[i] *= inv
	}
}

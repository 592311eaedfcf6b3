package vecmath

import (
	"context"
	"errors"
	"math"
	"strings"
	"testing"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		name string
		in   []float32
		want []float32
	}{
		{"scaled to unit length", []float32{3, 4}, []float32{0.6, 0.8}},
		{"negative components keep their sign", []float32{0, -2}, []float32{0, -1}},
		{"zero vector left alone", []float32{0, 0, 0}, []float32{0, 0, 0}},
		{"empty vector left alone", []float32{}, []float32{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v := append([]float32(nil), tc.in...)
			Normalize(v)
			for i := range v {
				if math.Abs(float64(v[i]-tc.want[i])) > 1e-6 {
					t.Fatalf("Normalize(%v) = %v, want %v", tc.in, v, tc.want)
				}
			}
		})
	}
}

// TestEmbedBatch: every text's vector is written by a worker into its own
// row, in the texts' order, on one goroutine or many; an ended context
// stops the batch with its error.
func TestEmbedBatch(t *testing.T) {
	for _, n := range []int{0, 3, 200} {
		texts := make([]string, n)
		for i := range texts {
			texts[i] = strings.Repeat("x", i)
		}
		out, err := EmbedBatch(context.Background(), texts, 2, func() func(string, []float32) {
			return func(s string, v []float32) { v[0], v[1] = float32(len(s)), 1 }
		})
		if err != nil || len(out) != n {
			t.Fatalf("n=%d: %d vectors, %v", n, len(out), err)
		}
		for i, v := range out {
			if len(v) != 2 || v[0] != float32(i) || v[1] != 1 {
				t.Fatalf("n=%d: vector %d is %v", n, i, v)
			}
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := EmbedBatch(ctx, make([]string, 200), 2, func() func(string, []float32) {
		return func(string, []float32) {}
	}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled batch: %v, want context.Canceled", err)
	}
}

package vecmath

import (
	"math"
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

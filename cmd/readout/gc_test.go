package main

import (
	"runtime/debug"
	"testing"
)

// TestOneShotGCRaisesAndRestores: a one-shot command runs with the
// garbage collector's target at oneShotGCPercent unless it is higher or
// off, and the target is back as it was afterwards.
func TestOneShotGCRaisesAndRestores(t *testing.T) {
	orig := debug.SetGCPercent(100)
	defer debug.SetGCPercent(orig)
	for _, tc := range []struct{ before, during int }{
		{100, oneShotGCPercent},
		{25, oneShotGCPercent},
		{2 * oneShotGCPercent, 2 * oneShotGCPercent},
		{-1, -1},
	} {
		debug.SetGCPercent(tc.before)
		restore := oneShotGC()
		during := debug.SetGCPercent(0)
		debug.SetGCPercent(during)
		restore()
		after := debug.SetGCPercent(100)
		if during != tc.during || after != tc.before {
			t.Errorf("GOGC %d: %d during a one-shot command, %d after", tc.before, during, after)
		}
	}
}

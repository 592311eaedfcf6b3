package vecmath

import (
	"context"
	"runtime"
	"sync"
)

// EmbedBatch gives each text a dim-long vector, all in one backing array,
// written by the function newWorker returns (one per goroutine, so a worker
// may keep scratch state). Small batches run on the calling goroutine;
// larger ones on every core. It stops with ctx's error when ctx ends.
func EmbedBatch(ctx context.Context, texts []string, dim int, newWorker func() func(text string, v []float32)) ([][]float32, error) {
	out := make([][]float32, len(texts))
	// One backing array for the batch: fewer allocations, better locality.
	backing := make([]float32, len(texts)*dim)
	for i := range out {
		out[i] = backing[i*dim : (i+1)*dim : (i+1)*dim]
	}
	workers := min(runtime.GOMAXPROCS(0), len(texts))
	if workers <= 1 || len(texts) < 8 {
		embed := newWorker()
		for i, t := range texts {
			if i%64 == 0 && ctx.Err() != nil {
				return nil, ctx.Err()
			}
			embed(t, out[i])
		}
		return out, nil
	}
	var wg sync.WaitGroup
	next := make(chan int, len(texts))
	for i := range texts {
		next <- i
	}
	close(next)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			embed := newWorker()
			for i := range next {
				if ctx.Err() != nil {
					return
				}
				embed(texts[i], out[i])
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

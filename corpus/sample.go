package corpus

import (
	"embed"
	"io/fs"
)

// SampleSource is the Source of documents loaded from Sample().
const SampleSource = "sample"

//go:embed seeds/*.txt
var seeds embed.FS

// Sample returns the bundled sample record (the five seed reports), rooted
// so that document IDs are the bare file names ("000_796cebcc88a1bf3f.txt").
// Load it with LoadFS(Sample(), SampleSource, LoadOptions{}).
func Sample() fs.FS {
	sub, err := fs.Sub(seeds, "seeds")
	if err != nil {
		// fs.Sub fails only for an invalid directory name, a constant here.
		panic("corpus: embedded sample: " + err.Error())
	}
	return sub
}

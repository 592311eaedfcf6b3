//go:build !unix

package retrieval

import "os"

// mapFile reads the whole file where memory-mapping is not available.
func mapFile(path string) ([]byte, error) { return os.ReadFile(path) }

// releasePages does nothing where the file is not mapped.
func releasePages([]byte) {}

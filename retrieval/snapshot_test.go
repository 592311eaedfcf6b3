package retrieval

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestLoadSnapshotRefusesEveryDamagedByte flips bytes all over a small
// snapshot file: the streaming loader must refuse each damaged file with
// an error (never a panic, never a half-loaded index).
func TestLoadSnapshotRefusesEveryDamagedByte(t *testing.T) {
	dir := t.TempDir()
	ix := mustOpen(t, dir, NewBuiltinEmbedder(16), IndexOptions{})
	mustSync(t, ix, exampleDocs())
	path := filepath.Join(dir, SnapshotFile)
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := loadSnapshot(context.Background(), path); err != nil {
		t.Fatalf("intact snapshot: %v", err)
	}
	bad := filepath.Join(dir, "bad.snap")
	step := max(1, len(good)/300)
	for at := 0; at < len(good); at += step {
		b := slices.Clone(good)
		b[at] ^= 0x21
		if err := os.WriteFile(bad, b, 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := loadSnapshot(context.Background(), bad); !errors.Is(err, ErrCorrupt) {
			t.Fatalf("byte %d of %d flipped: %v, want ErrCorrupt", at, len(good), err)
		}
	}
}

// TestLoadedVectorsAreTheWrittenOnes checks the direct read of the matrix
// into memory: the reopened index holds bit for bit the vectors written.
func TestLoadedVectorsAreTheWrittenOnes(t *testing.T) {
	dir := t.TempDir()
	ix := mustOpen(t, dir, NewBuiltinEmbedder(24), IndexOptions{})
	mustSync(t, ix, exampleDocs())
	want := ix.cur.Load().vectors
	re := mustOpen(t, dir, NewBuiltinEmbedder(24), IndexOptions{})
	s := re.cur.Load()
	if !slices.Equal(s.vectors, want) || len(want) == 0 {
		t.Fatalf("reloaded %d floats, wrote %d (or they differ)", len(s.vectors), len(want))
	}
	// chromem's documents alias the matrix rows rather than copying them.
	res, err := s.coll.QueryEmbedding(context.Background(), s.vector(0), 1, nil, nil)
	if err != nil || len(res) != 1 {
		t.Fatalf("query: %v", err)
	}
	if &res[0].Embedding[0] != &s.vector(int(s.chunkPos[res[0].ID]))[0] {
		t.Error("chromem holds a copy of a vector instead of the matrix row")
	}
}

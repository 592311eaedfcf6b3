package record

import (
	"context"
	"errors"
	"testing"
)

func TestAddFileRefusesDeceptiveNames(t *testing.T) {
	lib, _, _ := newLibrary(t)
	for _, name := range []string{
		"report\u202egpj.txt", // displays as "reporttxt.jpg"
		"state\u200bment.txt", // zero-width space
		"line\nbreak.txt",
		"bell\a.txt",
		"nul\x00.txt",
	} {
		_, _, err := lib.AddFile(context.Background(), name, []byte(statement), "m")
		var ie *InputError
		if !errors.As(err, &ie) {
			t.Errorf("AddFile(%q) = %v, want an InputError", name, err)
		}
	}
	if n := len(lib.DocumentIDs()); n != 0 {
		t.Fatalf("refused names changed the record: %v", lib.DocumentIDs())
	}
}

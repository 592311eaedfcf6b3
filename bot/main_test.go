package bot

import (
	"flag"
	"os"
	"testing"
)

// TestMain raises test parallelism (unless -parallel was given): each test
// spends about a second idle in discordgo's Close, which waits a fixed
// second for the server's close frame, so running more than GOMAXPROCS
// tests at once saves wall time without loading the CPU.
func TestMain(m *testing.M) {
	flag.Parse()
	set := false
	flag.Visit(func(f *flag.Flag) { set = set || f.Name == "test.parallel" })
	if !set {
		_ = flag.Set("test.parallel", "8")
	}
	os.Exit(m.Run())
}

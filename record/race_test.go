//go:build race

package record

// raceDetector is true under -race, which makes every child process
// several times slower: the crash test stops at fewer points then.
const raceDetector = true

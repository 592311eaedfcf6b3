//go:build race

package corpus

// raceDetector is true under -race, whose shadow memory multiplies a
// process's memory: memory bounds are not measured then.
const raceDetector = true

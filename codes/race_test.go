//go:build race

package codes_test

// raceEnabled makes TestAddingACode build its copy with -race too, so that the copy shares
// the compiled dependencies of the race build that runs it.
const raceEnabled = true

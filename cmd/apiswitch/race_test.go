//go:build race

package main_test

// raceEnabled builds the binary under test with -race too, so that the end-to-end tests
// check the server, not only themselves.
const raceEnabled = true

//go:build !race

package codes_test

const raceEnabled = false

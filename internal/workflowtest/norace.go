//go:build !race

package workflowtest

const raceEnabled = false

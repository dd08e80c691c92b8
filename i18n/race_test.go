//go:build race

package i18n

const raceEnabled = true

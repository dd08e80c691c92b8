// Package locales embeds the message files of API Switch, one go-i18n TOML file per
// language, so that a binary needs nothing on disk. Translators edit the .toml files beside
// this one; the README's translators' section says how.
package locales

import "embed"

// FS holds every *.toml file of this directory.
//
//go:embed *.toml
var FS embed.FS

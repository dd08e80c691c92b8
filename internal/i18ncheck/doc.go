// Package i18ncheck checks go-i18n message files against the error codes of a Go package, or
// against the message ids of a source locale: the logic of cmd/i18ncheck, the translation
// gate of API Switch.
//
// Run loads the package with golang.org/x/tools/go/packages and reads the constants of the
// code type with go/types; the checked code is never linked or run. It reads every *.toml
// file of the locale directory the way go-i18n's loader does, and reports findings, each with
// a check id, a severity and a file:line:col position. Main is the command line around Run.
//
// This package checks; package report holds what a check produces and how it is shown: the
// findings, the output formats and the baseline.
//
// # Where findings point
//
// A finding points at the line to edit. A message missing in a locale points at the end of
// the file -write-stubs appends to, with the code's declaration and the source message as
// related locations. A declaration follows //line directives, so that a constant generated
// from a table is placed at its row.
//
// # Matching messages to codes
//
// The exported constants of the code type are the codes, however they are written: literals,
// iota, constant expressions, several files, a type alias. A message matches a code by the
// code's number ("10205") or by its name. The name is what String returns, found without
// running it: the functions and variables the String method reaches are searched for a
// table that pairs each constant with a string, such as
//
//	var table = [...]entry{{AppNotFound, "APP_NOT_FOUND", http.StatusNotFound}, ...}
//	var names = map[Code]string{AppNotFound: "APP_NOT_FOUND"}
//	switch c { case AppNotFound: return "APP_NOT_FOUND" }
//
// A constant that no such table names matches both its identifier in UPPER_SNAKE_CASE
// (AppNotFound → APP_NOT_FOUND) and the identifier itself, which is what stringer's String
// returns.
//
// Without a package (Config.NoPkg, or no ./codes directory when Config.Pkg is empty), each
// message id of the source locale is a code, named by the id and defined by its message, so
// that any go-i18n bundle can be checked.
//
// # Agreeing with go-i18n
//
// The language of a file comes from its name, as go-i18n reads it (en-US.toml and
// active.en-US.toml are en-US). A table holding only go-i18n's reserved keys (description,
// hash, other, ...) is a message; a table without them is a namespace; one with both makes
// go-i18n reject the whole file, which is how a key written after a [table] shows up. The
// plural forms a language needs are found by asking go-i18n's own runtime, and templates
// are parsed with the message's delimiters, as go-i18n parses them. The stale check uses
// goi18n's hash: "sha1-" and the hex SHA-1 of the source message's description followed by
// its other text.
//
// # Stubs and baselines
//
// WriteStubs appends an entry for each missing translation, holding the source text under a
// "# i18ncheck:stub" line, and creates the file of a new language. A stub counts as missing,
// whatever it holds, until a translator deletes that line. A stale entry gets two
// "# i18ncheck:stale" lines with the new source text and hash; it stays a translation. A
// baseline (see package report) accepts known findings by fingerprint: check, locale and
// subject, never a line number.
//
// A translation without a hash can never be found stale: it is reported when any other
// translation records one, and not in bundles that record none, as go-i18n projects without
// goi18n often are.
package i18ncheck

// Package docs holds the generated error-code references, error-codes.<lang>.md, one for
// every message file in locales/. Edit codes/codes.tsv or locales/*.toml, never the Markdown,
// then run go generate ./... : it rewrites every reference, writes one for a new language and
// removes the one of a language that is gone. The test of this package fails while the files
// are stale, and checks what they say about /v1/errors against the server itself. Its tests
// also check the top-level README.md against the code: every curl command of its console
// blocks against the server, and every Go identifier it names against the packages.
//
// A language without hand-written prose in internal/docgen gets the English prose around its
// own messages; see internal/docgen's documentation.
package docs

//go:generate go run ../internal/docgen/gendocs

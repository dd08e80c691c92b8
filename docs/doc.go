// Package docs holds the generated error-code reference, error-codes.zh-CN.md and
// error-codes.en-US.md. Edit codes/codes.tsv or locales/*.toml, never the Markdown, then run
// go generate ./... ; the test of this package fails while the files are stale.
package docs

//go:generate go run ../internal/docgen/gendocs

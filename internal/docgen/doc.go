// Package docgen writes the error-code reference, docs/error-codes.<lang>.md: every code
// with its name, HTTP status and message in one language, grouped by number range as the
// original error-code document grouped them. It is run by go generate in docs/, and a test
// there fails when the files are stale.
package docgen

// Package docgen writes the error-code references, docs/error-codes.<lang>.md, one for each
// language of the message files: how to read an error body (branch on Code, progress codes,
// the gateway's 502 and 504), the /v1/errors list and its ETag caching, then every code with
// its name, HTTP status, message and the description of when it is returned, grouped by
// number range as the original error-code document grouped them.
//
// Command gendocs runs Generate for go generate in docs/, and a test there fails while the
// files are stale or a language's file is missing or left over.
//
// # Languages
//
// Every language with a message file gets a reference; adding locales/fr-FR.toml adds
// error-codes.fr-FR.md at the next go generate. The prose around the tables is written by
// hand per language (text.go): zh-CN and en-US have theirs. A language without its own
// prose gets the English prose, saying so in one line at the top, with its own messages and
// descriptions: a French front-end developer reads English instructions around French
// messages, which is better than no reference and better than machine-translated prose.
// Group headings fall back to English the same way.
//
// # Messages and descriptions
//
// The Message column shows each message as its file writes it, placeholders ({{.Name}})
// included, with the server's fallbacks for a code the language has not translated (the
// catalog's Localizer.Template). The description column is the entry's description in the
// language's file, else the default language's (translators copy it from the source), else
// empty: the catalog does not keep descriptions, so they are read with go-i18n's parser. The
// example bodies are rendered by the catalog exactly as the server renders them.
package docgen

// Package i18n is the message catalog of API Switch: it loads the translators' TOML files,
// negotiates a language from an Accept-Language header and renders the message of a code.
//
// # Loading
//
// New loads every *.toml file at the top of an fs.FS through go-i18n's Bundle, decoding TOML
// with BurntSushi/toml. The language of a file comes from its name, as in go-i18n
// (zh-CN.toml, active.en-US.toml), so adding locales/fr-FR.toml adds French with no code
// change. A file whose name is not a language tag, a file that does not parse, an empty
// file, a message whose template does not parse, an id defined twice in one language and a
// missing default language are all load errors; each is a *LoadError naming the file and,
// where the parser gives one, the line and column.
//
// # Negotiation
//
// Negotiate reads Accept-Language values by RFC 9110 §12.5.4 and RFC 4647 lookup, and
// always answers one of the catalog's languages:
//
//   - a malformed entry drops that entry only, not the whole header;
//   - q is read in either case (q=0.8, Q=0.8); other parameters are ignored;
//   - q=0 makes a language not acceptable: "zh;q=0, en" and "zh;q=0" both give en-US;
//   - "*" stands for the default language;
//   - several header lines count as one list, joined by commas;
//   - zh-TW, zh-HK and zh-Hant give zh-CN; en-GB gives en-US;
//   - a language with no acceptable match, such as fr, gives the default language;
//   - only the entries wholly inside the first 500 bytes, and at most 32 of them, are read,
//     so a 1 MiB header costs no more than a short one.
//
// Each distinct language range is matched once with golang.org/x/text's Matcher (by its
// index, never its returned tag) and remembered in a bounded cache, so that a typical
// browser header negotiates in tens of nanoseconds with no allocation and memory stays
// bounded whatever headers arrive.
//
// # Rendering
//
// Message renders the text of a code in a language. Messages are text/template templates
// executed with missingkey=error into a buffer, so a failed render never shows "<no value>"
// or half a message. The fallback chain is: the language, then the default language, then
// the code's wire name; the result is never empty. A message renders its "other" form: API
// Switch's messages have no plural forms. The OnProblem option is told about each
// missing translation and failed render once per language and code, not once per request.
//
// # Concurrency and reloading
//
// A Catalog is safe for concurrent use. Reload builds and validates a complete new catalog
// off the request path and swaps it in atomically; if the new files are bad it returns the
// error and the old catalog keeps serving. go-i18n's Bundle is never modified once built.
package i18n

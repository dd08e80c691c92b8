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
// Catalog.Localizer reads Accept-Language values by RFC 9110 §12.5.4 and RFC 4647 and
// always answers one of the catalog's languages, never 406:
//
//   - a language's weight is the q of the most specific range that matches it by basic
//     filtering: "en;q=0, en-US" gives en-US, "en-US;q=0, en" does not;
//   - q=0 makes a language not acceptable: "zh;q=0" gives en-US;
//   - when a range's best language is excluded, its next one is tried: with en-US and
//     en-GB, "en-US;q=0, en" gives en-GB;
//   - a range with unknown trailing subtags is truncated as lookup does: "en-US-xx" gives
//     en-US;
//   - a range that matches nothing that way takes x/text's equivalents: zh-TW, zh-HK and
//     zh-Hant give zh-CN, en-GB gives en-US; a Low-confidence match across languages (tlh
//     to en-US) is none;
//   - "*" is every language no other range names, with its own q;
//   - equal weights go to a named language over one "*" covers, then to the earlier range,
//     then to the range's exact language, x/text's closest and the fallback order;
//   - with nothing acceptable, the default language, or if it is excluded the first
//     language of the fallback order (see FallbackOrder) that is not;
//   - tags and q are case-insensitive, "_" reads as "-", other parameters are ignored, a
//     malformed element is dropped alone, and several header lines are one list;
//   - only elements that end within the first 500 bytes, and at most 32 of them, are
//     read, so a 1 MiB header costs no more than a short one.
//
// Catalog.LocalizerFor chooses for a single tag, as from a ?lang= parameter, what a header
// holding only that tag would.
//
// Each distinct header and language range is worked out once and kept in bounded caches
// (CLOCK eviction, no locks), so a browser header negotiates in tens of nanoseconds with
// no allocation, the headers that recur stay cached whatever else arrives, and memory
// stays bounded.
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

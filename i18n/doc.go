// Package i18n is the message catalog of API Switch: it loads the translators' TOML files,
// negotiates a language from an Accept-Language header and renders the message of a code.
//
// # Loading
//
// New loads every *.toml file at the top of an fs.FS. Each file is read by
// internal/localefile, the reader i18ncheck uses too: the TOML is decoded once with
// BurntSushi/toml, go-i18n's own parser says whether the file loads and which messages it
// holds, and every key gets a line and a column. The language of a file comes from its name,
// as in go-i18n (zh-CN.toml, active.en-US.toml), so adding locales/fr-FR.toml adds French
// with no code change. A message id is a code's wire name (APP_NOT_FOUND) or number (10205);
// other ids are logged once per load of their file and not kept, so that a catalog holds
// only what it serves.
//
// Every problem is a *LoadError with the file, the line and the column (1:1 for a problem
// with the whole file): a file larger than DefaultMaxFileSize, 8 MiB, or than the
// MaxFileSize option (refused before it is read whole), a name that is not a language tag,
// TOML that does not decode, what go-i18n refuses (a key written after a table joins that
// table), an empty file, a template messages may not use
// (at the refused action itself, its line and column inside the string, through escapes and
// the lines of a multi-line string), an id defined twice in one language, and, with
// RequireComplete, a code without a usable message. A message refused for its own error, or
// with its file, is not reported missing as well; nor is any message of a language one of
// whose files cannot be read or decoded, since which messages it has is then unknown. A
// stub, the entry "i18ncheck -write-stubs" writes under a "# i18ncheck:stub" line, is not a
// translation: it counts as missing until a translator removes the line.
//
// Each language is judged on its own, from all of its files: a language with a problem is
// refused and the others are served. New fails only when the default language cannot be
// served.
//
// # Templates
//
// A message is text with placeholders that each substitute one field of the data:
// {{.Name}}, written with the message's delimiters (leftDelim, rightDelim). Every other
// action of text/template (range, if, with, template, define, block, function calls,
// pipelines, {{.}}, fields of fields, variables, comments) is refused at load: translators'
// files are untrusted input, and with those one message could loop for seconds on every
// request or print the template data to clients. A placeholder prints a string, a number, a
// boolean or a value's String method, cut to 256 bytes and an ellipsis.
//
// A rendered message is bounded whatever a file or a request holds: a message (each plural
// form) may have at most 4 KiB of text and 16 placeholders, counting each use, and a longer
// one or one with more is refused at load like any other bad template. A message thus
// renders to at most 4,096 + 16 × 259 = 8,240 bytes, in one pass over its parts: time and
// output linear in its length. Without the limits, an 8 MiB file could hold one message with
// a million {{.A}}, and each render of it would repeat a 256-byte value a million times.
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
// stays bounded. A request without Accept-Language, as most API clients send, gets the
// language chosen for none once per catalog version.
//
// # Rendering
//
// Message renders the "other" form of a code's message in a language: API Switch's
// messages have no plural forms. When the data has no value for a placeholder (absent,
// null, empty, or an object or a list) the message is still a sentence in the requested
// language, never "<no value>", a template or the code's name: the placeholder is left out
// together with the quotes or brackets that enclose only it, a separator (: , ;) that
// introduces it, and the spaces that would double ("The app {{.Name}} was not found."
// gives "The app was not found.", "未找到应用“{{.Name}}”" gives "未找到应用"). Translators
// write messages so that they read without their placeholders; the README says how.
//
// A missing message (none, blank, or a stub) falls back to the default language, then to
// the code's wire name, so the result is never empty. Problems (a missing message, a
// placeholder rendered without data) are logged with log/slog once per language version
// and code, as are message ids that are no code and a language whose files are gone:
// OnProblem sets the function told instead, and LogTo builds one that logs elsewhere.
//
// # Concurrency and reloading
//
// A Catalog is safe for concurrent use. Reload reads the files again off the request path,
// language by language: a language whose files are good is swapped in atomically, one whose
// files are refused keeps the version it had (a language new in that load stays absent),
// and one whose files are gone keeps serving its last version until the process restarts.
// Status reports each language's version, when it was loaded, and its last refused load,
// and says Degraded while a language serves other than its files say. A Localizer keeps the
// version it was made from, so a request sees one version even while Reload runs; its
// Version and Index identify what it renders, for a cache of something per language.
package i18n

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
// with the whole file): a file larger than MaxFileSize (refused before it is read whole), a
// name that is not a language tag, TOML that does not decode, what go-i18n refuses (a key
// written after a table joins that table), an empty file, a template messages may not use,
// an id defined twice in one language, and, with RequireComplete, a code without a usable
// message. A stub, the entry "i18ncheck -write-stubs" writes under a "# i18ncheck:stub"
// line, is not a translation: it counts as missing until a translator removes the line.
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
// boolean or a value's String method, cut to 256 bytes and an ellipsis, so that a rendered
// message is bounded by its own length whatever data a request carries.
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
// and code, or given to the OnProblem function instead.
//
// # Concurrency and reloading
//
// A Catalog is safe for concurrent use. Reload reads the files again off the request path,
// language by language: a language whose files are good is swapped in atomically, one whose
// files are refused keeps the version it had (a language new in that load stays absent),
// and one whose files are gone keeps serving its last version until the process restarts.
// Status reports each language's version, when it was loaded, and its last refused load,
// and says Degraded while a language serves other than its files say. A Localizer keeps the
// version it was made from, so a request sees one version even while Reload runs.
package i18n

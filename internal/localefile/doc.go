// Package localefile reads one go-i18n TOML message file, for both the server's loader
// (package i18n) and the CI gate (i18ncheck), so that the two can never disagree on what a
// file holds.
//
// # One decoding, go-i18n's verdict
//
// Read decodes the TOML once with BurntSushi/toml, the decoder go-i18n's users register,
// and hands the decoded tree to go-i18n's own parser (i18n.ParseMessageBytes): whether the
// file loads, and which messages it holds, is go-i18n's answer, not a copy of its rules. A
// walker over the same tree then explains what go-i18n refuses without saying where (a key
// written after a table joins that table; reserved keys mixed with ids; a value that is not a
// string) and what it loads other than meant (a top-level "other"), each at its position.
//
// # Positions
//
// The TOML decoder gives the position of a syntax error only. A scanner finds the line and
// column of every key and table header in one pass over the file, so that every message,
// plural form, hash and problem has a position, in time linear in the size of the file. The
// scanner also finds the entries under a StubMarker comment: stubs, not translations. A
// template error is placed at the refused action itself (Form.ErrPos): the key's line is read
// again and the string followed through its escapes, line-ending backslashes and lines, so
// that a file without errors pays nothing for it.
//
// # Templates messages may use
//
// A message is text with substitutions of one data field each: {{.Name}}, written with the
// message's delimiters (leftDelim and rightDelim). Parse refuses every other action of
// text/template: range, if, with, template, define and block, function calls and pipelines,
// {{.}}, fields of fields, variables and comments. A translator's file is untrusted input:
// with them, one message could loop for seconds per request, print the whole template data to
// clients or hide text from review. With only substitutions, rendering is linear in the length
// of the message and of the values substituted. Parse also refuses a message longer than
// MaxMessageSize or with more than MaxPlaceholders placeholders, so that with values of a
// bounded length (the renderer's business) a rendered message is bounded too.
//
// # Size
//
// ReadFile refuses a file larger than MaxSize before reading it whole.
package localefile

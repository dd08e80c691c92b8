package report

// The check ids. They are part of the output formats, the baseline and the README: never
// rename one.
const (
	CheckMissing     = "missing"
	CheckOrphan      = "orphan"
	CheckEmpty       = "empty"
	CheckSyntax      = "syntax"
	CheckPlaceholder = "placeholder"
	CheckPlural      = "plural"
	CheckDuplicate   = "duplicate"
	CheckStale       = "stale"
	CheckFilename    = "filename"
	CheckScript      = "script"
	CheckBaseline    = "baseline"
)

// A Rule describes one check for SARIF and for -help.
type Rule struct {
	ID       string
	Severity Severity // the usual severity; some findings of the check have another
	Short    string
}

// Rules lists every check in a fixed order.
var Rules = []Rule{
	{CheckMissing, Error, "A code has no message in a locale."},
	{CheckOrphan, Warning, "A message's id is the name or number of no code."},
	{CheckEmpty, Error, "A message or plural form is empty (go-i18n loads no text) or only white space (go-i18n renders the blanks)."},
	{CheckSyntax, Error, "The file or a template does not parse, or parses into something other than intended."},
	{CheckPlaceholder, Error, "A translation's template fields differ from the source's."},
	{CheckPlural, Error, "A plural message lacks a form its language needs, or has one it never uses."},
	{CheckDuplicate, Error, "The same message twice in a locale, or the same number or name twice among the codes."},
	{CheckStale, Error, "A translation was made from another version of the source message, or records no hash to tell."},
	{CheckFilename, Error, "A locale file's name is not a language tag, or a locale has no messages."},
	{CheckScript, Warning, "A message is in the wrong script, or a translation is identical to the source."},
	{CheckBaseline, Warning, "A baseline entry matches no finding any more: remove it."},
}

// RuleIndex returns the index of id in Rules, or -1.
func RuleIndex(id string) int {
	for i, r := range Rules {
		if r.ID == id {
			return i
		}
	}
	return -1
}

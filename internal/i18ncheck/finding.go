package i18ncheck

import "github.com/apiswitch/errcode/internal/i18ncheck/report"

// The checks speak package report's vocabulary under short names.
type (
	Finding  = report.Finding
	Position = report.Position
	Severity = report.Severity
	Related  = report.Related
)

// The severities, as in package report.
const (
	Warning = report.Warning
	Error   = report.Error
)

// The check ids, as in package report.
const (
	CheckMissing     = report.CheckMissing
	CheckOrphan      = report.CheckOrphan
	CheckEmpty       = report.CheckEmpty
	CheckSyntax      = report.CheckSyntax
	CheckPlaceholder = report.CheckPlaceholder
	CheckPlural      = report.CheckPlural
	CheckDuplicate   = report.CheckDuplicate
	CheckStale       = report.CheckStale
	CheckFilename    = report.CheckFilename
	CheckScript      = report.CheckScript
	CheckBaseline    = report.CheckBaseline
)

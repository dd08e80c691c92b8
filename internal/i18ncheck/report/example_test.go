package report_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/apiswitch/errcode/internal/i18ncheck/report"
)

// A Result written as text: the findings, the coverage of each locale, the summary.
func ExampleResult_WriteText() {
	missing := report.Finding{
		Check: report.CheckMissing, Severity: report.Error, Locale: "fr-FR", Subject: "APP_NOT_FOUND",
		Pos:     report.Position{File: "locales/fr-FR.toml", Line: 40, Col: 1},
		Message: "fr-FR: no message for APP_NOT_FOUND (10205)",
		Related: []report.Related{{Pos: report.Position{File: "codes/codes.go", Line: 12, Col: 2}, Message: "AppNotFound is declared here"}},
	}
	res := &report.Result{
		Source: "zh-CN", Codes: 103, Findings: []report.Finding{missing},
		Coverage: []report.Coverage{
			{Locale: "zh-CN", Translated: 103, Total: 103, Source: true},
			{Locale: "fr-FR", Translated: 57, Total: 103},
		},
	}
	res.WriteText(os.Stdout)
	// Output:
	// locales/fr-FR.toml:40:1: error: fr-FR: no message for APP_NOT_FOUND (10205) [missing]
	//
	// zh-CN  103/103  100.0%  (source)
	// fr-FR   57/103   55.3%
	//
	// 1 error, 0 warnings
}

// A baseline accepts known findings by fingerprint, and the summary counts them.
func ExampleBaseline_Apply() {
	known := report.Finding{Check: report.CheckOrphan, Severity: report.Warning, Locale: "en-US", Subject: "OLD_CODE"}
	var file strings.Builder
	report.WriteBaseline(&file, []report.Finding{known})
	b, _ := report.ParseBaseline("i18ncheck.baseline.json", []byte(file.String()))

	res := &report.Result{Baseline: b.Path}
	res.Findings, res.Accepted = b.Apply([]report.Finding{known})
	fmt.Println(res.Summary())
	// Output:
	// 0 errors, 0 warnings; the baseline i18ncheck.baseline.json accepted 1 finding
}

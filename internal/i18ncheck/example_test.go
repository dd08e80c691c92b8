package i18ncheck_test

import (
	"fmt"
	"os"

	"github.com/apiswitch/errcode/internal/i18ncheck"
)

// Run checks a package's codes against a directory of locale files.
func ExampleRun() {
	r, err := i18ncheck.Run(i18ncheck.Config{
		Pkg:     "./testdata/fixture/codes",
		Locales: "testdata/cases/missing/locales",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range r.Findings {
		fmt.Printf("%s [%s]\n", f.Message, f.Check)
	}
	for _, c := range r.Coverage() {
		fmt.Printf("%s %d/%d\n", c.Locale, c.Translated, c.Total)
	}
	// Output:
	// en-US: no message for DISK_FULL (20001) [missing]
	// en-US: no message for VOL_NAME_IS_NULL (10309) [missing]
	// zh-CN 6/6
	// en-US 4/6
}

// Main is the whole command: flags in, findings out, an exit status back.
func ExampleMain() {
	code := i18ncheck.Main([]string{
		"-pkg", "./testdata/fixture/codes",
		"-locales", "testdata/cases/orphan/locales",
		"-fail-on", "warning",
	}, os.Stdout, os.Stderr)
	fmt.Println("exit", code)
	// Output:
	// testdata/cases/orphan/locales/en-US.toml:32:1: warning: en-US: message APP_NOT_FUOND matches no Code constant by name or number [orphan]
	// testdata/cases/orphan/locales/en-US.toml:35:1: warning: en-US: message 99999 matches no Code constant by name or number [orphan]
	//
	// zh-CN  6/6  100.0%  (source)
	// en-US  6/6  100.0%
	//
	// 0 errors, 2 warnings
	// exit 1
}

// Command i18ncheck checks the go-i18n message files of API Switch against its error codes.
// See README.md beside this file, or run it with -help.
package main

import (
	"os"

	"github.com/apiswitch/errcode/internal/i18ncheck"
)

func main() {
	os.Exit(i18ncheck.Main(os.Args[1:], os.Stdout, os.Stderr))
}

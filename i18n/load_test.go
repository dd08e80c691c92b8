package i18n

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/text/language"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/locales"
)

func file(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }

const (
	zhOK = "APP_NOT_FOUND = \"未找到应用\"\n"
	enOK = "APP_NOT_FOUND = \"The app was not found.\"\n"
)

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name     string
		fsys     fstest.MapFS
		file     string // the file the error must name
		line     int    // 0: any
		contains string
	}{
		{"broken TOML", fstest.MapFS{"zh-CN.toml": file(zhOK), "en-US.toml": file("A = \"x\"\nB = \"unterminated\n")},
			"en-US.toml", 2, ""},
		{"not a language", fstest.MapFS{"zh-CN.toml": file(zhOK), "messages.toml": file(enOK)},
			"messages.toml", 0, "not a language tag"},
		{"empty file", fstest.MapFS{"zh-CN.toml": file(zhOK), "en-US.toml": file("")},
			"en-US.toml", 0, "no messages"},
		{"comments only", fstest.MapFS{"zh-CN.toml": file(zhOK), "en-US.toml": file("# nothing yet\n")},
			"en-US.toml", 0, "no messages"},
		{"bad template", fstest.MapFS{"zh-CN.toml": file(zhOK), "en-US.toml": file("\n[APP_NOT_FOUND]\nother = \"App {{.Name\"\n")},
			"en-US.toml", 2, "APP_NOT_FOUND"},
		{"bad template with delims", fstest.MapFS{"zh-CN.toml": file(zhOK),
			"en-US.toml": file("[APP_NOT_FOUND]\nleftDelim = \"<<\"\nrightDelim = \">>\"\nother = \"App <<.Name\"\n")},
			"en-US.toml", 1, "APP_NOT_FOUND"},
		{"duplicate across files", fstest.MapFS{"zh-CN.toml": file(zhOK), "more.zh-CN.toml": file("\n" + zhOK)},
			"zh-CN.toml", 1, "already defined for zh-CN in more.zh-CN.toml"},
		{"reserved keys mixed with ids", fstest.MapFS{"zh-CN.toml": file(zhOK), "en-US.toml": file("[APP_NOT_FOUND]\nother = \"x\"\nAPP_KILL_ERROR = \"y\"\n")},
			"en-US.toml", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(tt.fsys)
			if err == nil {
				t.Fatal("New succeeded, want an error")
			}
			var le *LoadError
			if !errors.As(err, &le) {
				t.Fatalf("error %v is not a *LoadError", err)
			}
			if le.File != tt.file {
				t.Errorf("LoadError.File = %q, want %q (%v)", le.File, tt.file, err)
			}
			if tt.line != 0 && le.Line != tt.line {
				t.Errorf("LoadError.Line = %d, want %d (%v)", le.Line, tt.line, err)
			}
			if !strings.Contains(err.Error(), tt.contains) || !strings.Contains(err.Error(), tt.file) {
				t.Errorf("error %q does not name %q and %q", err, tt.file, tt.contains)
			}
		})
	}
}

func TestLoadErrorPosition(t *testing.T) {
	_, err := New(fstest.MapFS{"zh-CN.toml": file("A = \"x\"\nB = = \"y\"\n")})
	var le *LoadError
	if !errors.As(err, &le) || le.Line != 2 || le.Col == 0 {
		t.Fatalf("error = %v, want a LoadError at line 2 with a column", err)
	}
	if !strings.HasPrefix(err.Error(), "zh-CN.toml:2:") {
		t.Errorf("Error() = %q, want it to start with file:line:", err)
	}
}

func TestLoadReportsEveryBrokenFile(t *testing.T) {
	_, err := New(fstest.MapFS{"zh-CN.toml": file("A = \n"), "en-US.toml": file("B = \n")})
	for _, name := range []string{"zh-CN.toml", "en-US.toml"} {
		if err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("error %v does not name %s", err, name)
		}
	}
}

func TestLoadSetErrors(t *testing.T) {
	tests := map[string]fstest.MapFS{
		"no files":            {},
		"no default language": {"en-US.toml": file(enOK)},
		"directory ignored":   {"sub/zh-CN.toml": file(zhOK)},
	}
	for name, fsys := range tests {
		if _, err := New(fsys); err == nil {
			t.Errorf("%s: New succeeded, want an error", name)
		}
	}
}

func TestRequireComplete(t *testing.T) {
	fsys := fstest.MapFS{"zh-CN.toml": file(zhOK), "en-US.toml": file(enOK)}
	if _, err := New(fsys); err != nil {
		t.Fatalf("New without RequireComplete: %v", err)
	}
	_, err := New(fsys, RequireComplete())
	if err == nil {
		t.Fatal("New with RequireComplete accepted files with 102 codes missing")
	}
	if !strings.Contains(err.Error(), "en-US: APP_KILL_ERROR (10209) has no message") {
		t.Errorf("error does not name a missing message: %.300s", err)
	}
	if _, err := New(locales.FS, RequireComplete()); err != nil {
		t.Errorf("the embedded locales are incomplete: %v", err)
	}
}

func TestNewLanguageFromFileName(t *testing.T) {
	fsys := fstest.MapFS{
		"zh-CN.toml":        file(zhOK),
		"active.fr-FR.toml": file("APP_NOT_FOUND = \"L'application est introuvable.\"\n"),
	}
	c, err := New(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Message(language.Make("fr-FR"), codes.AppNotFound, nil); got != "L'application est introuvable." {
		t.Errorf("fr-FR message = %q", got)
	}
}

func TestDefaultLanguageOption(t *testing.T) {
	fsys := fstest.MapFS{"zh-CN.toml": file(zhOK), "en-US.toml": file(enOK)}
	c, err := New(fsys, DefaultLanguage("en-US"))
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Negotiate("fr").String(); got != "en-US" {
		t.Errorf("Negotiate(fr) = %s, want the configured default en-US", got)
	}
	if got := c.Languages()[0].String(); got != "en-US" {
		t.Errorf("Languages()[0] = %s, want en-US", got)
	}
}

func TestVersion(t *testing.T) {
	a, _ := New(fstest.MapFS{"zh-CN.toml": file(zhOK)})
	b, _ := New(fstest.MapFS{"zh-CN.toml": file(zhOK)})
	c, _ := New(fstest.MapFS{"zh-CN.toml": file("APP_NOT_FOUND = \"应用不存在\"\n")})
	if a.Version() == "" || a.Version() != b.Version() {
		t.Errorf("same files, versions %q and %q", a.Version(), b.Version())
	}
	if a.Version() == c.Version() {
		t.Error("different files, same version")
	}
}

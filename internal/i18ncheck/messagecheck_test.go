package i18ncheck

import (
	"errors"
	"strings"
	"testing"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// TestEmptyAgreesWithGoI18n runs go-i18n on the messages the empty check reports, so that
// what its findings say go-i18n does is what go-i18n does.
func TestEmptyAgreesWithGoI18n(t *testing.T) {
	tests := []struct {
		name     string
		forms    map[string]string // as the German file writes them
		count    any               // PluralCount, or nil
		render   string            // what go-i18n renders in German
		notFound bool              // go-i18n reports the message as not found and renders English
		fails    bool              // go-i18n returns another error
		says     string            // what the empty check says
	}{
		{"empty", map[string]string{"other": ""}, nil, "Hello", true, false, "reports it as not found"},
		{"blank", map[string]string{"other": "  "}, nil, "  ", false, false, "renders the white space as it is"},
		{"empty one", map[string]string{"one": "", "other": "{{.PluralCount}} Dateien"}, 1, "1 Dateien", false, true, `renders "other" instead`},
		{"empty other", map[string]string{"one": "Eine Datei", "other": ""}, 2, "", false, true, `fails for every count that selects "other"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := i18n.NewBundle(language.English)
			b.MustAddMessages(language.English, &i18n.Message{ID: "m", Other: "Hello"})
			b.MustAddMessages(language.German, &i18n.Message{ID: "m", One: tt.forms["one"], Other: tt.forms["other"]})
			got, err := i18n.NewLocalizer(b, "de").Localize(&i18n.LocalizeConfig{MessageID: "m", PluralCount: tt.count})
			var nf *i18n.MessageNotFoundErr
			if got != tt.render || errors.As(err, &nf) != tt.notFound || (err != nil && !tt.notFound) != tt.fails {
				t.Fatalf("go-i18n renders %q, %v; want %q, not found %v, other error %v", got, err, tt.render, tt.notFound, tt.fails)
			}
			m := &Message{ID: "m", Forms: tt.forms, FormPos: map[string]Position{}}
			mc := &messageCheck{r: &Report{}, l: &Locale{Tag: "de"}, c: &Code{Name: "m"}, m: m}
			mc.empty()
			if len(mc.out) != 1 || !strings.Contains(mc.out[0].Message, tt.says) {
				t.Errorf("the empty check says %v, want one finding that %s", mc.out, tt.says)
			}
		})
	}
}

// TestExtraPlaceholderAgreesWithGoI18n checks what the placeholder finding and the README
// say go-i18n does with a placeholder the source does not pass: it prints "<no value>".
// (What API Switch's catalog does instead, leave it out, is ExampleLocalizer_Message in
// package i18n.)
func TestExtraPlaceholderAgreesWithGoI18n(t *testing.T) {
	b := i18n.NewBundle(language.English)
	b.MustAddMessages(language.English, &i18n.Message{ID: "APP_NOT_FOUND", Other: "The app {{.AppName}} was not found."})
	got, err := i18n.NewLocalizer(b, "en").Localize(&i18n.LocalizeConfig{
		MessageID:    "APP_NOT_FOUND",
		TemplateData: map[string]any{"Name": "web"}, // what the source's {{.Name}} is passed
	})
	if err != nil || got != "The app <no value> was not found." {
		t.Errorf("go-i18n renders %q, %v; the placeholder finding says it prints <no value>", got, err)
	}
	mc := &messageCheck{r: &Report{}, l: &Locale{Tag: "en-US"}, c: &Code{Name: "APP_NOT_FOUND"},
		m: &Message{ID: "APP_NOT_FOUND"}, src: &Message{fields: []string{".Name"}}}
	mc.placeholders([]string{".AppName"})
	if len(mc.out) == 0 || !strings.Contains(mc.out[len(mc.out)-1].Message, `go-i18n would render "<no value>"`) {
		t.Errorf("the placeholder finding = %+v, want it to say go-i18n renders <no value>", mc.out)
	}
}

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

package i18ncheck

import (
	"slices"
	"testing"

	"golang.org/x/text/language"
)

func TestPluralCategories(t *testing.T) {
	tests := []struct {
		tag  string
		want []string
	}{
		{"zh-CN", []string{"other"}},
		{"ja", []string{"other"}},
		{"en-US", []string{"one", "other"}},
		{"fr", []string{"one", "many", "other"}},
		{"ru", []string{"one", "few", "many", "other"}},
		{"ar", []string{"zero", "one", "two", "few", "many", "other"}},
		{"pl", []string{"one", "few", "many", "other"}},
		{"cy", []string{"zero", "one", "two", "few", "many", "other"}},
	}
	for _, tt := range tests {
		t.Run(tt.tag, func(t *testing.T) {
			forms, ok := pluralCategories(language.MustParse(tt.tag))
			if got := formList(forms); !ok || !slices.Equal(got, tt.want) {
				t.Errorf("pluralCategories(%s) = %v, %v; want %v, true", tt.tag, got, ok, tt.want)
			}
		})
	}
}

func TestPluralCategoriesUnknownLanguage(t *testing.T) {
	if forms, ok := pluralCategories(language.MustParse("tlh")); ok {
		t.Errorf("pluralCategories(tlh) = %v, true; want no rule", formList(forms))
	}
}

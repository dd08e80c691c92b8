package i18n

import (
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"github.com/apiswitch/errcode/codes"
)

// A snapshot is one loaded version of the catalog. It is never modified after load, but for
// its caches and its once-per-message problem flags, which are safe for concurrent use.
type snapshot struct {
	langs     []language.Tag // the default language first
	names     []string       // langs[i].String()
	neg       *negotiator
	msgs      map[codes.Code][]*message // indexed like langs
	bundle    *goi18n.Bundle            // read only; kept for comparison benchmarks
	version   string
	onProblem func(Problem)
}

func newSnapshot(langs []language.Tag, version string, o options) *snapshot {
	s := &snapshot{
		langs:     langs,
		names:     make([]string, len(langs)),
		neg:       newNegotiator(langs, o),
		msgs:      make(map[codes.Code][]*message, len(codes.All())),
		version:   version,
		onProblem: o.onProblem,
	}
	for i, tag := range langs {
		s.names[i] = tag.String()
	}
	return s
}

// message renders code in the language with index lang, falling back to the default
// language and then to the code's name.
func (s *snapshot) message(lang int, code codes.Code, data map[string]any) string {
	row, ok := s.msgs[code]
	if !ok {
		return code.String()
	}
	if text, ok := s.render(row, lang, code, data); ok {
		return text
	}
	if lang != 0 {
		if text, ok := s.render(row, 0, code, data); ok {
			return text
		}
	}
	return code.String()
}

// render renders one message and reports its first failure.
func (s *snapshot) render(row []*message, lang int, code codes.Code, data map[string]any) (string, bool) {
	m := row[lang]
	text, err := m.render(data)
	if err == nil {
		return text, true
	}
	if s.onProblem != nil && m.reported.CompareAndSwap(false, true) {
		s.onProblem(Problem{Lang: s.langs[lang], Code: code, Err: err})
	}
	return "", false
}

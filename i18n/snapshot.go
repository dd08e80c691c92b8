package i18n

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/apiswitch/errcode/codes"
)

// A snapshot is what the catalog serves at one time: one version of each language. It is
// never modified after it is built, but for its negotiation caches and its messages'
// once-only problem flags, which are safe for concurrent use.
type snapshot struct {
	langs    []language.Tag // the default language first
	names    []string       // langs[i].String()
	neg      *negotiator
	codes    codeIndex  // numbers codes.All()
	msgs     []*message // of code number n in language i at n*len(langs)+i
	plain    []string   // indexed like msgs: the text of a message without placeholders, else ""
	version  string
	problems func(Problem)
}

// newSnapshot serves vers, the default language's first.
func newSnapshot(vers []*langVersion, o options) *snapshot {
	langs := make([]language.Tag, len(vers))
	all := codes.All()
	h := sha256.New()
	for i, v := range vers {
		langs[i] = v.tag
		fmt.Fprintf(h, "%s\x00%s\x00", v.tag, v.id)
	}
	s := &snapshot{
		langs:    langs,
		names:    make([]string, len(langs)),
		neg:      newNegotiator(langs, o),
		codes:    newCodeIndex(all),
		msgs:     make([]*message, 0, len(all)*len(vers)),
		plain:    make([]string, 0, len(all)*len(vers)),
		version:  hex.EncodeToString(h.Sum(nil)[:12]),
		problems: o.onProblem,
	}
	for i, tag := range langs {
		s.names[i] = tag.String()
	}
	for _, code := range all {
		for _, v := range vers {
			m := v.msgs[code]
			s.msgs = append(s.msgs, m)
			if !m.missing && len(m.fields) == 0 {
				s.plain = append(s.plain, m.text)
			} else {
				s.plain = append(s.plain, "")
			}
		}
	}
	return s
}

// servingOrder returns the served versions, the default language first, then by tag.
func servingOrder(def language.Tag, vers []*langVersion) []*langVersion {
	slices.SortFunc(vers, func(a, b *langVersion) int {
		switch {
		case a.tag == def:
			return -1
		case b.tag == def:
			return 1
		}
		return strings.Compare(a.tag.String(), b.tag.String())
	})
	return vers
}

// message renders code in the language with index lang, falling back to the default
// language and then to the code's name.
func (s *snapshot) message(lang int, code codes.Code, data map[string]any) string {
	n := s.codes.find(code)
	if n < 0 {
		return code.String()
	}
	if text := s.plain[n*len(s.langs)+lang]; text != "" {
		return text // most messages, with nothing to render and nothing to report
	}
	row := s.row(n)
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

// row returns the messages of the code numbered n, indexed like langs.
func (s *snapshot) row(n int) []*message {
	k := len(s.langs)
	return s.msgs[n*k : n*k+k : n*k+k]
}

// render renders one message and reports its first problem.
func (s *snapshot) render(row []*message, lang int, code codes.Code, data map[string]any) (string, bool) {
	m := row[lang]
	if m.missing {
		s.report(m, lang, code, ErrMissing)
		return "", false
	}
	text, left := m.render(data)
	switch {
	case text == "":
		s.report(m, lang, code, fmt.Errorf("%w: nothing is left of the message without %s", ErrMissingData, placeholders(left)))
		return "", false
	case len(left) > 0:
		s.report(m, lang, code, fmt.Errorf("%w: rendered without %s", ErrMissingData, placeholders(left)))
	}
	return text, true
}

// report reports a problem with m, once for each language version and code.
func (s *snapshot) report(m *message, lang int, code codes.Code, err error) {
	if m.reported.CompareAndSwap(false, true) {
		s.problems(Problem{Lang: s.langs[lang], Code: code, Err: err})
	}
}

// template returns the text of code in language lang as written, with the names of its
// placeholders, falling back as message does.
func (s *snapshot) template(lang int, code codes.Code) (string, []string) {
	n := s.codes.find(code)
	if n < 0 {
		return code.String(), nil
	}
	row := s.row(n)
	for _, i := range []int{lang, 0} {
		if m := row[i]; !m.missing {
			return m.template()
		}
	}
	return code.String(), nil
}

func placeholders(fields []string) string {
	var b strings.Builder
	for i, f := range fields {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("{{." + f + "}}")
	}
	return b.String()
}

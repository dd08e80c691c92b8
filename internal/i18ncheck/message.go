package i18ncheck

import "github.com/apiswitch/errcode/internal/localefile"

// pluralForms are go-i18n's plural form keys in CLDR order.
var pluralForms = localefile.PluralForms

// A Message is one message of a locale file, as go-i18n would load it.
type Message struct {
	ID     string
	Locale string // language tag of the file
	// Pos is the message's table header, or its key for ID = "text".
	Pos         Position
	Description string
	Hash        string
	LeftDelim   string
	RightDelim  string
	// Forms holds the plural forms the file writes, even empty ones; FormPos their keys.
	Forms   map[string]string
	FormPos map[string]Position
	HashPos Position
	// Stub is set when the entry is under a stub marker: written by -write-stubs and not yet
	// translated.
	Stub bool

	// hash and fields are computed once for a source message, which every locale compares
	// against: see prepareSource.
	hash   string
	fields []string
	read   *localefile.Message // as the reader read it, with its templates
}

// isPlural reports whether m has any form other than "other".
func (m *Message) isPlural() bool {
	if m.onlyOther() {
		return false
	}
	for f, text := range m.Forms {
		if f != "other" && text != "" {
			return true
		}
	}
	return false
}

// onlyOther reports whether "other" is the one form m has, as for most messages.
func (m *Message) onlyOther() bool {
	if len(m.Forms) != 1 {
		return false
	}
	_, ok := m.Forms["other"]
	return ok
}

// forms returns the plural forms that m may have: all of them, or only "other" when that
// is the one it has.
func (m *Message) forms() []string {
	if m.onlyOther() {
		return pluralForms[len(pluralForms)-1:]
	}
	return pluralForms
}

// formPos returns the position of form, or of the message when the form has no key.
func (m *Message) formPos(form string) Position {
	if p, ok := m.FormPos[form]; ok {
		return p
	}
	return m.Pos
}

// sourceHash is goi18n's hash of a source message: sha1 over its description and its
// "other" text. A translation records the hash of the source it was made from.
func (m *Message) sourceHash() string {
	if m.hash != "" {
		return m.hash
	}
	return sha1Hex(m.Description + m.Forms["other"])
}

// prepareSource computes the hash and the template fields of every message of the source
// locale, before the locales are checked in parallel.
func prepareSource(l *Locale) {
	for _, f := range l.Files {
		for _, m := range f.Messages {
			m.hash = m.sourceHash()
			m.fields = sourceFields(m)
		}
	}
}

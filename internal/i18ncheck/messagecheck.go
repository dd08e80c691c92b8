package i18ncheck

import (
	"fmt"
	"slices"
	"strings"
)

// messageCheck checks the message m of code c in locale l against the source message src.
type messageCheck struct {
	r           *Report
	l           *Locale
	c           *Code
	m, src      *Message
	forms       map[string]bool // plural forms the language uses
	pluralKnown bool
	refused     bool // a form's template is refused: the catalog does not serve the message
	out         []Finding
}

func (mc *messageCheck) isSource() bool { return mc.l == mc.r.Source }

func (mc *messageCheck) add(check string, sev Severity, pos Position, detail, format string, args ...any) {
	mc.out = append(mc.out, Finding{
		Check: check, Severity: sev, Pos: pos, Locale: mc.l.Tag, Subject: mc.c.Name, Detail: detail,
		Message: fmt.Sprintf("%s: %s ", mc.l.Tag, mc.c.Name) + fmt.Sprintf(format, args...),
	})
}

// usable reports whether the message counts as translated: it has text, is no stub, and
// every form's template is one the catalog accepts. Call it after run.
func (mc *messageCheck) usable() bool {
	return !mc.m.Stub && !mc.refused && strings.TrimSpace(mc.m.Forms["other"]) != ""
}

func (mc *messageCheck) run() []Finding {
	mc.stub()
	if !mc.empty() {
		if fields, ok := mc.templates(); ok {
			mc.placeholders(fields)
		}
		mc.plural()
		if !mc.m.Stub {
			mc.script() // a stub holds the source text on purpose
		}
	}
	mc.stale()
	return mc.out
}

// stub reports an entry -write-stubs wrote as missing, whatever it holds, until a translator
// deletes its marker line: it holds the source text, not a translation.
func (mc *messageCheck) stub() {
	if mc.m.Stub {
		mc.add(CheckMissing, Error, mc.m.Pos, "stub", "is an untranslated stub: translate it, then delete the %q line above it", stubMarker)
	}
}

// empty reports forms without text; it returns true when the message has no text at all.
// What go-i18n does with them differs: it loads no template for an empty form, and renders a
// form of only white space as it is.
func (mc *messageCheck) empty() bool {
	hasText := false
	for _, f := range mc.m.forms() {
		text, ok := mc.m.Forms[f]
		switch {
		case !ok:
		case text == "":
			mc.add(CheckEmpty, Error, mc.m.formPos(f), f, "has an empty %q: %s", f, mc.emptyEffect(f))
		case strings.TrimSpace(text) == "":
			mc.add(CheckEmpty, Error, mc.m.formPos(f), f, "has a blank %q: go-i18n renders the white space as it is, so clients get a message with no text", f)
		default:
			hasText = true
		}
	}
	if len(mc.m.Forms) == 0 {
		mc.add(CheckEmpty, Error, mc.m.Pos, "other", "has no text: no \"other\" nor any plural form")
	}
	return !hasText
}

// emptyEffect says what go-i18n does with form f of the message, which is "".
func (mc *messageCheck) emptyEffect(f string) string {
	for _, g := range pluralForms {
		if mc.m.Forms[g] != "" {
			if f == "other" {
				return "go-i18n loads no \"other\", so it fails for every count that selects \"other\" and for a message without a count"
			}
			return fmt.Sprintf("go-i18n loads no %q and renders \"other\" instead", f)
		}
	}
	return "go-i18n loads no text for the message and reports it as not found, so clients get the fallback language's text"
}

// templates reports templates that do not parse; when all parse, it returns their fields.
func (mc *messageCheck) templates() ([]string, bool) {
	var all []string
	ok := true
	for _, f := range mc.m.forms() { // the others have no text, so no fields
		fields, err := mc.m.templateFields(f)
		if err != nil {
			mc.add(CheckSyntax, Error, mc.m.templatePos(f), "template "+f, "%q is not a valid template: %v", f, err)
			ok, mc.refused = false, true
			continue
		}
		all = append(all, fields...)
	}
	slices.Sort(all)
	return slices.Compact(all), ok
}

// placeholders compares the template fields of a translation with the source's.
func (mc *messageCheck) placeholders(fields []string) {
	if mc.isSource() || mc.src == nil {
		return
	}
	srcFields := mc.src.fields
	left, right := delims(mc.m)
	for _, f := range srcFields {
		if !slices.Contains(fields, f) {
			mc.add(CheckPlaceholder, Error, mc.m.formPos("other"), "lacks "+f, "lacks %s%s%s, which the source uses", left, f, right)
		}
	}
	for _, f := range fields {
		if !slices.Contains(srcFields, f) {
			mc.add(CheckPlaceholder, Error, mc.m.formPos("other"), "extra "+f, "uses %s%s%s, which the source does not pass: go-i18n would render \"<no value>\", API Switch's catalog would leave it out", left, f, right)
		}
	}
}

func sourceFields(src *Message) []string {
	var all []string
	for _, f := range pluralForms {
		fields, _ := src.templateFields(f)
		all = append(all, fields...)
	}
	slices.Sort(all)
	return slices.Compact(all)
}

func delims(m *Message) (string, string) {
	left, right := m.LeftDelim, m.RightDelim
	if left == "" {
		left = "{{"
	}
	if right == "" {
		right = "}}"
	}
	return left, right
}

// plural checks the plural forms against those the language uses.
func (mc *messageCheck) plural() {
	plural := mc.m.isPlural() || (mc.src != nil && mc.src.isPlural())
	if !plural || !mc.pluralKnown {
		return
	}
	if strings.TrimSpace(mc.m.Forms["other"]) == "" {
		mc.add(CheckPlural, Error, mc.m.Pos, "no other", "is a plural message without \"other\", the form go-i18n falls back to")
	}
	for _, f := range pluralForms {
		text := mc.m.Forms[f]
		switch {
		case text != "" && !mc.forms[f]:
			mc.add(CheckPlural, Warning, mc.m.formPos(f), "unused "+f, "has the plural form %q, which %s never uses (it uses %s)", f, mc.l.Tag, strings.Join(formList(mc.forms), ", "))
		case text == "" && mc.forms[f] && f != "other":
			mc.add(CheckPlural, Error, mc.m.Pos, "needs "+f, "lacks the plural form %q, which %s needs (it uses %s)", f, mc.l.Tag, strings.Join(formList(mc.forms), ", "))
		}
	}
}

// stale reports a translation whose recorded hash is not its source's current hash, and,
// in a bundle whose translations record hashes, one that records none.
func (mc *messageCheck) stale() {
	if mc.isSource() || mc.src == nil {
		return
	}
	want := mc.src.sourceHash()
	switch {
	case mc.m.Hash == "" && mc.r.hashed:
		mc.add(CheckStale, Error, mc.m.Pos, "no hash", "has no hash, so i18ncheck cannot tell when the %s text changes: check the translation against it, then add hash = %q%s", mc.r.Source.Tag, want, mc.asTable())
	case mc.m.Hash != "" && mc.m.Hash != want:
		pos := mc.m.HashPos
		if pos.Line == 0 {
			pos = mc.m.Pos
		}
		mc.add(CheckStale, Error, pos, "hash", "was translated from another source text (hash %s; the source's is now %s): check the translation against %s, then update its hash", mc.m.Hash, want, mc.r.Source.Tag)
	}
}

// asTable tells how to give a hash to a message written as KEY = "text", which cannot hold one.
func (mc *messageCheck) asTable() string {
	if mc.m.FormPos["other"] != mc.m.Pos || len(mc.m.Forms) != 1 {
		return ""
	}
	return fmt.Sprintf(" (a message written as %s = \"...\" has no room for it: write it as a table [%s])", tomlKey(mc.m.ID), tomlKey(mc.m.ID))
}

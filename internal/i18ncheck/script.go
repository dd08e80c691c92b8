package i18ncheck

import (
	"strings"
	"unicode"

	"golang.org/x/text/language"
)

// hanScripts are the scripts whose text contains Han characters.
var hanScripts = map[string]bool{"Hans": true, "Hant": true, "Hani": true, "Jpan": true, "Kore": true}

// script warns about text in the wrong script: a Chinese message without Han characters,
// Han characters in a language that does not write them, a translation that is the source.
func (mc *messageCheck) script() {
	base, _ := mc.l.tag.Base()
	scr, _ := mc.l.tag.Script()
	left, right := delims(mc.m)
	for _, f := range mc.m.forms() { // the others have no text
		text := stripActions(mc.m.Forms[f], left, right)
		if strings.TrimSpace(text) == "" {
			continue
		}
		han := strings.ContainsFunc(text, func(r rune) bool { return unicode.Is(unicode.Han, r) })
		switch {
		case base == language.MustParseBase("zh") && !han:
			mc.add(CheckScript, Warning, mc.m.formPos(f), "no han "+f, "%q has no Han characters", f)
		case !hanScripts[scr.String()] && han:
			mc.add(CheckScript, Warning, mc.m.formPos(f), "han "+f, "%q has Han characters, which %s does not use", f, mc.l.Tag)
		}
	}
	if mc.isSource() || mc.src == nil || mc.m.Stub {
		return
	}
	other := mc.m.Forms["other"]
	if other == mc.src.Forms["other"] && strings.ContainsFunc(stripActions(other, left, right), unicode.IsLetter) {
		mc.add(CheckScript, Warning, mc.m.formPos("other"), "identical", "is identical to the source (%s): not translated?", mc.r.Source.Tag)
	}
}

// stripActions removes the template actions from text.
func stripActions(text, left, right string) string {
	if !strings.Contains(text, left) {
		return text
	}
	var b strings.Builder
	b.Grow(len(text))
	for {
		i := strings.Index(text, left)
		if i < 0 {
			b.WriteString(text)
			return b.String()
		}
		b.WriteString(text[:i])
		j := strings.Index(text[i+len(left):], right)
		if j < 0 {
			return b.String()
		}
		text = text[i+len(left)+j+len(right):]
	}
}

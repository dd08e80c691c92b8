package i18ncheck

import (
	"cmp"
	"fmt"
	"slices"
)

// Config says what to check. The zero value of each field means its default.
type Config struct {
	// Dir is the directory the package pattern and the locale directory are resolved in,
	// and that positions are relative to. Empty means the current directory.
	Dir     string
	Pkg     string // package pattern of the codes; default "./codes"
	Type    string // name of the code type; default "Code"
	Locales string // directory of the *.toml files; default "./locales"
	Source  string // the source locale; default "zh-CN"
	// Codes, when set, is used instead of loading Pkg.
	Codes *CodeSet
}

func (c *Config) setDefaults() {
	c.Pkg = cmp.Or(c.Pkg, "./codes")
	c.Type = cmp.Or(c.Type, "Code")
	c.Locales = cmp.Or(c.Locales, "./locales")
	c.Source = cmp.Or(c.Source, "zh-CN")
}

// A Report is the result of a check.
type Report struct {
	Codes    *CodeSet
	Source   *Locale
	Locales  []*Locale // sorted by tag
	Findings []Finding // sorted by position
	index    map[string]*Code
}

// Run checks the codes against the locale files. The error is for what prevents checking
// at all: a package that does not load, an unreadable directory, no source locale.
func Run(cfg Config) (*Report, error) {
	cfg.setDefaults()
	codes := cfg.Codes
	var loadErr error
	loaded := make(chan struct{})
	go func() { // the package loads while the locale files parse
		defer close(loaded)
		if codes == nil {
			codes, loadErr = loadCodes(cfg.Dir, cfg.Pkg, cfg.Type)
		}
	}()
	locales, findings, err := readLocales(cfg.Dir, cfg.Locales)
	<-loaded
	if loadErr != nil {
		return nil, loadErr
	}
	if err != nil {
		return nil, err
	}
	r := &Report{Codes: codes, index: codeIndex(codes), Locales: locales}
	isCode := func(id string) bool { return r.index[id] != nil }
	for _, l := range locales {
		for _, f := range l.Files {
			f.resolve(isCode)
		}
	}
	for _, l := range locales {
		if l.Tag == cfg.Source || l.tag.String() == canonical(cfg.Source) {
			r.Source = l
		}
	}
	if r.Source == nil {
		return nil, fmt.Errorf("no message file for the source locale %s in %s", cfg.Source, cfg.Locales)
	}
	r.Findings = append(slices.Clone(codes.Findings), findings...)
	for _, l := range locales {
		r.Findings = append(r.Findings, r.assign(l)...)
	}
	prepareSource(r.Source)
	perLocale := make([][]Finding, len(locales))
	parallel(len(locales), func(i int) { perLocale[i] = r.checkLocale(locales[i]) })
	for _, fs := range perLocale {
		r.Findings = append(r.Findings, fs...)
	}
	sortFindings(r.Findings)
	return r, nil
}

// codeIndex maps every id that matches a code to it: its names and its number. The first
// code declared wins a shared id; duplicateCodes reports the others.
func codeIndex(set *CodeSet) map[string]*Code {
	idx := map[string]*Code{}
	for _, c := range sortedByPos(set.Codes) {
		for _, id := range append(slices.Clone(c.Names), c.Number) {
			if idx[id] == nil {
				idx[id] = c
			}
		}
	}
	return idx
}

// Lookup returns the code named by a name, an identifier or a number.
func (r *Report) Lookup(s string) *Code {
	if c := r.index[s]; c != nil {
		return c
	}
	for _, c := range r.Codes.Codes {
		if c.Ident == s {
			return c
		}
	}
	return nil
}

// Failed reports whether any finding is at or above min.
func (r *Report) Failed(min Severity) bool {
	return slices.ContainsFunc(r.Findings, func(f Finding) bool { return f.Severity >= min })
}

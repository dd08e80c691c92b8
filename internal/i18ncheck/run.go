package i18ncheck

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"

	"github.com/apiswitch/errcode/internal/i18ncheck/report"
)

// Config says what to check. The zero value of each field means its default.
type Config struct {
	// Dir is the directory the package pattern and the locale directory are resolved in,
	// and that positions are relative to. Empty means the current directory.
	Dir string
	// Pkg is the package pattern of the codes. Empty means "./codes" or, when there is no
	// such directory, no package: the message ids of the source locale are then the codes.
	Pkg     string
	Type    string // name of the code type; default "Code"
	Locales string // directory of the *.toml files; default "./locales"
	Source  string // the source locale; default "zh-CN"
	// NoPkg makes the message ids of the source locale the codes, whatever Pkg says, so that
	// any go-i18n bundle can be checked.
	NoPkg bool
	// Codes, when set, is used instead of loading Pkg.
	Codes *CodeSet
}

// defaultPkg is where the codes are when Config.Pkg is empty.
const defaultPkg = "./codes"

func (c *Config) setDefaults() {
	if c.Pkg == "" && !c.NoPkg && c.Codes == nil {
		c.Pkg = defaultPkg
		if _, err := os.Stat(resolve(c.Dir, defaultPkg)); errors.Is(err, fs.ErrNotExist) {
			c.NoPkg = true
		}
	}
	c.Type = cmp.Or(c.Type, "Code")
	c.Locales = cmp.Or(c.Locales, "./locales")
	c.Source = cmp.Or(c.Source, "zh-CN")
}

// A Report is the result of a check.
type Report struct {
	// Codes are the constants of the code type or, without a package, the messages of the
	// source locale.
	Codes    *CodeSet
	Source   *Locale
	Locales  []*Locale // sorted by tag
	Findings []Finding // sorted by position
	cfg      Config
	index    map[string]*Code
	// hashed is set when a translation records a hash: the bundle tracks its source texts,
	// so a translation without one is reported.
	hashed bool
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
		if codes == nil && !cfg.NoPkg {
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
	r := &Report{Locales: locales, cfg: cfg}
	if r.Source, err = sourceLocale(locales, cfg); err != nil {
		return nil, err
	}
	fromSource := codes == nil
	if fromSource {
		// Its joins become messages, hence codes, unless they look like misspelt keys.
		for _, f := range r.Source.Files {
			f.resolveJoins(func(string) bool { return false })
		}
		codes = sourceCodes(r.Source)
	}
	r.Codes, r.index = codes, codeIndex(codes)
	isCode := func(id string) bool { return r.index[id] != nil }
	for _, l := range locales {
		if l == r.Source && fromSource {
			continue
		}
		for _, f := range l.Files {
			f.resolve(isCode)
		}
	}
	r.Findings = append(slices.Clone(codes.Findings), findings...)
	for _, l := range locales {
		r.Findings = append(r.Findings, r.assign(l)...)
	}
	prepareSource(r.Source)
	r.hashed = r.anyHash()
	perLocale := make([][]Finding, len(locales))
	parallel(len(locales), func(i int) { perLocale[i] = r.checkLocale(locales[i]) })
	for _, fs := range perLocale {
		r.Findings = append(r.Findings, fs...)
	}
	report.Sort(r.Findings)
	return r, nil
}

// sourceLocale returns the locale cfg.Source names.
func sourceLocale(locales []*Locale, cfg Config) (*Locale, error) {
	var tags []string
	for _, l := range locales {
		if l.Tag == cfg.Source || l.tag.String() == canonical(cfg.Source) {
			return l, nil
		}
		tags = append(tags, l.Tag)
	}
	if len(tags) == 0 {
		return nil, fmt.Errorf("-locales %s: no *.toml file in it is named for a language (want one file per language, such as zh-CN.toml)", cfg.Locales)
	}
	return nil, fmt.Errorf("no message file for the source locale %s in %s (it has %s): name the source with -source", cfg.Source, cfg.Locales, strings.Join(tags, ", "))
}

// anyHash reports whether a translation of a code records a hash.
func (r *Report) anyHash() bool {
	for _, l := range r.Locales {
		if l == r.Source {
			continue
		}
		for _, m := range l.byCode {
			if m.Hash != "" {
				return true
			}
		}
	}
	return false
}

// codeIndex maps every id that matches a code to it: its names and its number. The first
// code declared wins a shared id; duplicateCodes reports the others.
func codeIndex(set *CodeSet) map[string]*Code {
	idx := map[string]*Code{}
	for _, c := range sortedByPos(set.Codes) {
		for _, id := range append(slices.Clone(c.Names), c.Number) {
			if id != "" && idx[id] == nil {
				idx[id] = c
			}
		}
	}
	return idx
}

// Lookup returns the code named by a name, an identifier or a number, in any case: an
// exact match first.
func (r *Report) Lookup(s string) *Code {
	if c := r.index[s]; c != nil {
		return c
	}
	for _, c := range r.Codes.Codes {
		if c.Ident == s {
			return c
		}
	}
	return r.lookupFold(s)
}

// Failed reports whether any finding is at or above min.
func (r *Report) Failed(min Severity) bool { return report.Failed(r.Findings, min) }

package i18n

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"time"

	"golang.org/x/text/language"
)

// langState is what the Catalog knows of one language across loads.
type langState struct {
	served  *langVersion // nil while no version was ever accepted
	refused *Refusal     // the last refused load since served was loaded
	removed bool         // its files are gone; served stays until the process restarts
}

// load reads fsys and applies it language by language; c.reload is held.
func (c *Catalog) load(fsys fs.FS) error {
	now := time.Now()
	s, err := readSet(fsys, c.opts)
	if err != nil {
		s = &set{errs: []error{err}}
	}
	changed := c.apply(s, now)
	var errs []error
	def := c.langs[c.opts.defaultLang]
	switch {
	case def == nil || def.served == nil:
		errs = append(errs, fmt.Errorf("i18n: no usable message file for the default language %s", c.opts.defaultLang))
	case changed || c.cur.Load() == nil:
		c.cur.Store(newSnapshot(c.served(), c.opts))
	}
	c.publish(s.errs)
	return errors.Join(append(s.allErrors(), errs...)...)
}

// apply records what s found for each language and reports whether what is served changed.
func (c *Catalog) apply(s *set, now time.Time) bool {
	changed := false
	for tag, r := range s.langs {
		st := c.langs[tag]
		if st == nil {
			st = &langState{}
			c.langs[tag] = st
		}
		st.removed = false
		if r.ver == nil {
			st.refused = refusal(now, r.errs)
			continue
		}
		st.refused = nil
		if st.served != nil && st.served.id == r.ver.id {
			continue // the same files: keep the version, its load time and its reported problems
		}
		c.reportIgnored(r)
		r.ver.loaded = now
		st.served = r.ver
		changed = true
	}
	for tag, st := range c.langs {
		if _, ok := s.langs[tag]; ok || st.removed {
			continue
		}
		if st.served == nil {
			delete(c.langs, tag) // refused, then removed: nothing is left of it
			continue
		}
		st.removed, st.refused = true, nil
		c.opts.onProblem(Problem{Lang: tag, Err: &removedFiles{st.served.files, st.served.id}})
	}
	return changed
}

// served returns the versions served, the default language's first.
func (c *Catalog) served() []*langVersion {
	var vers []*langVersion
	for _, st := range c.langs {
		if st.served != nil {
			vers = append(vers, st.served)
		}
	}
	return servingOrder(c.opts.defaultLang, vers)
}

// publish makes the status of the languages available to Status.
func (c *Catalog) publish(setErrs []error) {
	st := &Status{Errors: capPerFile(setErrs)}
	if s := c.cur.Load(); s != nil {
		st.Version = s.version
		for _, tag := range s.langs {
			st.Languages = append(st.Languages, c.langStatus(tag))
		}
	}
	var absent []LanguageStatus
	for tag := range c.langs {
		if !c.serving(tag) {
			absent = append(absent, c.langStatus(tag))
		}
	}
	slices.SortFunc(absent, func(a, b LanguageStatus) int { return strings.Compare(a.Tag.String(), b.Tag.String()) })
	st.Languages = append(st.Languages, absent...)
	for _, ls := range st.Languages {
		st.Degraded = st.Degraded || ls.Stale()
	}
	c.status.Store(st)
}

// serving reports whether the snapshot serves tag.
func (c *Catalog) serving(tag language.Tag) bool {
	s := c.cur.Load()
	return s != nil && slices.Contains(s.langs, tag)
}

func (c *Catalog) langStatus(tag language.Tag) LanguageStatus {
	st := c.langs[tag]
	ls := LanguageStatus{Tag: tag, Removed: st.removed, Refused: st.refused}
	if v := st.served; v != nil && c.serving(tag) {
		ls.Serving, ls.Version, ls.Loaded, ls.Files = true, v.id, v.loaded, slices.Clone(v.files)
		ls.Missing = slices.Clone(v.missing)
	}
	return ls
}

// reportIgnored reports the message ids of a new version that are no code: they are read
// and dropped, never kept.
func (c *Catalog) reportIgnored(r *reading) {
	for _, ig := range r.ignored {
		c.opts.onProblem(Problem{Lang: r.ver.tag, Err: ig})
	}
}

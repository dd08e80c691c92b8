package i18n

import (
	"errors"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/text/language"
)

// A set is what one load found in a file system: a reading of each language that has files,
// and the problems of files that belong to no language.
type set struct {
	langs map[language.Tag]*reading
	files map[language.Tag][]string
	errs  []error
}

// readSet reads every *.toml file at the top of fsys, grouped by language. Each language
// is judged on its own: a broken file costs only its language.
func readSet(fsys fs.FS, o options) (*set, error) {
	paths, err := fs.Glob(fsys, "*.toml")
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, errors.New("i18n: no *.toml message files")
	}
	slices.Sort(paths)
	s := &set{langs: map[language.Tag]*reading{}, files: map[language.Tag][]string{}}
	for _, p := range paths {
		tag := language.Make(langOfPath(p)) // as go-i18n reads it
		if tag == language.Und {
			s.errs = append(s.errs, &LoadError{File: p, Line: 1, Col: 1,
				Err: errors.New("the file name is not a language tag (want a name such as en-US.toml)")})
			continue
		}
		s.files[tag] = append(s.files[tag], p)
	}
	s.readLanguages(fsys, o)
	return s, nil
}

// readLanguages reads the languages in parallel, one per processor at a time: each is
// independent of the others.
func (s *set) readLanguages(fsys fs.FS, o options) {
	tags := make([]language.Tag, 0, len(s.files))
	for tag := range s.files {
		tags = append(tags, tag)
	}
	readings := make([]*reading, len(tags))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(tags)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(tags); i = int(next.Add(1) - 1) {
				readings[i] = readLanguage(fsys, tags[i], s.files[tags[i]], o)
			}
		})
	}
	wg.Wait()
	for i, tag := range tags {
		s.langs[tag] = readings[i]
	}
}

// langOfPath returns the language part of a message file name as go-i18n's parsePath reads
// it: "en-US" for "en-US.toml" and for "active.en-US.toml".
func langOfPath(name string) string {
	stem := strings.TrimSuffix(name, path.Ext(name))
	if i := strings.LastIndexByte(stem, '.'); i >= 0 {
		return stem[i+1:]
	}
	return stem
}

// allErrors returns every load error of the set, by file name.
func (s *set) allErrors() []error {
	var errs []error
	for _, r := range s.langs {
		errs = append(errs, r.errs...)
	}
	errs = append(errs, s.errs...)
	slices.SortStableFunc(errs, func(a, b error) int { return strings.Compare(fileOf(a), fileOf(b)) })
	return errs
}

func fileOf(err error) string {
	if le, ok := err.(*LoadError); ok {
		return le.File
	}
	return ""
}

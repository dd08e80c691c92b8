package i18n

import (
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"

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
	for tag, files := range s.files {
		s.langs[tag] = readLanguage(fsys, tag, files, o)
	}
	return s, nil
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

package i18n

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"text/template"

	"github.com/BurntSushi/toml"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"github.com/apiswitch/errcode/codes"
)

// files is what load reads from an fs.FS: every message file, parsed into one go-i18n Bundle.
type files struct {
	bundle  *goi18n.Bundle
	byLang  map[language.Tag]map[string]*goi18n.Message
	version string
}

// readFiles parses every *.toml file at the top of fsys. It reads them all, so that one
// call reports every broken file, and joins the errors.
func readFiles(fsys fs.FS, def language.Tag) (*files, error) {
	paths, err := fs.Glob(fsys, "*.toml")
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, errors.New("i18n: no *.toml message files")
	}
	sort.Strings(paths)
	f := &files{
		bundle: goi18n.NewBundle(def),
		byLang: map[language.Tag]map[string]*goi18n.Message{},
	}
	f.bundle.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	defined := map[string]string{} // language and id → file
	h := sha256.New()
	var errs []error
	for _, path := range paths {
		buf, err := fs.ReadFile(fsys, path)
		if err != nil {
			errs = append(errs, &LoadError{File: path, Err: err})
			continue
		}
		fmt.Fprintf(h, "%s\x00%d\x00", path, len(buf))
		h.Write(buf)
		errs = append(errs, f.add(path, buf, defined)...)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	f.version = hex.EncodeToString(h.Sum(nil)[:12])
	return f, nil
}

// add parses one file into the bundle and records its messages.
func (f *files) add(path string, buf []byte, defined map[string]string) []error {
	mf, err := f.bundle.ParseMessageFileBytes(buf, path)
	if err != nil {
		return []error{parseError(path, err)}
	}
	if mf.Tag == language.Und {
		return []error{&LoadError{File: path, Err: errors.New("the file name is not a language tag (want a name such as en-US.toml)")}}
	}
	if len(mf.Messages) == 0 {
		return []error{&LoadError{File: path, Err: errors.New("the file has no messages")}}
	}
	msgs := f.byLang[mf.Tag]
	if msgs == nil {
		msgs = map[string]*goi18n.Message{}
		f.byLang[mf.Tag] = msgs
	}
	var errs []error
	for _, m := range mf.Messages {
		key := mf.Tag.String() + "\x00" + m.ID
		if prev, dup := defined[key]; dup {
			errs = append(errs, &LoadError{File: path, Line: lineOf(buf, m.ID),
				Err: fmt.Errorf("%s is already defined for %s in %s", m.ID, mf.Tag, prev)})
			continue
		}
		defined[key] = path
		if _, err := parseTemplate(m); err != nil {
			errs = append(errs, &LoadError{File: path, Line: lineOf(buf, m.ID), Err: fmt.Errorf("%s: %w", m.ID, err)})
			continue
		}
		msgs[m.ID] = m
	}
	return errs
}

// parseError turns a decoding error into a LoadError with the parser's position.
func parseError(path string, err error) error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return &LoadError{File: path, Line: pe.Position.Line, Col: pe.Position.Col, Err: errors.New(pe.Message)}
	}
	var ppe *toml.ParseError
	if errors.As(err, &ppe) {
		return &LoadError{File: path, Line: ppe.Position.Line, Col: ppe.Position.Col, Err: errors.New(ppe.Message)}
	}
	return &LoadError{File: path, Err: err}
}

// parseTemplate parses every plural form of m with m's delimiters. It returns the
// template of the "other" form, or nil when that text has no actions.
func parseTemplate(m *goi18n.Message) (*template.Template, error) {
	left, right := m.LeftDelim, m.RightDelim
	if left == "" {
		left = "{{"
	}
	if right == "" {
		right = "}}"
	}
	var other *template.Template
	for _, src := range []string{m.Zero, m.One, m.Two, m.Few, m.Many, m.Other} {
		if !strings.Contains(src, left) {
			continue
		}
		t, err := template.New(m.ID).Delims(left, right).Option("missingkey=error").Parse(src)
		if err != nil {
			return nil, err
		}
		if src == m.Other {
			other = t
		}
	}
	return other, nil
}

// lineOf returns the line that defines id in a TOML file, or 0.
func lineOf(buf []byte, id string) int {
	sc := bufio.NewScanner(bytes.NewReader(buf))
	for line := 1; sc.Scan(); line++ {
		s := strings.TrimSpace(sc.Text())
		for _, prefix := range []string{"[" + id + "]", `["` + id + `"]`, id + " ", id + "=", `"` + id + `"`} {
			if strings.HasPrefix(s, prefix) {
				return line
			}
		}
	}
	return 0
}

// snapshotOf builds the immutable catalog that serves requests from parsed files.
func snapshotOf(f *files, o options) (*snapshot, error) {
	if _, ok := f.byLang[o.defaultLang]; !ok {
		return nil, fmt.Errorf("i18n: no message file for the default language %s", o.defaultLang)
	}
	langs := []language.Tag{o.defaultLang}
	for tag := range f.byLang {
		if tag != o.defaultLang {
			langs = append(langs, tag)
		}
	}
	sort.Slice(langs[1:], func(i, j int) bool { return langs[1+i].String() < langs[1+j].String() })
	s := newSnapshot(langs, f.version, o)
	s.bundle = f.bundle
	var missing []error
	for _, code := range codes.All() {
		row := make([]*message, len(langs))
		for i, tag := range langs {
			row[i] = newMessage(f.byLang[tag][code.String()])
			if row[i].missing {
				missing = append(missing, fmt.Errorf("%s: %s (%d) has no message", tag, code, int(code)))
			}
		}
		s.msgs[code] = row
	}
	if o.complete && len(missing) > 0 {
		return nil, fmt.Errorf("i18n: incomplete translations:\n%w", errors.Join(missing...))
	}
	return s, nil
}

// load reads fsys and builds a snapshot.
func load(fsys fs.FS, o options) (*snapshot, error) {
	f, err := readFiles(fsys, o.defaultLang)
	if err != nil {
		return nil, err
	}
	return snapshotOf(f, o)
}

package i18n

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"time"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/internal/localefile"
)

// A langVersion is one loaded version of one language: a message for each code its files
// translate, and nothing else. It is never modified once built, but for its messages'
// problem flags.
type langVersion struct {
	tag     language.Tag
	files   []string // in fsys, sorted
	id      string   // a hash of the files' names and content
	loaded  time.Time
	msgs    map[codes.Code]*message // every code, those without a usable message marked missing
	missing []codes.Code            // the codes without one, in numeric order
}

// A reading is what one load found for one language: a version, or why there is none.
type reading struct {
	ver     *langVersion
	errs    []error       // *LoadError values; the language is refused when there are any
	ignored []*ignoredIDs // message ids that are no code, per file
	// unknown is set when a file could not be read or decoded: which messages the language
	// has is not known, so none is reported missing.
	unknown bool
}

// A place is where a message is.
type place struct {
	file string
	pos  localefile.Position
}

// codeOf returns the code a message id names: its wire name, or its number.
func codeOf(id string) (codes.Code, bool) {
	if c, ok := codes.ByName(id); ok {
		return c, true
	}
	if n, err := strconv.Atoi(id); err == nil && strconv.Itoa(n) == id {
		return codes.ByNumber(n)
	}
	return 0, false
}

// isCodeID reports whether id names a code.
func isCodeID(id string) bool {
	_, ok := codeOf(id)
	return ok
}

// readLanguage reads the files of one language and judges them together: a language is
// served from all of its files or none.
func readLanguage(fsys fs.FS, tag language.Tag, files []string, o options) *reading {
	r := &reading{}
	v := &langVersion{tag: tag, files: files, msgs: map[codes.Code]*message{}}
	if err := goi18n.NewBundle(tag).AddMessages(tag); err != nil {
		r.errs = append(r.errs, &LoadError{File: files[0], Line: 1, Col: 1,
			Err: fmt.Errorf("go-i18n has no plural rules for %s, so it refuses every message of this language", tag)})
	}
	h := sha256.New()
	defined := map[codes.Code]place{}       // where each code's message is
	unusable := map[codes.Code]*LoadError{} // why a code's message does not count
	lines := map[string]int{}               // of each file, for where a missing message goes
	for _, name := range files {
		data, err := localefile.ReadFile(fsys, name, o.load.maxFileSize)
		if err != nil {
			r.errs = append(r.errs, &LoadError{File: name, Line: 1, Col: 1, Err: err})
			r.unknown = true
			continue
		}
		lines[name] = lineCount(data)
		fmt.Fprintf(h, "%s\x00%d\x00", name, len(data))
		h.Write(data)
		f := localefile.Read(name, string(data))
		f.ResolveJoins(isCodeID)
		r.addFile(v, f, defined, unusable)
	}
	r.judgeComplete(v, unusable, lines, o)
	if len(r.errs) == 0 {
		v.id = hex.EncodeToString(h.Sum(nil)[:12])
		r.ver = v
	}
	return r
}

// addFile adds the messages of one file to v, or the reasons it is refused to r.
//
// unusable gets why each code that f has a message for does not count: a *LoadError that
// RequireComplete reports, or nil when the message was refused with its own error already,
// so that it is not reported missing as well.
func (r *reading) addFile(v *langVersion, f *localefile.File, defined map[codes.Code]place, unusable map[codes.Code]*LoadError) {
	if f.Rejected() {
		for _, p := range f.Problems {
			if p.Kind != localefile.Unintended {
				r.errs = append(r.errs, &LoadError{File: f.Name, Line: p.Pos.Line, Col: p.Pos.Col, Err: errors.New(p.Text)})
			}
		}
		r.unknown = r.unknown || f.Broken
		for _, m := range f.Messages { // what the file meant, refused with it
			if code, ok := codeOf(m.ID); ok {
				unusable[code] = nil
			}
		}
		return
	}
	if len(f.Messages) == 0 {
		r.errs = append(r.errs, &LoadError{File: f.Name, Line: 1, Col: 1, Err: errors.New("the file has no messages")})
		return
	}
	var ignored []string
	for _, m := range f.Messages {
		valid := r.validTemplates(f.Name, m) // every message's, as i18ncheck reports them
		code, ok := codeOf(m.ID)
		if !ok {
			ignored = append(ignored, m.ID)
			continue
		}
		if prev, dup := defined[code]; dup {
			r.errs = append(r.errs, loadError(f.Name, m.Pos, "%s is already defined for %s in %s:%d:%d", m.ID, v.tag, prev.file, prev.pos.Line, prev.pos.Col))
			continue
		}
		defined[code] = place{f.Name, m.Pos}
		if !valid {
			unusable[code] = nil // refused above, with the reason
			continue
		}
		switch other, _ := m.Form("other"); {
		case m.Stub:
			unusable[code] = loadError(f.Name, m.Pos, "%s is an untranslated stub: translate it, then delete the %q line above it", m.ID, localefile.StubMarker)
		case strings.TrimSpace(other.Text) == "":
			unusable[code] = loadError(f.Name, cmpPos(other.Pos, m.Pos), "%s has no text in \"other\"", m.ID)
		default:
			v.msgs[code] = newMessage(m)
		}
	}
	if len(ignored) > 0 {
		r.ignored = append(r.ignored, &ignoredIDs{f.Name, ignored})
	}
}

// validTemplates reports whether every form of m is a template messages may use, and adds
// the reasons to r when one is not.
func (r *reading) validTemplates(file string, m *localefile.Message) bool {
	ok := true
	for _, fm := range m.Forms {
		if fm.Err != nil {
			r.errs = append(r.errs, loadError(file, fm.ErrPos, "%s: %q is not a valid template: %v", m.ID, fm.Name, fm.Err))
			ok = false
		}
	}
	return ok
}

// judgeComplete lists the codes v has no usable message for, and refuses an incomplete
// language when o asks for complete ones. A code whose message was refused, alone or with
// its file, is not reported missing too: its error says why it is, as i18ncheck reports it.
func (r *reading) judgeComplete(v *langVersion, unusable map[codes.Code]*LoadError, lines map[string]int, o options) {
	for _, code := range codes.All() {
		if _, ok := v.msgs[code]; ok {
			continue
		}
		v.msgs[code] = &message{missing: true} // holds the flag that reports it once
		v.missing = append(v.missing, code)
		if !o.complete || r.unknown {
			continue
		}
		if e, known := unusable[code]; known {
			if e != nil {
				r.errs = append(r.errs, e)
			}
			continue
		}
		file := mainFile(v) // at its end, where i18ncheck reports it and -write-stubs adds it
		r.errs = append(r.errs, &LoadError{File: file, Line: max(lines[file], 1), Col: 1,
			Err: fmt.Errorf("%s: %s (%d) has no message", v.tag, code, int(code))})
	}
}

// mainFile is the file a missing message belongs in: the one named after the language,
// else the first.
func mainFile(v *langVersion) string {
	for _, f := range v.files {
		if strings.EqualFold(f, v.tag.String()+".toml") {
			return f
		}
	}
	return v.files[0]
}

func loadError(file string, p localefile.Position, format string, args ...any) *LoadError {
	return &LoadError{File: file, Line: p.Line, Col: p.Col, Err: fmt.Errorf(format, args...)}
}

// cmpPos returns p, or q when p is the zero Position.
func cmpPos(p, q localefile.Position) localefile.Position {
	if p.Line == 0 {
		return q
	}
	return p
}

// lineCount returns the number of the last line of data, as i18ncheck counts it.
func lineCount(data []byte) int {
	n := bytes.Count(data, []byte{'\n'})
	if !bytes.HasSuffix(data, []byte{'\n'}) {
		n++
	}
	return n
}

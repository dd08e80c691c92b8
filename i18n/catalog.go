package i18n

import (
	"io/fs"
	"slices"
	"sync"
	"sync/atomic"

	"golang.org/x/text/language"

	"github.com/apiswitch/errcode/codes"
)

// A Catalog holds the messages of every code in every loaded language. It is safe for
// concurrent use, including Reload while requests render.
type Catalog struct {
	opts   options
	cur    atomic.Pointer[snapshot]
	reload sync.Mutex // serialises Reload, so the last call's files win
}

// New loads the message files of fsys, typically locales.FS or os.DirFS(dir). See the
// package documentation for what makes a file invalid.
func New(fsys fs.FS, opts ...Option) (*Catalog, error) {
	c := &Catalog{opts: newOptions(opts)}
	if err := c.Reload(fsys); err != nil {
		return nil, err
	}
	return c, nil
}

// Reload loads fsys as a whole new catalog and, if it is valid, swaps it in atomically.
// On error the catalog keeps serving the files it had.
func (c *Catalog) Reload(fsys fs.FS) error {
	c.reload.Lock()
	defer c.reload.Unlock()
	s, err := load(fsys, c.opts)
	if err != nil {
		return err
	}
	c.cur.Store(s)
	return nil
}

// Localizer negotiates a language from Accept-Language values (each element one header
// line) and returns a Localizer for it. It never fails: without a usable value it answers
// the default language.
func (c *Catalog) Localizer(acceptLanguage ...string) Localizer {
	s := c.cur.Load()
	return Localizer{s: s, lang: s.neg.negotiate(acceptLanguage)}
}

// LocalizerFor returns a Localizer for one language tag, as from a ?lang= parameter. It
// reports false, and returns the default language's Localizer, when tag is not a language
// the catalog can answer in.
func (c *Catalog) LocalizerFor(tag string) (Localizer, bool) {
	s := c.cur.Load()
	i := s.neg.find(tag)
	if i < 0 {
		return Localizer{s: s}, false
	}
	return Localizer{s: s, lang: i}, true
}

// Negotiate returns the language Localizer would choose.
func (c *Catalog) Negotiate(acceptLanguage ...string) language.Tag {
	return c.Localizer(acceptLanguage...).Tag()
}

// Message renders code in lang, with the same fallbacks as Localizer.Message. A lang the
// catalog does not have is matched to the closest one it has (en to en-US), else the
// default language.
func (c *Catalog) Message(lang language.Tag, code codes.Code, data map[string]any) string {
	s := c.cur.Load()
	i := slices.Index(s.langs, lang)
	if i < 0 {
		i = max(s.neg.find(lang.String()), 0)
	}
	return s.message(i, code, data)
}

// Languages returns the catalog's languages, the default first.
func (c *Catalog) Languages() []language.Tag {
	return slices.Clone(c.cur.Load().langs)
}

// Version identifies the loaded files: it changes when their content changes, and is the
// same in every process that loaded the same files.
func (c *Catalog) Version() string { return c.cur.Load().version }

// A Localizer renders messages in one language from one version of a catalog, so that a
// request sees one consistent catalog even while Reload runs. It is a small value, cheap
// to copy. The zero Localizer renders every code as its name.
type Localizer struct {
	s    *snapshot
	lang int
}

// Tag returns the language of l.
func (l Localizer) Tag() language.Tag {
	if l.s == nil {
		return language.Und
	}
	return l.s.langs[l.lang]
}

// String returns the BCP 47 tag of l's language, as for Content-Language.
func (l Localizer) String() string {
	if l.s == nil {
		return language.Und.String()
	}
	return l.s.names[l.lang]
}

// Version returns the version of the catalog l renders from.
func (l Localizer) Version() string {
	if l.s == nil {
		return ""
	}
	return l.s.version
}

// Message renders code with data (nil when the message has no placeholders). It falls back
// to the default language, then to the code's name, so it never returns an empty string.
func (l Localizer) Message(code codes.Code, data map[string]any) string {
	if l.s == nil {
		return code.String()
	}
	return l.s.message(l.lang, code, data)
}

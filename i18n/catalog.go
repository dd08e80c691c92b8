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
//
// Each language is loaded from its own files and judged on its own: a language whose files
// are broken, or incomplete when RequireComplete is set, is refused and keeps serving the
// version it had, so that a bad file costs only its language. Status says what is served
// and what was refused.
type Catalog struct {
	opts   options
	cur    atomic.Pointer[snapshot]
	status atomic.Pointer[Status]
	reload sync.Mutex                  // serialises Reload, so the last call's files win
	langs  map[language.Tag]*langState // under reload
}

// New loads the message files of fsys, typically locales.FS or os.DirFS(dir). See the
// package documentation for what makes a file invalid.
//
// New fails, returning a nil Catalog, when the default language cannot be served. When
// only other languages are refused, it returns a Catalog serving the rest together with an
// error that lists every refused file: a caller that wants all or nothing treats any error
// as fatal, a server may serve the rest and report them (see Status).
func New(fsys fs.FS, opts ...Option) (*Catalog, error) {
	c := &Catalog{opts: newOptions(opts), langs: map[language.Tag]*langState{}}
	if c.opts.err != nil {
		return nil, c.opts.err
	}
	err := c.Reload(fsys)
	if c.cur.Load() == nil {
		return nil, err
	}
	return c, err
}

// Reload loads fsys again, language by language. A language whose files are good is
// swapped in atomically; one whose files are refused keeps the version it had (a language
// new in this load stays absent), and one whose files are gone keeps serving its last
// version until the process restarts. The error lists every refused file; nil means every
// file applied. A request in flight keeps the version it started with.
func (c *Catalog) Reload(fsys fs.FS) error {
	c.reload.Lock()
	defer c.reload.Unlock()
	return c.load(fsys)
}

// Localizer negotiates a language from Accept-Language values (each element one header
// line) and returns a Localizer for it. It never fails: without a usable value it answers
// the default language.
func (c *Catalog) Localizer(acceptLanguage ...string) Localizer {
	s := c.cur.Load()
	return Localizer{s: s, lang: s.neg.negotiate(acceptLanguage)}
}

// LocalizerFor returns a Localizer for one language tag, as from a ?lang= parameter: the
// language a header holding only that tag would choose (en-GB gives en-US, zh_tw gives
// zh-CN). It reports false, and returns the default language's Localizer, when no language
// of the catalog matches tag or tag is not a language range.
func (c *Catalog) LocalizerFor(tag string) (Localizer, bool) {
	s := c.cur.Load()
	i := s.neg.find(tag)
	if i < 0 {
		return Localizer{s: s}, false
	}
	return Localizer{s: s, lang: i}, true
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

// Index returns the position of l's language among the languages of its catalog version,
// as Catalog.Languages lists them when that version is loaded: the default language is 0.
// A version has one list of languages, in one order, so Version and Index identify what l
// renders: something kept per language can be kept in a table indexed by Index rather
// than in a map keyed by the language's name. It is 0 for the
// zero Localizer.
func (l Localizer) Index() int { return l.lang }

// Message renders code with data (nil when the message has no placeholders). A placeholder
// data has no value for is left out so that the sentence still reads: "The app
// {{.Name}} was not found." without data is "The app was not found.". A missing message
// falls back to the default language, then to the code's name, so Message never returns an
// empty string, a "<no value>" or a template.
func (l Localizer) Message(code codes.Code, data map[string]any) string {
	if l.s == nil {
		return code.String()
	}
	return l.s.message(l.lang, code, data)
}

// Template returns the message of code as its file writes it, with each placeholder written
// {{.Name}} whatever delimiters the file uses, and the names of its placeholders in order of
// first use (nil when it has none), for clients that render messages themselves. It falls
// back as Message does.
func (l Localizer) Template(code codes.Code) (text string, placeholders []string) {
	if l.s == nil {
		return code.String(), nil
	}
	text, placeholders = l.s.template(l.lang, code)
	return text, slices.Clone(placeholders)
}

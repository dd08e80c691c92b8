package server

import (
	"net/http"
	"strings"
	"time"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/i18n"
	"github.com/apiswitch/errcode/middleware"
)

// direct answers a GET or HEAD of the catalog's list or of a known code without the
// middleware, and reports whether it did. Those answers are always 200 or 304 bodies the
// catalog built, never an error body to fill, and nothing in them reads the request's
// context: of the middleware they need only its choice of language and its access log
// record. Skipping the rest (the per-request state and the copy of the request that
// carries it, the writer that watches for error bodies) saves one allocation of 512 B
// and most of what the middleware costs per request (BenchmarkCatalogOverhead).
//
// It declines, and the middleware serves the request as any other, when the request has a
// query (the middleware's ?lang= may choose the language), for an unknown code (a 404
// error body) and if building an answer panics (the middleware turns that into a 500).
// The language is then the middleware's: Accept-Language negotiated by the catalog. The
// access log gets the Outcome the middleware would record: the status, the answer's
// language, the bytes written, the time from the request to the end of the answer.
// TestDirectLikeMiddleware holds the two paths to the same answers and records.
func (s *routes) direct(w http.ResponseWriter, r *http.Request) bool {
	code, ok := directCode(r)
	if !ok {
		return false
	}
	start := now() // the monotonic clock alone: one clock read, not time.Now's two
	l := s.cat.Localizer(r.Header["Accept-Language"]...)
	a, body, ok := s.tryAnswers(l, code)
	if !ok {
		return false
	}
	status, n := send(w, r, l, a, body)
	if s.access != nil {
		end := time.Now()
		s.access(r, middleware.Outcome{Status: status, Lang: a.lang, Bytes: int64(n), Duration: at(end) - start, End: end})
	}
	return true
}

// directCode returns the code whose entry r asks for, 0 for the list, and reports whether
// direct may answer r.
func directCode(r *http.Request) (codes.Code, bool) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead || r.URL.RawQuery != "" {
		return 0, false
	}
	path := r.URL.Path
	if path == "/v1/errors" {
		return 0, true
	}
	name, ok := strings.CutPrefix(path, "/v1/errors/")
	if !ok || strings.Contains(name, "/") {
		return 0, false
	}
	return lookup(name)
}

// tryAnswers is answers, reporting false rather than panicking.
func (s *routes) tryAnswers(l i18n.Localizer, code codes.Code) (a *answers, body []byte, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	a, body = s.answers(l, code)
	return a, body, true
}

package middleware

import (
	"net/http"
	"time"

	"github.com/apiswitch/errcode/codes"
)

// An Outcome is what the middleware knows of one response once it is complete: what an
// access log records (see Observe). WriteError and the fill path record the code and
// language of the bodies they write, so nothing needs to read a body back.
type Outcome struct {
	// Status is the status sent, 0 when none was: a hijacked connection, or a response
	// aborted before its status.
	Status int
	// Code is the Code of the error body WriteError wrote, or of the JSON error body the
	// fill path read from an inner handler or back end, filled or not (a code that is not
	// an API Switch code included); 0 for every other body.
	Code codes.Code
	// Lang is the language of the body: the one WriteError wrote it in or the fill path
	// filled it in, else the response's Content-Language when it had one (a handler that
	// called SetLanguage, a back end's), else "".
	Lang string
	// Bytes counts the body bytes written to the client.
	Bytes int64
	// Aborted reports a response cut short with http.ErrAbortHandler, by an inner handler
	// or by the middleware after a panic that came when the status was already sent.
	Aborted bool
	// Hijacked reports that the inner handler took over the connection.
	Hijacked bool
	// Duration is the time from the middleware receiving the request to the end of the
	// response, and End that end.
	Duration time.Duration
	End      time.Time
}

// observe tells the Observe function the outcome of the request. It runs deferred, also
// while a panic unwinds.
func (s *state) observe(start time.Time) {
	s.out.End = time.Now()
	s.out.Duration = s.out.End.Sub(start)
	s.cfg.observe(s.req, s.out)
}

// recordStatus notes a status that reached the wrapped writer, and the response's
// language.
func (s *state) recordStatus(code int) {
	if s.out.Status != 0 || code < 200 {
		return
	}
	s.out.Status = code
	if cl := s.fw.w.Header()["Content-Language"]; s.out.Lang == "" && len(cl) > 0 {
		s.out.Lang = cl[0]
	}
}

// recordBody notes the code and language of a body the middleware wrote or read.
func (s *state) recordBody(code codes.Code, lang string) {
	s.out.Code, s.out.Lang = code, lang
}

// abortedBy reports whether a recovered value aborts the response.
func abortedBy(v any) bool { return v == http.ErrAbortHandler }

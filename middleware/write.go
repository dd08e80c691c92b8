package middleware

import (
	"fmt"
	"net/http"

	"github.com/apiswitch/errcode/codes"
)

// WriteError answers the request with the body {"Code": N, "Message": "..."} of err: its
// code, or INTERNAL_ERROR for an error that carries none; the message in the language the
// middleware chose for r; the code's HTTP status, or the Status of a *codes.Error. It sets
// Content-Type, Cache-Control: no-store, X-Content-Type-Options: nosniff, Content-Language
// and Vary, and WWW-Authenticate on a 401. The error's text and cause never reach the
// client; OnError is told instead (see OnError for which errors).
//
// Without the middleware on the request (a handler tested alone, or mounted outside New),
// WriteError uses its default: it negotiates the request's language (?lang= and
// Accept-Language) with a catalog of the embedded locales (locales.FS), built on first
// use, logs with slog.Default(), and says so once in the log. That is not the catalog a
// server loaded with other files: put the middleware on every route, or call WriteErrorFor
// with a Localizer of the catalog to use.
//
// Once the response has started, WriteError writes nothing and tells OnError.
func WriteError(w http.ResponseWriter, r *http.Request, err error) {
	s := stateFrom(r.Context())
	if s == nil {
		s = fallbackState(r)
	} else if s.fw.phase != phaseNone {
		s.cfg.onError(r, fmt.Errorf("middleware: WriteError after the response started: %w", err))
		return
	}
	s.fw.noHold = true
	s.writeError(w, r, err)
}

// writeError writes the typed body of err to w, which is s's writer or wraps it.
func (s *state) writeError(w http.ResponseWriter, r *http.Request, err error) {
	p := classify(err)
	if p.report {
		if err == nil {
			err = errNil
		}
		s.cfg.onError(r, err)
	}
	s.writeProblem(w, r, p)
}

// writeProblem writes the typed body of p to w. A message rendered and encoded before is
// written from the cache when it has no placeholders or the data fills none.
func (s *state) writeProblem(w http.ResponseWriter, r *http.Request, p problem) {
	s.recordBody(p.code, langOf(s.loc))
	setErrorHeaders(w.Header(), p.code, p.status, s.loc.String(), s.values())
	enc := s.cfg.cache.get(s.loc, p.code)
	text := enc.text
	if p.data != nil && !enc.fixed {
		text = s.loc.Message(p.code, p.data)
	}
	if text == enc.text && s.cfg.members == nil {
		w.WriteHeader(p.status)
		w.Write(enc.body)
		return
	}
	e := getEncoder()
	defer e.release()
	if text == enc.text {
		e.buf.Write(enc.body)
	} else {
		e.body = wireBody{Code: int(p.code), Message: text}
		e.encode(&e.body)
	}
	if s.cfg.members != nil {
		s.addMembers(e, r, p)
	}
	w.WriteHeader(p.status)
	w.Write(e.buf.Bytes())
}

// addMembers appends the Members option's members to the body in e, which ends with '}'.
func (s *state) addMembers(e *encoder, r *http.Request, p problem) {
	ms := s.cfg.members(r, &codes.Error{Code: p.code, Data: p.data, Status: p.status})
	e.buf.Truncate(e.buf.Len() - 1)
	for i, m := range ms {
		if err := memberError(ms[:i], m.Name); err != nil {
			s.cfg.onError(r, err)
			continue
		}
		n := e.buf.Len()
		e.buf.WriteByte(',')
		e.encodeString(m.Name)
		e.buf.WriteByte(':')
		if err := e.encode(m.Value); err != nil {
			e.buf.Truncate(n)
			s.cfg.onError(r, fmt.Errorf("middleware: member %q: %w", m.Name, err))
		}
	}
	e.buf.WriteByte('}')
}

// memberError says why a member named name cannot follow Code, Message and before.
func memberError(before []Member, name string) error {
	if name == "Code" || name == "Message" {
		return fmt.Errorf("middleware: member %q is reserved", name)
	}
	for _, m := range before {
		if m.Name == name {
			return fmt.Errorf("middleware: member %q given twice", name)
		}
	}
	return nil
}

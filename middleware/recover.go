package middleware

import (
	"fmt"
	"net/http"
	"runtime/debug"

	"github.com/apiswitch/errcode/codes"
)

// A PanicError is what OnError is told when the middleware recovers a panic of an inner
// handler. Neither the value nor the stack reaches the client.
type PanicError struct {
	Value any    // the value passed to panic
	Stack []byte // the goroutine's stack where it was recovered
}

func (e *PanicError) Error() string { return fmt.Sprintf("middleware: panic: %v", e.Value) }

// Unwrap returns the panic value if it is an error.
func (e *PanicError) Unwrap() error {
	err, _ := e.Value.(error)
	return err
}

// recovered handles the panic value v of the inner handler. http.ErrAbortHandler goes on,
// after any held body. Any other panic is reported; it becomes a 500 INTERNAL_ERROR if no
// status has been sent yet, and otherwise aborts the response with http.ErrAbortHandler,
// so that the client sees a broken response rather than a truncated one that looks whole.
func (s *state) recovered(v any) {
	if abortedBy(v) {
		s.fw.commit()
		s.out.Aborted = true
		panic(v)
	}
	s.cfg.onError(s.req, &PanicError{Value: v, Stack: debug.Stack()})
	switch s.fw.phase {
	case phaseHijacked:
		return
	case phaseNone, phaseHold:
		if s.fw.buf != nil {
			s.fw.release()
		}
		h := s.fw.w.Header()
		deleteAll(h, representation[:])
		deleteAll(h, panicked[:])
		s.fw.phase, s.fw.noHold = phaseNone, true
		s.writeProblem(&s.fw, s.req, problem{code: codes.InternalError, status: http.StatusInternalServerError})
		return
	}
	s.out.Aborted = true
	panic(http.ErrAbortHandler)
}

package grpcerr

import "fmt"

// A PanicError is what OnError is told when a Server recovers a panic of a handler. Neither
// the value nor the stack reaches the client, which gets INTERNAL with INTERNAL_ERROR.
type PanicError struct {
	Value any    // the value passed to panic
	Stack []byte // the goroutine's stack where it was recovered
}

func (e *PanicError) Error() string { return fmt.Sprintf("grpcerr: panic: %v", e.Value) }

// Unwrap returns the panic value if it is an error.
func (e *PanicError) Unwrap() error {
	err, _ := e.Value.(error)
	return err
}

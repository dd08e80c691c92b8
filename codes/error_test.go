package codes_test

import (
	"errors"
	"fmt"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/apiswitch/errcode/codes"
)

func TestErrorIsAndAs(t *testing.T) {
	cause := io.ErrUnexpectedEOF
	err := fmt.Errorf("handler: %w", codes.Wrap(cause, codes.VolCreateFailed).With("Name", "data"))

	assert.ErrorIs(t, err, codes.VolCreateFailed)
	assert.ErrorIs(t, err, codes.New(codes.VolCreateFailed))
	assert.NotErrorIs(t, err, codes.VolDeleteFailed)
	assert.ErrorIs(t, err, cause, "the cause is not unwrapped")
	assert.NotErrorIs(t, err, codes.Code(0))

	var e *codes.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, codes.VolCreateFailed, e.Code)
	assert.Equal(t, map[string]any{"Name": "data"}, e.Data)
	assert.Equal(t, "VOL_CREATE_FAILED (10312): unexpected EOF", e.Error())
	assert.Equal(t, "Code(7): cause", (&codes.Error{Code: 7, Cause: errors.New("cause")}).Error())
}

func TestBareCodeIsAnError(t *testing.T) {
	var err error = codes.AppNotFound
	wrapped := fmt.Errorf("lookup: %w", err)
	if !errors.Is(wrapped, codes.AppNotFound) {
		t.Error("errors.Is(wrapped bare code) = false")
	}
	if got := err.Error(); got != "APP_NOT_FOUND" {
		t.Errorf("Error() = %q", got)
	}
}

func TestFrom(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want codes.Code
		ok   bool
	}{
		{"nil", nil, 0, false},
		{"foreign", io.EOF, 0, false},
		{"bare", codes.AppNotFound, codes.AppNotFound, true},
		{"wrapped bare", fmt.Errorf("x: %w", codes.TokenInvalid), codes.TokenInvalid, true},
		{"error", codes.New(codes.Forbidden), codes.Forbidden, true},
		{"wrapped error", fmt.Errorf("x: %w", codes.Wrap(io.EOF, codes.QuotaExceed)), codes.QuotaExceed, true},
		{"outermost wins", codes.Wrap(codes.AppNotFound, codes.InternalError), codes.InternalError, true},
		{"nil *Error", (*codes.Error)(nil), 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, ok := codes.From(tt.err)
			if ok != tt.ok {
				t.Fatalf("From(%v) ok = %v, want %v", tt.err, ok, tt.ok)
			}
			if ok && e.Code != tt.want {
				t.Errorf("From(%v).Code = %v, want %v", tt.err, e.Code, tt.want)
			}
		})
	}
}

func TestZeroError(t *testing.T) {
	var e codes.Error
	if e.Code.Known() {
		t.Error("zero Error has a known code")
	}
	if got := e.Error(); got != "Code(0)" {
		t.Errorf("zero Error() = %q", got)
	}
}

func TestErrorHTTPStatus(t *testing.T) {
	if got := codes.New(codes.AppNotFound).HTTPStatus(); got != 404 {
		t.Errorf("HTTPStatus() = %d, want the code's 404", got)
	}
	e := &codes.Error{Code: codes.InternalError, Status: 502}
	if got := e.HTTPStatus(); got != 502 {
		t.Errorf("HTTPStatus() = %d, want the override 502", got)
	}
}

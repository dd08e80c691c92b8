package gateway

import (
	"errors"
	"net/http"
	"slices"

	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime"
	grpccodes "google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// challenge returns the writer runtime.DefaultHTTPErrorHandler should answer err on. For
// UNAUTHENTICATED, which it answers with the status message as WWW-Authenticate, the
// writer replaces that value by the challenges w had, or Bearer: a status message is
// neither a challenge nor meant for a header.
func challenge(w http.ResponseWriter, err error) http.ResponseWriter {
	var custom *runtime.HTTPStatusError
	if errors.As(err, &custom) {
		err = custom.Err
	}
	st := status.Convert(err)
	if st.Code() != grpccodes.Unauthenticated {
		return w
	}
	return &challengeWriter{ResponseWriter: w, message: st.Message(), prior: slices.Clone(w.Header()["Www-Authenticate"])}
}

type challengeWriter struct {
	http.ResponseWriter
	message string
	prior   []string
	wrote   bool
}

func (c *challengeWriter) WriteHeader(code int) {
	if !c.wrote {
		c.wrote = true
		c.fix()
	}
	c.ResponseWriter.WriteHeader(code)
}

func (c *challengeWriter) Write(b []byte) (int, error) {
	if !c.wrote {
		c.WriteHeader(http.StatusOK)
	}
	return c.ResponseWriter.Write(b)
}

// Unwrap gives http.ResponseController the underlying writer.
func (c *challengeWriter) Unwrap() http.ResponseWriter { return c.ResponseWriter }

// fix replaces the status message the default handler set as the first WWW-Authenticate
// value; values forwarded from metadata after it are kept.
func (c *challengeWriter) fix() {
	h := c.Header()
	v := h["Www-Authenticate"]
	if len(v) == 0 || v[0] != c.message {
		return
	}
	v = append(c.prior, v[1:]...)
	if len(v) == 0 {
		v = []string{"Bearer"}
	}
	h["Www-Authenticate"] = v
}

package middleware

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"io"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"
)

// The content codings the gateway's fill path decodes and encodes (RFC 9110 §8.4.1):
// gzip, deflate (the zlib format; a raw deflate stream, which some servers send, is
// accepted too) and br (RFC 7932, through github.com/andybalholm/brotli). A body in any
// other coding, or in several, passes through unchanged.
const (
	codingIdentity = "identity"
	codingGzip     = "gzip"
	codingDeflate  = "deflate"
	codingBrotli   = "br"
)

// codingOf returns the one content coding of a response that the fill path can decode,
// "" for none (identity), and false for any other.
func codingOf(values []string) (string, bool) {
	switch len(values) {
	case 0:
		return "", true
	case 1:
	default:
		return "", false
	}
	c := strings.ToLower(strings.Trim(values[0], " \t"))
	switch c {
	case codingGzip, "x-gzip":
		return codingGzip, true
	case codingDeflate, codingBrotli:
		return c, true
	}
	return "", false
}

// errTooLarge reports a body that decodes to more than the bound.
var errTooLarge = errors.New("middleware: the decoded body exceeds MaxBody")

// decodeBody returns the body data encoded with coding decoded, if it decodes to at most max
// bytes: decoding stops at max+1 bytes of output, so a bomb is never inflated past the
// bound. Data after the end of the stream is an error.
func decodeBody(coding string, data []byte, max int) ([]byte, error) {
	var r io.Reader
	switch coding {
	case codingGzip:
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, err
		}
		r = zr
	case codingDeflate:
		zr, err := zlib.NewReader(bytes.NewReader(data))
		if err != nil {
			zr = flate.NewReader(bytes.NewReader(data)) // raw deflate, as browsers accept it
		}
		r = zr
	case codingBrotli:
		r = brotli.NewReader(bytes.NewReader(data))
	default:
		return data, nil
	}
	out, err := io.ReadAll(io.LimitReader(r, int64(max)+1))
	if err != nil {
		return nil, err
	}
	if len(out) > max {
		return nil, errTooLarge
	}
	return out, nil
}

var compressors = map[string]*sync.Pool{
	codingGzip:    {New: func() any { return gzip.NewWriter(nil) }},
	codingDeflate: {New: func() any { return zlib.NewWriter(nil) }},
	codingBrotli:  {New: func() any { return brotli.NewWriter(nil) }},
}

// resetWriter is what the pooled compressors have in common.
type resetWriter interface {
	io.WriteCloser
	Reset(io.Writer)
}

// encodeBody returns data encoded with coding ("" or identity: unchanged).
func encodeBody(coding string, data []byte) []byte {
	pool, ok := compressors[coding]
	if !ok {
		return data
	}
	w := pool.Get().(resetWriter)
	defer pool.Put(w)
	var buf bytes.Buffer
	w.Reset(&buf)
	w.Write(data) // writes to a bytes.Buffer do not fail
	w.Close()
	return buf.Bytes()
}

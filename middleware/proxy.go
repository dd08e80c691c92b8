package middleware

import (
	"bytes"
	"io"
	"net/http"
	"strconv"
)

// ModifyResponse is the fill path of an httputil.ReverseProxy that the middleware wraps:
// set it as the proxy's ModifyResponse, or call it from one. It fills the Message of a
// back end's error body as the fill path does for inner handlers, before anything is sent
// to the client, and also when the body is compressed:
//
//   - A non-2XX JSON body (see the package documentation for which) whose Content-Encoding
//     is gzip, deflate or br, and whose compressed and decoded sizes are both at most
//     MaxBody, is decoded, filled, and encoded again: in the back end's coding when the
//     request's Accept-Encoding accepts it, else without coding, else in gzip, br or
//     deflate, whichever it accepts. Vary then gets Accept-Encoding.
//   - Decoding stops at MaxBody bytes of output: a body that decodes to more (a
//     decompression bomb) or does not decode passes through untouched, as it came.
//   - Other bodies, 2XX and other codings included, are never read or decoded here.
//
// A filled body gets its Content-Length, Content-Language and Vary, and loses the back
// end's ETag and digests. The request's Accept-Encoding is the client's, which the proxy
// sends upstream unchanged; the proxy's transport must not add its own (set
// http.Transport.DisableCompression). An error reading the body (a reset, a timeout of
// the request's context) is returned, so that the proxy's ErrorHandler answers while
// nothing has been sent. Without the middleware around the proxy, ModifyResponse changes
// nothing.
func ModifyResponse(resp *http.Response) error {
	s := stateFrom(resp.Request.Context())
	if s == nil {
		return nil
	}
	s.fw.noHold = true // judged here: the writer passes this response through
	coding, ok := codingOf(resp.Header["Content-Encoding"])
	if !ok || len(resp.Trailer) > 0 || !s.cfg.eligible(resp.StatusCode, resp.Request.Method, resp.Header) {
		return nil
	}
	raw, err := readUpTo(resp.Body, s.cfg.maxBody)
	if err != nil {
		return err
	}
	if len(raw) > s.cfg.maxBody {
		resp.Body = replay(raw, resp.Body)
		return nil
	}
	resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewReader(raw))
	body, err := decodeBody(coding, raw, s.cfg.maxBody)
	if err != nil {
		return nil // a bomb or a broken stream: untouched
	}
	res := s.cfg.fill(s.loc, body, nil)
	s.filled(res, resp.StatusCode)
	if res.body == nil {
		return nil
	}
	out, ok := outputCoding(resp.Request.Header["Accept-Encoding"], coding)
	if !ok {
		return nil
	}
	setEncoded(resp, out, encodeBody(out, res.body), s)
	if coding != "" {
		addVary(resp.Header, "Accept-Encoding", make([]string, 1))
	}
	return nil
}

// setEncoded makes data, encoded with coding, the body of resp.
func setEncoded(resp *http.Response, coding string, data []byte, s *state) {
	h := resp.Header
	delete(h, "Content-Encoding")
	if coding != "" && coding != codingIdentity {
		h["Content-Encoding"] = []string{coding}
	}
	setFilledHeaders(h, s.loc.String(), len(data), true, new(headerValues))
	resp.ContentLength = int64(len(data))
	resp.TransferEncoding = nil
	resp.Body = io.NopCloser(bytes.NewReader(data))
	resp.Header["Content-Length"] = []string{strconv.Itoa(len(data))}
}

// outputCoding chooses the coding of a filled body: the back end's when the client accepts
// it, else identity, else one the fill path can encode.
func outputCoding(acceptEncoding []string, backend string) (string, bool) {
	for _, c := range [...]string{backend, codingIdentity, codingGzip, codingBrotli, codingDeflate} {
		if c != "" && accepts(acceptEncoding, c) {
			return c, true
		}
	}
	return "", false
}

// readUpTo reads r to its end or to max+1 bytes, whichever comes first.
func readUpTo(r io.Reader, max int) ([]byte, error) {
	var buf bytes.Buffer
	_, err := buf.ReadFrom(io.LimitReader(r, int64(max)+1))
	return buf.Bytes(), err
}

// replay returns a body that reads the bytes read already, then the rest of rc.
func replay(read []byte, rc io.ReadCloser) io.ReadCloser {
	return struct {
		io.Reader
		io.Closer
	}{io.MultiReader(bytes.NewReader(read), rc), rc}
}

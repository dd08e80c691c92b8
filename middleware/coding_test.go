package middleware

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"errors"
	"runtime"
	"strings"
	"testing"

	"github.com/apiswitch/errcode/internal/httpfield"
)

// bomb returns n zero bytes, gzipped: about a thousandth of n.
func bomb(t testing.TB, n int) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zeros := make([]byte, 1<<20)
	for n > 0 {
		k := min(n, len(zeros))
		zw.Write(zeros[:k])
		n -= k
	}
	zw.Close()
	return buf.Bytes()
}

// TestDecodeBombBounded decodes a gzip bomb of 50 MB: it is refused, and decoding it
// allocates about the bound, never the bomb.
func TestDecodeBombBounded(t *testing.T) {
	data := bomb(t, 50<<20)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := decodeBody(codingGzip, data, DefaultMaxBody)
	runtime.ReadMemStats(&after)
	if !errors.Is(err, errTooLarge) {
		t.Fatalf("decodeBody(bomb of %d bytes) = %v, want errTooLarge", len(data), err)
	}
	if got := after.TotalAlloc - before.TotalAlloc; got > 4<<20 {
		t.Errorf("decoding the bomb allocated %d bytes, want about the bound (%d)", got, DefaultMaxBody)
	}
}

func TestDecodeRoundTrip(t *testing.T) {
	t.Parallel()
	body := []byte(`{"Code":10205,"Name":"` + strings.Repeat("web", 1000) + `"}`)
	for _, c := range []string{codingGzip, codingDeflate, codingBrotli, ""} {
		got, err := decodeBody(c, encodeBody(c, body), DefaultMaxBody)
		if err != nil || !bytes.Equal(got, body) {
			t.Errorf("%q: round trip = %.40q, %v", c, got, err)
		}
		if _, err := decodeBody(c, encodeBody(c, body), len(body)-1); c != "" && !errors.Is(err, errTooLarge) {
			t.Errorf("%q: one byte over the bound: %v, want errTooLarge", c, err)
		}
	}
	var raw bytes.Buffer // raw deflate, without the zlib wrapper
	fw, _ := flate.NewWriter(&raw, flate.DefaultCompression)
	fw.Write(body)
	fw.Close()
	if got, err := decodeBody(codingDeflate, raw.Bytes(), DefaultMaxBody); err != nil || !bytes.Equal(got, body) {
		t.Errorf("raw deflate = %.40q, %v", got, err)
	}
	if _, err := decodeBody(codingGzip, []byte("not gzip"), DefaultMaxBody); err == nil {
		t.Error("decoded a broken gzip stream")
	}
	if _, err := decodeBody(codingGzip, append(encodeBody(codingGzip, body), "trailing"...), DefaultMaxBody); err == nil {
		t.Error("decoded a gzip stream followed by garbage")
	}
}

func TestCodingOf(t *testing.T) {
	t.Parallel()
	tests := []struct {
		values []string
		coding string
		ok     bool
	}{
		{nil, "", true},
		{[]string{"gzip"}, "gzip", true},
		{[]string{" X-GZIP "}, "gzip", true},
		{[]string{"Deflate"}, "deflate", true},
		{[]string{"br"}, "br", true},
		{[]string{"zstd"}, "", false},
		{[]string{"identity"}, "", false},
		{[]string{"gzip, gzip"}, "", false},
		{[]string{"gzip", "br"}, "", false},
	}
	for _, tt := range tests {
		if c, ok := codingOf(tt.values); c != tt.coding || ok != tt.ok {
			t.Errorf("codingOf(%q) = %q, %v; want %q, %v", tt.values, c, ok, tt.coding, tt.ok)
		}
	}
}

// TestAccepts checks Accept-Encoding by RFC 9110 §12.5.3; rows marked with a source come
// from the RFC's own examples and from Go's net/http and Django's test suites.
func TestAccepts(t *testing.T) {
	t.Parallel()
	tests := []struct {
		lines  []string
		coding string
		want   bool
	}{
		{nil, "gzip", true}, // RFC 9110 §12.5.3: no header, any coding
		{nil, "identity", true},
		{[]string{""}, "gzip", false}, // RFC 9110 §12.5.3: empty value, identity only
		{[]string{""}, "identity", true},
		{[]string{"compress, gzip"}, "gzip", true}, // RFC 9110 §12.5.3 examples
		{[]string{"*"}, "br", true},
		{[]string{"compress;q=0.5, gzip;q=1.0"}, "gzip", true},
		{[]string{"gzip;q=1.0, identity; q=0.5, *;q=0"}, "br", false},
		{[]string{"gzip;q=1.0, identity; q=0.5, *;q=0"}, "identity", true},
		{[]string{"gzip;q=0"}, "gzip", false},
		{[]string{"GZIP;Q=0.001"}, "gzip", true},
		{[]string{"x-gzip"}, "gzip", true},
		{[]string{"*;q=0"}, "identity", false},
		{[]string{"identity;q=0"}, "identity", false},
		{[]string{"br"}, "identity", true},
		{[]string{"br", "gzip"}, "gzip", true}, // several lines are one list
		{[]string{"gzip;q=2"}, "gzip", false},  // a malformed entry is dropped
		{[]string{"gzip;q=x, *"}, "gzip", true},
		{[]string{"*;q=;Q=1"}, "gzip", false},                  // a malformed weight drops the element, whatever follows it
		{[]string{"gzip, deflate, br, zstd"}, "deflate", true}, // Chrome
		{[]string{"gzip;q=0.5, gzip;q=0"}, "gzip", true},       // the highest q of one listed twice
		{[]string{strings.Repeat("x,", 40) + "gzip"}, "gzip", false},
	}
	for _, tt := range tests {
		if got := accepts(tt.lines, tt.coding); got != tt.want {
			t.Errorf("accepts(%q, %q) = %v, want %v", tt.lines, tt.coding, got, tt.want)
		}
	}
}

// FuzzAccepts compares accepts with a slow reference written from RFC 9110 §12.5.3.
func FuzzAccepts(f *testing.F) {
	for _, s := range []string{"", "gzip", "gzip;q=0, *", "identity;q=0", "*;q=0.5, br;Q=1", "a;b=c;q=0.000"} {
		f.Add(s, "gzip")
	}
	f.Fuzz(func(t *testing.T, line, coding string) {
		coding = strings.ToLower(coding)
		if got, want := accepts([]string{line}, coding), referenceAccepts(line, coding); got != want {
			t.Fatalf("accepts(%q, %q) = %v, reference %v", line, coding, got, want)
		}
	})
}

// referenceAccepts is accepts for one line, written for clarity, not speed.
func referenceAccepts(line, coding string) bool {
	weights := map[string]int{}
	for i, item := range strings.Split(line, ",") {
		if i >= maxCodings {
			break
		}
		parts := strings.Split(item, ";")
		name := strings.ToLower(strings.Trim(parts[0], " \t"))
		if !httpfield.IsToken(name) {
			continue
		}
		if name == "x-gzip" {
			name = "gzip"
		}
		// The grammar allows one weight; an element with a malformed one is malformed, and
		// dropped, even when another q follows ("*;q=;Q=1").
		q, ok := 1000, true
		for _, p := range parts[1:] {
			k, v, _ := strings.Cut(strings.Trim(p, " \t"), "=")
			if strings.EqualFold(strings.TrimRight(k, " \t"), "q") {
				var valid bool
				q, valid = httpfield.QValue(strings.Trim(v, " \t"))
				ok = ok && valid
			}
		}
		if !ok {
			continue
		}
		if w, seen := weights[name]; !seen || q > w {
			weights[name] = q
		}
	}
	if w, ok := weights[coding]; ok {
		return w > 0
	}
	star, ok := weights["*"]
	if coding == "identity" {
		return !ok || star > 0
	}
	return ok && star > 0
}

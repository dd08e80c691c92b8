package backendtest

import (
	"bytes"
	"compress/gzip"
	"strings"
	"sync"
)

// BombSize is what the bomb inflates to.
const BombSize = 50 << 20

// bomb is a JSON error body padded to BombSize, gzipped.
var bomb = sync.OnceValue(func() []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write([]byte(`{"Code":10205,"Pad":"`))
	chunk := []byte(strings.Repeat("0", 1<<20))
	for n := BombSize; n > 0; n -= len(chunk) {
		zw.Write(chunk[:min(n, len(chunk))])
	}
	zw.Write([]byte(`"}`))
	zw.Close()
	return buf.Bytes()
})

// BombBytes returns the bomb as the back end sends it.
func BombBytes() []byte { return bomb() }

func gzipped(s string) string {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte(s))
	zw.Close()
	return buf.String()
}

package backendtest

import (
	"bytes"
	"compress/gzip"
	_ "embed"
)

// BombSize is what the bomb's padding inflates to.
const BombSize = 50 << 20

// bomb is a JSON error body padded with BombSize zeros, gzipped: about 50 KB. It is a
// file, written by TestBomb with -update, because deflating 50 MiB takes seconds, tens of
// them under the race detector on a loaded machine: built while a request waits, it made
// the gateway's idle timeout expire before the back end had answered.
//
//go:embed testdata/bomb.json.gz
var bomb []byte

// BombBytes returns the bomb as the back end sends it.
func BombBytes() []byte { return bomb }

func gzipped(s string) string {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte(s))
	zw.Close()
	return buf.String()
}

package backendtest

import (
	"bytes"
	"compress/gzip"
	"flag"
	"io"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/bomb.json.gz")

// The bomb's JSON around its padding.
const bombHead, bombTail = `{"Code":10205,"Pad":"`, `"}`

// TestBomb checks that the bomb the back end sends inflates to a JSON error body padded
// with BombSize zeros, more than a thousand times its size. With -update, it writes the
// bomb first.
func TestBomb(t *testing.T) {
	if *update {
		if err := os.WriteFile("testdata/bomb.json.gz", makeBomb(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	zr, err := gzip.NewReader(bytes.NewReader(BombBytes()))
	if err != nil {
		t.Fatal(err)
	}
	if at, err := differ(zr, bombBody()); at >= 0 || err != nil {
		t.Fatalf("the bomb inflates to other bytes from byte %d on (%v)", at, err)
	}
	if inflated := len(bombHead) + BombSize + len(bombTail); inflated < 1000*len(BombBytes()) {
		t.Errorf("%d bytes inflate to %d: not a bomb", len(BombBytes()), inflated)
	}
}

// bombBody returns what the bomb inflates to.
func bombBody() io.Reader {
	return io.MultiReader(strings.NewReader(bombHead), io.LimitReader(zeros{}, BombSize), strings.NewReader(bombTail))
}

// zeros reads as an endless run of '0's.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = '0'
	}
	return len(p), nil
}

// differ returns the offset of the first byte at which a and b differ, the shorter one's
// length if one ends first, or -1 if they are the same. It compares a chunk at a time: a
// loop over each of 50 MiB of bytes runs for seconds under the race detector.
func differ(a, b io.Reader) (int, error) {
	const size = 64 << 10
	pa, pb := make([]byte, size), make([]byte, size)
	for off := 0; ; off += size {
		na, errA := io.ReadFull(a, pa)
		nb, errB := io.ReadFull(b, pb)
		for _, err := range []error{errA, errB} {
			if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
				return off, err
			}
		}
		if !bytes.Equal(pa[:na], pb[:nb]) {
			i := 0
			for i < min(na, nb) && pa[i] == pb[i] {
				i++
			}
			return off + i, nil
		}
		if na < size {
			return -1, nil
		}
	}
}

// makeBomb returns the bomb's body gzipped as tightly as compress/gzip can.
func makeBomb() []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	io.Copy(zw, bombBody())
	zw.Close()
	return buf.Bytes()
}

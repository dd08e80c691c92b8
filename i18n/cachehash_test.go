package i18n

import (
	"strings"
	"testing"
)

// TestHashReadsEveryByte changes each byte of strings of every length up to 200 (every
// branch of hash and every position in its blocks of 16 and 48 bytes): each change
// changes the hash, which a byte hash never reads would not.
func TestHashReadsEveryByte(t *testing.T) {
	k := newHashKey()
	s := []byte(strings.Repeat("zh-CN,zh;q=0.9,en;q=0.8,", 9))
	for n := range 200 {
		key := string(s[:n])
		h := k.hash(key)
		if k.hash(strings.Clone(key)) != h {
			t.Fatalf("length %d: two hashes of the same string differ", n)
		}
		for i := range n {
			b := s[i]
			s[i] ^= 1
			if k.hash(string(s[:n])) == h {
				t.Errorf("length %d: changing byte %d leaves the hash unchanged", n, i)
			}
			s[i] = b
		}
		if n > 0 && k.hash(key[:n-1]) == h {
			t.Errorf("length %d: the hash of its prefix of length %d is the same", n, n-1)
		}
	}
}

// TestHashKeyed: two caches hash the same strings differently, so that keys that collide
// in one cache are no use against another or after a reload.
func TestHashKeyed(t *testing.T) {
	a, b := newHashKey(), newHashKey()
	same := 0
	for _, s := range append(browserHeaders, "", "en", "zh-CN", strings.Repeat("a", 100)) {
		if a.hash(s) == b.hash(s) {
			same++
		}
	}
	if same > 0 {
		t.Errorf("%d strings hash the same under two random keys", same)
	}
}

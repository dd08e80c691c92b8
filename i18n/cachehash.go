package i18n

import (
	"math/bits"
	"math/rand/v2"
)

// A hashKey is the secret of a cache's string hash: four random words, drawn when the
// cache is made and never shown, so that a sender who cannot read them cannot choose keys
// that collide.
type hashKey [4]uint64

func newHashKey() hashKey {
	return hashKey{rand.Uint64(), rand.Uint64(), rand.Uint64(), rand.Uint64()}
}

// hash hashes s. It is the runtime's own string hash for Go maps on processors without AES
// instructions (memhashFallback in runtime/hash64.go, after wyhash), written out here
// because on the cached path of Localizer hash/maphash.String, three calls deep to the
// AES hash, cost a third of the whole lookup. Its keys are random
// per cache as the runtime's are per process, so it resists collision flooding as Go maps
// do where they use it.
func (k *hashKey) hash(s string) uint64 {
	const m5 = 0x1d8e4e27c47d124f
	var a, b uint64
	seed, n := k[0], len(s)
	switch {
	case n == 0:
		return seed
	case n < 4:
		a = uint64(s[0]) | uint64(s[n>>1])<<8 | uint64(s[n-1])<<16
	case n <= 8:
		a, b = r4(s, 0), r4(s, n-4)
	case n <= 16:
		a, b = r8(s, 0), r8(s, n-8)
	default:
		p, l := 0, n // the bytes left to hash are s[p:p+l]
		if l > 48 {
			seed1, seed2 := seed, seed
			for ; l > 48; p, l = p+48, l-48 {
				seed = mix(r8(s, p)^k[1], r8(s, p+8)^seed)
				seed1 = mix(r8(s, p+16)^k[2], r8(s, p+24)^seed1)
				seed2 = mix(r8(s, p+32)^k[3], r8(s, p+40)^seed2)
			}
			seed ^= seed1 ^ seed2
		}
		for ; l > 16; p, l = p+16, l-16 {
			seed = mix(r8(s, p)^k[1], r8(s, p+8)^seed)
		}
		a, b = r8(s, p+l-16), r8(s, p+l-8) // the last 16 bytes of s
	}
	return mix(m5^uint64(n), mix(a^k[1], b^seed))
}

func mix(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	return hi ^ lo
}

// r4 reads 4 bytes of s at i, little-endian; the compiler makes it one load.
func r4(s string, i int) uint64 {
	s = s[i : i+4]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24
}

// r8 reads 8 bytes of s at i, little-endian; the compiler makes it one load.
func r8(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

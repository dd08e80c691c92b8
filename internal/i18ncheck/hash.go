package i18ncheck

import (
	"crypto/sha1"
	"encoding/hex"
)

// sha1Hex formats the SHA-1 of s as goi18n writes hashes: "sha1-" and lower-case hex.
func sha1Hex(s string) string {
	h := sha1.Sum([]byte(s))
	return "sha1-" + hex.EncodeToString(h[:])
}

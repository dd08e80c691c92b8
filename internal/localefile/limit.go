package localefile

import (
	"fmt"
	"strings"
)

// The limits on one message text (one plural form), which Parse enforces so that a
// rendered message is bounded whatever a file or a request holds: at most MaxMessageSize
// bytes of text plus MaxPlaceholders values, each cut to a fixed length by the renderer.
// Without them, one 8 MiB file could hold a message with a million {{.A}}, and each render
// would repeat a value a million times. Real messages are far below both: the longest of
// API Switch is about 100 bytes, with at most two placeholders.
const (
	// MaxMessageSize is the longest text a message may have, in bytes.
	MaxMessageSize = 4 << 10
	// MaxPlaceholders is how many placeholders a message may have, counting each use.
	MaxPlaceholders = 16
)

// checkSize refuses a text longer than MaxMessageSize.
func checkSize(text string) error {
	if len(text) <= MaxMessageSize {
		return nil
	}
	return &TemplateError{Reason: fmt.Sprintf("the message is %d bytes long, more than the %d a message may have", len(text), MaxMessageSize)}
}

// tooManyPlaceholders refuses the placeholder at offset, the one after MaxPlaceholders.
func tooManyPlaceholders(text, left, right string, offset int) error {
	action := text[offset:]
	if end := strings.Index(action[len(left):], right); end >= 0 {
		action = action[:len(left)+end+len(right)]
	}
	return &TemplateError{Action: short(action), Offset: offset,
		Reason: fmt.Sprintf("more than %d placeholders in one message", MaxPlaceholders)}
}

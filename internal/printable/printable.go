// Package printable shows a value read from a file on a terminal or in a
// CI log as inert text. A file name, slug, field value, message ID or
// translation can hold a newline, which would start a line of its own (one
// that GitHub Actions runs as a workflow command when it begins with
// "::"), or an escape sequence, which a terminal obeys. glosa's text
// renderers pass every such value through String before putting it into
// a line of their own; glosa's own words and layout are left as they are.
package printable

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// String returns s with every character a terminal would act on written
// as a Go-style escape: \n, \r and \t, \xHH for the other C0 controls,
// DEL and bytes that are not UTF-8, \u00HH for the C1 controls (U+0080 to
// U+009F, among them CSI, which starts an ANSI sequence as ESC [ does).
// The result holds only printable characters and spaces. A backslash is
// left alone, so that String of its own result changes nothing: a value
// worded into a message that is itself shown through String is escaped
// once.
func String(s string) string {
	i := firstUnsafe(s)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r >= 0x80 && r <= 0x9f:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// firstUnsafe returns the index of the first byte String escapes, or -1.
func firstUnsafe(s string) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || (r >= 0x80 && r <= 0x9f) {
			return i
		}
		i += size
	}
	return -1
}

package limits

import (
	"bytes"
	"unicode/utf8"

	"github.com/glosa/glosa/internal/l10n"
)

// CheckYAMLKeys refuses YAML text of more than max mapping keys, at the
// line of the first key too many (the column of its line's first
// character that is not a space), before the text reaches yaml.v3, whose
// node tree of a 200,000-key catalog takes hundreds of megabytes. A key is
// a colon followed by a space, a tab or a line end, or right after a
// closing quote, outside quoted strings, comments and block scalars: in
// YAML a plain scalar cannot hold such a colon, so that the count is the
// number of keys of any YAML that yaml.v3 reads. Written by hand: yaml.v3
// has no such bound. YAML that is not well formed is left for the library
// to refuse.
func CheckYAMLKeys(data []byte, max int) error {
	keys, line, lineStart := 0, 1, 0
	// tokenStart is set where a scalar may begin: a quote there opens a
	// quoted string, and | or > a block scalar. block is the indentation
	// of the line a block scalar started on, -1 outside one.
	tokenStart, block := true, -1
	for i := 0; i < len(data); i++ {
		c := data[i]
		if i == lineStart && block >= 0 {
			// Inside a block scalar: skip lines more indented than its
			// key's, and blank ones.
			indent := 0
			for i+indent < len(data) && data[i+indent] == ' ' {
				indent++
			}
			if j := i + indent; indent > block || j == len(data) || data[j] == '\n' || data[j] == '\r' {
				if k := bytes.IndexByte(data[i:], '\n'); k >= 0 {
					line, lineStart = line+1, i+k+1
					i += k
					continue
				}
				return nil
			}
			block = -1
		}
		switch {
		case c == '\n':
			line, lineStart, tokenStart = line+1, i+1, true
		case c == ' ' || c == '\t' || c == '\r':
		case c == '#' && (i == lineStart || data[i-1] == ' ' || data[i-1] == '\t'):
			if k := bytes.IndexByte(data[i:], '\n'); k >= 0 {
				i += k - 1 // the newline is counted in the next round
			} else {
				i = len(data)
			}
		case tokenStart && (c == '"' || c == '\''):
			end := quotedEnd(data, i)
			for j := i; j < end; j++ {
				if data[j] == '\n' {
					line, lineStart = line+1, j+1
				}
			}
			i = end - 1
			tokenStart = false
			if end < len(data) && data[end] == ':' {
				tokenStart = true // a JSON-like key, "a":b
				i = end
				if keys++; keys > max {
					return tooManyKeys(data, line, lineStart, max)
				}
			}
		case tokenStart && (c == '|' || c == '>'):
			block = indentOf(data[lineStart:])
			tokenStart = false
		case c == ':' && (i+1 == len(data) || data[i+1] == ' ' || data[i+1] == '\t' || data[i+1] == '\n' || data[i+1] == '\r'):
			tokenStart = true
			if keys++; keys > max {
				return tooManyKeys(data, line, lineStart, max)
			}
		case c == '-' || c == '?' || c == '[' || c == '{' || c == ',':
			// A sequence entry, a complex key or a flow collection: a
			// scalar may follow (in a plain scalar, a quote or a bar
			// after these is rare, and only makes the count larger).
			tokenStart = true
		default:
			tokenStart = false
		}
	}
	return nil
}

// CheckJSONKeys refuses JSON text of more than max object keys (colons
// outside strings), at the first key too many, before the text is decoded.
func CheckJSONKeys(data []byte, max int) error {
	keys, line, lineStart, key := 0, 1, 0, 0
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '\n':
			line, lineStart = line+1, i+1
		case '"':
			key = i
			i = quotedEnd(data, i) - 1
		case ':':
			if keys++; keys > max {
				return l10n.At(line, utf8.RuneCount(data[lineStart:keyStart(key, lineStart)])+1, l10n.Msg("err.tooManyKeys", "Max", max))
			}
		}
	}
	return nil
}

// keyStart is where a key that begins at offset key is placed on the line
// starting at lineStart: its start, or the line's when the key began on an
// earlier line.
func keyStart(key, lineStart int) int {
	if key < lineStart {
		return lineStart
	}
	return key
}

// tooManyKeys is the error of a key too many on the line starting at
// data[lineStart].
func tooManyKeys(data []byte, line, lineStart, max int) error {
	return l10n.At(line, indentOf(data[lineStart:])+1, l10n.Msg("err.tooManyKeys", "Max", max))
}

// indentOf is the number of spaces that start text.
func indentOf(text []byte) int {
	n := 0
	for n < len(text) && text[n] == ' ' {
		n++
	}
	return n
}

// quotedEnd returns the offset just past the YAML or JSON string that
// opens at data[i] (a quote), or len(data) for one never closed: a double
// quote ends at the next one not escaped by a backslash, a single quote at
// the next one not doubled.
func quotedEnd(data []byte, i int) int {
	q := data[i]
	for j := i + 1; j < len(data); j++ {
		switch {
		case q == '"' && data[j] == '\\':
			j++
		case data[j] == q:
			if q == '\'' && j+1 < len(data) && data[j+1] == '\'' {
				j++
				continue
			}
			return j + 1
		}
	}
	return len(data)
}

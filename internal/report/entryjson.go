package report

import (
	"bytes"
	"encoding/json"
	"strconv"
	"unicode/utf8"
)

// appendEntryJSON appends e as writeJSONStreamed's encoder writes it (an
// element of the top-level array: prefix of four spaces, indent of two,
// HTML characters as they are), without its final newline. A status
// document is mostly these (65 MB of them on tldr's 38,000 pages in 39
// languages), and encoding/json spends most of such a run's output time
// on reflection and its second, indenting pass; FuzzEntryJSON compares
// the two.
func appendEntryJSON(b []byte, e *EntryJSON) []byte {
	b = append(b, "{\n      \"slug\": "...)
	b = appendJSONString(b, e.Slug)
	b = append(b, ",\n      \"path\": "...)
	b = appendJSONString(b, e.Path)
	b = append(b, ",\n      \"translations\": "...)
	switch {
	case e.Translations == nil:
		b = append(b, "null"...)
	case len(e.Translations) == 0:
		b = append(b, "[]"...)
	default:
		b = append(b, '[')
		for i := range e.Translations {
			t := &e.Translations[i]
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, "\n        {\n          \"lang\": "...)
			b = appendJSONString(b, t.Lang)
			b = append(b, ",\n          \"state\": "...)
			b = appendJSONString(b, t.State)
			b = append(b, ",\n          \"path\": "...)
			b = appendJSONString(b, t.Path)
			b = append(b, ",\n          \"wordsToTranslate\": "...)
			b = strconv.AppendInt(b, int64(t.WordsToTranslate), 10)
			b = append(b, ",\n          \"reason\": "...)
			b = appendJSONString(b, t.Reason)
			b = append(b, ",\n          \"probablyStale\": "...)
			b = strconv.AppendBool(b, t.ProbablyStale)
			b = append(b, ",\n          \"renamedTo\": "...)
			b = appendJSONString(b, t.RenamedTo)
			b = append(b, "\n        }"...)
		}
		b = append(b, "\n      ]"...)
	}
	return append(b, "\n    }"...)
}

// appendFindingJSON appends f as writeJSONStreamed's encoder writes it,
// as appendEntryJSON does an entry: a check document is mostly these, and
// the encoder's reflection and indenting pass were a tenth of a warm
// check's CPU. FuzzFindingJSON compares the two.
func appendFindingJSON(b []byte, f *FindingJSON) []byte {
	b = append(b, "{\n      \"rule\": "...)
	b = appendJSONString(b, f.Rule)
	b = append(b, ",\n      \"severity\": "...)
	b = appendJSONString(b, f.Severity)
	b = append(b, ",\n      \"path\": "...)
	b = appendJSONString(b, f.Path)
	b = append(b, ",\n      \"line\": "...)
	b = strconv.AppendInt(b, int64(f.Line), 10)
	b = append(b, ",\n      \"column\": "...)
	b = strconv.AppendInt(b, int64(f.Column), 10)
	b = append(b, ",\n      \"lang\": "...)
	b = appendJSONString(b, f.Lang)
	b = append(b, ",\n      \"slug\": "...)
	b = appendJSONString(b, f.Slug)
	b = append(b, ",\n      \"message\": "...)
	b = appendJSONString(b, f.Message)
	b = append(b, ",\n      \"fix\": "...)
	b = appendJSONString(b, f.Fix)
	b = append(b, ",\n      \"fingerprint\": "...)
	b = appendJSONString(b, f.Fingerprint)
	b = append(b, ",\n      \"baseline\": "...)
	b = appendJSONString(b, f.Baseline)
	return append(b, "\n    }"...)
}

// appendJSONString appends s quoted as encoding/json quotes it without
// HTML escapes: a string of printable ASCII without quotes or
// backslashes, or of valid UTF-8 beside them without U+2028 and U+2029,
// as it is; any other through encoding/json itself.
func appendJSONString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == '"' || c == '\\' || c >= utf8.RuneSelf && !plainUTF8(s[i:]) {
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			_ = enc.Encode(s) // a string always encodes
			return append(b, bytes.TrimSuffix(buf.Bytes(), []byte("\n"))...)
		} else if c >= utf8.RuneSelf {
			break // plainUTF8 read the rest
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// plainUTF8 reports whether s is valid UTF-8 with no byte below 0x20, no
// quote, backslash, U+2028 or U+2029: what encoding/json writes as it is.
func plainUTF8(s string) bool {
	for _, r := range s {
		if r < 0x20 || r == '"' || r == '\\' || r == utf8.RuneError || r == '\u2028' || r == '\u2029' {
			return false
		}
	}
	return true
}

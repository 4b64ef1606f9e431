package po

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/ianaindex"

	"github.com/glosa/glosa/internal/l10n"
)

// Errors a parse error wraps when the file's bytes, not its syntax, are
// wrong, for callers that branch on them.
var (
	// ErrUTF16 is a file with a UTF-16 byte order mark.
	ErrUTF16 = errors.New("the file is in UTF-16; save it as UTF-8")
	// ErrNUL is a NUL byte: gettext stops reading a string at one.
	ErrNUL = errors.New("the file contains a NUL byte")
	// ErrInvalidUTF8 is a byte that is not UTF-8 in a UTF-8 file.
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	// ErrCharset is a charset Parse cannot read: not UTF-8 and not a
	// single-byte charset such as ISO-8859-1, or a file whose bytes do not
	// read back unchanged through it.
	ErrCharset = errors.New("unsupported charset")
	// ErrCharsetMismatch is a file that declares a single-byte charset but
	// whose bytes are UTF-8 text: read as declared, every accented letter
	// would become two (imágenes as imÃ¡genes).
	ErrCharsetMismatch = errors.New("the bytes are UTF-8, not the declared charset")
)

// checkBytes rejects what no charset makes a PO file: UTF-16 and NUL bytes.
func checkBytes(data []byte) error {
	if bytes.HasPrefix(data, []byte("\xff\xfe")) || bytes.HasPrefix(data, []byte("\xfe\xff")) {
		return &l10n.Error{Line: 1, Column: 1, Text: l10n.Msg("err.utf16"), Err: ErrUTF16}
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		line, col := lineCol(data, i)
		return &l10n.Error{Line: line, Column: col, Text: l10n.Msg("err.nul"), Err: ErrNUL}
	}
	return nil
}

// isUTF8 reports whether a header's charset means UTF-8 text: UTF-8 itself,
// ASCII, which is part of it, or nothing or the CHARSET of a template not
// yet filled in, which msgfmt reads as UTF-8 too.
func isUTF8(charset string) bool {
	switch strings.ToUpper(charset) {
	case "", "CHARSET", "UTF-8", "UTF8", "ASCII", "US-ASCII":
		return true
	}
	return false
}

// charsetOf returns the encoding of a non-UTF-8 charset Parse can read: a
// single-byte one, whose bytes below 0x80 are ASCII, so that the PO syntax
// reads the same before and after decoding.
func charsetOf(name string) (encoding.Encoding, bool) {
	enc, err := ianaindex.IANA.Encoding(name)
	if err != nil || enc == nil {
		return nil, false
	}
	if _, ok := enc.(*charmap.Charmap); !ok {
		return nil, false
	}
	return enc, true
}

// decodeCharset returns data as UTF-8, read in the charset the header of f
// (parsed from data) names, or nil when the file is UTF-8 already.
func decodeCharset(f *File, data []byte) (encoding.Encoding, []byte, error) {
	name := f.Charset()
	if isUTF8(name) {
		if !utf8.Valid(data) {
			line, col := lineCol(data, invalidUTF8(data))
			return nil, nil, &l10n.Error{Line: line, Column: col, Text: l10n.Msg("err.invalidUTF8"), Err: ErrInvalidUTF8}
		}
		return nil, nil, checkStrings(f)
	}
	line, col := 1, 1
	if i := bytes.Index(data, []byte(name)); i >= 0 {
		line, col = lineCol(data, i)
	}
	refuse := &l10n.Error{Line: line, Column: col, Text: l10n.Msg("catalog.charset", "Charset", name), Err: ErrCharset}
	enc, ok := charsetOf(name)
	if !ok {
		return nil, nil, refuse
	}
	if at := utf8Text(data); at >= 0 {
		line, col := lineCol(data, at)
		return nil, nil, &l10n.Error{Line: line, Column: col, Text: l10n.Msg("catalog.charsetMismatch", "Charset", name), Err: ErrCharsetMismatch}
	}
	text, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, nil, refuse
	}
	// Encode must give the file back byte for byte.
	if back, err := enc.NewEncoder().Bytes(text); err != nil || !bytes.Equal(back, data) {
		return nil, nil, refuse
	}
	return enc, text, nil
}

// checkStrings rejects an entry whose strings are not UTF-8 once their
// escapes are decoded ("\200", "\xff"): the file's bytes are right, its
// text is not, and writing it would give a file that is not UTF-8.
func checkStrings(f *File) error {
	for _, e := range f.Entries {
		texts := append([]string{e.Context, e.ID, e.Plural}, e.Translations...)
		if e.Previous != nil {
			texts = append(texts, e.Previous.Context, e.Previous.ID, e.Previous.Plural)
		}
		for _, t := range texts {
			if !utf8.ValidString(t) {
				return &l10n.Error{Line: max(e.Line, e.FirstLine), Column: 1, Text: l10n.Msg("err.invalidUTF8"), Err: ErrInvalidUTF8}
			}
		}
	}
	return nil
}

// encodeCharset returns text, a file as UTF-8, in the file's charset. When
// the text holds a character the charset lacks (a source message with a …
// added to an ISO-8859-1 file), it returns the file converted to UTF-8, its
// header saying so, as msgmerge does: nothing is lost.
func (f *File) encodeCharset(text []byte) []byte {
	if out, err := f.charset.NewEncoder().Bytes(text); err == nil {
		return out
	}
	utf := *f
	utf.charset = nil
	utf.Entries = slices.Clone(f.Entries)
	for i, e := range utf.Entries {
		if e.IsHeader() && len(e.Translations) > 0 {
			h := *e
			h.Translations = slices.Clone(e.Translations)
			h.Translations[0] = setCharset(h.Translations[0], "UTF-8")
			utf.Entries[i] = &h
		}
	}
	return utf.Encode()
}

// setCharset returns a header's text with the charset of its Content-Type
// replaced.
func setCharset(header, charset string) string {
	lines := strings.Split(header, "\n")
	for i, line := range lines {
		name, value, ok := strings.Cut(line, ":")
		if !ok || !strings.EqualFold(strings.TrimSpace(name), "Content-Type") {
			continue
		}
		parts := strings.Split(value, ";")
		for j, part := range parts {
			key, _, isSet := strings.Cut(strings.TrimSpace(part), "=")
			if isSet && strings.EqualFold(strings.TrimSpace(key), "charset") {
				parts[j] = " charset=" + charset
			}
		}
		lines[i] = name + ":" + strings.Join(parts, ";")
	}
	return strings.Join(lines, "\n")
}

// lineCol returns the 1-based line and byte column of offset off in data.
func lineCol(data []byte, off int) (line, col int) {
	line = 1 + bytes.Count(data[:off], []byte("\n"))
	return line, off - (bytes.LastIndexByte(data[:off], '\n') + 1) + 1
}

// invalidUTF8 returns the offset of the first byte of data that is not
// UTF-8.
func invalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// utf8Text returns the offset of the first multi-byte UTF-8 sequence of
// data when data is valid UTF-8 holding one, else -1. Such a file is UTF-8
// whatever its header says: in a single-byte charset, a letter byte at or
// above 0xC0 is followed by another such byte in 0x80-0xBF (Ã and a C1
// control or ©-like sign) each time, for every accented letter of the file,
// which no real text does; one accented letter followed by an ASCII one
// already makes the bytes invalid UTF-8.
func utf8Text(data []byte) int {
	first := -1
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return -1
		}
		if first < 0 {
			first = i
		}
		i += size
	}
	return first
}

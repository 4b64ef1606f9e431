package po

import (
	"bytes"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// wrapWidth is the column at which gettext wraps strings.
const wrapWidth = 79

// Encode returns the file as PO text: every unedited entry exactly as it
// was read, every edited or added entry in gettext's canonical style, with
// the file's line endings, byte order mark and charset.
func (f *File) Encode() []byte {
	if f.charset != nil {
		return f.encodeCharset(f.encodeUTF8())
	}
	return f.encodeUTF8()
}

// encodeUTF8 returns the file as PO text in UTF-8.
func (f *File) encodeUTF8() []byte {
	var b bytes.Buffer
	nl := f.newline
	if nl == "" {
		nl = "\n"
	}
	if f.bom {
		b.WriteString("\ufeff")
	}
	start := b.Len()
	for _, e := range f.Entries {
		if !e.edited() {
			b.Write(e.lead)
			b.Write(e.raw)
			continue
		}
		// The file's last line may lack its newline, or half of it.
		if b.Len() > start && !bytes.HasSuffix(b.Bytes(), []byte("\n")) {
			if bytes.HasSuffix(b.Bytes(), []byte("\r")) {
				b.WriteString("\n")
			} else {
				b.WriteString(nl)
			}
		}
		switch {
		case e.raw != nil:
			b.Write(e.lead)
		case b.Len() > start:
			b.WriteString(nl)
		}
		encodeEntry(&b, e, nl)
	}
	b.Write(f.trailer)
	return b.Bytes()
}

// Write writes Encode's result to w.
func (f *File) Write(w io.Writer) error {
	_, err := w.Write(f.Encode())
	return err
}

// encodeEntry writes e in gettext's canonical layout. A non-plural entry
// writes only its first translation.
func encodeEntry(b *bytes.Buffer, e *Entry, nl string) {
	comment := func(marker string, texts []string) {
		for _, t := range texts {
			b.WriteString(marker)
			if t != "" {
				b.WriteString(" " + t)
			}
			b.WriteString(nl)
		}
	}
	comment("#", e.Comments)
	comment("#.", e.Extracted)
	comment("#:", e.References)
	if len(e.Flags) > 0 {
		b.WriteString("#, " + strings.Join(e.Flags, ", ") + nl)
	}
	kw, prev := "", "#| "
	if e.Obsolete {
		kw, prev = "#~ ", "#~| "
	}
	if p := e.Previous; p != nil {
		if p.HasContext {
			writeString(b, prev, "msgctxt", p.Context, nl)
		}
		writeString(b, prev, "msgid", p.ID, nl)
		if p.HasPlural {
			writeString(b, prev, "msgid_plural", p.Plural, nl)
		}
	}
	if e.HasContext {
		writeString(b, kw, "msgctxt", e.Context, nl)
	}
	writeString(b, kw, "msgid", e.ID, nl)
	if !e.HasPlural {
		str := ""
		if len(e.Translations) > 0 {
			str = e.Translations[0]
		}
		writeString(b, kw, "msgstr", str, nl)
		return
	}
	writeString(b, kw, "msgid_plural", e.Plural, nl)
	forms := e.Translations
	if len(forms) == 0 {
		forms = []string{""}
	}
	for i, s := range forms {
		writeString(b, kw, "msgstr["+strconv.Itoa(i)+"]", s, nl)
	}
}

// writeString writes a keyword and its string, wrapped as gettext wraps:
// on one line when it fits and holds no inner newline, otherwise an empty
// first string followed by one line per "\n" and per 79 columns.
func writeString(b *bytes.Buffer, prefix, keyword, s, nl string) {
	head := prefix + keyword + " "
	esc := escape(s)
	inner := strings.Contains(strings.TrimSuffix(s, "\n"), "\n")
	if !inner && utf8.RuneCountInString(head)+utf8.RuneCountInString(esc)+2 <= wrapWidth {
		b.WriteString(head + `"` + esc + `"` + nl)
		return
	}
	b.WriteString(head + `""` + nl)
	room := wrapWidth - utf8.RuneCountInString(prefix) - 2
	for piece := range strings.SplitAfterSeq(s, "\n") {
		if piece == "" {
			continue
		}
		for _, line := range wrap(escape(piece), room) {
			b.WriteString(prefix + `"` + line + `"` + nl)
		}
	}
}

// wrap splits escaped text into lines of at most room columns, breaking
// after spaces; a word longer than room gets a line of its own.
func wrap(text string, room int) []string {
	var lines []string
	line, width := "", 0
	for word := range strings.SplitAfterSeq(text, " ") {
		w := utf8.RuneCountInString(word)
		if width > 0 && width+w > room {
			lines = append(lines, line)
			line, width = "", 0
		}
		line += word
		width += w
	}
	if line != "" || len(lines) == 0 {
		lines = append(lines, line)
	}
	return lines
}

// escape writes s as the inside of a PO string: C escapes for quotes,
// backslashes and control characters, octal for the rest below space.
func escape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		case '\a':
			b.WriteString(`\a`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		case '\v':
			b.WriteString(`\v`)
		default:
			if c < ' ' || c == 0x7f {
				b.WriteByte('\\')
				b.WriteByte('0' + c>>6)
				b.WriteByte('0' + c>>3&7)
				b.WriteByte('0' + c&7)
				continue
			}
			b.WriteByte(c)
		}
	}
	return b.String()
}

package po

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/glosa/glosa/internal/l10n"
)

// state is where the parser is inside an entry: the last keyword read.
type state int

const (
	stNone       state = iota // comments only, or nothing yet
	stPrevCtx                 // #| msgctxt
	stPrevID                  // #| msgid
	stPrevPlural              // #| msgid_plural
	stCtx                     // msgctxt
	stID                      // msgid
	stPlural                  // msgid_plural
	stStr                     // msgstr or msgstr[N]
)

// parser holds the state of one Parse call.
type parser struct {
	data []byte
	f    *File

	cur       *Entry
	st        state
	target    *string // where a continuation string goes
	leadStart int     // offset where the current entry's lead begins
	textStart int     // offset of the current entry's first line, -1 if none
	textEnd   int     // offset just past the current entry's last line
	keywords  bool    // the current entry has a keyword line
	seen      map[msgKey]int
	max       int // messages read at most, header aside; 0 for no limit
	messages  int
	tooMany   func(line, col, max int) *l10n.Error

	// The line being read: its 1-based number, its offset and the offset
	// of the next line.
	lineNo, off, next int
}

// msgKey identifies a message the way gettext does.
type msgKey struct {
	hasCtx  bool
	ctx, id string
}

// Parse reads a PO file. It tolerates a UTF-8 byte order mark and CRLF line
// endings, and keeps both for Encode. Like msgfmt, it stops at the first
// error, an *l10n.Error at its line and column.
//
// A file whose header names a single-byte charset, such as ISO-8859-1, is
// decoded into UTF-8, and Encode writes it back in that charset. Any other
// charset that is not UTF-8, a UTF-16 file, a NUL byte and a byte that is
// not UTF-8 in a UTF-8 file are errors.
func Parse(data []byte) (*File, error) { return ParseMax(data, 0, nil) }

// ParseMax is Parse for a file of at most max messages (the header aside;
// 0 for no limit): it stops at the first message past them, an error made
// by tooMany with the message's line and column, before reading the rest.
func ParseMax(data []byte, max int, tooMany func(line, col, max int) *l10n.Error) (*File, error) {
	if err := checkBytes(data); err != nil {
		return nil, err
	}
	f, err := parse(data, max, tooMany)
	if err != nil {
		return nil, err
	}
	enc, text, err := decodeCharset(f, data)
	if err != nil || enc == nil {
		return f, err
	}
	if f, err = parse(text, max, tooMany); err != nil {
		return nil, err
	}
	if err := checkStrings(f); err != nil {
		return nil, err
	}
	f.charset = enc
	return f, nil
}

// parse reads a PO file whose bytes are not checked.
func parse(data []byte, max int, tooMany func(line, col, max int) *l10n.Error) (*File, error) {
	f := &File{newline: "\n"}
	if bytes.HasPrefix(data, []byte("\ufeff")) {
		f.bom = true
		data = data[3:]
	}
	if i := bytes.IndexByte(data, '\n'); i > 0 && data[i-1] == '\r' {
		f.newline = "\r\n"
	}
	p := &parser{data: data, f: f, textStart: -1, seen: map[msgKey]int{}, max: max, tooMany: tooMany}
	lineNo := 0
	for off := 0; off < len(data); {
		lineNo++
		end := bytes.IndexByte(data[off:], '\n')
		next := len(data)
		if end >= 0 {
			next = off + end + 1
			end += off
		} else {
			end = len(data)
		}
		p.lineNo, p.off, p.next = lineNo, off, next
		if err := p.line(bytes.TrimSuffix(data[off:end], []byte("\r"))); err != nil {
			return nil, err
		}
		off = next
	}
	if err := p.finish(); err != nil {
		return nil, err
	}
	return f, nil
}

// line handles one line of text, without its line ending.
func (p *parser) line(line []byte) error {
	s := bytes.TrimLeft(line, " \t\f\v")
	col := len(line) - len(s) + 1
	if len(s) == 0 {
		if p.textStart >= 0 && p.st != stStr {
			p.textEnd = p.next // blank line inside an entry
		}
		return nil
	}
	if s[0] != '#' {
		return p.keywordLine(s, col, false, false)
	}
	if len(s) == 1 {
		return p.comment(func(e *Entry) { e.Comments = append(e.Comments, "") })
	}
	text := string(s[2:])
	switch s[1] {
	case '.':
		return p.comment(func(e *Entry) {
			e.Extracted = append(e.Extracted, strings.TrimPrefix(text, " "))
		})
	case ':':
		return p.comment(func(e *Entry) {
			e.References = append(e.References, strings.TrimSpace(text))
		})
	case ',':
		return p.comment(func(e *Entry) {
			for flag := range strings.SplitSeq(text, ",") {
				if flag = strings.TrimSpace(flag); flag != "" {
					e.Flags = append(e.Flags, flag)
				}
			}
		})
	case '|':
		return p.keywordLine(s[2:], col+2, true, false)
	case '~':
		rest := s[2:]
		if len(rest) > 0 && rest[0] == '|' {
			return p.keywordLine(rest[1:], col+3, true, true)
		}
		return p.keywordLine(rest, col+2, false, true)
	}
	return p.comment(func(e *Entry) {
		e.Comments = append(e.Comments, strings.TrimPrefix(string(s[1:]), " "))
	})
}

// comment adds a comment line to the current entry, starting a new entry
// when the current one is complete.
func (p *parser) comment(add func(*Entry)) error {
	switch p.st {
	case stNone:
	case stStr:
		if err := p.flush(); err != nil {
			return err
		}
	default:
		return l10n.At(p.lineNo, 1, l10n.Msg("po.commentInEntry"))
	}
	p.begin()
	add(p.cur)
	p.textEnd = p.next
	return nil
}

// begin makes sure there is a current entry, starting it at this line.
func (p *parser) begin() {
	if p.cur == nil {
		p.cur = &Entry{FirstLine: p.lineNo}
		p.textStart = p.off
	}
}

// keywordLine handles a line holding a keyword and strings, or a
// continuation string. prev marks a "#|" line and obsolete a "#~" line; col
// is the 1-based column where s begins.
func (p *parser) keywordLine(s []byte, col int, prev, obsolete bool) error {
	errAt := func(c int, id string, data ...any) error {
		return l10n.At(p.lineNo, c, l10n.Msg(id, data...))
	}
	trimmed := bytes.TrimLeft(s, " \t\f\v")
	col += len(s) - len(trimmed)
	s = trimmed
	if len(s) == 0 {
		if prev || !obsolete {
			return errAt(col, "po.missingKeyword")
		}
		// An empty "#~" line: gettext ignores it; keep it as text.
		if p.cur == nil || p.st == stStr {
			return p.comment(func(e *Entry) {})
		}
		p.textEnd = p.next
		return nil
	}
	if s[0] == '"' {
		if p.target == nil || prev != isPrev(p.st) {
			return errAt(col, "po.stringWithoutKeyword")
		}
		if obsolete != p.cur.Obsolete {
			return errAt(1, "po.inconsistentObsolete")
		}
		str, err := p.strings(s, col)
		if err != nil {
			return err
		}
		*p.target += str
		p.textEnd = p.next
		return nil
	}
	n := 0
	for n < len(s) && (s[n] >= 'a' && s[n] <= 'z' || s[n] == '_') {
		n++
	}
	kw := string(s[:n])
	index := -1
	if kw == "msgstr" {
		j := n
		for j < len(s) && isSpace(s[j]) {
			j++
		}
		if j < len(s) && s[j] == '[' {
			end := bytes.IndexByte(s[j:], ']')
			if end < 0 {
				return errAt(col+j, "po.missingBracket")
			}
			i, err := strconv.Atoi(string(bytes.Trim(s[j+1:j+end], " \t\r\f\v")))
			if err != nil || i < 0 {
				return errAt(col+j+1, "po.pluralIndex")
			}
			index = i
			n = j + end + 1
		}
	}
	rest := s[n:]
	if len(rest) > 0 && !isSpace(rest[0]) && rest[0] != '"' {
		return errAt(col, "po.unknownKeyword", "Keyword", strconv.Quote(string(s[:n+1])))
	}
	var want state
	switch {
	case prev && kw == "msgctxt":
		want = stPrevCtx
	case prev && kw == "msgid":
		want = stPrevID
	case prev && kw == "msgid_plural":
		want = stPrevPlural
	case prev:
		return errAt(col, "po.unknownPrevKeyword", "Keyword", strconv.Quote(kw))
	case kw == "msgctxt":
		want = stCtx
	case kw == "msgid":
		want = stID
	case kw == "msgid_plural":
		want = stPlural
	case kw == "msgstr":
		want = stStr
	default:
		return errAt(col, "po.unknownKeyword", "Keyword", strconv.Quote(kw))
	}
	// A keyword that can only open an entry ends a complete one.
	if p.st == stStr && want != stStr {
		if err := p.flush(); err != nil {
			return err
		}
	}
	p.begin()
	e := p.cur
	if p.keywords && obsolete != e.Obsolete {
		return errAt(1, "po.inconsistentObsolete")
	}
	if !p.keywords {
		e.Obsolete = obsolete
		p.keywords = true
	}
	if ok := order(p.st, want, e, index); !ok {
		return errAt(col, "po.outOfPlace", "Keyword", string(s[:n]))
	}
	str, err := p.strings(bytes.TrimLeft(rest, " \t\r\f\v"), col+n+len(rest)-len(bytes.TrimLeft(rest, " \t\r\f\v")))
	if err != nil {
		return err
	}
	switch want {
	case stPrevCtx, stPrevID, stPrevPlural:
		if e.Previous == nil {
			e.Previous = &Previous{}
		}
		switch want {
		case stPrevCtx:
			e.Previous.HasContext, e.Previous.Context = true, str
			p.target = &e.Previous.Context
		case stPrevID:
			e.Previous.ID = str
			p.target = &e.Previous.ID
		default:
			e.Previous.HasPlural, e.Previous.Plural = true, str
			p.target = &e.Previous.Plural
		}
	case stCtx:
		e.HasContext, e.Context = true, str
		p.target = &e.Context
	case stID:
		e.ID, e.Line = str, p.lineNo
		p.target = &e.ID
	case stPlural:
		e.HasPlural, e.Plural = true, str
		p.target = &e.Plural
	case stStr:
		e.Translations = append(e.Translations, str)
		p.target = &e.Translations[len(e.Translations)-1]
	}
	p.st = want
	p.textEnd = p.next
	return nil
}

// isSpace reports whether c is white space between tokens, as gettext's
// lexer has it.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'
}

// isPrev reports whether st is inside the previous-string (#|) fields.
func isPrev(st state) bool {
	return st == stPrevCtx || st == stPrevID || st == stPrevPlural
}

// order reports whether keyword want may follow state st; index is the
// msgstr[N] index, or -1 for a plain msgstr.
func order(st, want state, e *Entry, index int) bool {
	switch want {
	case stPrevCtx:
		return st == stNone
	case stPrevID:
		return st == stNone || st == stPrevCtx
	case stPrevPlural:
		return st == stPrevID
	case stCtx:
		return st == stNone || isPrev(st)
	case stID:
		return st == stNone || isPrev(st) || st == stCtx
	case stPlural:
		return st == stID
	case stStr:
		switch st {
		case stID:
			return index < 0
		case stPlural:
			return index == 0
		case stStr:
			return e.HasPlural && index == len(e.Translations)
		}
	}
	return false
}

// strings decodes one or more adjacent quoted strings that make up the rest
// of a line; col is the 1-based column of s.
func (p *parser) strings(s []byte, col int) (string, error) {
	if len(s) == 0 || s[0] != '"' {
		return "", l10n.At(p.lineNo, col, l10n.Msg("po.missingString"))
	}
	var b strings.Builder
	i := 0
	for {
		n, err := decodeString(&b, s[i:])
		if err != nil {
			err.Line, err.Column = p.lineNo, col+i+err.Column
			return "", err
		}
		i += n
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		if i == len(s) {
			return b.String(), nil
		}
		if s[i] != '"' {
			return "", l10n.At(p.lineNo, col+i, l10n.Msg("po.textAfterString"))
		}
	}
}

// decodeString decodes the quoted string at the start of s into b and
// returns its length. An error's Column is 0-based within s.
func decodeString(b *strings.Builder, s []byte) (int, *l10n.Error) {
	for i := 1; i < len(s); i++ {
		c := s[i]
		switch c {
		case '"':
			return i + 1, nil
		case '\\':
			n, err := decodeEscape(b, s[i:])
			if err != nil {
				err.Column += i
				return 0, err
			}
			i += n - 1
		default:
			b.WriteByte(c)
		}
	}
	return 0, l10n.At(0, 0, l10n.Msg("po.eolInString"))
}

// decodeEscape decodes the C escape sequence at the start of s, as gettext
// does: octal takes up to three digits, hex takes every hex digit and keeps
// the low byte. It returns the sequence's length.
func decodeEscape(b *strings.Builder, s []byte) (int, *l10n.Error) {
	if len(s) < 2 {
		return 0, l10n.At(0, 0, l10n.Msg("po.eolInString"))
	}
	if c, ok := unescape(s[1]); ok {
		b.WriteByte(c)
		return 2, nil
	}
	n, err := decodeNumber(b, s)
	if err == nil && b.Len() > 0 && b.String()[b.Len()-1] == 0 {
		// gettext ends a string at a NUL: the rest of the translation
		// would be lost at run time.
		return 0, &l10n.Error{Text: l10n.Msg("po.nulEscape"), Err: ErrNUL}
	}
	return n, err
}

// decodeNumber decodes an octal or hex escape at the start of s.
func decodeNumber(b *strings.Builder, s []byte) (int, *l10n.Error) {
	switch {
	case s[1] >= '0' && s[1] <= '7':
		n, v := 1, 0
		for n < 4 && n < len(s) && s[n] >= '0' && s[n] <= '7' {
			v = v*8 + int(s[n]-'0')
			n++
		}
		if v > 0xff {
			// \400 to \777 name no byte; gettext keeps the low eight
			// bits, a byte nobody meant.
			return 0, l10n.At(0, 0, l10n.Msg("po.controlSequence"))
		}
		b.WriteByte(byte(v))
		return n, nil
	case s[1] == 'x':
		n, v := 2, 0
		for n < len(s) && hexVal(s[n]) >= 0 {
			v = (v*16 + hexVal(s[n])) & 0xff
			n++
		}
		if n == 2 {
			return 0, l10n.At(0, 0, l10n.Msg("po.controlSequence"))
		}
		b.WriteByte(byte(v))
		return n, nil
	}
	return 0, l10n.At(0, 0, l10n.Msg("po.controlSequence"))
}

// unescape returns the byte a one-letter escape such as \n stands for.
func unescape(c byte) (byte, bool) {
	switch c {
	case 'n':
		return '\n', true
	case 't':
		return '\t', true
	case 'r':
		return '\r', true
	case 'a':
		return '\a', true
	case 'b':
		return '\b', true
	case 'f':
		return '\f', true
	case 'v':
		return '\v', true
	case '"', '\\':
		return c, true
	}
	return 0, false
}

// hexVal returns the value of a hex digit, or -1.
func hexVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// flush completes the current entry and appends it to the file.
func (p *parser) flush() error {
	e := p.cur
	if strings.Contains(e.Context+e.ID+e.Plural, "\x04") {
		// msgfmt refuses it: EOT separates msgctxt from msgid in MO files.
		return l10n.At(e.Line, 1, l10n.Msg("po.eotInString"))
	}
	// msgfmt refuses a duplicate even when one of the two is obsolete.
	k := msgKey{hasCtx: e.HasContext, ctx: e.Context, id: e.ID}
	if first, dup := p.seen[k]; dup {
		return l10n.At(e.Line, 1, l10n.Msg("po.duplicate", "Line", first))
	}
	p.seen[k] = e.Line
	if e.ID != "" || e.HasContext {
		if p.messages++; p.max > 0 && p.messages > p.max {
			return p.tooMany(e.FirstLine, 1, p.max)
		}
	}
	e.lead = p.data[p.leadStart:p.textStart]
	e.raw = p.data[p.textStart:p.textEnd]
	e.LastLine = e.FirstLine + bytes.Count(e.raw, []byte("\n"))
	if bytes.HasSuffix(e.raw, []byte("\n")) {
		e.LastLine--
	}
	e.orig = e.clone()
	p.f.Entries = append(p.f.Entries, e)
	p.cur, p.st, p.target, p.keywords = nil, stNone, nil, false
	p.leadStart, p.textStart = p.textEnd, -1
	return nil
}

// finish completes the file at its end.
func (p *parser) finish() error {
	switch {
	case p.st == stStr:
		if err := p.flush(); err != nil {
			return err
		}
	case p.keywords:
		return l10n.At(p.lineNo, 1, l10n.Msg("po.missingMsgstr"))
	}
	p.f.trailer = p.data[p.leadStart:]
	return nil
}

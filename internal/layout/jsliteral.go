package layout

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// glosa reads a Docusaurus or Astro configuration, which is JavaScript or
// TypeScript, without running it: it has no JavaScript engine and must not
// run a project's code. A small tokenizer reads the whole file (strings,
// template literals, comments, regular expressions are skipped whole), a
// property is found by its name (i18n: {…}, locales: […]) and its value
// read as a literal: strings, numbers, booleans, null, arrays and objects,
// with comments and trailing commas. Anything computed — an identifier, a
// call, a spread, a template literal with ${}, an operator — is kept as
// what it is, with its position, and refused only when glosa needs that
// value. No JavaScript parser for Go reads a file without building and
// evaluating more than this needs, so this one is written by hand.

// jsKind is the kind of a value read from a literal.
type jsKind int

const (
	jsComputed jsKind = iota // anything glosa does not evaluate
	jsString
	jsNumber
	jsBool
	jsNull
	jsArray
	jsObject
)

// jsValue is a value read from a JavaScript literal.
type jsValue struct {
	kind jsKind
	// line and col are where the value starts (1-based, columns in bytes).
	line, col int
	// str is a string's value, a number's or boolean's text, and for a
	// computed value its source, cut short.
	str string
	// items are an array's elements.
	items []*jsValue
	// keys and fields are an object's properties in their order.
	keys   []string
	fields map[string]*jsValue
	// unknown is, for an array or object, its first member glosa cannot
	// read (a spread, a computed key, a method): the array's elements or
	// the object's properties may then be others than those read.
	unknown *jsValue
}

// field returns an object's property, nil when it has none.
func (v *jsValue) field(key string) *jsValue {
	if v == nil || v.kind != jsObject {
		return nil
	}
	return v.fields[key]
}

// jsToken is a token of the file.
type jsToken struct {
	kind      byte // 'i' identifier, 's' string, 't' template (no ${}), 'T' template with ${}, 'n' number, 'r' regexp, 'p' punctuation
	text      string
	line, col int
	start     int // byte offset
}

// jsLexer splits JavaScript or TypeScript into tokens.
type jsLexer struct {
	src       string
	pos       int
	line, col int
	toks      []jsToken
	// err is where the file could not be read further (an unterminated
	// string or comment), zero when it was read whole.
	errLine, errCol int
}

// jsTokens returns the tokens of src, and the position where it stopped
// early (0, 0 when it read the whole file).
func jsTokens(src string) ([]jsToken, int, int) {
	l := &jsLexer{src: src, line: 1, col: 1}
	for l.next() {
	}
	return l.toks, l.errLine, l.errCol
}

func (l *jsLexer) advance(n int) {
	for i := 0; i < n && l.pos < len(l.src); i++ {
		if l.src[l.pos] == '\n' {
			l.line++
			l.col = 1
		} else {
			l.col++
		}
		l.pos++
	}
}

func (l *jsLexer) fail(line, col int) bool {
	l.errLine, l.errCol = line, col
	return false
}

// regexAllowed reports whether a / here starts a regular expression, by
// the token before it: after a value it is a division.
func (l *jsLexer) regexAllowed() bool {
	if len(l.toks) == 0 {
		return true
	}
	t := l.toks[len(l.toks)-1]
	switch t.kind {
	case 'p':
		return t.text != ")" && t.text != "]" && t.text != "}"
	case 'i':
		switch t.text {
		case "return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw", "instanceof", "yield", "await":
			return true
		}
	}
	return false
}

// next reads one token; false at the end or where the file cannot be read.
func (l *jsLexer) next() bool {
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		switch {
		case c == '\n' || c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			l.advance(1)
		case strings.HasPrefix(l.src[l.pos:], "//"):
			for l.pos < len(l.src) && l.src[l.pos] != '\n' {
				l.advance(1)
			}
		case strings.HasPrefix(l.src[l.pos:], "/*"):
			line, col := l.line, l.col
			end := strings.Index(l.src[l.pos+2:], "*/")
			if end < 0 {
				return l.fail(line, col)
			}
			l.advance(end + 4)
		default:
			return l.token()
		}
	}
	return false
}

func (l *jsLexer) token() bool {
	start, line, col := l.pos, l.line, l.col
	emit := func(kind byte, text string) bool {
		l.toks = append(l.toks, jsToken{kind: kind, text: text, line: line, col: col, start: start})
		return true
	}
	c := l.src[l.pos]
	switch {
	case c == '\'' || c == '"':
		s, ok := l.quoted(c)
		if !ok {
			return l.fail(line, col)
		}
		return emit('s', s)
	case c == '`':
		s, plain, ok := l.template()
		if !ok {
			return l.fail(line, col)
		}
		if plain {
			return emit('t', s)
		}
		return emit('T', l.src[start:l.pos])
	case c >= '0' && c <= '9' || c == '.' && l.pos+1 < len(l.src) && l.src[l.pos+1] >= '0' && l.src[l.pos+1] <= '9':
		for l.pos < len(l.src) && (isIdentByte(l.src[l.pos]) || l.src[l.pos] == '.') {
			l.advance(1)
		}
		return emit('n', l.src[start:l.pos])
	case c == '/' && l.regexAllowed():
		if !l.regexp() {
			return l.fail(line, col)
		}
		return emit('r', l.src[start:l.pos])
	case isIdentByte(c) || c >= utf8.RuneSelf:
		for l.pos < len(l.src) {
			r, n := utf8.DecodeRuneInString(l.src[l.pos:])
			if r < utf8.RuneSelf && !isIdentByte(byte(r)) || r >= utf8.RuneSelf && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				break
			}
			l.advance(n)
		}
		if l.pos == start {
			l.advance(1) // a character no token has
		}
		return emit('i', l.src[start:l.pos])
	}
	for _, p := range []string{"...", "=>", "?.", "??"} {
		if strings.HasPrefix(l.src[l.pos:], p) {
			l.advance(len(p))
			return emit('p', p)
		}
	}
	l.advance(1)
	return emit('p', l.src[start:l.pos])
}

func isIdentByte(c byte) bool {
	return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// quoted reads a string quoted with q, its escapes read as JavaScript
// reads the common ones.
func (l *jsLexer) quoted(q byte) (string, bool) {
	l.advance(1)
	var b strings.Builder
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		switch {
		case c == q:
			l.advance(1)
			return b.String(), true
		case c == '\n':
			return "", false
		case c == '\\' && l.pos+1 < len(l.src):
			e := l.src[l.pos+1]
			l.advance(2)
			switch e {
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			case '\n':
			default:
				b.WriteByte(e)
			}
		default:
			b.WriteByte(c)
			l.advance(1)
		}
	}
	return "", false
}

// template reads a template literal: its text and whether it is plain
// (no ${}); an expression inside is read as tokens, which are dropped.
func (l *jsLexer) template() (string, bool, bool) {
	l.advance(1)
	var b strings.Builder
	plain := true
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		switch {
		case c == '`':
			l.advance(1)
			return b.String(), plain, true
		case c == '\\' && l.pos+1 < len(l.src):
			b.WriteByte(l.src[l.pos+1])
			l.advance(2)
		case strings.HasPrefix(l.src[l.pos:], "${"):
			plain = false
			l.advance(2)
			mark := len(l.toks)
			depth := 0
			for {
				if !l.next() {
					return "", false, false
				}
				t := l.toks[len(l.toks)-1]
				if t.kind == 'p' && t.text == "{" {
					depth++
				}
				if t.kind == 'p' && t.text == "}" {
					if depth == 0 {
						break
					}
					depth--
				}
			}
			l.toks = l.toks[:mark]
		default:
			b.WriteByte(c)
			l.advance(1)
		}
	}
	return "", false, false
}

// regexp reads a regular expression literal and its flags.
func (l *jsLexer) regexp() bool {
	l.advance(1)
	class := false
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		switch {
		case c == '\n':
			return false
		case c == '\\':
			l.advance(2)
			continue
		case c == '[':
			class = true
		case c == ']':
			class = false
		case c == '/' && !class:
			l.advance(1)
			for l.pos < len(l.src) && isIdentByte(l.src[l.pos]) {
				l.advance(1)
			}
			return true
		}
		l.advance(1)
	}
	return false
}

// jsParser reads literal values from a file's tokens.
type jsParser struct {
	src  string
	toks []jsToken
}

// jsFile is a tokenized configuration file.
type jsFile struct {
	jsParser
	// errLine and errCol are where the tokenizer stopped, 0 when it read
	// the file whole.
	errLine, errCol int
}

// parseJS tokenizes a configuration file.
func parseJS(src string) *jsFile {
	toks, line, col := jsTokens(src)
	return &jsFile{jsParser: jsParser{src: src, toks: toks}, errLine: line, errCol: col}
}

// property finds the first property named key written as one (key: value
// or 'key': value after { or ,) and reads its value. A shorthand property
// (the name alone: { i18n }) is returned as a computed value: the name of
// a variable. It returns nil when the file has no such property.
func (f *jsFile) property(key string) *jsValue {
	for i, t := range f.toks {
		if (t.kind != 'i' && t.kind != 's') || t.text != key || i == 0 {
			continue
		}
		prev := f.toks[i-1]
		if prev.kind != 'p' || prev.text != "{" && prev.text != "," {
			continue
		}
		if i+1 < len(f.toks) && f.toks[i+1].kind == 'p' {
			switch f.toks[i+1].text {
			case ":":
				v, _ := f.value(i + 2)
				return v
			case ",", "}":
				if t.kind == 'i' {
					return &jsValue{kind: jsComputed, line: t.line, col: t.col, str: t.text}
				}
			}
		}
	}
	return nil
}

// value reads the value starting at token i and returns it with the index
// of the token after it.
func (p *jsParser) value(i int) (*jsValue, int) {
	if i >= len(p.toks) {
		// The file ends where a value should be: refused at its end.
		line := 1 + strings.Count(p.src, "\n")
		col := 1 + len(p.src) - (strings.LastIndexByte(p.src, '\n') + 1)
		return &jsValue{kind: jsComputed, line: line, col: col, str: "…"}, i
	}
	t := p.toks[i]
	v := &jsValue{line: t.line, col: t.col}
	j := i + 1
	switch {
	case t.kind == 's' || t.kind == 't':
		v.kind, v.str = jsString, t.text
	case t.kind == 'n':
		v.kind, v.str = jsNumber, t.text
	case t.kind == 'i' && (t.text == "true" || t.text == "false"):
		v.kind, v.str = jsBool, t.text
	case t.kind == 'i' && t.text == "null":
		v.kind = jsNull
	case t.kind == 'p' && t.text == "[":
		j = p.array(v, i+1)
	case t.kind == 'p' && t.text == "{":
		j = p.object(v, i+1)
	default:
		return p.computed(i)
	}
	// TypeScript's 'en' as const, {…} satisfies Config: the value stays.
	for j < len(p.toks) && p.toks[j].kind == 'i' && (p.toks[j].text == "as" || p.toks[j].text == "satisfies") {
		j = p.skip(j + 1)
	}
	if j < len(p.toks) && !p.ends(j) {
		// 'a' + b, f(…).x: an expression that starts with a literal.
		return p.computed(i)
	}
	return v, j
}

// ends reports whether token i ends a value: a comma or a closing bracket.
func (p *jsParser) ends(i int) bool {
	t := p.toks[i]
	return t.kind == 'p' && (t.text == "," || t.text == "]" || t.text == "}" || t.text == ")" || t.text == ";")
}

// skip passes an expression from token i to the comma or closing bracket
// that ends it, brackets balanced, and returns that token's index.
func (p *jsParser) skip(i int) int {
	depth := 0
	for ; i < len(p.toks); i++ {
		t := p.toks[i]
		if t.kind != 'p' {
			continue
		}
		switch t.text {
		case "(", "[", "{":
			depth++
		case ")", "]", "}":
			if depth == 0 {
				return i
			}
			depth--
		case ",", ";":
			if depth == 0 {
				return i
			}
		}
	}
	return i
}

// computed reads the expression at token i as a computed value.
func (p *jsParser) computed(i int) (*jsValue, int) {
	j := p.skip(i)
	t := p.toks[i]
	end := len(p.src)
	if j < len(p.toks) {
		end = p.toks[j].start
	}
	text := strings.Join(strings.Fields(p.src[t.start:end]), " ")
	if r := []rune(text); len(r) > 40 {
		text = string(r[:40]) + "…"
	}
	return &jsValue{kind: jsComputed, line: t.line, col: t.col, str: text}, j
}

// array reads an array's elements from token i, after its [.
func (p *jsParser) array(v *jsValue, i int) int {
	v.kind = jsArray
	for i < len(p.toks) {
		t := p.toks[i]
		if t.kind == 'p' && t.text == "]" {
			return i + 1
		}
		if t.kind == 'p' && t.text == "," {
			i++ // a hole, or the comma after an element
			continue
		}
		if t.kind == 'p' && t.text == "..." {
			item, j := p.computed(i)
			if v.unknown == nil {
				v.unknown = item
			}
			i = max(j, i+1)
			continue
		}
		item, j := p.value(i)
		v.items = append(v.items, item)
		i = max(j, i+1) // past a stray ) too
	}
	return i
}

// object reads an object's properties from token i, after its {.
func (p *jsParser) object(v *jsValue, i int) int {
	v.kind, v.fields = jsObject, map[string]*jsValue{}
	for i < len(p.toks) {
		t := p.toks[i]
		if t.kind == 'p' && t.text == "}" {
			return i + 1
		}
		if t.kind == 'p' && t.text == "," {
			i++
			continue
		}
		key := ""
		if t.kind == 'i' || t.kind == 's' || t.kind == 't' || t.kind == 'n' {
			key = t.text
		}
		next := func(k int) *jsToken {
			if k < len(p.toks) {
				return &p.toks[k]
			}
			return nil
		}
		n := next(i + 1)
		switch {
		case key != "" && n != nil && n.kind == 'p' && n.text == ":":
			val, j := p.value(i + 2)
			v.set(key, val)
			i = j
		case t.kind == 'i' && n != nil && n.kind == 'p' && (n.text == "," || n.text == "}"):
			// Shorthand: the value of a variable.
			v.set(key, &jsValue{kind: jsComputed, line: t.line, col: t.col, str: t.text})
			i++
		default:
			// A spread, a computed key, a method: what it adds is unknown.
			item, j := p.computed(i)
			if v.unknown == nil {
				v.unknown = item
			}
			i = max(j, i+1) // past a stray ) too
		}
	}
	return i
}

func (v *jsValue) set(key string, val *jsValue) {
	if _, ok := v.fields[key]; !ok {
		v.keys = append(v.keys, key)
	}
	v.fields[key] = val // a later property wins, as in JavaScript
}

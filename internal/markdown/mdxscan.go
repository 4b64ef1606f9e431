package markdown

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// This file finds where the parts of MDX that are not Markdown end: JSX
// tags, JavaScript expressions in braces, import and export statements.
// It is written by hand because no Go library reads JSX, and glosa needs
// only their extent, not their meaning: the rules are those of the MDX
// grammar (micromark-extension-mdx-jsx and -mdx-expression), with
// JavaScript's strings, template literals and comments skipped in
// expressions, as the JavaScript parser MDX runs on them would.

// maxScan is the most bytes one tag, expression or ESM block may span: a
// component's code attribute can hold a long example, but a brace or a
// quote left open must not make every later line read to the end.
const maxScan = 64 << 10

// budget bounds the scanning a whole document may do, so that a body made
// of many unclosed tags costs time in proportion to its size. Once spent,
// scans fail and the rest reads as Markdown.
type budget struct{ left int }

func newBudget(size int) *budget { return &budget{left: 16*size + 1<<20} }

// limit returns how far a scan from start may read in src, and whether any
// budget is left.
func (b *budget) limit(src []byte, start int) (int, bool) {
	if b.left <= 0 {
		return 0, false
	}
	return min(len(src), start+maxScan, start+b.left), true
}

// spend records that a scan read from start to end.
func (b *budget) spend(start, end int) { b.left -= max(end-start, 1) }

// jsxTag is a JSX tag: <Name attr="v" {...spread}>, </Name>, <Name />,
// or a fragment's <> and </>.
type jsxTag struct {
	// name is the element's name as written without white space
	// (Tabs, Release.Provider, svg:rect); empty for a fragment.
	name                 string
	closing, selfClosing bool
}

// flowItem is a tag or an expression of a line of JSX.
type flowItem struct {
	start, end int // offsets in the source: end is past its last byte
	expr       bool
	tag        jsxTag
}

// scanFlow reads a line of JSX from src[start], which is '<' or '{': tags
// and expressions separated by spaces or tabs and nothing else up to the
// end of the line, as MDX reads a JSX or expression block. A tag or an
// expression may span lines. It returns them and the offset of the line
// ending after the last one (or len(src)).
func scanFlow(src []byte, start int, b *budget) (items []flowItem, end int, ok bool) {
	i := start
	for {
		for i < len(src) && (src[i] == ' ' || src[i] == '\t' || src[i] == '\r') {
			i++
		}
		if i == len(src) || src[i] == '\n' {
			return items, i, len(items) > 0
		}
		it := flowItem{start: i}
		switch src[i] {
		case '<':
			it.tag, it.end, ok = scanTag(src, i, b)
		case '{':
			it.expr = true
			it.end, ok = scanExpr(src, i, b)
		default:
			return nil, 0, false
		}
		if !ok {
			return nil, 0, false
		}
		items = append(items, it)
		i = it.end
	}
}

// scanTag reads a JSX tag at src[i] == '<' and returns it and the offset
// just past its '>'. White space, line endings included, may separate its
// parts, but not follow the '<' (so that "a < b" is text).
func scanTag(src []byte, i int, b *budget) (tag jsxTag, end int, ok bool) {
	limit, ok := b.limit(src, i)
	if !ok {
		return tag, 0, false
	}
	s := tagScanner{src: src[:limit], i: i + 1}
	defer func() { b.spend(i, s.i) }()
	if s.i >= len(s.src) || isSpace(s.src[s.i]) {
		return tag, 0, false
	}
	s.space()
	if s.peek() == '/' {
		tag.closing = true
		s.i++
		s.space()
	}
	if s.peek() == '>' { // a fragment
		s.i++
		return tag, s.i, true
	}
	name, ok := s.name(true)
	if !ok {
		return tag, 0, false
	}
	tag.name = name
	for {
		s.space()
		switch c := s.peek(); {
		case c == '>':
			s.i++
			return tag, s.i, true
		case c == '/' && !tag.closing:
			s.i++
			s.space()
			if s.peek() != '>' {
				return tag, 0, false
			}
			s.i++
			tag.selfClosing = true
			return tag, s.i, true
		case tag.closing:
			return tag, 0, false
		case c == '{': // {...spread}
			e, ok := scanExpr(src, s.i, b)
			if !ok || e > len(s.src) {
				return tag, 0, false
			}
			s.i = e
		default:
			if _, ok := s.name(false); !ok {
				return tag, 0, false
			}
			s.space()
			if s.peek() != '=' {
				continue // a boolean attribute
			}
			s.i++
			s.space()
			switch q := s.peek(); q {
			case '"', '\'':
				j := bytes.IndexByte(s.src[s.i+1:], q)
				if j < 0 {
					return tag, 0, false
				}
				s.i += j + 2
			case '{':
				e, ok := scanExpr(src, s.i, b)
				if !ok || e > len(s.src) {
					return tag, 0, false
				}
				s.i = e
			default:
				return tag, 0, false
			}
		}
	}
}

// tagScanner reads the parts of a tag.
type tagScanner struct {
	src []byte
	i   int
}

func (s *tagScanner) peek() byte {
	if s.i < len(s.src) {
		return s.src[s.i]
	}
	return 0
}

// space skips white space, line endings included.
func (s *tagScanner) space() {
	for s.i < len(s.src) {
		if c := s.src[s.i]; c < utf8.RuneSelf {
			if !isSpace(c) && c != '\v' && c != '\f' {
				return
			}
			s.i++
			continue
		}
		r, n := utf8.DecodeRune(s.src[s.i:])
		if !unicode.IsSpace(r) && r != '\ufeff' {
			return
		}
		s.i += n
	}
}

// name reads an element's name (a, a:b, a.b.c) or, when element is false,
// an attribute's (a, a:b), and returns it without white space.
func (s *tagScanner) name(element bool) (string, bool) {
	var out []byte
	id, ok := s.identifier()
	if !ok {
		return "", false
	}
	out = append(out, id...)
	save := s.i
	s.space()
	switch {
	case s.peek() == ':':
		s.i++
		s.space()
		if id, ok = s.identifier(); !ok {
			return "", false
		}
		out = append(append(out, ':'), id...)
	case element && s.peek() == '.':
		for s.peek() == '.' {
			s.i++
			s.space()
			if id, ok = s.identifier(); !ok {
				return "", false
			}
			out = append(append(out, '.'), id...)
			save = s.i
			s.space()
		}
		s.i = save
	default:
		s.i = save
	}
	return string(out), true
}

// identifier reads a JavaScript identifier, in which JSX also allows '-'
// after the first character.
func (s *tagScanner) identifier() ([]byte, bool) {
	start := s.i
	for s.i < len(s.src) {
		r, n := rune(s.src[s.i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRune(s.src[s.i:])
		}
		first := s.i == start
		if !(r == '$' || r == '_' || unicode.In(r, unicode.L, unicode.Nl) ||
			!first && (r == '-' || r == '\u200c' || r == '\u200d' || unicode.In(r, unicode.Mn, unicode.Mc, unicode.Nd, unicode.Pc))) {
			break
		}
		s.i += n
	}
	return s.src[start:s.i], s.i > start
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// scanExpr reads a JavaScript expression in braces at src[i] == '{' and
// returns the offset just past its closing '}'. Braces in strings,
// template literals and comments do not count; when that reading finds no
// end (an apostrophe in JSX text inside the expression reads as a string
// that never ends), the braces are counted alone, as MDX does without a
// JavaScript parser.
func scanExpr(src []byte, i int, b *budget) (int, bool) {
	limit, ok := b.limit(src, i)
	if !ok {
		return 0, false
	}
	end, ok := scanJS(src[:limit], i, false)
	if !ok {
		end, ok = countBraces(src[:limit], i)
	}
	if !ok {
		b.spend(i, limit)
		return 0, false
	}
	b.spend(i, end)
	return end, true
}

// scanJS reads JavaScript from src[i] and returns the offset past the
// '}' that closes the '{' at src[i]; or, when all is true, reads it all
// and reports whether every bracket, string, template and comment opened
// in it is closed (the offset is then len(src)).
func scanJS(src []byte, i int, all bool) (int, bool) {
	// open holds the brackets and template literals open: ( [ { are
	// themselves, ` is a template literal's text, $ its ${ substitution.
	var open []byte
	j := i
	if !all {
		open = append(open, '{')
		j++
	}
	for ; j < len(src); j++ {
		c := src[j]
		if len(open) > 0 && open[len(open)-1] == '`' {
			switch {
			case c == '\\':
				j++
			case c == '`':
				open = open[:len(open)-1]
			case c == '$' && j+1 < len(src) && src[j+1] == '{':
				open = append(open, '$')
				j++
			}
			continue
		}
		switch c {
		case '(', '[', '{', '`':
			open = append(open, c)
		case ')', ']', '}':
			if len(open) == 0 {
				return 0, false
			}
			top := open[len(open)-1]
			if top != opener(c) && !(c == '}' && top == '$') {
				return 0, false
			}
			open = open[:len(open)-1]
			if len(open) == 0 && !all {
				return j + 1, true
			}
		case '"', '\'':
			k := j + 1
			for k < len(src) && src[k] != c && src[k] != '\n' {
				if src[k] == '\\' {
					k++
				}
				k++
			}
			if k >= len(src) || src[k] != c {
				return 0, false
			}
			j = k
		case '/':
			if j+1 < len(src) && src[j+1] == '/' {
				k := bytes.IndexByte(src[j:], '\n')
				if k < 0 {
					j = len(src)
				} else {
					j += k
				}
			} else if j+1 < len(src) && src[j+1] == '*' {
				k := bytes.Index(src[j+2:], []byte("*/"))
				if k < 0 {
					return 0, false
				}
				j += k + 3
			}
		}
	}
	return len(src), all && len(open) == 0
}

// opener returns the bracket that c closes.
func opener(c byte) byte {
	switch c {
	case ')':
		return '('
	case ']':
		return '['
	}
	return '{'
}

// countBraces returns the offset past the '}' that closes the '{' at
// src[i], counting braces and nothing else.
func countBraces(src []byte, i int) (int, bool) {
	depth := 0
	for j := i; j < len(src); j++ {
		switch src[j] {
		case '{':
			depth++
		case '}':
			if depth--; depth == 0 {
				return j + 1, true
			}
		}
	}
	return 0, false
}

// esmEnd returns where the import or export statements that start at
// src[start] end: at the first blank line (or the end) before which
// every bracket, string and comment they open is closed, as MDX ends them
// at the first blank line where what precedes parses as JavaScript.
func esmEnd(src []byte, start int, b *budget) int {
	limit, ok := b.limit(src, start)
	for off := start; off < len(src); {
		end := bytes.IndexByte(src[off:], '\n') + off + 1
		if end == off {
			end = len(src)
		}
		if off > start && len(bytes.TrimSpace(src[off:end])) == 0 {
			if !ok || off >= limit {
				return off
			}
			// Each check reads all from the start: the budget bounds
			// the checks of a block with many blank lines.
			b.spend(start, off)
			if _, done := scanJS(src[start:off], 0, true); done {
				return off
			}
			if _, done := countBracketsOnly(src[start:off]); done {
				return off
			}
			if limit, ok = b.limit(src, start); !ok {
				return off
			}
		}
		off = end
	}
	return len(src)
}

// countBracketsOnly reports whether the brackets of src balance, strings
// and comments not considered: the reading of scanJS when an apostrophe
// in JSX text makes it see a string that never ends.
func countBracketsOnly(src []byte) (int, bool) {
	depth := 0
	for _, c := range src {
		switch c {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
		}
	}
	return len(src), depth == 0
}

package goi18n

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	yaml "go.yaml.in/yaml/v3"

	"github.com/glosa/glosa/internal/l10n"
)

// entry is where one key of a message file is written: a message, a
// message's field or a group of nested messages. IDs join nested keys with
// dots, as go-i18n does.
type entry struct {
	line, col int // of the key, 1-based

	// start and end delimit the entry's text. YAML and TOML: whole lines,
	// from the key's line to the end of its value's last line, trailing
	// blank and comment lines left to what follows. JSON: from the key's
	// opening quote to the end of its value.
	start, end int
	// lineEdit is set when start..end are whole lines that hold nothing but
	// this entry, so that the entry can be replaced or cut alone.
	lineEdit bool
	indent   string // whitespace before the key on its line
	key      string // the key as written (quoted or not)
	parent   string // ID of the enclosing entry
	nested   bool   // not at the top level
	siblings int    // number of entries in the enclosing mapping, itself included

	// JSON only.
	valStart    int // start of the value
	prevEnd     int // end of the previous sibling's value, or -1
	nextStart   int // start of the next sibling's key, or -1
	open, close int // the enclosing object's braces
	table       bool
	dotted      bool // TOML: a group first met as a dotted key (a.b = …)
}

type entries = map[string]entry

func scan(format string, data []byte) (entries, error) {
	switch format {
	case "yaml":
		return scanYAML(data)
	case "json":
		return scanJSON(data)
	case "toml":
		return scanTOML(data)
	}
	return nil, fmt.Errorf("%w %q", ErrFormat, format)
}

// join builds a nested ID as go-i18n does; top is set for keys at the top
// level, whose ID is the key (an empty key is not the top level).
func join(prefix, key string, top bool) string {
	if top {
		return key
	}
	return prefix + "." + key
}

// lines indexes the starts of the lines of a file.
type lines []int

func newLines(data []byte) lines {
	ls := lines{0}
	for i, c := range data {
		if c == '\n' {
			ls = append(ls, i+1)
		}
	}
	return ls
}

// pos returns the 1-based line and column of a byte offset.
func (ls lines) pos(off int) (line, col int) {
	i := sort.Search(len(ls), func(i int) bool { return ls[i] > off }) - 1
	i = max(i, 0)
	return i + 1, off - ls[i] + 1
}

// start returns the offset where 1-based line n starts, or end when n is
// past the last line.
func (ls lines) start(n, end int) int {
	if n-1 < len(ls) && n >= 1 {
		return ls[n-1]
	}
	return end
}

// trimTail moves end back over trailing blank lines and, with comments,
// comment-only lines, which belong to whatever follows (yaml.v3 and people
// both read them so).
func trimTail(data []byte, start, end int, comments bool) int {
	for end > start {
		// The last line of data[start:end].
		ls := bytes.LastIndexByte(data[start:end-1], '\n') + 1 + start
		if end-1 < ls {
			break
		}
		t := bytes.TrimSpace(data[ls:end])
		if len(t) != 0 && (!comments || t[0] != '#') || ls == start {
			break
		}
		end = ls
	}
	return end
}

func onlySpace(b []byte) bool { return len(bytes.Trim(b, " \t")) == 0 }

// scanYAML finds the keys of a YAML file through yaml.v3's node tree.
func scanYAML(data []byte) (entries, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	es := entries{}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return es, nil
	}
	ls := newLines(data)
	var walk func(n *yaml.Node, prefix string, top bool, endLine int)
	walk = func(n *yaml.Node, prefix string, top bool, endLine int) {
		if n.Kind != yaml.MappingNode {
			return
		}
		flow := n.Style&yaml.FlowStyle != 0
		pairs := len(n.Content) / 2
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			id := join(prefix, k.Value, top)
			next := endLine
			if i+2 < len(n.Content) {
				next = n.Content[i+2].Line
			}
			e := entry{line: k.Line, col: k.Column, key: k.Value, parent: prefix, nested: !top, siblings: pairs, prevEnd: -1, nextStart: -1}
			start := ls.start(k.Line, len(data))
			keyOff := min(start+k.Column-1, len(data))
			end := max(ls.start(next, len(data)), start)
			if !flow && k.Kind == yaml.ScalarNode && onlySpace(data[start:keyOff]) && next > k.Line {
				e.lineEdit = true
				e.indent = string(data[start:keyOff])
				e.start = start
				block := v.Kind == yaml.ScalarNode && v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0
				e.end = trimTail(data, start, end, !block)
			}
			if _, dup := es[id]; !dup {
				es[id] = e
			}
			walk(v, id, false, next)
		}
	}
	walk(doc.Content[0], "", true, len(ls)+1)
	return es, nil
}

// lineOf returns the 1-based line of offset off.
func (ls lines) lineOf(off int) int {
	l, _ := ls.pos(off)
	return l
}

// scanJSON finds the keys of a JSON file from encoding/json's tokens and
// their offsets.
func scanJSON(data []byte) (entries, error) {
	es := entries{}
	ls := newLines(data)
	dec := json.NewDecoder(bytes.NewReader(data))
	skip := func(off int, set string) int {
		for off < len(data) && strings.IndexByte(set, data[off]) >= 0 {
			off++
		}
		return off
	}
	// Keys inside lists (go-i18n v1 files) are not recorded: their
	// messages take their IDs from an id field, not from keys.
	var value func(prefix string, top, record bool) error
	value = func(prefix string, top, record bool) error {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		switch tok {
		case json.Delim('{'):
			open := int(dec.InputOffset()) - 1
			var ids []string
			for dec.More() {
				keyStart := skip(int(dec.InputOffset()), " \t\r\n,")
				kt, err := dec.Token()
				if err != nil {
					return err
				}
				key, _ := kt.(string)
				valStart := skip(int(dec.InputOffset()), " \t\r\n:")
				id := join(prefix, key, top)
				if err := value(id, false, record); err != nil {
					return err
				}
				if !record {
					continue
				}
				line, col := ls.pos(keyStart)
				if first, dup := es[id]; dup {
					return duplicate(id, key, prefix, first, line, col)
				}
				lineStart := ls.start(line, len(data))
				e := entry{line: line, col: col, start: keyStart, end: int(dec.InputOffset()), valStart: valStart,
					key: string(data[keyStart:valStart]), parent: prefix, nested: !top, open: open, prevEnd: -1, nextStart: -1}
				if onlySpace(data[lineStart:keyStart]) {
					e.indent = string(data[lineStart:keyStart])
				}
				if n := len(ids); n > 0 {
					prev := es[ids[n-1]]
					prev.nextStart = keyStart
					es[ids[n-1]] = prev
					e.prevEnd = prev.end
				}
				es[id] = e
				ids = append(ids, id)
			}
			if _, err := dec.Token(); err != nil {
				return err
			}
			for _, id := range ids {
				e := es[id]
				e.close = int(dec.InputOffset()) - 1
				e.siblings = len(ids)
				e.key = strings.TrimRight(e.key, " \t\r\n:")
				es[id] = e
			}
		case json.Delim('['):
			for dec.More() {
				if err := value(prefix, false, false); err != nil {
					return err
				}
			}
			if _, err := dec.Token(); err != nil {
				return err
			}
		}
		return nil
	}
	if err := value("", true, true); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("unexpected data after the top-level value")
	}
	return es, nil
}

// duplicate reports a message ID written twice in a JSON file, which
// encoding/json reads without a word, keeping the last: a translation is
// lost. key and parent are the second one's; first is the first one's.
func duplicate(id, key, parent string, first entry, line, col int) error {
	t := l10n.Msg("catalog.duplicateID", "ID", id, "Line", first.line)
	if first.parent == parent {
		t = l10n.Msg("err.duplicateKey", "Key", key, "Line", first.line)
	}
	return l10n.At(line, col, t)
}

// scanTOML finds the keys of a TOML file. BurntSushi/toml, which reads the
// content, reports no key positions, so this is a small scanner written for
// the purpose; it runs only on files toml.Unmarshal has accepted and does
// not validate.
func scanTOML(data []byte) (entries, error) {
	s := &tomlScanner{data: data, ls: newLines(data), es: entries{}}
	s.run()
	// A table's text runs to the next table header.
	for i, h := range s.headers {
		if h.array {
			continue
		}
		end := len(data)
		if i+1 < len(s.headers) {
			end = s.headers[i+1].start
		}
		e := s.es[h.id]
		e.end = trimTail(data, e.start, end, true)
		s.es[h.id] = e
	}
	return s.es, nil
}

type tomlHeader struct {
	id    string
	start int
	array bool // [[array]]: ends the table before it, is no message
}

type tomlScanner struct {
	data    []byte
	ls      lines
	es      entries
	headers []tomlHeader
	off     int
}

func (s *tomlScanner) peek(n int) byte {
	if s.off+n < len(s.data) {
		return s.data[s.off+n]
	}
	return 0
}

func (s *tomlScanner) skipSpace(newlines bool) {
	for s.off < len(s.data) {
		switch c := s.data[s.off]; {
		case c == ' ' || c == '\t' || c == '\r':
			s.off++
		case c == '\n' && newlines:
			s.off++
		case c == '#':
			for s.off < len(s.data) && s.data[s.off] != '\n' {
				s.off++
			}
		default:
			return
		}
	}
}

func (s *tomlScanner) record(id string, e entry) {
	if _, dup := s.es[id]; !dup {
		s.es[id] = e
	}
}

func (s *tomlScanner) run() {
	var table []string
	for {
		s.skipSpace(true)
		if s.off >= len(s.data) {
			return
		}
		lineStart := s.ls.start(s.ls.lineOf(s.off), 0)
		if s.data[s.off] == '[' {
			begin := s.off
			array := s.peek(1) == '['
			s.off++
			if array {
				s.off++
			}
			path := s.keyPath()
			s.skipLine()
			table = path
			if array {
				s.headers = append(s.headers, tomlHeader{start: lineStart, array: true})
				continue
			}
			id := strings.Join(path, ".")
			line, col := s.ls.pos(begin)
			s.record(id, entry{line: line, col: col, start: lineStart, lineEdit: true, table: true, nested: len(path) > 1, prevEnd: -1, nextStart: -1,
				key: string(bytes.TrimSpace(s.data[begin:min(s.off, len(s.data))]))})
			s.headers = append(s.headers, tomlHeader{id: id, start: lineStart})
			continue
		}
		begin := s.off
		keyEnd, path := s.keyValue()
		line, col := s.ls.pos(begin)
		full := append(append([]string{}, table...), path...)
		for i := len(table) + 1; i < len(full); i++ {
			s.record(strings.Join(full[:i], "."), entry{line: line, col: col, dotted: true, prevEnd: -1, nextStart: -1})
		}
		e := entry{line: line, col: col, start: lineStart, end: s.off, prevEnd: -1, nextStart: -1,
			key: string(bytes.TrimSpace(s.data[begin:keyEnd])), indent: string(s.data[lineStart:begin]), parent: strings.Join(table, "."), nested: len(full) > 1}
		e.lineEdit = len(path) == 1 && onlySpace(s.data[lineStart:begin])
		s.record(strings.Join(full, "."), e)
	}
}

// skipLine moves past the rest of the line, comment and newline included.
func (s *tomlScanner) skipLine() {
	for s.off < len(s.data) && s.data[s.off] != '\n' {
		s.off++
	}
	if s.off < len(s.data) {
		s.off++
	}
}

// keyPath reads a dotted key up to '=' or ']' and returns its parts.
func (s *tomlScanner) keyPath() []string {
	var path []string
	for s.off < len(s.data) {
		s.skipSpace(false)
		if s.off >= len(s.data) {
			break
		}
		switch c := s.data[s.off]; c {
		case '"', '\'':
			begin := s.off
			s.skipString()
			raw := string(s.data[begin:min(s.off, len(s.data))])
			if c == '\'' {
				path = append(path, strings.Trim(raw, "'"))
			} else if u, err := strconv.Unquote(raw); err == nil {
				path = append(path, u)
			} else {
				path = append(path, strings.Trim(raw, `"`))
			}
		case '.':
			s.off++
		case '=', ']', '\n':
			return path
		default:
			begin := s.off
			for s.off < len(s.data) && !strings.ContainsRune(" \t\r\n.=]#", rune(s.data[s.off])) {
				s.off++
			}
			if s.off == begin {
				s.off++ // never stall on malformed input
				continue
			}
			path = append(path, string(s.data[begin:s.off]))
		}
	}
	return path
}

// keyValue reads "key = value" and the rest of its line; it returns where
// the key ends and the key's parts.
func (s *tomlScanner) keyValue() (keyEnd int, path []string) {
	path = s.keyPath()
	keyEnd = s.off
	if s.off < len(s.data) && s.data[s.off] == '=' {
		s.off++
		s.skipSpace(false)
		s.skipValue()
	}
	s.skipLine()
	return keyEnd, path
}

// skipString moves past a basic, literal or multi-line string.
func (s *tomlScanner) skipString() {
	q := s.data[s.off]
	if s.peek(1) == q && s.peek(2) == q {
		s.off += 3
		for s.off < len(s.data) {
			if q == '"' && s.data[s.off] == '\\' {
				s.off += 2
				continue
			}
			if s.data[s.off] == q && s.peek(1) == q && s.peek(2) == q {
				s.off += 3
				for s.off < len(s.data) && s.data[s.off] == q { // up to two quotes may end the content
					s.off++
				}
				return
			}
			s.off++
		}
		return
	}
	s.off++
	for s.off < len(s.data) && s.data[s.off] != '\n' {
		c := s.data[s.off]
		if q == '"' && c == '\\' {
			s.off += 2
			continue
		}
		s.off++
		if c == q {
			return
		}
	}
}

// skipValue moves past one value: a string, an array, an inline table or a
// bare scalar.
func (s *tomlScanner) skipValue() {
	depth := 0
	for s.off < len(s.data) {
		switch c := s.data[s.off]; {
		case c == '"' || c == '\'':
			s.skipString()
		case c == '[' || c == '{':
			depth++
			s.off++
		case c == ']' || c == '}':
			depth--
			s.off++
		case c == '#' && depth > 0:
			s.skipSpace(false)
		case c == '\n' && depth == 0, (c == ' ' || c == '\t' || c == '\r' || c == '#' || c == ',') && depth == 0:
			return
		default:
			s.off++
		}
		if depth <= 0 && s.off < len(s.data) && (s.data[s.off-1] == ']' || s.data[s.off-1] == '}' || s.data[s.off-1] == '"' || s.data[s.off-1] == '\'') {
			return
		}
	}
}

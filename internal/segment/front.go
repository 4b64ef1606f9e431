package segment

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/content"
)

// errShape reports a translation whose front matter holds a value of
// another shape than the source's where a text field should be.
var errShape = errors.New("the value does not have the shape of the source's")

// setFields sets the text fields at paths (in that order) to the values of
// want, adding the top-level keys cur lacks from src. A single-line scalar
// is replaced where it stands; otherwise the top-level key is rewritten.
func setFields(cur, src *content.Document, schema *config.Field, paths []string, want map[string]string) (*content.Document, error) {
	var keys []string
	byKey := map[string][]string{}
	for _, p := range paths {
		k := tokens(p)[0].name
		if byKey[k] == nil {
			keys = append(keys, k)
		}
		byKey[k] = append(byKey[k], p)
	}
	var err error
	for _, key := range keys {
		if cur.KeyNode(key) == nil {
			if cur.FrontEnd == 0 {
				if cur, err = addFront(cur); err != nil {
					return nil, err
				}
			}
			data, err := content.SetField(cur, src, key)
			if err != nil {
				return nil, err
			}
			if cur, err = reparse(data); err != nil {
				return nil, err
			}
		}
		rewrite := false
		for _, p := range byKey[key] {
			n, alias := nodeAt(cur.Front, tokens(p))
			if n == nil || alias || n.Kind != yaml.ScalarNode {
				rewrite = true
				continue
			}
			if n.Value == want[p] {
				continue
			}
			data, ok := replaceScalar(cur, n, encodeScalar(want[p], inFlow(cur.Front, n)))
			if !ok {
				rewrite = true
				continue
			}
			next, err := reparse(data)
			if err != nil {
				rewrite = true
				continue
			}
			if v, _ := nodeAt(next.Front, tokens(p)); v == nil || v.Value != want[p] {
				rewrite = true
				continue
			}
			cur = next
		}
		if rewrite {
			if cur, err = rewriteKey(cur, src, key, byKey[key], want); err != nil {
				return nil, err
			}
		}
	}
	return cur, nil
}

// token is one step of a field path: a member name or a list index.
type token struct {
	name  string
	index int
}

// tokens splits a path such as sources[1].text into its steps.
func tokens(path string) []token {
	var out []token
	for len(path) > 0 {
		switch path[0] {
		case '.':
			path = path[1:]
		case '[':
			end := strings.IndexByte(path, ']')
			if end < 0 {
				return append(out, token{name: path})
			}
			i, _ := strconv.Atoi(path[1:end])
			out = append(out, token{index: i})
			path = path[end+1:]
		default:
			end := strings.IndexAny(path, ".[")
			if end < 0 {
				end = len(path)
			}
			out = append(out, token{name: path[:end]})
			path = path[end:]
		}
	}
	return out
}

// nodeAt returns the node at a path, and whether an alias was followed on
// the way (editing it would edit its anchor's value too).
func nodeAt(n *yaml.Node, path []token) (_ *yaml.Node, alias bool) {
	for _, t := range path {
		if n == nil {
			return nil, alias
		}
		if n.Kind == yaml.AliasNode {
			n, alias = n.Alias, true
		}
		n = child(n, t)
	}
	if n != nil && n.Kind == yaml.AliasNode {
		n, alias = n.Alias, true
	}
	return n, alias
}

func child(n *yaml.Node, t token) *yaml.Node {
	if n == nil {
		return nil
	}
	if t.name != "" {
		if n.Kind != yaml.MappingNode {
			return nil
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == t.name {
				return n.Content[i+1]
			}
		}
		return nil
	}
	if n.Kind != yaml.SequenceNode || t.index >= len(n.Content) {
		return nil
	}
	return n.Content[t.index]
}

// inFlow reports whether target sits inside a [ ] or { } collection,
// where a plain scalar may not hold , [ ] { }.
func inFlow(root, target *yaml.Node) bool {
	var walk func(n *yaml.Node, flow bool) (found, inflow bool)
	walk = func(n *yaml.Node, flow bool) (bool, bool) {
		if n == target {
			return true, flow
		}
		flow = flow || n.Style&yaml.FlowStyle != 0
		for _, c := range n.Content {
			if ok, f := walk(c, flow); ok {
				return true, f
			}
		}
		return false, false
	}
	if root == nil {
		return false
	}
	_, f := walk(root, false)
	return f
}

// replaceScalar returns the file with the scalar n, a plain or quoted one
// written on one line, replaced by enc; false when n is not such a scalar.
func replaceScalar(d *content.Document, n *yaml.Node, enc string) ([]byte, bool) {
	if n.Kind != yaml.ScalarNode || n.Anchor != "" || n.Style&(yaml.LiteralStyle|yaml.FoldedStyle|yaml.TaggedStyle) != 0 {
		return nil, false
	}
	raw := d.Raw
	off := offset(raw, n.Line, n.Column)
	end := -1
	switch {
	case n.Style&yaml.SingleQuotedStyle != 0:
		if off >= len(raw) || raw[off] != '\'' {
			return nil, false
		}
		for i := off + 1; i < len(raw) && raw[i] != '\n'; i++ {
			if raw[i] == '\'' {
				if i+1 < len(raw) && raw[i+1] == '\'' {
					i++
					continue
				}
				end = i + 1
				break
			}
		}
	case n.Style&yaml.DoubleQuotedStyle != 0:
		if off >= len(raw) || raw[off] != '"' {
			return nil, false
		}
		for i := off + 1; i < len(raw) && raw[i] != '\n'; i++ {
			if raw[i] == '\\' {
				i++
				continue
			}
			if raw[i] == '"' {
				end = i + 1
				break
			}
		}
	default:
		if n.Value == "" || strings.ContainsAny(n.Value, "\r\n") || !bytes.HasPrefix(raw[off:], []byte(n.Value)) {
			return nil, false
		}
		end = off + len(n.Value)
	}
	if end < 0 {
		return nil, false
	}
	return concat(raw[:off], []byte(enc), raw[end:]), true
}

// offset returns the byte offset of a 1-based line and column (counted in
// characters, as yaml.v3 counts them).
func offset(raw []byte, line, col int) int {
	off := 0
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(raw[off:], '\n')
		if i < 0 {
			return len(raw)
		}
		off += i + 1
	}
	if line == 1 && bytes.HasPrefix(raw, bom) {
		off += len(bom)
	}
	for c := 1; c < col && off < len(raw) && raw[off] != '\n'; c++ {
		_, size := utf8.DecodeRune(raw[off:])
		off += size
	}
	return off
}

// encodeScalar writes a string as a YAML scalar on one line: plain when
// that reads back as the same string, else double-quoted.
func encodeScalar(s string, flow bool) string {
	if plainSafe(s, flow) {
		return s
	}
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f || r == 0x2028 || r == 0x2029 || r == 0xfeff || !unicode.IsPrint(r) && r != ' ' {
				if r > 0xffff {
					fmt.Fprintf(&b, `\U%08x`, r)
				} else {
					fmt.Fprintf(&b, `\u%04x`, r)
				}
				continue
			}
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// plainSafe reports whether s can be written as a plain scalar and read
// back as the same string.
func plainSafe(s string, flow bool) bool {
	if s == "" || strings.TrimSpace(s) != s || strings.ContainsAny(s, "\t\r\n") ||
		strings.IndexByte("-?:,[]{}#&*!|>'\"%@`", s[0]) >= 0 ||
		strings.Contains(s, ": ") || strings.Contains(s, " #") || strings.HasSuffix(s, ":") ||
		flow && strings.ContainsAny(s, ",[]{}") {
		return false
	}
	for _, r := range s {
		if !unicode.IsPrint(r) && r != ' ' || r == 0xfeff || r >= 0x80 && r <= 0x9f {
			return false
		}
	}
	var n yaml.Node
	if err := yaml.Unmarshal([]byte("x: "+s), &n); err != nil || len(n.Content) == 0 {
		return false
	}
	m := n.Content[0]
	return m.Kind == yaml.MappingNode && len(m.Content) == 2 && m.Content[1].Tag == "!!str" && m.Content[1].Value == s
}

// rewriteKey writes the top-level key anew, from base's value with the
// paths set (and what they need added from the source's value).
func rewriteKey(cur, src *content.Document, key string, paths []string, want map[string]string) (*content.Document, error) {
	d, err := rewriteKeyStyle(cur, src, key, paths, want, false)
	if err != nil {
		return nil, err
	}
	for _, p := range paths {
		if v, _ := nodeAt(d.Front, tokens(p)); v == nil || v.Value != want[p] {
			// yaml.v3 writes some texts in a block style that reads
			// back otherwise: write them all double-quoted.
			return rewriteKeyStyle(cur, src, key, paths, want, true)
		}
	}
	return d, nil
}

func rewriteKeyStyle(cur, src *content.Document, key string, paths []string, want map[string]string, quote bool) (*content.Document, error) {
	i := keyIndex(cur, key)
	if i < 0 {
		return nil, fmt.Errorf("%s: %w", key, errShape)
	}
	k := cur.Front.Content[i]
	v := deepCopy(cur.Front.Content[i+1])
	for _, p := range paths {
		if err := setPath(&v, src.Lookup(key), tokens(p)[1:], want[p], quote); err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
	}
	kc := *k
	kc.HeadComment, kc.FootComment = "", ""
	for n := v; n != nil; {
		n.FootComment = ""
		if len(n.Content) == 0 {
			break
		}
		n = n.Content[len(n.Content)-1]
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{&kc, v}}); err != nil {
		return nil, fmt.Errorf("%s: %w", key, err)
	}
	_ = enc.Close()
	text := buf.String()
	if k.Column > 1 {
		indent := strings.Repeat(" ", k.Column-1)
		lines := strings.SplitAfter(text, "\n")
		for j, l := range lines {
			if l != "" && l != "\n" {
				lines[j] = indent + l
			}
		}
		text = strings.Join(lines, "")
	}
	return replaceKeyBlock(cur, i, text)
}

// setPath sets the scalar at path under *n to value, adding the list items
// and members that are missing from the source's value s.
func setPath(n **yaml.Node, s *yaml.Node, path []token, value string, quote bool) error {
	deref := func(n **yaml.Node) {
		if (*n).Kind == yaml.AliasNode && (*n).Alias != nil {
			c := deepCopy((*n).Alias)
			c.Anchor = ""
			*n = c
		}
	}
	for _, t := range path {
		deref(n)
		if s != nil && s.Kind == yaml.AliasNode {
			s = s.Alias
		}
		m := *n
		if t.name != "" {
			if m.Kind != yaml.MappingNode {
				return errShape
			}
			j := -1
			for c := 0; c+1 < len(m.Content); c += 2 {
				if m.Content[c].Value == t.name {
					j = c + 1
				}
			}
			if j < 0 {
				sv := child(s, t)
				if sv == nil {
					return errShape
				}
				m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: t.name}, deepCopy(sv))
				j = len(m.Content) - 1
			}
			n = &m.Content[j]
		} else {
			if m.Kind != yaml.SequenceNode {
				return errShape
			}
			for len(m.Content) <= t.index {
				sv := child(s, token{index: len(m.Content)})
				if sv == nil {
					return errShape
				}
				m.Content = append(m.Content, deepCopy(sv))
			}
			n = &m.Content[t.index]
		}
		s = child(s, t)
	}
	deref(n)
	m := *n
	if m.Kind != yaml.ScalarNode {
		return errShape
	}
	m.Value, m.Tag = value, "!!str"
	switch {
	case quote:
		m.Style = yaml.DoubleQuotedStyle
	case m.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		m.Style &^= yaml.TaggedStyle
	default:
		m.Style = 0
	}
	return nil
}

func deepCopy(n *yaml.Node) *yaml.Node {
	if n == nil {
		return nil
	}
	c := *n
	c.Content = make([]*yaml.Node, len(n.Content))
	for i, x := range n.Content {
		c.Content[i] = deepCopy(x)
	}
	return &c
}

func keyIndex(d *content.Document, key string) int {
	if d.Front == nil {
		return -1
	}
	for i := 0; i+1 < len(d.Front.Content); i += 2 {
		if d.Front.Content[i].Value == key {
			return i
		}
	}
	return -1
}

// replaceKeyBlock replaces the lines of the top-level key at index i of
// the front matter, from its line to the last line of its value (blank
// lines and comments after it are not its own), by text.
func replaceKeyBlock(d *content.Document, i int, text string) (*content.Document, error) {
	if d.Front.Style&yaml.FlowStyle != 0 {
		return nil, fmt.Errorf("line %d: %w", d.Front.Line, content.ErrUneditable)
	}
	k := d.Front.Content[i]
	raw := d.Raw
	from := offset(raw, k.Line, 1)
	if at := offset(raw, k.Line, k.Column); k.Column != d.Front.Content[0].Column || strings.Trim(string(raw[from:at]), " ") != "" || k.Anchor != "" {
		return nil, fmt.Errorf("line %d: %w", k.Line, content.ErrUneditable)
	}
	limit := d.FrontEnd
	if i+2 < len(d.Front.Content) {
		limit = offset(raw, d.Front.Content[i+2].Line, 1)
	}
	end := nextLine(raw, from)
	for pos := end; pos < limit; {
		next := nextLine(raw, pos)
		if t := bytes.TrimLeft(raw[pos:next], " \t"); len(bytes.TrimSpace(t)) > 0 && t[0] != '#' {
			end = next
		}
		pos = next
	}
	if d.CRLF {
		text = strings.ReplaceAll(text, "\n", "\r\n")
	}
	return reparse(concat(raw[:from], []byte(text), raw[end:]))
}

func nextLine(raw []byte, off int) int {
	if i := bytes.IndexByte(raw[off:], '\n'); i >= 0 {
		return off + i + 1
	}
	return len(raw)
}

// setDraft marks the document as a draft, or removes its draft key.
func setDraft(d *content.Document, on bool) (*content.Document, error) {
	i := keyIndex(d, "draft")
	if !on {
		if i < 0 {
			return d, nil
		}
		return replaceKeyBlock(d, i, "")
	}
	if draft(d) {
		return d, nil
	}
	nl := lineEnd(d)
	if i >= 0 {
		if data, ok := replaceScalar(d, d.Front.Content[i+1], "true"); ok {
			if next, err := reparse(data); err == nil && draft(next) {
				return next, nil
			}
		}
		indent := strings.Repeat(" ", d.Front.Content[i].Column-1)
		return replaceKeyBlock(d, i, indent+"draft: true\n")
	}
	var err error
	if d.FrontEnd == 0 {
		if d, err = addFront(d); err != nil {
			return nil, err
		}
	}
	indent := ""
	if d.Front != nil && len(d.Front.Content) > 0 {
		if d.Front.Style&yaml.FlowStyle != 0 {
			return nil, fmt.Errorf("line %d: %w", d.Front.Line, content.ErrUneditable)
		}
		indent = strings.Repeat(" ", d.Front.Content[0].Column-1)
	}
	return reparse(concat(d.Raw[:d.FrontEnd], []byte(indent+"draft: true"+nl), d.Raw[d.FrontEnd:]))
}

// addFront gives a document without front matter an empty one.
func addFront(d *content.Document) (*content.Document, error) {
	start := 0
	if d.BOM {
		start = len(bom)
	}
	nl := lineEnd(d)
	return reparse(concat(d.Raw[:start], []byte("---"+nl+"---"+nl), d.Raw[start:]))
}

func reparse(data []byte) (*content.Document, error) {
	d, err := content.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errUnverified, err)
	}
	return d, nil
}

func concat(parts ...[]byte) []byte {
	var out []byte
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

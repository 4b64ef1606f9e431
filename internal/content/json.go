package content

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/glosa/glosa/internal/l10n"
)

// jsonStart reports whether data (after a BOM) opens JSON front matter: a
// { followed, after white space, by the " of a key or the } of an empty
// object. Markdown that starts with {{< shortcode >}} or an MDX {/* … */}
// comment is not front matter.
func jsonStart(data []byte) bool {
	if len(data) == 0 || data[0] != '{' {
		return false
	}
	rest := bytes.TrimLeft(data[1:], " \t\r\n")
	return len(rest) > 0 && (rest[0] == '"' || rest[0] == '}')
}

// parseJSON reads the JSON front matter of d, whose { is at offset start:
// it ends at the } that closes it (found as Hugo finds it: braces outside
// strings), which must end its line.
func parseJSON(d *Document, start int) (*Document, error) {
	data := d.Raw
	end := jsonEnd(data, start)
	if end < 0 {
		line, col := Position(data, start)
		return d, l10n.At(line, col, l10n.Msg("fm.unclosedJSON"))
	}
	rest, after := lineAt(data, end)
	if t := bytes.TrimLeft(rest, " \t"); len(t) > 0 {
		line, col := Position(data, end+len(rest)-len(t))
		return d, l10n.At(line, col, l10n.Msg("fm.afterJSON"))
	}
	d.FrontStart, d.FrontEnd = start, end
	d.Body = data[after:]
	line, _ := Position(data, end)
	d.BodyLine = line + 1
	j, err := jsonTree(data, start, end)
	if err != nil {
		return d, err
	}
	if err := checkDuplicates(j.root); err != nil {
		return d, err
	}
	d.Front = j.root
	return d, nil
}

// jsonEnd returns the offset just after the } that closes the object
// whose { is at start, or -1.
func jsonEnd(data []byte, start int) int {
	level, quoted := 0, false
	for i := start; i < len(data); i++ {
		switch c := data[i]; {
		case quoted && c == '\\':
			i++
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '{':
			level++
		case c == '}':
			if level--; level == 0 {
				return i + 1
			}
		}
	}
	return -1
}

// jsonMember is a top-level member of JSON front matter, as offsets of the
// file: where its key starts, and where its value starts and ends.
type jsonMember struct {
	key                  string
	keyStart, from, upTo int
}

// jsonDoc is JSON front matter read into a YAML tree, with the offsets of
// its top-level members for the editors.
type jsonDoc struct {
	root    *yaml.Node
	members []jsonMember
}

// jsonTree parses the JSON object data[from:to] into a YAML mapping whose
// node positions are lines and columns of data: objects become mappings,
// arrays sequences, strings !!str scalars, numbers !!int or !!float (as
// written), true and false !!bool, null !!null. So the tree is the one the
// same values written in YAML give.
func jsonTree(data []byte, from, to int) (*jsonDoc, error) {
	// The scanner of Unmarshal says where a syntax error is: after the
	// byte at fault; the decoder's Token does not.
	var raw json.RawMessage
	err := json.Unmarshal(data[from:to], &raw)
	var root *yaml.Node
	b := &jsonBuilder{data: data, from: from, to: to, lines: newLineIndex(data)}
	if err == nil {
		b.dec = json.NewDecoder(bytes.NewReader(data[from:to]))
		b.dec.UseNumber()
		root, err = b.value(true)
	}
	if err != nil {
		var se *json.SyntaxError
		off := to - from
		msg := err.Error()
		switch {
		case errors.As(err, &se):
			if off = int(se.Offset); off > 0 {
				off--
			}
		case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
			msg = "unexpected end of JSON input"
		}
		var pe *l10n.Error
		if errors.As(err, &pe) {
			return nil, pe
		}
		line, col := Position(data, from+min(off, to-from))
		return nil, l10n.At(line, col, l10n.Msg("fm.json", "Error", strings.TrimPrefix(msg, "json: ")))
	}
	if int(b.dec.InputOffset()) != to-from {
		line, col := Position(data, from+int(b.dec.InputOffset()))
		return nil, l10n.At(line, col, l10n.Msg("fm.afterJSON"))
	}
	return &jsonDoc{root: root, members: b.members}, nil
}

// jsonBuilder builds the YAML tree of the JSON object data[from:to].
type jsonBuilder struct {
	data     []byte
	from, to int
	dec      *json.Decoder
	members  []jsonMember
	lines    *lineIndex
}

// next returns the offset of data where the next token starts: past the
// white space, commas and colons after the last one.
func (b *jsonBuilder) next() int {
	off := b.from + int(b.dec.InputOffset())
	for off < b.to && strings.IndexByte(" \t\r\n,:", b.data[off]) >= 0 {
		off++
	}
	return off
}

func (b *jsonBuilder) at(n *yaml.Node, off int) *yaml.Node {
	n.Line, n.Column = b.lines.position(off)
	return n
}

// value reads the next JSON value; top records the members of the
// top-level object.
func (b *jsonBuilder) value(top bool) (*yaml.Node, error) {
	start := b.next()
	tok, err := b.dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			n := b.at(&yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Style: yaml.FlowStyle}, start)
			if top {
				n.Style = 0
			}
			for b.dec.More() {
				keyStart := b.next()
				tok, err := b.dec.Token()
				if err != nil {
					return nil, err
				}
				key, ok := tok.(string)
				if !ok {
					return nil, errors.New("object key is not a string")
				}
				k := b.at(&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Style: yaml.DoubleQuotedStyle, Value: key}, keyStart)
				from := b.next()
				v, err := b.value(false)
				if err != nil {
					return nil, err
				}
				if top {
					b.members = append(b.members, jsonMember{key: key, keyStart: keyStart, from: from, upTo: b.from + int(b.dec.InputOffset())})
				}
				n.Content = append(n.Content, k, v)
			}
			if _, err := b.dec.Token(); err != nil { // }
				return nil, err
			}
			return n, nil
		case '[':
			n := b.at(&yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle}, start)
			for b.dec.More() {
				v, err := b.value(false)
				if err != nil {
					return nil, err
				}
				n.Content = append(n.Content, v)
			}
			if _, err := b.dec.Token(); err != nil { // ]
				return nil, err
			}
			return n, nil
		}
		return nil, errors.New("unexpected " + t.String())
	case string:
		return b.at(&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Style: yaml.DoubleQuotedStyle, Value: t}, start), nil
	case json.Number:
		tag := "!!int"
		if strings.ContainsAny(t.String(), ".eE") {
			tag = "!!float"
		}
		return b.at(&yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: t.String()}, start), nil
	case bool:
		v := "false"
		if t {
			v = "true"
		}
		return b.at(&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: v}, start), nil
	case nil:
		return b.at(&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}, start), nil
	}
	return nil, errors.New("unexpected token")
}

package content

import (
	"bytes"
	"errors"
	"strconv"
	"strings"

	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
	"go.yaml.in/yaml/v3"

	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/limits"
)

// Syntax is the language a document's front matter is written in.
type Syntax string

// The front-matter syntaxes Parse reads.
const (
	YAML Syntax = "yaml"
	TOML Syntax = "toml"
	JSON Syntax = "json"
)

// Syntax returns the syntax of the document's front matter: YAML for a
// document without front matter, as that is what glosa adds to one. It is
// read from the file's first bytes, which the content cache keeps.
func (d *Document) Syntax() Syntax {
	if d == nil {
		return YAML
	}
	head := bytes.TrimPrefix(d.Raw, bom)
	head = head[leadingSpace(head):]
	switch {
	case bytes.HasPrefix(head, []byte("+++")):
		return TOML
	case d.FrontEnd > 0 && jsonStart(head):
		return JSON
	}
	return YAML
}

// parseTOML reads the TOML front matter of d, whose opening +++ is at open
// and whose line ends at next: the front matter ends at the next line that
// is +++ (spaces after it are allowed).
func parseTOML(d *Document, open, next int) (*Document, error) {
	if !closeFront(d, next, "+++") {
		line, col := Position(d.Raw, open)
		return d, l10n.At(line, col, l10n.Msg("fm.unclosedTOML"))
	}
	front, err := tomlTree(d.Raw, d.FrontStart, d.FrontEnd)
	if err != nil {
		return d, err
	}
	d.Front = front
	return d, nil
}

// tomlTree parses the TOML of data[from:to] into a YAML mapping whose node
// positions are lines and columns of data: tables become mappings, arrays
// and arrays of tables sequences, dotted keys nested mappings. Strings are
// !!str scalars, integers !!int (in decimal), floats !!float, booleans
// !!bool, dates and date-times !!timestamp and local times !!str, so the
// tree is the one the same values written in YAML give. nil for front
// matter without any key.
func tomlTree(data []byte, from, to int) (*yaml.Node, error) {
	src := data[from:to]
	if err := limits.CheckTOML(src, limits.FrontKeys); err != nil {
		var le *l10n.Error
		if errors.As(err, &le) {
			// The scan counts lines from the front matter's start.
			line, _ := Position(data, from)
			le.Line += line - 1
		}
		return nil, err
	}
	// go-toml's decoder checks what the parser does not: keys defined
	// twice, tables redefined, arrays of tables mixed with tables.
	var check map[string]any
	if err := toml.Unmarshal(src, &check); err != nil {
		return nil, tomlError(data, from, src, err)
	}
	b := &tomlBuilder{data: data, from: from, lines: newLineIndex(data)}
	root := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	current := root
	var p unstable.Parser
	p.Reset(src)
	for p.NextExpression() {
		e := p.Expression()
		var err error
		switch e.Kind {
		case unstable.KeyValue:
			err = b.keyValue(current, e)
		case unstable.Table:
			current, err = b.table(root, e, false)
		case unstable.ArrayTable:
			current, err = b.table(root, e, true)
		}
		if err != nil {
			return nil, err
		}
	}
	if err := p.Error(); err != nil {
		return nil, tomlError(data, from, src, err)
	}
	if len(root.Content) == 0 {
		return nil, nil
	}
	root.Line, root.Column = root.Content[0].Line, root.Content[0].Column
	if err := checkDuplicates(root); err != nil {
		return nil, err
	}
	return root, nil
}

// tomlError turns an error of go-toml into an *l10n.Error at its place in
// data, where the TOML src starts at from.
func tomlError(data []byte, from int, src []byte, err error) error {
	var de *toml.DecodeError
	var pe *unstable.ParserError
	off := 0
	msg := err.Error()
	switch {
	case errors.As(err, &de):
		row, col := de.Position()
		off = min(lineOffset(src, row)+col-1, len(src))
		msg = strings.TrimPrefix(msg, "toml: ")
	case errors.As(err, &pe):
		if pe.Highlight != nil {
			if o := cap(src) - cap(pe.Highlight); o >= 0 && o <= len(src) {
				off = o
			}
		}
	}
	line, col := Position(data, from+off)
	return l10n.At(line, col, l10n.Msg("fm.toml", "Error", msg))
}

// tomlBuilder builds the YAML tree of TOML front matter that starts at
// offset from of data.
type tomlBuilder struct {
	data  []byte
	from  int
	lines *lineIndex
	// values indexes each mapping's values by key, so that a key is found
	// in constant time: scanning the mapping made front matter of 200,000
	// tables take minutes.
	values map[*yaml.Node]map[string]*yaml.Node
}

// add appends key k with value v to the mapping m.
func (b *tomlBuilder) add(m, k, v *yaml.Node) {
	m.Content = append(m.Content, k, v)
	if b.values == nil {
		b.values = map[*yaml.Node]map[string]*yaml.Node{}
	}
	vs := b.values[m]
	if vs == nil {
		vs = map[string]*yaml.Node{}
		b.values[m] = vs
	}
	if _, ok := vs[k.Value]; !ok {
		vs[k.Value] = v // the first, as a scan would find
	}
}

// at sets n's position to the offset off of the front matter.
func (b *tomlBuilder) at(n *yaml.Node, off int) *yaml.Node {
	n.Line, n.Column = b.lines.position(b.from + min(max(off, 0), len(b.data)-b.from))
	return n
}

// errShape reports TOML that the decoder accepted but that does not fit
// the tree being built; it should not happen.
func (b *tomlBuilder) errShape(off int) error {
	line, col := Position(b.data, b.from+off)
	return l10n.At(line, col, l10n.Msg("fm.toml", "Error", "a key is defined twice"))
}

// keyParts returns the parts of a dotted key with their offsets, and the
// offset where the key ends.
func keyParts(e *unstable.Node) (names []string, offs []int, end int) {
	it := e.Key()
	for it.Next() {
		k := it.Node()
		names = append(names, string(k.Data))
		offs = append(offs, int(k.Raw.Offset))
		end = int(k.Raw.Offset + k.Raw.Length)
	}
	return names, offs, end
}

// descend returns the mapping under key name of m, created (with its key
// at off) when m lacks it. lastItem enters the last table of an array of
// tables.
func (b *tomlBuilder) descend(m *yaml.Node, name string, off int, lastItem bool) (*yaml.Node, error) {
	if v := b.values[m][name]; v != nil {
		if v.Kind == yaml.SequenceNode && lastItem && len(v.Content) > 0 && v.Content[len(v.Content)-1].Kind == yaml.MappingNode {
			return v.Content[len(v.Content)-1], nil
		}
		if v.Kind != yaml.MappingNode {
			return nil, b.errShape(off)
		}
		return v, nil
	}
	k := b.at(&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: name}, off)
	v := b.at(&yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}, off)
	b.add(m, k, v)
	return v, nil
}

// keyValue adds a key = value expression to the mapping m.
func (b *tomlBuilder) keyValue(m *yaml.Node, e *unstable.Node) error {
	names, offs, end := keyParts(e)
	if len(names) == 0 {
		return nil
	}
	var err error
	for i := range len(names) - 1 {
		if m, err = b.descend(m, names[i], offs[i], false); err != nil {
			return err
		}
	}
	last := len(names) - 1
	v, err := b.value(e.Value(), end)
	if err != nil {
		return err
	}
	k := b.at(&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: names[last]}, offs[last])
	b.add(m, k, v)
	return nil
}

// table enters the table (or adds an item to the array of tables) of a
// [table] or [[table]] header, returning the mapping its keys go to.
func (b *tomlBuilder) table(root *yaml.Node, e *unstable.Node, array bool) (*yaml.Node, error) {
	names, offs, _ := keyParts(e)
	if len(names) == 0 {
		return root, nil
	}
	m := root
	var err error
	last := len(names) - 1
	for i := range last {
		if m, err = b.descend(m, names[i], offs[i], true); err != nil {
			return nil, err
		}
	}
	if !array {
		return b.descend(m, names[last], offs[last], false)
	}
	seq := b.values[m][names[last]]
	if seq != nil && seq.Kind != yaml.SequenceNode {
		return nil, b.errShape(offs[last])
	}
	if seq == nil {
		k := b.at(&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: names[last]}, offs[last])
		seq = b.at(&yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}, offs[last])
		b.add(m, k, seq)
	}
	item := b.at(&yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}, offs[last])
	seq.Content = append(seq.Content, item)
	return item, nil
}

// value builds the node of a TOML value; after is an offset at or before
// its start, for values the parser gives no range (arrays).
func (b *tomlBuilder) value(v *unstable.Node, after int) (*yaml.Node, error) {
	off := int(v.Raw.Offset)
	raw := string(v.Data)
	n := &yaml.Node{Kind: yaml.ScalarNode}
	switch v.Kind {
	case unstable.String:
		n.Tag, n.Value = "!!str", raw
		switch r := b.data[b.from+off:]; {
		case bytes.HasPrefix(r, []byte(`"""`)), bytes.HasPrefix(r, []byte(`'''`)):
			n.Style = yaml.LiteralStyle
		case bytes.HasPrefix(r, []byte(`'`)):
			n.Style = yaml.SingleQuotedStyle
		default:
			n.Style = yaml.DoubleQuotedStyle
		}
	case unstable.Bool:
		n.Tag, n.Value = "!!bool", raw
	case unstable.Integer:
		n.Tag, n.Value = "!!int", raw
		if i, err := strconv.ParseInt(raw, 0, 64); err == nil {
			n.Value = strconv.FormatInt(i, 10)
		}
	case unstable.Float:
		n.Tag, n.Value = "!!float", strings.ReplaceAll(raw, "_", "")
		switch strings.TrimPrefix(n.Value, "+") {
		case "inf":
			n.Value = ".inf"
		case "-inf":
			n.Value = "-.inf"
		case "nan", "-nan":
			n.Value = ".nan"
		}
	case unstable.LocalDate, unstable.LocalDateTime, unstable.DateTime:
		n.Tag, n.Value = "!!timestamp", raw
	case unstable.LocalTime:
		n.Tag, n.Value = "!!str", raw
	case unstable.Array:
		n.Kind, n.Tag, n.Style = yaml.SequenceNode, "!!seq", yaml.FlowStyle
		if i := bytes.IndexByte(b.data[b.from+after:], '['); i >= 0 {
			off = after + i
		}
		b.at(n, off)
		it := v.Children()
		next := off + 1
		for it.Next() {
			c := it.Node()
			if c.Kind == unstable.Comment {
				continue
			}
			item, err := b.value(c, next)
			if err != nil {
				return nil, err
			}
			if c.Raw.Length > 0 {
				next = int(c.Raw.Offset + c.Raw.Length)
			}
			n.Content = append(n.Content, item)
		}
		return n, nil
	case unstable.InlineTable:
		n.Kind, n.Tag, n.Style = yaml.MappingNode, "!!map", yaml.FlowStyle
		b.at(n, off)
		it := v.Children()
		for it.Next() {
			c := it.Node()
			if c.Kind != unstable.KeyValue {
				continue
			}
			if err := b.keyValue(n, c); err != nil {
				return nil, err
			}
		}
		return n, nil
	default:
		n.Tag, n.Value = "!!str", raw
	}
	return b.at(n, off), nil
}

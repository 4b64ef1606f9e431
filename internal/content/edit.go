package content

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2/unstable"
	"go.yaml.in/yaml/v3"

	"github.com/glosa/glosa/internal/l10n"
)

// NeedYAML returns an error wrapping ErrUneditable when d's front matter
// is not YAML: glosa edits TOML and JSON front matter only to write the
// translation record (SetRecord) and a stub's draft (Stub).
func NeedYAML(d *Document) error {
	if s := d.Syntax(); s != YAML {
		return l10n.Wrap(ErrUneditable, "edit.syntax", "Syntax", strings.ToUpper(string(s)))
	}
	return nil
}

func errUnverifiedf(err error) error { return fmt.Errorf("%w: %v", errUnverified, err) }

// quote writes s as a JSON string, which is also a TOML basic string.
func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// tomlExpr is a top-level expression of TOML front matter, with offsets
// of the file.
type tomlExpr struct {
	kind  unstable.Kind // KeyValue, Table or ArrayTable
	names []string
	// top reports a key = value before the first table header.
	top bool
	// start is where the expression starts (its key, or the [ of a
	// header), end where it ends (after its value, or the header's key).
	start, end int
	// value is the range of a key = value's value, when it is a scalar.
	value    [2]int
	scalar   bool
	lineFrom int // the start of start's line
}

// tomlExprs returns the expressions of d's TOML front matter.
func tomlExprs(d *Document) []tomlExpr {
	var out []tomlExpr
	var p unstable.Parser
	p.Reset(d.Raw[d.FrontStart:d.FrontEnd])
	top := true
	for p.NextExpression() {
		e := p.Expression()
		if e.Kind != unstable.KeyValue && e.Kind != unstable.Table && e.Kind != unstable.ArrayTable {
			continue
		}
		names, offs, end := keyParts(e)
		if len(names) == 0 {
			continue
		}
		x := tomlExpr{kind: e.Kind, names: names, start: d.FrontStart + offs[0], end: d.FrontStart + end}
		if e.Kind == unstable.KeyValue {
			x.top = top
			x.end = d.FrontStart + int(e.Raw.Offset+e.Raw.Length)
			if v := e.Value(); v.Kind != unstable.Array && v.Kind != unstable.InlineTable {
				x.scalar = true
				x.value = [2]int{d.FrontStart + int(v.Raw.Offset), d.FrontStart + int(v.Raw.Offset+v.Raw.Length)}
			}
		} else {
			top = false
			x.start = bytes.LastIndexByte(d.Raw[:x.start], '[')
		}
		x.lineFrom = bytes.LastIndexByte(d.Raw[:x.start], '\n') + 1
		out = append(out, x)
	}
	return out
}

// endOfLine returns the offset after the line ending of the line holding
// off (or the end of data).
func endOfLine(data []byte, off int) int {
	if i := bytes.IndexByte(data[off:], '\n'); i >= 0 {
		return off + i + 1
	}
	return len(data)
}

// tomlRecordBlock returns the range of d's [translation] table, from its
// header's line to the end of the line of its last key; ok is false when
// it has none. A record written another way (translation = {…}, dotted
// keys, [translation.x] tables) cannot be edited.
func tomlRecordBlock(d *Document, exprs []tomlExpr) (from, end int, ok bool, err error) {
	table := -1
	for i, x := range exprs {
		if !sameKey(x.names[0], RecordKey) || x.kind == unstable.KeyValue && !x.top {
			continue
		}
		if table >= 0 || x.kind != unstable.Table || len(x.names) != 1 {
			line, _ := Position(d.Raw, x.start)
			return 0, 0, false, l10n.Wrap(ErrUneditable, "edit.tomlRecord", "Line", line)
		}
		table = i
	}
	if table < 0 {
		return 0, 0, false, nil
	}
	last := exprs[table]
	for _, x := range exprs[table+1:] {
		if x.kind != unstable.KeyValue {
			break
		}
		last = x
	}
	return exprs[table].lineFrom, endOfLine(d.Raw, last.end), true, nil
}

// setRecordTOML writes rec as the [translation] table of TOML front
// matter: in place of the existing one, or at the end of the front matter.
func setRecordTOML(d *Document, rec Record, nl string) ([]byte, error) {
	var b strings.Builder
	b.WriteString("[" + RecordKey + "]" + nl)
	if rec.Source != "" {
		b.WriteString("source = " + quote(rec.Source) + nl)
	}
	b.WriteString("hash = " + quote(rec.Hash) + nl)
	if rec.Commit != "" {
		b.WriteString("commit = " + quote(rec.Commit) + nl)
	}
	block := []byte(b.String())
	from, end, ok, err := tomlRecordBlock(d, tomlExprs(d))
	if err != nil {
		return nil, err
	}
	if !ok {
		from, end = d.FrontEnd, d.FrontEnd
	}
	return verify(concat(d.Raw[:from], block, d.Raw[end:]), rec)
}

// stubTOML makes the stub of a document with TOML front matter: without
// its [translation] table, with draft = true.
func stubTOML(d *Document, nl string) ([]byte, error) {
	from, end, ok, err := tomlRecordBlock(d, tomlExprs(d))
	if err != nil {
		return nil, err
	}
	if ok {
		if d, err = Parse(concat(d.Raw[:from], d.Raw[end:])); err != nil {
			return nil, errUnverifiedf(err)
		}
	}
	raw := d.Raw
	at := d.FrontStart // where a draft line goes: after the last top-level key
	exprs := tomlExprs(d)
	var draft *tomlExpr // the draft key as Lookup finds it: spelled so, or else in another case
	for i, x := range exprs {
		if x.top {
			at = endOfLine(raw, x.end)
		}
		if !sameKey(x.names[0], "draft") || x.kind == unstable.KeyValue && !x.top {
			continue
		}
		if draft == nil || x.names[0] == "draft" && draft.names[0] != "draft" {
			draft = &exprs[i]
		}
	}
	if x := draft; x != nil {
		line, _ := Position(raw, x.start)
		if x.kind != unstable.KeyValue || len(x.names) != 1 || !x.scalar {
			return nil, l10n.Wrap(ErrUneditable, "edit.draft", "Line", line)
		}
		return verifyStub(concat(raw[:x.value[0]], []byte("true"), raw[x.value[1]:]))
	}
	line := []byte("draft = true" + nl)
	if at > 0 && raw[at-1] != '\n' {
		line = append([]byte(nl), line...)
	}
	return verifyStub(concat(raw[:at], line, raw[at:]))
}

// jsonLayout is how JSON front matter is laid out: whether its members
// are on lines of their own, and their indentation.
type jsonLayout struct {
	multi        bool
	indent, unit string
}

func layoutJSON(d *Document, j *jsonDoc) jsonLayout {
	obj := d.Raw[d.FrontStart:d.FrontEnd]
	if len(j.members) == 0 {
		if bytes.IndexByte(obj, '\n') >= 0 {
			return jsonLayout{multi: true, indent: "  ", unit: "  "}
		}
		return jsonLayout{}
	}
	k := j.members[0].keyStart
	lineStart := bytes.LastIndexByte(d.Raw[:k], '\n') + 1
	if lineStart <= d.FrontStart {
		return jsonLayout{}
	}
	indent := string(d.Raw[lineStart:k])
	if strings.Trim(indent, " \t") != "" {
		return jsonLayout{}
	}
	unit := indent
	if unit == "" {
		unit = "  "
	}
	return jsonLayout{multi: true, indent: indent, unit: unit}
}

// object writes members as a JSON object laid out as l says, for a value
// of a top-level member.
func (l jsonLayout) object(nl string, members ...[2]string) string {
	var b strings.Builder
	b.WriteByte('{')
	for i, m := range members {
		if i > 0 {
			b.WriteByte(',')
			if !l.multi {
				b.WriteByte(' ')
			}
		}
		if l.multi {
			b.WriteString(nl + l.indent + l.unit)
		}
		b.WriteString(quote(m[0]) + ": " + m[1])
	}
	if l.multi {
		b.WriteString(nl + l.indent)
	}
	b.WriteByte('}')
	return b.String()
}

// setMemberJSON returns d with its top-level member key set to value
// (JSON text): the existing value replaced, or the member added last (in
// an empty object, right after the {).
func setMemberJSON(d *Document, j *jsonDoc, l jsonLayout, key, value, nl string) []byte {
	raw := d.Raw
	found := -1 // the member as Lookup finds it: spelled so, or else in another case
	for i, m := range j.members {
		if m.key == key || found < 0 && sameKey(m.key, key) {
			found = i
		}
		if m.key == key {
			break
		}
	}
	if found >= 0 {
		m := j.members[found]
		return concat(raw[:m.from], []byte(value), raw[m.upTo:])
	}
	member := quote(key) + ": " + value
	if len(j.members) == 0 { // right after the {, keeping what is before the }
		if l.multi {
			member = nl + l.indent + member
		}
		return concat(raw[:d.FrontStart+1], []byte(member), raw[d.FrontStart+1:])
	}
	last := j.members[len(j.members)-1].upTo
	sep := ", "
	if l.multi {
		sep = "," + nl + l.indent
	}
	return concat(raw[:last], []byte(sep+member), raw[last:])
}

// setRecordJSON writes rec as the "translation" member of JSON front
// matter: in place of the existing one's value, or as a member added last.
func setRecordJSON(d *Document, rec Record, nl string) ([]byte, error) {
	j, err := jsonTree(d.Raw, d.FrontStart, d.FrontEnd)
	if err != nil {
		return nil, errUnverifiedf(err)
	}
	l := layoutJSON(d, j)
	var members [][2]string
	if rec.Source != "" {
		members = append(members, [2]string{"source", quote(rec.Source)})
	}
	members = append(members, [2]string{"hash", quote(rec.Hash)})
	if rec.Commit != "" {
		members = append(members, [2]string{"commit", quote(rec.Commit)})
	}
	return verify(setMemberJSON(d, j, l, RecordKey, l.object(nl, members...), nl), rec)
}

// stubJSON makes the stub of a document with JSON front matter: without
// its "translation" member, with "draft": true.
func stubJSON(d *Document, nl string) ([]byte, error) {
	j, err := jsonTree(d.Raw, d.FrontStart, d.FrontEnd)
	if err != nil {
		return nil, errUnverifiedf(err)
	}
	for i, m := range j.members {
		if !sameKey(m.key, RecordKey) {
			continue
		}
		from, end := d.FrontStart+1, m.upTo // the only member: from the {
		switch {
		case i > 0:
			from = j.members[i-1].upTo
		case len(j.members) > 1:
			from, end = m.keyStart, j.members[1].keyStart
		}
		if d, err = Parse(concat(d.Raw[:from], d.Raw[end:])); err != nil {
			return nil, errUnverifiedf(err)
		}
		if j, err = jsonTree(d.Raw, d.FrontStart, d.FrontEnd); err != nil {
			return nil, errUnverifiedf(err)
		}
		break
	}
	if v := d.Lookup("draft"); v != nil && v.Kind != yaml.ScalarNode {
		return nil, l10n.Wrap(ErrUneditable, "edit.draft", "Line", v.Line)
	}
	return verifyStub(setMemberJSON(d, j, layoutJSON(d, j), "draft", "true", nl))
}

// lineIndex converts offsets of data to positions as Position does, in
// logarithmic time after one pass over data: the TOML and JSON tree
// builders place every node with it.
type lineIndex struct {
	data   []byte
	starts []int // the offset where each line starts
}

func newLineIndex(data []byte) *lineIndex {
	starts := make([]int, 1, 64)
	for i, c := range data {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &lineIndex{data: data, starts: starts}
}

// position returns Position(data, off).
func (x *lineIndex) position(off int) (line, col int) {
	off = min(max(off, 0), len(x.data))
	i, _ := slices.BinarySearch(x.starts, off+1) // lines starting at or before off
	start := x.starts[i-1]
	col = 1 + utf8.RuneCount(x.data[start:off])
	if i == 1 && bytes.HasPrefix(x.data, bom) && off >= len(bom) {
		col--
	}
	return i, col
}

package content

import (
	"bytes"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// RecordKey is the front-matter key of the translation record.
const RecordKey = "translation"

// Record is what a translation says it was translated from.
type Record struct {
	// Source is the language translated from; "" means the project source.
	Source string
	// Hash is the source hash at translation time.
	Hash string
	// Commit is the source commit, when known.
	Commit string
	// Line is where the record starts in the file.
	Line int
}

// Record returns the document's translation record, nil when it has none.
// A record that is present but malformed is an error.
func (d *Document) Record() (*Record, error) {
	n := d.Lookup(RecordKey)
	if n == nil {
		return nil, nil
	}
	k := d.KeyNode(RecordKey)
	if n.Kind != yaml.MappingNode {
		return nil, &ParseError{Line: n.Line, Col: n.Column, Msg: "translation record must be a mapping with source and hash"}
	}
	r := &Record{Line: k.Line}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, v := n.Content[i], n.Content[i+1]
		if v.Kind != yaml.ScalarNode {
			return nil, &ParseError{Line: v.Line, Col: v.Column, Msg: fmt.Sprintf("translation.%s must be a single value", key.Value)}
		}
		switch key.Value {
		case "source":
			r.Source = v.Value
		case "hash":
			r.Hash = v.Value
		case "commit":
			r.Commit = v.Value
		}
	}
	if r.Hash == "" {
		return nil, &ParseError{Line: k.Line, Col: k.Column, Msg: "translation record has no hash; run glosa stamp to write one"}
	}
	return r, nil
}

// SetRecord returns the file with its translation record replaced by rec,
// or added at the end of the front matter. Only the record's lines change;
// every other byte, comments, key order, quoting, line endings and a BOM,
// stays as it was. A file without front matter gets one holding only the
// record. The record block is glosa's: an existing one is rewritten whole.
func SetRecord(d *Document, rec Record) ([]byte, error) {
	nl := "\n"
	if d.CRLF {
		nl = "\r\n"
	}
	var block strings.Builder
	block.WriteString(RecordKey + ":" + nl)
	if rec.Source != "" {
		block.WriteString("  source: " + rec.Source + nl)
	}
	block.WriteString("  hash: " + rec.Hash + nl)
	if rec.Commit != "" {
		block.WriteString("  commit: " + rec.Commit + nl)
	}
	raw := d.Raw
	if d.FrontEnd == 0 { // no front matter: add one
		start := 0
		if d.BOM {
			start = len(bom)
		}
		return concat(raw[:start], []byte("---"+nl+block.String()+"---"+nl), raw[start:]), nil
	}
	k := d.KeyNode(RecordKey)
	if k == nil {
		return concat(raw[:d.FrontEnd], []byte(block.String()), raw[d.FrontEnd:]), nil
	}
	if k.Column != 1 {
		return nil, fmt.Errorf("line %d: cannot edit a translation record that is not a top-level block key", k.Line)
	}
	from := lineOffset(raw, k.Line)
	_, end := lineAt(raw, from)
	// The record runs over the following indented or blank lines, up to
	// the next top-level line; blank lines at its end are not its own.
	lastContent := end
	for pos := end; pos < d.FrontEnd; {
		text, next := lineAt(raw, pos)
		if len(bytes.TrimSpace(text)) == 0 {
			pos = next
			continue
		}
		if text[0] != ' ' && text[0] != '\t' {
			break
		}
		lastContent = next
		pos = next
	}
	return concat(raw[:from], []byte(block.String()), raw[lastContent:]), nil
}

func concat(parts ...[]byte) []byte {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	out := make([]byte, 0, n)
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// lineOffset returns the byte offset where the 1-based line starts.
func lineOffset(data []byte, line int) int {
	off := 0
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(data[off:], '\n')
		if i < 0 {
			return len(data)
		}
		off += i + 1
	}
	return off
}

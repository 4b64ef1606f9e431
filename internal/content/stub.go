package content

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/glosa/glosa/internal/l10n"
)

// Stub returns a source file turned into the stub of a translation that
// does not exist yet: the same bytes, with draft: true in the front matter
// (an existing draft value set to true, else a line added at the end of the
// front matter) and without a translation record. Every other byte stays,
// so the translator starts from the source's text and fields. A file
// without front matter gets one holding only the draft line. TOML and JSON
// front matter get draft = true and "draft": true, written as SetRecord
// writes the record. The result is parsed again before it is returned.
func Stub(d *Document) ([]byte, error) {
	nl := "\n"
	if d.CRLF {
		nl = "\r\n"
	}
	raw := d.Raw
	if d.FrontEnd == 0 {
		start := 0
		if d.BOM {
			start = len(bom)
		}
		return verifyStub(concat(raw[:start], []byte("---"+nl+"draft: true"+nl+"---"+nl), raw[start:]))
	}
	switch d.Syntax() {
	case TOML:
		return stubTOML(d, nl)
	case JSON:
		return stubJSON(d, nl)
	}
	if d.Front == nil { // empty front matter
		return verifyStub(concat(raw[:d.FrontEnd], []byte("draft: true"+nl), raw[d.FrontEnd:]))
	}
	if d.Front.Style&yaml.FlowStyle != 0 {
		return nil, l10n.Wrap(ErrUneditable, "edit.flow", "Line", d.Front.Line)
	}
	if k := d.KeyNode(RecordKey); k != nil {
		indent, col, err := keyIndent(d)
		if err != nil {
			return nil, err
		}
		from, end, err := keyBlock(d, k, col, indent, RecordKey)
		if err != nil {
			return nil, err
		}
		if d, err = Parse(concat(raw[:from], raw[end:])); err != nil {
			return nil, fmt.Errorf("%w: %v", errUnverified, err)
		}
		raw = d.Raw
		if d.Front == nil {
			return verifyStub(concat(raw[:d.FrontEnd], []byte("draft: true"+nl), raw[d.FrontEnd:]))
		}
	}
	col := d.Front.Content[0].Column
	indent := strings.Repeat(" ", col-1)
	if v := d.Lookup("draft"); v != nil {
		if v.Kind != yaml.ScalarNode || v.Style != 0 || strings.ContainsAny(v.Value, "\n#") {
			return nil, l10n.Wrap(ErrUneditable, "edit.draft", "Line", v.Line)
		}
		from := lineOffset(raw, v.Line)
		off := from
		for c := 1; c < v.Column && off < len(raw); c++ {
			_, size := utf8.DecodeRune(raw[off:])
			off += size
		}
		if !bytes.HasPrefix(raw[off:], []byte(v.Value)) {
			return nil, l10n.Wrap(ErrUneditable, "edit.draft", "Line", v.Line)
		}
		value := "true"
		if off > 0 && raw[off-1] == ':' {
			value = " true" // an empty value ("draft:") sits right after the colon
		}
		return verifyStub(concat(raw[:off], []byte(value), raw[off+len(v.Value):]))
	}
	if line := lessIndented(raw[d.FrontStart:d.FrontEnd], len(indent)); line > 0 {
		return nil, l10n.Wrap(ErrUneditable, "edit.lessIndented", "Line", d.FrontLine()-1+line)
	}
	return verifyStub(concat(raw[:d.FrontEnd], []byte(indent+"draft: true"+nl), raw[d.FrontEnd:]))
}

// verifyStub parses a stub and checks that it is a draft without a record.
func verifyStub(out []byte) ([]byte, error) {
	d, err := Parse(out)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errUnverified, err)
	}
	var draft bool
	if v := d.Lookup("draft"); v != nil {
		_ = v.Decode(&draft)
	}
	if !draft || d.Lookup(RecordKey) != nil {
		return nil, fmt.Errorf("%w: the stub does not read back as a draft without a record", errUnverified)
	}
	return out, nil
}

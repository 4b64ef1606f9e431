package content

import (
	"bytes"
	"fmt"

	"go.yaml.in/yaml/v3"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/l10n"
)

// SetField returns the translation d with its top-level field key made
// identical to the source's: the source's lines for the key (its value,
// and comments inside it) replace the translation's, or are added at the
// end of its front matter when it lacks the key. Line endings follow the
// translation; every other byte stays. The result is parsed again and
// must hold the source's value. It is how glosa sync copies key and slugs
// fields, which must be the same in every language. Both documents must
// have YAML front matter (see NeedYAML).
func SetField(d, src *Document, key string) ([]byte, error) {
	if err := NeedYAML(d); err != nil {
		return nil, err
	}
	if err := NeedYAML(src); err != nil {
		return nil, l10n.Wrap(err, "edit.inSource", "Error", l10n.TextOf(err))
	}
	sk := src.KeyNode(key)
	if sk == nil {
		return nil, l10n.Errorf("edit.noSourceField", "Field", key)
	}
	srcIndent, srcCol, err := keyIndent(src)
	if err != nil {
		return nil, l10n.Wrap(err, "edit.inSource", "Error", l10n.TextOf(err))
	}
	sFrom, sEnd, err := keyBlock(src, sk, srcCol, srcIndent, key)
	if err != nil {
		return nil, l10n.Wrap(err, "edit.inSource", "Error", l10n.TextOf(err))
	}
	block := bytes.ReplaceAll(src.Raw[sFrom:sEnd], []byte("\r\n"), []byte("\n"))
	if !bytes.HasSuffix(block, []byte("\n")) {
		block = append(block, '\n')
	}
	if d.CRLF {
		block = bytes.ReplaceAll(block, []byte("\n"), []byte("\r\n"))
	}
	if d.FrontEnd == 0 {
		return nil, l10n.Wrap(ErrUneditable, "edit.noFrontMatter", "Field", key)
	}
	indent, col, err := keyIndent(d)
	if err != nil {
		return nil, err
	}
	if d.Front != nil && indent != srcIndent {
		return nil, l10n.Wrap(ErrUneditable, "edit.indent")
	}
	raw := d.Raw
	var out []byte
	if k := d.KeyNode(key); k != nil {
		from, end, err := keyBlock(d, k, col, indent, key)
		if err != nil {
			return nil, err
		}
		out = concat(raw[:from], block, raw[end:])
	} else {
		out = concat(raw[:d.FrontEnd], block, raw[d.FrontEnd:])
	}
	nd, err := Parse(out)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errUnverified, err)
	}
	if !SameValue(nd.Lookup(key), src.Lookup(key)) {
		return nil, fmt.Errorf("%w: %s does not read back as the source's", errUnverified, key)
	}
	return out, nil
}

// SameValue reports whether two YAML values are equal: the same kind, the
// same scalar text, the same items and members in the same order.
func SameValue(a, b *yaml.Node) bool {
	if a == nil || b == nil {
		return a == b
	}
	if a.Kind == yaml.AliasNode && a.Alias != nil {
		a = a.Alias
	}
	if b.Kind == yaml.AliasNode && b.Alias != nil {
		b = b.Alias
	}
	if a.Kind != b.Kind || a.Kind == yaml.ScalarNode && a.Value != b.Value || len(a.Content) != len(b.Content) {
		return false
	}
	for i := range a.Content {
		if !SameValue(a.Content[i], b.Content[i]) {
			return false
		}
	}
	return true
}

// NotText returns the problem with v, the value of field name, when the
// field's kind takes one value (text, key, url) and v is a mapping or a
// list: every reader of the field would skip it, and the field would be
// neither translated nor hashed. It returns nil when v fits.
func NotText(name string, v *yaml.Node, kind config.Kind) *l10n.Error {
	if v == nil || kind != config.Text && kind != config.Key && kind != config.URL {
		return nil
	}
	var what l10n.Text
	switch resolve(v).Kind {
	case yaml.MappingNode:
		what = l10n.Msg("kind.mapping")
	case yaml.SequenceNode:
		what = l10n.Msg("kind.list")
	default:
		return nil
	}
	return l10n.At(v.Line, v.Column, l10n.Msg("fm.notText", "Field", name, "What", what))
}

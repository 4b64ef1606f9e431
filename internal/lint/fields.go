package lint

import (
	"fmt"

	"go.yaml.in/yaml/v3"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/lang"
)

var keyMismatch = Rule{
	ID:       "key-mismatch",
	Severity: Error,
	Summary:  "a key field (e.g. category) differs from the source's; keys must be identical in every language",
	check: func(c *checker, emit func(Finding)) {
		for _, p := range c.pairs() {
			schema := c.repo.Schema(p.src)
			mine := map[string]content.Value{}
			for _, v := range content.Values(p.entry.Doc.Front, schema) {
				mine[v.Path] = v
			}
			for _, sv := range content.Values(p.src.Doc.Front, schema) {
				if sv.Kind != config.Key {
					continue
				}
				tv, ok := mine[sv.Path]
				if !ok {
					continue // field-missing reports a missing top-level field
				}
				if tv.Node.Value == sv.Node.Value {
					continue
				}
				emit(Finding{Path: p.entry.Path, Line: tv.Node.Line, Column: tv.Node.Column, Lang: p.t.Lang, Slug: p.item.Slug,
					Message: fmt.Sprintf("%s is %q here but %q in the source %s", sv.Path, tv.Node.Value, sv.Node.Value, p.src.Path),
					Fix:     fmt.Sprintf("set %s to %q", sv.Path, sv.Node.Value)})
			}
		}
	},
}

var fieldMissing = Rule{
	ID:       "field-missing",
	Severity: Warning,
	Summary:  "the source has a front-matter field of the schema that the translation lacks",
	check: func(c *checker, emit func(Finding)) {
		for _, p := range c.pairs() {
			schema := c.repo.Schema(p.src)
			for _, name := range schema.Keys {
				if p.src.Doc.Lookup(name) == nil || p.entry.Doc.Lookup(name) != nil {
					continue
				}
				kind := schema.Fields[name].Kind
				f := Finding{Path: p.entry.Path, Line: p.entry.Doc.ClosingLine(), Column: 1, Lang: p.t.Lang, Slug: p.item.Slug,
					Message: fmt.Sprintf("%s field %s is missing; the source %s has it", kind, name, p.src.Path)}
				switch kind {
				case config.Key, config.Slugs:
					f.Fix = "copy " + name + " from the source: " + inline(p.src.Doc.Lookup(name))
				case config.Text:
					f.Fix = "add " + name + ", translated from the source"
				case config.URL:
					f.Fix = "add " + name + ": the source's link or its " + lang.EnglishName(p.t.Lang) + " counterpart"
				default:
					f.Fix = "copy " + name + " from the source and translate its text"
				}
				emit(f)
			}
		}
	},
}

// inline renders a YAML value on one line, for fix suggestions.
func inline(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode {
		return n.Value
	}
	c := *n
	c.Style = yaml.FlowStyle
	out, err := yaml.Marshal(&c)
	if err != nil {
		return ""
	}
	return string(trimNewline(out))
}

func trimNewline(b []byte) []byte {
	for len(b) > 0 && (b[len(b)-1] == '\n' || b[len(b)-1] == '\r') {
		b = b[:len(b)-1]
	}
	return b
}

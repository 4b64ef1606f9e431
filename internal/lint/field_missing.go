package lint

import (
	"go.yaml.in/yaml/v3"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/l10n"
)

var _ = register(Rule{
	entries:  true,
	memo:     pairScope,
	ID:       "field-missing",
	Severity: Warning,
	Summary:  "the source has a front-matter field of the schema that the translation lacks",
	Doc: "The source entry has a front-matter field of the schema (`content[].fields` in glosa.yaml) that the translation lacks: a reader of the translation sees no category, no sources, no URL. A field that is present but not text where the schema wants text (a list where a title belongs) is reported too, as an error, since no reader can use it.\n" +
		"\n" +
		"**Example.** The English entry has a `sources` list; its Spanish translation has none:\n" +
		"\n" +
		"```\n" +
		"content/es/transformer.md:5:1: warning: list field sources is missing; the source content/en/transformer.md has it [field-missing]\n" +
		"    fix: copy sources from the source and translate its text\n" +
		"```\n" +
		"\n" +
		"**Fix.** Copy the field from the source; translate its text fields, copy its keys and slugs as they are.\n" +
		"\n" +
		"**Limits.** Only fields the schema names are compared; a field the source lacks is not reported in the translation.",
	check: func(c *checker, emit func(Finding)) {
		for _, p := range c.pairs() {
			schema := c.repo.Schema(p.src)
			for _, name := range schema.Keys {
				kind := schema.Fields[name].Kind
				if pe := content.NotText(name, p.entry.Doc.Lookup(name), kind); pe != nil {
					// Present, but no reader can use it: as good as
					// missing, and worse, for it looks done.
					emit(Finding{Severity: Error, Path: p.entry.Path, Line: pe.Line, Column: pe.Column, Lang: p.t.Lang, Slug: p.item.Slug, Text: pe.Text})
					continue
				}
				if p.src.Doc.Lookup(name) == nil || p.entry.Doc.Lookup(name) != nil {
					continue
				}
				f := Finding{Path: p.entry.Path, Line: p.entry.Doc.ClosingLine(), Column: 1, Lang: p.t.Lang, Slug: p.item.Slug,
					Text: l10n.Msg("lint.fieldMissing", "Kind", kind.String(), "Field", name, "SourcePath", p.src.Path)}
				switch kind {
				case config.Key, config.Slugs:
					f.FixText = l10n.Msg("lint.fieldMissing.fixCopy", "Field", name, "Value", inline(p.src.Doc.Lookup(name)))
				case config.Text:
					f.FixText = l10n.Msg("lint.fieldMissing.fixText", "Field", name)
				case config.URL:
					f.FixText = l10n.Msg("lint.fieldMissing.fixURL", "Field", name, "Lang", l10n.Lang(p.t.Lang))
				default:
					f.FixText = l10n.Msg("lint.fieldMissing.fixOther", "Field", name)
				}
				emit(f)
			}
		}
	},
})

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

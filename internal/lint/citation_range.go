package lint

import (
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/glosa/glosa/internal/l10n"
)

// citationFieldOption names the list field citations count.
var citationFieldOption = stringOption("field", "sources",
	"The list field of the front matter citations refer to: `[3]` cites its third item.")

var _ = register(Rule{
	entries:  true,
	memo:     entryScope,
	ID:       "citation-range",
	Severity: Error,
	Summary:  "the body cites [n] beyond the number of sources (the list field named by the field option, default sources)",
	Doc: "A citation `[n]` in the body (also `[2, 3]` and `[1-3]`) names the n-th item of the entry's list of sources, the front-matter field the `field` option names. A number beyond that list, or `[0]`, cites nothing: a source was dropped in translation, or a citation was renumbered. Links (`[text](url)`, `[text][ref]`) and code are not citations; where the schema has no such field, `[3]rd` is text, for this rule and `markup-mismatch` alike.\n" +
		"\n" +
		"**Example.** A translation whose front matter lost its `sources` list but whose body still cites `[2]`:\n" +
		"\n" +
		"```\n" +
		"content/es/transformer.md:7:36: error: citation [2] is out of range: there is no sources list [citation-range]\n" +
		"    fix: add the sources to sources, or remove the citation\n" +
		"```\n" +
		"\n" +
		"**Fix.** Carry the sources over from the source entry, or correct the number.\n" +
		"\n" +
		"**Limits.** Only the count of items is checked, not that `[2]` cites the same source as the source entry's `[2]`.",
	Options: []*Option{citationFieldOption.Option},
	check: func(c *checker, emit func(Finding)) {
		field := c.citationField()
		for _, e := range c.entries() {
			if _, inSchema := c.repo.Schema(e).Fields[field]; !inSchema {
				continue
			}
			count := 0
			if n := e.Doc.Lookup(field); n != nil && n.Kind == yaml.SequenceNode {
				count = len(n.Content)
			}
			for _, cit := range e.Body().Citations {
				var bad []string
				for _, num := range cit.Numbers {
					if num < 1 || num > count {
						bad = append(bad, strconv.Itoa(num))
					}
				}
				if len(bad) == 0 {
					continue
				}
				f := Finding{Path: e.Path, Line: cit.Line, Column: cit.Col, Lang: e.Lang, Slug: e.Slug,
					Text: l10n.Plural("lint.citation.range", len(bad), "Citations", strings.Join(bad, ", "), "Field", field,
						"Items", l10n.Plural("lint.citation.items", count)),
					FixText: l10n.Msg("lint.citation.rangeFix", "Max", count, "Field", field)}
				if count == 0 {
					f.Text = l10n.Plural("lint.citation.noList", len(bad), "Citations", strings.Join(bad, ", "), "Field", field)
					f.FixText = l10n.Msg("lint.citation.noListFix", "Field", field)
				}
				emit(f)
			}
		}
	},
})

// citationField is the list field citations count, as citation-range's
// field option names it: markup-mismatch compares citations only where
// entries have it, as elsewhere [3]rd is text.
func (c *checker) citationField() string { return citationFieldOption.of(c) }

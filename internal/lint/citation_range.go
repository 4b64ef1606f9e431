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

var citationRange = register(Rule{
	entries:  true,
	ID:       "citation-range",
	Severity: Error,
	Summary:  "the body cites [n] beyond the number of sources (the list field named by the field option, default sources)",
	Options:  []*Option{citationFieldOption.Option},
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

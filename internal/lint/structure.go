package lint

import (
	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/status"
)

var structureRule = register(Rule{
	entries:  true,
	ID:       "structure",
	Severity: Warning,
	Summary:  "the body has a different number of headings, code blocks, list items, links or images than the source",
	check: func(c *checker, emit func(Finding)) {
		for _, p := range c.pairs() {
			if p.t.State == status.Untranslated {
				continue
			}
			s, t := p.src.Body().Structure, p.entry.Body().Structure
			var diffs []l10n.Text
			add := func(id string, src, tr int) {
				if src != tr {
					diffs = append(diffs, l10n.Plural(id, tr, "Source", src))
				}
			}
			add("lint.structure.headings", s.Headings, t.Headings)
			add("lint.structure.codeBlocks", s.CodeBlocks, t.CodeBlocks)
			add("lint.structure.listItems", s.ListItems, t.ListItems)
			add("lint.structure.links", s.Links, t.Links)
			add("lint.structure.images", s.Images, t.Images)
			if len(diffs) == 0 {
				continue
			}
			emit(Finding{Path: p.entry.Path, Line: p.entry.FirstBodyLine(), Column: 1, Lang: p.t.Lang, Slug: p.item.Slug,
				Text: l10n.Msg("lint.structure", "SourcePath", p.src.Path, "Diffs", diffs)})
		}
	},
})

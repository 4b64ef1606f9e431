package lint

import (
	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/status"
)

var _ = register(Rule{
	entries:  true,
	memo:     pairScope,
	ID:       "structure",
	Severity: Warning,
	Summary:  "the body has a different number of headings, code blocks, list items, links or images than the source",
	Doc: "The body of a translation has a different number of headings, code blocks, list items, links or images than the source's: a section, an example or a picture was lost or added, or the translation was made from another version of the source.\n" +
		"\n" +
		"**Example.** The English body has a heading and a two-item list that the Spanish translation dropped:\n" +
		"\n" +
		"```\n" +
		"content/es/transformer.md:7:1: warning: the body's structure differs from the source content/en/transformer.md: 0 headings (source: 1), 0 list items (source: 2) [structure]\n" +
		"```\n" +
		"\n" +
		"**Fix.** Bring the translation's body in line with the source's; if the source changed, update the translation and `glosa stamp` it.\n" +
		"\n" +
		"**Limits.** Counts only: a heading moved or a list rewritten as prose with the same counts is not reported. Drafts (`untranslated`) are not checked.",
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

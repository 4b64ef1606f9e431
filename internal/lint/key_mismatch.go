package lint

import (
	"strconv"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/l10n"
)

var _ = register(Rule{
	entries:  true,
	memo:     pairScope,
	ID:       "key-mismatch",
	Severity: Error,
	Summary:  "a key field (e.g. category) differs from the source's; keys must be identical in every language",
	Doc: "A `key` field of the schema (a category, a type, a layout: a value code reads, not a reader) differs from the source's. Keys must be identical in every language, or the translation is filed under another category, or under none.\n" +
		"\n" +
		"**Example.** The source says `category: Models`, the Spanish translation `category: Modelos`:\n" +
		"\n" +
		"```\n" +
		"content/es/transformer.md:3:11: error: category is \"Modelos\" here but \"Models\" in the source content/en/transformer.md [key-mismatch]\n" +
		"    fix: set category to \"Models\"\n" +
		"```\n" +
		"\n" +
		"**Fix.** Copy the source's value.\n" +
		"\n" +
		"**Limits.** A key the translation lacks is `field-missing`'s; only scalar keys are compared.",
	check: func(c *checker, emit func(Finding)) {
		for _, p := range c.pairs() {
			schema := c.repo.Schema(p.src)
			mine := map[string]content.Value{}
			for _, v := range p.entry.Values(schema) {
				mine[v.Path] = v
			}
			for _, sv := range p.src.Values(schema) {
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
					Text: l10n.Msg("lint.keyMismatch", "Field", sv.Path, "Value", strconv.Quote(tv.Node.Value),
						"Source", strconv.Quote(sv.Node.Value), "SourcePath", p.src.Path),
					FixText: l10n.Msg("lint.keyMismatch.fix", "Field", sv.Path, "Source", strconv.Quote(sv.Node.Value))})
			}
		}
	},
})

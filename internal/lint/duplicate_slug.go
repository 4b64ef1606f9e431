package lint

import (
	"github.com/glosa/glosa/internal/l10n"
)

var _ = register(Rule{
	ID:       "duplicate-slug",
	Severity: Error,
	Summary:  "two files of one language claim the same slug (by path or translationKey); one is ignored",
	Doc: "Two files of one language claim the same slug, by their path or by a `translationKey` in their front matter. glosa keeps one and ignores the other, whose translations and states would otherwise be counted twice: the one claiming the slug through `translationKey` is ignored (when both or neither do, the later by path).\n" +
		"\n" +
		"**Example.** `content/es/dup.md` has `translationKey: transformer` while `content/es/transformer.md` exists:\n" +
		"\n" +
		"```\n" +
		"content/es/dup.md:3:1: error: the Spanish entry content/es/transformer.md already has the slug transformer; this file is ignored [duplicate-slug]\n" +
		"```\n" +
		"\n" +
		"**Fix.** Remove or rename one of the files, or correct its `translationKey`.\n" +
		"\n" +
		"**Limits.** Entries of different languages never clash; that is what a slug is for.",
	check: func(c *checker, emit func(Finding)) {
		for _, d := range c.rep.Duplicates {
			line := max(d.Entry.KeyLine(), 1)
			emit(Finding{Path: d.Entry.Path, Line: line, Column: 1, Lang: d.Entry.Lang, Slug: d.Entry.Slug,
				Text: l10n.Msg("lint.duplicateSlug", "Lang", l10n.Lang(d.Entry.Lang), "Kept", d.Kept, "Slug", d.Entry.Slug)})
		}
	},
})

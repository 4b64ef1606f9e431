package lint

import (
	"github.com/glosa/glosa/internal/l10n"
)

var duplicateSlug = register(Rule{
	ID:       "duplicate-slug",
	Severity: Error,
	Summary:  "two files of one language claim the same slug (by path or translationKey); one is ignored",
	check: func(c *checker, emit func(Finding)) {
		for _, d := range c.rep.Duplicates {
			line := max(d.Entry.KeyLine(), 1)
			emit(Finding{Path: d.Entry.Path, Line: line, Column: 1, Lang: d.Entry.Lang, Slug: d.Entry.Slug,
				Text: l10n.Msg("lint.duplicateSlug", "Lang", l10n.Lang(d.Entry.Lang), "Kept", d.Kept, "Slug", d.Entry.Slug)})
		}
	},
})

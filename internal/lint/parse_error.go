package lint

import "github.com/glosa/glosa/internal/l10n"

var parseError = Rule{
	ID:       "parse-error",
	Severity: Error,
	Summary:  "a file that cannot be read or parsed: malformed front matter or catalog, invalid UTF-8, an unclosed ---",
	check: func(c *checker, emit func(Finding)) {
		for _, e := range c.repo.Entries {
			if e.Err == nil {
				continue
			}
			emit(Finding{Path: e.Path, Line: e.Err.Line, Column: e.Err.Column, Lang: e.Lang, Slug: e.Slug, Text: e.Err.Text})
		}
		for _, cat := range c.rep.Catalogs {
			for _, f := range cat.Files {
				if f.Err != nil {
					emit(Finding{Path: f.Path, Line: f.Err.Line, Column: f.Err.Column, Lang: f.Lang, Text: f.Err.Text})
				}
			}
		}
	},
}

var duplicateSlug = Rule{
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
}

package lint

import (
	"fmt"

	"github.com/glosa/glosa/internal/lang"
)

var parseError = Rule{
	ID:       "parse-error",
	Severity: Error,
	Summary:  "a file that cannot be read or parsed: malformed front matter or catalog, invalid UTF-8, an unclosed ---",
	check: func(c *checker, emit func(Finding)) {
		for _, e := range c.repo.Entries {
			if e.Err == nil {
				continue
			}
			emit(Finding{Path: e.Path, Line: e.Err.Line, Column: e.Err.Col, Lang: e.Lang, Slug: e.Slug, Message: e.Err.Msg})
		}
		for _, cat := range c.rep.Catalogs {
			for _, f := range cat.Files {
				if f.Err != nil {
					emit(Finding{Path: f.Path, Line: f.Err.Line, Column: f.Err.Col, Lang: f.Lang, Message: f.Err.Msg})
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
			line := 1
			if k := d.Entry.Doc.KeyNode("translationKey"); k != nil {
				line = k.Line
			}
			emit(Finding{Path: d.Entry.Path, Line: line, Column: 1, Lang: d.Entry.Lang, Slug: d.Entry.Slug,
				Message: fmt.Sprintf("the %s entry %s already has the slug %s; this file is ignored", lang.EnglishName(d.Entry.Lang), d.Kept, d.Entry.Slug)})
		}
	},
}

package lint

var parseError = register(Rule{
	ID:       "parse-error",
	Severity: Error,
	Summary:  "a file that cannot be read or parsed: malformed front matter or catalog, invalid UTF-8, an unclosed ---",
	check: func(c *checker, emit func(Finding)) {
		for _, e := range c.repo.Entries {
			if e.Err == nil {
				continue
			}
			emit(Finding{Path: e.Path, Line: e.Err.Line, Column: e.Err.Col, Lang: e.Lang, Slug: e.Slug, Text: e.Err.Text})
		}
		for _, cat := range c.rep.Catalogs {
			for _, f := range cat.Files {
				if f.Err != nil {
					emit(Finding{Path: f.Path, Line: f.Err.Line, Column: f.Err.Col, Lang: f.Lang, Text: f.Err.Text})
				}
			}
		}
	},
})

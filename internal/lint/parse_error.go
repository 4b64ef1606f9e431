package lint

var _ = register(Rule{
	ID:       "parse-error",
	Severity: Error,
	Summary:  "a file that cannot be read or parsed: malformed front matter or catalog, invalid UTF-8, an unclosed ---",
	Doc: "A file glosa cannot read or parse, so no other rule can check it and its state is unknown: malformed YAML, TOML or JSON front matter (at the line and column of the fault), duplicate keys, unclosed front matter, invalid UTF-8, UTF-16, NUL bytes, a lone CR or a Unicode line separator that YAML would count as a line break, a malformed catalog or translation record, a symlink out of the repository or a broken one, a folder under a content pattern that cannot be read or is a symlink leading outside the repository (its files are unknown, not missing).\n" +
		"\n" +
		"**Example.** A front matter whose `title: [` opens a list it never closes:\n" +
		"\n" +
		"```\n" +
		"content/es/attention.md:2:1: error: front matter: did not find expected node content [parse-error]\n" +
		"```\n" +
		"\n" +
		"**Fix.** Correct the file at the position given.\n" +
		"\n" +
		"**Limits.** Files glosa does not read (outside the configured content and locales patterns) are not checked.",
	check: func(c *checker, emit func(Finding)) {
		for _, e := range c.repo.Entries {
			if e.Err == nil {
				continue
			}
			emit(Finding{Path: e.Path, Line: e.Err.Line, Column: e.Err.Column, Lang: e.Lang, Slug: e.Slug, Text: e.Err.Text})
		}
		for _, f := range c.repo.Folders {
			emit(Finding{Path: f.Path, Line: f.Err.Line, Column: f.Err.Column, Lang: f.Lang, Text: f.Err.Text})
		}
		for _, cat := range c.rep.Catalogs {
			for _, f := range cat.Files {
				if f.Err != nil {
					emit(Finding{Path: f.Path, Line: f.Err.Line, Column: f.Err.Column, Lang: f.Lang, Text: f.Err.Text})
				}
			}
		}
	},
})

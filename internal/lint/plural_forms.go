package lint

import (
	cldr "github.com/glosa/glosa/internal/plural"
)

var pluralForms = register(Rule{
	ID:       "plural-forms",
	Severity: Error,
	Summary:  "a plural message lacks a CLDR plural category a count needs in its language, or has one it never uses; a PO file's Plural-Forms gives one form to numbers CLDR tells apart",
	check: func(c *checker, emit func(Finding)) {
		var cache cldr.Cache
		for ci := range c.rep.Catalogs {
			cat := &c.rep.Catalogs[ci]
			sources := goi18nSources(cat)
			for _, f := range cat.Files {
				if f.Template || f.Lang == cat.Source || f.Lang == "" {
					continue
				}
				set, err := cache.Set(f.Lang)
				if err != nil {
					continue
				}
				switch {
				case f.GoI18n != nil && sources[f.Domain] != nil:
					goi18nPluralForms(f, sources[f.Domain], set, emit)
				case f.PO != nil:
					poPluralForms(f, set, emit)
				}
			}
		}
	},
})

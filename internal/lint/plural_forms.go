package lint

import (
	cldr "github.com/glosa/glosa/internal/plural"
)

// pluralCLDR is plural-forms' option that drops gettext's conventions.
var pluralCLDR = boolOption("cldr", false,
	"`true` requires CLDR's categories: a go-i18n message has every category the language uses, millions' `many` and fractions' included, "+
		"and a PO file's `Plural-Forms` gives no two numbers CLDR tells apart the same form, 0 and millions included, "+
		"so msginit's two forms for French, Spanish, Italian and Portuguese are reported. The fix then gives CLDR's header.")

var _ = register(Rule{
	ID:       "plural-forms",
	Severity: Error,
	Summary:  "a plural message lacks a CLDR plural category a count needs in its language, or has one it never uses; a PO file's Plural-Forms gives one form to numbers CLDR tells apart",
	Doc: "A plural message cannot say every count right in its language. A go-i18n message lacks a CLDR plural category a count below a million reaches (Polish: `one`, `few`, `many`, `other`); a category the language never uses (Japanese `one`) is info. A PO file with plural messages has no usable `Plural-Forms` header, or one that gives one form to two numbers CLDR tells apart, or an entry whose count of `msgstr[n]` differs from `nplurals`.\n" +
		"\n" +
		"**Example.** A Polish PO file with English's two forms:\n" +
		"\n" +
		"```\n" +
		"locales/pl.po:1:1: error: Plural-Forms gives 2 and 5 the same form, but in CLDR Polish has few for 2 and many for 5 (a count below a million needs one, few, many) [plural-forms]\n" +
		"    fix: use \"Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\"\n" +
		"```\n" +
		"\n" +
		"**Fix.** Add the missing categories, or use the header the fix gives (the one GNU gettext's msginit writes).\n" +
		"\n" +
		"**Limits.** Not reported, unless `cldr: true`: the header msginit writes for the language (gettext's own table: `nplurals=2; plural=(n > 1);` for French, `(n != 1)` for Spanish, Italian and Portuguese, though CLDR gives them `many` for exact millions), more forms than CLDR's, `one` merged into `other` where `one` is 1 only, where 0 goes, and a go-i18n category only millions or fractions select. Never reported: any language CLDR has no rules for. The CLDR data are those go-i18n ships.",
	Options: []*Option{pluralCLDR.Option},
	check: func(c *checker, emit func(Finding)) {
		strict := pluralCLDR.of(c)
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
					goi18nPluralForms(f, sources[f.Domain], set, strict, emit)
				case f.PO != nil:
					poPluralForms(f, set, strict, emit)
				}
			}
		}
	},
})

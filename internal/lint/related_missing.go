package lint

import (
	"strconv"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/l10n"
)

// relatedUntranslated grades a reference to an entry not yet translated.
var relatedUntranslated = severityOption("untranslated", Info,
	"The grade of a reference to an entry that exists but not yet in the translation's language, or `off`.")

var _ = register(Rule{
	entries: true,
	// An entry's findings depend on it and on which languages have an
	// entry of each slug.
	memo:       entryScope,
	memoGlobal: func(c *checker) string { return c.slugLangsDigest() },
	ID:         "related-missing",
	Severity:   Error,
	Summary:    "a slugs field names an entry that does not exist (error) or is not in this language yet (info)",
	Doc: "A `slugs` field (related entries, a series) names an entry the source language does not have: a broken reference, an error. One the source has but the translation's language does not yet is graded by the `untranslated` option (info by default): a note for the translator, not a broken link.\n" +
		"\n" +
		"**Example.** The Spanish translation translated a slug, `atencion` for `attention`:\n" +
		"\n" +
		"```\n" +
		"content/es/transformer.md:4:11: error: related names \"atencion\", which is not an entry of the source language [related-missing]\n" +
		"    fix: remove atencion or correct its spelling\n" +
		"```\n" +
		"\n" +
		"**Fix.** Name entries by their slug, which is the same in every language.\n" +
		"\n" +
		"**Limits.** Only fields of kind `slugs` in the schema are checked.",
	Options: []*Option{relatedUntranslated.Option},
	check: func(c *checker, emit func(Finding)) {
		// The entry exists but not in this language yet: a note for the
		// translator, graded on its own, not a broken reference.
		untranslated := relatedUntranslated.of(c)
		for _, e := range c.entries() {
			for _, v := range e.Values(c.repo.Schema(e)) {
				if v.Kind != config.Slugs {
					continue
				}
				for _, n := range content.SlugNodes(v) {
					langs := c.languagesOf(n.Value)
					f := Finding{Path: e.Path, Line: n.Line, Column: n.Column, Lang: e.Lang, Slug: e.Slug}
					switch {
					case !langs[c.repo.Source]:
						f.Text = l10n.Msg("lint.related.noSource", "Field", v.Path, "Slug", strconv.Quote(n.Value))
						f.FixText = l10n.Msg("lint.related.noSourceFix", "Slug", n.Value)
					case !langs[e.Lang]:
						if untranslated == "" {
							continue
						}
						f.Severity = untranslated
						f.Text = l10n.Msg("lint.related.untranslated", "Field", v.Path, "Slug", strconv.Quote(n.Value), "Lang", l10n.Lang(e.Lang))
					default:
						continue
					}
					emit(f)
				}
			}
		}
	},
})

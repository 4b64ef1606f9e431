package lint

import (
	"strconv"

	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/term"
)

var _ = register(Rule{
	entries:  true,
	ID:       "term-forbidden",
	Severity: Warning,
	Summary:  "a text uses a variant the termbase forbids in its language",
	Doc: "A text field, paragraph, heading or table cell uses a term the termbase forbids in its language: a term layout's `forbidden` field, a TBX term whose `administrativeStatus` is `deprecatedTerm-admn-sts` or `supersededTerm-admn-sts`, a CSV row flagged `forbidden`. Sources are checked as well as translations. Terms match as `term-missing` matches them.\n" +
		"\n" +
		"**Example.** The Spanish entry for LLM forbids «modelo de lenguaje extenso»:\n" +
		"\n" +
		"```\n" +
		"content/es/gguf.md:10:1: warning: \"modelo de lenguaje extenso\" is a forbidden term in es [term-forbidden]\n" +
		"    fix: write \"modelo de lenguaje grande\" (content/es/llm.md:2)\n" +
		"```\n" +
		"\n" +
		"**Fix.** Write the termbase's term instead.\n" +
		"\n" +
		"**Limits.** The fields that define terms are not checked. A forbidden variant inflected otherwise than `terms.plurals` says is not found.",
	check: func(c *checker, emit func(Finding)) {
		tb := c.linter.terms
		if tb == nil {
			return
		}
		for _, e := range c.entries() {
			m := tb.Matcher(e.Lang, term.Forbidden)
			if m.Empty() {
				continue
			}
			for _, u := range termUnits(c, e) {
				for _, f := range m.Find(u.text) {
					fd := Finding{Path: e.Path, Line: u.line, Column: u.col, Lang: e.Lang, Slug: e.Slug,
						Text: l10n.Msg("lint.term.forbidden", "Term", strconv.Quote(f.Term.Text), "Lang", e.Lang)}
					if allowed := tb.Allowed(f.Term.Concept, e.Lang); len(allowed) > 0 {
						fd.FixText = termFix(allowed)
					}
					emit(fd)
				}
			}
		}
	},
})

package lint

// invalidSuppression's findings are made by suppress.go, once every other
// rule has run: a directive that names no rule glosa has.
var invalidSuppression = register(Rule{
	ID:       "invalid-suppression",
	Severity: Warning,
	Summary:  "a glosa-disable comment, glosa-ignore flag or description is not a directive or names a rule glosa does not have, or a glosa-enable closes no glosa-disable",
	Doc: "A suppression that cannot be what its author meant: a `glosa-disable` comment, a `glosa-ignore` PO flag or a go-i18n description that names a rule glosa does not have (`same-as-sorce`, with \"did you mean same-as-source?\" as the fix), a `glosa-…` comment that is no directive (`glosa-disable-nextline`), or a `glosa-enable` that closes no `glosa-disable`. Such a directive suppresses nothing, silently.\n" +
		"\n" +
		"**Example.** A misspelt directive in a Markdown body:\n" +
		"\n" +
		"```\n" +
		"content/es/attention.md:10:1: warning: unknown directive glosa-disable-nextline (known: glosa-disable, glosa-enable, glosa-disable-next-line, glosa-disable-line, glosa-disable-file) [invalid-suppression]\n" +
		"```\n" +
		"\n" +
		"**Fix.** Spell the directive and the rules it names as `glosa rules` lists them.\n" +
		"\n" +
		"**Limits.** Weblate's flags (`ignore-same`, `ignore-placeholders`) are Weblate's, and not judged.",
	post: true,
})

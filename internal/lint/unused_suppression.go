package lint

// unusedSuppression's findings are made by suppress.go, once every other
// rule has run: a directive that suppresses nothing, as eslint's
// --report-unused-disable-directives reports one.
var unusedSuppression = register(Rule{
	ID:       "unused-suppression",
	Severity: Info,
	Summary:  "a glosa-disable comment, glosa-ignore flag or description suppresses no finding: remove it, or the rules it names that find nothing there",
	Doc: "A suppression (a `glosa-disable` comment, a `glosa-ignore` PO flag or a go-i18n description) suppresses no finding, as eslint's `--report-unused-disable-directives` reports one: the text was fixed since, and the directive would now hide a new problem.\n" +
		"\n" +
		"**Example.** A Markdown body with `<!-- glosa-disable structure -->` where the structure matches the source's:\n" +
		"\n" +
		"```\n" +
		"content/es/attention.md:9:1: info: glosa-disable suppresses no finding of structure [unused-suppression]\n" +
		"    fix: remove it\n" +
		"```\n" +
		"\n" +
		"**Fix.** Remove the directive, or the rules it names that find nothing there.\n" +
		"\n" +
		"**Limits.** A directive naming a rule that is `off` is not judged; Weblate's flags are Weblate's.",
	post: true,
})

package lint

// unusedSuppression's findings are made by suppress.go, once every other
// rule has run: a directive that suppresses nothing, as eslint's
// --report-unused-disable-directives reports one.
var unusedSuppression = register(Rule{
	ID:       "unused-suppression",
	Severity: Info,
	Summary:  "a glosa-disable comment, glosa-ignore flag or description suppresses no finding: remove it, or the rules it names that find nothing there",
	post:     true,
})

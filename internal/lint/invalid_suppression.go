package lint

// invalidSuppression's findings are made by suppress.go, once every other
// rule has run: a directive that names no rule glosa has.
var invalidSuppression = register(Rule{
	ID:       "invalid-suppression",
	Severity: Warning,
	Summary:  "a glosa-disable comment, glosa-ignore flag or description is not a directive or names a rule glosa does not have, or a glosa-enable closes no glosa-disable",
	post:     true,
})

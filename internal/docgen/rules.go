package docgen

import (
	"io"

	"github.com/glosa/glosa/internal/lint"
	"github.com/glosa/glosa/internal/report"
)

// rulesSeeAlso closes the rules page: where the guide and the settings are.
const rulesSeeAlso = "\n---\n\nEach rule is configured under `rules:` in glosa.yaml (see the [configuration reference](configuration.md#rulesrule-a-rules-setting)); " +
	"the guide [checks.md](../checks.md) says how to accept a finding.\n"

// writeRules writes the rules page: every rule's own documentation, as
// glosa rules --format markdown prints it.
func writeRules(w io.Writer) error {
	if _, err := io.WriteString(w, generated); err != nil {
		return err
	}
	if err := report.RulesMarkdown(w, lint.Rules()); err != nil {
		return err
	}
	_, err := io.WriteString(w, rulesSeeAlso)
	return err
}

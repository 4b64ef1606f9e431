package docgen

import (
	"bytes"
	"fmt"
	"io"

	"github.com/glosa/glosa/internal/lint"
)

// writeRules writes the list of lint rules from lint.Rules: each rule's ID,
// default severity and summary. It is provisional: the rules' own Markdown
// renderer, with each rule's documentation and typed options, replaces it.
func writeRules(w io.Writer) error {
	var b bytes.Buffer
	b.WriteString(header("Lint rules"))
	b.WriteString("What `glosa check` runs and `glosa rules` lists. Each rule is configured under `rules:` in\n")
	b.WriteString("glosa.yaml (see the [configuration reference](configuration.md#rulesrule-a-rules-setting)); the guide\n")
	b.WriteString("[checks.md](../checks.md) says what each catches and how to accept a finding.\n\n")
	b.WriteString("| rule | default | summary |\n|---|---|---|\n")
	for _, r := range lint.Rules() {
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", r.ID, r.Severity, escapeCell(r.Summary))
	}
	_, err := b.WriteTo(w)
	return err
}

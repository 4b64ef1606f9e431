package docgen

import (
	"bytes"
	"fmt"

	"github.com/glosa/glosa/internal/lint"
)

// rulesIntro opens the rules page.
const rulesIntro = "What `glosa check` runs and `glosa rules` lists. Each rule is configured under `rules:` in\n" +
	"glosa.yaml (see the [configuration reference](configuration.md#rulesrule-a-rules-setting)); the guide\n" +
	"[checks.md](../checks.md) says what each catches and how to accept a finding.\n\n"

// writeRules writes the list of lint rules from lint.Rules: each rule's ID,
// default severity and summary. It is provisional: the rules' own Markdown
// renderer, with each rule's documentation and typed options, replaces it.
func writeRules(b *bytes.Buffer) error {
	b.WriteString("| rule | default | summary |\n|---|---|---|\n")
	for _, r := range lint.Rules() {
		fmt.Fprintf(b, "| `%s` | %s | %s |\n", r.ID, r.Severity, escapeCell(r.Summary))
	}
	return nil
}

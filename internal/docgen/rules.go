package docgen

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/glosa/glosa/internal/lint"
)

// writeRules writes the list of lint rules from lint.Rules: each rule's ID,
// default severity, summary and option names.
func writeRules(w io.Writer) error {
	var b bytes.Buffer
	b.WriteString(header("Lint rules"))
	b.WriteString("What `glosa check` runs and `glosa rules` lists. Each rule is configured under `rules:` in\n")
	b.WriteString("glosa.yaml (see the [configuration reference](configuration.md#rulesrule-a-rules-setting)); the guide\n")
	b.WriteString("[checks.md](../checks.md) says what each catches and how to accept a finding.\n\n")
	b.WriteString("| rule | default | summary | options |\n|---|---|---|---|\n")
	for _, r := range lint.Rules() {
		opts := make([]string, len(r.Options))
		for i, o := range r.Options {
			opts[i] = "`" + o + "`"
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", r.ID, r.Severity, escapeCell(r.Summary), strings.Join(opts, ", "))
	}
	_, err := b.WriteTo(w)
	return err
}

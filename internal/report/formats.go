package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/glosa/glosa/internal/exchange"
)

// FormatsMarkdown writes the reference of the exchange formats, for
// docs/reference/formats.md: a table with a row per format that glosa
// declares (name, label, extension, the file export writes, whether import
// tells it from its content), then each format's notes. It is made from
// the declarations alone, so it cannot miss a format.
func FormatsMarkdown(w io.Writer) error {
	var b strings.Builder
	b.WriteString("# Exchange formats\n\n")
	b.WriteString("`glosa export --format NAME` writes one of these formats; `glosa import` reads them back, " +
		"told apart by their content, whatever the file is called.\n\n")
	b.WriteString("| name | format | extension | export writes | import |\n")
	b.WriteString("|---|---|---|---|---|\n")
	for _, s := range exchange.Formats() {
		file := "`" + s.File + "`"
		switch {
		case s.WriteGlossary != nil:
			file += ", the termbase of a language pair"
		case s.Write == nil:
			file = "(import only)"
		case s.Template():
			file += ", one template for every language"
		}
		detected := "yes"
		switch {
		case s.WriteGlossary != nil:
			detected = "no: a term file (`terms.files`)"
		case s.Detect == nil && s.ReadAs != "":
			detected = "as `" + string(s.ReadAs) + "`"
		case s.Detect == nil:
			detected = "no"
		}
		fmt.Fprintf(&b, "| `%s` | %s | `%s` | %s | %s |\n", s.Name, mdEscape(s.Label), s.Ext(), file, detected)
	}
	for _, s := range exchange.Formats() {
		fmt.Fprintf(&b, "\n## %s\n\n`%s`: %s\n", s.Label, s.Name, s.Notes)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

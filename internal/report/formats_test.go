package report_test

import (
	"strings"
	"testing"

	"github.com/glosa/glosa/internal/exchange"
	"github.com/glosa/glosa/internal/report"
)

// TestFormatsMarkdown checks that the reference has a row and a section
// for every declared format.
func TestFormatsMarkdown(t *testing.T) {
	var b strings.Builder
	if err := report.FormatsMarkdown(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, s := range exchange.Formats() {
		row := "| `" + string(s.Name) + "` | " + s.Label + " | `" + s.Ext() + "` | "
		if !strings.Contains(out, row) {
			t.Errorf("no row starting %q:\n%s", row, out)
		}
		if !strings.Contains(out, "\n## "+s.Label+"\n\n`"+string(s.Name)+"`: "+s.Notes+"\n") {
			t.Errorf("no section for %s:\n%s", s.Name, out)
		}
	}
}

package limits

import (
	"strings"
	"testing"
)

// TestDeepMarkdown: a line that opens more lists or block quotes than
// MarkdownNesting is found, at its start; real nesting, long rules and
// long text are not.
func TestDeepMarkdown(t *testing.T) {
	var deep strings.Builder
	deep.WriteString("Intro.\n\n")
	for i := range MarkdownNesting + 10 {
		deep.WriteString(strings.Repeat("  ", i) + "- item\n")
	}
	quotes := "Intro.\n" + strings.Repeat("> ", MarkdownNesting+1) + "deep\n"
	for _, tc := range []struct {
		name string
		text string
		want int
	}{
		{"nested lists", deep.String(), strings.Index(deep.String(), "\n"+strings.Repeat("  ", MarkdownNesting)+"- ") + 1},
		{"nested quotes", quotes, len("Intro.\n")},
		{"a dozen levels", strings.Repeat("  ", 12) + "- item\n", -1},
		{"a long rule", strings.Repeat("-", 80) + "\n", -1},
		{"a long line of text", strings.Repeat("word ", 10000) + "\n", -1},
		{"indentation after text", "text" + strings.Repeat(" ", 5000) + "x\n", -1},
	} {
		if got := DeepMarkdown([]byte(tc.text)); got != tc.want {
			t.Errorf("%s: DeepMarkdown = %d, want %d", tc.name, got, tc.want)
		}
	}
}

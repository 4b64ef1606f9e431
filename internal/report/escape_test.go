package report

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestMarkdownEscaping checks that a value from a file is shown in
// Markdown as the text it is: no tag, link, emphasis, entity or code span
// of its own, no cell boundary, no new line.
func TestMarkdownEscaping(t *testing.T) {
	tests := []struct{ in, escaped, code string }{
		{"content/es/llm.md", "content/es/llm.md", "`content/es/llm.md`"},
		{"<img src=x onerror=alert(1)>", `\<img src=x onerror=alert(1)\>`, "`<img src=x onerror=alert(1)>`"},
		{"[x](javascript:alert(1))", `\[x\](javascript:alert(1))`, "`[x](javascript:alert(1))`"},
		{"a|b *c* _d_ ~e~ &amp;", `a\|b \*c\* \_d\_ \~e\~ \&amp;`, "`a|b *c* _d_ ~e~ &amp;`"},
		{"a`b``c", "a\\`b\\`\\`c", "```a`b``c```"},
		{"`x`", "\\`x\\`", "`` `x` ``"},
		{"x\n# heading\x1b[31m", `x\\n# heading\\x1b\[31m`, "`x\\n# heading\\x1b[31m`"},
	}
	for _, tt := range tests {
		got := []string{mdEscape(tt.in), mdCode(tt.in)}
		if diff := cmp.Diff([]string{tt.escaped, tt.code}, got); diff != "" {
			t.Errorf("mdEscape, mdCode of %q (-want +got):\n%s", tt.in, diff)
		}
	}
}

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

// TestGitHubEscaping checks what a workflow command carries of values from
// files: nothing a log or GitHub would act on.
func TestGitHubEscaping(t *testing.T) {
	for _, tc := range []struct{ in, data, property string }{
		{"plain", "plain", "plain"},
		{"a\nb\r::error x", "a%0Ab%0D::error x", "a%0Ab%0D%3A%3Aerror x"},
		{"50%, a:b", "50%25, a:b", "50%25%2C a%3Ab"},
		{"y\x1b]0;t\a\x1b[31mz", `y\x1b]0;t\x07\x1b[31mz`, `y\x1b]0;t\x07\x1b[31mz`},
		{"c1\u009bx bad\xff", `c1\u009bx bad\xff`, `c1\u009bx bad\xff`},
	} {
		if got := ghData(tc.in); got != tc.data {
			t.Errorf("ghData(%q) = %q, want %q", tc.in, got, tc.data)
		}
		if got := ghProperty(tc.in); got != tc.property {
			t.Errorf("ghProperty(%q) = %q, want %q", tc.in, got, tc.property)
		}
	}
}

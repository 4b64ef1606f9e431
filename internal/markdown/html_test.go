package markdown

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestHTMLMarkup(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"formatting", `<strong class="x">`, nil},
		{"end tag and comment", `</a><!-- x -->`, nil},
		{"link", `<a href="/x" title="t">`, nil},
		{"event handler", `<img src=x onerror="alert(1)">`, []string{`html img onerror="alert(1)"`}},
		{"script URL", `<a href="JaVaScript:alert(1)">`, []string{`html a href="JaVaScript:alert(1)"`}},
		{"script URL with a tab", "<a href=\"java\tscript:x\">", []string{"html a href=\"java\\tscript:x\""}},
		{"iframe", `<iframe src="https://example.com/x" width="5">`, []string{`html iframe src="https://example.com/x"`}},
		{"script", `<script>`, []string{`html script`}},
		{"JSX handler", `<Button onClick={go}>`, []string{`html button onclick="{go}"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, htmlMarkup([]byte(tt.in))); diff != "" {
				t.Errorf("htmlMarkup(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestHTMLBlocks(t *testing.T) {
	tests := []struct {
		name, body string
		dialect    Dialect
		want       []HTMLBlock
	}{
		{"script, kind 1", "Text.\n\n<script>\nalert(1)\n</script>\n", CommonMark,
			[]HTMLBlock{{Line: 3, Markup: []string{"html script"}}}},
		{"style, kind 1", "<style>\np { color: red }\n</style>\n", CommonMark,
			[]HTMLBlock{{Line: 1, Markup: []string{"html style"}}}},
		{"comment, kind 2", "<!--\n<script>alert(1)</script>\n-->\n", CommonMark, nil},
		{"iframe with a script URL, kind 6", "Text.\n\n<iframe src=\"javascript:alert(1)\"></iframe>\n", CommonMark,
			[]HTMLBlock{{Line: 3, Markup: []string{`html iframe src="javascript:alert(1)"`}}}},
		{"handler on a div, kind 6", "<div onclick=\"go()\">\nx\n</div>\n", CommonMark,
			[]HTMLBlock{{Line: 1, Markup: []string{`html div onclick="go()"`}}}},
		{"img with a handler, kind 7", "<img src=x onerror=alert(1)>\n", CommonMark,
			[]HTMLBlock{{Line: 1, Markup: []string{`html img onerror="alert(1)"`}}}},
		{"meta refresh", "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.test\">\n", CommonMark,
			[]HTMLBlock{{Line: 1, Markup: []string{`html meta content="0;url=https://evil.test"`}}}},
		{"link with a script URL on its own line, kind 7", "<a href=\"javascript:alert(1)\">\nx\n</a>\n", CommonMark,
			[]HTMLBlock{{Line: 1, Markup: []string{`html a href="javascript:alert(1)"`}}}},
		{"formatting", "<div align=\"center\">\n<img src=\"/logo.png\" width=\"200\">\n</div>\n\n<details>\n<summary>More</summary>\n\nText with <kbd>Ctrl</kbd>.\n\n</details>\n\n<br>\n", CommonMark, nil},
		{"in a code fence", "```html\n<script>alert(1)</script>\n```\n", CommonMark, nil},
		{"MDX JSX block", "Text.\n\n<iframe src=\"javascript:alert(1)\" />\n\n<Aside type=\"tip\">\nA tip.\n</Aside>\n", MDX,
			[]HTMLBlock{{Line: 3, Markup: []string{`html iframe src="javascript:alert(1)"`}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.dialect.AnalyzeWithoutWords([]byte(tt.body), 1).HTMLBlocks
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("HTMLBlocks(%q) (-want +got):\n%s", tt.body, diff)
			}
		})
	}
}

func TestMarkupHTMLBlock(t *testing.T) {
	// A unit's text that is an HTML block of its own: import compares it.
	got := Markup("<script>\nalert(1)\n</script>")
	if diff := cmp.Diff([]string{"html script"}, got); diff != "" {
		t.Errorf("Markup (-want +got):\n%s", diff)
	}
}

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

package content

import (
	"testing"

	"github.com/glosa/glosa/internal/config"
)

// TestTextProse: what holds prose, as same-as-source counts it.
func TestTextProse(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"A sentence to translate.", true},
		{"Voir [la page](/fr/docs/).", true},
		{"2025", false},
		{"3.14 — 42%", false},
		{"{{% docs/languages/index-intro java /%}}", false},
		{`{{< figure src="/img/a.png" caption="A caption" >}}`, false},
		{"{{< note >}}Read this first.{{< /note >}}", true},
		{"`kubectl apply -f app.yaml`", false},
		{"[`otelcol`](https://example.com/otelcol)", false},
		{"<https://example.com/docs>", false},
		{"https://example.com/docs", false},
		{`<img src="/logo.svg" alt="Logo">`, false},
		{"<!-- a comment -->", false},
		{"&nbsp;&mdash;", false},
		{"[ref]: https://example.com/ref", false},
		{"日本語の文", true},
		{"{{ .Title }}", false},
	}
	for _, tt := range tests {
		if got := textProse(tt.text); got != tt.want {
			t.Errorf("textProse(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestSameDigests: the texts SameText compares ignore what normalisation
// ignores and Markdown's backslash escapes, and nothing else.
func TestSameDigests(t *testing.T) {
	parse := func(s string) *Document {
		t.Helper()
		d, err := Parse([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	digests := func(s string) ([32]byte, [32]byte) {
		d := parse(s)
		return sameDigests(d, config.DefaultFields(), BodyBlocks(d.Body))
	}
	base := "---\ntitle: A *title*\n---\n\nSome *bold* text_here.\n\nMore.\n"
	text, body := digests(base)
	for _, same := range []string{
		"---\ntitle: A \\*title\\*\n---\n\nSome \\*bold\\* text\\_here.\n\nMore.\n",
		"---\r\ntitle: A *title*\r\n---\r\n\r\nSome *bold*\r\ntext_here.   \r\n\r\nMore.\r\n",
		"---\ntitle: A &#42;title&#42;\n---\n\nSome &ast;bold&ast; text&lowbar;here.\n\nMore.\n",
	} {
		if tx, b := digests(same); tx != text || b != body {
			t.Errorf("%q: digests differ from %q's", same, base)
		}
	}
	for _, other := range []string{
		"---\ntitle: A *title*\n---\n\nSome *bold* text here.\n\nMore.\n",
		"---\ntitle: A *title*\n---\n\nSome *bold* text_here.\nMore.\n",
	} {
		if _, b := digests(other); b == body {
			t.Errorf("%q: same body digest as %q", other, base)
		}
	}
	if tx, b := digests("---\ntitle: Un *titre*\n---\n\nSome *bold* text_here.\n\nMore.\n"); tx == text || b != body {
		t.Errorf("a translated title: text digest must differ, body digest not")
	}
}

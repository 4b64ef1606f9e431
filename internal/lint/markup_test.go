package lint

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/markdown"
	"github.com/glosa/glosa/internal/markupeq"
)

func TestMarkupMismatch(t *testing.T) {
	files := map[string]string{
		"content/en/llm.md": lines("---", // 1
			"title: LLM",                   // 2
			"sources: [{text: The paper}]", // 3
			"---",                          // 4
			"# Using `llm`",                // 5
			"",                             // 6
			"See [the docs](https://example.com/docs) and run", // 7
			"`go test ./...`. [1]",                             // 8
			"",                                                 // 9
			"| a | [b](https://b.test) |",                      // 10
			"|---|---|",                                        // 11
		),
		"content/es/llm.md": lines("---", // 1
			"title: LLM es",                  // 2
			"sources: [{text: El artículo}]", // 3
			"---",                            // 4
			"# Usar `llm`",                   // 5
			"",                               // 6
			"Vea [la documentación](https://example.com/es/docs)", // 7
			"y ejecute las pruebas. [1] [2] [1]",                  // 8
			"",                                                    // 9
			"| a | b |",                                           // 10
			"|---|---|",                                           // 11
		),
		// Another block sequence: the blocks do not pair, and the rule
		// says nothing of them.
		"content/it/llm.md": lines("---", "title: LLM it", "---", "# Usare `llm`", "", "Uno [9].", "", "Due."),
		// Every unit that differs is reported, not only the first.
		"content/en/clip.md": lines("---", "title: The `clip.cpp` model", "---", "See [1]."),
		"content/es/clip.md": lines("---", "title: El modelo de imágenes", "---", "Vea [2]."),
		// A link spelled for the translation's locale is the same link.
		"content/en/gguf.md": lines("---", "title: GGUF", "---", "See [CLIP](/en/clip/) and [DiT](https://example.com/en-us/dit)."),
		"content/es/gguf.md": lines("---", "title: GGUF es", "---", "Vea [CLIP](/es/clip/) y [DiT](https://example.com/es-es/dit)."),
		// A block added on one side and one removed on the other: the
		// bodies pair by position, one block off; the translation's
		// blocks carry their neighbours' markup, and are not reported.
		"content/en/vae.md": lines("---", "title: VAE", "---", "Note first.", "", "See [a](https://a.test).", "", "See [b](https://b.test).", "", "Last."),
		"content/es/vae.md": lines("---", "title: VAE es", "---", "Vea [a](https://a.test).", "", "Vea [b](https://b.test).", "", "Nota.", "", "Fin."),
		// A draft is work in progress.
		"content/en/dit.md": lines("---", "title: DiT", "---", "[DiT](https://dit.test)"),
		"content/es/dit.md": lines("---", "title: DiT es", "draft: true", "---", "DiT"),
	}
	want := []Finding{
		{Rule: "markup-mismatch", Severity: Warning, Path: "content/es/clip.md", Line: 2, Column: 1, Lang: "es", Slug: "clip",
			Message: "title: the links, code or citations differ from the source's: missing code `clip.cpp`",
			Fix:     "carry over the links, code and citations of content/en/clip.md:2 unchanged"},
		{Rule: "markup-mismatch", Severity: Warning, Path: "content/es/clip.md", Line: 4, Column: 1, Lang: "es", Slug: "clip",
			Message: "this paragraph's links, code or citations differ from the source's: missing citation [1], extra citation [2]",
			Fix:     "carry over the links, code and citations of content/en/clip.md:4 unchanged"},
		{Rule: "markup-mismatch", Severity: Warning, Path: "content/es/llm.md", Line: 7, Column: 1, Lang: "es", Slug: "llm",
			Message: "this paragraph's links, code or citations differ from the source's: missing code `go test ./...`, extra citation [2]",
			Fix:     "carry over the links, code and citations of content/en/llm.md:7 unchanged"},
		{Rule: "markup-mismatch", Severity: Warning, Path: "content/es/llm.md", Line: 10, Column: 1, Lang: "es", Slug: "llm",
			Message: "this table cell's links, code or citations differ from the source's: missing link https://b.test",
			Fix:     "carry over the links, code and citations of content/en/llm.md:10 unchanged"},
	}
	got := lint(t, baseConfig, files, "markup-mismatch")
	if l10n.English().T("lint.markup.paragraph") == "lint.markup.paragraph" {
		// The messages are not in locales/active.en.yaml yet: compare the
		// rest.
		t.Log("lint.markup.* messages missing from the catalog: messages not compared")
		for i := range want {
			want[i].Message, want[i].Fix = "", ""
		}
		for i := range got {
			got[i].Message, got[i].Fix = "", ""
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings mismatch (-want +got):\n%s", diff)
	}
}

// TestMarkupDiffs pins the order of the differences: what is missing,
// then what is extra, each in Markup's order; repeats count once.
func TestMarkupDiffs(t *testing.T) {
	eq := markupeq.New(markupeq.Options{})
	missing, extra := eq.Diff(markupeq.Unit{Markup: unitMarkup(markdown.Markup("[a](x) `c.x` [1] [1]"), true)},
		markupeq.Unit{Markup: unitMarkup(markdown.Markup("[a](y) [1] [3]"), true)})
	want := []l10n.Text{
		l10n.Msg("lint.markup.missingCode", "Code", "c.x"),
		l10n.Msg("lint.markup.missingLink", "Dest", "x"),
		l10n.Msg("lint.markup.extraCitation", "Number", "3"),
		l10n.Msg("lint.markup.extraLink", "Dest", "y"),
	}
	if diff := cmp.Diff(want, markupDiffs(missing, extra)); diff != "" {
		t.Errorf("markupDiffs (-want +got):\n%s", diff)
	}
}

// TestMarkupMismatchOptions: [3]rd is text where entries have no sources;
// placeholders set aside what a project translates inside code; relative
// and root-relative links to the same page are the same link.
func TestMarkupMismatchOptions(t *testing.T) {
	cfg := `source: en
languages: [en, es]
content:
  - path: pages/{lang}/{slug}.md
rules:
  markup-mismatch: {placeholders: ['<[a-z_]+>']}
`
	files := map[string]string{
		"pages/en/guide/tar.md": lines("# tar", "", "The [3]rd way: see [list](../ls/) and [zip](/guide/zip/).", "",
			"`tar -cf <archive> <file>`", "", "`tar -xf {{archive}}`"),
		"pages/es/guide/tar.md": lines("# tar", "", "La 3.ª forma: vea [ls](/guide/ls) y [zip](../zip).", "",
			"`tar -cf <archivo_tar> <fichero>`", "", "`tar -xf {{archivo_tar}}`"),
	}
	got := lint(t, cfg, files, "markup-mismatch")
	if len(got) != 1 || got[0].Line != 7 || !strings.Contains(got[0].Message, "missing code `tar -xf {{archive}}`") {
		t.Errorf("got %+v, want the {{…}} code only (the option replaces the default)", got)
	}
}

package segment

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/markdown"
)

// mdxPage is an invented Starlight page: imports, components around
// Markdown, a component right before a heading, indented content, a
// code block in a tab, a comment, an export.
var mdxPage = lines(
	"---",
	"title: Installare",
	"---",
	"import { Aside, Tabs, TabItem } from '@astrojs/starlight/components';",
	"import Since from '~/components/Since.astro'",
	"",
	"<Since v=\"4.0.0\" />",
	"",
	"Si installa con un comando.",
	"",
	"<Aside type=\"tip\">",
	"## Prima di cominciare",
	"Serve Node.js, versione <Since v=\"18\" /> o più.",
	"</Aside>",
	"",
	"<Tabs>",
	"  <TabItem label=\"npm\">",
	"    Con npm:",
	"",
	"    ```sh",
	"    npm install cosa",
	"    ```",
	"  </TabItem>",
	"</Tabs>",
	"",
	"{/* Le opzioni vengono dallo schema. */}",
	"",
	"Il valore è {props.valore} e resta.",
	"",
	"export const meta = { autore: 'Ada' }",
)

func mustParseMDX(t testing.TB, s string) *content.Document {
	t.Helper()
	d, err := content.ParseFile("page.mdx", []byte(s))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return d
}

// TestSplitMDX: the Markdown inside components is translated; imports,
// exports, tags, expressions and code are not units.
func TestSplitMDX(t *testing.T) {
	got := unitTexts(Split(mustParseMDX(t, mdxPage), schema(t), "installare"))
	want := []string{
		"field: Installare",
		"paragraph: Si installa con un comando.",
		"heading: Prima di cominciare",
		"paragraph: Serve Node.js, versione <Since v=\"18\" /> o più.",
		"paragraph: Con npm:",
		"paragraph: Il valore è {props.valore} e resta.",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("units (-want +got):\n%s", diff)
	}
	// Read as CommonMark, the same page has the imports and the export as
	// paragraphs, and the heading and the tab's text hidden in HTML.
	cm := unitTexts(Split(mustParse(t, mdxPage), schema(t), "installare"))
	if !strings.Contains(strings.Join(cm, "\n"), "paragraph: import {") {
		t.Errorf("CommonMark units %q: want the import as a paragraph", cm)
	}
}

// TestJoinMDX joins an MDX page from its own texts (the same file back)
// and from marked texts: every component, import and code block keeps its
// bytes, the units read back, and the blocks keep their nesting.
func TestJoinMDX(t *testing.T) {
	for _, file := range []string{mdxPage, strings.ReplaceAll(mdxPage, "\n", "\r\n")} {
		src := mustParseMDX(t, file)
		if src.Dialect != markdown.MDX {
			t.Fatalf("Dialect = %v, want MDX", src.Dialect)
		}
		units := Split(src, schema(t), "installare")
		data, _, err := Join(src, nil, schema(t), "installare", texts(units, func(u Unit) string { return u.Text }))
		if err != nil {
			t.Fatal(err)
		}
		if string(data) != file {
			t.Errorf("file changed:\n%s", data)
		}

		data, complete, err := Join(src, nil, schema(t), "installare", texts(units, func(u Unit) string { return "«es» " + u.Text }))
		if err != nil {
			t.Fatal(err)
		}
		if !complete {
			t.Error("complete = false, want true")
		}
		got := mustParseMDX(t, string(data))
		if diff := cmp.Diff(shape(src.Body, src.Dialect), shape(got.Body, got.Dialect)); diff != "" {
			t.Errorf("block structure (-source +joined):\n%s", diff)
		}
		for _, keep := range []string{
			"import Since from '~/components/Since.astro'",
			"<Aside type=\"tip\">",
			"    ```sh",
			"{/* Le opzioni vengono dallo schema. */}",
			"export const meta = { autore: 'Ada' }",
			"    «es» Con npm:",
		} {
			if !bytes.Contains(data, []byte(keep)) {
				t.Errorf("the joined file lacks %q:\n%s", keep, data)
			}
		}
	}
}

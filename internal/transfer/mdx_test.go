package transfer

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/yuin/goldmark/ast"

	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/exchange"
	"github.com/glosa/glosa/internal/markdown"
	"github.com/glosa/glosa/internal/testtree"
)

// mdxEntry is an invented Starlight page.
const mdxEntry = `---
title: Install
---
import { Aside, Steps } from '@astrojs/starlight/components';

Install it with one command.

<Aside type="caution">
## Before you start
You need Node.js <Badge text="18" /> or later.
</Aside>

<Steps>
1. Run the command:

    ` + "```sh" + `
    npm install thing
    ` + "```" + `

2. Open {props.url} in a browser.
</Steps>

{/* more steps to come */}
`

// mdxShape lists a body's blocks as MDX reads them, nested by depth, with
// the text of what is not translated (code, JSX, imports), which must come
// back byte for byte.
func mdxShape(body []byte) []string {
	var out []string
	depth := 0
	_ = ast.Walk(markdown.MDX.Parse(body), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if n.Type() != ast.TypeBlock || n.Kind() == ast.KindDocument {
			return ast.WalkContinue, nil
		}
		if !entering {
			depth--
			return ast.WalkContinue, nil
		}
		line := strings.Repeat(".", depth) + n.Kind().String()
		switch n.Kind() {
		case ast.KindFencedCodeBlock, markdown.KindJSX, markdown.KindESM, markdown.KindExpression:
			line += " " + string(n.Lines().Value(body))
		}
		out = append(out, line)
		depth++
		return ast.WalkContinue, nil
	})
	return out
}

// TestMDXThroughFormats exports an MDX page, translates every unit and
// imports it: no unit is an import, a tag or an expression, and the
// translation has the source's blocks, its components and code unchanged.
func TestMDXThroughFormats(t *testing.T) {
	for _, format := range []exchange.Format{"po", "xliff20"} {
		t.Run(string(format), func(t *testing.T) {
			root := t.TempDir()
			write := func(rel, s string) { testtree.WriteFile(t, root, rel, []byte(s)) }
			write("glosa.yaml", "source: en\nlanguages: [en, es]\ncontent:\n  - path: docs/{lang}/{slug}.mdx\n")
			write("docs/en/install.mdx", mdxEntry)
			p := load(t, root)
			set := Collect(p.report, "es", nil)
			var sources []string
			for i := range set.File.Units {
				u := &set.File.Units[i]
				sources = append(sources, u.Source)
				u.Target, u.State = mark(u.Source), exchange.Translated
			}
			want := []string{
				"Install",
				"Install it with one command.",
				"Before you start",
				"You need Node.js <Badge text=\"18\" /> or later.",
				"Run the command:",
				"Open {props.url} in a browser.",
			}
			if diff := cmp.Diff(want, sources); diff != "" {
				t.Errorf("units (-want +got):\n%s", diff)
			}
			var b bytes.Buffer
			if err := exchange.Write(&b, set.File, format); err != nil {
				t.Fatal(err)
			}
			f, err := exchange.Read("es"+exchange.Lookup(format).Ext(), b.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			changes := applied(t, p, f, Options{})
			if len(changes) != 1 || !changes[0].Complete {
				t.Fatalf("Apply = %+v", changes)
			}
			if changes[0].Path != "docs/es/install.mdx" {
				t.Errorf("Path = %s", changes[0].Path)
			}
			src, err := content.Parse([]byte(mdxEntry))
			if err != nil {
				t.Fatal(err)
			}
			got, err := content.Parse(changes[0].Data)
			if err != nil {
				t.Fatalf("the imported entry does not parse: %v\n%s", err, changes[0].Data)
			}
			if diff := cmp.Diff(mdxShape(src.Body), mdxShape(got.Body)); diff != "" {
				t.Errorf("blocks differ (-source +translation):\n%s\n%s", diff, changes[0].Data)
			}
			if n := bytes.Count(changes[0].Data, []byte("«es» ")); n != len(set.File.Units) {
				t.Errorf("%d marked texts in the translation, want %d:\n%s", n, len(set.File.Units), changes[0].Data)
			}
		})
	}
}

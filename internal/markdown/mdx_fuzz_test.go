package markdown

import (
	"bytes"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// FuzzAnalyzeMDX reads a body as MDX and checks that it never panics;
// that every segment of the tree (a block's lines, an inline's text) is
// inside the body and that a block's lines come in order; that every
// position the summary gives is in the body; and that reading it again
// gives the same summary.
func FuzzAnalyzeMDX(f *testing.F) {
	for _, s := range []string{
		tutorialPage, indentedPage, tabsPage,
		"", "<", "{", "<A", "<A>", "</A>", "<>", "{/* */}", "import a from 'b'", "export {",
		"<A\n  b={`\n\n`}\n/>\n# T", "<A>\n\t\t- b\n</A>", "> <A\n> b>\nc", "- <A>\n  x\n- </A>",
		"<A>\n    ```\n    </A>\n  ```\n</A>", "a <b c={d}>e</b> {f} <!-- g --> [h](i)", "<!--", "\r\n<A>\r\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		doc := MDX.Parse(body)
		in := func(what string, seg text.Segment) {
			if seg.Start < 0 || seg.Stop > len(body) || seg.Start > seg.Stop {
				t.Fatalf("%s segment %d-%d outside the body of %d bytes", what, seg.Start, seg.Stop, len(body))
			}
		}
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			if n.Type() == ast.TypeBlock {
				prev := -1
				for i := 0; i < n.Lines().Len(); i++ {
					seg := n.Lines().At(i)
					in(n.Kind().String(), seg)
					if seg.Start < prev {
						t.Fatalf("%s lines out of order", n.Kind())
					}
					prev = seg.Stop
				}
			}
			switch n := n.(type) {
			case *ast.Text:
				in("text", n.Segment)
			case *ast.RawHTML:
				for i := 0; i < n.Segments.Len(); i++ {
					in("raw", n.Segments.At(i))
				}
			}
			return ast.WalkContinue, nil
		})

		const first = 3
		s := MDX.Analyze(body, first)
		lines := bytes.Split(body, []byte("\n"))
		check := func(what string, line, col int) {
			i := line - first
			if i < 0 || i >= len(lines) {
				t.Fatalf("%s at %d:%d, outside the body's lines", what, line, col)
			}
			if n := utf8.RuneCount(lines[i]); col < 1 || col > n+1 {
				t.Fatalf("%s at %d:%d, outside its line of %d characters", what, line, col, n)
			}
		}
		for _, b := range s.Blocks {
			check("block "+b.Text, b.Line, b.Col)
		}
		for _, l := range s.Links {
			check("link "+l.Dest, l.Line, l.Col)
		}
		for _, c := range s.Citations {
			check("citation", c.Line, c.Col)
		}
		if diff := cmp.Diff(s, MDX.Analyze(body, first)); diff != "" {
			t.Fatalf("a second reading differs:\n%s", diff)
		}
	})
}

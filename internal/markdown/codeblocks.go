package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// CodeBlocks returns the text of the body's fenced and indented code
// blocks, one after the other: where a translation writes its examples,
// which markup-mismatch reads to tell a localized example from a changed
// code span.
func CodeBlocks(body []byte) string {
	doc := md.Parser().Parse(text.NewReader(body))
	var out bytes.Buffer
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			lines := n.Lines()
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				out.Write(seg.Value(body))
			}
			out.WriteByte('\n')
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return out.String()
}

package docgen

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// TestLinks checks that every relative link of README.md and docs/**/*.md
// leads to a file that exists and, with a #fragment, to a heading of that
// file, by the IDs goldmark gives headings (GitHub's, for ASCII titles).
func TestLinks(t *testing.T) {
	files := []string{filepath.Join(root, "README.md")}
	err := filepath.WalkDir(filepath.Join(root, "docs"), func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".md") {
			files = append(files, path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]map[string]bool{} // by file, the IDs of its headings
	headings := func(path string) map[string]bool {
		if m, ok := ids[path]; ok {
			return m
		}
		m := map[string]bool{}
		if src, err := os.ReadFile(path); err == nil {
			doc := parse(src)
			_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
				if h, ok := n.(*ast.Heading); ok && entering {
					if id, ok := h.AttributeString("id"); ok {
						m[string(id.([]byte))] = true
					}
				}
				return ast.WalkContinue, nil
			})
		}
		ids[path] = m
		return m
	}
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		doc := parse(src)
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			var dest []byte
			switch n := n.(type) {
			case *ast.Link:
				dest = n.Destination
			case *ast.Image:
				dest = n.Destination
			default:
				return ast.WalkContinue, nil
			}
			u, err := url.Parse(string(dest))
			if err != nil {
				t.Errorf("%s: link %q: %v", file, dest, err)
				return ast.WalkContinue, nil
			}
			if u.Scheme != "" || u.Host != "" {
				return ast.WalkContinue, nil
			}
			target := file
			if u.Path != "" {
				target = filepath.Join(filepath.Dir(file), filepath.FromSlash(u.Path))
				if _, err := os.Stat(target); err != nil {
					t.Errorf("%s: link %q: no file %s", file, dest, target)
					return ast.WalkContinue, nil
				}
			}
			if u.Fragment != "" && strings.HasSuffix(target, ".md") && !headings(target)[u.Fragment] {
				t.Errorf("%s: link %q: %s has no heading #%s", file, dest, target, u.Fragment)
			}
			return ast.WalkContinue, nil
		})
	}
}

// parse parses Markdown as GitHub shows it, with heading IDs.
func parse(src []byte) ast.Node {
	md := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithParserOptions(parser.WithAutoHeadingID()))
	return md.Parser().Parse(text.NewReader(src))
}

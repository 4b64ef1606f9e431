package config

import (
	"go/ast"
	goparser "go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestKeyDocs checks that KeyDocs documents exactly the keys the parser
// reads: the string cases of the switches on a key's Value in Parse,
// layout, locale and rules.
func TestKeyDocs(t *testing.T) {
	prefix := map[string]string{"Parse": "", "layout": "content[].", "locale": "locales[].", "rules": "rules.<rule>.",
		"layoutTerms": "content[].terms.", "terms": "terms.", "termFile": "terms.files[].", "minor": "minor."}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var read []string
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := goparser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				continue
			}
			pre, ok := prefix[fn.Name.Name]
			if !ok {
				continue
			}
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				sw, ok := n.(*ast.SwitchStmt)
				if !ok {
					return true
				}
				if sel, ok := sw.Tag.(*ast.SelectorExpr); !ok || sel.Sel.Name != "Value" {
					return true
				}
				for _, s := range sw.Body.List {
					for _, e := range s.(*ast.CaseClause).List {
						if lit, ok := e.(*ast.BasicLit); ok && lit.Kind == token.STRING {
							v, _ := strconv.Unquote(lit.Value)
							read = append(read, pre+v)
						}
					}
				}
				return true
			})
		}
	}
	// The keys of limits are read and documented from one declaration.
	for _, l := range limitKeys() {
		read = append(read, "limits."+l.name)
	}
	var documented []string
	for _, k := range KeyDocs() {
		documented = append(documented, k.Path)
	}
	slices.Sort(read)
	slices.Sort(documented)
	if diff := cmp.Diff(read, documented); diff != "" {
		t.Errorf("keys read (-) and documented (+) differ:\n%s", diff)
	}
}

// TestKindDocs checks that KindDocs documents exactly the kinds a schema
// may name.
func TestKindDocs(t *testing.T) {
	var names, documented []string
	for name := range kindNames {
		names = append(names, name)
	}
	for _, k := range KindDocs() {
		documented = append(documented, k.Kind.String())
	}
	slices.Sort(names)
	slices.Sort(documented)
	if diff := cmp.Diff(names, documented); diff != "" {
		t.Errorf("kinds (-) and documented kinds (+) differ:\n%s", diff)
	}
}

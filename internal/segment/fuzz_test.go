package segment

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/content"
)

// FuzzSplitJoin joins an entry from its own units and checks it reads back
// with the same units; then joins it from marked texts and checks that
// Join either refuses with a reason or keeps the body's structure.
func FuzzSplitJoin(f *testing.F) {
	f.Add(rich)
	f.Add(lines("---", "title: |", "  a", "draft: yes", "---", "- a\n  b", "", "> c\n> > d"))
	f.Add("\xef\xbb\xbf---\r\ntitle: x\r\n---\r\n| a | b |\r\n|---|---|\r\n| c \\| d | e |\r\n")
	f.Add(lines("---", `title: "a \" b"`, "description: 'it''s'", "meta: {note: x}", "---",
		"Setext", "---", "", "1. > # in a quote", "   2) deep", "", "* [x](y) `z`", "", "    code", "", "<!-- c -->", "", "[r]: u 't'"))
	for _, dir := range []string{"it", "es", "en"} {
		files, _ := filepath.Glob(filepath.Join("..", "..", "content", dir, "*.md"))
		for _, name := range files {
			if data, err := os.ReadFile(name); err == nil {
				f.Add(string(data))
			}
		}
	}
	s := schema(f)
	f.Fuzz(func(t *testing.T, file string) { splitJoin(t, s, file, content.Parse) })
}

// FuzzSplitJoinMDX is FuzzSplitJoin for an .mdx entry, read as MDX.
func FuzzSplitJoinMDX(f *testing.F) {
	f.Add(mdxPage)
	f.Add(lines("<A>", "  text", "", "    ```", "  code", "  ```", "</A>", "import a from 'b'", "", "{x} <b>y</b>"))
	f.Add(lines("- <A>", "  # T", "  </A>", "", "> <B", "> c>", "> d", "", "\\<e> {f"))
	s := schema(f)
	parse := func(data []byte) (*content.Document, error) { return content.ParseFile("x.mdx", data) }
	f.Fuzz(func(t *testing.T, file string) { splitJoin(t, s, file, parse) })
}

// splitJoin joins an entry from its own units and checks it reads back
// with the same units; then joins it from marked texts and checks that
// Join either refuses with a reason or keeps the body's structure.
func splitJoin(t *testing.T, s *config.Field, file string, parse func([]byte) (*content.Document, error)) {
	src, err := parse([]byte(file))
	if err != nil {
		return
	}
	units := Split(src, s, "x")
	data, complete, err := Join(src, nil, s, "x", texts(units, func(u Unit) string { return u.Text }))
	if errors.Is(err, content.ErrUneditable) {
		return
	}
	if err != nil {
		t.Fatalf("Join with the source's own texts: %v", err)
	}
	if !complete {
		t.Error("complete = false with every unit's text")
	}
	got, err := parse(data)
	if err != nil {
		t.Fatalf("the result does not parse: %v\n%s", err, data)
	}
	// Lines move when the record goes.
	if diff := cmp.Diff(units, Split(got, s, "x"), cmpopts.IgnoreFields(Unit{}, "Line")); diff != "" {
		t.Fatalf("units of the result (-source +joined):\n%s", diff)
	}

	data, _, err = Join(src, nil, s, "x", texts(units, func(u Unit) string { return "«es» " + u.Text }))
	if errors.Is(err, errUnverified) {
		t.Fatalf("Join with marked texts: %v", err)
	}
	if err != nil {
		return // refused, with a reason
	}
	got, err = parse(data)
	if err != nil {
		t.Fatalf("the marked result does not parse: %v\n%s", err, data)
	}
	if diff := cmp.Diff(shape(src.Body, src.Dialect), shape(got.Body, got.Dialect)); diff != "" {
		t.Fatalf("block structure (-source +joined):\n%s", diff)
	}
}

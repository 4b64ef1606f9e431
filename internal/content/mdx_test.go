package content

import (
	"testing"

	"github.com/glosa/glosa/internal/markdown"
)

// TestHashMDX: the source hash is computed on the body's text, cut at
// blank lines, whatever its dialect, so that reading .mdx files as MDX
// changed no recorded hash: an import or a component is hashed as text,
// as it always was.
func TestHashMDX(t *testing.T) {
	page := "---\ntitle: Install\n---\nimport A from 'a'\n\n<Aside>\n## Check\nText.\n</Aside>\n\n    indented\n"
	cm, err := Parse([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	mdx, err := ParseFile("docs/en/install.mdx", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if cm.Dialect != markdown.CommonMark || mdx.Dialect != markdown.MDX {
		t.Fatalf("Dialect = %v and %v, want CommonMark and MDX", cm.Dialect, mdx.Dialect)
	}
	schema := sampleSchema(t)
	if a, b := Hash(cm, schema), Hash(mdx, schema); a != b {
		t.Errorf("Hash = %s as MDX, %s as CommonMark", b, a)
	}
	if a, b := string(HashInput(cm, schema)), string(HashInput(mdx, schema)); a != b {
		t.Errorf("HashInput as MDX:\n%s\nas CommonMark:\n%s", b, a)
	}
}

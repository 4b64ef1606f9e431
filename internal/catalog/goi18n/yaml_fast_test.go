package goi18n

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"go.yaml.in/yaml/v3"
)

// TestUnmarshalYAML: the linear reading of a catalog gives what
// yaml.Unmarshal gives, value and error, whatever the document's shape.
func TestUnmarshalYAML(t *testing.T) {
	for _, doc := range []string{
		"hello: Hello\nbye: Goodbye\n",
		"files:\n  one: One file\n  other: '{{.Count}} files'\nx:\n  hash: sha1-1\n  other: X\n",
		"base: &b\n  other: Base\nuse: *b\n",
		"base: &b {other: Base}\n<<: *b\nown: Own\n",
		"a: A\nb: B\na: again\n",
		"- id: a\n  translation: A\n",
		"1: one\ntrue: yes\n",
		"",
		"a: [1, 2\n",
		"a: {b: {c: d}}\n",
	} {
		var want, got any
		wantErr := yaml.Unmarshal([]byte(doc), &want)
		gotErr := unmarshalYAML([]byte(doc), &got)
		if (wantErr == nil) != (gotErr == nil) || wantErr != nil && wantErr.Error() != gotErr.Error() {
			t.Errorf("%q: error %v, want %v", doc, gotErr, wantErr)
			continue
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%q: (-yaml.Unmarshal +unmarshalYAML):\n%s", doc, diff)
		}
	}
}

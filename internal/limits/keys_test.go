package limits

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/glosa/glosa/internal/l10n"
)

// TestCheckKeys: the keys of YAML and JSON text are counted outside
// strings, comments and block scalars, and the first key past the limit is
// refused at its line.
func TestCheckKeys(t *testing.T) {
	type place struct{ Line, Column int }
	tests := []struct {
		name  string
		check func([]byte, int) error
		text  string
		max   int
		want  *place
	}{
		{"yaml at the limit", CheckYAMLKeys, "a: 1\nb: 2\n", 2, nil},
		{"yaml one too many", CheckYAMLKeys, "a: 1\nb: 2\nc: 3\n", 2, &place{3, 1}},
		{"yaml nested", CheckYAMLKeys, "a:\n  one: x\n  other: y\n", 2, &place{3, 3}},
		{"yaml flow", CheckYAMLKeys, "a: {b: 1, c: 2}\n", 2, &place{1, 1}},
		{"yaml json-like", CheckYAMLKeys, `{"a":1,"b":2,"c":3}` + "\n", 2, &place{1, 1}},
		{"yaml colons in text", CheckYAMLKeys, "a: 'x: y: z'\nb: \"u: v\" # w: x\n# c: d\ne: https://x.org/a:b\n", 3, nil},
		{"yaml block scalar", CheckYAMLKeys, "a: |\n  b: 1\n  c: 2\n\n  d: 3\ne: 4\n", 2, nil},
		{"yaml after a block scalar", CheckYAMLKeys, "a: >-\n  b: 1\nc: 2\nd: 3\n", 2, &place{4, 1}},
		{"yaml apostrophe in plain text", CheckYAMLKeys, "a: it's\nb: 'x'\nc: 3\n", 2, &place{3, 1}},
		{"yaml list of messages", CheckYAMLKeys, "- id: a\n  translation: b\n", 2, nil},
		{"json at the limit", CheckJSONKeys, `{"a": "x:y", "b": {"c": 1}}`, 3, nil},
		{"json one too many", CheckJSONKeys, "{\n  \"a\": 1,\n  \"b\": \"\\\":\"\n}", 1, &place{3, 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got *place
			err := tt.check([]byte(tt.text), tt.max)
			var le *l10n.Error
			if errors.As(err, &le) && le.Text.ID == "err.tooManyKeys" {
				got = &place{le.Line, le.Column}
			} else if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	// A million keys cost no more than the text.
	big := []byte(strings.Repeat("k: v\n", 1_000_000))
	heapGuard(t, 0, func() { _ = CheckYAMLKeys(big, CatalogMessages) })
}

package content

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestStub(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"adds draft at the end",
			"---\ntitle: Token # the unit\ncategory: basics\n---\nA token.\n",
			"---\ntitle: Token # the unit\ncategory: basics\ndraft: true\n---\nA token.\n"},
		{"sets an existing draft",
			"---\ntitle: T\ndraft: false  # ready\nn: 1\n---\nBody\n",
			"---\ntitle: T\ndraft: true  # ready\nn: 1\n---\nBody\n"},
		{"sets an empty draft",
			"---\nn: 1\ndraft:\n---\nB\n",
			"---\nn: 1\ndraft: true\n---\nB\n"},
		{"sets an empty draft with a comment",
			"---\ndraft: # later\n---\n",
			"---\ndraft: true # later\n---\n"},
		{"keeps draft true",
			"---\ndraft: true\n---\n",
			"---\ndraft: true\n---\n"},
		{"removes the record, keeps the comment after it",
			"---\ntitle: T\ntranslation:\n  source: it\n  hash: sha256-0\n# end\n---\nB\n",
			"---\ntitle: T\n# end\ndraft: true\n---\nB\n"},
		{"record in the middle",
			"---\ntranslation:\n  hash: sha256-0\ntitle: T\ndraft: no\n---\n",
			"---\ntitle: T\ndraft: true\n---\n"},
		{"record alone",
			"---\ntranslation:\n  hash: sha256-0\n---\nB\n",
			"---\ndraft: true\n---\nB\n"},
		{"no front matter",
			"Just a body.\n",
			"---\ndraft: true\n---\nJust a body.\n"},
		{"no front matter, BOM",
			"\xef\xbb\xbfBody\n",
			"\xef\xbb\xbf---\ndraft: true\n---\nBody\n"},
		{"empty front matter",
			"---\n---\nB\n",
			"---\ndraft: true\n---\nB\n"},
		{"CRLF",
			"---\r\ntitle: T\r\n---\r\nB\r\n",
			"---\r\ntitle: T\r\ndraft: true\r\n---\r\nB\r\n"},
		{"indented keys",
			"---\n  title: T\n  category: c\n---\n",
			"---\n  title: T\n  category: c\n  draft: true\n---\n"},
		{"non-ASCII before the value",
			"---\ndraft: false\ntítulo: Ñ\n---\n",
			"---\ndraft: true\ntítulo: Ñ\n---\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Stub(mustParse(t, tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, string(got)); diff != "" {
				t.Errorf("Stub (-want +got):\n%s", diff)
			}
		})
	}
}

func TestStubUneditable(t *testing.T) {
	for _, in := range []string{
		"---\n{title: T}\n---\n",
		"---\ndraft: 'false'\n---\n",
		"---\ndraft: [x]\n---\n",
	} {
		if _, err := Stub(mustParse(t, in)); !errors.Is(err, ErrUneditable) {
			t.Errorf("Stub(%q) = %v, want ErrUneditable", in, err)
		}
	}
}

package content

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/glosa/glosa/internal/config"
)

func TestSetField(t *testing.T) {
	src := lines("---", "title: LLM", "category: Advanced Topics # the glossary's section", "related:", "  - gguf", "  - clip", "---", "", "Body.")
	tests := []struct {
		name, key, tr, want string
	}{
		{"scalar replaced, comment and other keys kept", "category",
			lines("---", "# translated by Ana", "title: LLM es", "category: Temas avanzados", "related: [gguf]", "---", "", "Cuerpo."),
			lines("---", "# translated by Ana", "title: LLM es", "category: Advanced Topics # the glossary's section", "related: [gguf]", "---", "", "Cuerpo.")},
		{"list replaced, blank line and comment after it kept", "related",
			lines("---", "title: LLM es", "related:", "  - gguf", "", "# notes", "category: x", "---"),
			lines("---", "title: LLM es", "related:", "  - gguf", "  - clip", "", "# notes", "category: x", "---")},
		{"missing field added at the end", "related",
			lines("---", "title: LLM es", "---", "Cuerpo."),
			lines("---", "title: LLM es", "related:", "  - gguf", "  - clip", "---", "Cuerpo.")},
		{"CRLF translation gets CRLF lines", "category",
			strings.ReplaceAll(lines("---", "title: LLM es", "category: x", "---", ""), "\n", "\r\n"),
			strings.ReplaceAll(lines("---", "title: LLM es", "category: Advanced Topics # the glossary's section", "---", ""), "\n", "\r\n")},
	}
	s := mustParse(t, src)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := SetField(mustParse(t, tt.tr), s, tt.key)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, string(got)); diff != "" {
				t.Errorf("SetField (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSetFieldRefuses(t *testing.T) {
	src := mustParse(t, lines("---", "category: A", "---"))
	tests := []struct{ name, tr, key string }{
		{"flow mapping", lines("---", "{title: x, category: B}", "---"), "category"},
		{"anchor", lines("---", "category: &c B", "other: *c", "---"), "category"},
		{"no front matter", "Body only.\n", "category"},
	}
	for _, tt := range tests {
		if _, err := SetField(mustParse(t, tt.tr), src, tt.key); !errors.Is(err, ErrUneditable) {
			t.Errorf("%s: err = %v, want ErrUneditable", tt.name, err)
		}
	}
	if _, err := SetField(mustParse(t, lines("---", "title: x", "---")), src, "related"); err == nil {
		t.Error("a field the source lacks: no error")
	}
}

func TestSameValue(t *testing.T) {
	a := mustParse(t, lines("---", "x: [a, b]", "y: 'a'", "---"))
	b := mustParse(t, lines("---", "x:", "  - a", "  - b", "y: a", "---"))
	c := mustParse(t, lines("---", "x: [b, a]", "---"))
	if !SameValue(a.Lookup("x"), b.Lookup("x")) || !SameValue(a.Lookup("y"), b.Lookup("y")) {
		t.Error("equal values reported different")
	}
	if SameValue(a.Lookup("x"), c.Lookup("x")) || SameValue(a.Lookup("x"), nil) {
		t.Error("different values reported equal")
	}
}

func TestNotText(t *testing.T) {
	d := mustParse(t, lines("---",
		"title: {es: Título}",
		"description:",
		"  - one",
		"category: Basics",
		"tags: [a, b]",
		"base: &b {x: y}",
		"url: *b",
		"---"))
	tests := []struct {
		field string
		kind  config.Kind
		want  *posErr
	}{
		{"title", config.Text, &posErr{Line: 2, Col: 8, Msg: "title must be text, not a mapping"}},
		{"description", config.Text, &posErr{Line: 4, Col: 3, Msg: "description must be text, not a list"}},
		{"category", config.Key, nil},
		{"tags", config.Slugs, nil},
		{"url", config.URL, &posErr{Line: 8, Col: 6, Msg: "url must be text, not a mapping"}},
		{"missing", config.Text, nil},
	}
	for _, tt := range tests {
		got := english(NotText(tt.field, d.Lookup(tt.field), tt.kind))
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("NotText(%s) (-want +got):\n%s", tt.field, diff)
		}
	}
}

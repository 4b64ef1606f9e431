package lint

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/glosa/glosa/internal/catalog/goi18n"
	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/testtree"
)

// TestUnitCheck: what import asks of one unit is what check's rules say,
// with the project's options; a rule turned off says nothing.
func TestUnitCheck(t *testing.T) {
	const cfgText = `source: en
languages: [en, de]
content:
  - path: content/{lang}/{slug}.md
rules:
  markup-mismatch: {placeholders: ['<[a-z]+>']}
`
	root := t.TempDir()
	testtree.Write(t, root, map[string]string{"content/en/news.md": "# News\n\nRead the [blog](/en/blog).\n"})
	cfg, err := config.Parse("glosa.yaml", []byte(cfgText))
	if err != nil {
		t.Fatal(err)
	}
	repo, err := content.Scan(root, cfg)
	if err != nil {
		t.Fatal(err)
	}
	src := repo.Entries[0]
	l, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	u := l.UnitCheck(repo)
	english := func(ts []l10n.Text) []string {
		var out []string
		for _, x := range ts {
			out = append(out, x.String())
		}
		return out
	}
	markup := []struct {
		src, tr string
		want    []string
	}{
		{"Read the [blog](/en/blog).", "Lesen Sie den [Blog](/de/blog/).", nil},
		{"Read the [blog](https://www.example.com/blog/).", "Lesen Sie den [Blog](https://example.com/blog).", nil},
		{"Run `tar <file>`.", "Führen Sie `tar <datei>` aus.", nil},
		{"Read the [blog](/en/blog).", "Lesen Sie den Blog.", []string{"missing link /en/blog"}},
	}
	for _, tt := range markup {
		if diff := cmp.Diff(tt.want, english(u.Markup(src, nil, "de", tt.src, tt.tr))); diff != "" {
			t.Errorf("Markup(%q, %q) (-want +got):\n%s", tt.src, tt.tr, diff)
		}
	}
	sm := &goi18n.Message{ID: "files", Text: map[goi18n.Form]string{goi18n.One: "{{.Count}} file", goi18n.Other: "{{.Count}} files"}}
	tm := &goi18n.Message{ID: "files", Text: map[goi18n.Form]string{goi18n.One: "eine Datei", goi18n.Few: "{{.Anzahl}} Dateien", goi18n.Other: "{{.Anzahl}} Dateien"}}
	if diff := cmp.Diff([]string{"message files: the translation lacks .Count; it has .Anzahl, which the source does not"}, english(u.Placeholders("de", sm, tm))); diff != "" {
		t.Errorf("Placeholders (-want +got):\n%s", diff)
	}
	if problem, ok := u.PluralForms("de", sm, tm); !ok || problem.String() != "message files: German does not use few" {
		t.Errorf("PluralForms = %q, %v", problem, ok)
	}
	off, err := config.Parse("glosa.yaml", []byte(strings.Replace(cfgText, "  markup-mismatch: {placeholders: ['<[a-z]+>']}\n",
		"  markup-mismatch: off\n  placeholder-mismatch: off\n", 1)))
	if err != nil {
		t.Fatal(err)
	}
	if l, err = New(off); err != nil {
		t.Fatal(err)
	}
	u = l.UnitCheck(repo)
	if got := u.Markup(src, nil, "de", "Read the [blog](/en/blog).", "Lesen Sie den Blog."); len(got) > 0 {
		t.Errorf("markup-mismatch off: Markup = %v", english(got))
	}
	if got := u.Placeholders("de", sm, tm); len(got) > 0 {
		t.Errorf("placeholder-mismatch off: Placeholders = %v", english(got))
	}
}

package config

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestAliases(t *testing.T) {
	c, err := Parse("glosa.yaml", []byte(`source: en
languages: [en, pt, zh]
aliases:
  pt-br: pt
  zh_CN: zh
content:
  - path: content/{lang}/{slug}.md
locales:
  - path: i18n/{lang}.yaml
`))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(Aliases{"pt-BR": "pt", "zh-CN": "zh"}, c.Aliases); diff != "" {
		t.Errorf("Aliases (-want +got):\n%s", diff)
	}
	for raw, want := range map[string]string{"pt-br": "pt", "pt-BR": "pt", "pt_BR": "pt", "pt": "pt", "zh-cn": "zh", "pt-PT": "pt-PT", "en": "en"} {
		if got, err := c.Locales[0].Aliases.Parse(raw); err != nil || got != want {
			t.Errorf("Locales[0].Aliases.Parse(%q) = %q, %v; want %q", raw, got, err, want)
		}
	}
	code, raw, slug, ok := c.Content[0].Patterns.Match("content/pt-br/docs/a.md", c.Languages)
	if !ok || code != "pt" || raw != "pt-br" || slug != "docs/a" {
		t.Errorf("Match(content/pt-br/docs/a.md) = %q, %q, %q, %v; want pt, pt-br, docs/a", code, raw, slug, ok)
	}
}

func TestAliasErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{{
		name: "a list",
		in:   "aliases: [pt-BR]\n",
		want: []string{"glosa.yaml:1:10: aliases must map other spellings of languages to the languages they are, e.g. {pt-BR: pt}"},
	}, {
		name: "not a language",
		in:   "aliases:\n  pt-BR: portuguese!\n",
		want: []string{`glosa.yaml:2:10: "portuguese!" is not a BCP 47 language tag`},
	}, {
		name: "itself",
		in:   "aliases:\n  pt: pt\n",
		want: []string{"glosa.yaml:2:3: alias pt names itself"},
	}, {
		name: "twice in two spellings",
		in:   "aliases:\n  pt-BR: pt\n  pt_br: pt\n",
		want: []string{"glosa.yaml:3:3: alias pt-BR is given twice (first on line 2)"},
	}, {
		name: "a chain",
		in:   "aliases:\n  pt-BR: pt\n  pt-PT: pt-BR\n",
		want: []string{"glosa.yaml:3:10: pt-BR is itself an alias, of pt: name pt"},
	}, {
		name: "an alias used as a language",
		in:   "source: en\nlanguages: [en, pt-BR]\naliases:\n  pt-BR: pt\ncontent:\n  - path: c/{lang}/{slug}.md\n    paths: {pt-br: 'p/{slug}.md'}\nlocales:\n  - path: i18n/x.yaml\n    lang: pt-BR\n",
		want: []string{
			"glosa.yaml:2:17: pt-BR is an alias of pt (line 4): write pt",
			"glosa.yaml:7:13: pt-BR is an alias of pt (line 4): write pt",
			"glosa.yaml:10:11: pt-BR is an alias of pt (line 4): write pt",
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Parse("glosa.yaml", []byte(tt.in))
			if err == nil {
				t.Fatalf("Parse = %+v, want an error", view(c))
			}
			if diff := cmp.Diff(tt.want, messages(t, err)); diff != "" {
				t.Errorf("errors mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestAliasesDefaultLayout: without a content: key, the default layout
// knows the aliases too.
func TestAliasesDefaultLayout(t *testing.T) {
	c, err := Parse("glosa.yaml", []byte("source: en\naliases: {pt-BR: pt}\n"))
	if err != nil {
		t.Fatal(err)
	}
	code, _, _, ok := c.Content[0].Patterns.Match("content/pt-br/a.md", nil)
	if !ok || code != "pt" {
		t.Errorf("default layout: Match(content/pt-br/a.md) = %q, %v; want pt", code, ok)
	}
}

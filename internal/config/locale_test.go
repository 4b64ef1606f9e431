package config

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestLocales(t *testing.T) {
	cfg, err := Parse("glosa.yaml", []byte(`source: en
locales:
  - path: locales/active.{lang}.yaml
  - path: po/{lang}.po
    template: po/messages.pot
    source: en
  - path: '{lang}/LC_MESSAGES/{domain}.po'
    template: 'templates/{domain}.pot'
  - path: '{domain}.po'
    lang: fr
    exclude: [_build/**]
  - path: i18n/{lang}.json
    format: goi18n
`))
	if err != nil {
		t.Fatal(err)
	}
	type row struct{ Pattern, Format, Source, Lang, Template string }
	var got []row
	for _, l := range cfg.Locales {
		r := row{Pattern: l.Pattern.Text, Format: l.Format, Source: l.Source, Lang: l.Lang}
		if l.Template != nil {
			r.Template = l.Template.Text
		}
		got = append(got, r)
	}
	want := []row{
		{"locales/active.{lang}.yaml", "goi18n", "", "", ""},
		{"po/{lang}.po", "po", "en", "", "po/messages.pot"},
		{"{lang}/LC_MESSAGES/{domain}.po", "po", "", "", "templates/{domain}.pot"},
		{"{domain}.po", "po", "", "fr", ""},
		{"i18n/{lang}.json", "goi18n", "", "", ""},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("locales (-want +got):\n%s", diff)
	}
	if !cfg.Locales[3].Excluded("_build/html/index.po") {
		t.Error("exclude glob not applied")
	}
}

func TestLocalePatternMatch(t *testing.T) {
	tests := []struct {
		pattern, path      string
		lang, domain, back string
		ok                 bool
	}{
		{"locales/active.{lang}.yaml", "locales/active.es.yaml", "es", "", "locales/active.es.yaml", true},
		{"locales/active.{lang}.yaml", "locales/active.pt-BR.yaml", "pt-BR", "", "locales/active.pt-BR.yaml", true},
		{"{lang}/LC_MESSAGES/{domain}.po", "fr/LC_MESSAGES/glosa.po", "fr", "glosa", "fr/LC_MESSAGES/glosa.po", true},
		{"{domain}.po", "library/functions.po", "", "library/functions", "library/functions.po", true},
		{"{domain}.po", "../x.po", "", "", "", false},
		{"help/{lang}/{lang}.po", "help/pt_BR/pt_BR.po", "pt_BR", "", "help/pt_BR/pt_BR.po", true},
		{"help/{lang}/{lang}.po", "help/de/fr.po", "", "", "", false},
		{"help/{lang}/{lang}.po", "help/de/de-x.po", "", "", "", false},
		{"po/{lang}.po", "po/messages.pot", "", "", "", false},
	}
	for _, tt := range tests {
		p, err := compileLocalePattern(tt.pattern)
		if err != nil {
			t.Fatal(err)
		}
		lang, domain, ok := p.Match(tt.path)
		if ok != tt.ok || lang != tt.lang || domain != tt.domain {
			t.Errorf("%s.Match(%s) = %q, %q, %v; want %q, %q, %v", tt.pattern, tt.path, lang, domain, ok, tt.lang, tt.domain, tt.ok)
			continue
		}
		if ok {
			if back := p.PathFor(lang, domain); back != tt.back {
				t.Errorf("%s.PathFor(%q, %q) = %q, want %q", tt.pattern, lang, domain, back, tt.back)
			}
		}
	}
}

func TestLocaleErrors(t *testing.T) {
	tests := []struct{ name, yaml, want string }{
		{"not a list", "locales: {path: x}\n", "glosa.yaml:1:10: locales must be a list of {path, source, format} items"},
		{"no path", "locales:\n  - source: en\n", "glosa.yaml:2:5: a locales item needs a path, e.g. path: locales/active.{lang}.yaml"},
		{"unknown key", "locales:\n  - path: po/{lang}.po\n    domain: x\n", `glosa.yaml:3:5: unknown key "domain" in a locales item (known: path, source, lang, format, template, exclude)`},
		{"bad format", "locales:\n  - path: po/{lang}.po\n    format: xliff\n", `glosa.yaml:3:13: unknown catalog format "xliff" (use goi18n or po)`},
		{"no lang", "locales:\n  - path: po/messages.po\n", `glosa.yaml:2:11: path pattern "po/messages.po" has no {lang}: say which language its files are in with lang:`},
		{"lang twice", "locales:\n  - path: po/{lang}.po\n    lang: fr\n", `glosa.yaml:2:11: path pattern "po/{lang}.po" has {lang}, so lang: would contradict it`},
		{"unknown extension", "locales:\n  - path: strings/{lang}.xml\n", `glosa.yaml:2:11: cannot tell the catalog format from "strings/{lang}.xml": add format: goi18n or format: po`},
		{"template for goi18n", "locales:\n  - path: l/{lang}.yaml\n    template: l/x.pot\n", "glosa.yaml:3:15: template is for PO catalogs"},
		{"template with lang", "locales:\n  - path: po/{lang}.po\n    template: po/{lang}.pot\n", `glosa.yaml:3:15: a template is the same for every language: "po/{lang}.pot" must not hold {lang}`},
		{"outside", "locales:\n  - path: ../{lang}.po\n", `glosa.yaml:2:11: path pattern "../{lang}.po" must be relative to the repository and stay inside it`},
		{"domain twice", "locales:\n  - path: '{domain}/{domain}.po'\n    lang: fr\n", `glosa.yaml:2:11: path pattern "{domain}/{domain}.po" may hold {domain} only once`},
		{"unknown placeholder", "locales:\n  - path: po/{locale}.po\n", `glosa.yaml:2:11: path pattern "po/{locale}.po" has an unknown placeholder (known: {lang}, {domain})`},
	}
	for _, tt := range tests {
		_, err := Parse("glosa.yaml", []byte(tt.yaml))
		if err == nil {
			t.Errorf("%s: no error", tt.name)
			continue
		}
		if got := strings.Split(err.Error(), "\n")[0]; got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got, tt.want)
		}
	}
}

func TestContentEmpty(t *testing.T) {
	cfg, err := Parse("glosa.yaml", []byte("content: []\nlocales:\n  - path: l/{lang}.yaml\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Content) != 0 {
		t.Errorf("content: [] gave %d layouts, want none", len(cfg.Content))
	}
	// Catalogs without a content: key: a project of catalogs only.
	cfg, err = Parse("glosa.yaml", []byte("locales:\n  - path: l/{lang}.yaml\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Content) != 0 {
		t.Errorf("locales: without a content key gave %d layouts, want none", len(cfg.Content))
	}
	// Neither key: the default layout.
	cfg, err = Parse("glosa.yaml", []byte("source: en\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Content) != 1 {
		t.Errorf("no content key gave %d layouts, want the default", len(cfg.Content))
	}
}

package lint

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"go.yaml.in/yaml/v3"

	"github.com/glosa/glosa/internal/catalog"
	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/status"
	"github.com/glosa/glosa/internal/testtree"
)

// baseConfig is the schema the rule tests share; a test appends rules.
const baseConfig = `source: en
languages: [en, es, it]
content:
  - path: content/{lang}/{slug}.md
    fields:
      title: text
      category: key
      related: slugs
      sources: [{text: text, url: url}]
      meta: {owner: key}
`

// lint builds a repository from files in a temporary folder, scans it
// and returns the findings of the rules named (all when none are).
func lint(t *testing.T, cfgText string, files map[string]string, rules ...string) []Finding {
	t.Helper()
	root := t.TempDir()
	testtree.Write(t, root, files)
	cfg, err := config.Parse("glosa.yaml", []byte(cfgText))
	if err != nil {
		t.Fatal(err)
	}
	l, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	repo, err := content.Scan(root, cfg)
	if err != nil {
		t.Fatal(err)
	}
	catalogs, err := catalog.Scan(root, cfg, cfg.Languages)
	if err != nil {
		t.Fatal(err)
	}
	var out []Finding
	for _, f := range l.Run(status.ComputeAll(repo, catalogs)) {
		if len(rules) == 0 || slices.Contains(rules, f.Rule) {
			// Message and Fix are the English of Text and FixText, and
			// the tests pin the English.
			if f.Message != f.Text.String() || f.Fix != f.FixText.String() {
				t.Errorf("%s: Message and Fix are not the English of Text and FixText", f.Path)
			}
			f.Text, f.FixText = l10n.Text{}, l10n.Text{}
			// Every finding has a fingerprint; fingerprint_test.go pins them.
			if f.Fingerprint == "" {
				t.Errorf("%s:%d: no fingerprint", f.Path, f.Line)
			}
			f.Fingerprint = ""
			out = append(out, f)
		}
	}
	return out
}

func lines(ls ...string) string { return strings.Join(ls, "\n") + "\n" }

func TestLocaleLink(t *testing.T) {
	files := map[string]string{
		// The source's own links are its business.
		"content/en/llm.md": lines("---",
			"title: Large language models",
			"sources:",
			"  - text: NVIDIA",
			"    url: https://www.nvidia.com/en-us/glossary/",
			"---",
			"See [the Italian page](https://example.com/it/llm) and [the guide](https://guide.example.org/en/latest/).",
		),
		"content/es/llm.md": lines("---", // 1
			"title: Grandes modelos de lenguaje", // 2
			"sources:",                           // 3
			"  - text: NVIDIA",                   // 4
			"    url: 'https://www.nvidia.com/it-it/glossary/large-language-models/'", // 5
			"  - text: Wikipedia",                                     // 6
			"    url: https://it.wikipedia.org/wiki/LLM",              // 7
			"  - text: Google",                                        // 8
			"    url: https://support.google.com/answer/1?hl=it&co=x", // 9
			"  - text: Own language",                                  // 10
			"    url: https://example.com/es/page",                    // 11
			"---",                                                     // 12
			"",                                                        // 13
			"Un [enlace](https://example.com/it_IT/page) y [otro](https://italy.com/IT).", // 14
			"", // 15
			"- [Docs](/docs/en/page) and www.example.com/it/.", // 16
			"", // 17
			"Not [deep](https://example.com/a/b/it/x), not [a word](https://example.com/item/).", // 18
			"", // 19
			"Kept: [the Italian page](https://example.com/it/llm) and [the guide](https://guide.example.org/en/latest/).", // 20
			"", // 21
			"![A screenshot](https://example.com/it/screen.png)", // 22
		),
		// Where the repository says which pages a site has in Spanish: the
		// same pages, not others of the same site.
		"content/es/gguf.md": lines("---", "title: GGUF", "---",
			"[NVIDIA](https://www.nvidia.com/es-es/glossary/large-language-models), [Wikipedia](https://es.wikipedia.org/wiki/LLM),",
			"[ayuda](https://support.google.com/answer/1?hl=es), [inicio](https://example.com/es/), [guía](https://guide.example.org/es/stable/)."),
		"content/it/llm.md": lines("---",
			"title: Grandi modelli linguistici",
			"---",
			"[Sua lingua](https://example.com/it/) e [inglese](https://en.wikipedia.org/wiki/LLM), [guida](https://guide.example.org/en/latest/).",
		),
	}
	want := []Finding{
		{Rule: "locale-link", Severity: Warning, Path: "content/es/llm.md", Line: 5, Column: 34, Lang: "es", Slug: "llm",
			Message: "link to a page in Italian from the Spanish translation: https://www.nvidia.com/it-it/glossary/large-language-models/",
			Fix:     "link to the Spanish page: https://www.nvidia.com/es-es/glossary/large-language-models/"},
		{Rule: "locale-link", Severity: Warning, Path: "content/es/llm.md", Line: 7, Column: 18, Lang: "es", Slug: "llm",
			Message: "link to a page in Italian from the Spanish translation: https://it.wikipedia.org/wiki/LLM",
			Fix:     "link to the Spanish page: https://es.wikipedia.org/wiki/LLM"},
		{Rule: "locale-link", Severity: Warning, Path: "content/es/llm.md", Line: 9, Column: 49, Lang: "es", Slug: "llm",
			Message: "link to a page in Italian from the Spanish translation: https://support.google.com/answer/1?hl=it&co=x",
			Fix:     "link to the Spanish page: https://support.google.com/answer/1?hl=es&co=x"},
		{Rule: "locale-link", Severity: Warning, Path: "content/es/llm.md", Line: 14, Column: 33, Lang: "es", Slug: "llm",
			Message: "link to a page in Italian from the Spanish translation: https://example.com/it_IT/page",
			Fix:     "link to the Spanish page: https://example.com/es/page"},
		{Rule: "locale-link", Severity: Warning, Path: "content/es/llm.md", Line: 16, Column: 16, Lang: "es", Slug: "llm",
			Message: "link to a page in English from the Spanish translation: /docs/en/page",
			Fix:     "link to the Spanish page: /docs/es/page"},
		{Rule: "locale-link", Severity: Warning, Path: "content/es/llm.md", Line: 16, Column: 45, Lang: "es", Slug: "llm",
			Message: "link to a page in Italian from the Spanish translation: www.example.com/it/",
			Fix:     "link to the Spanish page: www.example.com/es/"},
		{Rule: "locale-link", Severity: Warning, Path: "content/it/llm.md", Line: 4, Column: 59, Lang: "it", Slug: "llm",
			Message: "link to a page in English from the Italian translation: https://en.wikipedia.org/wiki/LLM",
			Fix:     "link to the Italian page: https://it.wikipedia.org/wiki/LLM"},
	}
	if diff := cmp.Diff(want, lint(t, baseConfig, files, "locale-link")); diff != "" {
		t.Errorf("findings mismatch (-want +got):\n%s", diff)
	}

	// allow: English links are fine in this project.
	allowed := lint(t, baseConfig+"rules:\n  locale-link: {allow: [en]}\n", files, "locale-link")
	for _, f := range allowed {
		if strings.Contains(f.Message, "English") {
			t.Errorf("allow: [en] still reports %s", f.Message)
		}
	}
	if len(allowed) != 5 {
		t.Errorf("allow: [en]: %d findings, want the 5 Italian ones", len(allowed))
	}

	// hosts: the locales a site has, as it spells them; a page the
	// repository links in Spanish exists in Spanish all the same.
	// ignoreHosts: sites whose URLs name no locale.
	cfg := baseConfig + `rules:
  locale-link:
    ignoreHosts: [wikipedia.org, support.google.com]
    hosts:
      nvidia.com: [en-us, it-it]
      guide.example.org: [en, es-ES]
`
	var got []string
	for _, f := range lint(t, cfg, files, "locale-link") {
		got = append(got, f.Path+": "+f.Fix)
	}
	wantFixes := []string{
		"content/es/llm.md: link to the Spanish page: https://www.nvidia.com/es-es/glossary/large-language-models/",
		"content/es/llm.md: link to the Spanish page: https://example.com/es/page",
		"content/es/llm.md: link to the Spanish page: /docs/es/page",
		"content/es/llm.md: link to the Spanish page: www.example.com/es/",
		"content/es/llm.md: link to the Spanish page: https://guide.example.org/es-ES/latest/",
	}
	if diff := cmp.Diff(wantFixes, got); diff != "" {
		t.Errorf("hosts, ignoreHosts (-want +got):\n%s", diff)
	}
}

func TestLocaleMarkers(t *testing.T) {
	project := []string{"ar", "de", "en", "es", "fr", "it", "pt", "tr", "uk"}
	tests := []struct {
		url   string
		texts []string // the markers found, in order
		place string   // the first one's place
	}{
		{url: "https://www.ibm.com/it-it/topics", texts: []string{"it-it"}, place: "ibm.com/"},
		{url: "https://www.ibm.com/docs/en/sdk", texts: []string{"en"}, place: "ibm.com/docs/"},
		{url: "https://user@it.example.org:8080/x", texts: []string{"it"}, place: "*.example.org"},
		{url: "https://en.wikipedia.org/wiki/X", texts: []string{"en"}, place: "*.wikipedia.org"},
		{url: "https://example.com/x?lang=it&hl=es", texts: []string{"it", "es"}, place: "example.com?lang"},
		{url: "/en/guides/", texts: []string{"en"}, place: "/"},
		{url: "/docs/fr/x", texts: []string{"fr"}, place: "/docs/"},
		{url: "https://example.com/pt_BR/", texts: []string{"pt_BR"}, place: "example.com/"},
		{url: "https://example.it/"},                   // a country domain is not a language
		{url: "https://it.com/"},                       // two labels: a name, not a locale
		{url: "https://example.com/italy/"},            // a word, not a tag
		{url: "https://example.com/ita/"},              // ISO 639-2 spelling: not how sites spell locales
		{url: "https://example.com/it-foo/"},           // not a tag
		{url: "https://example.com/a/b/it/"},           // only the first two segments
		{url: "https://example.com/x?foo=hl=it"},       // hl inside another parameter's value
		{url: "https://example.com/x#/it/"},            // a fragment is not the path
		{url: "https://www.w3.org/TR/xml/"},            // a bare code in capitals
		{url: "https://www.gov.uk/uk/visas"},           // the host's country
		{url: "https://example.co.uk/uk/"},             // the host's country
		{url: "https://manned.org/ar"},                 // a command on a manual-page site
		{url: "https://man.example.org/man/tr"},        // a command on a manual-page site
		{url: "https://example.com/img/en/shot.png"},   // an image is not a page
		{url: "https://fr.example.com/logo.svg?hl=de"}, // nor a stylesheet or icon
		{url: "../it/page.md"},                         // relative: no place to name
		{url: "mailto:it@example.com"},
		{url: "%zz"},
		{url: "https://example.de/de/", texts: []string{"de"}, place: "example.de/"}, // the country's own language
	}
	for _, tt := range tests {
		var texts []string
		ms := localeMarkers(tt.url, func(b string) bool { return slices.Contains(project, b) })
		for _, m := range ms {
			texts = append(texts, m.text)
			if tt.url[m.start:m.start+len(m.text)] != m.text {
				t.Errorf("%s: %q found at %d", tt.url, m.text, m.start)
			}
		}
		if !slices.Equal(texts, tt.texts) || len(ms) > 0 && ms[0].place != tt.place {
			t.Errorf("localeMarkers(%q) = %+v; want %q at %q", tt.url, ms, tt.texts, tt.place)
		}
	}
}

func TestSameLocale(t *testing.T) {
	for _, tt := range []struct {
		tag, code string
		want      bool
	}{
		{"fr", "fr", true}, {"pt-BR", "pt-BR", true}, {"pt", "pt-BR", true}, {"pt-BR", "pt", true},
		{"pt-PT", "pt-BR", false}, {"zh-CN", "zh-TW", false}, {"zh-CN", "zh", true}, {"zh-TW", "zh-Hant", true},
		{"en-US", "en", true}, {"es", "en", false},
		{"zh", "zh-TW", false}, {"sr-Latn", "sr", false}, // Simplified is not Traditional, Latin not Cyrillic
	} {
		if got := sameLocale(tt.tag, tt.code); got != tt.want {
			t.Errorf("sameLocale(%s, %s) = %v", tt.tag, tt.code, got)
		}
	}
}

func TestRelatedMissing(t *testing.T) {
	files := map[string]string{
		"content/en/llm.md":  lines("---", "title: LLM", "related:", "  - gguf", "  - nope", "---"),
		"content/en/gguf.md": lines("---", "title: GGUF", "related: llm", "---"),
		"content/es/llm.md":  lines("---", "title: LLM", "related: [gguf, nope, llm]", "---"),
		"content/it/llm.md":  lines("---", "title: LLM", "---"),
		"content/it/gguf.md": lines("---", "title: GGUF", "---"),
	}
	want := []Finding{
		{Rule: "related-missing", Severity: Error, Path: "content/en/llm.md", Line: 5, Column: 5, Lang: "en", Slug: "llm",
			Message: `related names "nope", which is not an entry of the source language`, Fix: "remove nope or correct its spelling"},
		{Rule: "related-missing", Severity: Info, Path: "content/es/llm.md", Line: 3, Column: 11, Lang: "es", Slug: "llm",
			Message: `related names "gguf", which has no Spanish translation yet`},
		{Rule: "related-missing", Severity: Error, Path: "content/es/llm.md", Line: 3, Column: 17, Lang: "es", Slug: "llm",
			Message: `related names "nope", which is not an entry of the source language`, Fix: "remove nope or correct its spelling"},
	}
	if diff := cmp.Diff(want, lint(t, baseConfig, files, "related-missing")); diff != "" {
		t.Errorf("findings mismatch (-want +got):\n%s", diff)
	}
}

func TestCitationRange(t *testing.T) {
	files := map[string]string{
		"content/en/llm.md": lines("---", // 1
			"title: LLM",           // 2
			"sources:",             // 3
			"  - text: One",        // 4
			"  - text: Two",        // 5
			"---",                  // 6
			"",                     // 7
			"Fine [1] and [1, 2].", // 8
			"Beyond [3], a range [1-3] and zero [0], not code `[9]`.", // 9
		),
		"content/es/llm.md": lines("---", "title: LLM", "---", "Sin fuentes [1]."),
	}
	want := []Finding{
		{Rule: "citation-range", Severity: Error, Path: "content/en/llm.md", Line: 9, Column: 8, Lang: "en", Slug: "llm",
			Message: "citation [3] is out of range: sources lists 2 items", Fix: "cite a number from 1 to 2, or add the missing item to sources"},
		{Rule: "citation-range", Severity: Error, Path: "content/en/llm.md", Line: 9, Column: 21, Lang: "en", Slug: "llm",
			Message: "citation [3] is out of range: sources lists 2 items", Fix: "cite a number from 1 to 2, or add the missing item to sources"},
		{Rule: "citation-range", Severity: Error, Path: "content/en/llm.md", Line: 9, Column: 36, Lang: "en", Slug: "llm",
			Message: "citation [0] is out of range: sources lists 2 items", Fix: "cite a number from 1 to 2, or add the missing item to sources"},
		{Rule: "citation-range", Severity: Error, Path: "content/es/llm.md", Line: 4, Column: 13, Lang: "es", Slug: "llm",
			Message: "citation [1] is out of range: there is no sources list", Fix: "add the sources to sources, or remove the citation"},
	}
	if diff := cmp.Diff(want, lint(t, baseConfig, files, "citation-range")); diff != "" {
		t.Errorf("findings mismatch (-want +got):\n%s", diff)
	}
	// The field option names the list; a schema without it has no rule.
	refs := strings.Replace(baseConfig, "sources:", "refs:", 1) + "rules:\n  citation-range: {field: refs}\n"
	got := lint(t, refs, map[string]string{"content/en/a.md": lines("---", "refs: [{text: a}]", "---", "[1] [2] [1-4]")}, "citation-range")
	if len(got) != 2 || got[0].Message != "citation [2] is out of range: refs lists 1 item" || got[1].Message != "citations [2, 3, 4] are out of range: refs lists 1 item" {
		t.Errorf("field: refs: %+v", got)
	}
	if got := lint(t, refs[:strings.Index(refs, "rules:")], map[string]string{"content/en/a.md": "[1]\n"}, "citation-range"); len(got) != 0 {
		t.Errorf("no sources field in the schema, yet %+v", got)
	}
}

func TestKeyMismatchAndFieldMissing(t *testing.T) {
	files := map[string]string{
		"content/en/llm.md": lines("---", "title: LLM", "category: Basics", "related: [llm]", "meta: {owner: docs}", "---"),
		"content/es/llm.md": lines("---", "title: LLM", "category: Básico", "meta:", "  owner: equipo", "---"),
		"content/it/llm.md": lines("---", "category: Basics", "related: [llm]", "meta: {owner: docs}", "---"),
	}
	want := []Finding{
		{Rule: "key-mismatch", Severity: Error, Path: "content/es/llm.md", Line: 3, Column: 11, Lang: "es", Slug: "llm",
			Message: `category is "Básico" here but "Basics" in the source content/en/llm.md`, Fix: `set category to "Basics"`},
		{Rule: "key-mismatch", Severity: Error, Path: "content/es/llm.md", Line: 5, Column: 10, Lang: "es", Slug: "llm",
			Message: `meta.owner is "equipo" here but "docs" in the source content/en/llm.md`, Fix: `set meta.owner to "docs"`},
		{Rule: "field-missing", Severity: Warning, Path: "content/es/llm.md", Line: 6, Column: 1, Lang: "es", Slug: "llm",
			Message: "slugs field related is missing; the source content/en/llm.md has it", Fix: "copy related from the source: [llm]"},
		{Rule: "field-missing", Severity: Warning, Path: "content/it/llm.md", Line: 5, Column: 1, Lang: "it", Slug: "llm",
			Message: "text field title is missing; the source content/en/llm.md has it", Fix: "add title, translated from the source"},
	}
	if diff := cmp.Diff(want, lint(t, baseConfig, files, "key-mismatch", "field-missing")); diff != "" {
		t.Errorf("findings mismatch (-want +got):\n%s", diff)
	}
}

// TestFieldNotText checks that a text field written as a mapping or a list
// is an error of field-missing: present, yet no reader can use it. A title
// that comes through a merge key is not missing.
func TestFieldNotText(t *testing.T) {
	files := map[string]string{
		"content/en/llm.md": lines("---", "title: LLM", "---"),
		"content/es/llm.md": lines("---", "title: {es: LLM}", "---"),
		"content/it/llm.md": lines("---", "base: &b {title: LLM}", "<<: *b", "---"),
	}
	want := []Finding{
		{Rule: "field-missing", Severity: Error, Path: "content/es/llm.md", Line: 2, Column: 8, Lang: "es", Slug: "llm",
			Message: "title must be text, not a mapping"},
	}
	if diff := cmp.Diff(want, lint(t, baseConfig, files, "field-missing")); diff != "" {
		t.Errorf("findings mismatch (-want +got):\n%s", diff)
	}
}

func TestSameAsSource(t *testing.T) {
	files := map[string]string{
		"content/en/llm.md": lines("---", "title: What large language models do", "sources: [{text: The original paper}]", "---", "",
			"A paragraph that stays in English.", "", "## LLM", "", "Another paragraph, long enough."),
		"content/es/llm.md": lines("---", "title: What large  language models do", "sources: [{text: El artículo original}]", "---", "",
			"A paragraph that stays in English.", "", "## LLM", "", "Otro párrafo, bastante largo."),
		// Wholly untranslated: the state says so, the rule keeps quiet.
		"content/it/llm.md": lines("---", "title: What large language models do", "sources: [{text: The original paper}]", "---", "",
			"A paragraph that stays in English.", "", "## LLM", "", "Another paragraph, long enough."),
	}
	want := []Finding{
		{Rule: "same-as-source", Severity: Info, Path: "content/es/llm.md", Line: 2, Column: 8, Lang: "es", Slug: "llm",
			Message: `title is identical to the source: "What large language models do"`},
		{Rule: "same-as-source", Severity: Info, Path: "content/es/llm.md", Line: 6, Column: 1, Lang: "es", Slug: "llm",
			Message: `this paragraph is identical to the source: "A paragraph that stays in English."`},
	}
	if diff := cmp.Diff(want, lint(t, baseConfig, files, "same-as-source")); diff != "" {
		t.Errorf("findings mismatch (-want +got):\n%s", diff)
	}
	// minWords 1: a one-word heading too, but not one in capitals (an
	// acronym is no word of prose) nor the page's name.
	files["content/en/llm.md"] = strings.Replace(files["content/en/llm.md"], "## LLM", "## Models", 1)
	files["content/es/llm.md"] = strings.Replace(files["content/es/llm.md"], "## LLM", "## Models", 1)
	files["content/it/llm.md"] = strings.Replace(files["content/it/llm.md"], "## LLM", "## Models", 1)
	got := lint(t, baseConfig+"rules:\n  same-as-source: {minWords: 1}\n", files, "same-as-source")
	if len(got) != 3 || got[2].Message != `this heading is identical to the source: "Models"` || got[2].Line != 8 || got[2].Column != 4 {
		t.Errorf("minWords 1: %+v", got)
	}
}

func TestStructure(t *testing.T) {
	files := map[string]string{
		"content/en/llm.md": lines("---", "title: LLM", "---", "# One", "", "## Two", "", "- a", "- b", "", "[x](y) ![i](j)", "", "```", "code", "```"),
		"content/es/llm.md": lines("---", "title: LLM es", "---", "", "# Uno", "", "- a", "", "[x](y) [z](w)"),
		"content/it/llm.md": lines("---", "title: LLM it", "---", "# Uno", "", "## Due", "", "- a", "- b", "", "[x](y) ![i](j)", "", "```", "code", "```"),
	}
	want := []Finding{
		{Rule: "structure", Severity: Warning, Path: "content/es/llm.md", Line: 5, Column: 1, Lang: "es", Slug: "llm",
			Message: "the body's structure differs from the source content/en/llm.md: 1 heading (source: 2), 0 code blocks (source: 1), 1 list item (source: 2), 2 links (source: 1), 0 images (source: 1)"},
	}
	if diff := cmp.Diff(want, lint(t, baseConfig, files, "structure")); diff != "" {
		t.Errorf("findings mismatch (-want +got):\n%s", diff)
	}
}

func TestParseErrorAndDuplicateSlug(t *testing.T) {
	files := map[string]string{
		"content/en/llm.md":      lines("---", "title: LLM", "---"),
		"content/es/llm.md":      lines("---", "title: LLM: los modelos", "---"),
		"content/es/modelos.md":  lines("---", "title: Modelos", "translationKey: llm", "---"),
		"content/it/llm.md":      lines("---", "title: LLM", "---"),
		"content/it/llm-copy.md": lines("---", "title: LLM", "", "translationKey: llm", "---"),
	}
	want := []Finding{
		{Rule: "parse-error", Severity: Error, Path: "content/es/llm.md", Line: 2, Column: 11, Lang: "es", Slug: "llm",
			Message: `front matter: mapping values are not allowed in this context; a value that contains ": " must be quoted`},
		// Its path names the slug: modelos.md is the duplicate, though
		// llm.md cannot be parsed.
		{Rule: "duplicate-slug", Severity: Error, Path: "content/es/modelos.md", Line: 3, Column: 1, Lang: "es", Slug: "llm",
			Message: "the Spanish entry content/es/llm.md already has the slug llm; this file is ignored"},
		// llm-copy.md comes first by path, but llm.md's path names the slug.
		{Rule: "duplicate-slug", Severity: Error, Path: "content/it/llm-copy.md", Line: 4, Column: 1, Lang: "it", Slug: "llm",
			Message: "the Italian entry content/it/llm.md already has the slug llm; this file is ignored"},
	}
	if diff := cmp.Diff(want, lint(t, baseConfig, files, "parse-error", "duplicate-slug")); diff != "" {
		t.Errorf("findings mismatch (-want +got):\n%s", diff)
	}
}

func TestRuleConfig(t *testing.T) {
	files := map[string]string{
		"content/en/llm.md": lines("---", "title: LLM", "category: A", "---", "[3]"),
		"content/es/llm.md": lines("---", "title: LLM es", "category: B", "---", "[3]"),
	}
	got := lint(t, baseConfig+"rules:\n  citation-range: off\n  key-mismatch: info\n", files, "citation-range", "key-mismatch")
	want := []Finding{{Rule: "key-mismatch", Severity: Info, Path: "content/es/llm.md", Line: 3, Column: 11, Lang: "es", Slug: "llm",
		Message: `category is "B" here but "A" in the source content/en/llm.md`, Fix: `set category to "A"`}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("off and re-graded mismatch (-want +got):\n%s", diff)
	}
	// A re-graded severity applies to the rule's own case (a slug that
	// does not exist); the "not translated yet" note keeps its own grade,
	// set with the untranslated option.
	files = map[string]string{
		"content/en/llm.md":  lines("---", "related: [gguf, nope]", "---"),
		"content/en/gguf.md": lines("---", "title: g", "---"),
		"content/es/llm.md":  lines("---", "related: [gguf]", "---"),
	}
	sevs := func(fs []Finding) []string {
		var out []string
		for _, f := range fs {
			out = append(out, f.Path+" "+string(f.Severity))
		}
		return out
	}
	tests := []struct {
		rules string
		want  []string
	}{
		{"", []string{"content/en/llm.md error", "content/es/llm.md info"}},
		{"rules:\n  related-missing: {severity: warning}\n", []string{"content/en/llm.md warning", "content/es/llm.md info"}},
		{"rules:\n  related-missing: {untranslated: warning}\n", []string{"content/en/llm.md error", "content/es/llm.md warning"}},
		{"rules:\n  related-missing: {untranslated: off}\n", []string{"content/en/llm.md error"}},
	}
	for _, tt := range tests {
		got := sevs(lint(t, baseConfig+tt.rules, files, "related-missing"))
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%q: severities mismatch (-want +got):\n%s", tt.rules, diff)
		}
	}
}

func TestNewErrors(t *testing.T) {
	tests := []struct {
		name, rules string
		want        []string
	}{
		{"unknown rule", "rules:\n  locale-links: off\n", []string{`glosa.yaml:12:3: unknown rule "locale-links"`}},
		{"unknown option", "rules:\n  structure:\n    minWords: 3\n", []string{`glosa.yaml:13:5: rule structure has no option "minWords"`}},
		{"bad minWords", "rules:\n  same-as-source: {minWords: many}\n", []string{"glosa.yaml:12:30: rule same-as-source: minWords must be a whole number"}},
		{"negative minWords", "rules:\n  same-as-source:\n    minWords: -1\n", []string{"glosa.yaml:13:15: rule same-as-source: minWords must be a whole number"}},
		{"bad field", "rules:\n  citation-range: {field: [a]}\n", []string{"glosa.yaml:12:27: rule citation-range: field must be a single value"}},
		{"bad allow", "rules:\n  locale-link:\n    allow: [en, english]\n", []string{`glosa.yaml:13:17: rule locale-link: allow: "english" is not a BCP 47 language tag`}},
		{"allow a mapping", "rules:\n  locale-link:\n    allow: {en: yes}\n", []string{"glosa.yaml:13:12: rule locale-link: allow must be a language or a list of languages"}},
		{"several", "rules:\n  nope: off\n  structure: {x: 1}\n", []string{`glosa.yaml:12:3: unknown rule "nope"`, `glosa.yaml:13:15: rule structure has no option "x"`}},
		{"in line order", "rules:\n  same-as-source: {minWords: many}\n  locale-link: {allow: [it], nope: 1}\n",
			[]string{"glosa.yaml:12:30: rule same-as-source: minWords must be a whole number", `glosa.yaml:13:30: rule locale-link has no option "nope"`}},
		{"an off rule's option", "rules:\n  citation-range: {severity: off, field: [a]}\n", []string{"glosa.yaml:12:42: rule citation-range: field must be a single value"}},
		{"bad untranslated", "rules:\n  related-missing: {untranslated: loud}\n", []string{"glosa.yaml:12:35: rule related-missing: untranslated must be off, error, warning or info"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := config.Parse("glosa.yaml", []byte(baseConfig+tt.rules))
			if err != nil {
				t.Fatal(err)
			}
			_, err = New(cfg)
			if err == nil {
				t.Fatal("New: no error")
			}
			errs := []error{err}
			if j, ok := err.(interface{ Unwrap() []error }); ok {
				errs = j.Unwrap()
			}
			var got []string
			for _, e := range errs {
				var ce *l10n.Error
				if !errors.As(e, &ce) || !errors.Is(e, config.ErrInvalid) {
					t.Errorf("%v is a %T, not an *l10n.Error wrapping config.ErrInvalid", e, e)
				}
				got = append(got, e.Error())
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("errors mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestRules: every rule declares what the docs, glosa rules and SARIF
// show, and every option's default is a value of its kind.
func TestRules(t *testing.T) {
	var ids []string
	for _, r := range Rules() {
		ids = append(ids, r.ID)
		if r.Summary == "" || strings.Contains(r.Summary, "\n") || r.Doc == "" || r.Severity.Rank() == 0 {
			t.Errorf("rule %s has no one-line summary, doc or severity", r.ID)
		}
		if strings.Contains(r.ID, "/") {
			t.Errorf("rule %s: a rule ID has no slash (SARIF's pseudo-rules do)", r.ID)
		}
		for _, o := range r.Options {
			if o.Doc == "" || !slices.Contains(Kinds, o.Kind) {
				t.Errorf("rule %s: option %s has no doc or an unknown kind %q", r.ID, o.Name, o.Kind)
			}
			if o.Default == "" {
				continue
			}
			p := &optionParser{rule: r.ID, name: o.Name}
			got := o.parse(p, &yaml.Node{Kind: yaml.ScalarNode, Value: o.Default})
			if len(p.errs) > 0 || !cmp.Equal(got, o.def) {
				t.Errorf("rule %s: option %s: default %q reads as %v, want %v", r.ID, o.Name, o.Default, got, o.def)
			}
		}
	}
	if !slices.IsSorted(ids) || len(slices.Compact(slices.Clone(ids))) != len(ids) {
		t.Errorf("Rules are not sorted by ID, or not unique: %v", ids)
	}
}

// wrongValues are, for each kind of option, a value glosa.yaml may not
// give an option of that kind.
var wrongValues = map[Kind]string{
	KindInt:         "lots",
	KindBool:        "lots",
	KindString:      "[a, b]",
	KindSeverity:    "lots",
	KindLanguages:   "{en: yes}",
	KindRegexps:     "'('",
	KindHosts:       "'not a host!'",
	KindHostLocales: "lots",
}

// TestOptionKinds: for every rule and every option, a value not of the
// option's kind is refused at its line; so is an option the rule does
// not declare.
func TestOptionKinds(t *testing.T) {
	for _, k := range Kinds {
		if _, ok := wrongValues[k]; !ok {
			t.Errorf("kind %s has no wrong value to test", k)
		}
	}
	refused := func(t *testing.T, rules string) {
		t.Helper()
		cfg, err := config.Parse("glosa.yaml", []byte(baseConfig+rules))
		if err != nil {
			t.Fatal(err)
		}
		_, err = New(cfg)
		var ce *l10n.Error
		if !errors.As(err, &ce) || !errors.Is(err, config.ErrInvalid) || ce.Line != 13 {
			t.Errorf("%q: New returned %v, want a configuration error at line 13", rules, err)
		}
	}
	for _, r := range Rules() {
		for _, o := range r.Options {
			t.Run(r.ID+"/"+o.Name, func(t *testing.T) {
				refused(t, "rules:\n  "+r.ID+":\n    "+o.Name+": "+wrongValues[o.Kind]+"\n")
			})
		}
		t.Run(r.ID+"/undeclared", func(t *testing.T) {
			refused(t, "rules:\n  "+r.ID+":\n    maxDiffs: lots\n")
		})
	}
}

// TestOptionsRead: every option a rule declares is read only through its
// declaration, and each declaration is listed by a rule: a rule that read
// an option no rule declares would panic (see optionOf.of) in the rule
// tests, which run every rule.
func TestOptionsRead(t *testing.T) {
	cfg, err := config.Parse("glosa.yaml", []byte(baseConfig))
	if err != nil {
		t.Fatal(err)
	}
	l, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range Rules() {
		n += len(r.Options)
	}
	if len(l.values) != n {
		t.Errorf("the linter has %d option values, the rules declare %d options (one declaration listed twice?)", len(l.values), n)
	}
}

func TestSort(t *testing.T) {
	fs := []Finding{
		{Path: "b.md", Line: 1, Rule: "a"},
		{Path: "a.md", Line: 2, Column: 1, Rule: "a"},
		{Path: "a.md", Line: 1, Column: 5, Rule: "b"},
		{Path: "a.md", Line: 1, Column: 5, Rule: "a", Lang: "it"},
		{Path: "a.md", Line: 1, Column: 5, Rule: "a", Lang: "es", Message: "z"},
		{Path: "a.md", Line: 1, Column: 5, Rule: "a", Lang: "es", Message: "y"},
	}
	Sort(fs)
	want := []Finding{
		{Path: "a.md", Line: 1, Column: 5, Rule: "a", Lang: "es", Message: "y"},
		{Path: "a.md", Line: 1, Column: 5, Rule: "a", Lang: "es", Message: "z"},
		{Path: "a.md", Line: 1, Column: 5, Rule: "a", Lang: "it"},
		{Path: "a.md", Line: 1, Column: 5, Rule: "b"},
		{Path: "a.md", Line: 2, Column: 1, Rule: "a"},
		{Path: "b.md", Line: 1, Rule: "a"},
	}
	if diff := cmp.Diff(want, fs); diff != "" {
		t.Errorf("Sort mismatch (-want +got):\n%s", diff)
	}
}

// FuzzLocaleMarkers: every marker found is written where it says, and
// its fix replaces it and nothing else.
func FuzzLocaleMarkers(f *testing.F) {
	for _, s := range []string{"https://user@it.example.org:8080/it-it/x?hl=it#y", "www.example.com/es/", "/en/guides/", "https://www.gov.uk/uk/", "%zz"} {
		f.Add(s)
	}
	all := func(string) bool { return true }
	f.Fuzz(func(t *testing.T, raw string) {
		for _, m := range localeMarkers(raw, all) {
			if m.start < 0 || m.start+len(m.text) > len(raw) || raw[m.start:m.start+len(m.text)] != m.text {
				t.Fatalf("%q: marker %q not at %d", raw, m.text, m.start)
			}
		}
	})
}

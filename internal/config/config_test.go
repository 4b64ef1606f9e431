package config

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/glosa/glosa/internal/l10n"
)

// messages returns the messages of a Parse error, each an *l10n.Error.
func messages(t *testing.T, err error) []string {
	t.Helper()
	var errs []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	} else {
		errs = []error{err}
	}
	var out []string
	for _, e := range errs {
		var ce *l10n.Error
		if !errors.As(e, &ce) || !errors.Is(e, ErrInvalid) {
			t.Errorf("error %v is a %T, not an *l10n.Error wrapping ErrInvalid", e, e)
		}
		out = append(out, e.Error())
	}
	return out
}

// layoutView is a Layout as a test compares it.
type layoutView struct {
	Default string
	PerLang map[string]string
	Exclude []string
	Fields  string
	Line    int
}

type configView struct {
	File      string
	Source    string
	Languages []string
	Content   []layoutView
	Rules     map[string]ruleView
}

type ruleView struct {
	Off      bool
	Severity string
	Options  []string
	Line     int
	Exclude  []string
	Ignore   []string
}

func view(c *Config) configView {
	v := configView{File: c.File, Source: c.Source, Languages: c.Languages, Rules: map[string]ruleView{}}
	for _, l := range c.Content {
		v.Content = append(v.Content, layoutView{Default: l.Patterns.Default, PerLang: l.Patterns.PerLang, Exclude: l.Exclude, Fields: describe(l.Fields), Line: l.Line})
	}
	for id, rc := range c.Rules {
		rv := ruleView{Off: rc.Off, Severity: rc.Severity, Line: rc.Line, Exclude: rc.Exclude}
		for _, re := range rc.Ignore {
			rv.Ignore = append(rv.Ignore, re.String())
		}
		for name := range rc.Options {
			rv.Options = append(rv.Options, name)
		}
		v.Rules[id] = rv
	}
	return v
}

// describe writes a schema compactly: {category:key sources:[{text:text url:url}]}.
func describe(f *Field) string {
	if f == nil {
		return ""
	}
	switch f.Kind {
	case Object:
		s := "{"
		for i, k := range f.Keys {
			if i > 0 {
				s += " "
			}
			s += k + ":" + describe(f.Fields[k])
		}
		return s + "}"
	case List:
		return "[" + describe(f.Elem) + "]"
	}
	return f.Kind.String()
}

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want configView
	}{{
		name: "the sample's",
		in: `# glosa configuration for the sample glossary in content/.
source: it
languages: [it, es, en]
content:
  - path: content/{lang}/{slug}.md
    fields:
      title: text
      description: text
      category: key
      related: slugs
      sources: [{text: text, url: url}]
rules:
  same-as-source: {severity: info, minWords: 3}
`,
		want: configView{File: "glosa.yaml", Source: "it", Languages: []string{"it", "es", "en"},
			Content: []layoutView{{Default: "content/{lang}/{slug}.md", Fields: "{category:key description:text related:slugs sources:[{text:text url:url}] title:text}", Line: 5}},
			Rules:   map[string]ruleView{"same-as-source": {Severity: "info", Options: []string{"minWords"}, Line: 13}}},
	}, {
		name: "empty: the defaults",
		in:   "",
		want: configView{File: "glosa.yaml", Content: []layoutView{{Default: "content/{lang}/{slug}.md", Fields: "{description:text title:text}"}}, Rules: map[string]ruleView{}},
	}, {
		name: "comments only: the defaults",
		in:   "# nothing configured yet\n",
		want: configView{File: "glosa.yaml", Content: []layoutView{{Default: "content/{lang}/{slug}.md", Fields: "{description:text title:text}"}}, Rules: map[string]ruleView{}},
	}, {
		name: "a lone document marker: the defaults",
		in:   "---\n",
		want: configView{File: "glosa.yaml", Content: []layoutView{{Default: "content/{lang}/{slug}.md", Fields: "{description:text title:text}"}}, Rules: map[string]ruleView{}},
	}, {
		name: "tags are canonical; the source joins the languages",
		in:   "source: pt_br\nlanguages: [ES, en-us]\n",
		want: configView{File: "glosa.yaml", Source: "pt-BR", Languages: []string{"pt-BR", "es", "en-US"},
			Content: []layoutView{{Default: "content/{lang}/{slug}.md", Fields: "{description:text title:text}"}}, Rules: map[string]ruleView{}},
	}, {
		name: "Docusaurus: per-language path, exclude",
		in: `source: en
content:
  - path: i18n/{lang}/docusaurus-plugin-content-docs/current/{slug}.md
    paths:
      en: docs/{slug}.md
    exclude: _category_.md
`,
		want: configView{File: "glosa.yaml", Source: "en", Content: []layoutView{{
			Default: "i18n/{lang}/docusaurus-plugin-content-docs/current/{slug}.md", PerLang: map[string]string{"en": "docs/{slug}.md"},
			Exclude: []string{"_category_.md"}, Fields: "{description:text title:text}", Line: 3}}, Rules: map[string]ruleView{}},
	}, {
		name: "only per-language paths",
		in: `content:
  - paths: {en: 'pages/{slug}.md', es: 'pages.es/{slug}.md'}
    exclude: ['**/_TEMPLATE.md', _index.md]
`,
		want: configView{File: "glosa.yaml", Content: []layoutView{{
			PerLang: map[string]string{"en": "pages/{slug}.md", "es": "pages.es/{slug}.md"},
			Exclude: []string{"**/_TEMPLATE.md", "_index.md"}, Fields: "{description:text title:text}", Line: 2}}, Rules: map[string]ruleView{}},
	}, {
		name: "rules: off, a severity, false",
		in:   "rules:\n  locale-link: off\n  structure: error\n  key-mismatch: false\n  related-missing: {severity: off}\n",
		want: configView{File: "glosa.yaml", Content: []layoutView{{Default: "content/{lang}/{slug}.md", Fields: "{description:text title:text}"}},
			Rules: map[string]ruleView{
				"locale-link":     {Off: true, Line: 2},
				"structure":       {Severity: "error", Line: 3},
				"key-mismatch":    {Off: true, Line: 4},
				"related-missing": {Off: true, Options: nil, Line: 5},
			}},
	}, {
		name: "rules: exclude and ignore, for any rule, beside options",
		in:   "rules:\n  same-as-source:\n    minWords: 2\n    exclude: ['pages.*/common/**', _index.md]\n    ignore: ['^Docker$', '(?i)kubernetes']\n  structure: {exclude: docs/**, ignore: x}\n",
		want: configView{File: "glosa.yaml", Content: []layoutView{{Default: "content/{lang}/{slug}.md", Fields: "{description:text title:text}"}},
			Rules: map[string]ruleView{
				"same-as-source": {Options: []string{"minWords"}, Line: 2, Exclude: []string{"pages.*/common/**", "_index.md"}, Ignore: []string{"^Docker$", "(?i)kubernetes"}},
				"structure":      {Line: 6, Exclude: []string{"docs/**"}, Ignore: []string{"x"}},
			}},
	}, {
		name: "nested fields",
		in: `content:
  - path: docs/{lang}/{slug}.md
    fields:
      meta: {summary: text, owner: key}
      sections:
        - heading: text
          links: [{label: text, href: url}]
`,
		want: configView{File: "glosa.yaml", Content: []layoutView{{Default: "docs/{lang}/{slug}.md",
			Fields: "{meta:{owner:key summary:text} sections:[{heading:text links:[{href:url label:text}]}]}", Line: 2}}, Rules: map[string]ruleView{}},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Parse("glosa.yaml", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, view(c), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Parse mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestParseErrors pins every configuration error: glosa.yaml:LINE: message,
// on the line that is wrong.
func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{{
		name: "unclosed list",
		in:   "source: en\nlanguages: [en, es\ncontent:\n  - path: x/{lang}/{slug}.md\n",
		want: []string{"glosa.yaml:2:12: did not find expected ',' or ']'; is the [ opened here never closed?"},
	}, {
		name: "a list item out of line",
		in:   "source: en\nlanguages:\n  - en\n - es\n",
		want: []string{"glosa.yaml:4:2: did not find expected key"},
	}, {
		name: "a tab",
		in:   "source: en\n\tlanguages: [en]\n",
		want: []string{"glosa.yaml:2:1: found a tab character that violates indentation"},
	}, {
		name: "an unquoted pattern in a flow mapping",
		in:   "source: en\ncontent:\n  - path: content/{lang}/{slug}.md\n    paths: {en: docs/{slug}.md}\n",
		want: []string{"glosa.yaml:4:5: did not find expected ',' or '}'; inside {…} or […] quote patterns that hold {lang} or {slug}, e.g. paths: {en: 'docs/{slug}.md'}"},
	}, {
		name: "not a mapping",
		in:   "- source: en\n",
		want: []string{"glosa.yaml:1:1: the configuration must be a mapping of keys to values"},
	}, {
		name: "a key twice",
		in:   "source: en\nlanguages: [en]\nsource: es\n",
		want: []string{"glosa.yaml:3:1: key source appears twice (first on line 1)"},
	}, {
		name: "a field twice",
		in:   "content:\n  - path: c/{lang}/{slug}.md\n    fields:\n      title: text\n      title: key\n",
		want: []string{"glosa.yaml:5:7: key title appears twice (first on line 4)"},
	}, {
		name: "unknown key",
		in:   "source: en\nlanguage: [en]\n",
		want: []string{`glosa.yaml:2:1: unknown key "language" (known: source, languages, aliases, content, locales, rules, repoURL, limits)`},
	}, {
		name: "bad source",
		in:   "source: english\n",
		want: []string{`glosa.yaml:1:9: "english" is not a BCP 47 language tag`},
	}, {
		name: "source a list",
		in:   "source: [en]\n",
		want: []string{"glosa.yaml:1:9: a language must be a single value"},
	}, {
		name: "languages not a list",
		in:   "languages: en\n",
		want: []string{"glosa.yaml:1:12: languages must be a list, e.g. [en, es, it]"},
	}, {
		name: "a language twice, every bad language reported",
		in:   "languages:\n  - en\n  - es\n  - ES\n  - x!\n",
		want: []string{"glosa.yaml:4:5: language es is listed twice", `glosa.yaml:5:5: "x!" is not a BCP 47 language tag`},
	}, {
		name: "content not a list",
		in:   "content: content/{lang}/{slug}.md\n",
		want: []string{"glosa.yaml:1:10: content must be a list of {path, fields} items"},
	}, {
		name: "a content item without a path",
		in:   "content:\n  - fields: {title: text}\n",
		want: []string{"glosa.yaml:2:5: a content item needs a path, e.g. path: content/{lang}/{slug}.md"},
	}, {
		name: "a content item not a mapping",
		in:   "content:\n  - content/{lang}/{slug}.md\n",
		want: []string{"glosa.yaml:2:5: a content item must be a mapping with at least a path"},
	}, {
		name: "no {lang}",
		in:   "content:\n  - path: content/{slug}.md\n",
		want: []string{"glosa.yaml:2:11: path pattern \"content/{slug}.md\" must contain {lang} exactly once (use paths: for a language of its own)"},
	}, {
		name: "{slug} twice",
		in:   "content:\n  - path: content/{lang}/{slug}/{slug}.md\n",
		want: []string{`glosa.yaml:2:11: path pattern "content/{lang}/{slug}/{slug}.md" must contain {slug} exactly once`},
	}, {
		name: "an unknown placeholder",
		in:   "content:\n  -\n    path: content/{lang}/{slug}.{ext}\n",
		want: []string{`glosa.yaml:3:11: path pattern "content/{lang}/{slug}.{ext}" has an unknown placeholder (known: {lang}, {slug})`},
	}, {
		name: "absolute",
		in:   "content:\n  - path: /srv/{lang}/{slug}.md\n",
		want: []string{`glosa.yaml:2:11: path pattern "/srv/{lang}/{slug}.md" must be relative to the repository and stay inside it`},
	}, {
		name: "outside",
		in:   "content:\n  - path: ../other/{lang}/{slug}.md\n",
		want: []string{`glosa.yaml:2:11: path pattern "../other/{lang}/{slug}.md" must be relative to the repository and stay inside it`},
	}, {
		name: "empty path",
		in:   "content:\n  - path: ''\n",
		want: []string{"glosa.yaml:2:11: the path pattern is empty"},
	}, {
		name: "paths not a mapping",
		in:   "content:\n  - path: c/{lang}/{slug}.md\n    paths: ['docs/{slug}.md']\n",
		want: []string{"glosa.yaml:3:12: paths must map languages to patterns, e.g. {en: docs/{slug}.md}"},
	}, {
		name: "paths: a bad language, a pattern without {slug}",
		in:   "content:\n  - path: c/{lang}/{slug}.md\n    paths:\n      english: docs/{slug}.md\n      en: docs/index.md\n",
		want: []string{`glosa.yaml:4:7: "english" is not a BCP 47 language tag`, `glosa.yaml:5:11: path pattern "docs/index.md" must contain {slug} exactly once`},
	}, {
		name: "paths: one language twice",
		in:   "content:\n  - path: c/{lang}/{slug}.md\n    paths:\n      pt_BR: a/{slug}.md\n      pt-br: b/{slug}.md\n",
		want: []string{"glosa.yaml:5:7: paths: language pt-BR has two patterns"},
	}, {
		name: "a bad glob, alone",
		in:   "content:\n  - path: c/{lang}/{slug}.md\n    exclude: '[a'\n",
		want: []string{`glosa.yaml:3:14: "[a" is not a valid glob`},
	}, {
		name: "a bad glob in a list",
		in:   "content:\n  - path: c/{lang}/{slug}.md\n    exclude:\n      - _index.md\n      - '[a'\n",
		want: []string{`glosa.yaml:5:9: "[a" is not a valid glob`},
	}, {
		name: "exclude a mapping",
		in:   "content:\n  - path: c/{lang}/{slug}.md\n    exclude: {a: b}\n",
		want: []string{"glosa.yaml:3:14: exclude must be a glob or a list of globs"},
	}, {
		name: "unknown key in a content item",
		in:   "content:\n  - path: c/{lang}/{slug}.md\n    field: {title: text}\n",
		want: []string{`glosa.yaml:3:5: unknown key "field" in a content item (known: path, paths, exclude, fields, terms)`},
	}, {
		name: "unknown kind",
		in:   "content:\n  - path: c/{lang}/{slug}.md\n    fields:\n      title: txt\n",
		want: []string{`glosa.yaml:4:14: field title: unknown kind "txt" (use text, key, slugs or url, a [list] or a {mapping})`},
	}, {
		name: "no kind",
		in:   "content:\n  - path: c/{lang}/{slug}.md\n    fields:\n      title:\n      body: text\n",
		want: []string{"glosa.yaml:4:13: field title: no kind given (use text, key, slugs or url, a [list] or a {mapping})"},
	}, {
		name: "a list of two kinds",
		in:   "content:\n  - path: c/{lang}/{slug}.md\n    fields:\n      sources: [{text: text}, {url: url}]\n",
		want: []string{"glosa.yaml:4:16: field sources: a list kind names one item kind, e.g. [{text: text, url: url}]"},
	}, {
		name: "an unknown kind deep inside",
		in:   "content:\n  - path: c/{lang}/{slug}.md\n    fields:\n      sources:\n        - text: text\n          url: link\n",
		want: []string{`glosa.yaml:6:16: field url: unknown kind "link" (use text, key, slugs or url, a [list] or a {mapping})`},
	}, {
		name: "fields a list",
		in:   "content:\n  - path: c/{lang}/{slug}.md\n    fields: [text]\n",
		want: []string{"glosa.yaml:3:13: fields must map field names to kinds (text, key, slugs, url)"},
	}, {
		name: "rules a list",
		in:   "rules: [locale-link]\n",
		want: []string{"glosa.yaml:1:8: rules must map rule IDs to off, a severity, or {severity: …, options}"},
	}, {
		name: "an unknown severity",
		in:   "rules:\n  locale-link: loud\n",
		want: []string{`glosa.yaml:2:16: unknown severity "loud" (use off, error, warning or info)`},
	}, {
		name: "an unknown severity in a mapping",
		in:   "rules:\n  locale-link:\n    severity: fatal\n",
		want: []string{`glosa.yaml:3:15: unknown severity "fatal" (use off, error, warning or info)`},
	}, {
		name: "a rule set to a list",
		in:   "rules:\n  locale-link: [a]\n",
		want: []string{"glosa.yaml:2:16: rule locale-link: expected off, a severity, or a mapping"},
	}, {
		name: "a bad exclude glob and bad ignore patterns, each on its line",
		in:   "rules:\n  structure:\n    exclude: ['docs/[a']\n    ignore:\n      - 'ok'\n      - 'a(b'\n      - ''\n      - {x: 1}\n  locale-link: {ignore: {a: b}}\n",
		want: []string{
			`glosa.yaml:3:15: "docs/[a" is not a valid glob`,
			`glosa.yaml:6:9: "a(b" is not a valid regular expression: missing closing ): "a(b"`,
			"glosa.yaml:7:9: an empty ignore pattern matches every finding: to switch the rule off, write off",
			"glosa.yaml:8:9: a regular expression must be a single value",
			"glosa.yaml:9:25: ignore must be a regular expression or a list of them",
		},
	}, {
		name: "every error at once, in order",
		in:   "source: xx-!\nlanguages: en\nbogus: 1\n",
		want: []string{`glosa.yaml:1:9: "xx-!" is not a BCP 47 language tag`, "glosa.yaml:2:12: languages must be a list, e.g. [en, es, it]", `glosa.yaml:3:1: unknown key "bogus" (known: source, languages, aliases, content, locales, rules, repoURL, limits)`},
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

func TestErrorAt(t *testing.T) {
	err := ErrorAt("glosa.yaml", 3, 7, l10n.Raw("bad"))
	want := &l10n.Error{Path: "glosa.yaml", Line: 3, Column: 7, Text: l10n.Raw("bad"), Err: ErrInvalid}
	if diff := cmp.Diff(*want, *err, cmpopts.EquateErrors()); diff != "" {
		t.Errorf("ErrorAt (-want +got):\n%s", diff)
	}
	if !errors.Is(err, ErrInvalid) {
		t.Errorf("ErrorAt does not wrap ErrInvalid")
	}
}

func TestLoad(t *testing.T) {
	root := t.TempDir()
	// No glosa.yaml: the defaults.
	c, err := Load(root, "")
	if err != nil {
		t.Fatal(err)
	}
	if c.File != "" || c.Content[0].Patterns.Default != DefaultPath {
		t.Errorf("Load without a file = %+v, want the defaults", view(c))
	}
	// A named file must exist.
	if _, err := Load(root, filepath.Join(root, "other.yaml")); err == nil || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Load of a missing named file: %v, want a not-exist error", err)
	}
	// Errors name the file relative to the root.
	if err := os.WriteFile(filepath.Join(root, FileName), []byte("source: en\nbogus: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Load(root, "")
	if diff := cmp.Diff([]string{`glosa.yaml:2:1: unknown key "bogus" (known: source, languages, aliases, content, locales, rules, repoURL, limits)`}, messages(t, err)); diff != "" {
		t.Errorf("Load error mismatch (-want +got):\n%s", diff)
	}
	if err := os.MkdirAll(filepath.Join(root, "ci"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "ci", "glosa.yaml"), []byte("source: en\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err = Load(root, filepath.Join(root, "ci", "glosa.yaml"))
	if err != nil || c.File != "ci/glosa.yaml" || c.Source != "en" {
		t.Errorf("Load(ci/glosa.yaml) = %+v, %v", c, err)
	}
}

func TestSortedRuleIDs(t *testing.T) {
	c, err := Parse("glosa.yaml", []byte("rules:\n  structure: off\n  citation-range: warning\n  locale-link: info\n"))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"citation-range", "locale-link", "structure"}, c.SortedRuleIDs()); diff != "" {
		t.Errorf("SortedRuleIDs mismatch (-want +got):\n%s", diff)
	}
}

func TestParseLoneCR(t *testing.T) {
	_, err := Parse("glosa.yaml", []byte("source: en\r\nlanguages: [en]\rcontent: []\r\n"))
	want := []string{"glosa.yaml:2:16: a carriage return (CR) without a line feed; save the file with LF or CRLF line endings"}
	if diff := cmp.Diff(want, messages(t, err)); diff != "" {
		t.Errorf("errors mismatch (-want +got):\n%s", diff)
	}
}

func TestParseEncoding(t *testing.T) {
	tests := []struct{ in, want string }{
		{"\xff\xfes\x00", "glosa.yaml:1:1: the file is in UTF-16; save it as UTF-8"},
		{"source: en\nlanguages: [en, \xe9s]\n", "glosa.yaml:2:17: invalid UTF-8"},
		{"source: en\n# a comment\u2028languages: [en]\n", "glosa.yaml:2:12: a line separator (U+2028), which YAML reads as a line break; remove it"},
	}
	for _, tt := range tests {
		_, err := Parse("glosa.yaml", []byte(tt.in))
		if diff := cmp.Diff([]string{tt.want}, messages(t, err)); diff != "" {
			t.Errorf("Parse(%q) errors mismatch (-want +got):\n%s", tt.in, diff)
		}
	}
}

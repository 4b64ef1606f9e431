package config

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

type match struct {
	Code, Raw, Slug string
	OK              bool
}

func TestPatterns(t *testing.T) {
	tests := []struct {
		name    string
		def     string
		perLang map[string]string
		langs   []string // the project's languages; nil for any
		roots   []string
		paths   map[string]match // path → what it matches
	}{{
		name:  "Hugo, a folder per language",
		def:   "content/{lang}/{slug}.md",
		roots: []string{"content"},
		paths: map[string]match{
			"content/en/llm.md":          {"en", "en", "llm", true},
			"content/es/guides/intro.md": {"es", "es", "guides/intro", true},
			"content/pt_BR/llm.md":       {"pt-BR", "pt_BR", "llm", true},
			"content/pt-br/llm.md":       {"pt-BR", "pt-br", "llm", true},
			"content/es-419/llm.md":      {"es-419", "es-419", "llm", true},
			"content/zh-Hant-TW/llm.md":  {"zh-Hant-TW", "zh-Hant-TW", "llm", true},
			"content/x-pirate/llm.md":    {"x-pirate", "x-pirate", "llm", true}, // a private-use tag
			"content/images/logo.md":     {},                                    // not a language
			"content/en/llm.txt":         {},
			"content/llm.md":             {},
			"other/en/llm.md":            {},
			"content/en/.md":             {}, // an empty slug
		},
	}, {
		name:    "Hugo, the language in the file name",
		def:     "content/{slug}.{lang}.md",
		perLang: map[string]string{"en": "content/{slug}.md"},
		langs:   []string{"en", "es", "it"},
		roots:   []string{"content", "content"},
		paths: map[string]match{
			"content/llm.md":          {"en", "en", "llm", true},
			"content/llm.es.md":       {"es", "es", "llm", true},
			"content/posts/a.b.it.md": {"it", "it", "posts/a.b", true},
			"content/how.to.md":       {"en", "en", "how.to", true}, // "to" is Tongan, not a project language
			"content/llm.en.md":       {},                           // en has its own pattern
			"content/llm.fr.md":       {"en", "en", "llm.fr", true}, // fr is not a project language
		},
	}, {
		name:    "Docusaurus",
		def:     "i18n/{lang}/docusaurus-plugin-content-docs/current/{slug}.md",
		perLang: map[string]string{"en": "docs/{slug}.md"},
		roots:   []string{"docs", "i18n"},
		paths: map[string]match{
			"docs/intro.md":        {"en", "en", "intro", true},
			"docs/guides/setup.md": {"en", "en", "guides/setup", true},
			"i18n/es/docusaurus-plugin-content-docs/current/intro.md": {"es", "es", "intro", true},
			"i18n/en/docusaurus-plugin-content-docs/current/intro.md": {}, // en lives in docs/
			"i18n/es/docusaurus-plugin-content-blog/post.md":          {},
		},
	}, {
		name:    "tldr-pages",
		def:     "pages.{lang}/{slug}.md",
		perLang: map[string]string{"en": "pages/{slug}.md"},
		roots:   []string{"", "pages"},
		paths: map[string]match{
			"pages/common/tar.md":       {"en", "en", "common/tar", true},
			"pages.es/common/tar.md":    {"es", "es", "common/tar", true},
			"pages.pt_BR/common/tar.md": {"pt-BR", "pt_BR", "common/tar", true},
			"pages.en/common/tar.md":    {},
			"pagesXes/common/tar.md":    {},
		},
	}, {
		name:  "MDN",
		def:   "files/{lang}/{slug}/index.md",
		roots: []string{"files"},
		paths: map[string]match{
			"files/en-us/web/html/index.md": {"en-US", "en-us", "web/html", true},
			"files/es/web/html/index.md":    {"es", "es", "web/html", true},
			"files/es/index.md":             {},
			"files/es/web/html/other.md":    {},
		},
	}, {
		name:    "a per-language pattern that spells its language",
		def:     "po/{lang}/{slug}.md",
		perLang: map[string]string{"pt-BR": "po/brasil/{lang}/{slug}.md"},
		roots:   []string{"po", "po/brasil"},
		paths: map[string]match{
			"po/es/a.md":              {"es", "es", "a", true},
			"po/brasil/pt_BR/a.md":    {"pt-BR", "pt_BR", "a", true},
			"po/brasil/es/a.md":       {}, // the pattern is pt-BR's only; es/a.md under "brasil" is no language
			"po/pt-BR/a.md":           {}, // pt-BR has its own pattern
			"po/brasil/pt_BR/../a.md": {},
		},
	}, {
		// The slug may hold what separates it from the language, and a
		// region subtag may be a language of its own (BR, Breton): the
		// split that names a project language wins.
		name:  "the language after a hyphen",
		def:   "docs/{slug}-{lang}.md",
		langs: []string{"en", "pt-BR", "zh-Hant-TW"},
		roots: []string{"docs"},
		paths: map[string]match{
			"docs/intro-pt-BR.md":      {"pt-BR", "pt-BR", "intro", true},
			"docs/my-doc-pt_BR.md":     {"pt-BR", "pt_BR", "my-doc", true},
			"docs/a-b-zh-Hant-TW.md":   {"zh-Hant-TW", "zh-Hant-TW", "a-b", true},
			"docs/guides/set-up-en.md": {"en", "en", "guides/set-up", true},
			"docs/intro-fr.md":         {}, // not a project language
		},
	}, {
		name:  "the language right before the slug",
		def:   "{lang}{slug}.md",
		langs: []string{"en"},
		roots: []string{""},
		paths: map[string]match{
			"enab.md": {"en", "en", "ab", true}, // not the language "ena" and the slug "b"
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := CompilePatterns(tt.def, tt.perLang)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.roots, p.Roots()); diff != "" {
				t.Errorf("Roots mismatch (-want +got):\n%s", diff)
			}
			got := map[string]match{}
			for path := range tt.paths {
				var m match
				m.Code, m.Raw, m.Slug, m.OK = p.Match(path, tt.langs)
				got[path] = m
				// The round trip: PathFor finds the path again.
				if m.OK {
					if back := p.PathFor(m.Code, m.Raw, m.Slug); back != path {
						t.Errorf("PathFor(%s, %s, %s) = %s, want %s", m.Code, m.Raw, m.Slug, back, path)
					}
				}
			}
			if diff := cmp.Diff(tt.paths, got); diff != "" {
				t.Errorf("Match mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestCompilePatternsRefuses checks that CompilePatterns refuses what
// Parse refuses: Match has no language to give for a shared pattern
// without {lang}, and PathFor must build no path outside the repository.
func TestCompilePatternsRefuses(t *testing.T) {
	tests := []struct {
		def     string
		perLang map[string]string
	}{
		{"{slug}.md", nil},
		{"/content/{lang}/{slug}.md", nil},
		{"content/{lang}/{slug}.md", map[string]string{"en": "../docs/{slug}.md"}},
		{"content/{lang}/{slug}.md", map[string]string{"en": "docs/{slug}/{slug}.md"}},
	}
	for _, tt := range tests {
		if _, err := CompilePatterns(tt.def, tt.perLang); err == nil {
			t.Errorf("CompilePatterns(%q, %q) = nil error", tt.def, tt.perLang)
		}
	}
}

func TestPathFor(t *testing.T) {
	p, err := CompilePatterns("pages.{lang}/{slug}.md", map[string]string{"en": "pages/{slug}.md"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ code, raw, slug, want string }{
		{"en", "", "common/tar", "pages/common/tar.md"},
		{"es", "", "common/tar", "pages.es/common/tar.md"},            // no spelling found: the tag
		{"pt-BR", "pt_BR", "common/tar", "pages.pt_BR/common/tar.md"}, // the spelling found in the tree
	}
	for _, tt := range tests {
		if got := p.PathFor(tt.code, tt.raw, tt.slug); got != tt.want {
			t.Errorf("PathFor(%s, %q, %s) = %s, want %s", tt.code, tt.raw, tt.slug, got, tt.want)
		}
	}
	only, err := CompilePatterns("", map[string]string{"en": "docs/{slug}.md"})
	if err != nil {
		t.Fatal(err)
	}
	if got := only.PathFor("es", "", "intro"); got != "" {
		t.Errorf("PathFor of a language without a pattern = %q, want \"\"", got)
	}
}

func TestExcluded(t *testing.T) {
	l := Layout{Exclude: []string{"_index.md", "_TEMPLATE*.md", "content/es/drafts/**", "**/README.md"}}
	tests := map[string]bool{
		"content/en/_index.md":            true, // a glob without / matches the name in any folder
		"content/en/guides/_index.md":     true,
		"content/en/_TEMPLATE.md":         true,
		"content/en/_TEMPLATE-entry.md":   true,
		"content/es/drafts/llm.md":        true, // ** spans folders
		"content/es/drafts/deep/a/llm.md": true,
		"content/en/drafts/llm.md":        false,
		"content/en/README.md":            true,
		"README.md":                       true,
		"content/en/llm.md":               false,
		"content/en/index.md":             false,
	}
	for path, want := range tests {
		if got := l.Excluded(path); got != want {
			t.Errorf("Excluded(%s) = %v, want %v", path, got, want)
		}
	}
}

func TestDefault(t *testing.T) {
	c := Default()
	if c.File != "" || len(c.Content) != 1 || c.Content[0].Patterns.Default != DefaultPath || describe(c.Content[0].Fields) != "{description:text title:text}" {
		t.Errorf("Default() = %+v", view(c))
	}
}

func TestKindString(t *testing.T) {
	for k, want := range map[Kind]string{Text: "text", Key: "key", Slugs: "slugs", URL: "url", List: "list", Object: "object", 0: "unknown"} {
		if got := k.String(); got != want {
			t.Errorf("Kind(%d).String() = %q, want %q", k, got, want)
		}
	}
}

// expandCases are patterns, with their language and slug, on which
// expandPattern must do what the strings.Replacer it replaced did.
var expandCases = [][3]string{
	{"content/{lang}/{slug}.md", "pt_BR", "docs/intro"},
	{"pages/{slug}.{lang}.md", "es", "a.b"},
	{"docs/{slug}.md", "", "x"},
	{"{lang}{slug}{lang}", "it", "s"},
	{"{{slug}}{lang", "{slug}", "{lang}"},
	{"{x}{ {}lang}{slug", "en", "y"},
	{"", "es", "z"},
}

func TestExpandPatternAsReplacer(t *testing.T) {
	for _, c := range expandCases {
		want := strings.NewReplacer("{lang}", c[1], "{slug}", c[2]).Replace(c[0])
		if got := expandPattern(c[0], c[1], c[2]); got != want {
			t.Errorf("expandPattern(%q, %q, %q) = %q, want %q", c[0], c[1], c[2], got, want)
		}
	}
}

func FuzzExpandPattern(f *testing.F) {
	for _, c := range expandCases {
		f.Add(c[0], c[1], c[2])
	}
	f.Fuzz(func(t *testing.T, pat, raw, slug string) {
		want := strings.NewReplacer("{lang}", raw, "{slug}", slug).Replace(pat)
		if got := expandPattern(pat, raw, slug); got != want {
			t.Errorf("expandPattern(%q, %q, %q) = %q, want %q", pat, raw, slug, got, want)
		}
	})
}

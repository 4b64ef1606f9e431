package config

import (
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/glosa/glosa/internal/lang"
)

// FuzzPatterns compiles arbitrary layouts — a shared pattern def and, when
// own is not empty, English's own pattern — and checks that Match never
// panics, that no path PathFor builds for a valid slug leaves the
// repository, and that Match reads a built path back as an entry that
// PathFor builds at the same place: the same language and slug unless the
// path is also another entry's (content/{slug}.{lang}.md cannot tell the
// English "how.to" from the Tongan "how").
func FuzzPatterns(f *testing.F) {
	for _, s := range []struct{ def, own, slug, raw string }{
		{DefaultPath, "", "llm", "es"},
		{"content/{slug}.{lang}.md", "content/{slug}.md", "how.to", "pt_BR"},
		{"i18n/{lang}/docusaurus-plugin-content-docs/current/{slug}.md", "docs/{slug}.md", "guides/setup", "es-419"},
		{"pages.{lang}/{slug}.md", "pages/{slug}.md", "common/tar", "zh-Hant-TW"},
		{"files/{lang}/{slug}/index.md", "", "web/api", "pt-br"},
		{"docs/{slug}-{lang}.md", "docs/{slug}.md", "intro", "pt-BR"},
		{"{lang}{slug}", "", "ab", "en"},
		{"{slug}", "", "a", "es"},
		{"/{lang}/{slug}", "../{slug}", "a", "es"},
		{"{lang}/{slug}", "{lang}{slug}{lang}", "a/b", "en"},
		{"{lang}/{nope}/{slug}", "", "a", "es"},
	} {
		f.Add(s.def, s.own, s.slug, s.raw)
	}
	f.Fuzz(func(t *testing.T, def, own, slug, raw string) {
		var perLang map[string]string
		if own != "" {
			perLang = map[string]string{"en": own}
		}
		p, err := CompilePatterns(def, perLang)
		if err != nil {
			return
		}
		// Match takes any path: a repository holds any file name.
		p.Match(slug, nil)
		p.Match(raw, []string{"en"})
		p.Roots()
		if !validSlug(slug) {
			return // no entry has it: Match refuses it
		}
		type spelling struct{ code, raw string }
		tries := []spelling{{"en", ""}, {"es", ""}, {"pt-BR", "pt_BR"}}
		if code, err := lang.Parse(raw); err == nil {
			tries = append(tries, spelling{code, ""})
			if langPathRE.MatchString(raw) {
				tries = append(tries, spelling{code, raw})
			}
		}
		langs := []string{"en"}
		for _, s := range tries {
			if !slices.Contains(langs, s.code) {
				langs = append(langs, s.code)
			}
		}
		for _, s := range tries {
			built := p.PathFor(s.code, s.raw, slug)
			if built == "" {
				continue // no pattern for the language
			}
			if path.IsAbs(built) || slices.Contains(strings.Split(built, "/"), "..") {
				t.Fatalf("PathFor(%q, %q, %q) = %q, outside the repository", s.code, s.raw, slug, built)
			}
			code, gotRaw, gotSlug, ok := p.Match(built, langs)
			if !ok && own != "" && def != "" {
				// The shared pattern's path for English is no entry, by
				// design (content/llm.en.md when English has
				// content/{slug}.md), even when English's own pattern
				// builds it.
				shared, err := CompilePatterns(def, nil)
				if err != nil {
					t.Fatal(err)
				}
				if _, _, _, isEN := shared.Match(built, []string{"en"}); isEN {
					continue
				}
			}
			if !ok {
				t.Fatalf("Match(%q, %q) finds no entry; PathFor(%q, %q, %q) built it", built, langs, s.code, s.raw, slug)
			}
			if !slices.Contains(langs, code) {
				t.Fatalf("Match(%q, %q) = %q, not one of the languages", built, langs, code)
			}
			if again := p.PathFor(code, gotRaw, gotSlug); again != built {
				t.Fatalf("Match(%q) = %q, %q, %q; PathFor of that is %q; PathFor(%q, %q, %q) built it", built, code, gotRaw, gotSlug, again, s.code, s.raw, slug)
			}
		}
	})
}

// langPathRE is a whole language spelling as a path can hold it.
var langPathRE = regexp.MustCompile(`^` + langRE + `$`)

package layout

import (
	"errors"
	"io/fs"
	"maps"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"golang.org/x/text/language"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/l10n"
)

func TestCode(t *testing.T) {
	for s, want := range map[string]string{
		"en": "en", "es": "es", "it": "it", "EN": "en", "pt-BR": "pt-BR", "pt_BR": "pt-BR",
		"pt-br": "pt-BR", "en-us": "en-US", "zh-Hans": "zh-Hans", "es-419": "es-419", "sr-Latn": "sr-Latn",
		"fil": "fil", "yue": "yue", "haw": "haw", "ast": "ast",
		// Not languages: folder names, ISO 639-3 codes CLDR has no locale
		// for, old spellings, special and private-use codes.
		"docs": "", "img": "", "src": "", "api": "", "app": "", "lib": "", "bin": "", "man": "",
		"new": "", "dev": "", "log": "", "tmp": "", "run": "", "js": "", "go": "", "ui": "",
		"in": "", "iw": "", "sh": "", "mo": "", "tl": "", "eng": "",
		"und": "", "mul": "", "zxx": "", "mis": "", "x-pirate": "", "": "", "content": "", "posts": "",
	} {
		got, ok := Code(s)
		if ok != (want != "") || got != want {
			t.Errorf("Code(%q) = %q, %v; want %q", s, got, ok, want)
		}
	}
}

func md(title string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte("---\ntitle: " + title + "\n---\n\nText.\n")}
}

func file(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }

// poHeader is a PO file's header entry saying its language.
func poHeader(lang string) string {
	return "# A translation.\nmsgid \"\"\nmsgstr \"\"\n\"Language: " + lang + "\\n\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
}

// want is what a test expects of a proposal: its source, languages,
// layouts and catalogs.
type want struct {
	Source    string
	By        string
	Languages []string
	Content   []Content
	Locales   []Locale
}

var detectTests = []struct {
	name string
	tree fstest.MapFS
	opts Options
	want want
	err  error
}{
	{
		name: "folders",
		tree: fstest.MapFS{
			"content/it/llm.md":  md("LLM"),
			"content/it/clip.md": md("CLIP"),
			"content/es/llm.md":  md("LLM"),
			"content/en/llm.md":  md("LLM"),
			"content/en/clip.md": &fstest.MapFile{Data: []byte("---\ntitle: CLIP\ntranslation:\n  hash: sha256-0123456789abcdef\n---\n")},
			"README.md":          file("# readme\n"),
			"docs/guide.md":      md("Guide"),
		},
		want: want{
			Source: "it", By: SourceRecords, Languages: []string{"it", "en", "es"},
			Content: []Content{{Kind: Folders, Path: "content/{lang}/{slug}.md", Entries: map[string]int{"it": 2, "en": 2, "es": 1}}},
		},
	},
	{
		name: "folders at the root and slugs spanning folders",
		tree: fstest.MapFS{
			"en/guide/install.md": md("Install"),
			"en/index.md":         md("Home"),
			"de/guide/install.md": md("Installieren"),
		},
		want: want{
			Source: "en", By: SourceMost, Languages: []string{"en", "de"},
			Content: []Content{{Kind: Folders, Path: "{lang}/{slug}.md", Entries: map[string]int{"en": 2, "de": 1}}},
		},
	},
	{
		name: "departments are not languages",
		tree: fstest.MapFS{
			"handbook/it/security.md": md("Security"),
			"handbook/hr/hiring.md":   md("Hiring"),
		},
		err: ErrNotFound,
	},
	{
		name: "one language is not a translation layout",
		tree: fstest.MapFS{"content/en/a.md": md("A"), "content/en/b.md": md("B")},
		err:  ErrNotFound,
	},
	{
		name: "localized file names pair through translationKey",
		tree: fstest.MapFS{
			"content/en/about.md":    md("About"),
			"content/fr/a-propos.md": &fstest.MapFile{Data: []byte("---\ntitle: À propos\ntranslationKey: about\n---\n")},
		},
		want: want{
			Source: "en", By: SourceEnglish, Languages: []string{"en", "fr"},
			Content: []Content{{Kind: Folders, Path: "content/{lang}/{slug}.md", Entries: map[string]int{"en": 1, "fr": 1}}},
		},
	},
	{
		name: "mdn",
		tree: fstest.MapFS{
			"files/en-us/web/html/index.md": md("HTML"),
			"files/en-us/web/css/index.md":  md("CSS"),
			"files/ja/web/html/index.md":    md("HTML"),
		},
		want: want{
			Source: "en-US", By: SourceMost, Languages: []string{"en-US", "ja"},
			Content: []Content{{Kind: MDN, Path: "files/{lang}/{slug}/index.md", Entries: map[string]int{"en-US": 2, "ja": 1}}},
		},
	},
	{
		name: "hugo suffix, default language from hugo.toml",
		tree: fstest.MapFS{
			"hugo.toml":                file("title = 'x'\nDefaultContentLanguage = 'de'\n[languages.de]\nweight = 1\n[languages.en]\nweight = 2\n"),
			"content/_index.md":        md("Start"),
			"content/posts/a.md":       md("A"),
			"content/posts/a.en.md":    md("A"),
			"content/posts/b.md":       md("B"),
			"content/posts/how.to.md":  md("How"),
			"content/posts/c.de.md":    md("C"),
			"README.md":                file("# x\n"),
			"README.es.md":             file("# x\n"),
			"themes/t/layouts/page.md": md("Layout"),
		},
		want: want{
			Source: "de", By: SourceSite, Languages: []string{"de", "en"},
			Content: []Content{{
				Kind: Suffix, Path: "content/{slug}.{lang}.md", Paths: map[string]string{"de": "content/{slug}.md"},
				Entries: map[string]int{"de": 4, "en": 1}, Unread: 1,
			}},
		},
	},
	{
		name: "hugo suffix, every language with a suffix",
		tree: fstest.MapFS{
			"hugo.json":          file(`{"defaultContentLanguage": "en", "languages": {"en": {}, "nl": {}}}`),
			"content/a.en.md":    md("A"),
			"content/a.nl.md":    md("A"),
			"content/b.en.md":    md("B"),
			"content/readme.txt": file("x"),
		},
		want: want{
			Source: "en", By: SourceSite, Languages: []string{"en", "nl"},
			Content: []Content{{Kind: Suffix, Path: "content/{slug}.{lang}.md", Entries: map[string]int{"en": 2, "nl": 1}}},
		},
	},
	{
		name: "hugo suffix, a language spelled with an underscore",
		tree: fstest.MapFS{
			"content/a.md":       md("A"),
			"content/a.pt_BR.md": md("A"),
			"content/b.md":       md("B"),
			"content/b.pt_BR.md": md("B"),
		},
		want: want{
			Source: "en", By: SourceDefault, Languages: []string{"en", "pt-BR"},
			Content: []Content{{Kind: Suffix, Path: "content/{slug}.{lang}.md", Paths: map[string]string{"en": "content/{slug}.md"}, Entries: map[string]int{"en": 2, "pt-BR": 2}}},
		},
	},
	{
		name: "hugo suffix, --source names the unsuffixed language",
		tree: fstest.MapFS{
			"content/a.md":    md("A"),
			"content/a.fr.md": md("A"),
			"content/b.md":    md("B"),
			"content/b.fr.md": md("B"),
		},
		opts: Options{Source: "pt"},
		want: want{
			Source: "pt", By: SourceFlag, Languages: []string{"pt", "fr"},
			Content: []Content{{Kind: Suffix, Path: "content/{slug}.{lang}.md", Paths: map[string]string{"pt": "content/{slug}.md"}, Entries: map[string]int{"pt": 2, "fr": 2}}},
		},
	},
	{
		name: "docusaurus in a subfolder, no translations yet",
		tree: fstest.MapFS{
			"website/docusaurus.config.ts": file("const config = {i18n: {defaultLocale: \"ko\", locales: [\"ko\"]}};\n"),
			"website/docs/intro.md":        md("Intro"),
			"website/blog/first.mdx":       md("First"),
		},
		want: want{
			Source: "ko", By: SourceSite, Languages: []string{"ko"},
			Content: []Content{
				{Kind: Docusaurus, Path: "website/i18n/{lang}/docusaurus-plugin-content-docs/current/{slug}.md", Paths: map[string]string{"ko": "website/docs/{slug}.md"}, Entries: map[string]int{"ko": 1}},
				{Kind: Docusaurus, Path: "website/i18n/{lang}/docusaurus-plugin-content-blog/{slug}.mdx", Paths: map[string]string{"ko": "website/blog/{slug}.mdx"}, Entries: map[string]int{"ko": 1}},
			},
		},
	},
	{
		name: "docusaurus without a config file",
		tree: fstest.MapFS{
			"docs/a.md": md("A"),
			"i18n/fr/docusaurus-plugin-content-docs/current/a.md": md("A"),
			"i18n/fr/code.json": file(`{"x": {"message": "y"}}`),
			"i18n/de/code.json": file(`{"x": {"message": "z"}}`),
		},
		want: want{
			Source: "en", By: SourceDefault, Languages: []string{"en", "fr"},
			Content: []Content{{Kind: Docusaurus, Path: "i18n/{lang}/docusaurus-plugin-content-docs/current/{slug}.md", Paths: map[string]string{"en": "docs/{slug}.md"}, Entries: map[string]int{"en": 1, "fr": 1}}},
		},
	},
	{
		name: "catalogs only",
		tree: fstest.MapFS{
			"locales/active.en.json":    file(`{"a": "A", "b": "B"}`),
			"locales/active.ru.json":    file(`{"a": {"hash": "sha1-x", "other": "А"}}`),
			"locales/translate.ru.json": file(`{"b": "B"}`),
			"i18n/en.yaml":              file("a: A\n"),
			"i18n/sv.yaml":              file("a: B\nc: C\n"),
			"config/en.json":            file(`{"a": 1}`),
			"config/de.json":            file(`{"b": 2}`),
			"po/de.po":                  file("msgid \"a\"\nmsgstr \"b\"\n"),
			"po/a.pot":                  file("msgid \"a\"\nmsgstr \"\"\n"),
			"po/b.pot":                  file("msgid \"a\"\nmsgstr \"\"\n"),
			"po/LINGUAS":                file("de\n"),
			"x/fr/LC_MESSAGES/app.po":   file("msgid \"a\"\nmsgstr \"b\"\n"),
			"x/fr/LC_MESSAGES/cli.po":   file("msgid \"a\"\nmsgstr \"b\"\n"),
			"x/app.pot":                 file("msgid \"a\"\nmsgstr \"\"\n"),
			"x/cli.pot":                 file("msgid \"a\"\nmsgstr \"\"\n"),
		},
		want: want{
			Source: "sv", By: SourceCatalog, Languages: []string{"sv", "de", "en", "fr", "ru"},
			Locales: []Locale{
				{Kind: GoI18n, Path: "i18n/{lang}.yaml", SourceBy: SourceMost, Messages: 2, Files: map[string]int{"en": 1, "sv": 1}},
				{Kind: GoI18n, Path: "locales/active.{lang}.json", Source: "en", SourceBy: SourceRecords, Messages: 2, Files: map[string]int{"en": 1, "ru": 1}},
				{Kind: PO, Path: "po/{lang}.po", Source: "en", SourceBy: SourceConvention, Files: map[string]int{"de": 1}},
				{Kind: PO, Path: "x/{lang}/LC_MESSAGES/{domain}.po", Source: "en", SourceBy: SourceConvention, Template: "x/{domain}.pot", Files: map[string]int{"fr": 2}},
			},
		},
	},
	{
		name: "--source names the catalogs' source without entries",
		tree: fstest.MapFS{"po/de.po": file("msgid \"a\"\nmsgstr \"b\"\n")},
		opts: Options{Source: "fr"},
		want: want{
			Source: "fr", By: SourceFlag, Languages: []string{"fr", "de"},
			Locales: []Locale{{Kind: PO, Path: "po/{lang}.po", SourceBy: SourceFlag, Files: map[string]int{"de": 1}}},
		},
	},
	{
		name: "tldr: a folder per language beside the default language's, named by a link",
		tree: fstest.MapFS{
			"pages.en":                    &fstest.MapFile{Mode: fs.ModeSymlink, Data: []byte("pages")},
			"pages/common/tar.md":         md("tar"),
			"pages/linux/mkfs.md":         md("mkfs"),
			"pages/linux/mkfs.fat.md":     md("mkfs.fat"),
			"pages.de/common/tar.md":      md("tar"),
			"pages.pt_BR/linux/mkfs.md":   md("mkfs"),
			"guides/style.md":             md("Style"),
			"guides/style.ko.md":          md("Style"),
			"pages.de/linux/mkfs.fat.md":  md("mkfs.fat"),
			"pages.zh_TW/common/other.md": md("other"),
		},
		want: want{
			Source: "en", By: SourceMost, Languages: []string{"en", "de", "pt-BR"},
			Content: []Content{{
				Kind: FolderSuffix, Path: "pages.{lang}/{slug}.md", Paths: map[string]string{"en": "pages/{slug}.md"},
				Entries: map[string]int{"en": 3, "de": 2, "pt-BR": 1},
			}},
		},
	},
	{
		name: "a name's last dot is not a language on one file",
		tree: fstest.MapFS{
			"pages/mkfs.md":     md("mkfs"),
			"pages/mkfs.fat.md": md("mkfs.fat"),
			"pages/trunk.md":    md("trunk"),
			"pages/trunk.io.md": md("trunk.io"),
			"pages/a.md":        md("a"),
			"pages/a.es.md":     md("a"),
			"pages/b.md":        md("b"),
			"pages/b.es.md":     md("b"),
		},
		want: want{
			Source: "en", By: SourceMost, Languages: []string{"en", "es"},
			Content: []Content{{
				Kind: Suffix, Path: "pages/{slug}.{lang}.md", Paths: map[string]string{"en": "pages/{slug}.md"},
				Entries: map[string]int{"en": 6, "es": 2},
			}},
		},
	},
	{
		name: "a PO repository of one language; module names are not languages",
		tree: fstest.MapFS{
			"about.po":             file(poHeader("es") + "msgid \"a\"\nmsgstr \"b\"\n"),
			"library/ast.po":       file(poHeader("es_AR")),
			"library/io.po":        file(poHeader("io")),
			"library/os.po":        file(poHeader("es")),
			"library/json.po":      file(poHeader("es")),
			"library/functions.po": file(poHeader("es")),
			"tutorial/intro.po":    file(poHeader("es_ES")),
		},
		want: want{
			Source: "en", By: SourceCatalog, Languages: []string{"en", "es"},
			Locales: []Locale{{Kind: PO, Path: "{domain}.po", Lang: "es", SourceBy: SourceConvention, Files: map[string]int{"es": 7}}},
		},
	},
	{
		name: "gnome: po/{lang}.po and help/{lang}/{lang}.po",
		tree: fstest.MapFS{
			"po/POTFILES.in":    file("src/main.c\n"),
			"po/de.po":          file(poHeader("de")),
			"po/sat.po":         file(poHeader("sat")),
			"po/api.po":         file(poHeader("es")),
			"help/C/index.page": file("<page/>\n"),
			"help/de/de.po":     file(poHeader("de")),
			"help/fr/fr.po":     file(poHeader("fr")),
		},
		want: want{
			Source: "en", By: SourceCatalog, Languages: []string{"en", "de", "fr", "sat"},
			Locales: []Locale{
				{Kind: PO, Path: "help/{lang}/{lang}.po", SourceBy: SourceConvention, Files: map[string]int{"de": 1, "fr": 1}},
				{Kind: PO, Path: "po/{lang}.po", SourceBy: SourceConvention, Files: map[string]int{"de": 1, "sat": 1}},
			},
		},
	},
	{
		name: "go-i18n: a tie goes to English; the project's source decides first",
		tree: fstest.MapFS{
			"i18n/be.yaml":     file("a: A\nb: B\n"),
			"i18n/en.yaml":     file("a: A\nb: B\n"),
			"i18n/fr.yaml":     file("a: A\nb: B\n"),
			"i18n/pnb.yaml":    file("a: A\n"),
			"web/lang/de.json": file(`{"a": "A", "b": "B", "c": "C"}`),
			"web/lang/fr.json": file(`{"a": "A"}`),
			"content/fr/x.md":  md("X"),
			"content/fr/y.md":  md("Y"),
			"content/de/x.md":  md("X"),
			"config/en.json":   file(`{"a": 1}`),
			"config/pnb.json":  file(`{"a": 1}`),
		},
		want: want{
			Source: "fr", By: SourceMost, Languages: []string{"fr", "be", "de", "en", "pnb"},
			Content: []Content{{Kind: Folders, Path: "content/{lang}/{slug}.md", Entries: map[string]int{"fr": 2, "de": 1}}},
			Locales: []Locale{
				{Kind: GoI18n, Path: "i18n/{lang}.yaml", SourceBy: SourceProject, Messages: 2, Files: map[string]int{"be": 1, "en": 1, "fr": 1, "pnb": 1}},
				{Kind: GoI18n, Path: "web/lang/{lang}.json", SourceBy: SourceProject, Messages: 1, Files: map[string]int{"de": 1, "fr": 1}},
			},
		},
	},
	{
		name: "docusaurus: docs/ in the one locale without translations",
		tree: fstest.MapFS{
			"docusaurus.config.ts": file("export default {i18n: {defaultLocale: 'en', locales: ['ko', 'en']}};\n"),
			"docs/a.md":            md("A"),
			"docs/b.md":            md("B"),
			"blog/post.md":         md("Post"),
			"i18n/en/docusaurus-plugin-content-docs/current/a.md": md("A"),
		},
		want: want{
			Source: "ko", By: SourceSite, Languages: []string{"ko", "en"},
			Content: []Content{{Kind: Docusaurus, Path: "i18n/{lang}/docusaurus-plugin-content-docs/current/{slug}.md", Paths: map[string]string{"ko": "docs/{slug}.md"}, Entries: map[string]int{"ko": 2, "en": 1}}},
		},
	},
	{
		name: "skipped folders",
		tree: fstest.MapFS{
			"vendor/x/en/a.md":        md("A"),
			"vendor/x/de/a.md":        md("A"),
			"testdata/en/a.md":        md("A"),
			"testdata/de/a.md":        md("A"),
			"node_modules/en/a.md":    md("A"),
			"node_modules/de/a.md":    md("A"),
			".git/en/a.md":            md("A"),
			".git/de/a.md":            md("A"),
			"src/en/.hidden.md":       md("A"),
			"src/de/.hidden.md":       md("A"),
			"locales/.active.en.toml": file("a = \"A\"\n"),
		},
		err: ErrNotFound,
	},
}

func TestDetect(t *testing.T) {
	for _, tt := range detectTests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Detect(tt.tree, tt.opts)
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("Detect: %v, want %v", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got := want{Source: p.Source, By: p.SourceBy.By, Languages: p.Languages, Content: p.Content, Locales: p.Locales}
			// The notes are worded in the testscripts.
			ignore := cmpopts.IgnoreFields(Content{}, "Notes")
			ignoreLoc := cmpopts.IgnoreFields(Locale{}, "Notes", "SourceWhy")
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty(), ignore, ignoreLoc); diff != "" {
				t.Errorf("proposal (-want +got):\n%s", diff)
			}
		})
	}
}

// TestRoundTrip loads every proposal, its comments worded in each of
// glosa's languages, with the configuration loader, and checks that the
// loaded configuration says what the proposal says.
func TestRoundTrip(t *testing.T) {
	for _, tt := range detectTests {
		if tt.err != nil {
			continue
		}
		p, err := Detect(tt.tree, tt.opts)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		for _, tag := range l10n.Supported() {
			text := p.Render(l10n.New(tag))
			cfg, err := config.Parse(config.FileName, text)
			if err != nil {
				t.Errorf("%s (%s): the proposal does not load: %v\n%s", tt.name, tag, err, text)
				continue
			}
			listed := p.Languages
			if !p.ListLanguages {
				listed = nil
			}
			if cfg.Source != p.Source || !cmp.Equal(cfg.Languages, listed, cmpopts.EquateEmpty()) {
				t.Errorf("%s (%s): loaded source %q, languages %v; proposed %q, %v", tt.name, tag, cfg.Source, cfg.Languages, p.Source, p.Languages)
			}
			if len(cfg.Content) != len(p.Content) {
				t.Errorf("%s (%s): %d layouts loaded, %d proposed", tt.name, tag, len(cfg.Content), len(p.Content))
			}
			for i := range min(len(cfg.Content), len(p.Content)) {
				got, want := cfg.Content[i].Patterns, p.Content[i]
				if got.Default != want.Path || !maps.Equal(got.PerLang, want.Paths) {
					t.Errorf("%s (%s): layout %d loads as %q %v, proposed %q %v", tt.name, tag, i, got.Default, got.PerLang, want.Path, want.Paths)
				}
			}
			if len(cfg.Locales) != len(p.Locales) {
				t.Fatalf("%s (%s): %d catalogs loaded, %d proposed", tt.name, tag, len(cfg.Locales), len(p.Locales))
			}
			for i, loc := range cfg.Locales {
				want := p.Locales[i]
				tmpl := ""
				if loc.Template != nil {
					tmpl = loc.Template.Text
				}
				if loc.Pattern.Text != want.Path || loc.Source != want.Source || tmpl != want.Template {
					t.Errorf("%s (%s): catalog %d loads as %q source %q template %q, proposed %+v", tt.name, tag, i, loc.Pattern.Text, loc.Source, tmpl, want)
				}
			}
		}
	}
}

// TestRenderQuotes checks that patterns YAML would read otherwise are
// quoted.
func TestRenderQuotes(t *testing.T) {
	p := &Proposal{
		Source: "en", Languages: []string{"en", "fr"},
		Locales: []Locale{{Kind: PO, Path: "{lang}/LC_MESSAGES/{domain}.po", Template: "{domain}.pot"}},
		Content: []Content{{Kind: Folders, Path: "it's/{lang}/{slug}.md"}},
	}
	cfg, err := config.Parse(config.FileName, p.Render(l10n.New(language.English)))
	if err != nil {
		t.Fatal(err)
	}
	if got := cfg.Locales[0].Pattern.Text; got != "{lang}/LC_MESSAGES/{domain}.po" {
		t.Errorf("catalog path loads as %q", got)
	}
	if got := cfg.Locales[0].Template.Text; got != "{domain}.pot" {
		t.Errorf("template loads as %q", got)
	}
	if got := cfg.Content[0].Patterns.Default; got != "it's/{lang}/{slug}.md" {
		t.Errorf("content path loads as %q", got)
	}
}

func TestWeakCode(t *testing.T) {
	for s, want := range map[string]bool{
		"pnb": true, "sat": true, "mjw": true, "api": true,
		"en": false, "fil": false, "PNB": false, "und": false, "zzzz": false, "x": false, "cn": false,
	} {
		if _, ok := weakCode(s); ok != want {
			t.Errorf("weakCode(%q) = %v, want %v", s, ok, want)
		}
	}
}

// TestSites checks what Detect reads of sites' configurations.
func TestSites(t *testing.T) {
	tree := fstest.MapFS{
		"config.json":                  file(`{"defaultContentLanguage": "fr"}`),
		"tools/config.yaml":            file("defaultContentLanguage: de\n"),
		"site/config.toml":             file("defaultcontentlanguage = 'it'\ncontentDir = 'pages'\n[languages.it]\n[languages.pt]\nlocale = 'pt-BR'\n"),
		"site/pages/a.md":              md("A"),
		"site/layouts/index.html":      file("<html></html>\n"),
		"docs/docusaurus.config.js":    file("module.exports = {i18n: {defaultLocale: 'pt-BR', locales: ['pt-BR', \"en\"]}, plugins: [['@docusaurus/plugin-content-docs', {path: './api/', id: 'api'}], ['@docusaurus/plugin-content-blog', {id: 'news', routeBasePath: 'n', path: 'news'}]]};\n"),
		"web/astro.config.mjs":         file("export default defineConfig({ integrations: [starlight({ defaultLocale: 'root' })] });\n"),
		"web2/astro.config.mjs":        file("export default defineConfig({ i18n: { defaultLocale: \"ja\", locales: [\"ja\", \"en\"] } });\n"),
		"theme/config/_default/x.toml": file("a = 1\n"),
	}
	files, links, err := walk(tree)
	if err != nil {
		t.Fatal(err)
	}
	d := &detector{fsys: tree, files: files, links: links}
	d.sites()
	type row struct {
		Gen, Dir, Def, File, Key, ContentDir string
		Langs                                []string
		Locales, Plugins                     map[string]string
	}
	var got []row
	for _, s := range d.siteList {
		got = append(got, row{s.gen, s.dir, s.def, s.file, s.key, s.contentDir, s.langs, s.locales, s.pluginPaths})
	}
	want := []row{
		{Gen: "docusaurus", Dir: "docs", Def: "pt-BR", File: "docs/docusaurus.config.js", Key: "defaultLocale", Langs: []string{"pt-BR", "en"},
			Plugins: map[string]string{"api": "api", "news": "news"}},
		{Gen: "hugo", Dir: "site", Def: "it", File: "site/config.toml", Key: "defaultContentLanguage", ContentDir: "site/pages",
			Langs: []string{"it", "pt"}, Locales: map[string]string{"pt": "pt-BR"}},
		{Gen: "astro", Dir: "web2", Def: "ja", File: "web2/astro.config.mjs", Key: "defaultLocale", Langs: []string{"ja", "en"}},
	}
	if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("sites (-want +got):\n%s", diff)
	}
}

// TestNotes checks the comments that say what decided.
func TestNotes(t *testing.T) {
	for _, tt := range detectTests {
		if tt.err != nil || !strings.HasPrefix(tt.name, "tldr") {
			continue
		}
		p, err := Detect(tt.tree, tt.opts)
		if err != nil {
			t.Fatal(err)
		}
		text := string(p.Render(l10n.English()))
		if !strings.Contains(text, "\n  # pages/ is en: pages.en is a link to it\n") {
			t.Errorf("%s: no note on the link:\n%s", tt.name, text)
		}
	}
}

// FuzzDetect feeds arbitrary site configurations and PO headers to
// Detect: it must not fail other than with ErrNotFound, and what it
// proposes must load (Detect checks it with the loader).
func FuzzDetect(f *testing.F) {
	f.Add("module.exports = {i18n: {defaultLocale: 'en', locales: ['en', 'fr']}};", "defaultContentLanguage = 'fr'\n[languages.fr]\n[languages.en]\nlocale = 'en-GB'\n", "fr")
	f.Add("defaultLocale: \"x-\", locales: [", "[[[", "pt_BR")
	f.Add("id: 'a' path: '../../x' id: 'b' path: '/'", "languages = 3", "")
	f.Fuzz(func(t *testing.T, js, toml, poLang string) {
		tree := fstest.MapFS{
			"docusaurus.config.js": file(js),
			"astro.config.mjs":     file(js),
			"hugo.toml":            file(toml),
			"docs/a.md":            md("A"),
			"i18n/fr/docusaurus-plugin-content-docs/current/a.md": md("A"),
			"content/a.md":    md("A"),
			"content/a.fr.md": md("A"),
			"po/x.po":         file(poHeader(poLang)),
			"po/y.po":         file(poHeader(poLang)),
		}
		if _, err := Detect(tree, Options{}); err != nil && !errors.Is(err, ErrNotFound) {
			t.Fatal(err)
		}
	})
}

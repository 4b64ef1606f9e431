package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/testtree"
)

// found is an Entry as a scan test compares it.
type found struct {
	Path, Lang, RawLang, Slug string
	Layout                    int
	Err                       string
}

type scanned struct {
	Source    string
	Languages []string
	Entries   []found
}

func scanResult(r *Repo) scanned {
	s := scanned{Source: r.Source, Languages: r.Languages}
	for _, e := range r.Entries {
		f := found{Path: e.Path, Lang: e.Lang, RawLang: e.RawLang, Slug: e.Slug, Layout: e.Layout}
		if e.Err != nil {
			f.Err = e.Err.Error()
		}
		s.Entries = append(s.Entries, f)
	}
	return s
}

const entry = "---\ntitle: T\n---\nBody.\n"

func TestScanLayouts(t *testing.T) {
	tests := []struct {
		name   string
		config string
		files  map[string]string
		want   scanned
	}{{
		name: "Hugo, a folder per language",
		config: `source: en
content:
  - path: content/{lang}/{slug}.md
    exclude: [_index.md]
`,
		files: map[string]string{
			"content/en/llm.md":             entry,
			"content/en/_index.md":          entry,
			"content/en/guides/intro.md":    entry,
			"content/en/clip.md":            entry,
			"content/es/llm.md":             entry,
			"content/es/_index.md":          entry,
			"content/es/clip-modelo.md":     "---\ntitle: T\ntranslationKey: clip\n---\n",
			"content/pt_BR/llm.md":          entry,
			"content/images/logo.md":        entry, // images is not a language
			"content/es/notes.txt":          "not an entry",
			"content/es/.drafts/llm.md":     entry,
			"content/es/.#llm.md":           entry, // an editor's lock file
			"content/node_modules/x/llm.md": entry,
			"README.md":                     "# not content",
		},
		want: scanned{Source: "en", Languages: []string{"en", "es", "pt-BR"}, Entries: []found{
			{Path: "content/en/clip.md", Lang: "en", RawLang: "en", Slug: "clip"},
			{Path: "content/en/guides/intro.md", Lang: "en", RawLang: "en", Slug: "guides/intro"},
			{Path: "content/en/llm.md", Lang: "en", RawLang: "en", Slug: "llm"},
			{Path: "content/es/clip-modelo.md", Lang: "es", RawLang: "es", Slug: "clip"},
			{Path: "content/es/llm.md", Lang: "es", RawLang: "es", Slug: "llm"},
			{Path: "content/pt_BR/llm.md", Lang: "pt-BR", RawLang: "pt_BR", Slug: "llm"},
		}},
	}, {
		name: "Hugo, the language in the file name",
		config: `source: en
languages: [en, es, pt-BR]
content:
  - path: content/{slug}.{lang}.md
    paths: {en: 'content/{slug}.md'}
    exclude: ['_index*.md']
`,
		files: map[string]string{
			"content/llm.md":          entry,
			"content/llm.es.md":       entry,
			"content/llm.pt-br.md":    entry,
			"content/how.to.md":       entry, // "to" is Tongan, not a project language
			"content/how.to.es.md":    entry,
			"content/_index.md":       entry,
			"content/_index.es.md":    entry,
			"content/posts/a.b.es.md": entry,
		},
		want: scanned{Source: "en", Languages: []string{"en", "es", "pt-BR"}, Entries: []found{
			{Path: "content/how.to.es.md", Lang: "es", RawLang: "es", Slug: "how.to"},
			{Path: "content/how.to.md", Lang: "en", RawLang: "en", Slug: "how.to"},
			{Path: "content/llm.es.md", Lang: "es", RawLang: "es", Slug: "llm"},
			{Path: "content/llm.md", Lang: "en", RawLang: "en", Slug: "llm"},
			{Path: "content/llm.pt-br.md", Lang: "pt-BR", RawLang: "pt-br", Slug: "llm"},
			{Path: "content/posts/a.b.es.md", Lang: "es", RawLang: "es", Slug: "posts/a.b"},
		}},
	}, {
		name: "Docusaurus",
		config: `source: en
content:
  - path: i18n/{lang}/docusaurus-plugin-content-docs/current/{slug}.md
    paths: {en: 'docs/{slug}.md'}
`,
		files: map[string]string{
			"docs/intro.md":        entry,
			"docs/guides/setup.md": entry,
			"i18n/es/docusaurus-plugin-content-docs/current/intro.md":        entry,
			"i18n/fr/docusaurus-plugin-content-docs/current/guides/setup.md": entry,
			"i18n/es/docusaurus-theme-classic/navbar.json":                   "{}",
			"i18n/es/docusaurus-plugin-content-blog/post.md":                 entry,
		},
		want: scanned{Source: "en", Languages: []string{"en", "es", "fr"}, Entries: []found{
			{Path: "docs/guides/setup.md", Lang: "en", RawLang: "en", Slug: "guides/setup"},
			{Path: "docs/intro.md", Lang: "en", RawLang: "en", Slug: "intro"},
			{Path: "i18n/es/docusaurus-plugin-content-docs/current/intro.md", Lang: "es", RawLang: "es", Slug: "intro"},
			{Path: "i18n/fr/docusaurus-plugin-content-docs/current/guides/setup.md", Lang: "fr", RawLang: "fr", Slug: "guides/setup"},
		}},
	}, {
		name: "tldr-pages",
		config: `source: en
content:
  - path: pages.{lang}/{slug}.md
    paths: {en: 'pages/{slug}.md'}
`,
		files: map[string]string{
			"pages/common/tar.md":       entry,
			"pages/linux/apt.md":        entry,
			"pages.es/common/tar.md":    entry,
			"pages.pt_BR/common/tar.md": entry,
			"pages.zh/linux/apt.md":     entry,
			"README.md":                 "# tldr",
			".github/pages/x.md":        entry,
			"contributing-guides/x.md":  entry,
		},
		want: scanned{Source: "en", Languages: []string{"en", "es", "pt-BR", "zh"}, Entries: []found{
			{Path: "pages.es/common/tar.md", Lang: "es", RawLang: "es", Slug: "common/tar"},
			{Path: "pages.pt_BR/common/tar.md", Lang: "pt-BR", RawLang: "pt_BR", Slug: "common/tar"},
			{Path: "pages.zh/linux/apt.md", Lang: "zh", RawLang: "zh", Slug: "linux/apt"},
			{Path: "pages/common/tar.md", Lang: "en", RawLang: "en", Slug: "common/tar"},
			{Path: "pages/linux/apt.md", Lang: "en", RawLang: "en", Slug: "linux/apt"},
		}},
	}, {
		name: "MDN",
		config: `source: en-US
content:
  - path: files/{lang}/{slug}/index.md
`,
		files: map[string]string{
			"files/en-us/web/html/index.md":     entry,
			"files/en-us/web/css/index.md":      entry,
			"files/es/web/html/index.md":        entry,
			"files/pt-br/web/html/index.md":     entry,
			"files/en-us/web/html/example.html": "<p>",
			"files/jsondata/index.md":           entry,
		},
		want: scanned{Source: "en-US", Languages: []string{"en-US", "es", "pt-BR"}, Entries: []found{
			{Path: "files/en-us/web/css/index.md", Lang: "en-US", RawLang: "en-us", Slug: "web/css"},
			{Path: "files/en-us/web/html/index.md", Lang: "en-US", RawLang: "en-us", Slug: "web/html"},
			{Path: "files/es/web/html/index.md", Lang: "es", RawLang: "es", Slug: "web/html"},
			{Path: "files/pt-br/web/html/index.md", Lang: "pt-BR", RawLang: "pt-br", Slug: "web/html"},
		}},
	}, {
		name:   "no configuration: the source is the language with the most entries",
		config: "",
		files: map[string]string{
			"content/it/a.md": entry, "content/it/b.md": entry,
			"content/es/a.md": entry,
		},
		want: scanned{Source: "it", Languages: []string{"it", "es"}, Entries: []found{
			{Path: "content/es/a.md", Lang: "es", RawLang: "es", Slug: "a"},
			{Path: "content/it/a.md", Lang: "it", RawLang: "it", Slug: "a"},
			{Path: "content/it/b.md", Lang: "it", RawLang: "it", Slug: "b"},
		}},
	}, {
		name: "configured languages: others are not scanned, the order is kept",
		config: `source: it
languages: [it, es, en]
`,
		files: map[string]string{
			"content/it/a.md": entry, "content/en/a.md": entry, "content/fr/a.md": entry,
		},
		want: scanned{Source: "it", Languages: []string{"it", "es", "en"}, Entries: []found{
			{Path: "content/en/a.md", Lang: "en", RawLang: "en", Slug: "a"},
			{Path: "content/it/a.md", Lang: "it", RawLang: "it", Slug: "a"},
		}},
	}, {
		name: "two layouts",
		config: `source: en
content:
  - path: content/{lang}/{slug}.md
  - path: docs/{lang}/{slug}.md
`,
		files: map[string]string{"content/en/a.md": entry, "docs/en/a.md": entry, "docs/es/a.md": entry},
		want: scanned{Source: "en", Languages: []string{"en", "es"}, Entries: []found{
			{Path: "content/en/a.md", Lang: "en", RawLang: "en", Slug: "a"},
			{Path: "docs/en/a.md", Lang: "en", RawLang: "en", Slug: "a", Layout: 1},
			{Path: "docs/es/a.md", Lang: "es", RawLang: "es", Slug: "a", Layout: 1},
		}},
	}, {
		name:   "no content folder",
		config: "source: en\n",
		files:  map[string]string{"README.md": "# x"},
		want:   scanned{Source: "en", Languages: []string{"en"}},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			testtree.Write(t, root, tt.files)
			cfg, err := config.Parse("glosa.yaml", []byte(tt.config))
			if err != nil {
				t.Fatal(err)
			}
			r, err := Scan(root, cfg)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, scanResult(r)); diff != "" {
				t.Errorf("Scan mismatch (-want +got):\n%s", diff)
			}
			// PathFor finds every entry where it is.
			for _, e := range r.Entries {
				if p := r.PathFor(e.Layout, e.Lang, e.Slug); p != e.Path && e.Doc.Lookup("translationKey") == nil {
					t.Errorf("PathFor(%s, %s) = %s, want %s", e.Lang, e.Slug, p, e.Path)
				}
			}
		})
	}
}

func TestScanProblems(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	testtree.Write(t, outside, map[string]string{"secret.md": entry})
	testtree.Write(t, root, map[string]string{
		"content/en/llm.md":      entry,
		"content/es/broken.md":   "---\ntitle: a\ncategory: b: c\n---\n",
		"content/es/unclosed.md": "---\ntitle: a\n",
		"content/es/badkey.md":   "---\ntitle: a\ntranslationKey: ../../etc\n---\n",
		"content/es/record.md":   "---\ntranslation: done\n---\n",
		"content/es/draft.md":    "---\ndraft: True\n---\n",
		"content/es/notdraft.md": "---\ndraft: maybe\n---\n",
		"content/es/stamped.md":  "---\ntranslation:\n  source: IT\n  hash: sha256-0123456789abcdef\n---\n",
	})
	symlink := func(target, name string) {
		t.Helper()
		if err := os.Symlink(target, filepath.Join(root, filepath.FromSlash(name))); err != nil {
			t.Skipf("symlinks: %v", err)
		}
	}
	symlink(filepath.Join(outside, "secret.md"), "content/es/outside.md")
	symlink("llm.md", "content/en/alias.md")
	symlink("nowhere.md", "content/es/dangling.md")
	symlink("loop2.md", "content/es/loop1.md")
	symlink("loop1.md", "content/es/loop2.md")
	symlink("..", "content/es/up") // a folder loop: never followed

	cfg, err := config.Parse("glosa.yaml", []byte("source: en\n"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := Scan(root, cfg)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, e := range r.Entries {
		msg := ""
		if e.Err != nil {
			msg = e.Err.Error()
		}
		got[e.Path] = msg
	}
	want := map[string]string{
		"content/en/alias.md":    "",
		"content/en/llm.md":      "",
		"content/es/badkey.md":   "content/es/badkey.md:3:17: translationKey must be a slug, e.g. translationKey: llm",
		"content/es/broken.md":   `content/es/broken.md:3:12: front matter: mapping values are not allowed in this context; a value that contains ": " must be quoted`,
		"content/es/dangling.md": "content/es/dangling.md: broken symlink: the file it points to does not exist",
		"content/es/draft.md":    "",
		"content/es/loop1.md":    "content/es/loop1.md: broken symlink: it is part of a loop of symlinks",
		"content/es/loop2.md":    "content/es/loop2.md: broken symlink: it is part of a loop of symlinks",
		"content/es/notdraft.md": "",
		"content/es/outside.md":  "content/es/outside.md: symlink points outside the repository",
		"content/es/record.md":   "content/es/record.md:2:14: translation record must be a mapping with source and hash",
		"content/es/stamped.md":  "",
		"content/es/unclosed.md": "content/es/unclosed.md:1:1: front matter opened with --- is never closed",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Scan mismatch (-want +got):\n%s", diff)
	}
	byPath := map[string]*Entry{}
	for _, e := range r.Entries {
		byPath[e.Path] = e
	}
	if !byPath["content/es/draft.md"].Draft || byPath["content/es/notdraft.md"].Draft {
		t.Error("draft: True is a draft, draft: maybe is not")
	}
	if rec := byPath["content/es/stamped.md"].Record; rec == nil || rec.Source != "it" {
		t.Errorf("the record's source is not canonical: %+v", rec)
	}
}

// TestScanFolders checks what the scan reports besides entries: a folder
// linked outside the repository (in the language its pattern gives), a
// file name with a line break, and atomicfile's temporary files; a folder
// linked inside the repository is no problem.
func TestScanFolders(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	testtree.Write(t, outside, map[string]string{"llm.md": entry})
	testtree.Write(t, root, map[string]string{
		"content/en/llm.md":              entry,
		"content/en/a\nb.md":             entry,
		"content/es/.llm.md.glosa-12345": entry,
		"content/es/.llm.md.glosa-x":     entry,
		"content/es/llm.md":              entry,
	})
	for target, name := range map[string]string{outside: "content/it", "..": "content/es/up"} {
		if err := os.Symlink(target, filepath.Join(root, filepath.FromSlash(name))); err != nil {
			t.Skipf("symlinks: %v", err)
		}
	}
	cfg, err := config.Parse("glosa.yaml", []byte("source: en\nlanguages: [en, es, it]\n"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := Scan(root, cfg)
	if err != nil {
		t.Fatal(err)
	}
	want := []FolderError{{Path: "content/it", Lang: "it", Err: &l10n.Error{Text: l10n.Msg("err.folderOutside")}}}
	if diff := cmp.Diff(want, r.Folders); diff != "" {
		t.Errorf("Folders (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"content/en/a\nb.md"}, r.Unnamed); diff != "" {
		t.Errorf("Unnamed (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"content/es/.llm.md.glosa-12345"}, r.Temps); diff != "" {
		t.Errorf("Temps (-want +got):\n%s", diff)
	}
}

func TestScanUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads a file whatever its mode")
	}
	root := t.TempDir()
	testtree.Write(t, root, map[string]string{"content/en/llm.md": entry, "content/es/llm.md": entry})
	locked := filepath.Join(root, "content", "es", "llm.md")
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(locked, 0o644) })
	cfg, err := config.Parse("glosa.yaml", []byte("source: en\n"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := Scan(root, cfg)
	if err != nil {
		t.Fatal(err)
	}
	want := []found{
		{Path: "content/en/llm.md", Lang: "en", RawLang: "en", Slug: "llm"},
		{Path: "content/es/llm.md", Lang: "es", RawLang: "es", Slug: "llm", Err: "content/es/llm.md: cannot read: permission denied"},
	}
	if diff := cmp.Diff(want, scanResult(r).Entries); diff != "" {
		t.Errorf("Scan mismatch (-want +got):\n%s", diff)
	}

	// A folder that cannot be read hides its files: they are not missing.
	testtree.Write(t, root, map[string]string{"content/it/llm.md": entry})
	folder := filepath.Join(root, "content", "it")
	if err := os.Chmod(folder, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(folder, 0o755) })
	if r, err = Scan(root, cfg); err != nil {
		t.Fatal(err)
	}
	wantFolders := []FolderError{{Path: "content/it", Lang: "en", Err: &l10n.Error{Text: l10n.Msg("err.folderUnreadable", "Error", "permission denied")}}}
	if diff := cmp.Diff(wantFolders, r.Folders); diff != "" {
		t.Errorf("Folders (-want +got):\n%s", diff)
	}
}

// BenchmarkScan scans a generated repository of 2,000 entries in three
// languages. Its timing is for people; no test depends on it.
func BenchmarkScan(b *testing.B) {
	root := b.TempDir()
	body := strings.Repeat("A paragraph of the body, long enough to be parsed. [1]\n\n", 20)
	for i := 0; i < 2000; i++ {
		for _, code := range []string{"it", "es", "en"} {
			p := filepath.Join(root, "content", code, "section"+string(rune('a'+i%10)), "entry"+itoa(i)+".md")
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				b.Fatal(err)
			}
			data := "---\ntitle: Entry " + itoa(i) + "\ncategory: Basics\nsources:\n  - text: A source\n    url: https://example.com/" + code + "/\nrelated: [entry" + itoa(i+1) + "]\n---\n\n" + body
			if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
				b.Fatal(err)
			}
		}
	}
	cfg, err := config.Parse("glosa.yaml", []byte(sampleConfig))
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r, err := Scan(root, cfg)
		if err != nil {
			b.Fatal(err)
		}
		if len(r.Entries) != 6000 {
			b.Fatalf("%d entries, want 6000", len(r.Entries))
		}
	}
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b []byte
	for ; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	return string(b)
}

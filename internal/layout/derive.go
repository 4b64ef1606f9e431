package layout

import (
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/glosa/glosa/internal/l10n"
)

// HasSite reports whether the tree has a static-site generator's
// configuration at its root or in a folder of the root (a Docusaurus site
// in website/): a repository that glosa can read without a glosa.yaml.
func HasSite(fsys fs.FS) bool {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return false
	}
	folders := []string{""}
	for _, e := range entries {
		if e.IsDir() && !strings.HasPrefix(e.Name(), ".") && e.Name() != "node_modules" {
			folders = append(folders, e.Name())
		}
	}
	for _, dir := range folders {
		sub := map[string]bool{}
		if list, err := fs.ReadDir(fsys, join(dir, ".")); err == nil {
			for _, e := range list {
				if e.IsDir() {
					sub[join(dir, e.Name())] = true
				}
			}
		}
		names := append(append([]string{"docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs", "docusaurus.config.cjs",
			"astro.config.mjs", "astro.config.js", "astro.config.ts", "astro.config.mts", "astro.config.cjs"}, hugoConfigs...), hugoLanguageFiles...)
		for _, name := range names {
			p := join(dir, name)
			fi, err := fs.Stat(fsys, p)
			if err != nil || !fi.Mode().IsRegular() {
				continue
			}
			if strings.HasPrefix(name, "config.") {
				if _, ok := hugoRoot(p, sub); !ok {
					continue
				}
			}
			return true
		}
	}
	return false
}

// FromSite proposes the configuration of a tree without glosa.yaml from
// its sites' configurations, as glosa init would: the text glosa reads
// (without the counts, which change with every file) and what was read.
// It returns a site's error when one says what glosa cannot read (a
// computed locales), and ErrNotFound when the tree holds no layout.
func FromSite(fsys fs.FS) ([]byte, []Site, error) {
	p, err := Detect(fsys, Options{})
	if err != nil {
		return nil, nil, err
	}
	var errs []error
	for _, s := range p.Sites {
		if s.Err != nil {
			errs = append(errs, s.Err)
		}
	}
	if len(errs) > 0 {
		return nil, p.Sites, errors.Join(errs...)
	}
	q := *p
	q.Content = make([]Content, len(p.Content))
	for i, c := range p.Content {
		c.Entries, c.Unread = nil, 0
		q.Content[i] = c
	}
	q.Locales = make([]Locale, len(p.Locales))
	for i, loc := range p.Locales {
		loc.Files = nil
		q.Locales[i] = loc
	}
	return q.Render(l10n.English()), p.Sites, nil
}

// Said words what a run without glosa.yaml read of the sites: per site
// its file, its default language and the key that said it, its languages
// and the catalog spellings of them.
func Said(sites []Site) l10n.Text {
	var parts []l10n.Text
	for _, s := range sites {
		if s.File == "" || s.Err != nil {
			continue
		}
		key := l10n.Raw(s.Key)
		if s.Key == "" {
			// The generator's own default: the configuration names none.
			key = l10n.Msg("site.default." + s.Gen)
		}
		langs := slices.Clone(s.Languages)
		for i, code := range langs {
			for _, a := range sortedKeys(s.Aliases) {
				if s.Aliases[a] == code {
					langs[i] += " (" + a + ")"
				}
			}
		}
		if len(langs) == 0 {
			langs = []string{s.Default}
		}
		parts = append(parts, l10n.Msg("site.read", "File", path.Clean(s.File), "Key", key, "Lang", s.Default,
			"Langs", strings.Join(langs, ", ")))
	}
	return l10n.Msg("site.said", "Sites", parts)
}

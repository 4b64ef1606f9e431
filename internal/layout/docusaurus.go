package layout

import (
	"path"
	"slices"
	"strings"

	"github.com/glosa/glosa/internal/l10n"
)

// docusaurusPlugin is a Docusaurus content plugin: its folder under
// i18n/{lang}/ and the default locale's folder, each ending where the slug
// starts (versioned docs: i18n/{lang}/docusaurus-plugin-content-docs/
// version-{slug}.md beside versioned_docs/version-{slug}.md, the slug
// starting with the version).
type docusaurusPlugin struct{ i18n, source string }

// docusaurusPlugins returns the content plugins of a Docusaurus site: docs
// (current and versioned), blog and pages, and every other instance of the
// docs and blog plugins whose folder appears under i18n/{lang}/
// (docusaurus-plugin-content-docs-community), read from the instance's
// path in the configuration, else the folder named by its id.
func (d *detector) docusaurusPlugins(dir string, s *site) []docusaurusPlugin {
	out := []docusaurusPlugin{
		{"docusaurus-plugin-content-docs/current/", "docs/"},
		{"docusaurus-plugin-content-docs/version-", "versioned_docs/version-"},
		{"docusaurus-plugin-content-blog/", "blog/"},
		{"docusaurus-plugin-content-pages/", "src/pages/"},
	}
	i18n := join(dir, "i18n") + "/"
	var ids []string
	for _, p := range d.files {
		rest, ok := strings.CutPrefix(p, i18n)
		if !ok {
			continue
		}
		segs := strings.Split(rest, "/")
		if len(segs) < 3 || !isCode(segs[0]) {
			continue
		}
		for _, kind := range []string{"docs", "blog"} {
			if id, ok := strings.CutPrefix(segs[1], "docusaurus-plugin-content-"+kind+"-"); ok && id != "" {
				if !slices.Contains(ids, kind+"/"+id) {
					ids = append(ids, kind+"/"+id)
				}
			}
		}
	}
	slices.Sort(ids)
	for _, ki := range ids {
		kind, id, _ := strings.Cut(ki, "/")
		folder := id
		if s != nil && s.pluginPaths[id] != "" {
			folder = s.pluginPaths[id]
		}
		plugin := "docusaurus-plugin-content-" + kind + "-" + id
		if kind == "docs" {
			out = append(out,
				docusaurusPlugin{plugin + "/current/", folder + "/"},
				docusaurusPlugin{plugin + "/version-", id + "_versioned_docs/version-"})
			continue
		}
		out = append(out, docusaurusPlugin{plugin + "/", folder + "/"})
	}
	return out
}

// docusaurus finds Docusaurus sites: a docusaurus.config.* file, or an
// i18n/{lang}/docusaurus-plugin-content-* folder, marks the site's folder.
// The default locale's files are in docs/ (blog/, src/pages/,
// versioned_docs/), the others' under i18n/{lang}/; .md and .mdx files
// are separate layouts, as a pattern names one extension. A plugin none of
// whose files is translated is left out, with a note, when others are
// translated (a site translating its docs and not its blog).
func (d *detector) docusaurus() {
	sites := map[string]*site{}
	for _, s := range d.siteList {
		if s.gen == "docusaurus" {
			sites[s.dir] = s
		}
	}
	for _, p := range d.files {
		segs := strings.Split(p, "/")
		for i := 0; i+2 < len(segs); i++ {
			if segs[i] == "i18n" && strings.HasPrefix(segs[i+2], "docusaurus-plugin-content-") && isCode(segs[i+1]) {
				site := strings.Join(segs[:i], "/")
				if _, ok := sites[site]; !ok {
					sites[site] = nil
				}
			}
		}
	}
	for _, dir := range sortedKeys(sites) {
		s := sites[dir]
		def, why, note := d.docsLanguage(dir, s)
		i18n := join(dir, "i18n") + "/"
		d.noCatalogs = append(d.noCatalogs, i18n)
		type found struct {
			c          Content
			refs       []ref
			translated bool
		}
		var layouts []found
		translated := false
		for _, plugin := range d.docusaurusPlugins(dir, s) {
			for _, ext := range []string{".md", ".mdx"} {
				src := join(dir, plugin.source)
				var f found
				for _, p := range d.files {
					if d.claimed[p] || path.Ext(p) != ext {
						continue
					}
					if rest, ok := strings.CutPrefix(p, src); ok {
						f.refs = append(f.refs, ref{path: p, lang: def, slug: strings.TrimSuffix(rest, ext)})
						continue
					}
					rest, ok := strings.CutPrefix(p, i18n)
					if !ok {
						continue
					}
					raw, rest, _ := strings.Cut(rest, "/")
					code, ok := Code(raw)
					if !ok {
						continue
					}
					if rest, ok := strings.CutPrefix(rest, plugin.i18n); ok {
						f.refs = append(f.refs, ref{path: p, lang: code, slug: strings.TrimSuffix(rest, ext)})
						f.translated = f.translated || code != def
					}
				}
				if len(f.refs) == 0 {
					continue
				}
				f.c = Content{
					Kind:  Docusaurus,
					Path:  join(dir, "i18n", "{lang}", plugin.i18n+"{slug}"+ext),
					Paths: map[string]string{def: join(dir, plugin.source+"{slug}"+ext)},
				}
				translated = translated || f.translated
				layouts = append(layouts, f)
			}
		}
		var left []string
		for _, f := range layouts {
			if translated && !f.translated {
				left = append(left, f.c.Paths[def])
				continue
			}
			if !note.IsZero() {
				f.c.Notes = append(f.c.Notes, note)
			}
			d.add(f.c, def, f.refs)
			if !why.IsZero() {
				d.content[len(d.content)-1].def = def
				d.content[len(d.content)-1].defWhy = why
			}
		}
		if len(left) > 0 {
			d.notes = append(d.notes, l10n.Msg("init.noteUntranslated", "Paths", strings.Join(left, ", ")))
		}
	}
}

// docsLanguage returns the language of a Docusaurus site's docs/, what
// said it, and a note for the layouts when it is not the default locale: the configuration's defaultLocale (else --source's, else
// Docusaurus's default, en). But when the default locale has translations
// of its own under i18n/{defaultLocale}/, docs/ is not in it: it is in
// the one locale the configuration lists that has none (a site written in
// Chinese in docs/, whose English pages are i18n/en/ while en is the
// default locale).
func (d *detector) docsLanguage(dir string, s *site) (lang string, why, note l10n.Text) {
	def, why := "en", l10n.Text{}
	switch {
	case s != nil && s.def != "":
		def, why = s.def, s.why()
	case d.opts.Source != "":
		def = d.opts.Source
	}
	if s == nil || len(s.langs) < 2 {
		return def, why, l10n.Text{}
	}
	i18n := join(dir, "i18n") + "/"
	translated := map[string]bool{}
	for _, p := range d.files {
		if _, ok := markdown(p); !ok {
			continue
		}
		rest, ok := strings.CutPrefix(p, i18n)
		if !ok {
			continue
		}
		raw, rest, _ := strings.Cut(rest, "/")
		if code, ok := Code(raw); ok && strings.HasPrefix(rest, "docusaurus-plugin-content-") {
			translated[code] = true
		}
	}
	if !translated[def] {
		return def, why, l10n.Text{}
	}
	others := filter(s.langs, func(c string) bool { return c != def && !translated[c] })
	if len(others) != 1 {
		return def, why, l10n.Text{}
	}
	docs := join(dir, "docs")
	return others[0],
		l10n.Msg("init.whyDocsLocale", "Lang", others[0], "Default", def, "File", s.file, "Dir", docs),
		l10n.Msg("init.noteDocsLocale", "Lang", others[0], "Default", def, "Dir", docs, "I18n", join(dir, "i18n", def))
}

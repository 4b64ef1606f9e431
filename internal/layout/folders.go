package layout

import (
	"path"
	"slices"
	"strings"

	"github.com/glosa/glosa/internal/l10n"
)

// folders finds {dir}/{lang}/{slug}.md and {dir}/{lang}/{slug}/index.md:
// the first folder of a path that is a language code starts the slug.
func (d *detector) folders() {
	type key struct{ dir, ext string }
	groups := map[key][]ref{}
	var keys []key
	for _, p := range d.files {
		ext, ok := markdown(p)
		if !ok || d.claimed[p] {
			continue
		}
		segs := strings.Split(p, "/")
		for i := 0; i < len(segs)-1; i++ {
			code, ok := Code(segs[i])
			if !ok {
				continue
			}
			k := key{strings.Join(segs[:i], "/"), ext}
			if _, seen := groups[k]; !seen {
				keys = append(keys, k)
			}
			rest := strings.Join(segs[i+1:], "/")
			groups[k] = append(groups[k], ref{path: p, lang: code, slug: strings.TrimSuffix(rest, ext)})
			break
		}
	}
	for _, k := range keys {
		refs := d.shared(groups[k])
		if len(languagesOf(refs)) < 2 {
			continue
		}
		// MDN and page bundles: every entry is a folder's index.md.
		index := true
		for _, r := range refs {
			if path.Base(r.slug) != "index" || !strings.Contains(r.slug, "/") {
				index = false
				break
			}
		}
		c := Content{Kind: Folders, Path: join(k.dir, "{lang}", "{slug}"+k.ext)}
		if index {
			c = Content{Kind: MDN, Path: join(k.dir, "{lang}", "{slug}", "index"+k.ext)}
		}
		d.add(c, "", refs)
	}
}

// folderSuffix finds a folder per language named {dir}.{lang}, beside
// {dir} for the language kept apart: tldr-pages' pages.fr/ and pages/,
// Hugo's contentDir per language (content.en/, content.zh/). The folder
// names are checked as strictly as other folder names, and a language
// needs an entry shared with another one.
func (d *detector) folderSuffix() {
	type key struct{ parent, name, ext string }
	groups := map[key][]ref{}
	var keys []key
	for _, p := range d.files {
		ext, ok := markdown(p)
		if !ok || d.claimed[p] {
			continue
		}
		segs := strings.Split(p, "/")
		for i := 0; i < len(segs)-1; i++ {
			dot := strings.LastIndexByte(segs[i], '.')
			if dot <= 0 {
				continue
			}
			code, ok := Code(segs[i][dot+1:])
			if !ok {
				continue
			}
			k := key{strings.Join(segs[:i], "/"), segs[i][:dot], ext}
			if _, seen := groups[k]; !seen {
				keys = append(keys, k)
			}
			rest := strings.Join(segs[i+1:], "/")
			groups[k] = append(groups[k], ref{path: p, lang: code, slug: strings.TrimSuffix(rest, ext)})
			break
		}
	}
	for _, k := range keys {
		plainDir := join(k.parent, k.name)
		own, note := d.folderLanguage(k.parent, k.name)
		refs := slices.Clone(groups[k])
		for _, p := range d.files {
			rest, ok := strings.CutPrefix(p, plainDir+"/")
			if !ok || d.claimed[p] || path.Ext(p) != k.ext {
				continue
			}
			refs = append(refs, ref{path: p, lang: own, slug: strings.TrimSuffix(rest, k.ext), plain: true})
		}
		refs = d.shared(refs)
		if len(languagesOf(refs)) < 2 {
			continue
		}
		c := Content{Kind: FolderSuffix, Path: join(k.parent, k.name+".{lang}", "{slug}"+k.ext)}
		ownLang := ""
		if slices.ContainsFunc(refs, func(r ref) bool { return r.plain }) {
			c.Paths = map[string]string{own: join(plainDir, "{slug}"+k.ext)}
			ownLang = own
			if !note.IsZero() {
				c.Notes = append(c.Notes, note)
			}
		}
		d.add(c, ownLang, refs)
	}
}

// folderLanguage returns the language of the folder name kept apart
// beside name.{lang} folders, with what said it: a link name.{lang} to it
// (tldr-pages' pages.en → pages), a Hugo language whose contentDir it is,
// else the default language of the site serving it, --source's or
// English.
func (d *detector) folderLanguage(parent, name string) (string, l10n.Text) {
	dir := join(parent, name)
	for _, link := range sortedKeys(d.links) {
		lp, ln := path.Split(link)
		if strings.TrimSuffix(lp, "/") != parent || d.links[link] != dir || !strings.HasPrefix(ln, name+".") {
			continue
		}
		if code, ok := Code(strings.TrimPrefix(ln, name+".")); ok {
			return code, l10n.Msg("init.noteLink", "Dir", dir, "Lang", code, "Link", link)
		}
	}
	for _, s := range d.siteList {
		for _, code := range sortedKeys(s.contentDirs) {
			if s.contentDirs[code] == dir {
				return code, l10n.Text{}
			}
		}
	}
	return d.defaultLanguage(dir + "/x"), l10n.Text{}
}

// suffix finds {dir}/{slug}.{lang}.md beside {dir}/{slug}.md, the default
// language's files: in a Hugo site's content folder, else in a top-level
// folder. Files at the root are left out: README.md and README.es.md would
// make every Markdown file of the repository an entry.
//
// A name's last dot is weak evidence of a language (mkfs.fat.md is not
// Fanti, trunk.io.md not Ido), so a language must be listed by the Hugo
// site serving the folder when it lists any (Hugo reads no other), or
// else have at least two files and one in a hundred of the folder's
// largest language's.
func (d *detector) suffix() {
	type key struct{ dir, ext string }
	suffixed := map[key][]ref{}
	plain := map[key][]ref{}
	var keys []key
	for _, p := range d.files {
		ext, ok := markdown(p)
		if !ok || d.claimed[p] {
			continue
		}
		var dir, rest string
		if s := d.siteOf(p); s != nil && s.gen == "hugo" {
			dir = s.contentDir
			for _, cd := range s.contentDirs {
				if strings.HasPrefix(p, cd+"/") && len(cd) > len(dir) {
					dir = cd
				}
			}
			rest = strings.TrimPrefix(p, dir+"/")
		} else {
			dir, rest, ok = strings.Cut(p, "/")
			if !ok {
				continue
			}
		}
		k := key{dir, ext}
		stem := strings.TrimSuffix(rest, ext)
		base := path.Base(stem)
		if i := strings.LastIndexByte(base, '.'); i > 0 {
			if code, ok := Code(base[i+1:]); ok {
				if _, seen := suffixed[k]; !seen {
					keys = append(keys, k)
				}
				suffixed[k] = append(suffixed[k], ref{path: p, lang: code, slug: stem[:len(stem)-len(base)+i]})
				continue
			}
		}
		plain[k] = append(plain[k], ref{path: p, slug: stem, plain: true})
	}
	for _, k := range keys {
		def := d.defaultLanguage(k.dir + "/x")
		refs := slices.Clone(suffixed[k])
		for _, r := range plain[k] {
			r.lang = def
			refs = append(refs, r)
		}
		refs = d.suffixEvidence(d.siteOf(k.dir+"/x"), def, d.shared(refs))
		if len(languagesOf(refs)) < 2 {
			continue
		}
		c := Content{Kind: Suffix, Path: join(k.dir, "{slug}.{lang}"+k.ext)}
		own := ""
		for _, r := range refs {
			if r.plain {
				// A file of the default language without a suffix: the
				// language needs a pattern of its own.
				c.Paths = map[string]string{def: join(k.dir, "{slug}"+k.ext)}
				own = def
				break
			}
		}
		d.add(c, own, refs)
	}
}

// suffixEvidence keeps the refs of the languages a file-name suffix may
// name: those the serving site lists when it lists any, else those with
// at least two files and one in a hundred of the largest language's. A
// file whose suffix is not taken is not an entry of the layout: its whole
// name is a slug of the default language, which the refs kept already
// hold when it shares one.
func (d *detector) suffixEvidence(s *site, def string, refs []ref) []ref {
	count := map[string]int{}
	for _, r := range refs {
		count[r.lang]++
	}
	most := 0
	for _, n := range count {
		most = max(most, n)
	}
	keep := func(r ref) bool {
		switch {
		case r.plain || r.lang == def && s != nil && len(s.langs) > 0:
			return true
		case s != nil && len(s.langs) > 0:
			return slices.Contains(s.langs, r.lang)
		}
		return count[r.lang] >= 2 && count[r.lang]*100 >= most
	}
	var out []ref
	for _, r := range refs {
		if keep(r) {
			out = append(out, r)
		}
	}
	return out
}

// starlight finds the pages of a Starlight site whose locales the
// configuration lists: src/content/docs/{lang}/ for each locale named by
// its folder, and src/content/docs/ itself for the root locale, whose
// language then has a pattern of its own. Only the listed locales'
// folders are languages there.
func (d *detector) starlight() {
	for _, s := range d.siteList {
		if s.gen != "astro" || len(s.dirs) == 0 {
			continue
		}
		docs := join(s.dir, "src", "content", "docs")
		folderLang := map[string]string{}
		root := ""
		for code, dir := range s.dirs {
			if dir == "" {
				root = code
			} else {
				folderLang[dir] = code
			}
		}
		for _, ext := range []string{".md", ".mdx"} {
			var refs []ref
			for _, p := range d.files {
				rest, ok := strings.CutPrefix(p, docs+"/")
				if !ok || path.Ext(p) != ext || d.claimed[p] {
					continue
				}
				first, after, nested := strings.Cut(rest, "/")
				if code, ok := folderLang[first]; ok && nested {
					refs = append(refs, ref{path: p, lang: code, slug: strings.TrimSuffix(after, ext)})
				} else if root != "" {
					refs = append(refs, ref{path: p, lang: root, slug: strings.TrimSuffix(rest, ext), plain: true})
				}
			}
			if len(refs) == 0 {
				continue
			}
			c := Content{Kind: Folders, Path: join(docs, "{lang}", "{slug}"+ext)}
			if root != "" {
				c.Paths = map[string]string{root: join(docs, "{slug}"+ext)}
			}
			d.add(c, root, refs)
		}
	}
}

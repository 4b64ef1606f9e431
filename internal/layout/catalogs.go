package layout

import (
	"path"
	"slices"
	"strings"

	"github.com/glosa/glosa/internal/catalog/goi18n"
)

// goI18nFile is a go-i18n file found: its language and what it holds.
type goI18nFile struct {
	path, lang string
	ids        []string
	hashes     int
	ok         bool // it parses as a go-i18n file
}

// goI18n finds go-i18n message files: {dir}/{name}.{lang}.{ext} (goi18n
// writes active.{lang}.toml; its translate.{lang}.toml work files are not
// catalogs) and {dir}/{lang}.{ext}, for the extensions go-i18n reads. A set
// named active.* is taken as it is; any other needs two languages whose
// files parse as go-i18n files and share a message ID, so that en.json and
// de.json of some other tool are not taken for catalogs by their names
// alone.
func (d *detector) goI18n() {
	type key struct{ dir, name, ext string }
	groups := map[key][]goI18nFile{}
	var keys []key
	for _, p := range d.files {
		if d.claimed[p] || d.underNoCatalogs(p) {
			continue
		}
		dir, name := path.Split(p)
		ext := path.Ext(name)
		switch ext {
		case ".json", ".toml", ".yaml":
			// Not .yml: glosa's go-i18n reader, like go-i18n with the
			// unmarshalers it is usually given, does not read it.
		default:
			continue
		}
		stem := strings.TrimSuffix(name, ext)
		prefix, raw := "", stem
		if i := strings.LastIndexByte(stem, '.'); i >= 0 {
			prefix, raw = stem[:i+1], stem[i+1:]
		}
		if prefix == "translate." {
			continue
		}
		code, ok := Code(raw)
		if !ok {
			continue
		}
		k := key{strings.TrimSuffix(dir, "/"), prefix, ext}
		if _, seen := groups[k]; !seen {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], d.parseGoI18n(p, code))
	}
	for _, k := range keys {
		files := groups[k]
		if k.name != "active." {
			files = sharedIDs(files)
			langs := map[string]bool{}
			for _, f := range files {
				langs[f.lang] = true
			}
			if len(langs) < 2 {
				continue
			}
		}
		loc := Locale{Kind: GoI18n, Path: join(k.dir, k.name+"{lang}"+k.ext), Files: map[string]int{}}
		loc.Source, loc.SourceBy, loc.Messages = d.goI18nSource(files)
		for _, f := range files {
			d.claimed[f.path] = true
			loc.Files[f.lang]++
		}
		d.locales = append(d.locales, loc)
	}
}

func (d *detector) underNoCatalogs(p string) bool {
	for _, dir := range d.noCatalogs {
		if strings.HasPrefix(p, dir) {
			return true
		}
	}
	return false
}

func (d *detector) parseGoI18n(p, code string) goI18nFile {
	f := goI18nFile{path: p, lang: code}
	data := d.read(p)
	parsed, err := goi18n.Parse(p, data)
	if err != nil || data == nil {
		return f
	}
	f.ok = true
	for _, m := range parsed.Messages {
		f.ids = append(f.ids, m.ID)
		if m.Hash != "" {
			f.hashes++
		}
	}
	return f
}

// sharedIDs keeps the files that parse and share a message ID with a file
// of another language.
func sharedIDs(files []goI18nFile) []goI18nFile {
	langsOf := map[string]map[string]bool{}
	for _, f := range files {
		if !f.ok {
			continue
		}
		for _, id := range f.ids {
			if langsOf[id] == nil {
				langsOf[id] = map[string]bool{}
			}
			langsOf[id][f.lang] = true
		}
	}
	var out []goI18nFile
	for _, f := range files {
		if !f.ok {
			continue
		}
		for _, id := range f.ids {
			if len(langsOf[id]) > 1 {
				out = append(out, f)
				break
			}
		}
	}
	return out
}

// goI18nSource chooses a go-i18n catalog's source: --source in a project
// without entries; else the language whose files hold the most messages,
// a tie going to the one with the fewest hashes (goi18n writes none in the
// source file), then to the first alphabetically. It returns the number of
// messages of the source's files too.
func (d *detector) goI18nSource(files []goI18nFile) (string, string, int) {
	msgs := map[string]int{}
	hashes := map[string]int{}
	for _, f := range files {
		msgs[f.lang] += len(f.ids)
		hashes[f.lang] += f.hashes
	}
	if d.opts.Source != "" && len(d.content) == 0 {
		return d.opts.Source, SourceFlag, msgs[d.opts.Source]
	}
	langs := sortedLangs(msgs)
	best := 0
	for _, code := range langs {
		best = max(best, msgs[code])
	}
	tied := filter(langs, func(c string) bool { return msgs[c] == best })
	if len(tied) == 1 {
		return tied[0], SourceMost, best
	}
	fewest := slices.MinFunc(tied, func(a, b string) int { return hashes[a] - hashes[b] })
	least := filter(tied, func(c string) bool { return hashes[c] == hashes[fewest] })
	if len(least) == 1 {
		return least[0], SourceRecords, best
	}
	return least[0], SourceFirst, best
}

// po finds gettext PO catalogs: {dir}/{lang}/LC_MESSAGES/{domain}.po (with
// the template {dir}/{domain}.pot when every domain has one) and
// {dir}/{lang}.po (with the template when the folder holds exactly one
// .pot). PO files say their language in the path and are translations by
// their nature, so one language is enough. Their msgids are taken to be
// English, as gettext's manual asks of programs, or --source's language in
// a project without entries.
func (d *detector) po() {
	type key struct {
		dir string
		lc  bool
	}
	groups := map[key][]string{}
	domains := map[key][]string{}
	var keys []key
	pots := map[string][]string{} // folder → its .pot files
	for _, p := range d.files {
		if path.Ext(p) == ".pot" {
			dir, name := path.Split(p)
			pots[strings.TrimSuffix(dir, "/")] = append(pots[strings.TrimSuffix(dir, "/")], name)
		}
	}
	for _, p := range d.files {
		if d.claimed[p] || path.Ext(p) != ".po" {
			continue
		}
		segs := strings.Split(p, "/")
		n := len(segs)
		var k key
		switch {
		case n >= 3 && segs[n-2] == "LC_MESSAGES" && isCode(segs[n-3]):
			k = key{strings.Join(segs[:n-3], "/"), true}
			domains[k] = append(domains[k], strings.TrimSuffix(segs[n-1], ".po"))
		case isCode(strings.TrimSuffix(segs[n-1], ".po")):
			k = key{strings.Join(segs[:n-1], "/"), false}
		default:
			continue
		}
		if _, seen := groups[k]; !seen {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], p)
	}
	for _, k := range keys {
		loc := Locale{Kind: PO, Source: "en", SourceBy: SourceConvention}
		if d.opts.Source != "" && len(d.content) == 0 {
			loc.Source, loc.SourceBy = d.opts.Source, SourceFlag
		}
		if k.lc {
			loc.Path = join(k.dir, "{lang}", "LC_MESSAGES", "{domain}.po")
			all := len(domains[k]) > 0
			for _, dom := range domains[k] {
				if !slices.Contains(pots[k.dir], dom+".pot") {
					all = false
				}
			}
			if all {
				loc.Template = join(k.dir, "{domain}.pot")
			}
		} else {
			loc.Path = join(k.dir, "{lang}.po")
			if len(pots[k.dir]) == 1 {
				loc.Template = join(k.dir, pots[k.dir][0])
			}
		}
		loc.Files = map[string]int{}
		for _, p := range groups[k] {
			d.claimed[p] = true
			loc.Files[poLang(p)]++
		}
		d.locales = append(d.locales, loc)
	}
}

// poLang returns the language of a PO file found by po.
func poLang(p string) string {
	segs := strings.Split(p, "/")
	n := len(segs)
	if n >= 3 && segs[n-2] == "LC_MESSAGES" {
		if code, ok := Code(segs[n-3]); ok {
			return code
		}
	}
	code, _ := Code(strings.TrimSuffix(segs[n-1], ".po"))
	return code
}

func isCode(s string) bool {
	_, ok := Code(s)
	return ok
}

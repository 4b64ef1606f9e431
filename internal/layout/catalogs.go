package layout

import (
	"bytes"
	"path"
	"slices"
	"strings"

	"github.com/glosa/glosa/internal/catalog/goi18n"
	"github.com/glosa/glosa/internal/catalog/po"
	"github.com/glosa/glosa/internal/l10n"
)

// goI18nFile is a go-i18n file found: its language and what it holds.
type goI18nFile struct {
	path, lang string
	ids        []string
	hashes     int
	ok         bool // it parses as a go-i18n file
	weak       bool // its name is a language only CLDR has no locale for
}

// catalogStats is what Detect counted of a go-i18n catalog's files, to
// choose its source once the project's is known.
type catalogStats struct {
	msgs, hashes map[string]int
	dir          string // the catalogs' folder
}

// goI18n finds go-i18n message files: {dir}/{name}.{lang}.{ext} (goi18n
// writes active.{lang}.toml; its translate.{lang}.toml work files are not
// catalogs) and {dir}/{lang}.{ext}, for the extensions glosa reads as go-i18n
// (.yml as .yaml). A set
// named active.* is taken as it is; any other needs two languages whose
// files parse as go-i18n files and share a message ID, so that en.json and
// de.json of some other tool are not taken for catalogs by their names
// alone. In such a set, a three-letter name CLDR has no locale for (pnb,
// Western Punjabi) is a language too when its file shares a message ID
// with two others.
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
		case ".json", ".toml", ".yaml", ".yml":
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
		weak := false
		if !ok {
			if code, ok = weakCode(raw); !ok {
				continue
			}
			weak = true
		}
		k := key{strings.TrimSuffix(dir, "/"), prefix, ext}
		if _, seen := groups[k]; !seen {
			keys = append(keys, k)
		}
		f := d.parseGoI18n(p, code)
		f.weak = weak
		groups[k] = append(groups[k], f)
	}
	for _, k := range keys {
		files := groups[k]
		if k.name != "active." {
			files = sharedIDs(files)
		}
		strong := map[string]bool{}
		for _, f := range files {
			if !f.weak {
				strong[f.lang] = true
			}
		}
		files = slices.DeleteFunc(files, func(f goI18nFile) bool { return f.weak && len(strong) < 2 })
		langs := map[string]bool{}
		for _, f := range files {
			langs[f.lang] = true
		}
		if len(langs) < 2 && k.name != "active." || len(files) == 0 {
			continue
		}
		loc := Locale{Kind: GoI18n, Path: join(k.dir, k.name+"{lang}"+k.ext), Files: map[string]int{}}
		st := &catalogStats{msgs: map[string]int{}, hashes: map[string]int{}, dir: k.dir}
		for _, f := range files {
			d.claimed[f.path] = true
			loc.Files[f.lang]++
			st.msgs[f.lang] += len(f.ids)
			st.hashes[f.lang] += f.hashes
		}
		if d.stats == nil {
			d.stats = map[int]*catalogStats{}
		}
		d.stats[len(d.locales)] = st
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

// catalogSources chooses each go-i18n catalog's source, and notes the
// catalog languages a Hugo site reads for a content language spelled
// otherwise. PO catalogs have theirs already.
func (d *detector) catalogSources(p *Proposal) {
	project := ""
	if len(p.Content) > 0 && p.Source != "" {
		project = p.Source
	}
	for i := range p.Locales {
		loc := &p.Locales[i]
		st := d.stats[i]
		if st == nil {
			continue
		}
		d.goI18nSource(loc, st, project)
		d.aliases(loc, st)
	}
}

// goI18nSource chooses a go-i18n catalog's source: --source in a project
// without entries; else the one language whose files hold no hashes when
// the others' do (goi18n writes none in a source file); else the
// project's source; else the default language of the Hugo site whose
// i18n/ folder holds the files; else the language whose files hold the
// most messages, a tie going to English, then to the first
// alphabetically. A source is never chosen by its name's place in the
// alphabet while anything else decides.
func (d *detector) goI18nSource(loc *Locale, st *catalogStats, project string) {
	langs := sortedKeys(st.msgs)
	pick := func(code, by string) {
		loc.Source, loc.SourceBy, loc.Messages = code, by, st.msgs[code]
	}
	if d.opts.Source != "" && len(d.content) == 0 {
		pick(d.opts.Source, SourceFlag)
		return
	}
	unhashed := filter(langs, func(c string) bool { return st.hashes[c] == 0 })
	if len(unhashed) > 0 && len(unhashed) < len(langs) {
		if len(unhashed) == 1 {
			pick(unhashed[0], SourceRecords)
			return
		}
		langs = unhashed
	}
	if project != "" && slices.Contains(langs, project) {
		pick(project, SourceProject)
		return
	}
	for _, s := range d.siteList {
		if s.gen == "hugo" && st.dir == join(s.dir, "i18n") && slices.Contains(langs, s.def) {
			pick(s.def, SourceSite)
			loc.SourceWhy = s.why()
			return
		}
	}
	best := 0
	for _, code := range langs {
		best = max(best, st.msgs[code])
	}
	tied := filter(langs, func(c string) bool { return st.msgs[c] == best })
	switch {
	case len(tied) == 1:
		pick(tied[0], SourceMost)
	case slices.Contains(tied, "en"):
		pick("en", SourceEnglish)
	default:
		pick(tied[0], SourceFirst)
	}
}

// aliases notes the catalog languages that a Hugo site reads for a
// content language spelled otherwise: a language's locale (languages.pt.
// locale: pt-BR) names the i18n/ file its pages are shown with, so pt-BR
// and pt are one language there: the proposal says so in glosa.yaml's
// aliases, with a note naming where the site says it.
func (d *detector) aliases(loc *Locale, st *catalogStats) {
	for _, s := range d.siteList {
		if s.gen != "hugo" || st.dir != join(s.dir, "i18n") {
			continue
		}
		var pairs []l10n.Text
		for _, code := range sortedKeys(s.locales) {
			alias := s.locales[code]
			if loc.Files[alias] > 0 && loc.Files[code] == 0 {
				id := "init.aliasPair"
				if s.localeKeys[code] == "languageCode" {
					id = "init.aliasPairCode"
				}
				pairs = append(pairs, l10n.Msg(id, "Alias", alias, "Lang", code, "Key", s.langKeys[code]))
				if loc.Aliases == nil {
					loc.Aliases = map[string]string{}
				}
				loc.Aliases[alias] = code
			}
		}
		if len(pairs) > 0 {
			loc.Notes = append(loc.Notes, l10n.Msg("init.noteAlias", "Pairs", pairs, "File", s.file))
		}
	}
}

// po finds gettext PO catalogs:
//
//   - {dir}/{lang}/LC_MESSAGES/{domain}.po, with the template
//     {dir}/{domain}.pot when every domain has one;
//   - {dir}/{lang}/{lang}.po, as GNOME keeps its help's catalogs;
//   - {dir}/{lang}.po, with the template when the folder holds exactly one
//     .pot: a folder whose PO files are named by language for the most
//     part (GNOME's po/), not one where a few module names look like
//     languages (library/ast.po, io.po, os.po), and never a file whose
//     header names another language (nor a name CLDR has no locale for
//     unless the header names it: po/sat.po);
//   - {root}/{domain}.po with lang: when the other PO files of the tree
//     are, by their headers, four in five in one language: a repository
//     per language, as the Python documentation's translations are.
//
// PO files are translations by their nature, so one language is enough.
// Their msgids are taken to be English, as gettext's manual asks of
// programs, or --source's language in a project without entries.
func (d *detector) po() {
	pots := map[string][]string{} // folder → its .pot files
	poCount := map[string]int{}   // folder → its .po files
	for _, p := range d.files {
		dir, name := path.Split(p)
		dir = strings.TrimSuffix(dir, "/")
		switch path.Ext(p) {
		case ".pot":
			pots[dir] = append(pots[dir], name)
		case ".po":
			poCount[dir]++
		}
	}
	type key struct {
		dir  string
		kind int // lcMessages, doubled, named
	}
	const (
		lcMessages = iota
		doubled
		named
	)
	groups := map[key][]string{}
	domains := map[key][]string{}
	var keys []key
	var others []string
	for _, p := range d.files {
		if d.claimed[p] || path.Ext(p) != ".po" {
			continue
		}
		segs := strings.Split(p, "/")
		n := len(segs)
		stem := strings.TrimSuffix(segs[n-1], ".po")
		var k key
		switch {
		case n >= 3 && segs[n-2] == "LC_MESSAGES" && isCode(segs[n-3]):
			k = key{strings.Join(segs[:n-3], "/"), lcMessages}
			domains[k] = append(domains[k], stem)
		case n >= 2 && segs[n-2] == stem && isCode(stem):
			k = key{strings.Join(segs[:n-2], "/"), doubled}
		case poLang(p) != "":
			k = key{strings.Join(segs[:n-1], "/"), named}
		default:
			others = append(others, p)
			continue
		}
		if _, seen := groups[k]; !seen {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], p)
	}
	for _, k := range keys {
		files := groups[k]
		if k.kind == named {
			// A name is a language when the header does not name another
			// one, and the folder's PO files are named by language for the
			// most part.
			var kept []string
			for _, p := range files {
				h := d.poHeaderLang(p)
				_, strong := Code(strings.TrimSuffix(path.Base(p), ".po"))
				if h == "" && strong || h != "" && sameBase(h, poLang(p)) {
					kept = append(kept, p)
				}
			}
			if len(kept)*2 < poCount[k.dir] {
				others = append(others, files...)
				continue
			}
			others = append(others, filterOut(files, kept)...)
			files = kept
		}
		loc := Locale{Kind: PO, Source: "en", SourceBy: SourceConvention}
		if d.opts.Source != "" && len(d.content) == 0 {
			loc.Source, loc.SourceBy = d.opts.Source, SourceFlag
		}
		switch k.kind {
		case lcMessages:
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
		case doubled:
			loc.Path = join(k.dir, "{lang}", "{lang}.po")
		default:
			loc.Path = join(k.dir, "{lang}.po")
			if len(pots[k.dir]) == 1 {
				loc.Template = join(k.dir, pots[k.dir][0])
			}
		}
		loc.Files = map[string]int{}
		for _, p := range files {
			d.claimed[p] = true
			loc.Files[poLang(p)]++
		}
		d.locales = append(d.locales, loc)
	}
	slices.Sort(others)
	d.poRepository(others)
}

// poRepository proposes {root}/{domain}.po with lang: for PO files named
// by what they translate (library/functions.po) when their headers say,
// four in five of them, one language: the repository holds one language
// (some headers say another, copied from a template or from the name).
// root is the files' common folder; no other catalog may lie under it,
// as the pattern would read its files too.
func (d *detector) poRepository(files []string) {
	if len(files) < 2 {
		return
	}
	byBase := map[string]int{}
	byTag := map[string]int{}
	for _, p := range files {
		h := d.poHeaderLang(p)
		if h == "" {
			continue
		}
		byTag[h]++
		byBase[baseOf(h)]++
	}
	if len(byBase) == 0 {
		return
	}
	base := slices.MaxFunc(sortedKeys(byBase), func(a, b string) int { return byBase[a] - byBase[b] })
	if byBase[base]*5 < len(files)*4 {
		return
	}
	tags := filter(sortedKeys(byTag), func(t string) bool { return baseOf(t) == base })
	tag := slices.MaxFunc(tags, func(a, b string) int { return byTag[a] - byTag[b] })
	root := path.Dir(files[0])
	for _, p := range files[1:] {
		for root != "." && !strings.HasPrefix(p, root+"/") {
			root = path.Dir(root)
		}
	}
	if root == "." {
		root = ""
	}
	for _, l := range d.locales {
		if l.Kind == PO && (root == "" || strings.HasPrefix(l.Path, root+"/")) {
			return
		}
	}
	loc := Locale{Kind: PO, Path: join(root, "{domain}.po"), Lang: tag, Source: "en", SourceBy: SourceConvention,
		Files: map[string]int{}}
	if d.opts.Source != "" && len(d.content) == 0 {
		loc.Source, loc.SourceBy = d.opts.Source, SourceFlag
	}
	loc.Notes = append(loc.Notes, l10n.Msg("init.notePORepository", "Count", byBase[base], "Total", len(files), "Lang", tag))
	for _, p := range files {
		d.claimed[p] = true
	}
	d.locales = append(d.locales, loc)
}

// poHeaderLang returns the canonical language of a PO file's header
// (Language: es_AR), "" when it has none or it is not a tag. Only the
// header entry is read: the file's start up to the first blank line after
// its msgid "".
func (d *detector) poHeaderLang(p string) string {
	if code, ok := d.poLangs[p]; ok {
		return code
	}
	code := ""
	data := d.read(p)
	if i := bytes.Index(data, []byte(`msgid ""`)); i >= 0 {
		end := len(data)
		if j := bytes.Index(data[i:], []byte("\n\n")); j >= 0 {
			end = i + j + 1
		} else if j := bytes.Index(data[i:], []byte("\r\n\r\n")); j >= 0 {
			end = i + j + 2
		}
		if f, err := po.Parse(data[:end]); err == nil {
			if c, ok := Code(f.Language()); ok {
				code = c
			} else if c, ok := weakCode(f.Language()); ok {
				code = c
			}
		}
	}
	if d.poLangs == nil {
		d.poLangs = map[string]string{}
	}
	d.poLangs[p] = code
	return code
}

// poLang returns the language a PO file's path names: its LC_MESSAGES
// folder's parent, or its name (po/de.po, help/de/de.po). A name may be a
// three-letter code CLDR has no locale for (po/sat.po, Santali): po takes
// it only when the file's header names the same language.
func poLang(p string) string {
	segs := strings.Split(p, "/")
	n := len(segs)
	if n >= 3 && segs[n-2] == "LC_MESSAGES" {
		if code, ok := Code(segs[n-3]); ok {
			return code
		}
	}
	name := strings.TrimSuffix(segs[n-1], ".po")
	if code, ok := Code(name); ok {
		return code
	}
	code, _ := weakCode(name)
	return code
}

func isCode(s string) bool {
	_, ok := Code(s)
	return ok
}

// baseOf returns a canonical tag's language subtag: es for es-AR.
func baseOf(code string) string {
	base, _, _ := strings.Cut(code, "-")
	return base
}

func sameBase(a, b string) bool { return baseOf(a) == baseOf(b) }

// filterOut returns the elements of s not in drop.
func filterOut(s, drop []string) []string {
	return filter(s, func(v string) bool { return !slices.Contains(drop, v) })
}

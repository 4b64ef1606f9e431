// Package layout recognises how a repository keeps its translations — a
// folder per language (Hugo, glosa's own sample), a folder per language and
// one per entry (MDN), the language in the file name (Hugo), Docusaurus,
// go-i18n and gettext PO catalogs — and proposes the glosa.yaml that
// describes it. It reads the tree through an fs.FS and never writes: glosa
// init prints or writes what it returns.
//
// Every proposal is checked with the configuration loader before it is
// returned, and the counts it reports are those of the loaded patterns
// matched against the tree, so what the comments say is what glosa will
// read.
package layout

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/lang"
)

// ErrNotFound is returned by Detect when the tree holds no layout it
// recognises.
var ErrNotFound = errors.New("no translation layout found")

// Options tune Detect.
type Options struct {
	// Source is the canonical tag of the source language the user named
	// (glosa init --source); "" chooses it from the tree. In a project
	// without entries it is the catalogs' source.
	Source string
}

// Kind says which layout a content or catalog item follows.
type Kind string

// The layouts Detect recognises.
const (
	// Folders is {dir}/{lang}/{slug}.md: Hugo's folder per language and
	// glosa's own sample.
	Folders Kind = "folders"
	// MDN is {dir}/{lang}/{slug}/index.md: a folder per language and one
	// per entry, as MDN (files/en-us/web/html/index.md) and Hugo's page
	// bundles keep them.
	MDN Kind = "mdn"
	// Suffix is {dir}/{slug}.{lang}.md, the default language's files
	// without a suffix: Hugo's translation by file name.
	Suffix Kind = "suffix"
	// FolderSuffix is {dir}.{lang}/{slug}.md, the default language's
	// files in {dir}/: tldr-pages (pages.fr/, pages/) and Hugo's content
	// folder per language (content.en/, content.zh/).
	FolderSuffix Kind = "folder-suffix"
	// Docusaurus is docs/ (or blog/, src/pages/) for the default locale
	// and i18n/{lang}/docusaurus-plugin-content-docs/current/ for the
	// others.
	Docusaurus Kind = "docusaurus"
	// GoI18n is go-i18n message files: active.{lang}.toml, {lang}.json…
	GoI18n Kind = "goi18n"
	// PO is gettext PO catalogs: {lang}/LC_MESSAGES/{domain}.po, po/{lang}.po.
	PO Kind = "po"
)

// Proposal is a glosa.yaml for the tree: what Detect recognised and
// counted.
type Proposal struct {
	// Source is the canonical tag of the source language; SourceBy says
	// how it was chosen.
	Source   string
	SourceBy SourceChoice
	// Languages are every language found: the source, then the others
	// sorted (the order of the status tables).
	Languages []string
	// ListLanguages says whether the proposal writes them as languages:.
	// It does only when glosa, reading the patterns without a list, would
	// take other names for languages too (content/how.to.md for Tongan):
	// a list makes every language one of the entries' too, and the thirty
	// string tables of a theme would make thirty columns of missing pages.
	ListLanguages bool
	// Content lists the content layouts, in the order glosa tries them.
	Content []Content
	// Locales lists the message catalogs.
	Locales []Locale
	// Notes are comments on the proposal as a whole: what was found and
	// left out.
	Notes []l10n.Text
	// Sites are the sites' configurations read, by folder.
	Sites []Site
}

// Site is what Detect read of a static-site generator's configuration.
type Site struct {
	// Gen is hugo, docusaurus or astro.
	Gen string
	// File is the file the languages were read from; Key the key that
	// named the default language ("" when the generator's default holds).
	File, Key string
	// Default is the default language, Languages those the configuration
	// lists (canonical tags, the default first).
	Default   string
	Languages []string
	// Aliases are the catalog spellings of its languages (Hugo's locale:
	// pt-BR → pt).
	Aliases map[string]string
	// Err, when not nil, is what glosa could not read, at its position
	// (a computed locales: localesConfig): the site then said nothing.
	Err error
}

// SourceChoice says how the source language was chosen, for the comment
// above it.
type SourceChoice struct {
	// By is one of the Source… constants.
	By string
	// Count is the source's number of entries; Tied the languages with as
	// many (the source included) when a tie was broken.
	Count int
	Tied  []string
	// Why is what the site's configuration said, for SourceSite.
	Why l10n.Text
}

// How the source language is chosen: the first rule that decides.
const (
	SourceFlag    = "flag"    // --source
	SourceSite    = "site"    // the site's configuration (Hugo, Docusaurus, Astro)
	SourceMost    = "most"    // the most entries
	SourceRecords = "records" // tie: the fewest translation records
	SourceDefault = "default" // tie: the language a layout keeps apart
	SourceEnglish = "english" // tie: English, when nothing else decides
	SourceFirst   = "first"   // tie: the first alphabetically, when no language is English
	SourceCatalog = "catalog" // no entries: the first catalog's source
	SourceProject = "project" // a catalog's source: the project's
)

// Content is one content layout.
type Content struct {
	Kind Kind
	// Path is the pattern shared by the languages, Paths the patterns of
	// languages kept elsewhere (canonical tags).
	Path  string
	Paths map[string]string
	// Entries counts the files glosa reads as entries of this layout, by
	// language.
	Entries map[string]int
	// Unread counts the files of the layout's own-pattern language that
	// are spelled like the others' (content/about.en.md when English is
	// read from content/{slug}.md): glosa reads neither language from them.
	Unread int
	// Notes are comments on the layout: what said a language.
	Notes []l10n.Text
}

// Locale is one set of message catalogs.
type Locale struct {
	Kind Kind
	Path string
	// Source is the catalogs' source language; SourceBy says how it was
	// chosen (a Source… constant, or "convention" for PO).
	Source   string
	SourceBy string
	// Template is the PO template pattern, "" without one.
	Template string
	// Lang is the language of every file, for a pattern without {lang}
	// (a PO repository per language).
	Lang string
	// Files counts the files glosa reads, by language; Messages the
	// go-i18n messages of the source files.
	Files    map[string]int
	Messages int
	// SourceWhy is what the site's configuration said, for SourceSite.
	SourceWhy l10n.Text
	// Notes are comments on the catalog: what said its language.
	Notes []l10n.Text
	// Aliases are the catalog's spellings of content languages (alias →
	// language), as a Hugo site's languages.X.locale says: glosa.yaml's
	// aliases key.
	Aliases map[string]string
}

// SourceConvention is Locale.SourceBy for PO catalogs: their msgids are
// taken to be English, as gettext's manual asks.
const SourceConvention = "convention"

// Detect inspects the tree and proposes a configuration. It returns
// ErrNotFound when it recognises nothing.
func Detect(fsys fs.FS, opts Options) (*Proposal, error) {
	files, links, err := walk(fsys)
	if err != nil {
		return nil, err
	}
	d := &detector{fsys: fsys, opts: opts, files: files, links: links, claimed: map[string]bool{}, fronts: map[string]front{}}
	d.sites()
	d.starlight()
	d.docusaurus()
	d.folderSuffix()
	d.folders()
	d.suffix()
	d.goI18n()
	d.po()
	if len(d.content) == 0 && len(d.locales) == 0 {
		return nil, ErrNotFound
	}
	return d.propose()
}

// walk lists the files of the tree, sorted. It skips what glosa's scans
// skip (dot files and folders, node_modules) and the folders that hold
// other projects' or test files: vendor and testdata. It returns the
// symbolic links too, with their targets relative to the root (tldr-pages
// links pages.en to pages): a link is not followed.
func walk(fsys fs.FS) ([]string, map[string]string, error) {
	var out []string
	links := map[string]string{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == "." {
				return err
			}
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if p == "." {
			return nil
		}
		name := d.Name()
		if d.IsDir() {
			if strings.HasPrefix(name, ".") || name == "node_modules" || name == "vendor" || name == "testdata" {
				return fs.SkipDir
			}
			return nil
		}
		if strings.HasPrefix(name, ".") {
			return nil
		}
		switch {
		case d.Type().IsRegular():
			out = append(out, p)
		case d.Type()&fs.ModeSymlink != 0:
			if target, err := fs.ReadLink(fsys, p); err == nil && !path.IsAbs(target) {
				if t := path.Join(path.Dir(p), target); t != ".." && !strings.HasPrefix(t, "../") {
					links[p] = t
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("reading the tree: %w", err)
	}
	sort.Strings(out)
	return out, links, nil
}

type detector struct {
	fsys    fs.FS
	opts    Options
	files   []string
	links   map[string]string // symbolic link → its target
	claimed map[string]bool
	fronts  map[string]front
	// noCatalogs are folders whose files are not catalogs (a Docusaurus
	// site's i18n/, whose JSON files are Docusaurus's own).
	noCatalogs []string
	// siteList are the sites' configurations found, by folder.
	siteList []*site
	// stats are the go-i18n catalogs' counts, by index in locales.
	stats map[int]*catalogStats
	// poLangs caches the PO files' header languages.
	poLangs map[string]string
	// notes are comments on the whole proposal.
	notes   []l10n.Text
	content []candidate
	locales []Locale
	// entries maps each file glosa reads as an entry with the proposal to
	// its language.
	entries map[string]string
}

// candidate is a content layout found, with the files that made it and
// the language of its own pattern ("" for none).
type candidate struct {
	Content
	own   string
	files []string
	langs []string
	// def is the source language the site serving the layout names, and
	// why ("" when no site does).
	def    string
	defWhy l10n.Text
}

// ref is a file read as an entry of a layout being recognised.
type ref struct {
	path, lang, slug string
	// plain marks a file without the language in its name, in a layout
	// that has it there (Hugo's default language).
	plain bool
}

// front is what Detect reads of a file's front matter.
type front struct {
	key    string // translationKey
	record bool   // a translation record, glosa's or another tool's
}

// maxFront is how much of a file Detect reads for its front matter.
const maxFront = 1 << 20

// front reads a Markdown file's translationKey and whether it holds a
// translation record; a file that cannot be read or parsed has neither.
func (d *detector) front(p string) front {
	if f, ok := d.fronts[p]; ok {
		return f
	}
	var f front
	if file, err := d.fsys.Open(p); err == nil {
		data, err := io.ReadAll(io.LimitReader(file, maxFront))
		file.Close()
		if err == nil {
			if doc, err := content.Parse(data); err == nil {
				if k := doc.Lookup("translationKey"); k != nil && k.Value != "" {
					f.key = k.Value
				}
				rec, err := doc.Record()
				f.record = rec != nil || err != nil
			}
		}
	}
	d.fronts[p] = f
	return f
}

// markdown reports whether p is a Markdown file, and its extension.
func markdown(p string) (string, bool) {
	ext := path.Ext(p)
	return ext, ext == ".md" || ext == ".mdx"
}

// shared keeps the refs of the languages that share at least one entry
// with another language: the slug, or the translationKey a translation
// with a localized file name declares. A language sharing nothing is more
// likely a folder that only looks like one (a handbook's it/ and hr/).
func (d *detector) shared(refs []ref) []ref {
	langsOf := map[string]map[string]bool{}
	for _, r := range refs {
		slug := r.slug
		if k := d.front(r.path).key; k != "" {
			slug = k
		}
		if langsOf[slug] == nil {
			langsOf[slug] = map[string]bool{}
		}
		langsOf[slug][r.lang] = true
	}
	keep := map[string]bool{}
	for _, ls := range langsOf {
		if len(ls) > 1 {
			for l := range ls {
				keep[l] = true
			}
		}
	}
	var out []ref
	for _, r := range refs {
		if keep[r.lang] {
			out = append(out, r)
		}
	}
	return out
}

func languagesOf(refs []ref) []string {
	var out []string
	for _, r := range refs {
		if !slices.Contains(out, r.lang) {
			out = append(out, r.lang)
		}
	}
	sort.Strings(out)
	return out
}

func (d *detector) add(c Content, own string, refs []ref) {
	cand := candidate{Content: c, own: own, langs: languagesOf(refs)}
	for _, r := range refs {
		d.claimed[r.path] = true
		cand.files = append(cand.files, r.path)
	}
	// The site that serves the layout's files names its source: Hugo's
	// defaultContentLanguage, Astro's defaultLocale (Docusaurus layouts
	// set theirs).
	if len(refs) > 0 {
		if s := d.siteOf(refs[0].path); s != nil && s.gen != "docusaurus" && s.def != "" {
			cand.def, cand.defWhy = s.def, s.why()
		}
	}
	d.content = append(d.content, cand)
}

// join joins path parts, leaving out empty ones.
func join(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, "/")
}

// propose chooses the source and the languages, checks the proposal with
// the configuration loader and counts what glosa will read with it.
func (d *detector) propose() (*Proposal, error) {
	p := &Proposal{}
	for _, c := range d.content {
		p.Content = append(p.Content, c.Content)
	}
	p.Locales = d.locales
	// Every language found, for the first count.
	langs := map[string]bool{}
	for _, c := range d.content {
		for l := range c.Paths {
			langs[l] = true
		}
		for _, l := range c.langs {
			langs[l] = true
		}
	}
	for _, l := range d.locales {
		for code := range l.Files {
			langs[code] = true
		}
		if l.Lang != "" {
			langs[l.Lang] = true
		}
	}
	if d.opts.Source != "" {
		langs[d.opts.Source] = true
	}
	// The languages a site lists are the project's, a translation not
	// begun yet too.
	for _, s := range d.siteList {
		for _, code := range s.langs {
			langs[code] = true
		}
		p.Sites = append(p.Sites, s.summary())
		d.notes = append(d.notes, s.notes()...)
	}
	for code := range langs {
		p.Languages = append(p.Languages, code)
	}
	sort.Strings(p.Languages)
	p.ListLanguages = true
	cfg, err := p.config()
	if err != nil {
		return nil, err
	}
	d.count(p, cfg)
	d.chooseSource(p)
	d.catalogSources(p)
	if p.Source == "" {
		p.Source, p.SourceBy = "en", SourceChoice{By: SourceFirst}
		if len(p.Locales) > 0 {
			p.Source, p.SourceBy = p.Locales[0].Source, SourceChoice{By: SourceCatalog}
		}
	}
	p.Notes = d.notes
	if !slices.Contains(p.Languages, p.Source) {
		p.Languages = append(p.Languages, p.Source)
	}
	for i := range p.Locales {
		l := &p.Locales[i]
		if l.Source == p.Source {
			l.Source = ""
		}
	}
	// A catalog's spelling of a language is that language (pt-BR of pt).
	aliases := p.aliases()
	p.Languages = filter(p.Languages, func(c string) bool { _, alias := aliases[c]; return !alias })
	sort.Strings(p.Languages)
	sort.SliceStable(p.Languages, func(i, j int) bool { return p.Languages[i] == p.Source && p.Languages[j] != p.Source })
	p.ListLanguages = !d.discoversSame(p)
	// The final text must load too.
	if _, err := p.config(); err != nil {
		return nil, err
	}
	return p, nil
}

// discoversSame reports whether glosa, reading the proposal without a
// list of languages, finds exactly the languages it lists: in the content
// layouts and catalogs, any tag in a {lang} place is then a language.
func (d *detector) discoversSame(p *Proposal) bool {
	q := *p
	q.ListLanguages = false
	cfg, err := q.config()
	if err != nil {
		return false
	}
	found := map[string]bool{p.Source: true}
	for _, f := range d.files {
		for i := range cfg.Content {
			l := &cfg.Content[i]
			if code, _, _, ok := l.Patterns.Match(f, nil); ok && !l.Excluded(f) {
				found[code] = true
				break
			}
		}
		for _, loc := range cfg.Locales {
			raw, _, ok := loc.Pattern.Match(f)
			if !ok || loc.Excluded(f) {
				continue
			}
			if loc.Lang != "" {
				raw = loc.Lang
			}
			if code, err := cfg.Aliases.Parse(raw); err == nil {
				found[code] = true
			}
		}
	}
	if len(found) != len(p.Languages) {
		return false
	}
	for _, code := range p.Languages {
		if !found[code] {
			return false
		}
	}
	return true
}

// config loads the proposal's text with the configuration loader.
func (p *Proposal) config() (*config.Config, error) {
	cfg, err := config.Parse(config.FileName, p.Render(l10n.English()))
	if err != nil {
		// A proposal the loader refuses is a bug in Detect.
		return nil, fmt.Errorf("the proposed configuration does not load: %w", err)
	}
	return cfg, nil
}

// count sets the counts of every layout and catalog to what glosa reads
// with the loaded configuration: each file belongs to the first layout
// that matches it.
func (d *detector) count(p *Proposal, cfg *config.Config) {
	for i := range p.Content {
		p.Content[i].Entries = map[string]int{}
	}
	d.entries = map[string]string{}
	for _, f := range d.files {
		for i := range cfg.Content {
			l := &cfg.Content[i]
			code, _, _, ok := l.Patterns.Match(f, cfg.Languages)
			if !ok || l.Excluded(f) {
				continue
			}
			p.Content[i].Entries[code]++
			d.entries[f] = code
			break
		}
	}
	for i, c := range d.content {
		if c.own == "" || c.Kind != Suffix {
			continue
		}
		for _, f := range c.files {
			if code, ok := suffixLang(f); ok && code == c.own {
				p.Content[i].Unread++
			}
		}
	}
	for i := range p.Locales {
		loc := &cfg.Locales[i]
		files := map[string]int{}
		for _, f := range d.files {
			raw, _, ok := loc.Pattern.Match(f)
			if !ok || loc.Excluded(f) {
				continue
			}
			if loc.Lang != "" {
				raw = loc.Lang
			}
			code, err := lang.Parse(raw)
			if err != nil || !slices.Contains(cfg.Languages, code) {
				continue
			}
			files[code]++
		}
		p.Locales[i].Files = files
	}
}

// suffixLang returns the language of a file name's suffix (about.es.md).
func suffixLang(p string) (string, bool) {
	stem := strings.TrimSuffix(path.Base(p), path.Ext(p))
	i := strings.LastIndexByte(stem, '.')
	if i <= 0 {
		return "", false
	}
	return Code(stem[i+1:])
}

// chooseSource sets the source language: --source; else the language the
// site serving the layouts names (Hugo's defaultContentLanguage,
// Docusaurus's defaultLocale, Astro's defaultLocale) when it has entries;
// else the language with the most entries, a tie going to the one with
// the fewest translation records (a source records none), then to the
// language a layout keeps apart (Docusaurus's docs/, Hugo's files without
// a suffix: the site's default language), then to English, then to the
// first alphabetically. Without entries, it is the first catalog's
// source, chosen after the catalogs'.
func (d *detector) chooseSource(p *Proposal) {
	if d.opts.Source != "" {
		p.Source, p.SourceBy = d.opts.Source, SourceChoice{By: SourceFlag}
		return
	}
	entries := map[string]int{}
	records := map[string]int{}
	own := map[string]bool{}
	for _, c := range p.Content {
		for code, n := range c.Entries {
			entries[code] += n
		}
		for code := range c.Paths {
			own[code] = true
		}
	}
	for f, code := range d.entries {
		if d.front(f).record {
			records[code]++
		}
	}
	if total(entries) == 0 {
		// Layouts without a single entry yet (a Docusaurus site before
		// its first page): the language they keep apart.
		for _, c := range p.Content {
			for code := range c.Paths {
				p.Source, p.SourceBy = code, SourceChoice{By: SourceDefault}
				return
			}
		}
		return
	}
	// The site's word: the language its layouts name, weighed by their
	// entries when several sites disagree.
	named := map[string]int{}
	why := map[string]l10n.Text{}
	for i, c := range d.content {
		if c.def != "" && entries[c.def] > 0 {
			named[c.def] += total(p.Content[i].Entries)
			if _, ok := why[c.def]; !ok {
				why[c.def] = c.defWhy
			}
		}
	}
	if len(named) > 0 {
		best := slices.MaxFunc(sortedKeys(named), func(a, b string) int { return named[a] - named[b] })
		p.Source, p.SourceBy = best, SourceChoice{By: SourceSite, Count: entries[best], Why: why[best]}
		return
	}
	best := 0
	for _, n := range entries {
		best = max(best, n)
	}
	var tied []string
	for code, n := range entries {
		if n == best {
			tied = append(tied, code)
		}
	}
	sort.Strings(tied)
	choice := SourceChoice{By: SourceMost, Count: best}
	if len(tied) > 1 {
		choice.Tied = tied
		fewest := slices.MinFunc(tied, func(a, b string) int { return records[a] - records[b] })
		least := filter(tied, func(c string) bool { return records[c] == records[fewest] })
		owned := filter(least, func(c string) bool { return own[c] })
		switch {
		case len(least) == 1:
			choice.By, tied = SourceRecords, least
		case len(owned) == 1:
			choice.By, tied = SourceDefault, owned
		case slices.Contains(least, "en"):
			choice.By, tied = SourceEnglish, []string{"en"}
		default:
			choice.By, tied = SourceFirst, least
		}
	}
	p.Source, p.SourceBy = tied[0], choice
}

func filter(s []string, keep func(string) bool) []string {
	var out []string
	for _, v := range s {
		if keep(v) {
			out = append(out, v)
		}
	}
	return out
}

// read returns a small file's bytes (its first MiB), nil when it cannot be
// read.
func (d *detector) read(p string) []byte {
	f, err := d.fsys.Open(p)
	if err != nil {
		return nil
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxFront))
	if err != nil {
		return nil
	}
	return data
}

package layout

import (
	"encoding/json"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
	"go.yaml.in/yaml/v3"

	"github.com/glosa/glosa/internal/l10n"
)

// A site is a static-site generator's configuration found in the tree: the
// strongest word on which language is the source, which are languages at
// all, and where a language's files are.
type site struct {
	gen  string // hugo, docusaurus or astro
	dir  string // the site's folder, "" for the root
	file string // the configuration file the default language was read from ("" when none says it)
	key  string // the key that said it: defaultContentLanguage, defaultLocale
	def  string // the default language (canonical); "" when the site does not say
	// langs are the languages the configuration lists (canonical).
	langs []string
	// Hugo: the content folder of the site and of each language
	// (contentDir, languages.X.contentDir), relative to the repository, and
	// the locale each language's i18n file is read with (languages.X.locale).
	contentDir  string
	contentDirs map[string]string
	locales     map[string]string
	// langKeys are the languages as the configuration spells them, for
	// the comments (languages.pt.locale).
	langKeys map[string]string
	// Docusaurus: the folder each plugin instance reads (id → path).
	pluginPaths map[string]string
	// Starlight: each language's folder in the content collection, ""
	// for the root locale.
	dirs map[string]string
	// localeKeys say, per language, which key gave its locale: locale or
	// languageCode.
	localeKeys map[string]string
	// langFile and langKey are the file and key that list the languages.
	langFile, langKey string
	// err, when not nil, is what the configuration says that glosa could
	// not read (a computed locales: localesConfig), at its position: the
	// site then says no language.
	err error
}

// sites finds the configurations of Hugo, Docusaurus and Astro sites in
// the tree, in any folder. Each is read with a small tolerant scan: TOML,
// YAML and JSON with their parsers, JavaScript with regular expressions
// for literal values, as glosa has no JavaScript engine and must not run
// a project's code.
func (d *detector) sites() {
	files := map[string]bool{}
	dirs := map[string]bool{}
	for _, p := range d.files {
		files[p] = true
		for dir := path.Dir(p); dir != "."; dir = path.Dir(dir) {
			dirs[dir] = true
		}
	}
	seen := map[string]bool{}
	for _, p := range d.files {
		dir, name := path.Split(p)
		dir = strings.TrimSuffix(dir, "/")
		switch {
		case strings.HasPrefix(name, "docusaurus.config."):
			if s := d.docusaurusSite(dir, p); s != nil {
				d.siteList = append(d.siteList, s)
			}
		case strings.HasPrefix(name, "astro.config."):
			if s := d.astroSite(dir, p); s != nil {
				d.siteList = append(d.siteList, s)
			}
		default:
			site, ok := hugoRoot(p, dirs)
			if ok && !seen[site] {
				seen[site] = true
				d.siteList = append(d.siteList, d.hugoSite(site, files))
			}
		}
	}
	sort.SliceStable(d.siteList, func(i, j int) bool { return d.siteList[i].dir < d.siteList[j].dir })
}

// hugoConfigs are where Hugo looks for a site's configuration, relative to
// the site's folder, in its order.
var hugoConfigs = []string{
	"hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json",
	"config.toml", "config.yaml", "config.yml", "config.json",
	"config/_default/hugo.toml", "config/_default/hugo.yaml", "config/_default/hugo.yml", "config/_default/hugo.json",
	"config/_default/config.toml", "config/_default/config.yaml", "config/_default/config.yml", "config/_default/config.json",
}

// hugoLanguageFiles hold a site's languages alone, as their top level.
var hugoLanguageFiles = []string{
	"config/_default/languages.toml", "config/_default/languages.yaml", "config/_default/languages.yml", "config/_default/languages.json",
}

// hugoRoot reports whether p is a Hugo configuration file, and the site's
// folder. hugo.* and config/_default/ are Hugo's own names; config.* is
// taken only beside a folder Hugo sites have (content, layouts,
// archetypes, themes), as many tools name their settings config.json.
func hugoRoot(p string, dirs map[string]bool) (string, bool) {
	// config/_default/ first: hugo.yaml is a suffix of its names too.
	names := append(slices.Clone(hugoConfigs), hugoLanguageFiles...)
	slices.SortStableFunc(names, func(a, b string) int { return strings.Count(b, "/") - strings.Count(a, "/") })
	for _, name := range names {
		site, ok := strings.CutSuffix(p, name)
		if !ok || site != "" && !strings.HasSuffix(site, "/") {
			continue
		}
		site = strings.TrimSuffix(site, "/")
		if strings.HasPrefix(name, "config.") {
			hugo := false
			for _, sub := range []string{"content", "layouts", "archetypes", "themes"} {
				hugo = hugo || dirs[join(site, sub)]
			}
			if !hugo {
				continue
			}
		}
		return site, true
	}
	return "", false
}

// hugoSite reads a Hugo site's configuration: defaultContentLanguage,
// contentDir, and per language its contentDir and locale. Hugo's keys
// ignore case. A site that does not set defaultContentLanguage has Hugo's
// default, en.
func (d *detector) hugoSite(dir string, files map[string]bool) *site {
	s := &site{gen: "hugo", dir: dir, langKey: "languages", contentDir: join(dir, "content"), contentDirs: map[string]string{},
		locales: map[string]string{}, langKeys: map[string]string{}, localeKeys: map[string]string{}}
	var languages map[string]any
	var first string
	for _, name := range append(slices.Clone(hugoConfigs), hugoLanguageFiles...) {
		p := join(dir, name)
		if !files[p] {
			continue
		}
		m := decodeConfig(p, d.read(p))
		if m == nil {
			continue
		}
		if first == "" {
			first = p
		}
		if slices.Contains(hugoLanguageFiles, name) {
			if languages == nil {
				languages, s.langFile = m, p
			}
			continue
		}
		if v, ok := lookupFold(m, "defaultContentLanguage").(string); ok && s.def == "" {
			if code, ok := Code(v); ok {
				s.def, s.file, s.key = code, p, "defaultContentLanguage"
			}
		}
		if v, ok := lookupFold(m, "contentDir").(string); ok && v != "" {
			s.contentDir = join(dir, strings.Trim(path.Clean(v), "/"))
		}
		if l, ok := lookupFold(m, "languages").(map[string]any); ok && languages == nil {
			languages, s.langFile = l, p
		}
	}
	for key, v := range languages {
		code, ok := Code(key)
		if !ok {
			continue
		}
		conf, _ := v.(map[string]any)
		if off, ok := lookupFold(conf, "disabled").(bool); ok && off {
			continue
		}
		s.langs = append(s.langs, code)
		s.langKeys[code] = key
		if cd, ok := lookupFold(conf, "contentDir").(string); ok && cd != "" {
			s.contentDirs[code] = join(dir, strings.Trim(path.Clean(cd), "/"))
		}
		// The locale Hugo shows the language's pages with, and so the
		// i18n/ file it reads: locale, else the older languageCode.
		for _, k := range []string{"locale", "languageCode"} {
			loc, ok := lookupFold(conf, k).(string)
			if !ok || loc == "" {
				continue
			}
			if lc, ok := Code(loc); ok && lc != code {
				s.locales[code], s.localeKeys[code] = lc, k
			}
			break
		}
	}
	sort.Strings(s.langs)
	if s.def == "" {
		// Hugo's own default, said by the file that did not set it.
		s.def, s.file = "en", first
	}
	return s
}

// decodeConfig parses a TOML, YAML or JSON file into a map, nil when it
// does not parse.
func decodeConfig(name string, data []byte) map[string]any {
	var m map[string]any
	var err error
	switch path.Ext(name) {
	case ".toml":
		_, err = toml.Decode(string(data), &m)
	case ".json":
		err = json.Unmarshal(data, &m)
	default:
		err = yaml.Unmarshal(data, &m)
	}
	if err != nil {
		return nil
	}
	return m
}

// lookupFold returns m's value for key, compared without case as Hugo
// compares its keys.
func lookupFold(m map[string]any, key string) any {
	for _, k := range sortedKeys(m) {
		if strings.EqualFold(k, key) {
			return m[k]
		}
	}
	return nil
}

// The plugin instances of a Docusaurus configuration: each id and the
// folder it reads, found near each other (a second docs or blog plugin:
// id: 'community', path: 'community'). The languages are read with the
// literal reader (sitejs.go); these, which only name folders glosa finds
// anyway, with regular expressions.
var (
	pluginIDRE   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\bid\s*:\s*['"]([^'"]+)['"]`) })
	pluginPathRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\bpath\s*:\s*['"](?:\./)?([^'"/][^'"]*?)/?['"]`) })
)

// docusaurusSite reads docusaurus.config.*: i18n.defaultLocale and
// i18n.locales, and the folder of each plugin instance with an id.
func (d *detector) docusaurusSite(dir, file string) *site {
	raw := d.read(file)
	data := string(raw)
	s := &site{gen: "docusaurus", dir: dir, pluginPaths: map[string]string{}}
	if js, err := readDocusaurus(file, raw); err != nil {
		s.err = err
		if js != nil {
			s.def, s.file, s.key = js.def, file, js.key
		}
	} else {
		s.def, s.langs, s.file, s.key = js.def, js.langs, file, js.key
		s.langFile, s.langKey = file, "i18n.locales"
		if s.key == "" {
			s.key = "i18n"
		}
	}
	// An instance's options follow its id up to the next id.
	ids := pluginIDRE().FindAllStringSubmatchIndex(data, -1)
	for i, m := range ids {
		end := len(data)
		if i+1 < len(ids) {
			end = ids[i+1][0]
		}
		// Look back a little too: path may come before id.
		start := m[0] - 200
		if i > 0 {
			start = max(start, ids[i-1][1])
		}
		start = max(start, 0)
		id := data[m[2]:m[3]]
		if p := pluginPathRE().FindStringSubmatch(data[m[1]:end]); p != nil {
			s.pluginPaths[id] = path.Clean(p[1])
		} else if p := pluginPathRE().FindStringSubmatch(data[start:m[0]]); p != nil {
			s.pluginPaths[id] = path.Clean(p[1])
		}
	}
	return s
}

// astroSite reads astro.config.*: Starlight's locales and defaultLocale,
// else Astro's i18n. A configuration that names no language is no site
// here; one glosa cannot read is kept with its error.
func (d *detector) astroSite(dir, file string) *site {
	s := &site{gen: "astro", dir: dir}
	js, err := readAstro(file, d.read(file))
	switch {
	case err != nil:
		s.err = err
		if js != nil {
			s.def, s.file, s.key = js.def, file, js.key
		}
	case js == nil:
		return nil
	default:
		s.def, s.langs, s.dirs, s.file, s.key = js.def, js.langs, js.dirs, file, js.key
		s.langFile, s.langKey = file, "i18n.locales"
		if js.dirs != nil {
			s.langKey = "locales"
		}
	}
	return s
}

// summary returns what was read, for Proposal.Sites.
func (s *site) summary() Site {
	out := Site{Gen: s.gen, File: s.file, Key: s.key, Default: s.def, Err: s.err}
	switch {
	case s.key == "i18n":
		out.Key = ""
	case s.key == "" && s.dirs[s.def] == "" && s.dirs != nil:
		out.Key = "locales.root"
	}
	if s.gen == "hugo" && len(s.langs) > 0 {
		out.Languages = defaultFirst(s.def, s.langs)
	} else {
		out.Languages = slices.Clone(s.langs)
	}
	for code, alias := range s.locales {
		if out.Aliases == nil {
			out.Aliases = map[string]string{}
		}
		out.Aliases[alias] = code
	}
	return out
}

// notes words what the site said of its languages, or why it said
// nothing, for the proposal's comments.
func (s *site) notes() []l10n.Text {
	if s.err != nil {
		return []l10n.Text{l10n.Msg("init.noteSiteUnread", "Error", l10n.TextOf(s.err))}
	}
	if len(s.langs) == 0 || s.langFile == "" {
		return nil
	}
	return []l10n.Text{l10n.Msg("init.noteSiteLanguages", "File", s.langFile, "Key", s.langKey,
		"Langs", strings.Join(defaultFirst(s.def, s.langs), ", "))}
}

// why words what said the site's default language.
func (s *site) why() l10n.Text {
	if s.key == "i18n" {
		// Docusaurus's own default: the configuration has no i18n.
		return l10n.Msg("init.whyDocusaurusDefault", "Lang", s.def, "File", s.file)
	}
	if s.key == "" && s.gen == "astro" {
		return l10n.Msg("init.whyStarlightRoot", "Lang", s.def, "File", s.file)
	}
	if s.key == "" {
		// Hugo's own default: the configuration does not name one.
		return l10n.Msg("init.whyHugoDefault", "Lang", s.def, "File", s.file)
	}
	return l10n.Msg("init.whySite", "Lang", s.def, "Key", s.key, "File", s.file)
}

// covers reports whether the site serves the file p: a Hugo site the files
// of its content folders, an Astro site those under src/, a Docusaurus
// site any file of its folder.
func (s *site) covers(p string) bool {
	under := func(dir string) bool { return dir == "" || strings.HasPrefix(p, dir+"/") }
	switch s.gen {
	case "hugo":
		if under(s.contentDir) {
			return true
		}
		for _, dir := range s.contentDirs {
			if under(dir) {
				return true
			}
		}
		return false
	case "astro":
		return under(join(s.dir, "src"))
	}
	return under(s.dir)
}

// siteOf returns the innermost site that serves p, nil for none.
func (d *detector) siteOf(p string) *site {
	var best *site
	for _, s := range d.siteList {
		if s.covers(p) && (best == nil || len(s.dir) >= len(best.dir)) {
			best = s
		}
	}
	return best
}

// defaultLanguage returns the language of the files a layout keeps apart
// (Hugo's files without a language suffix, tldr-pages' pages/): the site's
// default language when a site serves p, else --source's, else English,
// which is Hugo's default too.
func (d *detector) defaultLanguage(p string) string {
	if s := d.siteOf(p); s != nil && s.def != "" {
		return s.def
	}
	if d.opts.Source != "" {
		return d.opts.Source
	}
	return "en"
}

package config

import (
	"fmt"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/lang"
)

// Patterns maps repository paths to (language, slug) and back for one
// content layout. A layout has one pattern for all languages, with {lang}
// and {slug}, and may give some languages a pattern of their own (the
// Docusaurus and tldr-pages layouts keep the source language elsewhere).
type Patterns struct {
	// Default is the pattern for languages without one of their own; it
	// may be "" when every language is listed in PerLang.
	Default string
	// PerLang maps canonical language tags to their own patterns.
	PerLang map[string]string

	compiled []compiledPattern
}

type compiledPattern struct {
	re      *regexp.Regexp
	lang    string // fixed language of a per-language pattern, "" when captured
	literal int    // literal characters: more means more specific
}

// langRE matches a BCP 47 tag as it appears in paths (es, pt-BR, pt_br,
// es-419, zh-Hans-CN); lang.Parse validates it afterwards.
const langRE = `[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*`

// CompilePatterns compiles a layout's patterns; perLang keys are canonical
// tags.
func CompilePatterns(def string, perLang map[string]string) (*Patterns, error) {
	p := &Patterns{Default: def, PerLang: perLang}
	if def != "" {
		c, err := compilePattern(def, "")
		if err != nil {
			return nil, err
		}
		p.compiled = append(p.compiled, c)
	}
	codes := make([]string, 0, len(perLang))
	for code := range perLang {
		codes = append(codes, code)
	}
	sort.Strings(codes)
	for _, code := range codes {
		c, err := compilePattern(perLang[code], code)
		if err != nil {
			return nil, err
		}
		p.compiled = append(p.compiled, c)
	}
	sort.SliceStable(p.compiled, func(i, j int) bool { return p.compiled[i].literal > p.compiled[j].literal })
	return p, nil
}

func checkPattern(pat string, needLang bool) error {
	if pat == "" {
		return l10n.Errorf("config.patternEmpty")
	}
	if strings.HasPrefix(pat, "/") || hasDotDot(pat) {
		return l10n.Errorf("config.patternOutside", "Pattern", strconv.Quote(pat))
	}
	if strings.Count(pat, "{slug}") != 1 {
		return l10n.Errorf("config.patternSlugOnce", "Pattern", strconv.Quote(pat))
	}
	if needLang && strings.Count(pat, "{lang}") != 1 {
		return l10n.Errorf("config.patternLangOnce", "Pattern", strconv.Quote(pat))
	}
	rest := strings.NewReplacer("{slug}", "", "{lang}", "").Replace(pat)
	if strings.ContainsAny(rest, "{}") {
		return l10n.Errorf("config.patternUnknown", "Pattern", strconv.Quote(pat))
	}
	return nil
}

func hasDotDot(p string) bool {
	for _, seg := range strings.Split(p, "/") {
		if seg == ".." {
			return true
		}
	}
	return false
}

func compilePattern(pat, fixed string) (compiledPattern, error) {
	var b strings.Builder
	b.WriteString("^")
	literal := 0
	rest := pat
	for rest != "" {
		i := strings.IndexByte(rest, '{')
		if i < 0 {
			b.WriteString(regexp.QuoteMeta(rest))
			literal += len(rest)
			break
		}
		b.WriteString(regexp.QuoteMeta(rest[:i]))
		literal += i
		rest = rest[i:]
		switch {
		case strings.HasPrefix(rest, "{slug}"):
			b.WriteString(`(?P<slug>.+)`)
			rest = rest[len("{slug}"):]
		case strings.HasPrefix(rest, "{lang}"):
			b.WriteString(`(?P<lang>` + langRE + `)`)
			rest = rest[len("{lang}"):]
		default:
			return compiledPattern{}, fmt.Errorf("path pattern %q has an unknown placeholder", pat)
		}
	}
	b.WriteString("$")
	re, err := regexp.Compile(b.String())
	if err != nil {
		return compiledPattern{}, fmt.Errorf("path pattern %q: %v", pat, err)
	}
	return compiledPattern{re: re, lang: fixed, literal: literal}, nil
}

// Match reports whether the slash-separated repository path rel is an
// entry of this layout in one of the languages langs (any language when
// langs is empty), and if so its language (canonical tag and the spelling
// used in the path) and slug. Patterns are tried from the most specific;
// a path whose {lang} part is not a project language is tried against the
// next, so content/{slug}.md still claims content/how.to.md when "to"
// (Tongan) is not a project language but content/{slug}.{lang}.md matches.
// A path of the shared pattern in a language that has a pattern of its own
// is no entry.
func (p *Patterns) Match(rel string, langs []string) (code, raw, slug string, ok bool) {
	for _, c := range p.compiled {
		m := c.re.FindStringSubmatch(rel)
		if m == nil {
			continue
		}
		slug = m[c.re.SubexpIndex("slug")]
		if !validSlug(slug) {
			continue
		}
		li := c.re.SubexpIndex("lang")
		if c.lang != "" {
			code, raw = c.lang, c.lang
			if li >= 0 {
				raw = m[li]
				if parsed, err := lang.Parse(raw); err != nil || parsed != c.lang {
					continue
				}
			}
			if len(langs) > 0 && !slices.Contains(langs, code) {
				continue
			}
			return code, raw, slug, true
		}
		raw = m[li]
		parsed, err := lang.Parse(raw)
		if err != nil {
			continue
		}
		if _, own := p.PerLang[parsed]; own {
			// content/llm.en.md when en lives in content/{slug}.md: in
			// the wrong place for en, and no English "llm.en" either.
			return "", "", "", false
		}
		if len(langs) > 0 && !slices.Contains(langs, parsed) {
			continue
		}
		return parsed, raw, slug, true
	}
	return "", "", "", false
}

// validSlug rejects slugs that would name a path outside their folder.
func validSlug(s string) bool {
	if s == "" || strings.HasPrefix(s, "/") {
		return false
	}
	for _, seg := range strings.Split(s, "/") {
		if seg == "" || seg == "." || seg == ".." {
			return false
		}
	}
	return true
}

// PathFor returns the repository path of the entry slug in the language
// code, spelled raw in paths (the spelling found in the tree, e.g. pt_BR).
func (p *Patterns) PathFor(code, raw, slug string) string {
	pat, ok := p.PerLang[code]
	if !ok {
		pat = p.Default
	}
	if pat == "" {
		return ""
	}
	if raw == "" {
		raw = code
	}
	return strings.NewReplacer("{lang}", raw, "{slug}", slug).Replace(pat)
}

// Roots returns the folders that can hold entries of this layout: the
// literal directory prefix of each pattern ("" for the repository root).
func (p *Patterns) Roots() []string {
	var pats []string
	if p.Default != "" {
		pats = append(pats, p.Default)
	}
	for _, pat := range p.PerLang {
		pats = append(pats, pat)
	}
	var out []string
	for _, pat := range pats {
		prefix := pat
		if i := strings.IndexByte(pat, '{'); i >= 0 {
			prefix = pat[:i]
		}
		dir := path.Dir(prefix + "x")
		if dir == "." {
			dir = ""
		}
		out = append(out, dir)
	}
	sort.Strings(out)
	return out
}

// Excluded reports whether rel matches one of the layout's exclude globs.
// A glob without a slash matches the file name in any folder (_index.md);
// one with a slash matches the whole path, with ** spanning folders.
func (l *Layout) Excluded(rel string) bool {
	for _, g := range l.Exclude {
		target := rel
		if !strings.Contains(g, "/") {
			target = path.Base(rel)
		}
		if ok, _ := doublestar.Match(g, target); ok {
			return true
		}
	}
	return false
}

func validGlob(g string) bool { return doublestar.ValidatePattern(g) }

package config

import (
	"fmt"
	"iter"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/glosa/glosa/internal/l10n"
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
	// aliases read a language spelled in a path as the language it is
	// an alias of (see Config.Aliases).
	aliases Aliases
}

type compiledPattern struct {
	parts   []part
	lang    string // fixed language of a per-language pattern, "" when captured
	literal int    // literal characters: more means more specific
}

// A part of a pattern: literal text, {slug} or {lang}.
type part struct {
	kind partKind
	text string // the literal text
}

type partKind int

const (
	literalPart partKind = iota
	slugPart
	langPart
)

// langRE matches a BCP 47 tag as it appears in paths (es, pt-BR, pt_br,
// es-419, zh-Hans-CN, x-pirate); lang.Parse validates it afterwards.
// langEnds is its scanner.
const langRE = `(?:[A-Za-z]{2,3}|[xX])(?:[-_][A-Za-z0-9]{1,8})*`

// CompilePatterns checks and compiles a layout's patterns; perLang keys
// are canonical tags. Match relies on the checks: a shared pattern without
// {lang} has no language to give.
func CompilePatterns(def string, perLang map[string]string) (*Patterns, error) {
	p := &Patterns{Default: def, PerLang: perLang}
	if def != "" {
		if err := checkPattern(def, true); err != nil {
			return nil, err
		}
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
		if err := checkPattern(perLang[code], false); err != nil {
			return nil, err
		}
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
	c := compiledPattern{lang: fixed}
	rest := pat
	for rest != "" {
		i := strings.IndexByte(rest, '{')
		if i < 0 {
			i = len(rest)
		}
		if i > 0 {
			c.parts = append(c.parts, part{kind: literalPart, text: rest[:i]})
			c.literal += i
			rest = rest[i:]
			continue
		}
		switch {
		case strings.HasPrefix(rest, "{slug}"):
			c.parts = append(c.parts, part{kind: slugPart})
			rest = rest[len("{slug}"):]
		case strings.HasPrefix(rest, "{lang}"):
			c.parts = append(c.parts, part{kind: langPart})
			rest = rest[len("{lang}"):]
		default:
			return compiledPattern{}, fmt.Errorf("path pattern %q has an unknown placeholder", pat)
		}
	}
	return c, nil
}

// splits yields every way rel spells the pattern as a slug and a language
// spelling ("" when the pattern has no {lang}), in the order a greedy
// regular expression prefers: the longest slug, then the longest language.
// A regular expression gives one split only, and docs/{slug}-{lang}.md
// reads docs/intro-pt-BR.md as the slug "intro-pt" in Breton ("BR"); Match
// needs the others to find the one in a project language.
func (c compiledPattern) splits(rel string) iter.Seq2[string, string] {
	return func(yield func(slug, raw string) bool) {
		walkParts(c.parts, rel, "", "", yield)
	}
}

// walkParts matches parts against s, with slug and raw the placeholders
// read so far, and reports whether to go on.
func walkParts(parts []part, s, slug, raw string, yield func(slug, raw string) bool) bool {
	if len(parts) == 0 {
		return s != "" || yield(slug, raw)
	}
	rest := parts[1:]
	switch p := parts[0]; p.kind {
	case literalPart:
		if after, ok := strings.CutPrefix(s, p.text); ok {
			return walkParts(rest, after, slug, raw, yield)
		}
	case slugPart:
		for n := len(s); n > 0; n-- {
			if !walkParts(rest, s[n:], s[:n], raw, yield) {
				return false
			}
		}
	case langPart:
		if raw != "" {
			// A second {lang} spells the language as the first does.
			if after, ok := strings.CutPrefix(s, raw); ok {
				return walkParts(rest, after, slug, raw, yield)
			}
			return true
		}
		ends := langEnds(s)
		for i := len(ends) - 1; i >= 0; i-- {
			if !walkParts(rest, s[ends[i]:], slug, s[:ends[i]], yield) {
				return false
			}
		}
	}
	return true
}

// langEnds returns, shortest first, the lengths n for which s[:n] is a
// whole match of langRE: two or three letters, or the x of a private-use
// tag, then subtags of one to eight letters or digits, each after "-" or
// "_".
func langEnds(s string) []int {
	var ends []int
	if s != "" && (s[0] == 'x' || s[0] == 'X') {
		ends = append(ends, 1)
	}
	i := 0
	for i < len(s) && i < 3 && isLetter(s[i]) {
		i++
		if i >= 2 {
			ends = append(ends, i)
		}
	}
	if len(ends) == 0 {
		return nil
	}
	for i < len(s) && (s[i] == '-' || s[i] == '_') {
		j := i + 1
		for j < len(s) && j-i <= 8 && (isLetter(s[j]) || s[j] >= '0' && s[j] <= '9') {
			j++
			ends = append(ends, j)
		}
		if j == i+1 {
			break // an empty subtag
		}
		i = j
	}
	return ends
}

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

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
		ownPattern := false
		for slug, raw := range c.splits(rel) {
			if !validSlug(slug) {
				continue
			}
			if c.lang != "" {
				if raw == "" {
					raw = c.lang
				} else if parsed, err := p.aliases.Parse(raw); err != nil || parsed != c.lang {
					continue
				}
				if len(langs) > 0 && !slices.Contains(langs, c.lang) {
					continue
				}
				return c.lang, raw, slug, true
			}
			parsed, err := p.aliases.Parse(raw)
			if err != nil {
				continue
			}
			if _, own := p.PerLang[parsed]; own {
				// content/llm.en.md when en lives in content/{slug}.md: in
				// the wrong place for en, and no English "llm.en" either.
				ownPattern = true
				continue
			}
			if len(langs) > 0 && !slices.Contains(langs, parsed) {
				continue
			}
			return parsed, raw, slug, true
		}
		if ownPattern {
			return "", "", "", false
		}
	}
	return "", "", "", false
}

// validSlug rejects slugs that would name a path outside their folder.
func validSlug(s string) bool {
	// Nor one with a newline: no entry's file name has one.
	if s == "" || strings.HasPrefix(s, "/") || strings.Contains(s, "\n") {
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
	return expandPattern(pat, raw, slug)
}

// expandPattern writes raw for {lang} and slug for {slug} in pat, as
// strings.NewReplacer("{lang}", raw, "{slug}", slug) does, without
// building a replacer per path: PathFor runs for every entry and language.
func expandPattern(pat, raw, slug string) string {
	var b strings.Builder
	b.Grow(len(pat) + len(raw) + len(slug))
	for {
		i := strings.IndexByte(pat, '{')
		if i < 0 {
			b.WriteString(pat)
			return b.String()
		}
		b.WriteString(pat[:i])
		pat = pat[i:]
		switch {
		case strings.HasPrefix(pat, "{lang}"):
			b.WriteString(raw)
			pat = pat[len("{lang}"):]
		case strings.HasPrefix(pat, "{slug}"):
			b.WriteString(slug)
			pat = pat[len("{slug}"):]
		default:
			b.WriteByte('{')
			pat = pat[1:]
		}
	}
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
func (l *Layout) Excluded(rel string) bool { return matchGlobs(l.Exclude, rel) }

// matchGlobs reports whether rel matches one of globs, as Excluded says.
func matchGlobs(globs []string, rel string) bool {
	for _, g := range globs {
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

package config

import (
	"fmt"
	"path"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/lang"
)

// Catalog formats.
const (
	FormatGoI18n = "goi18n"
	FormatPO     = "po"
)

// Locale is one set of message catalogs: files that hold the same
// messages in different languages.
type Locale struct {
	// Pattern says where the files are: {lang} the language, {domain} a
	// part of the path shared by a source file and its translations (it
	// may span folders, as PO trees with one file per document do).
	Pattern *LocalePattern
	// Source is the language the messages are written in; "" means the
	// project's source language.
	Source string
	// Lang is the language of every file matched, for a pattern without
	// {lang} (a repository per language).
	Lang string
	// Format is FormatGoI18n or FormatPO.
	Format string
	// Template is where a PO file's template (.pot) is, with {domain}: its
	// messages are the source; without one, each PO file is its own source.
	Template *LocalePattern
	Exclude  []string
	Line     int
	// Aliases are the configuration's (see Config.Aliases): a file whose
	// path spells an alias is a catalog of the language it stands for.
	Aliases Aliases
}

// Excluded reports whether rel matches one of the locale's exclude globs.
func (l *Locale) Excluded(rel string) bool {
	lay := Layout{Exclude: l.Exclude}
	return lay.Excluded(rel)
}

// LocalePattern matches catalog paths such as locales/active.{lang}.yaml,
// po/{lang}.po, {lang}/LC_MESSAGES/{domain}.po or {domain}.po. {lang} may
// appear more than once, spelled the same each time: GNOME's help
// catalogs are help/{lang}/{lang}.po.
type LocalePattern struct {
	Text      string
	re        *regexp.Regexp
	hasLang   bool
	hasDomain bool
	langs     int // how many times {lang} appears
}

// compileLocalePattern compiles a catalog path pattern.
func compileLocalePattern(pat string) (*LocalePattern, error) {
	if pat == "" {
		return nil, l10n.Errorf("config.patternEmpty")
	}
	if strings.HasPrefix(pat, "/") || hasDotDot(pat) {
		return nil, l10n.Errorf("config.patternOutside", "Pattern", strconv.Quote(pat))
	}
	p := &LocalePattern{Text: pat, langs: strings.Count(pat, "{lang}"), hasDomain: strings.Contains(pat, "{domain}")}
	p.hasLang = p.langs > 0
	if strings.Count(pat, "{domain}") > 1 {
		return nil, l10n.Errorf("config.patternDomainOnce", "Pattern", strconv.Quote(pat))
	}
	if rest := strings.NewReplacer("{lang}", "", "{domain}", "").Replace(pat); strings.ContainsAny(rest, "{}") {
		return nil, l10n.Errorf("config.patternUnknownLocale", "Pattern", strconv.Quote(pat))
	}
	var b strings.Builder
	b.WriteString("^")
	rest := pat
	langs := 0
	for rest != "" {
		i := strings.IndexByte(rest, '{')
		if i < 0 {
			b.WriteString(regexp.QuoteMeta(rest))
			break
		}
		b.WriteString(regexp.QuoteMeta(rest[:i]))
		rest = rest[i:]
		if strings.HasPrefix(rest, "{lang}") {
			// Go's regular expressions have no back-references: each
			// {lang} is a group of its own, and Match compares them.
			fmt.Fprintf(&b, `(?P<lang%d>%s)`, langs, langRE)
			langs++
			rest = rest[len("{lang}"):]
		} else {
			b.WriteString(`(?P<domain>.+)`)
			rest = rest[len("{domain}"):]
		}
	}
	b.WriteString("$")
	re, err := regexp.Compile(b.String())
	if err != nil {
		return nil, fmt.Errorf("path pattern %q: %v", pat, err)
	}
	p.re = re
	return p, nil
}

// HasLang reports whether the pattern names the language.
func (p *LocalePattern) HasLang() bool { return p.hasLang }

// Match reports whether rel is a catalog of the pattern, with the language
// as written in the path ("" without {lang}) and the domain ("" without
// {domain}).
func (p *LocalePattern) Match(rel string) (rawLang, domain string, ok bool) {
	m := p.re.FindStringSubmatch(rel)
	if m == nil {
		return "", "", false
	}
	if p.hasLang {
		rawLang = m[p.re.SubexpIndex("lang0")]
		for i := 1; i < p.langs; i++ {
			if m[p.re.SubexpIndex(fmt.Sprintf("lang%d", i))] != rawLang {
				return "", "", false
			}
		}
	}
	if p.hasDomain {
		domain = m[p.re.SubexpIndex("domain")]
		if !validSlug(domain) {
			return "", "", false
		}
	}
	return rawLang, domain, true
}

// PathFor returns the catalog path for a language (as spelled in paths)
// and a domain.
func (p *LocalePattern) PathFor(rawLang, domain string) string {
	return strings.NewReplacer("{lang}", rawLang, "{domain}", domain).Replace(p.Text)
}

// Root returns the literal folder prefix of the pattern ("" for the root).
func (p *LocalePattern) Root() string {
	prefix := p.Text
	if i := strings.IndexByte(prefix, '{'); i >= 0 {
		prefix = prefix[:i]
	}
	dir := path.Dir(prefix + "x")
	if dir == "." {
		return ""
	}
	return dir
}

func (p *parser) locales(n *yaml.Node) []Locale {
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, "config.localesList")
		return nil
	}
	var out []Locale
	for _, item := range n.Content {
		if l, ok := p.locale(item); ok {
			out = append(out, l)
		}
	}
	return out
}

func (p *parser) locale(n *yaml.Node) (Locale, bool) {
	l := Locale{Line: n.Line}
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "config.localesItem")
		return l, false
	}
	ok := true
	var pathNode, templateNode *yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch k.Value {
		case "path":
			pathNode = v
		case "source":
			l.Source = p.language(v)
		case "lang":
			l.Lang = p.language(v)
		case "format":
			s, _ := p.scalar(v, l10n.Raw("format"))
			if s != FormatGoI18n && s != FormatPO {
				p.errorf(v, "config.unknownFormat", "Format", strconv.Quote(s))
				ok = false
			}
			l.Format = s
		case "template":
			templateNode = v
		case "exclude":
			l.Exclude = p.globs(v)
		default:
			p.errorf(k, "config.unknownLocalesKey", "Key", strconv.Quote(k.Value))
			ok = false
		}
	}
	if pathNode == nil {
		p.errorf(n, "config.localesNeedsPath")
		return l, false
	}
	s, _ := p.scalar(pathNode, l10n.Raw("path"))
	pat, err := compileLocalePattern(s)
	if err != nil {
		p.fail(pathNode, l10n.TextOf(err))
		return l, false
	}
	l.Pattern = pat
	if !pat.hasLang && l.Lang == "" {
		p.errorf(pathNode, "config.localesNoLang", "Pattern", strconv.Quote(s))
		ok = false
	}
	if pat.hasLang && l.Lang != "" {
		p.errorf(pathNode, "config.localesLangContradicts", "Pattern", strconv.Quote(s))
		ok = false
	}
	if l.Format == "" {
		switch strings.ToLower(path.Ext(s)) {
		case ".po":
			l.Format = FormatPO
		case ".json", ".toml", ".yaml", ".yml":
			l.Format = FormatGoI18n
		default:
			p.errorf(pathNode, "config.localesFormatUnknown", "Pattern", strconv.Quote(s))
			ok = false
		}
	}
	if templateNode != nil {
		t, _ := p.scalar(templateNode, l10n.Raw("template"))
		tp, err := compileLocalePattern(t)
		switch {
		case err != nil:
			p.fail(templateNode, l10n.TextOf(err))
			ok = false
		case tp.hasLang:
			p.errorf(templateNode, "config.templateLang", "Pattern", strconv.Quote(t))
			ok = false
		case l.Format != FormatPO:
			p.errorf(templateNode, "config.templatePO")
			ok = false
		default:
			l.Template = tp
		}
	}
	if l.Lang != "" {
		if _, err := lang.Parse(l.Lang); err != nil {
			ok = false
		}
	}
	return l, ok
}

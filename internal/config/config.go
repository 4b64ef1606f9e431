// Package config loads glosa.yaml: the source language, the project's
// languages, where entries live and how their front-matter fields behave,
// and how lint rules are graded. Every problem is reported with the file and
// line it comes from; nothing invalid is silently replaced by a default.
package config

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/lang"
	"github.com/glosa/glosa/internal/limits"
)

// FileName is the configuration file glosa looks for at the repository root.
const FileName = "glosa.yaml"

// DefaultPath is the layout used when no configuration names one.
const DefaultPath = "content/{lang}/{slug}.md"

// Config is a loaded glosa.yaml, or the defaults when there is none.
type Config struct {
	// File is the path the configuration was read from, "" for defaults.
	File string
	// Digest is the SHA-256 of the file's bytes, zero for defaults: what
	// glosa's cache checks its results against.
	Digest [sha256.Size]byte
	// Source is the canonical tag of the source language; "" means the
	// language with the most entries, decided after scanning.
	Source string
	// Languages are canonical tags, source included, in the order written;
	// empty means discovered from the tree.
	Languages []string
	// Content lists where entries live.
	Content []Layout
	// Rules holds per-rule settings by rule ID.
	Rules map[string]RuleConfig
	// Locales lists the message catalogs.
	Locales []Locale
	// RepoURL, when not "", turns a repository path into a link to the
	// hosting site: "{path}" in it stands for the slash-separated path,
	// e.g. https://github.com/owner/repo/blob/main/{path}. glosa report
	// links files with it.
	RepoURL string
	// Aliases are other spellings of languages (see Aliases); the
	// patterns of Content and Locales read languages through them.
	Aliases Aliases
	// Limits bound the files glosa reads: the defaults, or what the
	// limits key sets.
	Limits limits.Limits
	// Terms are the termbase's term files and inflection rules.
	Terms Terms
	// Minor is the minor key, nil when absent (see MinorRule).
	Minor *Minor
}

// Layout is one content location: a path pattern and the schema of the
// front matter of the entries found there.
type Layout struct {
	Patterns *Patterns
	Exclude  []string
	Fields   *Field
	// Terms, when not nil, says that the layout's entries are terms.
	Terms *LayoutTerms
	Line  int
}

// RuleConfig is a rule's setting in glosa.yaml: off, a severity, or a
// mapping with a severity and rule-specific options.
type RuleConfig struct {
	Off      bool
	Severity string // "" keeps the rule's default
	// Options are the values of the rule's own keys, validated by the
	// rule; OptionKeys the nodes of those keys, for an error about a key
	// itself.
	Options, OptionKeys map[string]*yaml.Node
	// Line and Column are those of the rule's key.
	Line, Column int
	// Exclude are globs of files whose findings of the rule are not
	// reported; Ignore are patterns of findings not reported (see
	// Excludes and Ignores).
	Exclude []string
	Ignore  []*regexp.Regexp
}

// ErrInvalid is what every error about the configuration file wraps, so
// that the command line tells a mistake in glosa.yaml (a usage error) from
// a failure of the tool. The errors themselves are *l10n.Error values,
// with the file, line and column.
var ErrInvalid = errors.New("invalid configuration")

// ErrorAt returns the error of a problem saying t at a 1-based line and
// column of the configuration file (0 when unknown). The column is where a
// user would put the cursor: the value that is wrong, the key that is
// unknown.
func ErrorAt(file string, line, col int, t l10n.Text) *l10n.Error {
	return &l10n.Error{Path: file, Line: line, Column: col, Text: excerpts(t), Err: ErrInvalid}
}

// excerptRunes is how much of a value of the file an error quotes: enough
// to recognise a key or a pattern, too little to leak a secret file's
// content into a CI log when the file read was not a configuration.
const excerptRunes = 40

// excerpts returns t with every value it quotes cut to excerptRunes,
// an error's words (an "Error" value, which may quote one) to three
// times that.
func excerpts(t l10n.Text) l10n.Text {
	if len(t.Data) == 0 {
		return t
	}
	data := make(map[string]any, len(t.Data))
	for k, v := range t.Data {
		n := excerptRunes
		if k == "Error" {
			n *= 3
		}
		switch v := v.(type) {
		case string:
			data[k] = Excerpt(v, n)
		case error:
			data[k] = Excerpt(v.Error(), n)
		case l10n.Text:
			data[k] = excerpts(v)
		default:
			data[k] = v
		}
	}
	t.Data = data
	return t
}

// Excerpt returns s cut to n runes and an ellipsis when it is longer; a
// quoted s keeps its closing quote.
func Excerpt(s string, n int) string {
	inner, quoted := s, len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"'
	if quoted {
		inner = s[1 : len(s)-1]
	}
	if utf8.RuneCountInString(inner) <= n {
		return s
	}
	cut := 0
	for i := range inner {
		if n == 0 {
			cut = i
			break
		}
		n--
	}
	inner = inner[:cut] + "…"
	if quoted {
		return `"` + inner + `"`
	}
	return inner
}

// Default returns the configuration used when the repository has no
// glosa.yaml: entries in content/{lang}/{slug}.md, languages discovered,
// title and description translated.
func Default() *Config {
	p, err := CompilePatterns(DefaultPath, nil)
	if err != nil {
		panic(err) // the default pattern is a constant
	}
	return &Config{
		Content: []Layout{{Patterns: p, Fields: DefaultFields()}},
		Rules:   map[string]RuleConfig{},
		Limits:  limits.Defaults(),
	}
}

// DefaultFields is the front-matter schema used when a layout names none.
func DefaultFields() *Field {
	return &Field{Kind: Object, Keys: []string{"description", "title"}, Fields: map[string]*Field{
		"title":       {Kind: Text},
		"description": {Kind: Text},
	}}
}

// Load reads the configuration for the repository at root. With file == ""
// it uses root/glosa.yaml when present and the defaults otherwise; a file
// named explicitly must exist. Errors wrap ErrInvalid when the file is
// malformed.
func Load(root, file string) (*Config, error) {
	explicit := file != ""
	if !explicit {
		file = filepath.Join(root, FileName)
		if err := leadsOutside(root, file); err != nil {
			return nil, err
		}
	}
	data, err := limits.ReadFile(file, limits.ConfigSize)
	if err != nil {
		if !explicit && errors.Is(err, os.ErrNotExist) {
			return Default(), nil
		}
		return nil, fmt.Errorf("reading configuration: %w", err)
	}
	name := file
	if rel, err := filepath.Rel(root, file); err == nil && !strings.HasPrefix(rel, "..") {
		name = filepath.ToSlash(rel)
	}
	return Parse(name, data)
}

// leadsOutside returns an error when file, the repository's glosa.yaml,
// is a symbolic link that leads out of root: a pull request could make it
// point at a secret file of the CI machine, whose lines the errors would
// then quote. A configuration named with --config is read wherever it is.
func leadsOutside(root, file string) error {
	fi, err := os.Lstat(file)
	if err != nil || fi.Mode()&os.ModeSymlink == 0 {
		return nil
	}
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return nil
	}
	real, err := filepath.EvalSymlinks(file)
	if err != nil {
		return nil // broken: reading it fails as for a missing file
	}
	if rel, err := filepath.Rel(realRoot, real); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return &l10n.Error{Text: l10n.Msg("config.symlinkOutside", "Path", FileName), Err: ErrInvalid}
	}
	return nil
}

// Parse reads configuration text; name is used in error messages.
func Parse(name string, data []byte) (*Config, error) {
	p := &parser{file: name}
	if UTF16(data) {
		return nil, ErrorAt(name, 1, 1, l10n.Msg("err.utf16"))
	}
	if !utf8.Valid(data) {
		i := 0
		for i < len(data) {
			r, n := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			i += n
		}
		line, col := Position(data, i)
		return nil, ErrorAt(name, line, col, l10n.Msg("err.invalidUTF8"))
	}
	if i, what := LineSeparator(data); i >= 0 {
		line, col := Position(data, i)
		return nil, ErrorAt(name, line, col, l10n.Msg("err.lineSeparator", "What", what))
	}
	if i := LoneCR(data); i >= 0 {
		line, col := Position(data, i)
		return nil, ErrorAt(name, line, col, l10n.Msg("err.loneCR"))
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, p.yamlError(data, err)
	}
	if p.duplicates(&doc); len(p.errs) > 0 {
		return nil, errors.Join(p.errs...)
	}
	cfg := &Config{File: name, Digest: sha256.Sum256(data), Rules: map[string]RuleConfig{}, Limits: limits.Defaults()}
	if doc.Kind == 0 || len(doc.Content) == 0 || doc.Content[0].ShortTag() == "!!null" {
		return withDefaults(cfg), nil // empty, comments only, a lone ---
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, p.errorf(root, "config.notMapping")
	}
	noContent, hasContent, hasLocales := false, false, false
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "source":
			cfg.Source = p.language(v)
		case "languages":
			cfg.Languages = p.languages(v)
		case "content":
			cfg.Content = p.layouts(v)
			hasContent = true
			// content: [] says there are no entries (a project of
			// catalogs only).
			noContent = v.Kind == yaml.SequenceNode && len(v.Content) == 0
		case "rules":
			cfg.Rules = p.rules(v)
		case "locales":
			cfg.Locales = p.locales(v)
			hasLocales = true
		case "repoURL":
			cfg.RepoURL = p.repoURL(v)
		case "aliases":
			cfg.Aliases = p.aliases(v)
		case "limits":
			cfg.Limits = p.limits(v)
		case "terms":
			cfg.Terms = p.terms(v)
		case "minor":
			cfg.Minor = p.minor(v)
		default:
			p.errorf(k, "config.unknownKey", "Key", strconv.Quote(k.Value))
		}
	}
	p.checkAliasUses(cfg.Aliases)
	if len(p.errs) > 0 {
		return nil, errors.Join(p.errs...)
	}
	if cfg.Source != "" && len(cfg.Languages) > 0 && !slices.Contains(cfg.Languages, cfg.Source) {
		cfg.Languages = append([]string{cfg.Source}, cfg.Languages...)
	}
	// Without a content: key, the default layout applies, unless the
	// file declares catalogs: a configuration that names only locales:
	// is a project of catalogs, and content/{lang}/{slug}.md is not
	// looked for (nor warned about when absent).
	if !noContent && (hasContent || !hasLocales) {
		cfg = withDefaults(cfg)
	}
	// The aliases reach every layout, the default one too, and every
	// catalog.
	for i := range cfg.Content {
		cfg.Content[i].Patterns.aliases = cfg.Aliases
	}
	for i := range cfg.Locales {
		cfg.Locales[i].Aliases = cfg.Aliases
	}
	return cfg, nil
}

func withDefaults(cfg *Config) *Config {
	if len(cfg.Content) == 0 {
		cfg.Content = Default().Content
	}
	return cfg
}

type parser struct {
	file string
	errs []error
	// langUses are the languages written outside aliases, and
	// aliasLines the line of each alias: an alias used as a language is
	// an error.
	langUses   []languageUse
	aliasLines map[string]int
}

// errorf records the error of message id (data as pairs) at n.
func (p *parser) errorf(n *yaml.Node, id string, data ...any) error {
	return p.fail(n, l10n.Msg(id, data...))
}

// fail records an error saying t at n.
func (p *parser) fail(n *yaml.Node, t l10n.Text) error {
	err := ErrorAt(p.file, n.Line, n.Column, t)
	p.errs = append(p.errs, err)
	return err
}

// yamlError turns a yaml.v3 syntax error into an error at the line and
// column where the problem is.
func (p *parser) yamlError(data []byte, err error) *l10n.Error {
	line, col, msg := LocateYAMLError(data, err)
	return ErrorAt(p.file, line, col, l10n.Raw(msg))
}

// duplicates reports every key that a mapping of the tree repeats: YAML
// forbids it, and yaml.v3 would silently keep the last one.
func (p *parser) duplicates(n *yaml.Node) {
	switch n.Kind {
	case yaml.DocumentNode, yaml.SequenceNode:
		for _, c := range n.Content {
			p.duplicates(c)
		}
	case yaml.MappingNode:
		first := map[string]int{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if line, dup := first[k.Value]; dup {
				p.errorf(k, "err.duplicateKey", "Key", k.Value, "Line", line)
			} else {
				first[k.Value] = k.Line
			}
			p.duplicates(n.Content[i+1])
		}
	}
}

// scalar reads a single value; what names it in an error (a Text, such
// as l10n.Msg("config.what.language"), or a key as it is written).
func (p *parser) scalar(n *yaml.Node, what l10n.Text) (string, bool) {
	if n.Kind != yaml.ScalarNode {
		p.errorf(n, "config.notScalar", "What", what)
		return "", false
	}
	return n.Value, true
}

// repoURL reads the repoURL key: an absolute http or https URL holding
// {path} once, which must still be a URL once a path replaces it.
func (p *parser) repoURL(n *yaml.Node) string {
	s, ok := p.scalar(n, l10n.Raw("repoURL"))
	if !ok {
		return ""
	}
	u, err := url.Parse(strings.Replace(s, "{path}", "content/en/x.md", 1))
	if strings.Count(s, "{path}") != 1 || err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		p.errorf(n, "config.repoURL", "Value", strconv.Quote(s))
		return ""
	}
	return s
}

func (p *parser) language(n *yaml.Node) string {
	s, ok := p.scalar(n, l10n.Msg("config.what.language"))
	if !ok {
		return ""
	}
	code, err := lang.Parse(s)
	if err != nil {
		p.fail(n, l10n.TextOf(err))
		return ""
	}
	p.langUses = append(p.langUses, languageUse{code: code, node: n})
	return code
}

func (p *parser) languages(n *yaml.Node) []string {
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, "config.languagesList")
		return nil
	}
	var out []string
	for _, item := range n.Content {
		code := p.language(item)
		if code == "" {
			continue
		}
		if slices.Contains(out, code) {
			p.errorf(item, "config.languageTwice", "Lang", code)
			continue
		}
		out = append(out, code)
	}
	return out
}

func (p *parser) layouts(n *yaml.Node) []Layout {
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, "config.contentList")
		return nil
	}
	var out []Layout
	for _, item := range n.Content {
		if l, ok := p.layout(item); ok {
			out = append(out, l)
		}
	}
	return out
}

func (p *parser) layout(n *yaml.Node) (Layout, bool) {
	l := Layout{Line: n.Line}
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "config.contentItem")
		return l, false
	}
	var path string
	var pathNode *yaml.Node
	perLang := map[string]string{}
	var termsNode *yaml.Node
	ok := true
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch k.Value {
		case "path":
			path, _ = p.scalar(v, l10n.Raw("path"))
			pathNode = v
		case "paths":
			if v.Kind != yaml.MappingNode {
				p.errorf(v, "config.pathsMapping")
				ok = false
				continue
			}
			for j := 0; j+1 < len(v.Content); j += 2 {
				code := p.language(v.Content[j])
				pat, _ := p.scalar(v.Content[j+1], l10n.Msg("config.what.pattern"))
				if code == "" || pat == "" {
					ok = false
					continue
				}
				if _, dup := perLang[code]; dup {
					p.errorf(v.Content[j], "config.pathsTwice", "Lang", code)
					ok = false
					continue
				}
				if err := checkPattern(pat, false); err != nil {
					p.fail(v.Content[j+1], l10n.TextOf(err))
					ok = false
					continue
				}
				perLang[code] = pat
			}
		case "exclude":
			l.Exclude = p.globs(v)
		case "fields":
			l.Fields = p.fields(v)
		case "terms":
			l.Terms = p.layoutTerms(v)
			termsNode = v
		default:
			p.errorf(k, "config.unknownContentKey", "Key", strconv.Quote(k.Value))
			ok = false
		}
	}
	if pathNode == nil && len(perLang) == 0 {
		p.errorf(n, "config.contentNeedsPath")
		return l, false
	}
	if pathNode != nil {
		if err := checkPattern(path, true); err != nil {
			p.fail(pathNode, l10n.TextOf(err))
			return l, false
		}
	}
	pats, err := CompilePatterns(path, perLang)
	if err != nil {
		p.fail(n, l10n.TextOf(err))
		return l, false
	}
	l.Patterns = pats
	if l.Fields == nil {
		l.Fields = DefaultFields()
	}
	if termsNode != nil {
		p.checkLayoutTerms(termsNode, &l)
	}
	return l, ok
}

// list returns the items of a node that is one scalar or a list of them;
// false, with the error msg at the node, when it is neither.
func (p *parser) list(n *yaml.Node, msg string) ([]*yaml.Node, bool) {
	switch n.Kind {
	case yaml.ScalarNode:
		return []*yaml.Node{n}, true
	case yaml.SequenceNode:
		return n.Content, true
	}
	p.errorf(n, msg)
	return nil, false
}

func (p *parser) globs(n *yaml.Node) []string {
	items, ok := p.list(n, "config.excludeList")
	if !ok {
		return nil
	}
	var out []string
	for _, item := range items {
		if s, ok := p.scalar(item, l10n.Msg("config.what.glob")); ok {
			if !validGlob(s) {
				p.errorf(item, "config.badGlob", "Glob", strconv.Quote(s))
				continue
			}
			out = append(out, s)
		}
	}
	return out
}

func (p *parser) rules(n *yaml.Node) map[string]RuleConfig {
	out := map[string]RuleConfig{}
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "config.rulesMapping")
		return out
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		rc := RuleConfig{Line: k.Line, Column: k.Column}
		switch v.Kind {
		case yaml.ScalarNode:
			p.severity(v, v.Value, &rc)
		case yaml.MappingNode:
			rc.Options, rc.OptionKeys = map[string]*yaml.Node{}, map[string]*yaml.Node{}
			for j := 0; j+1 < len(v.Content); j += 2 {
				ok, ov := v.Content[j], v.Content[j+1]
				switch ok.Value {
				case "severity":
					p.severity(ov, ov.Value, &rc)
				case "exclude":
					rc.Exclude = p.globs(ov)
				case "ignore":
					rc.Ignore = p.patterns(ov)
				default:
					rc.Options[ok.Value], rc.OptionKeys[ok.Value] = ov, ok
				}
			}
		default:
			p.errorf(v, "config.ruleValue", "Rule", k.Value)
		}
		out[k.Value] = rc
	}
	return out
}

// Severities lists the severities from the most to the least severe.
var Severities = []string{"error", "warning", "info"}

func (p *parser) severity(n *yaml.Node, s string, rc *RuleConfig) {
	switch s {
	case "off", "false":
		rc.Off = true
	case "error", "warning", "info":
		rc.Severity = s
	default:
		p.errorf(n, "config.unknownSeverity", "Severity", strconv.Quote(s))
	}
}

// SortedRuleIDs returns the configured rule IDs in order.
func (c *Config) SortedRuleIDs() []string {
	ids := make([]string, 0, len(c.Rules))
	for id := range c.Rules {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

package lint

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"

	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/lang"
)

// Option declares one setting of a rule in glosa.yaml: its name, its kind
// (what values it takes), its default and what it does. lint.New parses
// each configured option once, by its kind; a rule reads the parsed value
// through the typed declaration (see optionOf).
type Option struct {
	Name string
	Kind Kind
	// Default is the value when glosa.yaml does not set the option, as
	// glosa.yaml would write it; "" when the option has no value by default.
	Default string
	// Doc says what the option does, in Markdown and English.
	Doc string
	// def is the parsed default; parse reads a value written in glosa.yaml,
	// reporting what is wrong with it to p.
	def   any
	parse func(p *optionParser, n *yaml.Node) any
}

// Kind is what values an option takes.
type Kind string

// The kinds of options.
const (
	KindInt         Kind = "int"
	KindBool        Kind = "bool"
	KindString      Kind = "string"
	KindSeverity    Kind = "severity"
	KindLanguages   Kind = "languages"
	KindRegexps     Kind = "regexps"
	KindHosts       Kind = "hosts"
	KindHostLocales Kind = "host-locales"
)

// Kinds lists every kind of option.
var Kinds = []Kind{KindInt, KindBool, KindString, KindSeverity, KindLanguages, KindRegexps, KindHosts, KindHostLocales}

// Doc says in English what values of the kind glosa.yaml may write.
func (k Kind) Doc() string {
	switch k {
	case KindInt:
		return "a whole number, 0 or more"
	case KindBool:
		return "true or false"
	case KindString:
		return "a single non-empty value"
	case KindSeverity:
		return "off, error, warning or info"
	case KindLanguages:
		return "a BCP 47 language tag or a list of them"
	case KindRegexps:
		return "a regular expression (RE2 syntax) or a list of them"
	case KindHosts:
		return "a host name or a list of them"
	case KindHostLocales:
		return "a mapping of host names to lists of locales, as each site writes them in its URLs"
	}
	return string(k)
}

// optionOf is an option's declaration with the Go type of its parsed
// value: rules read options only through one, so that reading an option
// no rule declares fails (see of).
type optionOf[T any] struct{ *Option }

// of returns the value the linter parsed for the option, or its default.
// It panics when no rule declares the option: New parsed no value for it.
func (o optionOf[T]) of(c *checker) T {
	v, ok := c.linter.values[o.Option]
	if !ok {
		panic(fmt.Sprintf("lint: option %s is read but no rule declares it in its Options", o.Name))
	}
	return v.(T)
}

// declare makes the declaration of an option of kind k, whose parser
// returns a T.
func declare[T any](name string, k Kind, def T, defText, doc string, parse func(p *optionParser, n *yaml.Node) (T, bool)) optionOf[T] {
	return optionOf[T]{&Option{Name: name, Kind: k, Default: defText, Doc: doc, def: def,
		parse: func(p *optionParser, n *yaml.Node) any {
			if v, ok := parse(p, n); ok {
				return v
			}
			return def
		}}}
}

// intOption declares an option whose value is a whole number, 0 or more.
func intOption(name string, def int, doc string) optionOf[int] {
	return declare(name, KindInt, def, strconv.Itoa(def), doc, (*optionParser).int)
}

// boolOption declares an option whose value is true or false.
func boolOption(name string, def bool, doc string) optionOf[bool] {
	return declare(name, KindBool, def, strconv.FormatBool(def), doc, (*optionParser).bool)
}

// stringOption declares an option whose value is one non-empty scalar.
func stringOption(name, def, doc string) optionOf[string] {
	return declare(name, KindString, def, def, doc, (*optionParser).string)
}

// severityOption declares an option whose value is a severity or off;
// off is the severity "".
func severityOption(name string, def Severity, doc string) optionOf[Severity] {
	text := string(def)
	if def == "" {
		text = "off"
	}
	return declare(name, KindSeverity, def, text, doc, (*optionParser).severity)
}

// langsOption declares an option that lists languages, read as their
// canonical tags; none by default.
func langsOption(name, doc string) optionOf[[]string] {
	return declare(name, KindLanguages, nil, "", doc, (*optionParser).langs)
}

// regexpsOption declares an option that lists regular expressions; nil by
// default, an empty list when glosa.yaml sets it to none.
func regexpsOption(name, doc string) optionOf[[]*regexp.Regexp] {
	return declare(name, KindRegexps, nil, "", doc, (*optionParser).regexps)
}

// hostsOption declares an option that lists host names, lower-cased; none
// by default.
func hostsOption(name, doc string) optionOf[[]string] {
	return declare(name, KindHosts, nil, "", doc, (*optionParser).hosts)
}

// hostLocalesOption declares an option that maps host names to the
// locales each site has; none by default.
func hostLocalesOption(name, doc string) optionOf[map[string][]string] {
	return declare(name, KindHostLocales, nil, "", doc, (*optionParser).hostLocales)
}

// optionParser parses the options of one rule, and gathers what is wrong
// with them, at their places in glosa.yaml.
type optionParser struct {
	rule, name string
	errs       []optionErr
}

// optionErr is a problem with an option, at the line and column of its
// value, or of its key when the key itself is wrong.
type optionErr struct {
	line, col int
	text      l10n.Text
}

// bad records a problem at n worded by the message msg.
func (p *optionParser) bad(n *yaml.Node, msg string) {
	p.errs = append(p.errs, optionErr{n.Line, n.Column, l10n.Msg(msg, "Rule", p.rule, "Option", p.name)})
}

// badErr records a problem at n that err words.
func (p *optionParser) badErr(n *yaml.Node, err any) {
	p.errs = append(p.errs, optionErr{n.Line, n.Column, l10n.Msg("lint.optionError", "Rule", p.rule, "Option", p.name, "Error", err)})
}

func (p *optionParser) int(n *yaml.Node) (int, bool) {
	v, err := strconv.Atoi(n.Value)
	if n.Kind != yaml.ScalarNode || err != nil || v < 0 {
		p.bad(n, "lint.optionInt")
		return 0, false
	}
	return v, true
}

func (p *optionParser) bool(n *yaml.Node) (bool, bool) {
	if n.Kind == yaml.ScalarNode {
		switch n.Value {
		case "true":
			return true, true
		case "false":
			return false, true
		}
	}
	p.bad(n, "lint.optionBool")
	return false, false
}

func (p *optionParser) string(n *yaml.Node) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.Value == "" {
		p.bad(n, "lint.optionScalar")
		return "", false
	}
	return n.Value, true
}

func (p *optionParser) severity(n *yaml.Node) (Severity, bool) {
	if n.Kind == yaml.ScalarNode {
		switch n.Value {
		case "off", "false":
			return "", true
		case "error", "warning", "info":
			return Severity(n.Value), true
		}
	}
	p.bad(n, "lint.optionSeverity")
	return "", false
}

// list returns the items of an option that is one scalar or a list of
// them; false when it is neither (a problem worded by msg).
func (p *optionParser) list(n *yaml.Node, msg string) ([]*yaml.Node, bool) {
	switch n.Kind {
	case yaml.ScalarNode:
		return []*yaml.Node{n}, true
	case yaml.SequenceNode:
		return n.Content, true
	}
	p.bad(n, msg)
	return nil, false
}

// listOf reads an option that is one scalar or a list of them, each
// read by item, which records its own problems and leaves the item out;
// msg words a value that is neither.
func listOf[T any](p *optionParser, n *yaml.Node, msg string, item func(*yaml.Node) (T, bool)) ([]T, bool) {
	items, ok := p.list(n, msg)
	if !ok {
		return nil, false
	}
	out := []T{}
	for _, it := range items {
		if v, ok := item(it); ok {
			out = append(out, v)
		}
	}
	return out, true
}

// language reads a language tag, worded by msg when it is no scalar; it
// returns the tag's canonical form.
func (p *optionParser) language(item *yaml.Node, msg string) (string, bool) {
	if item.Kind != yaml.ScalarNode {
		p.bad(item, msg)
		return "", false
	}
	code, err := lang.Parse(item.Value)
	if err != nil {
		p.badErr(item, l10n.TextOf(err))
		return "", false
	}
	return code, true
}

func (p *optionParser) langs(n *yaml.Node) ([]string, bool) {
	return listOf(p, n, "lint.optionLangs", func(item *yaml.Node) (string, bool) { return p.language(item, "lint.optionLangs") })
}

func (p *optionParser) regexps(n *yaml.Node) ([]*regexp.Regexp, bool) {
	return listOf(p, n, "lint.optionRegexps", func(item *yaml.Node) (*regexp.Regexp, bool) {
		if item.Kind != yaml.ScalarNode || item.Value == "" {
			p.bad(item, "lint.optionRegexps")
			return nil, false
		}
		re, err := regexp.Compile(item.Value)
		if err != nil {
			p.badErr(item, err.Error())
			return nil, false
		}
		return re, true
	})
}

func (p *optionParser) hosts(n *yaml.Node) ([]string, bool) {
	return listOf(p, n, "lint.optionHosts", func(item *yaml.Node) (string, bool) {
		if item.Kind != yaml.ScalarNode || !validHost(item.Value) {
			p.bad(item, "lint.optionHosts")
			return "", false
		}
		return strings.ToLower(item.Value), true
	})
}

// hostLocales reads a mapping of host names to the locales each site has,
// written as the site writes them in its URLs (developer.mozilla.org:
// [en-US, fr, ja]).
func (p *optionParser) hostLocales(n *yaml.Node) (map[string][]string, bool) {
	if n.Kind != yaml.MappingNode {
		p.bad(n, "lint.optionHostLocales")
		return nil, false
	}
	out := map[string][]string{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode || !validHost(k.Value) {
			p.bad(k, "lint.optionHostLocales")
			continue
		}
		// The locales as the site spells them, checked as tags.
		locales, _ := listOf(p, v, "lint.optionHostLocales", func(item *yaml.Node) (string, bool) {
			_, ok := p.language(item, "lint.optionHostLocales")
			return item.Value, ok
		})
		if locales == nil {
			locales = []string{}
		}
		out[strings.ToLower(k.Value)] = locales
	}
	return out, true
}

// validHost accepts a host name as a URL writes it: labels of letters,
// digits and hyphens (or any non-ASCII letter), separated by dots.
func validHost(h string) bool {
	if h == "" || strings.HasPrefix(h, ".") || strings.HasSuffix(h, ".") || strings.Contains(h, "..") {
		return false
	}
	for _, r := range h {
		if !(r == '.' || r == '-' || r >= '0' && r <= '9' || unicode.IsLetter(r)) {
			return false
		}
	}
	return true
}

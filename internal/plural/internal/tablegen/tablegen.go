// Package tablegen turns CLDR's plurals.xml into the Go table that package
// plural looks languages up in. The file it reads is the copy go-i18n ships
// and compiles its own rules from, so that glosa asks translators for exactly
// the plural forms go-i18n selects; gentable is the command that runs it.
//
// Only what glosa needs is kept: each rule set's categories, the first
// sample CLDR gives for each, whether CLDR gives integer samples for it, and
// the rules compiled for whole numbers into the C expression of a gettext
// Plural-Forms header (see CompileGettext). The rules for decimals stay with
// go-i18n.
package tablegen

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"go/format"
	"os/exec"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/text/language"
)

// Module is the module whose copy of plurals.xml the table is generated
// from, and XMLPath the file's path inside it.
const (
	Module  = "github.com/nicksnyder/go-i18n/v2"
	XMLPath = "internal/plural/codegen/plurals.xml"
)

// Source names the plurals.xml a table is generated from.
type Source struct {
	Module  string // module path, Module
	Version string // module version, "v2.7.0"
	Path    string // file path inside the module, XMLPath
}

// File is the cardinal part of a plurals.xml.
type File struct {
	// Version is the number attribute of the <version> element, as
	// written; CLDR's own copies hold a "$Revision$" placeholder there.
	Version  string
	RuleSets []RuleSet
}

// RuleSet is one <pluralRules> element: locales that share their rules.
type RuleSet struct {
	Locales []string // CLDR locale IDs, "pt_PT", "root"
	Rules   []Rule   // in file order, which is CLDR order
}

// Rule is one <pluralRule>: a category, its condition and its samples.
type Rule struct {
	Count     string   // "one"
	Condition string   // "i = 1 and v = 0"; empty for other
	Integers  []string // @integer samples: "1", "2~4", "1c6"
	Decimals  []string // @decimal samples: "0.0~1.5", "1.1c6"
}

var categories = []string{"zero", "one", "two", "few", "many", "other"}

type xmlFile struct {
	Version struct {
		Number string `xml:"number,attr"`
	} `xml:"version"`
	Plurals []struct {
		Type     string `xml:"type,attr"`
		RuleSets []struct {
			Locales string `xml:"locales,attr"`
			Rules   []struct {
				Count string `xml:"count,attr"`
				Text  string `xml:",chardata"`
			} `xml:"pluralRule"`
		} `xml:"pluralRules"`
	} `xml:"plurals"`
}

// Parse reads the cardinal rules of a plurals.xml. It checks what the table
// relies on: known category names, each once, other in every rule set, and
// each locale in one rule set only.
func Parse(data []byte) (File, error) {
	var x xmlFile
	if err := xml.Unmarshal(data, &x); err != nil {
		return File{}, fmt.Errorf("plurals.xml: %w", err)
	}
	f := File{Version: x.Version.Number}
	seen := map[string]bool{}
	for _, p := range x.Plurals {
		if p.Type != "cardinal" {
			continue
		}
		for _, xs := range p.RuleSets {
			rs := RuleSet{Locales: strings.Fields(xs.Locales)}
			if len(rs.Locales) == 0 {
				return File{}, errors.New("plurals.xml: pluralRules without locales")
			}
			for _, l := range rs.Locales {
				if seen[l] {
					return File{}, fmt.Errorf("plurals.xml: locale %s in two rule sets", l)
				}
				seen[l] = true
			}
			for _, xr := range xs.Rules {
				if !slices.Contains(categories, xr.Count) {
					return File{}, fmt.Errorf("plurals.xml: %s: unknown plural category %q", xs.Locales, xr.Count)
				}
				if slices.ContainsFunc(rs.Rules, func(r Rule) bool { return r.Count == xr.Count }) {
					return File{}, fmt.Errorf("plurals.xml: %s: category %s given twice", xs.Locales, xr.Count)
				}
				rs.Rules = append(rs.Rules, parseRule(xr.Count, xr.Text))
			}
			if !slices.ContainsFunc(rs.Rules, func(r Rule) bool { return r.Count == "other" }) {
				return File{}, fmt.Errorf("plurals.xml: %s: no other category", xs.Locales)
			}
			f.RuleSets = append(f.RuleSets, rs)
		}
	}
	if len(f.RuleSets) == 0 {
		return File{}, errors.New("plurals.xml: no cardinal plural rules")
	}
	if !seen["root"] {
		return File{}, errors.New("plurals.xml: no rules for root")
	}
	return f, nil
}

// parseRule splits "i = 1 and v = 0 @integer 1 @decimal 0.0~1.5, …" into
// its condition and sample lists.
func parseRule(count, text string) Rule {
	r := Rule{Count: count}
	cond, samples, _ := strings.Cut(text, "@")
	r.Condition = strings.Join(strings.Fields(cond), " ")
	for _, part := range strings.Split("@"+samples, "@")[1:] {
		kind, list, _ := strings.Cut(part, " ")
		var items []string
		for _, it := range strings.Split(list, ",") {
			if it = strings.TrimSpace(it); it != "" && it != "…" {
				items = append(items, it)
			}
		}
		switch kind {
		case "integer":
			r.Integers = items
		case "decimal":
			r.Decimals = items
		}
	}
	return r
}

// Example is the first sample of the rule, integers first, in CLDR sample
// notation: the start of a range ("2" for "2~4"), and a compact exponent
// kept as written ("1c6") only when no sample lacks one, since the exponent
// can decide the category.
func (r Rule) Example() string {
	samples := append(slices.Clip(r.Integers), r.Decimals...)
	for _, s := range samples {
		if s, _, _ = strings.Cut(s, "~"); !strings.ContainsAny(s, "ce") {
			return s
		}
	}
	if len(samples) == 0 {
		return ""
	}
	s, _, _ := strings.Cut(samples[0], "~")
	return s
}

// rank is the place of a category in CLDR order.
func rank(count string) int { return slices.Index(categories, count) }

// LocaleKey is the key a CLDR locale ID gets in the table: the canonical
// form of the BCP 47 tag go-i18n parses the ID into ("pt_PT" → "pt-PT").
func LocaleKey(id string) (string, error) {
	tag, err := language.Parse(id)
	if err != nil {
		return "", fmt.Errorf("plurals.xml: locale %q: %w", id, err)
	}
	return tag.String(), nil
}

var versionNumber = regexp.MustCompile(`^[0-9]+(\.[0-9]+)*$`)

// Generate writes the table for f as gofmt'ed Go source of package plural.
// Two locale IDs that go-i18n parses into the same tag must share a rule
// set: go-i18n would keep whichever came last, which is no rule to copy.
func Generate(f File, src Source) ([]byte, error) {
	version := ""
	if versionNumber.MatchString(f.Version) {
		version = f.Version
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by gentable from %s@%s %s (version number %q); DO NOT EDIT.\n\n", src.Module, src.Version, src.Path, f.Version)
	b.WriteString("package plural\n\n")
	b.WriteString("// cldrVersion is the CLDR version plurals.xml states, \"\" if its <version>\n// element holds no number.\n")
	fmt.Fprintf(&b, "const cldrVersion = %q\n\n", version)
	b.WriteString("// cldrSource names the plurals.xml the table was generated from.\n")
	fmt.Fprintf(&b, "const cldrSource = %q\n\n", src.Module+"@"+src.Version+"/"+src.Path)

	keys := map[string]int{}
	root := -1
	b.WriteString("// cldrRuleSets holds the cardinal rule sets of plurals.xml in file order:\n")
	b.WriteString("// the gettext plural= expression compiled from CLDR's conditions, and each\n")
	b.WriteString("// category with its first sample and whether CLDR gives integer samples\n// for it. The comments are CLDR's conditions.\n")
	b.WriteString("var cldrRuleSets = [...]cldrRuleSet{\n")
	for i, rs := range f.RuleSets {
		g, err := CompileGettext(rs)
		if err != nil {
			return nil, fmt.Errorf("plurals.xml: %w", err)
		}
		fmt.Fprintf(&b, "\t// %d: %s\n\t{\n", i, strings.Join(rs.Locales, " "))
		fmt.Fprintf(&b, "\t\tplural: %q,\n", g.Plural)
		b.WriteString("\t\tforms: []cldrForm{\n")
		rules := slices.Clone(rs.Rules)
		slices.SortStableFunc(rules, func(x, y Rule) int { return rank(x.Count) - rank(y.Count) })
		for _, r := range rules {
			fmt.Fprintf(&b, "\t\t\t{%s, %q, %t},", categoryConst(r.Count), r.Example(), len(r.Integers) > 0)
			if r.Condition != "" {
				fmt.Fprintf(&b, " // %s", r.Condition)
			}
			b.WriteString("\n")
		}
		b.WriteString("\t\t},\n\t},\n")
		for _, id := range rs.Locales {
			if id == "root" {
				root = i
				continue
			}
			key, err := LocaleKey(id)
			if err != nil {
				return nil, err
			}
			if j, ok := keys[key]; ok && j != i {
				return nil, fmt.Errorf("plurals.xml: locale %s is %s, which rule set %d also has", id, key, j)
			}
			keys[key] = i
		}
	}
	b.WriteString("}\n\n")
	fmt.Fprintf(&b, "// cldrRoot is the rule set of CLDR's root locale.\nconst cldrRoot = %d\n\n", root)
	b.WriteString("// cldrLocales maps the canonical BCP 47 tag of each locale of plurals.xml,\n// root aside, to its rule set.\n")
	b.WriteString("var cldrLocales = map[string]int{\n")
	sorted := make([]string, 0, len(keys))
	for k := range keys {
		sorted = append(sorted, k)
	}
	slices.Sort(sorted)
	for _, k := range sorted {
		fmt.Fprintf(&b, "\t%q: %d,\n", k, keys[k])
	}
	b.WriteString("}\n")
	out, err := format.Source(b.Bytes())
	if err != nil {
		return nil, fmt.Errorf("formatting the generated table: %w", err)
	}
	return out, nil
}

func categoryConst(count string) string {
	return strings.ToUpper(count[:1]) + count[1:]
}

// Locate asks the go command for the directory and version of Module as
// the main module requires it, so that the table follows go.mod.
func Locate(dir string) (modDir, version string, err error) {
	cmd := exec.Command("go", "list", "-m", "-json", Module)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", "", fmt.Errorf("go list -m %s: %w: %s", Module, err, strings.TrimSpace(stderr.String()))
	}
	var m struct{ Dir, Version string }
	if err := json.Unmarshal(out, &m); err != nil {
		return "", "", fmt.Errorf("go list -m %s: %w", Module, err)
	}
	if m.Dir == "" {
		return "", "", fmt.Errorf("go list -m %s: module %s is not downloaded", Module, m.Version)
	}
	return m.Dir, m.Version, nil
}

package config

import (
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/glosa/glosa/internal/l10n"
)

// LayoutTerms says that a layout's entries are terms: each entry is a
// concept (its slug), and a text field of it the concept's term in the
// entry's language.
type LayoutTerms struct {
	// Field is the text field that holds the term (title).
	Field string
	// Synonyms and Forbidden name the fields, a text or a list of texts,
	// of admitted variants and of variants translations must not use;
	// "" when the entries have none.
	Synonyms, Forbidden string
	// DoNotTranslate names a front-matter key whose value true marks a
	// term written the same in every language (a product name).
	DoNotTranslate string
	// CaseSensitive terms match only as written.
	CaseSensitive bool
	Line          int
}

// Terms are the termbase's settings beyond the layouts: term files, and
// how terms inflect.
type Terms struct {
	Files []TermFile
	// Plurals are inflection rules by language subtag (see term.Forms);
	// nil for glosa's defaults.
	Plurals map[string][]string
}

// Inputs are the files beside the layouts that the configuration names
// and a run reads (term files), relative to the root and slash-separated:
// a cache of a run's result must see them change.
func (c *Config) Inputs() []string {
	var out []string
	for _, f := range c.Terms.Files {
		out = append(out, f.Path)
	}
	return out
}

// TermFile is a term file named in glosa.yaml.
type TermFile struct {
	// Path is relative to the root, slash-separated.
	Path string
	// Source and Lang are the languages of a CSV file's source and target
	// columns; "" for a TBX file, which names its own.
	Source, Lang string
	Line, Column int
}

// layoutTerms reads a layout's terms key; the fields it names must be
// among the layout's (checked once the layout's fields are read).
func (p *parser) layoutTerms(n *yaml.Node) *LayoutTerms {
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "config.termsMapping")
		return nil
	}
	t := &LayoutTerms{Line: n.Line}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch k.Value {
		case "field":
			t.Field, _ = p.scalar(v, l10n.Raw("field"))
		case "synonyms":
			t.Synonyms, _ = p.scalar(v, l10n.Raw("synonyms"))
		case "forbidden":
			t.Forbidden, _ = p.scalar(v, l10n.Raw("forbidden"))
		case "doNotTranslate":
			t.DoNotTranslate, _ = p.scalar(v, l10n.Raw("doNotTranslate"))
		case "caseSensitive":
			t.CaseSensitive = v.Value == "true"
			if v.Kind != yaml.ScalarNode || v.Value != "true" && v.Value != "false" {
				p.errorf(v, "config.termsBool", "Key", k.Value)
			}
		default:
			p.errorf(k, "config.unknownTermsKey", "Key", strconv.Quote(k.Value))
		}
	}
	if t.Field == "" {
		p.errorf(n, "config.termsNeedsField")
		return nil
	}
	return t
}

// checkLayoutTerms checks that the fields a layout's terms key names are
// text fields, or lists of texts, of the layout's schema.
func (p *parser) checkLayoutTerms(n *yaml.Node, l *Layout) {
	if l.Terms == nil {
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Value != "field" && k.Value != "synonyms" && k.Value != "forbidden" {
			continue
		}
		f := l.Fields.Fields[v.Value]
		if f != nil && (f.Kind == Text || f.Kind == List && f.Elem.Kind == Text) && (k.Value != "field" || f.Kind == Text) {
			continue
		}
		p.errorf(v, "config.termsField", "Key", k.Value, "Field", strconv.Quote(v.Value))
	}
}

// terms reads the top-level terms key.
func (p *parser) terms(n *yaml.Node) Terms {
	var t Terms
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "config.termsMapping")
		return t
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch k.Value {
		case "files":
			items, _ := p.list(v, "config.termFiles")
			for _, item := range items {
				if f, ok := p.termFile(item); ok {
					t.Files = append(t.Files, f)
				}
			}
		case "plurals":
			t.Plurals = p.plurals(v)
		default:
			p.errorf(k, "config.unknownTermsKey", "Key", strconv.Quote(k.Value))
		}
	}
	return t
}

// termFile reads one item of terms.files: a path, or a mapping with a
// path and, for a CSV file, its languages.
func (p *parser) termFile(n *yaml.Node) (TermFile, bool) {
	f := TermFile{Line: n.Line, Column: n.Column}
	if n.Kind == yaml.ScalarNode {
		f.Path = n.Value
	} else if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			switch k.Value {
			case "path":
				f.Path, _ = p.scalar(v, l10n.Raw("path"))
				f.Line, f.Column = v.Line, v.Column
			case "source":
				f.Source = p.language(v)
			case "lang":
				f.Lang = p.language(v)
			default:
				p.errorf(k, "config.unknownTermsKey", "Key", strconv.Quote(k.Value))
			}
		}
	} else {
		p.errorf(n, "config.termFiles")
		return f, false
	}
	lower := strings.ToLower(f.Path)
	switch {
	case f.Path == "" || strings.HasPrefix(f.Path, "/") || strings.Contains("/"+f.Path+"/", "/../"):
		p.errorf(n, "config.termFilePath", "Path", strconv.Quote(f.Path))
		return f, false
	case strings.HasSuffix(lower, ".csv") && (f.Source == "" || f.Lang == ""):
		p.errorf(n, "config.termFileCSV", "Path", f.Path)
		return f, false
	case !strings.HasSuffix(lower, ".csv") && !strings.HasSuffix(lower, ".tbx"):
		p.errorf(n, "config.termFileFormat", "Path", f.Path)
		return f, false
	}
	return f, true
}

// plurals reads terms.plurals: language → inflection rules ("s", "o>i").
func (p *parser) plurals(n *yaml.Node) map[string][]string {
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "config.termsPlurals")
		return nil
	}
	out := map[string][]string{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		code := p.language(n.Content[i])
		base, _, _ := strings.Cut(code, "-")
		rules := []string{}
		items, _ := p.list(n.Content[i+1], "config.termsPlurals")
		for _, item := range items {
			r, ok := p.scalar(item, l10n.Raw("plurals"))
			from, to, replace := strings.Cut(r, ">")
			if !ok || r == "" || replace && (from == "" || to == "") || strings.ContainsAny(r, " \t") {
				p.errorf(item, "config.termsPlural", "Rule", strconv.Quote(r))
				continue
			}
			rules = append(rules, r)
		}
		if code != "" {
			out[strings.ToLower(base)] = rules
		}
	}
	return out
}

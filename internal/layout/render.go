package layout

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/glosa/glosa/internal/l10n"
)

// Render returns the proposal as glosa.yaml text, with comments worded by
// l that say what was found: per layout and catalog the number of entries
// or files in how many languages, and why the source is the source.
func (p *Proposal) Render(l *l10n.Localizer) []byte {
	var b strings.Builder
	comment := func(indent, s string) {
		for _, line := range strings.Split(s, "\n") {
			fmt.Fprintf(&b, "%s# %s\n", indent, line)
		}
	}
	comment("", l.T("init.header"))
	if p.Source != "" {
		if why := p.sourceWhy(l); why != "" {
			comment("", why)
		}
		fmt.Fprintf(&b, "source: %s\n", p.Source)
	}
	if p.ListLanguages && len(p.Languages) > 0 {
		fmt.Fprintf(&b, "languages: [%s]\n", strings.Join(p.Languages, ", "))
	}
	for _, n := range p.Notes {
		comment("", l.Text(n))
	}
	if aliases := p.aliases(); len(aliases) > 0 {
		comment("", l.T("init.aliases"))
		b.WriteString("aliases:\n")
		for _, a := range sortedKeys(aliases) {
			fmt.Fprintf(&b, "  %s: %s\n", a, aliases[a])
		}
	}
	if len(p.Content) == 0 {
		comment("", l.T("init.noContent"))
		b.WriteString("content: []\n")
	} else {
		b.WriteString("content:\n")
	}
	for _, c := range p.Content {
		if c.Entries != nil {
			comment("  ", l.T("init.found", "Kind", l.T("init.kind."+string(c.Kind)),
				"Count", l.N("init.entries", total(c.Entries)), "Langs", l.N("init.languages", len(c.Entries)),
				"PerLang", p.perLang(c.Entries)))
		}
		for _, n := range c.Notes {
			comment("  ", l.Text(n))
		}
		if c.Unread > 0 {
			for code, pat := range c.Paths {
				comment("  ", l.N("init.unread", c.Unread, "Lang", code, "Pattern", pat))
			}
		}
		fmt.Fprintf(&b, "  - path: %s\n", scalar(c.Path))
		if len(c.Paths) > 0 {
			b.WriteString("    paths:\n")
			for _, code := range sortedKeys(c.Paths) {
				fmt.Fprintf(&b, "      %s: %s\n", code, scalar(c.Paths[code]))
			}
		}
	}
	if len(p.Locales) > 0 {
		b.WriteString("locales:\n")
	}
	for _, loc := range p.Locales {
		if loc.Files != nil {
			comment("  ", l.T("init.found", "Kind", l.T("init.kind."+string(loc.Kind)),
				"Count", l.N("init.files", total(loc.Files)), "Langs", l.N("init.languages", len(loc.Files)),
				"PerLang", p.perLang(loc.Files)))
		}
		for _, n := range loc.Notes {
			comment("  ", l.Text(n))
		}
		if why := loc.sourceWhy(l, p.Source); why != "" {
			comment("  ", why)
		}
		fmt.Fprintf(&b, "  - path: %s\n", scalar(loc.Path))
		if loc.Lang != "" {
			fmt.Fprintf(&b, "    lang: %s\n", loc.Lang)
		}
		if loc.Source != "" {
			fmt.Fprintf(&b, "    source: %s\n", loc.Source)
		}
		if loc.Template != "" {
			fmt.Fprintf(&b, "    template: %s\n", scalar(loc.Template))
		}
	}
	return []byte(b.String())
}

// aliases gathers the catalogs' spellings of content languages.
func (p *Proposal) aliases() map[string]string {
	out := map[string]string{}
	for _, loc := range p.Locales {
		for a, code := range loc.Aliases {
			out[a] = code
		}
	}
	return out
}

// sourceWhy words how the source language was chosen.
func (p *Proposal) sourceWhy(l *l10n.Localizer) string {
	c := p.SourceBy
	tied := strings.Join(c.Tied, ", ")
	switch c.By {
	case SourceFlag:
		return l.T("init.sourceFlag")
	case SourceSite:
		return l.Text(l10n.Msg("init.sourceSite", "Why", c.Why))
	case SourceMost:
		return l.N("init.sourceMost", c.Count)
	case SourceRecords:
		return l.N("init.sourceRecords", c.Count, "Langs", tied, "Lang", p.Source)
	case SourceDefault:
		return l.N("init.sourceDefault", c.Count, "Langs", tied, "Lang", p.Source)
	case SourceEnglish:
		return l.N("init.sourceEnglish", c.Count, "Langs", tied, "Lang", p.Source)
	case SourceFirst:
		return l.N("init.sourceFirst", c.Count, "Langs", tied, "Lang", p.Source)
	case SourceCatalog:
		return l.T("init.sourceCatalog")
	}
	return ""
}

// sourceWhy words how a catalog's source language was chosen.
func (loc Locale) sourceWhy(l *l10n.Localizer, project string) string {
	src := loc.Source
	if src == "" {
		src = project
	}
	switch loc.SourceBy {
	case SourceConvention:
		return l.T("init.sourcePO", "Lang", src)
	case SourceMost:
		return l.N("init.sourceMessages", loc.Messages, "Lang", src)
	case SourceRecords:
		return l.N("init.sourceHashes", loc.Messages, "Lang", src)
	case SourceProject:
		return l.T("init.sourceProject", "Lang", src)
	case SourceSite:
		return l.Text(l10n.Msg("init.sourceCatalogSite", "Lang", src, "Why", loc.SourceWhy))
	case SourceEnglish:
		return l.N("init.sourceMessagesEnglish", loc.Messages, "Lang", src)
	case SourceFirst:
		return l.N("init.sourceMessagesFirst", loc.Messages, "Lang", src)
	case SourceFlag:
		return l.T("init.sourceCatalogFlag", "Lang", src)
	}
	return ""
}

// perLang lists counts by language in the proposal's order: "it 5, es 4".
func (p *Proposal) perLang(counts map[string]int) string {
	var parts []string
	seen := map[string]bool{}
	for _, code := range append(append([]string(nil), p.Languages...), sortedKeys(counts)...) {
		if n, ok := counts[code]; ok && !seen[code] {
			seen[code] = true
			parts = append(parts, fmt.Sprintf("%s %d", code, n))
		}
	}
	return strings.Join(parts, ", ")
}

func total(counts map[string]int) int {
	n := 0
	for _, c := range counts {
		n += c
	}
	return n
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// plain matches the patterns YAML reads as they are in block context:
// letters, digits and the punctuation of paths, not starting with a brace.
var plain = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z0-9_.][A-Za-z0-9_./{}-]*$`) })

// scalar writes a pattern as a YAML scalar: plain when YAML reads it as it
// is, else single-quoted.
func scalar(s string) string {
	if plain().MatchString(s) {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

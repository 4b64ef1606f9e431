package term

import (
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/limits"
)

// Load assembles the termbase of a project: the terms of the entries of
// the layouts that declare them (config.LayoutTerms), and those of the
// term files glosa.yaml names, read within the limits of an imported
// file. A CSV row whose source term is a concept's term already (an
// entry's title) adds to that concept. Errors are *l10n.Error at the
// file, line and column; nil, nil when the project declares no terms.
func Load(root string, cfg *config.Config, repo *content.Repo) (*Base, error) {
	declared := len(cfg.Terms.Files) > 0
	for _, l := range cfg.Content {
		declared = declared || l.Terms != nil
	}
	if !declared {
		return nil, nil
	}
	b := New(repo.Source, cfg.Terms.Plurals)
	if b.plurals == nil {
		b.plurals = DefaultPlurals
	}
	for _, e := range repo.Entries {
		if lt := cfg.Content[e.Layout].Terms; lt != nil && e.Err == nil {
			b.Add(entryTerms(e, repo.Schema(e), lt)...)
			e.Release() // a report's entries stay released until the rules load them
		}
	}
	// A concept's source terms, folded, for the rows of CSV files.
	bySource := map[string]string{}
	for _, t := range b.terms {
		if t.Lang == b.source && t.Status != Forbidden {
			bySource[strings.ToLower(t.Text)] = t.Concept
		}
	}
	lim := cfg.Limits.Or()
	for _, f := range cfg.Terms.Files {
		data, err := limits.ReadFile(filepath.Join(root, filepath.FromSlash(f.Path)), lim.ImportSize)
		if err != nil {
			return nil, fileError(cfg, f, err)
		}
		var ts []Term
		if strings.HasSuffix(strings.ToLower(f.Path), ".csv") {
			ts, err = ReadCSV(data, f.Source, f.Lang, lim.ImportUnits)
		} else {
			ts, err = ReadTBX(data, lim.ImportUnits)
		}
		if err != nil {
			return nil, l10n.InFile(f.Path, err)
		}
		for i := range ts {
			ts[i].Path = f.Path
			if c, ok := bySource[strings.ToLower(strings.TrimPrefix(ts[i].Concept, "csv:"))]; ok && strings.HasPrefix(ts[i].Concept, "csv:") {
				ts[i].Concept = c
			}
		}
		b.Add(ts...)
	}
	return b, nil
}

// fileError places a term file that cannot be read at its line of
// glosa.yaml.
func fileError(cfg *config.Config, f config.TermFile, err error) error {
	return config.ErrorAt(cfg.File, f.Line, f.Column, l10n.Msg("term.readFile", "Path", f.Path, "Error", l10n.TextOf(err)))
}

// parenthesized is a term followed by another name in parentheses.
var parenthesized = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(.*\S)\s*\((.+)\)$`) })

// entryTerms returns an entry's terms: its term field's text, its
// synonyms (admitted) and forbidden variants.
func entryTerms(e *content.Entry, schema *config.Field, lt *config.LayoutTerms) []Term {
	values := e.Values(schema) // loads a released entry's Doc too
	dnt := false
	if lt.DoNotTranslate != "" && e.Doc != nil {
		if n := e.Doc.Lookup(lt.DoNotTranslate); n != nil && n.Value == "true" {
			dnt = true
		}
	}
	var out []Term
	for _, v := range values {
		st := Status(-1)
		switch {
		case v.Path == lt.Field:
			st = Preferred
		case lt.Synonyms != "" && (v.Path == lt.Synonyms || strings.HasPrefix(v.Path, lt.Synonyms+"[")):
			st = Admitted
		case lt.Forbidden != "" && (v.Path == lt.Forbidden || strings.HasPrefix(v.Path, lt.Forbidden+"[")):
			st = Forbidden
		}
		if st < 0 {
			continue
		}
		t := Term{Text: content.Normalize(v.Node.Value), Lang: e.Lang, Concept: e.Slug, Status: st,
			CaseSensitive: lt.CaseSensitive, DoNotTranslate: dnt && st != Forbidden, Path: e.Path, Line: v.Node.Line}
		out = append(out, t)
		// "Centre de données (Datacenter)": a glossary's title that gives
		// the term with its other name admits each of them alone.
		if m := parenthesized().FindStringSubmatch(t.Text); m != nil && st != Forbidden {
			for _, alt := range m[1:] {
				a := t
				a.Text, a.Status = alt, Admitted
				out = append(out, a)
			}
		}
	}
	return out
}

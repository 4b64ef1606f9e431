package cli

import (
	"fmt"
	"slices"
	"strings"

	"github.com/glosa/glosa/internal/catalog"
	"github.com/glosa/glosa/internal/catalog/goi18n"
	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/iostreams"
	"github.com/glosa/glosa/internal/status"
)

// catalogFile is a go-i18n translation file with what stamping it needs.
type catalogFile struct {
	file    *catalog.File
	catalog *status.Catalog
}

// catalogTranslation returns the go-i18n translation file at rel, if rel
// is one.
func (p *project) catalogTranslation(rel string) (catalogFile, bool) {
	for i := range p.report.Catalogs {
		c := &p.report.Catalogs[i]
		for _, f := range c.Files {
			if f.Path == rel && !f.Template && f.Lang != c.Source {
				return catalogFile{file: f, catalog: c}, true
			}
		}
	}
	return catalogFile{}, false
}

// catalogTranslations returns the go-i18n translation files in langs, or
// all of them.
func (p *project) catalogTranslations(langs []string, all bool) []catalogFile {
	var out []catalogFile
	for i := range p.report.Catalogs {
		c := &p.report.Catalogs[i]
		for _, f := range c.Files {
			if !f.Template && f.Lang != c.Source && (all || slices.Contains(langs, f.Lang)) {
				out = append(out, catalogFile{file: f, catalog: c})
			}
		}
	}
	return out
}

// stampCatalog records the source hash in every translated message of a
// go-i18n file whose hash is missing (unverified) or old (stale), as
// goi18n merge does for the messages it keeps. Untranslated messages are
// left alone. It returns how many messages it stamped, and whether the
// file was skipped.
func (p *project) stampCatalog(ios *iostreams.IOStreams, cf catalogFile, dryRun bool) (int, bool, error) {
	f := cf.file
	if p.cfg.Locales[f.Locale].Format != config.FormatGoI18n {
		warnf(ios.ErrOut, "%s", p.l.T("stamp.skip", "Path", f.Path, "Reason", p.l.T("stamp.skipPO")))
		return 0, true, nil
	}
	if f.Err != nil {
		warnf(ios.ErrOut, "%s", p.l.T("stamp.skip", "Path", f.Err.Where(), "Reason", p.l.T("stamp.skipUnparsable", "Error", p.l.Text(f.Err.Text))))
		return 0, true, nil
	}
	var src *catalog.File
	for _, other := range cf.catalog.Files {
		if other.Domain == f.Domain && other.Lang == cf.catalog.Source && !other.Template {
			src = other
		}
	}
	if src == nil || src.GoI18n == nil {
		warnf(ios.ErrOut, "%s", p.l.T("stamp.skip", "Path", f.Path, "Reason", p.l.T("stamp.skipNoSourceCatalog")))
		return 0, true, nil
	}
	cur := f.GoI18n
	n := 0
	for _, sm := range src.GoI18n.Messages {
		tm := cur.Message(sm.ID)
		st := goi18n.StateOf(sm, tm)
		if st != goi18n.Unverified && st != goi18n.Stale {
			continue
		}
		m := *tm
		m.Hash = goi18n.Hash(sm)
		data, err := cur.Set(&m)
		if err != nil {
			return n, false, fmt.Errorf("stamping %s: %s: %w", f.Path, sm.ID, err)
		}
		// Nothing is lost: an edit that would drop a comment is not made.
		if lost := lostComment(cur.Bytes(), data); lost != "" {
			warnf(ios.ErrOut, "%s", p.l.T("stamp.skip", "Path", fmt.Sprintf("%s:%d", f.Path, tm.Line),
				"Reason", p.l.T("stamp.skipComment", "ID", sm.ID, "Comment", lost)))
			continue
		}
		if cur, err = goi18n.Parse(f.Path, data); err != nil {
			return n, false, fmt.Errorf("stamping %s: %s: %w", f.Path, sm.ID, err)
		}
		n++
	}
	if n == 0 {
		return 0, false, nil
	}
	if !dryRun {
		if err := replaceFile(p.root, f.Path, f.GoI18n.Bytes(), cur.Bytes()); err != nil {
			return n, false, err
		}
	}
	fmt.Fprintf(ios.Out, "%s: %s\n", f.Path, p.l.N("stamp.messages", n))
	return n, false, nil
}

// lostComment returns a comment of before (YAML and TOML "# …") that after
// no longer holds, or "".
func lostComment(before, after []byte) string {
	have := map[string]int{}
	for _, c := range comments(after) {
		have[c]++
	}
	for _, c := range comments(before) {
		if have[c] == 0 {
			return c
		}
		have[c]--
	}
	return ""
}

// comments returns the "# …" comments of YAML or TOML text, found outside
// quoted strings.
func comments(data []byte) []string {
	var out []string
	for _, line := range strings.Split(string(data), "\n") {
		var quote rune
		for i, r := range line {
			switch {
			case quote != 0:
				if r == quote && (quote == '\'' || i == 0 || line[i-1] != '\\') {
					quote = 0
				}
			case r == '"' || r == '\'':
				quote = r
			case r == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t'):
				out = append(out, strings.TrimSpace(line[i:]))
			}
			if r == '#' && quote == 0 && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t') {
				break
			}
		}
	}
	return out
}

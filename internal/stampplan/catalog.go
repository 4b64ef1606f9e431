package stampplan

import (
	"strings"

	"github.com/glosa/glosa/internal/catalog"
	"github.com/glosa/glosa/internal/catalog/goi18n"
	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/l10n"
)

// catalog records the source hash in every translated message of a
// go-i18n file whose hash is missing (unverified) or old (stale), as
// goi18n merge does for the messages it keeps. Untranslated messages are
// left alone, and so is a message whose edit would drop a comment.
func (p *Plan) catalog(cfg *config.Config, cf CatalogFile) {
	f := cf.File
	if cfg.Locales[f.Locale].Format != config.FormatGoI18n {
		p.skip(f.Path, PO, l10n.Msg("stamp.skipPO"))
		return
	}
	if f.Err != nil {
		p.unparsable(f.Path, f.Err)
		return
	}
	var src *catalog.File
	for _, other := range cf.Catalog.Files {
		if other.Domain == f.Domain && other.Lang == cf.Catalog.Source && !other.Template {
			src = other
		}
	}
	if src == nil || src.GoI18n == nil {
		p.skip(f.Path, NoSourceCatalog, l10n.Msg("stamp.skipNoSourceCatalog"))
		return
	}
	var stamps []*goi18n.Message
	for _, sm := range src.GoI18n.Messages {
		tm := f.GoI18n.Message(sm.ID)
		if st := goi18n.StateOf(sm, tm); st != goi18n.Unverified && st != goi18n.Stale {
			continue
		}
		m := *tm
		m.Hash = goi18n.Hash(sm)
		stamps = append(stamps, &m)
	}
	if len(stamps) == 0 {
		return
	}
	// Most files lose no comment: every message in one edit, parsed once.
	if data, err := f.GoI18n.SetAll(stamps); err == nil && lostComment(f.GoI18n.Bytes(), data) == "" {
		p.change(Change{Path: f.Path, Old: f.GoI18n.Bytes(), Data: data, Messages: len(stamps)})
		return
	}
	// Otherwise one at a time, to find the messages to leave alone.
	cur := f.GoI18n
	n := 0
	for _, m := range stamps {
		tm := cur.Message(m.ID)
		data, err := cur.Set(m)
		if err != nil {
			p.change(Change{Path: f.Path, Err: errorf(f.Path, m.ID, err)})
			return
		}
		// Nothing is lost: an edit that would drop a comment is not made.
		if lost := lostComment(cur.Bytes(), data); lost != "" {
			p.skipAt(f.Path, Comment, tm.Line, tm.Column, l10n.Msg("stamp.skipComment", "ID", m.ID, "Comment", lost))
			continue
		}
		if cur, err = goi18n.Parse(f.Path, data); err != nil {
			p.change(Change{Path: f.Path, Err: errorf(f.Path, m.ID, err)})
			return
		}
		n++
	}
	if n > 0 {
		p.change(Change{Path: f.Path, Old: f.GoI18n.Bytes(), Data: cur.Bytes(), Messages: n})
	}
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

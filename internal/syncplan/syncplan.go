// Package syncplan decides what glosa sync changes: the stubs of missing
// translations and the messages to add to (or, with pruning, remove from)
// go-i18n translation files. Like goi18n's merge it returns the file
// writes it wants and never touches the disk; the caller alone writes.
package syncplan

import (
	"errors"
	"fmt"
	pathpkg "path"
	"slices"
	"sort"

	"golang.org/x/text/language"

	"github.com/glosa/glosa/internal/catalog"
	"github.com/glosa/glosa/internal/catalog/goi18n"
	"github.com/glosa/glosa/internal/catalog/po"
	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/status"
)

// Options choose what a plan covers.
type Options struct {
	// Langs limits the plan to these languages; nil means every one.
	Langs []string
	// Prune removes orphan messages from translation files.
	Prune bool
	// TranslateFiles also writes goi18n-style translate.{lang}.{format}
	// files beside each go-i18n translation file, holding only what needs
	// translating, as goi18n merge writes them.
	TranslateFiles bool
	// Progress, when not nil, learns how many entries and catalog files
	// there are to plan and counts them planned; a progress bar is one.
	Progress Progress
}

// Progress counts work done of a total.
type Progress interface {
	SetTotal(n int)
	Add(n int)
}

// Change is one file the plan writes.
type Change struct {
	// Path is the slash-separated path from the repository root.
	Path string
	Lang string
	// Data is the file's new content; nil for a file that is only
	// counted (its stale messages) and not written.
	Data []byte
	// Old is the file's content as the plan read it, which the writer
	// checks is still on disk; nil for a file created, or replaced
	// without being read (a goi18n translate file).
	Old []byte
	// Create reports a file that does not exist yet: the writer must not
	// replace one that appeared since.
	Create bool
	// Entry reports the stub of a missing entry translation.
	Entry bool
	// Fields are the key and slugs fields copied from the source into an
	// existing entry translation.
	Fields []string
	// Added, Pruned and Stale are message IDs added, removed, and left
	// stale in a catalog file.
	Added, Pruned, Stale []string
	// Translate is the number of messages of a goi18n translate file.
	Translate int
	// From is the file an orphan translation moves from, after git saw
	// its source renamed: the writer writes Path, then removes From.
	From string
}

// Skip is a file the plan leaves alone although it has work to do.
type Skip struct {
	Path string
	Lang string
	Err  error
	// From is the file that cannot be parsed, with ErrUnparsable.
	From string
}

// ErrPO reports a PO catalog without a template, which sync has nothing
// to merge from.
var ErrPO = errors.New("a PO catalog without a template has nothing to sync from")

// ErrUnparsable reports a file that cannot be read.
var ErrUnparsable = errors.New("the file cannot be parsed")

// Language sums a plan for one language.
type Language struct {
	Lang string
	// Entries are stubs created, Updated translations whose key fields
	// were copied from the source.
	Entries, Updated, Added, Pruned, Stale int
}

// Plan is what sync does.
type Plan struct {
	// Changes are sorted by path.
	Changes []Change
	Skips   []Skip
}

// Languages sums the plan per language, sorted by language.
func (p *Plan) Languages() []Language {
	by := map[string]*Language{}
	var out []string
	for _, c := range p.Changes {
		l := by[c.Lang]
		if l == nil {
			l = &Language{Lang: c.Lang}
			by[c.Lang] = l
			out = append(out, c.Lang)
		}
		if c.Entry {
			l.Entries++
		}
		if len(c.Fields) > 0 {
			l.Updated++
		}
		l.Added += len(c.Added)
		l.Pruned += len(c.Pruned)
		l.Stale += len(c.Stale)
	}
	sort.Strings(out)
	langs := make([]Language, len(out))
	for i, code := range out {
		langs[i] = *by[code]
	}
	return langs
}

// Make plans a sync of the report's repository. rawLang spells a
// language in paths (as content.Repo.RawLang); a language missing from it
// is spelled as its tag.
func Make(r *status.Report, cfg *config.Config, rawLang map[string]string, opts Options) *Plan {
	p := &Plan{}
	want := func(code string) bool { return opts.Langs == nil || slices.Contains(opts.Langs, code) }
	// Progress counts entries (one per item) and catalog files (each
	// catalog's, once it is planned).
	done := func(int) {}
	if opts.Progress != nil { // a nil interface, not a nil Progress
		n := len(r.Items)
		for _, c := range r.Catalogs {
			n += len(c.Files)
		}
		opts.Progress.SetTotal(n)
		done = opts.Progress.Add
	}
	// Orphans whose source git saw renamed follow it; the move takes the
	// place of a stub.
	moved := map[string]bool{}
	for _, it := range r.Items {
		for _, t := range it.Translations {
			if it.Source == nil && t.MoveTo != "" && t.Entry != nil && want(t.Lang) && !moved[t.MoveTo] {
				moved[t.MoveTo] = true
				p.Changes = append(p.Changes, Change{Path: t.MoveTo, Lang: t.Lang, Data: t.Entry.Doc.Raw, Create: true, From: t.Path})
			}
		}
	}
	for _, it := range r.Items {
		done(1)
		if it.Source == nil {
			continue
		}
		for _, t := range it.Translations {
			if t.State != status.Missing && want(t.Lang) {
				p.copyKeys(r, it.Source, t)
			}
			if t.State != status.Missing || !want(t.Lang) || moved[t.Path] {
				continue
			}
			if it.Source.Err != nil {
				p.Skips = append(p.Skips, Skip{Path: t.Path, Lang: t.Lang, Err: ErrUnparsable, From: it.Source.Path})
				continue
			}
			data, err := content.Stub(it.Source.Doc)
			if err != nil {
				p.Skips = append(p.Skips, Skip{Path: t.Path, Lang: t.Lang, Err: l10n.FileError(it.Source.Path, err)})
				continue
			}
			p.Changes = append(p.Changes, Change{Path: t.Path, Lang: t.Lang, Data: data, Create: true, Entry: true})
		}
	}
	for i := range r.Catalogs {
		c := &r.Catalogs[i]
		loc := &cfg.Locales[c.Locale]
		if loc.Format == config.FormatPO {
			templates := map[string]*catalog.File{}
			for _, f := range c.Files {
				if f.Template {
					templates[f.Domain] = f
				}
			}
			for _, f := range c.Files {
				if f.Template || f.Lang == c.Source || !want(f.Lang) {
					continue
				}
				tmpl := templates[f.Domain]
				switch {
				case tmpl == nil:
					p.Skips = append(p.Skips, Skip{Path: f.Path, Lang: f.Lang, Err: ErrPO})
				case tmpl.PO == nil:
					p.Skips = append(p.Skips, Skip{Path: f.Path, Lang: f.Lang, Err: ErrUnparsable, From: tmpl.Path})
				case f.PO == nil:
					p.Skips = append(p.Skips, Skip{Path: f.Path, Lang: f.Lang, Err: ErrUnparsable, From: f.Path})
				default:
					p.poFile(tmpl, f, opts.Prune)
				}
			}
			done(len(c.Files))
			continue
		}
		for _, l := range c.Languages {
			if !want(l.Lang) {
				continue
			}
			for _, src := range c.Files {
				if !src.Template && src.Lang == c.Source {
					p.catalogFile(c, loc, src, l.Lang, rawLang, opts)
				}
			}
		}
		done(len(c.Files))
	}
	sort.SliceStable(p.Changes, func(i, j int) bool { return p.Changes[i].Path < p.Changes[j].Path })
	sort.SliceStable(p.Skips, func(i, j int) bool { return p.Skips[i].Path < p.Skips[j].Path })
	return p
}

// copyKeys plans copying the source's key and slugs fields (category,
// related…), which must be the same in every language, into a translation
// whose values differ or are missing.
func (p *Plan) copyKeys(r *status.Report, src *content.Entry, t status.Translation) {
	e := t.Entry
	if e == nil || e.Err != nil || src.Err != nil || src.Doc.Front == nil {
		return
	}
	schema := r.Repo.Schema(src)
	doc := e.Doc
	var fields []string
	for _, name := range schema.Keys {
		kind := schema.Fields[name].Kind
		if kind != config.Key && kind != config.Slugs {
			continue
		}
		sv := src.Doc.Lookup(name)
		if sv == nil || content.SameValue(sv, doc.Lookup(name)) {
			continue
		}
		data, err := content.SetField(doc, src.Doc, name)
		if err == nil {
			doc, err = content.Parse(data)
		}
		if err != nil {
			p.Skips = append(p.Skips, Skip{Path: e.Path, Lang: t.Lang, Err: l10n.Wrap(err, "err.prefixed", "Prefix", name, "Error", l10n.TextOf(err))})
			return
		}
		fields = append(fields, name)
	}
	if len(fields) > 0 {
		p.Changes = append(p.Changes, Change{Path: e.Path, Lang: t.Lang, Data: doc.Raw, Old: e.Doc.Raw, Fields: fields})
	}
}

// CatalogPath returns the file of a language and domain in a catalog:
// the one it has, or where a new one belongs.
func CatalogPath(loc *config.Locale, c *status.Catalog, code, domain string, rawLang map[string]string) string {
	for _, f := range c.Files {
		if !f.Template && f.Lang == code && f.Domain == domain {
			return f.Path
		}
	}
	raw := rawLang[code]
	if raw == "" {
		raw = code
	}
	return loc.Pattern.PathFor(raw, domain)
}

// empty is the content of a new go-i18n file before messages are added.
var empty = map[string]string{"yaml": "", "json": "{}\n", "toml": ""}

// catalogFile plans the changes to one go-i18n translation file: the
// source's messages it lacks are added as stubs, orphans removed when
// pruning; stale messages are kept for the translator to see the old text.
func (p *Plan) catalogFile(c *status.Catalog, loc *config.Locale, src *catalog.File, code string, rawLang map[string]string, opts Options) {
	path := CatalogPath(loc, c, code, src.Domain, rawLang)
	if src.Err != nil || src.GoI18n == nil {
		p.Skips = append(p.Skips, Skip{Path: path, Lang: code, Err: ErrUnparsable, From: src.Path})
		return
	}
	var cur *goi18n.File
	create := true
	for _, f := range c.Files {
		if f.Path == path {
			if f.Err != nil || f.GoI18n == nil {
				p.Skips = append(p.Skips, Skip{Path: path, Lang: code, Err: ErrUnparsable, From: path})
				return
			}
			cur, create = f.GoI18n, false
		}
	}
	if create {
		if loc.Lang != "" || !loc.Pattern.HasLang() {
			return // a one-language locale has no file to create
		}
		var err error
		if cur, err = goi18n.Parse(path, []byte(empty[src.GoI18n.Format])); err != nil {
			p.Skips = append(p.Skips, Skip{Path: path, Lang: code, Err: err})
			return
		}
	}
	if opts.TranslateFiles {
		p.translateFile(src, cur, path, code)
	}
	forms, ok := goi18n.PluralForms(language.Make(code))
	if !ok {
		forms = []goi18n.Form{goi18n.Other}
	}
	ch := Change{Path: path, Lang: code, Create: create}
	if !create {
		ch.Old = cur.Bytes()
	}
	// The stubs are added in one edit: a catalog is parsed once, not once
	// per message it lacks.
	var stubs []goi18n.Addition
	for _, sm := range src.GoI18n.Messages {
		tm := cur.Message(sm.ID)
		switch {
		case tm == nil:
			stubs = append(stubs, goi18n.Addition{Message: goi18n.Stub(sm, forms), Comment: goi18n.SourceComment(c.Source, sm)})
			ch.Added = append(ch.Added, sm.ID)
		case goi18n.StateOf(sm, tm) == goi18n.Stale:
			ch.Stale = append(ch.Stale, sm.ID)
		}
	}
	data := cur.Bytes()
	if len(stubs) > 0 {
		var err error
		if data, err = cur.AddAll(stubs); err != nil {
			p.Skips = append(p.Skips, Skip{Path: path, Lang: code, Err: err})
			return
		}
	}
	var orphans []string
	if opts.Prune {
		for _, tm := range cur.Messages {
			if src.GoI18n.Message(tm.ID) == nil {
				orphans = append(orphans, tm.ID)
			}
		}
	}
	if len(orphans) > 0 {
		// The orphans are removed from the file with its stubs: one more
		// parse, and one for the check.
		var err error
		if len(stubs) > 0 {
			if cur, err = goi18n.Parse(path, data); err != nil {
				p.Skips = append(p.Skips, Skip{Path: path, Lang: code, Err: err})
				return
			}
		}
		if data, err = cur.RemoveAll(orphans); err != nil {
			p.Skips = append(p.Skips, Skip{Path: path, Lang: code, Err: err})
			return
		}
		ch.Pruned = orphans
	}
	if len(ch.Added) == 0 && len(ch.Pruned) == 0 {
		if len(ch.Stale) > 0 { // nothing to write, but the summary counts them
			p.Changes = append(p.Changes, ch)
		}
		return
	}
	ch.Data = data
	p.Changes = append(p.Changes, ch)
}

// poFile plans merging a PO template into a translation, as msgmerge does
// without fuzzy matching: a message of the template the file lacks is added
// untranslated (its comments, references and flags copied); an obsolete
// (#~) copy of it is brought back, marked fuzzy for review; with pruning, a
// message the template no longer has is made obsolete, never deleted.
// Fuzzy messages are kept and counted as still stale.
func (p *Plan) poFile(tmpl, f *catalog.File, prune bool) {
	cur, err := po.Parse(f.PO.Encode()) // a copy: planning never edits the report
	if err != nil {
		p.Skips = append(p.Skips, Skip{Path: f.Path, Lang: f.Lang, Err: err})
		return
	}
	lookup := func(pf *po.File, e *po.Entry) *po.Entry {
		if e.HasContext {
			return pf.LookupContext(e.Context, e.ID)
		}
		return pf.Lookup(e.ID)
	}
	nplurals, _, ok := cur.PluralForms()
	if !ok {
		nplurals = 2
	}
	// Encode gives back the bytes parsed: the PO parser round-trips.
	ch := Change{Path: f.Path, Lang: f.Lang, Old: f.PO.Encode()}
	key := func(e *po.Entry) string { return e.Context + "\x04" + e.ID }
	for _, te := range tmpl.PO.Entries {
		if te.Obsolete || te.IsHeader() {
			continue
		}
		if e := lookup(cur, te); e != nil {
			if e.IsFuzzy() {
				ch.Stale = append(ch.Stale, key(te))
			}
			continue
		}
		if old := obsoleteCopy(cur, te); old != nil {
			old.Obsolete = false
			old.SetFuzzy(true)
			ch.Added = append(ch.Added, key(te))
			continue
		}
		ne := &po.Entry{Extracted: te.Extracted, References: te.References, Context: te.Context, HasContext: te.HasContext,
			ID: te.ID, Plural: te.Plural, HasPlural: te.HasPlural, Translations: []string{""}}
		for _, flag := range te.Flags {
			if flag != "fuzzy" {
				ne.Flags = append(ne.Flags, flag)
			}
		}
		if te.HasPlural {
			ne.Translations = make([]string, nplurals)
		}
		if err := cur.Add(ne); err != nil {
			p.Skips = append(p.Skips, Skip{Path: f.Path, Lang: f.Lang, Err: fmt.Errorf("%s: %w", te.ID, err)})
			return
		}
		ch.Added = append(ch.Added, key(te))
	}
	if prune {
		for _, e := range cur.Entries {
			if e.Obsolete || e.IsHeader() || lookup(tmpl.PO, e) != nil {
				continue
			}
			e.MarkObsolete()
			ch.Pruned = append(ch.Pruned, key(e))
		}
	}
	if len(ch.Added) == 0 && len(ch.Pruned) == 0 {
		if len(ch.Stale) > 0 {
			p.Changes = append(p.Changes, ch)
		}
		return
	}
	out := cur.Encode()
	if _, err := po.Parse(out); err != nil {
		p.Skips = append(p.Skips, Skip{Path: f.Path, Lang: f.Lang, Err: fmt.Errorf("the merged file does not parse: %w", err)})
		return
	}
	ch.Data = out
	p.Changes = append(p.Changes, ch)
}

// obsoleteCopy returns the obsolete (#~) entry of pf for te's message.
func obsoleteCopy(pf *po.File, te *po.Entry) *po.Entry {
	for _, e := range pf.Entries {
		if e.Obsolete && e.HasContext == te.HasContext && e.Context == te.Context && e.ID == te.ID {
			return e
		}
	}
	return nil
}

// translateFile plans goi18n's translate.{lang}.{format} beside a
// translation file: what needs translating, with the source's text, in the
// source's format, byte for byte as goi18n merge writes it. It replaces an
// older translate file, as goi18n does; nothing is written when nothing
// needs translating.
func (p *Plan) translateFile(src *catalog.File, target *goi18n.File, path, code string) {
	format := src.GoI18n.Format
	data, err := goi18n.TranslateFile(src.GoI18n, target, language.Make(code), format)
	if err != nil {
		p.Skips = append(p.Skips, Skip{Path: path, Lang: code, Err: err})
		return
	}
	if len(data) == 0 {
		return
	}
	parsed, err := goi18n.Parse("translate."+code+"."+format, data)
	if err != nil {
		p.Skips = append(p.Skips, Skip{Path: path, Lang: code, Err: err})
		return
	}
	out := pathpkg.Join(pathpkg.Dir(path), "translate."+code+"."+format)
	p.Changes = append(p.Changes, Change{Path: out, Lang: code, Data: data, Translate: len(parsed.Messages)})
}

package transfer

import (
	"bytes"
	"fmt"
	"path"
	"slices"
	"sort"
	"strings"

	"golang.org/x/text/language"

	"github.com/glosa/glosa/internal/catalog/goi18n"
	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/exchange"
	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/markdown"
	"github.com/glosa/glosa/internal/segment"
	"github.com/glosa/glosa/internal/status"
	"github.com/glosa/glosa/internal/syncplan"
)

// Options tune Apply.
type Options struct {
	// IncludeFuzzy applies units marked for review (fuzzy) too.
	IncludeFuzzy bool
	// Force applies translations whose markup differs from the source's.
	Force bool
}

// Change is a file an import writes.
type Change struct {
	Path string
	Data []byte
	// Old is the file as Apply read it, nil for a file Create makes: the
	// writer checks it is still on disk.
	Old    []byte
	Create bool
	// Entry reports an entry; Complete that every unit of it is translated
	// (it is stamped current), else it is a draft.
	Entry, Complete bool
	// Units counts the units applied.
	Units int
}

// Apply plans importing f into the repository. It checks everything
// first: a unit ID that names no unit, a reference outside the repository,
// a language that is not a translation language of the project, or a
// markup mismatch (unless opts.Force) refuses the whole file, and the
// errors are returned with no changes. Units that are new, or marked for
// review without opts.IncludeFuzzy, are not applied. A change whose bytes
// equal the file's is left out.
func Apply(r *status.Report, cfg *config.Config, rawLang map[string]string, f *exchange.File, opts Options) ([]Change, []error) {
	lang, errs := checkLang(r, f.TargetLang)
	if len(errs) > 0 {
		return nil, errs
	}
	if outside(f.Original) {
		return nil, []error{l10n.Errorf("import.originalOutside", "Path", f.Original)}
	}
	all := Collect(r, lang, nil)
	byID := map[string]*exchange.Unit{}
	for i := range all.File.Units {
		byID[all.File.Units[i].ID] = &all.File.Units[i]
	}
	for _, u := range f.Units {
		if u.Err != nil {
			errs = append(errs, u.Err) // as read: tags that are not the source's
			continue
		}
		known, ok := byID[u.ID]
		if !ok {
			errs = append(errs, l10n.Errorf("import.unknownUnit", "ID", u.ID))
			continue
		}
		for _, ref := range u.Refs {
			if outside(ref.Path) {
				errs = append(errs, l10n.Errorf("import.refOutside", "ID", u.ID, "Path", ref.Path))
			}
		}
		if !opts.Force && u.Target != "" && known.Kind != exchange.KindMessage {
			if a, b := markdown.Markup(known.Source), markdown.Markup(u.Target); !slices.Equal(a, b) {
				errs = append(errs, l10n.Errorf("import.markup", "ID", u.ID, "Source", markupList(a), "Target", markupList(b)))
			}
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	accept := func(u exchange.Unit) bool {
		return u.State == exchange.Translated || u.State == exchange.NeedsReview && opts.IncludeFuzzy
	}
	// Group the accepted units by where they go, in first-seen order.
	entries := map[*status.Translation][]exchange.Unit{}
	var entryOrder []*status.Translation
	files := map[string][]exchange.Unit{}
	var fileOrder []string
	for _, u := range f.Units {
		known := byID[u.ID]
		if u.SourceHash != "" && u.SourceHash != exchange.SourceHash(*known) && u.State == exchange.Translated {
			u.State = exchange.NeedsReview // translated from another source text
		}
		if spec := exchange.Lookup(f.Format); spec != nil && spec.SourceInTarget && holdsSource(u, known) {
			continue // goi18n translate files hold the source's text until translated
		}
		if !accept(u) || !u.HasTarget() {
			continue
		}
		t := all.targets[u.ID]
		if t.tr != nil {
			if _, seen := entries[t.tr]; !seen {
				entryOrder = append(entryOrder, t.tr)
			}
			entries[t.tr] = append(entries[t.tr], u)
			continue
		}
		p := syncplan.CatalogPath(&cfg.Locales[t.cat.Locale], t.cat, lang, t.msg.Domain, rawLang)
		if _, seen := files[p]; !seen {
			fileOrder = append(fileOrder, p)
		}
		files[p] = append(files[p], u)
	}
	var changes []Change
	for _, tr := range entryOrder {
		ch, err := applyEntry(r, all, tr, entries[tr])
		if err != nil {
			errs = append(errs, err)
		} else if ch != nil {
			changes = append(changes, *ch)
		}
	}
	for _, p := range fileOrder {
		ch, err := applyMessages(all, p, lang, files[p])
		if err != nil {
			errs = append(errs, err)
		} else if ch != nil {
			changes = append(changes, *ch)
		}
	}
	sort.SliceStable(changes, func(i, j int) bool { return changes[i].Path < changes[j].Path })
	return changes, errs
}

// holdsSource reports whether an imported unit's text is its source's:
// every form of a plural message the source's form (or "other").
func holdsSource(u exchange.Unit, known *exchange.Unit) bool {
	if len(u.TargetForms) == 0 {
		return u.Target != "" && u.Target == known.Source
	}
	for c, t := range u.TargetForms {
		src, ok := known.SourceForms[c]
		if !ok {
			src = known.SourceForms["other"]
		}
		if t != "" && t != src {
			return false
		}
	}
	return true
}

// markupList shows a unit's markup in an error: its items, or "none".
func markupList(items []string) l10n.Text {
	if len(items) == 0 {
		return l10n.Msg("import.noMarkup")
	}
	return l10n.Raw(strings.Join(items, ", "))
}

// checkLang returns the project's spelling of lang, refusing the source
// language and languages the project does not have.
func checkLang(r *status.Report, lang string) (string, []error) {
	code, err := language.Parse(lang)
	if err != nil || lang == "" {
		return "", []error{l10n.Errorf("import.noLang", "Lang", lang)}
	}
	langs := r.TranslationLanguages()
	if slices.Contains(langs, code.String()) {
		return code.String(), nil
	}
	if code.String() == r.Source {
		return "", []error{l10n.Errorf("import.sourceLang", "Lang", lang)}
	}
	return "", []error{l10n.Errorf("import.unknownLang", "Lang", lang, "Langs", strings.Join(langs, ", "))}
}

// outside reports a reference path that is not a clean relative path
// inside the repository.
func outside(p string) bool {
	if p == "" {
		return false
	}
	return strings.HasPrefix(p, "/") || strings.Contains(p, `\`) || len(p) > 1 && p[1] == ':' ||
		path.Clean(p) == ".." || strings.HasPrefix(path.Clean(p), "../")
}

// applyEntry writes an entry's translation from the units given, keeping
// the existing translation of every other unit.
func applyEntry(r *status.Report, all *Set, tr *status.Translation, units []exchange.Unit) (*Change, error) {
	t := all.targets[units[0].ID]
	src := t.item.Source
	schema := r.Repo.Schema(src)
	if e := tr.Entry; e != nil && e.Err != nil {
		// Writing over a file glosa cannot read would lose what it holds.
		return nil, l10n.Errorf("import.unparsable", "Path", tr.Path)
	}
	var base *content.Document
	var existing map[string]string
	if e := tr.Entry; e != nil {
		base = e.Doc
		existing = segment.Align(src.Doc, base, schema, t.item.Slug)
	}
	srcUnits := segment.Split(src.Doc, schema, t.item.Slug)
	texts := map[string]string{}
	for _, su := range srcUnits {
		text, ok := existing[su.ID]
		// A draft's text equal to the source's is the stub's copy.
		if ok && !(tr.State == status.Untranslated && text == su.Text) {
			texts[su.ID] = text
		}
	}
	changed := false
	for _, u := range units {
		if texts[u.ID] != u.Target {
			changed = true
		}
		texts[u.ID] = u.Target
	}
	var data []byte
	var complete bool
	if !changed && base != nil {
		// The translation already says this: at most, the translator
		// confirmed a stale or unverified one, which stamping records.
		complete = tr.State != status.Untranslated && len(texts) == len(srcUnits)
		data = base.Raw
	} else {
		var err error
		data, complete, err = segment.Join(src.Doc, base, schema, t.item.Slug, texts)
		if err != nil {
			return nil, l10n.FileError(tr.Path, err)
		}
	}
	if complete {
		doc, err := content.Parse(data)
		if err == nil {
			data, err = content.SetRecord(doc, content.Record{Source: r.Source, Hash: r.SourceHash(src)})
		}
		if err != nil {
			return nil, l10n.FileError(tr.Path, err)
		}
	}
	if base != nil && bytes.Equal(data, base.Raw) {
		return nil, nil
	}
	ch := &Change{Path: tr.Path, Data: data, Create: tr.Entry == nil, Entry: true, Complete: complete, Units: len(units)}
	if base != nil {
		ch.Old = base.Raw
	}
	return ch, nil
}

// applyMessages writes the messages given into one go-i18n file, creating
// it when the language has none yet.
func applyMessages(all *Set, p, lang string, units []exchange.Unit) (*Change, error) {
	first := all.targets[units[0].ID]
	msgs := make([]*goi18n.Message, 0, len(units))
	for _, u := range units {
		t := all.targets[u.ID]
		m := goi18n.Stub(t.source, goi18n.RequiredForms(t.source, pluralForms(lang)))
		if len(u.TargetForms) > 0 {
			for form, text := range u.TargetForms {
				if _, ok := m.Text[goi18n.Form(form)]; ok {
					m.Text[goi18n.Form(form)] = text
				}
			}
		} else {
			m.Text = map[goi18n.Form]string{goi18n.Other: u.Target}
		}
		msgs = append(msgs, m)
	}
	if first.file == nil {
		format := "yaml"
		if sf := fileOf(first.cat, first.cat.Source, first.msg.Domain); sf != nil && sf.GoI18n != nil {
			format = sf.GoI18n.Format
		}
		data, err := newCatalog(p, format, msgs)
		if err != nil {
			return nil, err
		}
		return &Change{Path: p, Data: data, Create: true, Units: len(units)}, nil
	}
	cur := first.file.GoI18n
	orig := cur.Bytes()
	var set, add []*goi18n.Message
	for _, m := range msgs {
		if cur.Message(m.ID) != nil {
			set = append(set, m)
		} else {
			add = append(add, m)
		}
	}
	if len(set) > 0 {
		data, err := cur.SetAll(set)
		if err == nil {
			cur, err = goi18n.Parse(p, data)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
	}
	for _, m := range add {
		data, err := cur.Add(m, "")
		if err == nil {
			cur, err = goi18n.Parse(p, data)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
	}
	if bytes.Equal(cur.Bytes(), orig) {
		return nil, nil
	}
	return &Change{Path: p, Data: cur.Bytes(), Old: orig, Units: len(units)}, nil
}

// newCatalog writes a new go-i18n file holding msgs, as goi18n writes its
// files, and checks that go-i18n reads every message back.
func newCatalog(p, format string, msgs []*goi18n.Message) ([]byte, error) {
	out := map[string]any{}
	for _, m := range msgs {
		fields := map[string]string{"hash": m.Hash}
		if m.Description != "" {
			fields["description"] = m.Description
		}
		for form, text := range m.Text {
			fields[string(form)] = text
		}
		out[m.ID] = fields
	}
	data, err := goi18n.Marshal(out, format)
	if err != nil {
		return nil, err
	}
	g, err := goi18n.Parse(p, data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p, err)
	}
	for _, m := range msgs {
		if got := g.Message(m.ID); got == nil || got.Hash != m.Hash {
			return nil, fmt.Errorf("%s: message %q: %w", p, m.ID, goi18n.ErrLayout)
		}
	}
	return data, nil
}

func pluralForms(lang string) []goi18n.Form {
	forms, ok := goi18n.PluralForms(language.Make(lang))
	if !ok {
		return []goi18n.Form{goi18n.Other}
	}
	return forms
}

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
	"github.com/glosa/glosa/internal/lint"
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
	// Check is what check's rules find in a unit (see lint.UnitCheck);
	// nil checks with the rules as cfg configures them.
	Check *lint.UnitCheck
}

// Change is a file an import writes.
type Change struct {
	Path string
	Data []byte
	// Old is the file as Apply read it, nil for a file Create makes: the
	// writer checks it is still on disk.
	Old    []byte
	Create bool
	// Entry reports an entry; Complete that it is stamped current: every
	// unit of it is translated, and the file applied every unit that was
	// not current. Else it is a Draft, when units are untranslated, or
	// keeps its record (a stale entry stays stale).
	Entry, Complete, Draft bool
	// Units counts the units whose text it writes or confirms.
	Units int
}

// Apply plans importing f into the repository, unit by unit. The file is
// refused as a whole, with an error, when its language is not a
// translation language of the project or its original points outside the
// repository. Otherwise each unit is applied or refused on its own (see
// Reason): a unit whose translation would change nothing is unchanged;
// one that is new, or marked for review without opts.IncludeFuzzy, is
// skipped. A change whose bytes equal the file's is left out.
func Apply(r *status.Report, cfg *config.Config, rawLang map[string]string, f *exchange.File, opts Options) (*Result, error) {
	lang, err := checkLang(r, f.TargetLang)
	if err != nil {
		return nil, err
	}
	if outside(f.Original) {
		return nil, l10n.Errorf("import.originalOutside", "Path", f.Original)
	}
	if opts.Check == nil {
		l, err := lint.New(cfg)
		if err != nil {
			return nil, err
		}
		opts.Check = l.UnitCheck(r.Repo)
	}
	all := Collect(r, lang, nil)
	byID := map[string]*exchange.Unit{}
	slugs := map[string]bool{}
	for i := range all.File.Units {
		u := &all.File.Units[i]
		byID[u.ID] = u
		if slug, _, ok := cutID(u.ID); ok && u.Kind != exchange.KindMessage {
			slugs[slug] = true
		}
	}
	res := &Result{}
	accept := func(u exchange.Unit) bool {
		return u.State == exchange.Translated || u.State == exchange.NeedsReview && opts.IncludeFuzzy
	}
	// Group the applied units by where they go, in first-seen order; an
	// entry with a unit refused or skipped is not stamped.
	entries := map[*status.Translation][]exchange.Unit{}
	var entryOrder []*status.Translation
	held := map[*status.Translation]bool{}
	files := map[string][]exchange.Unit{}
	var fileOrder []string
	for _, u := range f.Units {
		known, ok := byID[u.ID]
		if !ok {
			if k := bySource(all.File.Units, u); k != nil {
				u.ID, known, ok = k.ID, k, true
			}
		}
		if !ok {
			if u.HasTarget() {
				reason, text := unknown(u, slugs)
				res.refuse(u, reason, text)
			} else {
				res.Skipped++
			}
			continue
		}
		t := all.targets[u.ID]
		if u.Err != nil {
			res.refuseTags(u)
			held[t.tr] = true
			continue
		}
		if ref := refOutside(u); ref != "" {
			res.refuse(u, RefOutside, l10n.Msg("import.refOutside", "ID", u.ID, "Path", ref))
			held[t.tr] = true
			continue
		}
		if spec := exchange.Lookup(f.Format); spec != nil && spec.SourceInTarget && holdsSource(u, known) {
			u.Target, u.TargetForms = "", nil // goi18n translate files hold the source's text until translated
		}
		if u.SourceHash != "" && u.State == exchange.Translated && sourceChanged(u, known) {
			// go-i18n files say by their hash alone that a translation was
			// made from another source (export --update keeps the old
			// hash to say so): it needs review, as a fuzzy PO entry does.
			u.State = exchange.NeedsReview
		}
		if !accept(u) || !u.HasTarget() {
			res.Skipped++
			held[t.tr] = true
			continue
		}
		if reason, text := check(opts, lang, u, known, t); reason != "" {
			res.refuse(u, reason, text)
			held[t.tr] = true
			continue
		}
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
	for _, tr := range entryOrder {
		units := entries[tr]
		ch, err := applyEntry(r, all, tr, units, !held[tr] && reviewed(all, tr, units))
		res.add(units, byID, ch, err)
	}
	for _, p := range fileOrder {
		ch, err := applyMessages(all, p, lang, files[p])
		res.add(files[p], byID, ch, err)
	}
	sort.SliceStable(res.Changes, func(i, j int) bool { return res.Changes[i].Path < res.Changes[j].Path })
	res.sort()
	return res, nil
}

// reviewed reports whether the units applied to tr include every unit of
// the entry that is not current: only then does the translator's file
// vouch for the whole entry, and stamping it current is honest.
func reviewed(all *Set, tr *status.Translation, applied []exchange.Unit) bool {
	done := map[string]bool{}
	for _, u := range applied {
		if u.State != exchange.Translated {
			return false // applied for review (--include-fuzzy): not done
		}
		done[u.ID] = true
	}
	for _, u := range all.File.Units {
		if all.targets[u.ID].tr == tr && u.State != exchange.Translated && !done[u.ID] {
			return false
		}
	}
	return true
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

// checkLang returns the project's spelling of lang, refusing the source
// language and languages the project does not have.
func checkLang(r *status.Report, lang string) (string, error) {
	code, err := language.Parse(lang)
	if err != nil || lang == "" {
		return "", l10n.Errorf("import.noLang", "Lang", lang)
	}
	langs := r.TranslationLanguages()
	if slices.Contains(langs, code.String()) {
		return code.String(), nil
	}
	if code.String() == r.Source {
		return "", l10n.Errorf("import.sourceLang", "Lang", lang)
	}
	return "", l10n.Errorf("import.unknownLang", "Lang", lang, "Langs", strings.Join(langs, ", "))
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
// the existing translation of every other unit. It stamps the entry
// current when stamp allows and every unit of it is translated.
func applyEntry(r *status.Report, all *Set, tr *status.Translation, units []exchange.Unit, stamp bool) (*Change, error) {
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
		existing = all.texts(tr)
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
	var complete, draft bool
	if !changed && base != nil {
		if tr.State == status.Current {
			return nil, nil // its record stays as written
		}
		// The translation already says this: at most, the translator
		// confirmed a stale or unverified one, which stamping records.
		draft = tr.State == status.Untranslated
		complete = stamp && !draft && len(texts) == len(srcUnits)
		data = base.Raw
	} else {
		var err error
		data, complete, err = segment.Join(src.Doc, base, schema, t.item.Slug, texts)
		if err != nil {
			return nil, l10n.FileError(tr.Path, err)
		}
		draft = !complete // Join marks it so
		complete = complete && stamp
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
	ch := &Change{Path: tr.Path, Data: data, Create: tr.Entry == nil, Entry: true, Complete: complete, Draft: draft}
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
		if u.State == exchange.NeedsReview && u.SourceHash != "" {
			m.Hash = u.SourceHash // applied for review: the catalog keeps it stale
		}
		for form, text := range targetText(u) {
			if _, ok := m.Text[form]; ok {
				m.Text[form] = text
			}
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
		return &Change{Path: p, Data: data, Create: true}, nil
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
	return &Change{Path: p, Data: cur.Bytes(), Old: orig}, nil
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

// bySource finds the unit a PO entry without its msgctxt stands for: a
// tool that knows no context dropped it (Translate Toolkit's po2xliff and
// xliff2po do), so the entry's ID is its msgid. It is the one unit with
// that source text, among those at the entry's references when it has
// them; nil when there is none, or more than one.
func bySource(units []exchange.Unit, u exchange.Unit) *exchange.Unit {
	if u.Plural() || u.Source == "" || u.ID != u.Source {
		return nil
	}
	at := map[string]bool{}
	for _, r := range u.Refs {
		at[r.Path] = true
	}
	var found *exchange.Unit
	for i := range units {
		k := &units[i]
		if k.Plural() || lines(k.Source) != lines(u.Source) {
			continue
		}
		if len(at) > 0 && !slices.ContainsFunc(k.Refs, func(r exchange.Ref) bool { return at[r.Path] }) {
			continue
		}
		if found != nil {
			return nil // ambiguous: the translator's file must say which
		}
		found = k
	}
	return found
}

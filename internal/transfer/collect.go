// Package transfer maps the repository to exchange files and back: Collect
// gathers the units of one language — the text fields and body blocks of
// entries, and the messages of go-i18n catalogs — with their translations
// and states; Apply plans the edits that import a translated file.
package transfer

import (
	"slices"
	"sort"

	"golang.org/x/text/language"

	"github.com/glosa/glosa/internal/catalog"
	"github.com/glosa/glosa/internal/catalog/goi18n"
	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/exchange"
	"github.com/glosa/glosa/internal/segment"
	"github.com/glosa/glosa/internal/status"
)

// NeedsWork are the states export picks by default.
var NeedsWork = []status.State{status.Missing, status.Stale, status.Untranslated}

// Set is the units of one language and where each one's translation goes.
type Set struct {
	File    *exchange.File
	targets map[string]target
}

// target is where a unit belongs: an entry's translation, or a message of
// a catalog.
type target struct {
	item *status.Item
	tr   *status.Translation

	cat    *status.Catalog
	msg    *status.Message
	mt     *status.MessageTranslation
	source *goi18n.Message
	file   *catalog.File // the translation's catalog file, nil when missing
}

// Collect returns the units of language lang whose entry or message is in
// one of states (every state when states is empty). Orphans, unparsable
// sources and PO catalogs (already in a translator's format) are left out.
func Collect(r *status.Report, lang string, states []status.State) *Set {
	s := &Set{
		File:    &exchange.File{SourceLang: r.Source, TargetLang: lang, Original: "glosa"},
		targets: map[string]target{},
	}
	want := func(st status.State) bool { return len(states) == 0 || slices.Contains(states, st) }
	for i := range r.Items {
		it := &r.Items[i]
		if it.Source == nil || it.Source.Err != nil {
			continue
		}
		for j := range it.Translations {
			t := &it.Translations[j]
			if t.Lang != lang || !want(t.State) {
				continue
			}
			s.entryUnits(r, it, t)
		}
	}
	for i := range r.Catalogs {
		c := &r.Catalogs[i]
		if c.Format != config.FormatGoI18n {
			continue
		}
		for j := range c.Messages {
			m := &c.Messages[j]
			for k := range m.Translations {
				if mt := &m.Translations[k]; mt.Lang == lang && mt.State != status.Orphan && want(mt.State) {
					s.messageUnit(c, m, mt)
				}
			}
		}
	}
	return s
}

// Template returns every unit of the project once, with no target
// language and no translation: a template (POT) is the same for every
// language, and a language may lack a catalog another one has. Entries
// that are orphans or whose source cannot be parsed are left out, as in
// Collect.
func Template(r *status.Report) *Set {
	s := Collect(r, "", nil)
	for i := range r.Items {
		if it := &r.Items[i]; it.Source != nil && it.Source.Err == nil {
			s.entryUnits(r, it, &status.Translation{State: status.Missing})
		}
	}
	for i := range r.Catalogs {
		c := &r.Catalogs[i]
		if c.Format != config.FormatGoI18n {
			continue
		}
		for j := range c.Messages {
			s.messageUnit(c, &c.Messages[j], &status.MessageTranslation{State: status.Missing})
		}
	}
	return s
}

// entryUnits adds the units of one entry's translation.
func (s *Set) entryUnits(r *status.Report, it *status.Item, t *status.Translation) {
	src := it.Source
	schema := r.Repo.Schema(src)
	source := segment.NewSource(src.Doc, schema, it.Slug) // its body parsed once
	var have map[string]string
	if t.Entry != nil && t.Entry.Err == nil && t.Entry.Doc != nil {
		have = source.Align(t.Entry.Doc)
	}
	var rv *revised
	if t.State == status.Stale {
		rv = revise(r, it, t)
	}
	title := ""
	if n := src.Doc.Lookup("title"); n != nil {
		title = n.Value
	}
	units := source.Units()
	// In the order of the file: a translator reads the title first.
	sort.SliceStable(units, func(i, j int) bool { return units[i].Line < units[j].Line })
	for _, su := range units {
		u := exchange.Unit{ID: su.ID, Kind: su.Kind, Source: su.Text, State: exchange.New,
			Refs: []exchange.Ref{{Path: src.Path, Line: su.Line}}}
		u.Notes = append(u.Notes, note(su))
		if title != "" {
			u.Notes = append(u.Notes, "entry: "+title)
		}
		if rv != nil {
			rv.fill(&u, have)
			s.add(u, target{item: it, tr: t})
			continue
		}
		if t.State == status.Stale && t.Entry != nil && r.TranslatedFrom(t.Entry).Entry == src {
			u.Notes = append(u.Notes, noVersionNote)
		}
		if text, ok := have[su.ID]; ok && text != "" {
			switch t.State {
			case status.Current:
				u.Target, u.State = text, exchange.Translated
			case status.Stale, status.Unverified:
				u.Target, u.State = text, exchange.NeedsReview
			case status.Untranslated:
				// A draft's text equal to the source's is the stub's copy,
				// not a translation.
				if text != su.Text {
					u.Target, u.State = text, exchange.NeedsReview
				}
			}
		}
		s.add(u, target{item: it, tr: t})
	}
}

// note says what a unit is: "field title", "paragraph".
func note(u segment.Unit) string {
	if u.Kind == exchange.KindField {
		_, field, _ := cutID(u.ID)
		return "field " + field
	}
	return u.Kind
}

// cutID splits an entry unit ID into slug and the rest.
func cutID(id string) (slug, rest string, ok bool) {
	for i := len(id) - 1; i >= 0; i-- {
		if id[i] == '#' {
			return id[:i], id[i+1:], true
		}
	}
	return "", id, false
}

// messageUnit adds a go-i18n message.
func (s *Set) messageUnit(c *status.Catalog, m *status.Message, mt *status.MessageTranslation) {
	srcFile := fileOf(c, c.Source, m.Domain)
	if srcFile == nil || srcFile.GoI18n == nil {
		return
	}
	sm := srcFile.GoI18n.Message(m.ID)
	if sm == nil {
		return
	}
	tf := fileOf(c, mt.Lang, m.Domain)
	var tm *goi18n.Message
	if tf != nil && tf.GoI18n != nil {
		tm = tf.GoI18n.Message(m.ID)
	}
	u := exchange.Unit{ID: messageID(m), Kind: exchange.KindMessage, State: exchange.New,
		Refs: []exchange.Ref{{Path: m.Path, Line: m.Line}}, SourceHash: goi18n.Hash(sm)}
	if sm.Description != "" {
		u.Notes = append(u.Notes, sm.Description)
	}
	if len(sm.Text) > 1 {
		u.SourceForms = map[string]string{}
		for f, text := range sm.Text {
			u.SourceForms[string(f)] = text
		}
		u.TargetForms = map[string]string{}
		for _, f := range targetForms(sm, mt.Lang) {
			u.TargetForms[string(f)] = ""
			if tm != nil {
				u.TargetForms[string(f)] = tm.Text[f]
			}
		}
	} else {
		u.Source = sm.Other()
		if tm != nil {
			u.Target = tm.Other()
		}
	}
	if u.HasTarget() {
		switch mt.State {
		case status.Current:
			u.State = exchange.Translated
		case status.Stale, status.Unverified, status.Untranslated:
			u.State = exchange.NeedsReview
		}
	}
	s.add(u, target{cat: c, msg: m, mt: mt, source: sm, file: tf})
}

// targetForms returns the plural forms a translation of sm into lang
// needs: the language's CLDR forms when the source is plural.
func targetForms(sm *goi18n.Message, lang string) []goi18n.Form {
	forms, ok := goi18n.PluralForms(language.Make(lang))
	if !ok {
		forms = []goi18n.Form{goi18n.Other}
	}
	return goi18n.RequiredForms(sm, forms)
}

// messageID names a message's unit: its ID, after its domain when the
// catalog has domains.
func messageID(m *status.Message) string {
	if m.Domain != "" {
		return m.Domain + ":" + m.ID
	}
	return m.ID
}

// fileOf returns the catalog file of a language and domain.
func fileOf(c *status.Catalog, lang, domain string) *catalog.File {
	for _, f := range c.Files {
		if !f.Template && f.Lang == lang && f.Domain == domain && f.Err == nil {
			return f
		}
	}
	return nil
}

// texts returns the translation's text of each unit of an entry's
// translation, by unit ID, as Collect paired them: for a stale entry,
// through the source version it was made from, whose structure the
// translation has.
func (s *Set) texts(tr *status.Translation) map[string]string {
	out := map[string]string{}
	for _, u := range s.File.Units {
		if s.targets[u.ID].tr == tr && u.Target != "" {
			out[u.ID] = u.Target
		}
	}
	return out
}

func (s *Set) add(u exchange.Unit, t target) {
	s.File.Units = append(s.File.Units, u)
	s.targets[u.ID] = t
}

// Words is how many words are left to translate in the units of f (the
// set's file, or a part of it: see Split), as glosa status counts them:
// each entry translation's and message's words once (a stale entry's only
// in the units changed since its version, see status.Report.Revise).
func (s *Set) Words(f *exchange.File) int {
	n := 0
	seen := map[any]bool{}
	for _, u := range f.Units {
		t := s.targets[u.ID]
		switch {
		case t.tr != nil && !seen[t.tr]:
			seen[t.tr] = true
			n += t.tr.Words
		case t.mt != nil && !seen[t.mt]:
			seen[t.mt] = true
			n += t.mt.Words
		}
	}
	return n
}

package transfer

import (
	"slices"

	"github.com/glosa/glosa/internal/exchange"
)

// Split returns the set's units as one file per source language, so that
// every file says truly what its units are translated from: an entry's
// units come from the project's source, a catalog's messages from the
// catalog's source, which may be another language (content written in
// Italian, an interface catalog in English). The file of the project's
// source comes first, the others follow in the order of their tags; each
// keeps the order of its units. A set without units is one file of the
// project's source, as export writes an empty file for a language with
// nothing to do.
func (s *Set) Split() []*exchange.File {
	bySource := map[string]*exchange.File{}
	var langs []string
	for _, u := range s.File.Units {
		src := s.sourceOf(u.ID)
		f, ok := bySource[src]
		if !ok {
			f = &exchange.File{SourceLang: src, TargetLang: s.File.TargetLang, Original: s.File.Original, Format: s.File.Format}
			bySource[src] = f
			langs = append(langs, src)
		}
		f.Units = append(f.Units, u)
	}
	if len(langs) == 0 {
		f := *s.File
		return []*exchange.File{&f}
	}
	slices.Sort(langs)
	if i := slices.Index(langs, s.File.SourceLang); i > 0 {
		langs = slices.Insert(slices.Delete(langs, i, i+1), 0, s.File.SourceLang)
	}
	out := make([]*exchange.File, len(langs))
	for i, l := range langs {
		out[i] = bySource[l]
	}
	return out
}

// sourceOf is the source language of the unit id: its catalog's for a
// message, the file's (the project's) for an entry's unit.
func (s *Set) sourceOf(id string) string {
	if t, ok := s.targets[id]; ok && t.cat != nil && t.cat.Source != "" {
		return t.cat.Source
	}
	return s.File.SourceLang
}

package term

import (
	"slices"

	"github.com/glosa/glosa/internal/exchange"
)

// Glossary returns the termbase's concepts for the language pair src →
// tgt, as glossary formats write them (see exchange.Glossary): each
// concept that has a term in src (preferred or admitted), sorted by
// concept, with its terms in tgt, forbidden ones too; a concept that
// must not be translated has its source terms in tgt.
func (b *Base) Glossary(src, tgt string) *exchange.Glossary {
	g := &exchange.Glossary{SourceLang: src, TargetLang: tgt}
	for _, c := range b.Concepts() {
		source := glossTerms(b.Allowed(c, src))
		if len(source) == 0 {
			continue
		}
		g.Concepts = append(g.Concepts, exchange.Concept{ID: c, Source: source,
			Target: glossTerms(b.ConceptTerms(c, tgt)), DoNotTranslate: b.DoNotTranslate(c)})
	}
	return g
}

// glossTerms are terms as a glossary holds them, each text once (at its
// best status).
func glossTerms(ts []Term) []exchange.GlossTerm {
	var out []exchange.GlossTerm
	for _, t := range ts {
		if slices.ContainsFunc(out, func(g exchange.GlossTerm) bool { return g.Text == t.Text }) {
			continue
		}
		out = append(out, exchange.GlossTerm{Text: t.Text, POS: t.POS, Admitted: t.Status == Admitted, Forbidden: t.Status == Forbidden})
	}
	return out
}

// Hints returns the terms of language src that occur in text, each with
// every translation language tgt allows (its preferred term first), in
// the order they occur, each concept once: what a translator's tool shows
// beside a unit (see exchange.TermHint). A term that tgt has no
// translation for yet is left out.
func (b *Base) Hints(text, src, tgt string) []exchange.TermHint {
	var out []exchange.TermHint
	seen := map[string]bool{}
	for _, m := range b.Matcher(src, Preferred, Admitted).Find(text) {
		c := m.Term.Concept
		if seen[c] {
			continue
		}
		seen[c] = true
		for _, t := range glossTerms(b.Allowed(c, tgt)) {
			out = append(out, exchange.TermHint{Term: m.Term.Text, Translation: t.Text})
		}
	}
	return out
}

// Annotate gives each unit of f that is not a plural message the terms
// its source holds (Unit.Terms); a template, which has no target
// language, gets none.
func (b *Base) Annotate(f *exchange.File) {
	if f.TargetLang == "" {
		return
	}
	for i := range f.Units {
		if u := &f.Units[i]; !u.Plural() && u.Source != "" {
			u.Terms = b.Hints(u.Source, f.SourceLang, f.TargetLang)
		}
	}
}

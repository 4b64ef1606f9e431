// Package term is glosa's termbase: the terms of a project's concepts in
// each language, gathered from entries a layout declares to be terms and
// from term files (TBX, and CSV in the shape Weblate and Crowdin import),
// with a matcher that finds every term of a language in a text in one
// pass (see Matcher).
//
// A concept is what one term names in every language: an entry's slug, a
// TBX conceptEntry, the source term of a CSV row. Its terms in a language
// are preferred, admitted or forbidden; a concept whose term must not be
// translated (a product name) is written the same in every language.
package term

import (
	"cmp"
	"slices"
	"strings"
	"sync"
)

// Status is how a termbase rates a term of its language.
type Status int

// The statuses of a term.
const (
	// Preferred is the term to use.
	Preferred Status = iota
	// Admitted is a term allowed beside the preferred one (a synonym).
	Admitted
	// Forbidden is a variant translations must not use.
	Forbidden
)

// Term is one term of one concept in one language.
type Term struct {
	Text    string
	Lang    string
	Concept string
	Status  Status
	// POS is the part of speech, when the source says it (noun, verb…).
	POS string
	// CaseSensitive terms match only as written; others in any case.
	CaseSensitive bool
	// DoNotTranslate marks a term every language writes unchanged.
	DoNotTranslate bool
	// Path and Line say where the term is defined.
	Path string
	Line int
}

// Base is a termbase. Build it with Add, then read it; reading is safe
// from several goroutines at once.
type Base struct {
	terms []Term
	// source is the project's source language: a concept that must not be
	// translated has its source term in every language.
	source string
	// plurals are the inflection rules of each language (see Forms).
	plurals map[string][]string

	once     sync.Once
	concepts map[string][]int // concept → indexes of its terms
	matchers sync.Map         // matcherKey → *Matcher
}

// New returns an empty termbase of a project whose source language is
// source, inflecting terms by plurals (language → rules, see Forms; nil
// for DefaultPlurals).
func New(source string, plurals map[string][]string) *Base {
	if plurals == nil {
		plurals = DefaultPlurals
	}
	return &Base{source: source, plurals: plurals}
}

// Add adds terms; empty texts are left out.
func (b *Base) Add(ts ...Term) {
	for _, t := range ts {
		t.Text = strings.TrimSpace(t.Text)
		if t.Text != "" {
			b.terms = append(b.terms, t)
		}
	}
}

// Len returns how many terms the termbase holds.
func (b *Base) Len() int { return len(b.terms) }

// Terms returns every term, in the order added.
func (b *Base) Terms() []Term { return b.terms }

func (b *Base) index() {
	b.once.Do(func() {
		b.concepts = map[string][]int{}
		for i, t := range b.terms {
			b.concepts[t.Concept] = append(b.concepts[t.Concept], i)
		}
	})
}

// Concepts returns the concepts, sorted.
func (b *Base) Concepts() []string {
	b.index()
	out := make([]string, 0, len(b.concepts))
	for c := range b.concepts {
		out = append(out, c)
	}
	slices.Sort(out)
	return out
}

// ConceptTerms returns the terms of a concept in a language, preferred
// first, forbidden ones too. A concept that must not be translated has
// its source term in every language.
func (b *Base) ConceptTerms(concept, lang string) []Term {
	b.index()
	var out []Term
	dnt := false
	for _, i := range b.concepts[concept] {
		t := b.terms[i]
		if t.DoNotTranslate && t.Lang == b.source {
			dnt = true
		}
		if t.Lang == lang {
			out = append(out, t)
		}
	}
	if dnt && lang != b.source {
		for _, i := range b.concepts[concept] {
			if t := b.terms[i]; t.Lang == b.source && t.Status != Forbidden && !slices.ContainsFunc(out, func(o Term) bool { return o.Text == t.Text }) {
				t.Lang = lang
				out = append(out, t)
			}
		}
	}
	slices.SortStableFunc(out, func(a, b Term) int { return cmp.Compare(a.Status, b.Status) })
	return out
}

// DoNotTranslate reports whether a concept's source term must appear
// unchanged in every language.
func (b *Base) DoNotTranslate(concept string) bool {
	b.index()
	for _, i := range b.concepts[concept] {
		if b.terms[i].DoNotTranslate {
			return true
		}
	}
	return false
}

// Allowed returns the texts a language may use for a concept: its
// preferred and admitted terms (the source term itself, for a concept
// that must not be translated); none when the termbase has no term of
// the concept in that language.
func (b *Base) Allowed(concept, lang string) []Term {
	var out []Term
	for _, t := range b.ConceptTerms(concept, lang) {
		if t.Status != Forbidden {
			out = append(out, t)
		}
	}
	return out
}

// Coverage returns, for each language, how many concepts have a term
// allowed in it (a concept that must not be translated counts in every
// language); and how many concepts there are.
func (b *Base) Coverage(langs []string) (covered map[string]int, total int) {
	covered = map[string]int{}
	for _, c := range b.Concepts() {
		for _, l := range langs {
			if len(b.Allowed(c, l)) > 0 {
				covered[l]++
			}
		}
	}
	return covered, len(b.concepts)
}

// Matcher returns the matcher of a language's terms of the given
// statuses, made once and shared.
func (b *Base) Matcher(lang string, statuses ...Status) *Matcher {
	key := lang + "\x00" + string(rune('0'+len(statuses)))
	for _, s := range statuses {
		key += string(rune('0' + s))
	}
	if m, ok := b.matchers.Load(key); ok {
		return m.(*Matcher)
	}
	var ts []Term
	for _, t := range b.langTerms(lang) {
		if slices.Contains(statuses, t.Status) {
			ts = append(ts, t)
		}
	}
	m, _ := b.matchers.LoadOrStore(key, NewMatcher(ts, b.plurals[baseLang(lang)]))
	return m.(*Matcher)
}

// langTerms returns the terms of a language: its own, and the source
// terms of the concepts that must not be translated, as its own.
func (b *Base) langTerms(lang string) []Term {
	var out []Term
	for _, t := range b.terms {
		switch {
		case t.Lang == lang:
			out = append(out, t)
		case t.DoNotTranslate && t.Lang == b.source && t.Status != Forbidden:
			t.Lang = lang
			out = append(out, t)
		}
	}
	return out
}

// baseLang is the language subtag of a tag: "pt" of "pt-BR".
func baseLang(tag string) string {
	base, _, _ := strings.Cut(tag, "-")
	return strings.ToLower(base)
}

// Package since compares the states of a project's translations at two
// points, a revision (a pull request's base) and the work tree, and says
// what the changes between them did to each language: translations they
// made stale, entries and messages they added that languages lack,
// translations they added or fixed, and those they orphaned or removed.
// It is pure: it reads two status reports and prints nothing.
package since

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/glosa/glosa/internal/status"
)

// Kind is what a change did to one translation.
type Kind string

// The kinds of change, in report order.
const (
	// Staled: current or unverified at the revision, stale now.
	Staled Kind = "stale"
	// New: an entry or message added since the revision that the
	// language lacks.
	New Kind = "new"
	// Lost: the language had the entry or message at the revision and
	// lacks it now, the source still having it.
	Lost Kind = "lost"
	// Added: missing at the revision (or the entry new), current now.
	Added Kind = "added"
	// Fixed: stale, untranslated or unverified at the revision, current now.
	Fixed Kind = "fixed"
	// Orphaned: an orphan now and not at the revision: its source removed
	// or renamed, or a translation added without one.
	Orphaned Kind = "orphaned"
	// Removed: a translation the revision had, its entry gone now with it.
	Removed Kind = "removed"
)

// Kinds lists every kind in report order.
var Kinds = []Kind{Staled, New, Lost, Added, Fixed, Orphaned, Removed}

// Change is one translation a change affected.
type Change struct {
	Kind Kind
	Lang string
	// Slug is the entry's slug; "" for a message.
	Slug string
	// Catalog is the message's catalog (its locale's path pattern), Domain
	// and Message its domain and ID; "" for an entry.
	Catalog, Domain, Message string
	// Path is the translation's file, or where it belongs when missing;
	// for a removed translation, where it was.
	Path string
	// Source is the source's file now, or at the revision when the
	// translation was removed or orphaned; "" for an orphan without one.
	Source string
	// Before and After are the states at the revision and now; "" where
	// the revision or the work tree has no such translation.
	Before, After status.State
	// Words is what is left to translate now (see status.Translation).
	Words int
}

// Language sums the changes of one language.
type Language struct {
	Lang, Name string
	// Entries is true for a translation language of the entries; a
	// language only catalogs have has no coverage of entries.
	Entries bool
	// CoverageBefore and CoverageAfter are the language's coverage of the
	// entries at the revision and now (see status.Language); Before is
	// false when the revision did not have the language.
	CoverageBefore, CoverageAfter float64
	Before                        bool
	Counts                        map[Kind]int
}

// Diff is what the changes since a revision did to the translations.
type Diff struct {
	Source    string
	Languages []Language
	// Changes are sorted by language, kind (in Kinds' order), then
	// entries by slug before messages by catalog, domain and ID.
	Changes []Change
}

// translation is one side of a comparison, for one language of one entry or message.
type translation struct {
	state        status.State
	path, source string
	words        int
}

// key names one translation across the two reports.
type key struct {
	lang, slug, catalog, domain, message string
	layout                               int
}

// Compare compares before (the revision's states) with after (the work
// tree's), both computed with the same configuration.
func Compare(before, after *status.Report) *Diff {
	b, a := index(before), index(after)
	d := &Diff{Source: after.Source}
	for k, t := range a {
		if c, ok := classify(k, b, t); ok {
			d.Changes = append(d.Changes, c)
		}
	}
	for k, t := range b {
		if _, ok := a[k]; !ok && k.lang != "" && t.state != status.Missing && t.state != status.Orphan {
			d.Changes = append(d.Changes, change(k, Removed, t, t, t.state, ""))
		}
	}
	rank := func(k Kind) int { return slices.Index(Kinds, k) }
	slices.SortFunc(d.Changes, func(x, y Change) int {
		return cmp.Or(cmp.Compare(x.Lang, y.Lang), cmp.Compare(rank(x.Kind), rank(y.Kind)),
			cmp.Compare(x.Catalog, y.Catalog), cmp.Compare(x.Domain, y.Domain), cmp.Compare(x.Message, y.Message),
			cmp.Compare(x.Slug, y.Slug), cmp.Compare(x.Path, y.Path))
	})
	d.Languages = languages(before, after, d.Changes)
	return d
}

// classify decides what happened to the translation k, now t.
func classify(k key, before map[key]translation, t translation) (Change, bool) {
	p, had := before[k]
	srcBefore := had && p.state != status.Orphan || hadSource(before, k)
	var kind Kind
	switch {
	case t.state == status.Stale && had && (p.state == status.Current || p.state == status.Unverified):
		kind = Staled
	case t.state == status.Missing && !srcBefore:
		kind = New
	case t.state == status.Missing && had && p.state != status.Missing:
		kind = Lost
	case t.state == status.Current && (!had || p.state == status.Missing):
		kind = Added
	case t.state == status.Current && had && p.state != status.Current:
		kind = Fixed
	case t.state == status.Orphan && (!had || p.state != status.Orphan):
		kind = Orphaned
	default:
		return Change{}, false
	}
	return change(k, kind, t, p, p.state, t.state), true
}

// hadSource reports whether the revision had the source of k: whether it
// decided any translation of k's entry or message other than as an orphan.
// index records that under the key with no language.
func hadSource(before map[key]translation, k key) bool {
	k.lang = ""
	_, ok := before[k]
	return ok
}

func change(k key, kind Kind, t, p translation, before, after status.State) Change {
	src := t.source
	if src == "" {
		src = p.source
	}
	return Change{Kind: kind, Lang: k.lang, Slug: k.slug, Catalog: k.catalog, Domain: k.domain, Message: k.message,
		Path: t.path, Source: src, Before: before, After: after, Words: t.words}
}

// index lists a report's translations by key; a source entry or message
// is also listed under its key with no language.
func index(r *status.Report) map[key]translation {
	m := map[key]translation{}
	for _, it := range r.Items {
		src := ""
		if it.Source != nil {
			src = it.Source.Path
			m[key{slug: it.Slug, layout: it.Layout}] = translation{path: src}
		}
		for _, t := range it.Translations {
			m[key{lang: t.Lang, slug: it.Slug, layout: it.Layout}] = translation{state: t.State, path: t.Path, source: src, words: t.Words}
		}
	}
	for _, c := range r.Catalogs {
		for _, msg := range c.Messages {
			k := key{catalog: c.Pattern, domain: msg.Domain, message: msg.ID}
			if msg.Path != "" {
				m[k] = translation{path: msg.Path}
			}
			for _, t := range msg.Translations {
				k.lang = t.Lang
				m[k] = translation{state: t.State, path: t.Path, source: msg.Path, words: t.Words}
			}
		}
	}
	return m
}

// languages sums the changes per language, in the order of after's
// languages.
func languages(before, after *status.Report, changes []Change) []Language {
	var out []Language
	for _, l := range after.Languages {
		sum := Language{Lang: l.Lang, Name: l.Name, Entries: true, CoverageAfter: l.Coverage, Counts: map[Kind]int{}}
		for _, bl := range before.Languages {
			if bl.Lang == l.Lang {
				sum.CoverageBefore, sum.Before = bl.Coverage, true
			}
		}
		for _, c := range changes {
			if c.Lang == l.Lang {
				sum.Counts[c.Kind]++
			}
		}
		out = append(out, sum)
	}
	// A language only a catalog has is summed after the others.
	for _, c := range changes {
		if !slices.ContainsFunc(out, func(l Language) bool { return l.Lang == c.Lang }) {
			out = append(out, Language{Lang: c.Lang, Counts: map[Kind]int{}})
		}
		i := slices.IndexFunc(out, func(l Language) bool { return l.Lang == c.Lang })
		if !slices.ContainsFunc(after.Languages, func(l status.Language) bool { return l.Lang == c.Lang }) {
			out[i].Counts[c.Kind]++
		}
	}
	return out
}

// Empty reports whether the changes did nothing to any translation.
func (d *Diff) Empty() bool { return len(d.Changes) == 0 }

// Short is a revision's commit as the comparison shows it: its first 12
// hex digits.
func Short(commit string) string {
	if len(commit) > 12 {
		return commit[:12]
	}
	return commit
}

// CoverageText shows the language's coverage of the entries at the
// revision and now («25.0% → 30.0%»), now only when the revision did not
// have the language, and «—» for a language only catalogs have.
func (l Language) CoverageText() string {
	switch {
	case !l.Entries:
		return "—"
	case !l.Before:
		return fmt.Sprintf("%.1f%%", l.CoverageAfter)
	}
	return fmt.Sprintf("%.1f%% → %.1f%%", l.CoverageBefore, l.CoverageAfter)
}

package dashboard

import (
	"github.com/glosa/glosa/internal/since"
	"github.com/glosa/glosa/internal/status"
)

// SinceFile is the page of report --since: what the changes since a
// revision did to the translations.
const SinceFile = "since.html"

// SinceInput is what the changes since a revision did, for the page of
// report --since.
type SinceInput struct {
	Diff *since.Diff
	// Ref is the revision as the user named it, Commit its full hash.
	Ref, Commit string
}

// SincePage is the page of report --since, in the reader's words.
type SincePage struct {
	// Heading says which revision the work tree is compared with.
	Heading string
	// Kinds are the kinds of change, in since.Kinds order, for the
	// summary's columns.
	Kinds []SinceKind
	// Langs are the languages with changes, each with its list.
	Langs []SinceLang
}

// SinceKind is a kind of change as shown: its code and its name.
type SinceKind struct {
	Code, Name string
}

// SinceLang is one language's changes.
type SinceLang struct {
	Lang, Name string
	// Page is the language's page, "" when it has none.
	Page string
	// Counts are the changes of each kind, in Kinds' order.
	Counts []int
	// Coverage is the language's coverage of the entries at the revision
	// and now; "—" for a language only catalogs have.
	Coverage string
	Rows     []SinceRow
}

// SinceRow is one translation a change affected.
type SinceRow struct {
	Kind SinceKind
	// What is the slug of an entry, or the message's ID.
	What string
	// File links the translation's file (URL "" when the file is not
	// there now: missing or removed); Source the source's, nil when there
	// is none to name.
	File   Link
	Source *Link
	// Before and After are the states at the revision and now; the zero
	// State where that side has no such translation.
	Before, After State
	Words         int
}

// sincePage builds the page of report --since.
func (b *builder) sincePage(in *SinceInput, pages []string) *SincePage {
	p := &SincePage{Heading: b.l.T("since.head", "Ref", in.Ref, "Commit", since.Short(in.Commit))}
	kind := func(k since.Kind) SinceKind {
		return SinceKind{Code: string(k), Name: b.l.T("since.kind." + string(k))}
	}
	for _, k := range since.Kinds {
		p.Kinds = append(p.Kinds, kind(k))
	}
	state := func(s status.State) State {
		if s == "" {
			return State{}
		}
		return b.state(s)
	}
	for _, lg := range in.Diff.Languages {
		sl := SinceLang{Lang: lg.Lang, Name: b.l.LangName(lg.Lang), Coverage: lg.CoverageText()}
		some := false
		for _, k := range since.Kinds {
			sl.Counts = append(sl.Counts, lg.Counts[k])
			some = some || lg.Counts[k] > 0
		}
		if !some {
			continue
		}
		for _, code := range pages {
			if code == lg.Lang {
				sl.Page = PageFile(code)
			}
		}
		for _, c := range in.Diff.Changes {
			if c.Lang != lg.Lang {
				continue
			}
			r := SinceRow{Kind: kind(c.Kind), What: c.Slug, File: b.link(c.Path), Before: state(c.Before), After: state(c.After), Words: c.Words}
			if c.Message != "" {
				r.What = displayID(c.Message)
			}
			// The file is there now unless the translation is missing or
			// gone; the source named for a removed or orphaned one is the
			// revision's, which may not be.
			if c.After == "" || c.After == status.Missing {
				r.File.URL = ""
			}
			if c.Source != "" {
				src := b.link(c.Source)
				if c.Kind == since.Removed || c.Kind == since.Orphaned {
					src.URL = ""
				}
				r.Source = &src
			}
			sl.Rows = append(sl.Rows, r)
		}
		p.Langs = append(p.Langs, sl)
	}
	return p
}

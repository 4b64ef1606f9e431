// Package stampplan decides what glosa stamp writes: the translation
// record of each entry translation it is asked to stamp, and the hash of
// each translated message of a go-i18n translation file whose hash is
// missing or old. Like goi18n's merge it returns the file writes it wants
// and never touches the disk; the caller alone writes, and prints the
// skips, which the plan words (see Skip.Err).
package stampplan

import (
	"fmt"
	"slices"

	"github.com/glosa/glosa/internal/catalog"
	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/history"
	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/status"
)

// History is what a plan asks git about a source file; nil when the
// history cannot be read. *history.Index is one.
type History interface {
	// Dirty reports whether path differs from HEAD in the work tree.
	Dirty(path string) bool
	// LastChange returns the newest commit that changed path.
	LastChange(path string) (history.Change, bool)
}

// Targets are the files to stamp: entry translations, then go-i18n
// translation files.
type Targets struct {
	Entries  []Entry
	Catalogs []CatalogFile
}

// Entry is an entry translation and its item's source entry (nil for an
// orphan).
type Entry struct {
	Source      *content.Entry
	Translation *status.Translation
}

// CatalogFile is a go-i18n translation file and its catalog.
type CatalogFile struct {
	File    *catalog.File
	Catalog *status.Catalog
}

// Select returns the translations in langs, or all of them: every entry
// translation that has a file, in report order, and every translation file
// of the catalogs.
func Select(r *status.Report, langs []string, all bool) Targets {
	var out Targets
	for i := range r.Items {
		it := &r.Items[i]
		for j := range it.Translations {
			t := &it.Translations[j]
			if t.Entry != nil && (all || slices.Contains(langs, t.Lang)) {
				out.Entries = append(out.Entries, Entry{Source: it.Source, Translation: t})
			}
		}
	}
	for i := range r.Catalogs {
		c := &r.Catalogs[i]
		for _, f := range c.Files {
			if !f.Template && f.Lang != c.Source && (all || slices.Contains(langs, f.Lang)) {
				out.Catalogs = append(out.Catalogs, CatalogFile{File: f, Catalog: c})
			}
		}
	}
	return out
}

// Find adds to the targets the translation at the repository path rel:
// an entry translation or a go-i18n translation file. It reports false
// when rel is neither.
func (ts *Targets) Find(r *status.Report, rel string) bool {
	for i := range r.Catalogs {
		c := &r.Catalogs[i]
		for _, f := range c.Files {
			if f.Path == rel && !f.Template && f.Lang != c.Source {
				ts.Catalogs = append(ts.Catalogs, CatalogFile{File: f, Catalog: c})
				return true
			}
		}
	}
	for i := range r.Items {
		it := &r.Items[i]
		for j := range it.Translations {
			if t := &it.Translations[j]; t.Entry != nil && t.Entry.Path == rel {
				ts.Entries = append(ts.Entries, Entry{Source: it.Source, Translation: t})
				return true
			}
		}
	}
	return false
}

// Plan is what stamping the targets does, one step per file (and per
// message of a file left alone), in the order of the targets.
type Plan struct {
	Steps []Step
}

// Step is a file to write, or something left alone: exactly one is set.
type Step struct {
	Change *Change
	Skip   *Skip
}

// Change is one file the plan writes.
type Change struct {
	// Path is the slash-separated path from the repository root.
	Path string
	// Old is the file's content as the plan read it, which the writer
	// checks is still on disk; Data its new content.
	Old, Data []byte
	// State is an entry translation's state before; Hash the source hash
	// its record now holds.
	State status.State
	Hash  string
	// Messages is how many messages of a catalog file are stamped; 0 for
	// an entry.
	Messages int
	// Minor is, for glosa stamp --minor, the source hash the record held
	// before: the version the translation was current against.
	Minor string
	// Err is why the file cannot be stamped after all: the new record
	// does not fit in it. The caller stops there.
	Err error
}

// Reason is why the plan leaves a file, or a message, alone.
type Reason int

// The reasons for a skip.
const (
	// Unparsable: the translation cannot be parsed.
	Unparsable Reason = iota + 1
	// Orphan: the source has no entry of the translation's slug.
	Orphan
	// SourceUnparsable: what the translation was made from cannot be
	// parsed.
	SourceUnparsable
	// Untranslated: the translation is not done.
	Untranslated
	// PO: a PO catalog, whose messages stamp cannot record.
	PO
	// NoSourceCatalog: the catalog has no source file for the domain.
	NoSourceCatalog
	// Comment: stamping a message would drop its comment.
	Comment
	// NotCurrent: glosa stamp --minor moves only the records of
	// translations current against the source's previous version.
	NotCurrent
)

// Skip is a file, or one message of a file (Comment), left alone.
type Skip struct {
	Path   string
	Reason Reason
	// Err says why, in the reader's language, at the place in Path it is
	// about when there is one: where an unparsable file fails, the line
	// and column of a message whose comment would be lost.
	Err *l10n.Error
}

// Counts reports whether the skip is of a whole file, which stamp counts
// as skipped; a message left alone in a file that is stamped is not, nor
// a translation glosa stamp --minor leaves as it was.
func (s *Skip) Counts() bool { return s.Reason != Comment && s.Reason != NotCurrent }

// Make decides what stamping the targets writes.
func Make(r *status.Report, cfg *config.Config, hist History, ts Targets) *Plan {
	p := &Plan{}
	for _, t := range ts.Entries {
		p.entry(r, hist, t)
	}
	for _, cf := range ts.Catalogs {
		p.catalog(cfg, cf)
	}
	return p
}

func (p *Plan) change(c Change) { p.Steps = append(p.Steps, Step{Change: &c}) }

// skip records that the file at path is left alone for reason, which why
// words.
func (p *Plan) skip(path string, reason Reason, why l10n.Text) { p.skipAt(path, reason, 0, 0, why) }

// skipAt records that the file at path, or what is at a line and column of
// it, is left alone for reason, which why words.
func (p *Plan) skipAt(path string, reason Reason, line, col int, why l10n.Text) {
	err := &l10n.Error{Path: path, Line: line, Column: col, Text: why}
	p.Steps = append(p.Steps, Step{Skip: &Skip{Path: path, Reason: reason, Err: err}})
}

// unparsable records the skip of the file at path, which cannot be parsed:
// at the place of err, saying err's Text.
func (p *Plan) unparsable(path string, err *l10n.Error) {
	p.skipAt(path, Unparsable, err.Line, err.Column, l10n.Msg("stamp.skipUnparsable", "Error", err.Text))
}

// entry stamps a translation with the hash of what it was made from (see
// status.Report.TranslatedFrom) and the commit that names that version.
func (p *Plan) entry(r *status.Report, hist History, target Entry) {
	t, src := target.Translation, target.Source
	e := t.Entry
	// Drafts are skipped, not passed over: a finished translation still
	// marked draft: true is a common reason for a stamp that did not
	// happen.
	switch {
	case e.Err != nil:
		p.unparsable(e.Path, e.Err)
		return
	case src == nil:
		p.skip(e.Path, Orphan, l10n.Msg("stamp.skipOrphan", "Slug", e.Slug))
		return
	case src.Err != nil:
		p.skip(e.Path, SourceUnparsable, l10n.Msg("stamp.skipSourceUnparsable", "Path", src.Path))
		return
	case t.State == status.Untranslated:
		p.skip(e.Path, Untranslated, l10n.Msg("stamp.skipUntranslated", "Why", l10n.Msg("reason."+string(t.Reason))))
		return
	case t.State == status.Current:
		return
	}
	from := r.TranslatedFrom(e)
	switch {
	case from.Entry == nil:
		// The pivot is gone: the source is all there is to follow.
		from = status.Origin{Lang: r.Source, Entry: src}
	case from.Entry.Err != nil:
		// Stamping from the source would drop the pivot from the record.
		p.skip(e.Path, SourceUnparsable, l10n.Msg("stamp.skipSourceUnparsable", "Path", from.Entry.Path))
		return
	}
	rec := content.Record{Source: from.Lang, Hash: r.SourceHash(from.Entry), Commit: commitOf(hist, from.Entry.Path)}
	c := Change{Path: e.Path, Old: e.Doc.Raw, State: t.State, Hash: rec.Hash}
	data, err := content.SetRecord(e.Doc, rec)
	if err != nil {
		c.Err = l10n.Wrap(err, "stamp.failed", "Path", e.Path, "Error", l10n.TextOf(err))
	}
	c.Data = data
	p.change(c)
}

// commitOf returns the commit that names the work tree's version of path:
// its last change, unless the file differs from HEAD or there is no
// history.
func commitOf(hist History, path string) string {
	if hist == nil || hist.Dirty(path) {
		return ""
	}
	if c, ok := hist.LastChange(path); ok {
		return c.Commit
	}
	return ""
}

// errorf is an error that stops the stamp of a catalog file.
func errorf(path, id string, err error) error {
	return fmt.Errorf("stamping %s: %s: %w", path, id, err)
}

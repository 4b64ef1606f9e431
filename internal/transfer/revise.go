package transfer

import (
	"github.com/glosa/glosa/internal/blockdiff"
	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/exchange"
	"github.com/glosa/glosa/internal/segment"
	"github.com/glosa/glosa/internal/status"
)

// noVersionNote tells the translator of a stale entry why every unit is
// to review: the version the translation was made from is not in the git
// history glosa can read (none, or a shallow clone).
const noVersionNote = "the source version this translation was made from is not in the git history: review every unit"

// revised is what a stale translation needs for block-level
// re-translation: what changed in its source since its version (see
// status.Report.Revise), and the translation's text of each unit of that
// version.
type revised struct {
	rev status.Revision
	// old holds the translation's text by unit ID of the old version,
	// paired with it (the translation has that version's structure).
	old map[string]string
}

// revise returns the revision of a stale translation, nil when the
// version it was made from could not be read.
func revise(r *status.Report, it *status.Item, t *status.Translation) *revised {
	rev, ok := r.Revision(t)
	if !ok || t.Entry == nil || t.Entry.Err != nil {
		return nil
	}
	doc, err := content.ParseFile(it.Source.Path, rev.Version)
	if err != nil {
		return nil
	}
	return &revised{rev: rev, old: segment.Align(doc, t.Entry.Doc, r.Repo.Schema(it.Source), it.Slug)}
}

// fill sets a unit's target, state and previous source: an unchanged
// unit is translated with the translation's text; a changed one needs
// review, with its old source and the translation of it; an added one is
// new. cur is the translation paired with the current source, for a
// unit the old version's pairing misses (the translation's structure
// differs from its version's): that one needs review.
func (rv *revised) fill(u *exchange.Unit, cur map[string]string) {
	uc := rv.rev.Units[u.ID]
	text, ok := rv.old[uc.OldID]
	if uc.OldID == "" || !ok || text == "" {
		if text := cur[u.ID]; text != "" && uc.Change != blockdiff.Added {
			u.Target, u.State = text, exchange.NeedsReview
			u.Previous = uc.Previous
		}
		return
	}
	switch uc.Change {
	case "":
		u.Target, u.State = text, exchange.Translated
	case blockdiff.Changed:
		u.Target, u.State, u.Previous = text, exchange.NeedsReview, uc.Previous
	}
}

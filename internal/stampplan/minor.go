package stampplan

import (
	"errors"

	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/status"
)

// VersionHistory is a History that also reads a file at a commit;
// *history.Index is one.
type VersionHistory interface {
	History
	// Show returns the file's content at a commit.
	Show(commit, path string) ([]byte, error)
}

// ErrNoEarlier is returned by Minor for a source with no earlier version
// to compare with: no history, a file git does not know, or one whose
// last commit added it.
var ErrNoEarlier = errors.New("the source has no earlier version")

// Minor plans glosa stamp --minor for the item's source, edited
// trivially: every translation of it that was current against the
// previous version of the source (HEAD's when the source differs from
// HEAD, else the one before its last commit), or that is current by
// minor edits already (status.MinorEdit), gets its record moved forward to
// the source as it is now; Change.Minor names the hash it moved from. The
// others are left as they are, each a Skip saying why (NotCurrent). It
// returns ErrNoEarlier when the source has no earlier version.
func Minor(r *status.Report, hist VersionHistory, it *status.Item) (*Plan, error) {
	src := it.Source
	if hist == nil || src == nil || src.Err != nil {
		return nil, ErrNoEarlier
	}
	before, err := earlier(hist, src.Path)
	if err != nil {
		return nil, err
	}
	doc, err := content.Parse(before)
	if err != nil {
		return nil, ErrNoEarlier
	}
	old := content.Hash(doc, r.Repo.Schema(src))
	now := r.SourceHash(src)
	p := &Plan{}
	for i := range it.Translations {
		t := &it.Translations[i]
		e := t.Entry
		switch {
		case e == nil:
			continue
		case e.Err != nil:
			p.unparsable(e.Path, e.Err)
			continue
		case e.Record == nil || e.Record.Hash == "" || r.TranslatedFrom(e).Entry != src:
			// No record of glosa's to move: another tool's commit, a
			// pivot, none.
			p.skip(e.Path, NotCurrent, l10n.Msg("stamp.minorNoRecord"))
			continue
		case e.Record.Hash == now:
			continue // current already
		case e.Record.Hash != old && t.Reason != status.MinorEdit:
			p.skip(e.Path, NotCurrent, l10n.Msg("stamp.minorNotCurrent", "State", l10n.Msg("state."+string(t.State))))
			continue
		}
		rec := content.Record{Source: e.Record.Source, Hash: now, Commit: commitOf(hist, src.Path)}
		c := Change{Path: e.Path, Old: e.Doc.Raw, State: t.State, Hash: now, Minor: e.Record.Hash}
		data, err := content.SetRecord(e.Doc, rec)
		if err != nil {
			c.Err = l10n.Wrap(err, "stamp.failed", "Path", e.Path, "Error", l10n.TextOf(err))
		}
		c.Data = data
		p.change(c)
	}
	return p, nil
}

// earlier returns the source's previous version: HEAD's when the file
// differs from HEAD, else the one before its last commit.
func earlier(hist VersionHistory, path string) ([]byte, error) {
	if hist.Dirty(path) {
		if data, err := hist.Show("HEAD", path); err == nil {
			return data, nil
		}
		return nil, ErrNoEarlier
	}
	c, ok := hist.LastChange(path)
	if !ok || c.Status != 'M' && c.Status != 'R' {
		return nil, ErrNoEarlier
	}
	old := c.Path
	if c.Status == 'R' {
		old = c.OldPath
	}
	data, err := hist.Show(c.Commit+"^", old)
	if err != nil {
		return nil, ErrNoEarlier
	}
	return data, nil
}

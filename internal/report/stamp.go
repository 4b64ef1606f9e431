package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/printable"
	"github.com/glosa/glosa/internal/stampplan"
)

// StampView is what a stamp did, or with --dry-run would do.
type StampView struct {
	// Stamped are the files stamped, in the plan's order.
	Stamped []*stampplan.Change
	// Skipped are the files, and messages of files, left alone.
	Skipped []*stampplan.Skip
	// Refused are the files whose write was refused: they changed on
	// disk after glosa read them, or are outside the repository.
	Refused []string
	DryRun  bool
	// L words the summary; nil means English.
	L *l10n.Localizer
}

// StampText writes a line per file stamped: an entry's state before and
// the hash recorded, or the number of a catalog file's messages. Skips are
// warnings, which the command writes on stderr as it goes.
func StampText(w io.Writer, v StampView) error {
	l := orEnglish(v.L)
	var b strings.Builder
	for _, c := range v.Stamped {
		if c.Messages > 0 {
			fmt.Fprintf(&b, "%s: %s\n", printable.String(c.Path), l.N("stamp.messages", c.Messages))
		} else if c.Minor != "" {
			fmt.Fprintf(&b, "%s: %s\n", printable.String(c.Path), l.T("stamp.minorMoved", "State", l.T("state."+string(c.State)), "From", c.Minor, "Hash", c.Hash))
		} else {
			fmt.Fprintf(&b, "%s: %s → %s (%s)\n", printable.String(c.Path), l.T("state."+string(c.State)), l.T("state.current"), c.Hash)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// StampVersion is the version of the JSON of glosa stamp --format json.
const StampVersion = 1

// StampJSON is the document glosa stamp --format json writes: what was
// stamped, or with --dry-run would be, and what was left alone, with why.
type StampJSON struct {
	// Version is the version of the document's schema.
	Version int `json:"version"`
	// DryRun is true when nothing was written.
	DryRun bool `json:"dryRun"`
	// Stamped are the files stamped (with --dry-run, that would be), in
	// the order of the translations; [] when none.
	Stamped []StampedJSON `json:"stamped"`
	// Skipped are the files, and messages of catalog files, left alone,
	// with why; [] when none.
	Skipped []StampSkipJSON `json:"skipped"`
	// Refused are the files whose write was refused: the file changed on
	// disk after glosa read it, or it is outside the repository through a
	// symbolic link. The exit code is then 1; [] when none.
	Refused []string `json:"refused"`
}

// StampedJSON is one file stamped.
type StampedJSON struct {
	// Path is the file's path from the repository root, with slashes.
	Path string `json:"path"`
	// Kind is "entry" for an entry translation, "catalog" for a go-i18n
	// translation file.
	Kind string `json:"kind"`
	// State is an entry translation's state before the stamp (stale,
	// unverified…); "" for a catalog file.
	State string `json:"state"`
	// Hash is the source hash an entry's record now holds; "" for a
	// catalog file.
	Hash string `json:"hash"`
	// Messages is how many messages of a catalog file got the source's
	// hash; 0 for an entry.
	Messages int `json:"messages"`
	// Minor is, with glosa stamp --minor, the source hash the record held
	// before it was moved forward: the translation was current against
	// that version, and the source's edit since needs no re-translation;
	// absent otherwise.
	Minor string `json:"minor,omitempty"`
}

// StampSkipJSON is a file, or a message of a catalog file, left alone.
type StampSkipJSON struct {
	// Path is the file's path from the repository root.
	Path string `json:"path"`
	// Line is where in the file the reason is (where an unparsable file
	// fails, the message whose comment would be lost); 0 when it is about
	// the whole file.
	Line int `json:"line"`
	// Column is the column on Line; 0 with it.
	Column int `json:"column"`
	// Reason says why: "unparsable", "orphan" (no source entry),
	// "sourceUnparsable", "untranslated", "po" (PO messages record no
	// hash), "noSourceCatalog", "comment" (stamping the message would
	// drop its comment; the rest of the file is stamped), or "notCurrent"
	// (glosa stamp --minor: the translation was not current against the
	// source's previous version, or has no record of glosa's to move).
	Reason string `json:"reason"`
	// Message says why in the reader's language, as stderr does.
	Message string `json:"message"`
}

// stampReasons name the reasons of a skip in StampSkipJSON.
var stampReasons = map[stampplan.Reason]string{
	stampplan.Unparsable:       "unparsable",
	stampplan.Orphan:           "orphan",
	stampplan.SourceUnparsable: "sourceUnparsable",
	stampplan.Untranslated:     "untranslated",
	stampplan.PO:               "po",
	stampplan.NoSourceCatalog:  "noSourceCatalog",
	stampplan.Comment:          "comment",
	stampplan.NotCurrent:       "notCurrent",
}

// StampDocument returns the JSON document of the view.
func (v StampView) StampDocument() StampJSON {
	l := orEnglish(v.L)
	doc := StampJSON{Version: StampVersion, DryRun: v.DryRun, Stamped: []StampedJSON{}, Skipped: []StampSkipJSON{}, Refused: nonNil(v.Refused)}
	for _, c := range v.Stamped {
		s := StampedJSON{Path: c.Path, Kind: "catalog", Messages: c.Messages, Minor: c.Minor}
		if c.Messages == 0 {
			s.Kind, s.State, s.Hash = "entry", string(c.State), c.Hash
		}
		doc.Stamped = append(doc.Stamped, s)
	}
	for _, s := range v.Skipped {
		doc.Skipped = append(doc.Skipped, StampSkipJSON{Path: s.Path, Line: s.Err.Line, Column: s.Err.Column,
			Reason: stampReasons[s.Reason], Message: l.Text(s.Err.Text)})
	}
	return doc
}

// StampJSONOut writes the view as StampJSON.
func StampJSONOut(w io.Writer, v StampView) error { return WriteJSON(w, v.StampDocument()) }

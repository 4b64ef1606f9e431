package report

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/printable"
	"github.com/glosa/glosa/internal/syncplan"
)

// SyncView is a sync's plan to summarise: what it changes, or would.
type SyncView struct {
	Plan *syncplan.Plan
	// L words the summary; nil means English.
	L *l10n.Localizer
	// DryRun reports a run that changed nothing.
	DryRun bool
	// Skipped are the files left alone, as the command warned about them
	// on stderr; Refused the files whose write was refused (see
	// SyncJSON.Refused). Only the JSON summary lists them.
	Skipped []SyncSkipJSON
	Refused []string
}

// SyncVersion is the version of the JSON of glosa sync --format json.
const SyncVersion = 1

// SyncJSON is the document glosa sync --format json writes: what sync
// changed, or with --dry-run would change, per file and per language.
type SyncJSON struct {
	// Version is the version of the document's schema.
	Version int `json:"version"`
	// DryRun is true when nothing was written.
	DryRun bool `json:"dryRun"`
	// Files are the files sync writes, or counts stale messages of, sorted
	// by path; [] when none.
	Files []SyncFileJSON `json:"files"`
	// Languages are the sums of files per language, sorted by language
	// code; [] when nothing changes.
	Languages []SyncLanguageJSON `json:"languages"`
	// Skipped are the files sync leaves alone although they have work to
	// do, sorted by path; [] when none.
	Skipped []SyncSkipJSON `json:"skipped"`
	// Refused are the files whose write was refused, in the order tried:
	// the file changed on disk after glosa read it (it stays in files), or
	// it is outside the repository through a symbolic link. The exit code
	// is then 1; [] when none.
	Refused []string `json:"refused"`
}

// SyncFileJSON is one file sync writes.
type SyncFileJSON struct {
	// Path is the file's path from the repository root, with slashes.
	Path string `json:"path"`
	// Lang is the file's language code.
	Lang string `json:"lang"`
	// Written is false for a catalog file listed only for its stale
	// messages, which sync keeps for the translator and does not write.
	Written bool `json:"written"`
	// Created is true for a file that did not exist: an entry's stub, a
	// new catalog file, a goi18n translate file or a moved translation.
	Created bool `json:"created"`
	// Stub is true for the stub of a missing entry translation: the
	// source marked draft.
	Stub bool `json:"stub"`
	// MovedFrom is the orphan translation moved here, after git saw its
	// source renamed; sync removes it. "" otherwise.
	MovedFrom string `json:"movedFrom"`
	// Fields are the key and slugs fields copied from the source into an
	// existing entry translation; [] when none.
	Fields []string `json:"fields"`
	// Added are the message IDs added to a catalog file as empty stubs
	// (for PO, context and ID joined by U+0004); [] when none.
	Added []string `json:"added"`
	// Pruned are the message IDs removed (go-i18n) or made obsolete (PO)
	// with --prune; [] when none.
	Pruned []string `json:"pruned"`
	// Stale are the message IDs whose source changed since they were
	// translated, kept as they are; [] when none.
	Stale []string `json:"stale"`
	// Translate is how many messages a goi18n translate file
	// (--translate-files) holds; 0 for other files.
	Translate int `json:"translate"`
}

// SyncLanguageJSON sums what sync does in one language.
type SyncLanguageJSON struct {
	// Lang is the language code.
	Lang string `json:"lang"`
	// Entries is the number of entry stubs created.
	Entries int `json:"entries"`
	// Updated is the number of entry translations whose key fields were
	// copied from the source.
	Updated int `json:"updated"`
	// Added is the number of catalog messages added.
	Added int `json:"added"`
	// Pruned is the number of catalog messages pruned.
	Pruned int `json:"pruned"`
	// Stale is the number of catalog messages left stale.
	Stale int `json:"stale"`
}

// SyncSkipJSON is a file sync leaves alone.
type SyncSkipJSON struct {
	// Path is the file's path from the repository root.
	Path string `json:"path"`
	// Lang is the file's language code.
	Lang string `json:"lang"`
	// Reason says why: "po" (a PO catalog without a template),
	// "unparsable" (the file, or the source it is made from, cannot be
	// parsed), "exists" (a file is already where a stub belongs) or
	// "error" (the edit failed; see message).
	Reason string `json:"reason"`
	// From is the file that cannot be parsed, for "unparsable".
	From string `json:"from"`
	// Message says why in the reader's language, as stderr does.
	Message string `json:"message"`
}

// The reasons of SyncSkipJSON.
const (
	SyncSkipPO         = "po"
	SyncSkipUnparsable = "unparsable"
	SyncSkipExists     = "exists"
	SyncSkipError      = "error"
)

// SyncDocument returns the JSON document of the view.
func (v SyncView) SyncDocument() SyncJSON {
	doc := SyncJSON{Version: SyncVersion, DryRun: v.DryRun, Files: []SyncFileJSON{}, Languages: []SyncLanguageJSON{},
		Skipped: nonNil(v.Skipped), Refused: nonNil(v.Refused)}
	for _, c := range v.Plan.Changes {
		doc.Files = append(doc.Files, SyncFileJSON{Path: c.Path, Lang: c.Lang, Written: c.Data != nil, Created: c.Create,
			Stub: c.Entry, MovedFrom: c.From, Fields: nonNil(c.Fields), Added: nonNil(c.Added), Pruned: nonNil(c.Pruned),
			Stale: nonNil(c.Stale), Translate: c.Translate})
	}
	for _, l := range v.Plan.Languages() {
		doc.Languages = append(doc.Languages, SyncLanguageJSON(l))
	}
	slices.SortStableFunc(doc.Skipped, func(a, b SyncSkipJSON) int { return strings.Compare(a.Path, b.Path) })
	return doc
}

// SyncJSONOut writes the view as SyncJSON.
func SyncJSONOut(w io.Writer, v SyncView) error { return WriteJSON(w, v.SyncDocument()) }

// nonNil returns s, or an empty slice for nil, which JSON writes as [].
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// SyncText writes a line per changed file, then a table per language.
func SyncText(w io.Writer, v SyncView) error {
	if len(v.Plan.Changes) == 0 {
		return nil
	}
	l := orEnglish(v.L)
	var b strings.Builder
	for _, c := range v.Plan.Changes {
		fmt.Fprintf(&b, "%s: %s\n", printable.String(c.Path), syncChangeLine(l, c))
	}
	fmt.Fprintln(&b)
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", l.T("col.language"), l.T("sync.colEntries"), l.T("sync.colUpdated"), l.T("sync.colAdded"), l.T("sync.colPruned"), l.T("sync.colStale"))
	for _, s := range v.Plan.Languages() {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\n", printable.String(s.Lang), s.Entries, s.Updated, s.Added, s.Pruned, s.Stale)
	}
	tw.Flush()
	_, err := io.WriteString(w, b.String())
	return err
}

// SyncMarkdown writes the summary as Markdown, to paste into a pull
// request: a table per language, then a line per changed file.
func SyncMarkdown(w io.Writer, v SyncView) error {
	l := orEnglish(v.L)
	var b strings.Builder
	fmt.Fprintf(&b, "### %s\n\n", l.T("sync.title"))
	if len(v.Plan.Changes) == 0 {
		fmt.Fprintf(&b, "%s\n", l.T("sync.nothing"))
	} else {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n", l.T("sync.mdLanguage"), l.T("sync.mdEntries"), l.T("sync.mdUpdated"), l.T("sync.mdAdded"), l.T("sync.mdPruned"), l.T("sync.mdStale"))
		fmt.Fprintln(&b, "|---|--:|--:|--:|--:|--:|")
		for _, s := range v.Plan.Languages() {
			fmt.Fprintf(&b, "| %s (%s) | %d | %d | %d | %d | %d |\n", mdEscape(s.Lang), mdEscape(l.LangName(s.Lang)), s.Entries, s.Updated, s.Added, s.Pruned, s.Stale)
		}
		fmt.Fprintln(&b)
		for _, c := range v.Plan.Changes {
			// The line's words are glosa's, but they quote field names
			// and paths from the files.
			fmt.Fprintf(&b, "- %s: %s\n", mdCode(c.Path), mdEscape(syncChangeLine(l, c)))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// syncChangeLine words what a change does to its file.
func syncChangeLine(l *l10n.Localizer, c syncplan.Change) string {
	var parts []string
	if c.From != "" {
		parts = append(parts, l.T("sync.moved", "From", c.From))
	}
	if c.Entry {
		parts = append(parts, l.T("sync.stub"))
	} else if c.Create && c.From == "" {
		parts = append(parts, l.T("sync.created"))
	}
	if len(c.Fields) > 0 {
		parts = append(parts, l.T("sync.fields", "Fields", strings.Join(c.Fields, ", ")))
	}
	if c.Translate > 0 {
		parts = append(parts, l.N("sync.translate", c.Translate))
	}
	if n := len(c.Added); n > 0 {
		parts = append(parts, l.N("sync.added", n))
	}
	if n := len(c.Pruned); n > 0 {
		parts = append(parts, l.N("sync.pruned", n))
	}
	if n := len(c.Stale); n > 0 {
		parts = append(parts, l.N("sync.stale", n))
	}
	return strings.Join(parts, ", ")
}

package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/limits"
	"github.com/glosa/glosa/internal/printable"
	"github.com/glosa/glosa/internal/transfer"
)

// ImportVersion is the version of the JSON of glosa import --format json.
// It changes when a field changes meaning or goes away, not when one is
// added.
const ImportVersion = 1

// Import is what an import did, or would do with --dry-run.
type Import struct {
	// Files are the imported files, in the order given.
	Files []ImportedFile
	// Written are the repository's files written, or to write.
	Written []transfer.Change
	// DryRun says nothing was written; Strict that nothing was because a
	// unit was refused.
	DryRun, Strict bool
	// L words the summary; nil means English.
	L *l10n.Localizer
}

// ImportedFile is one file given to import and what became of its units.
type ImportedFile struct {
	Path   string
	Result *transfer.Result
}

// ImportJSON is the document of glosa import --format json.
type ImportJSON struct {
	// Version is the version of the document's schema.
	Version int `json:"version"`
	// DryRun is true when nothing was written: --dry-run, or --strict
	// with a unit or a file refused.
	DryRun bool `json:"dryRun"`
	// Applied counts the units whose translation was written or confirmed
	// (or would be, when dryRun).
	Applied int `json:"applied"`
	// Unchanged counts the units already current with the same text.
	Unchanged int `json:"unchanged"`
	// Skipped counts the units not translated, or marked for review and
	// not included (--include-fuzzy).
	Skipped int `json:"skipped"`
	// Refused are the units left out, by imported file and line.
	Refused []ImportRefusalJSON `json:"refused"`
	// Written are the repository's files written, or that would be with
	// --dry-run, sorted by path; none when --strict refused the import.
	Written []ImportWriteJSON `json:"written"`
}

// ImportRefusalJSON is a unit import refused.
type ImportRefusalJSON struct {
	// File is the imported file, as given on the command line.
	File string `json:"file"`
	// Line is the unit's line in that file; 0 when its format does not
	// say.
	Line int `json:"line"`
	// Unit is the unit's ID.
	Unit string `json:"unit"`
	// Reason is why, one of "unknown-unit", "source-changed", "markup",
	// "tags", "placeholders", "plural-forms", "reference-outside",
	// "unwritable".
	Reason string `json:"reason"`
	// Message says what is wrong, in English.
	Message string `json:"message"`
}

// ImportWriteJSON is a file of the repository an import writes.
type ImportWriteJSON struct {
	// Path is the file's path in the repository.
	Path string `json:"path"`
	// Units counts the units written to it.
	Units int `json:"units"`
	// State is what the file holds after the import: "current" (an entry
	// stamped current), "draft" (an entry with units still untranslated),
	// "unstamped" (an entry translated whole but not stamped: the file left
	// a unit of it that was not current unreviewed, so it keeps its
	// record) or "messages" (a catalog file).
	State string `json:"state"`
}

// counts returns the units applied, unchanged, skipped and refused.
func (v Import) counts() (applied, unchanged, skipped, refused int) {
	for _, f := range v.Files {
		applied += f.Result.Applied
		unchanged += f.Result.Unchanged
		skipped += f.Result.Skipped
		refused += len(f.Result.Refused)
	}
	return
}

// Document builds the JSON document of an import.
func (v Import) Document() ImportJSON {
	doc := ImportJSON{Version: ImportVersion, DryRun: v.DryRun || v.Strict, Refused: []ImportRefusalJSON{}, Written: []ImportWriteJSON{}}
	doc.Applied, doc.Unchanged, doc.Skipped, _ = v.counts()
	en := l10n.English()
	for _, f := range v.Files {
		for _, r := range f.Result.Refused {
			doc.Refused = append(doc.Refused, ImportRefusalJSON{File: f.Path, Line: r.Line, Unit: r.ID, Reason: string(r.Reason), Message: en.Text(r.Text)})
		}
	}
	if !v.Strict {
		for _, c := range v.Written {
			doc.Written = append(doc.Written, ImportWriteJSON{Path: c.Path, Units: c.Units, State: writeState(c)})
		}
	}
	return doc
}

func writeState(c transfer.Change) string {
	switch {
	case !c.Entry:
		return "messages"
	case c.Complete:
		return "current"
	case c.Draft:
		return "draft"
	}
	return "unstamped"
}

// ImportJSONWrite writes the JSON document, indented.
func ImportJSONWrite(w io.Writer, v Import) error {
	b, err := json.MarshalIndent(v.Document(), "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// ImportText writes a line per file written: its path and what it holds.
func ImportText(w io.Writer, v Import) error {
	if v.Strict {
		return nil
	}
	l := orEnglish(v.L)
	var b strings.Builder
	for _, c := range v.Written {
		what := l.N("import.messages", c.Units)
		switch writeState(c) {
		case "current":
			what = l.N("import.entryDone", c.Units)
		case "draft":
			what = l.N("import.entryDraft", c.Units)
		case "unstamped":
			what = l.N("import.entryUnstamped", c.Units)
		}
		fmt.Fprintf(&b, "%s: %s\n", printable.String(c.Path), what)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// ImportTalk writes to stderr what a person reads whatever the format: a
// line per refused unit, "file:line: unit ID: why", at most limits.Errors
// of a file and then how many more, then the counts.
func ImportTalk(w io.Writer, v Import) error {
	l := orEnglish(v.L)
	var b strings.Builder
	for _, f := range v.Files {
		for i, r := range f.Result.Refused {
			if i == limits.Errors {
				fmt.Fprintf(&b, "glosa: error: %s: %s\n", f.Path, l.N("import.moreErrors", len(f.Result.Refused)-i))
				break
			}
			fmt.Fprintf(&b, "glosa: error: %s: %s\n", location(f.Path, r.Line, 0), l.Text(r.Text))
		}
	}
	applied, unchanged, skipped, refused := v.counts()
	fmt.Fprintf(&b, "glosa: %s\n", l.T("import.summary", "Applied", applied, "Unchanged", unchanged, "Skipped", skipped, "Refused", refused))
	if refused > 0 {
		var by []string
		for _, reason := range transfer.Reasons {
			n := 0
			for _, f := range v.Files {
				for _, r := range f.Result.Refused {
					if r.Reason == reason {
						n++
					}
				}
			}
			if n > 0 {
				by = append(by, fmt.Sprintf("%s %d", reason, n))
			}
		}
		fmt.Fprintf(&b, "glosa: %s\n", l.T("import.refusedBy", "Reasons", strings.Join(by, ", ")))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

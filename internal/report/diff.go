package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/history"
	"github.com/glosa/glosa/internal/l10n"
)

// DiffJSON is the document glosa diff --format json writes; version 1.
type DiffJSON struct {
	Version     int             `json:"version"`
	Translation string          `json:"translation"`
	Source      string          `json:"source"`
	Lang        string          `json:"lang"`
	From        DiffFromJSON    `json:"from"`
	To          DiffToJSON      `json:"to"`
	Fields      []DiffFieldJSON `json:"fields"`
	Blocks      []DiffBlockJSON `json:"blocks"`
	Diff        string          `json:"diff"`
}

// DiffFromJSON is the source version the translation was made from.
type DiffFromJSON struct {
	// Commit is the recorded commit, or the commit of the version found by
	// its hash; "" when the work tree's source has the recorded hash.
	Commit string `json:"commit"`
	Hash   string `json:"hash"`
	// Path is the source's path then (it differs after a rename).
	Path string `json:"path"`
	// FoundBy says how: "commit", "hash" or "workTree".
	FoundBy string `json:"foundBy"`
}

// DiffToJSON is the version compared with: the source in the work tree.
type DiffToJSON struct {
	Head string `json:"head"`
	// Modified reports that the work tree's source differs from HEAD.
	Modified bool `json:"modified"`
}

// DiffFieldJSON is a front-matter text field that changed.
type DiffFieldJSON struct {
	Path   string `json:"path"`
	Change string `json:"change"`
}

// DiffBlockJSON is a body block that changed; Line is in the current
// source (for a removed block, where it was), OldLine in the old version.
type DiffBlockJSON struct {
	Change  string `json:"change"`
	Kind    string `json:"kind"`
	Line    int    `json:"line"`
	OldLine int    `json:"oldLine,omitempty"`
	Text    string `json:"text"`
}

// DiffView is a diff to show.
type DiffView struct {
	Doc DiffJSON
	// Color colours the unified diff of the text output.
	Color bool
	// L words the text output; nil means English.
	L *l10n.Localizer
}

// DiffText writes the summary of what changed, then the unified diff,
// for a reader.
func DiffText(w io.Writer, v DiffView) error {
	l, doc := orEnglish(v.L), v.Doc
	if doc.From.FoundBy == "workTree" {
		_, err := fmt.Fprintln(w, l.T("diff.unchanged", "Translation", doc.Translation, "Source", doc.Source))
		return err
	}
	to := l.T("diff.workTree")
	if !doc.To.Modified && doc.To.Head != "" {
		to = history.Short(doc.To.Head)
	}
	id := "diff.header"
	if doc.From.FoundBy == "hash" {
		id = "diff.headerHash"
	}
	var b strings.Builder
	fmt.Fprintln(&b, l.T(id, "Translation", doc.Translation, "Source", doc.Source, "From", history.Short(doc.From.Commit), "To", to))
	if doc.From.Path != doc.Source {
		fmt.Fprintf(&b, "  %s\n", l.T("diff.renamed", "Path", doc.From.Path))
	}
	for _, f := range doc.Fields {
		fmt.Fprintf(&b, "  %s\n", l.T("diff.field."+f.Change, "Path", f.Path))
	}
	for _, bl := range doc.Blocks {
		fmt.Fprintf(&b, "  %s\n", l.T("diff.block."+bl.Change+"."+bl.Kind, "Line", bl.Line, "Text", content.Excerpt(bl.Text, 60)))
	}
	if len(doc.Fields) == 0 && len(doc.Blocks) == 0 {
		fmt.Fprintf(&b, "  %s\n", l.T("diff.none"))
	}
	if doc.Diff != "" {
		b.WriteString("\n")
		for _, line := range strings.SplitAfter(doc.Diff, "\n") {
			c := ""
			switch {
			case strings.HasPrefix(line, "---"), strings.HasPrefix(line, "+++"):
				c = bold
			case strings.HasPrefix(line, "@@"):
				c = cyan
			case strings.HasPrefix(line, "-"):
				c = red
			case strings.HasPrefix(line, "+"):
				c = green
			}
			if v.Color && c != "" {
				line = paint(true, c, strings.TrimSuffix(line, "\n")) + "\n"
			}
			b.WriteString(line)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// orEnglish is l, or English when l is nil.
func orEnglish(l *l10n.Localizer) *l10n.Localizer {
	if l == nil {
		return l10n.English()
	}
	return l
}

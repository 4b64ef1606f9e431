package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/history"
	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/printable"
)

// DiffJSON is the document glosa diff --format json writes: what changed
// in a translation's source since the version it was made from.
type DiffJSON struct {
	// Version is the version of the document's schema.
	Version int `json:"version"`
	// Translation is the translation's file.
	Translation string `json:"translation"`
	// Source is the file of the entry it was translated from (the source
	// language's, or a pivot's), in the work tree.
	Source string `json:"source"`
	// Lang is the translation's language code.
	Lang string `json:"lang"`
	// From is the version the translation was made from.
	From DiffFromJSON `json:"from"`
	// To is the version compared with: the work tree's.
	To DiffToJSON `json:"to"`
	// Fields are the front-matter text fields that changed: in the work
	// tree's order, then those removed; [] when none did.
	Fields []DiffFieldJSON `json:"fields"`
	// Blocks are the body blocks that changed, in the work tree's order
	// (between two unchanged blocks, the removed ones last); [] when none
	// did.
	Blocks []DiffBlockJSON `json:"blocks"`
	// Diff is the unified diff of the source file from the version from
	// to the work tree, with 3 lines of context; "" when nothing changed.
	Diff string `json:"diff"`
}

// DiffFromJSON is the source version the translation was made from.
type DiffFromJSON struct {
	// Commit is the recorded commit, or the commit of the version found by
	// its hash; "" when the work tree's source has the recorded hash.
	Commit string `json:"commit"`
	// Hash is the version's source hash (sha256-…), as translation
	// records write it.
	Hash string `json:"hash"`
	// Path is the source's path then (it differs after a rename).
	Path string `json:"path"`
	// FoundBy says how the version was found: "commit" (the recorded
	// commit), "hash" (the newest version with the recorded hash) or
	// "workTree" (the source has not changed).
	FoundBy string `json:"foundBy"`
}

// DiffToJSON is the version compared with: the source in the work tree.
type DiffToJSON struct {
	// Head is the full hash of the HEAD commit; "" without git history.
	Head string `json:"head"`
	// Modified is true when the work tree's source differs from HEAD.
	Modified bool `json:"modified"`
}

// DiffFieldJSON is a front-matter text field that changed.
type DiffFieldJSON struct {
	// Path names the field in the front matter: title, sources[1].text.
	Path string `json:"path"`
	// Change is "added", "removed" or "changed".
	Change string `json:"change"`
}

// DiffBlockJSON is a body block that changed.
type DiffBlockJSON struct {
	// Change is "added", "removed" or "changed".
	Change string `json:"change"`
	// Kind is "paragraph", "heading" or "cell" (of a table).
	Kind string `json:"kind"`
	// Line is the block's 1-based line in the work tree's source; for a
	// removed block, the line of the block that follows where it was.
	Line int `json:"line"`
	// OldLine is the block's line in the version from; left out for an
	// added block.
	OldLine int `json:"oldLine,omitempty"`
	// Text is the block's text: the new one, the old one when removed.
	Text string `json:"text"`
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
			body, nl := strings.CutSuffix(line, "\n")
			body = diffLine(body)
			if v.Color && c != "" {
				body = paint(true, c, body)
			}
			b.WriteString(body)
			if nl {
				b.WriteString("\n")
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// diffLine shows a line of the unified diff through printable.String, but
// for its tabs, which a reader expects to see laid out as in the file.
func diffLine(s string) string {
	parts := strings.Split(s, "\t")
	for i, p := range parts {
		parts[i] = printable.String(p)
	}
	return strings.Join(parts, "\t")
}

// orEnglish is l, or English when l is nil.
func orEnglish(l *l10n.Localizer) *l10n.Localizer {
	if l == nil {
		return l10n.English()
	}
	return l
}

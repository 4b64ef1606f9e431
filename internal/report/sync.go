package report

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/syncplan"
)

// SyncView is a sync's plan to summarise: what it changes, or would.
type SyncView struct {
	Plan *syncplan.Plan
	// L words the summary; nil means English.
	L *l10n.Localizer
}

// SyncText writes a line per changed file, then a table per language.
func SyncText(w io.Writer, v SyncView) error {
	if len(v.Plan.Changes) == 0 {
		return nil
	}
	l := orEnglish(v.L)
	var b strings.Builder
	for _, c := range v.Plan.Changes {
		fmt.Fprintf(&b, "%s: %s\n", c.Path, syncChangeLine(l, c))
	}
	fmt.Fprintln(&b)
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", l.T("col.language"), l.T("sync.colEntries"), l.T("sync.colUpdated"), l.T("sync.colAdded"), l.T("sync.colPruned"), l.T("sync.colStale"))
	for _, s := range v.Plan.Languages() {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\n", s.Lang, s.Entries, s.Updated, s.Added, s.Pruned, s.Stale)
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
			fmt.Fprintf(&b, "| %s (%s) | %d | %d | %d | %d | %d |\n", s.Lang, l.LangName(s.Lang), s.Entries, s.Updated, s.Added, s.Pruned, s.Stale)
		}
		fmt.Fprintln(&b)
		for _, c := range v.Plan.Changes {
			fmt.Fprintf(&b, "- `%s`: %s\n", c.Path, syncChangeLine(l, c))
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

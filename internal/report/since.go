package report

import (
	"fmt"
	"io"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/lang"
	"github.com/glosa/glosa/internal/printable"
	"github.com/glosa/glosa/internal/since"
)

// SinceView selects what status --since shows.
type SinceView struct {
	Diff *since.Diff
	// Ref is the revision as the user named it, Commit its full hash.
	Ref, Commit string
	// Langs limits the languages shown; empty shows all.
	Langs []string
	// RepoURL, when not "", links the Markdown's files (see
	// config.Config.RepoURL).
	RepoURL string
	Color   bool
	// L words the text output; nil means English.
	L *l10n.Localizer
}

// The Markdown body is sized for a pull request's comment: up to
// mdOpenChanges changes, each language's list is shown open; past that,
// inside a collapsed <details>; a language lists at most mdMaxChanges, and
// the lists stop once the body passes mdBudget bytes, under the 65,536
// characters GitHub takes in a comment.
const (
	mdOpenChanges = 20
	mdMaxChanges  = 100
	mdBudget      = 60000
)

// languages returns the languages shown that have changes.
func (v SinceView) languages() []since.Language {
	var out []since.Language
	for _, l := range v.Diff.Languages {
		if (len(v.Langs) == 0 || slices.Contains(v.Langs, l.Lang)) && changed(l) {
			out = append(out, l)
		}
	}
	return out
}

func changed(l since.Language) bool {
	for _, n := range l.Counts {
		if n > 0 {
			return true
		}
	}
	return false
}

// changes returns the changes of one language.
func (v SinceView) changes(code string) []since.Change {
	var out []since.Change
	for _, c := range v.Diff.Changes {
		if c.Lang == code {
			out = append(out, c)
		}
	}
	return out
}

func (v SinceView) short() string { return since.Short(v.Commit) }

// what names a change's translation: its file, and the message ID of a message.
func what(c since.Change) string {
	if c.Message != "" {
		return c.Path + " " + c.Message
	}
	return c.Path
}

// SinceText writes the summary table of the languages changed and, per
// language, the translations changed.
func SinceText(w io.Writer, v SinceView) error {
	l := orEnglish(v.L)
	langs := v.languages()
	if len(langs) == 0 {
		_, err := fmt.Fprintf(w, "%s\n", l.T("since.none", "Ref", v.Ref, "Commit", v.short()))
		return err
	}
	fmt.Fprintf(w, "%s\n\n", l.T("since.head", "Ref", v.Ref, "Commit", v.short()))
	t := &table{right: []bool{false}}
	head := []string{l.T("col.language")}
	for _, k := range since.Kinds {
		head = append(head, strings.ToUpper(l.T("since.kind."+string(k))))
		t.right = append(t.right, true)
	}
	t.add(append(head, l.T("col.coverage"))...)
	t.right = append(t.right, true)
	for _, lg := range langs {
		row := []string{lg.Lang + " " + lang.Name(lg.Lang)}
		for _, k := range since.Kinds {
			row = append(row, strconv.Itoa(lg.Counts[k]))
		}
		t.add(append(row, lg.CoverageText())...)
	}
	t.paint = func(row, col int, cell string) string {
		if row == 0 {
			return paint(v.Color, bold, cell)
		}
		return cell
	}
	if err := t.write(w); err != nil {
		return err
	}
	for _, lg := range langs {
		fmt.Fprintf(w, "\n%s\n", paint(v.Color, bold, lg.Lang+" "+lang.Name(lg.Lang)))
		list := &table{}
		for _, c := range v.changes(lg.Lang) {
			src := ""
			if c.Source != "" && c.Kind != since.Added && c.Kind != since.Fixed {
				src = "← " + c.Source
			}
			list.add("  "+l.T("since.kind."+string(c.Kind)), printable.String(what(c)), printable.String(src))
		}
		if err := list.write(w); err != nil {
			return err
		}
	}
	return nil
}

// SinceMarkdown writes a body for a pull request's comment: a summary
// table by language, then each language's changes, collapsed past a
// length, files linked through RepoURL.
func SinceMarkdown(w io.Writer, v SinceView) error {
	var b strings.Builder
	langs := v.languages()
	fmt.Fprintf(&b, "### Translations since %s (%s)\n\n", mdCode(v.Ref), mdCode(v.short()))
	if len(langs) == 0 {
		b.WriteString("No translation changed.\n")
		_, err := io.WriteString(w, b.String())
		return err
	}
	b.WriteString("| language |")
	for _, k := range since.Kinds {
		b.WriteString(" " + string(k) + " |")
	}
	b.WriteString(" coverage |\n|---|" + strings.Repeat("---:|", len(since.Kinds)+1) + "\n")
	total := 0
	for _, lg := range langs {
		b.WriteString("| " + mdEscape(lg.Lang) + " " + mdEscape(lang.Name(lg.Lang)) + " |")
		for _, k := range since.Kinds {
			b.WriteString(" " + strconv.Itoa(lg.Counts[k]) + " |")
			total += lg.Counts[k]
		}
		b.WriteString(" " + lg.CoverageText() + " |\n")
	}
	for _, lg := range langs {
		cs := v.changes(lg.Lang)
		title := fmt.Sprintf("%s %s: %d", mdEscape(lg.Lang), mdEscape(lang.Name(lg.Lang)), len(cs))
		if total > mdOpenChanges {
			fmt.Fprintf(&b, "\n<details><summary>%s</summary>\n\n", title)
		} else {
			fmt.Fprintf(&b, "\n#### %s\n\n", title)
		}
		for i, c := range cs {
			if i == mdMaxChanges || b.Len() > mdBudget {
				fmt.Fprintf(&b, "- … %d more\n", len(cs)-i)
				break
			}
			file := v.mdLink(c.Path)
			if c.Kind == since.New || c.Kind == since.Lost || c.Kind == since.Removed { // no such file now
				file = mdCode(c.Path)
			}
			fmt.Fprintf(&b, "- **%s** %s", c.Kind, file)
			if c.Message != "" {
				b.WriteString(" " + mdCode(c.Message))
			}
			if c.Source != "" && c.Kind != since.Added && c.Kind != since.Fixed {
				b.WriteString(" ← " + v.mdLink(c.Source))
			}
			switch {
			case c.Words == 1:
				b.WriteString(" (1 word)")
			case c.Words > 1:
				fmt.Fprintf(&b, " (%d words)", c.Words)
			}
			b.WriteString("\n")
		}
		if total > mdOpenChanges {
			b.WriteString("\n</details>\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mdLink shows a repository file in Markdown: a link through RepoURL, or
// a code span without one.
func (v SinceView) mdLink(p string) string {
	if v.RepoURL == "" || p == "" {
		return mdCode(p)
	}
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return "[" + mdCode(p) + "](" + strings.Replace(v.RepoURL, "{path}", strings.Join(segs, "/"), 1) + ")"
}

// SinceJSON is the document of status --since REF --format json.
type SinceJSON struct {
	// Version is the schema version.
	Version int `json:"version"`
	// Since is the revision compared with.
	Since SinceRefJSON `json:"since"`
	// Source is the source language's code.
	Source string `json:"source"`
	// Languages are the translation languages shown, changed or not.
	Languages []SinceLanguageJSON `json:"languages"`
	// Changes are the translations changed, sorted by language, kind
	// (in the order of the languages' counts), then entries by slug
	// before messages by catalog, domain and ID.
	Changes []SinceChangeJSON `json:"changes"`
}

// SinceRefJSON is the revision compared with.
type SinceRefJSON struct {
	// Ref is the revision as given to --since.
	Ref string `json:"ref"`
	// Commit is its commit's full hash.
	Commit string `json:"commit"`
}

// SinceLanguageJSON sums one language's changes.
type SinceLanguageJSON struct {
	// Lang is the language's code.
	Lang string `json:"lang"`
	// CoverageBefore is the language's coverage of the entries at the
	// revision (see LanguageJSON.coverage); null when the revision did not
	// have the language, or the language is only a catalog's.
	CoverageBefore *float64 `json:"coverageBefore"`
	// CoverageAfter is its coverage of the entries now; null for a
	// language only a catalog has.
	CoverageAfter *float64 `json:"coverageAfter"`
	// Stale counts the translations current or unverified at the
	// revision and stale now.
	Stale int `json:"stale"`
	// New counts the entries and messages added since the revision that
	// the language lacks.
	New int `json:"new"`
	// Lost counts the translations the language had at the revision and
	// lacks now, their source still there.
	Lost int `json:"lost"`
	// Added counts the translations missing at the revision (or of new
	// entries) and current now.
	Added int `json:"added"`
	// Fixed counts the translations stale, untranslated or unverified at
	// the revision and current now.
	Fixed int `json:"fixed"`
	// Orphaned counts the translations that became orphans.
	Orphaned int `json:"orphaned"`
	// Removed counts the translations removed with their entry.
	Removed int `json:"removed"`
}

// SinceChangeJSON is one translation changed.
type SinceChangeJSON struct {
	// Lang is the translation's language code.
	Lang string `json:"lang"`
	// Kind is "stale", "new", "lost", "added", "fixed", "orphaned" or
	// "removed" (see the language's counts).
	Kind string `json:"kind"`
	// Slug is the entry's slug; "" for a message.
	Slug string `json:"slug"`
	// Catalog is the message's catalog (its path pattern in glosa.yaml);
	// "" for an entry.
	Catalog string `json:"catalog"`
	// Domain is the message's domain; "" for an entry and in catalogs
	// without domains.
	Domain string `json:"domain"`
	// Message is the message's ID; "" for an entry.
	Message string `json:"message"`
	// Path is the translation's file, or where it belongs when missing.
	Path string `json:"path"`
	// Source is the source's file now, or at the revision for a
	// translation removed or orphaned; "" for an orphan without one.
	Source string `json:"source"`
	// Before is the translation's state at the revision; "" when the
	// revision did not have it.
	Before string `json:"before"`
	// After is its state now; "" when removed.
	After string `json:"after"`
	// WordsToTranslate is what is left to translate now (see
	// TranslationJSON.wordsToTranslate).
	WordsToTranslate int `json:"wordsToTranslate"`
}

// SinceDocument builds the JSON document of the view.
func (v SinceView) SinceDocument() SinceJSON {
	doc := SinceJSON{Version: SchemaVersion, Since: SinceRefJSON{Ref: v.Ref, Commit: v.Commit}, Source: v.Diff.Source,
		Languages: []SinceLanguageJSON{}, Changes: []SinceChangeJSON{}}
	shown := func(code string) bool { return len(v.Langs) == 0 || slices.Contains(v.Langs, code) }
	for _, l := range v.Diff.Languages {
		if !shown(l.Lang) {
			continue
		}
		j := SinceLanguageJSON{Lang: l.Lang,
			Stale: l.Counts[since.Staled], New: l.Counts[since.New], Lost: l.Counts[since.Lost], Added: l.Counts[since.Added],
			Fixed: l.Counts[since.Fixed], Orphaned: l.Counts[since.Orphaned], Removed: l.Counts[since.Removed]}
		if l.Entries {
			j.CoverageAfter = &l.CoverageAfter
		}
		if l.Entries && l.Before {
			j.CoverageBefore = &l.CoverageBefore
		}
		doc.Languages = append(doc.Languages, j)
	}
	for _, c := range v.Diff.Changes {
		if shown(c.Lang) {
			doc.Changes = append(doc.Changes, SinceChangeJSON{Lang: c.Lang, Kind: string(c.Kind), Slug: c.Slug, Catalog: c.Catalog,
				Domain: c.Domain, Message: c.Message, Path: c.Path, Source: c.Source, Before: string(c.Before), After: string(c.After), WordsToTranslate: c.Words})
		}
	}
	return doc
}

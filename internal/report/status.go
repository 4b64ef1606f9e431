// Package report renders what glosa found: the status of every language
// and entry, the findings of check, what diff and sync show, in each
// output format (text, JSON, CSV, Markdown, GitHub annotations, SARIF,
// JUnit), and the reference of the exchange formats. Machine formats are
// versioned public APIs: docs/reference/json.md, generated from the doc
// comments of the JSON types here, documents every key.
package report

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/glosa/glosa/internal/exchange"
	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/lang"
	"github.com/glosa/glosa/internal/printable"
	"github.com/glosa/glosa/internal/status"
)

// SchemaVersion is the version of the JSON output.
const SchemaVersion = 1

// View selects what a status output shows.
type View struct {
	Report *status.Report
	// Langs limits the languages shown; empty shows all.
	Langs []string
	// States limits the translations listed; empty lists all.
	States []status.State
	// ByEntry shows the slug × language matrix instead of the summary.
	ByEntry bool
	Color   bool
	// L words the text output; nil means English.
	L *l10n.Localizer
}

// l returns the localizer of the text output.
func (v View) l() *l10n.Localizer { return orEnglish(v.L) }

// stateName is a state in the words of the text output.
func (v View) stateName(s status.State) string { return v.l().T("state." + string(s)) }

func (v View) langShown(code string) bool { return len(v.Langs) == 0 || slices.Contains(v.Langs, code) }

// shown reports whether a translation in language lang and state s is
// shown.
func (v View) shown(lang string, s status.State) bool { return v.langShown(lang) && v.stateShown(s) }

func (v View) stateShown(s status.State) bool {
	if len(v.States) == 0 {
		return true
	}
	for _, x := range v.States {
		if x == s {
			return true
		}
	}
	return false
}

// languages returns the summaries of the languages shown.
func (v View) languages() []status.Language {
	var out []status.Language
	for _, l := range v.Report.Languages {
		if v.langShown(l.Lang) {
			out = append(out, l)
		}
	}
	return out
}

// items returns the items with at least one translation shown, each with
// only its shown translations.
func (v View) items() []status.Item {
	var out []status.Item
	for _, it := range v.Report.Items {
		var ts []status.Translation
		for _, t := range it.Translations {
			if v.shown(t.Lang, t.State) {
				ts = append(ts, t)
			}
		}
		if len(ts) == 0 {
			continue
		}
		it.Translations = ts
		out = append(out, it)
	}
	return out
}

// StatusJSON is the document of status --format json, also the
// dashboard's report.json.
type StatusJSON struct {
	// Version is the version of the document's schema.
	Version int `json:"version"`
	// Source is the source language's code.
	Source string `json:"source"`
	// Languages are the translation languages shown (all, or those of
	// --lang), in glosa.yaml's order (sorted when it lists none).
	Languages []LanguageJSON `json:"languages"`
	// Entries are the slugs with a translation shown, sorted by slug;
	// --lang and --state leave out the others.
	Entries []EntryJSON `json:"entries"`
	// Catalogs are the message catalogs, one per locales item of
	// glosa.yaml; [] without one.
	Catalogs []CatalogJSON `json:"catalogs"`
	// Terms is the termbase's coverage; absent when glosa.yaml declares
	// no terms (see the terms keys).
	Terms *TermsJSON `json:"terms,omitempty"`
}

// TermsJSON is how many of the termbase's concepts have a term in each
// language.
type TermsJSON struct {
	// Concepts is the number of the termbase's concepts: the entries of
	// term layouts by slug, TBX concept entries, CSV source terms.
	Concepts int `json:"concepts"`
	// Languages are the source language and the translation languages
	// shown, in glosa.yaml's order.
	Languages []TermLanguageJSON `json:"languages"`
}

// TermLanguageJSON is one language's share of the termbase.
type TermLanguageJSON struct {
	// Lang is the language's code.
	Lang string `json:"lang"`
	// Concepts counts the concepts with a preferred or admitted term in
	// the language (a concept not to translate counts in every language).
	Concepts int `json:"concepts"`
	// Coverage is concepts of all concepts in percent, rounded down to
	// 0.1; 100 when the termbase has no concept.
	Coverage float64 `json:"coverage"`
}

// LanguageJSON sums one translation language: of the entries, or of a
// catalog's messages.
type LanguageJSON struct {
	// Lang is the language's code, as glosa.yaml names it.
	Lang string `json:"lang"`
	// Name is the language's name in itself (español), or its code when
	// glosa knows no name for it.
	Name string `json:"name"`
	// Total is the number of source entries; in a catalog, of source
	// messages (for PO files without a template, of the messages the
	// language's own files hold).
	Total int `json:"total"`
	// Current counts the translations in the state current.
	Current int `json:"current"`
	// Stale counts the translations in the state stale.
	Stale int `json:"stale"`
	// Missing counts the translations in the state missing.
	Missing int `json:"missing"`
	// Untranslated counts the translations in the state untranslated.
	Untranslated int `json:"untranslated"`
	// Unverified counts the translations in the state unverified.
	Unverified int `json:"unverified"`
	// Orphan counts the translations in the state orphan.
	Orphan int `json:"orphan"`
	// Coverage is current / total in percent, rounded down to 0.1; 100
	// when total is 0.
	Coverage float64 `json:"coverage"`
	// WordsToTranslate sums the wordsToTranslate of the language's
	// translations.
	WordsToTranslate int `json:"wordsToTranslate"`
	// Minor counts the current translations kept current by minor edits
	// of their source (reason "minor-edit"): commits marked minor, or
	// glosa stamp --minor. They are among Current. Absent when 0.
	Minor int `json:"minor,omitempty"`
}

// EntryJSON is one slug and its translations.
type EntryJSON struct {
	// Slug is the entry's identity across languages: the {slug} part of
	// its path, or its translationKey.
	Slug string `json:"slug"`
	// Path is the source entry's file; "" for an orphan.
	Path string `json:"path"`
	// Translations are the translations shown, one per language.
	Translations []TranslationJSON `json:"translations"`
}

// TranslationJSON is one language's side of an entry.
type TranslationJSON struct {
	// Lang is the translation's language code.
	Lang string `json:"lang"`
	// State is "current", "stale", "missing", "untranslated",
	// "unverified" or "orphan" (see docs/states.md).
	State string `json:"state"`
	// Path is the translation's file; "" when it is missing.
	Path string `json:"path"`
	// WordsToTranslate is the source entry's word count when the
	// translation is missing, untranslated or stale, else 0; of a stale
	// translation whose version git history has, only the changed and
	// added fields' and blocks' words; of a draft, only those of the
	// fields and blocks it has not translated.
	WordsToTranslate int `json:"wordsToTranslate"`
	// Reason is why the state was decided, as a code ("no-record",
	// "source-changed"…; see docs/states.md).
	Reason string `json:"reason"`
	// ProbablyStale is git history's guess for an unverified translation:
	// its source changed in commits after its own last change.
	ProbablyStale bool `json:"probablyStale"`
	// RenamedTo is the source's new slug, for an orphan whose source git
	// saw renamed; "" otherwise.
	RenamedTo string `json:"renamedTo"`
}

// NewLanguageJSON converts a language summary.
func NewLanguageJSON(l status.Language) LanguageJSON {
	return LanguageJSON{
		Lang: l.Lang, Name: l.Name, Total: l.Total,
		Current: l.Counts[status.Current], Stale: l.Counts[status.Stale], Missing: l.Counts[status.Missing],
		Untranslated: l.Counts[status.Untranslated], Unverified: l.Counts[status.Unverified], Orphan: l.Counts[status.Orphan],
		Coverage: l.Coverage, WordsToTranslate: l.WordsToTranslate, Minor: l.Minor,
	}
}

// LanguagesJSON converts the shown language summaries, never nil.
func (v View) LanguagesJSON() []LanguageJSON {
	out := []LanguageJSON{}
	for _, l := range v.languages() {
		out = append(out, NewLanguageJSON(l))
	}
	return out
}

// StatusJSONOut writes the view's JSON document (StatusJSON), its
// entries converted and written one at a time.
func StatusJSONOut(w io.Writer, v View) error {
	doc := StatusJSON{Version: SchemaVersion, Source: v.Report.Source, Languages: v.LanguagesJSON(), Entries: []EntryJSON{}, Catalogs: []CatalogJSON{}}
	if tc := v.Report.Terms; tc != nil {
		doc.Terms = &TermsJSON{Concepts: tc.Concepts, Languages: []TermLanguageJSON{}}
		for _, l := range v.termLanguages() {
			doc.Terms.Languages = append(doc.Terms.Languages, TermLanguageJSON{Lang: l.Lang, Concepts: l.Concepts, Coverage: l.Coverage})
		}
	}
	return writeJSONStreamed(w, doc, "entries", func(emit func(any) error) error {
		var e EntryJSON
		for _, it := range v.Report.Items {
			e = EntryJSON{Slug: it.Slug, Translations: e.Translations[:0]}
			if it.Source != nil {
				e.Path = it.Source.Path
			}
			for _, t := range it.Translations {
				if !v.shown(t.Lang, t.State) {
					continue
				}
				p := t.Path
				if t.State == status.Missing {
					p = ""
				}
				e.Translations = append(e.Translations, TranslationJSON{Lang: t.Lang, State: string(t.State), Path: p, WordsToTranslate: t.Words, Reason: string(t.Reason), ProbablyStale: t.ProbablyStale, RenamedTo: t.RenamedTo})
			}
			if len(e.Translations) == 0 {
				continue
			}
			if err := emit(e); err != nil {
				return err
			}
		}
		return nil
	}, v.streamCatalogs())
}

// termLanguages returns the term coverage of the source language and of
// the translation languages shown.
func (v View) termLanguages() []status.TermLanguage {
	var out []status.TermLanguage
	for _, l := range v.Report.Terms.Languages {
		if l.Lang == v.Report.Source || v.langShown(l.Lang) {
			out = append(out, l)
		}
	}
	return out
}

// termsText writes the termbase's coverage under the summary table: of
// each language shown, how many concepts have a term in it.
func (v View) termsText(w io.Writer) error {
	tc := v.Report.Terms
	if tc == nil {
		return nil
	}
	l := v.l()
	fmt.Fprintf(w, "\n%s\n", l.N("status.terms", tc.Concepts))
	t := &table{right: []bool{false, true, true}}
	t.add(l.T("col.language"), l.T("col.terms"), l.T("col.coverage"))
	for _, lg := range v.termLanguages() {
		t.add(lg.Lang+" "+lang.Name(lg.Lang), strconv.Itoa(lg.Concepts), fmt.Sprintf("%.1f%%", lg.Coverage))
	}
	t.paint = func(row, col int, cell string) string {
		if row == 0 {
			return paint(v.Color, bold, cell)
		}
		return cell
	}
	return t.write(w)
}

// WriteJSON writes v as indented JSON.
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// StatusText writes the per-language table, or the matrix with ByEntry,
// followed by the list of translations in the selected states.
func StatusText(w io.Writer, v View) error {
	if v.ByEntry {
		return matrixText(w, v)
	}
	l := v.l()
	if len(v.Report.Repo.Config.Content) == 0 { // catalogs only
		var b strings.Builder
		if err := catalogsText(&b, v); err != nil {
			return err
		}
		_, err := io.WriteString(w, strings.TrimPrefix(b.String(), "\n"))
		return err
	}
	if v.Report.Source == "" {
		fmt.Fprintf(w, "%s\n\n", l.T("status.noSource"))
	} else {
		fmt.Fprintf(w, "%s\n\n", l.N("status.source", sourceTotal(v.Report), "Lang", v.Report.Source, "Name", lang.Name(v.Report.Source)))
	}
	if err := v.summaryTable(w, v.languages()); err != nil {
		return err
	}
	v.probablyStaleText(w)
	v.minorText(w)
	if err := v.termsText(w); err != nil {
		return err
	}
	if len(v.States) > 0 {
		fmt.Fprintln(w)
		if err := listText(w, v); err != nil {
			return err
		}
	}
	return catalogsText(w, v)
}

// probablyStaleText says, under the table, how many unverified
// translations of each language git history thinks stale.
func (v View) probablyStaleText(w io.Writer) {
	count := map[string]int{}
	for _, it := range v.Report.Items {
		for _, t := range it.Translations {
			if t.ProbablyStale {
				count[t.Lang]++
			}
		}
	}
	for _, lg := range v.languages() {
		if n := count[lg.Lang]; n > 0 {
			fmt.Fprintf(w, "%s\n", v.l().N("status.probablyStale", n, "Lang", lg.Lang, "LangName", v.l().LangName(lg.Lang)))
		}
	}
}

// minorText says, under the table, how many translations of each
// language were kept current by minor edits of their source: never
// silently.
func (v View) minorText(w io.Writer) {
	for _, lg := range v.languages() {
		if lg.Minor > 0 {
			fmt.Fprintf(w, "%s\n", v.l().N("status.minor", lg.Minor, "Lang", lg.Lang))
		}
	}
}

// summaryTable writes one row per language: each state's count, coverage
// and words to translate.
func (v View) summaryTable(w io.Writer, langs []status.Language) error {
	l := v.l()
	t := &table{}
	header := []string{l.T("col.language")}
	for _, s := range status.States {
		header = append(header, strings.ToUpper(v.stateName(s)))
	}
	header = append(header, l.T("col.coverage"), l.T("col.words"))
	t.add(header...)
	for _, lg := range langs {
		row := []string{lg.Lang + " " + lg.Name}
		for _, s := range status.States {
			row = append(row, strconv.Itoa(lg.Counts[s]))
		}
		row = append(row, fmt.Sprintf("%.1f%%", lg.Coverage), strconv.Itoa(lg.WordsToTranslate))
		t.add(row...)
	}
	t.right = make([]bool, len(header))
	for i := 1; i < len(header); i++ {
		t.right[i] = true
	}
	t.paint = func(row, col int, cell string) string {
		if row == 0 {
			return paint(v.Color, bold, cell)
		}
		if col >= 1 && col <= len(status.States) && cell != "0" {
			return paint(v.Color, stateColor[status.States[col-1]], cell)
		}
		return cell
	}
	return t.write(w)
}

func sourceTotal(r *status.Report) int {
	n := 0
	for _, it := range r.Items {
		if it.Source != nil {
			n++
		}
	}
	return n
}

// listText writes one line per translation shown: language, state, slug,
// path and why.
func listText(w io.Writer, v View) error {
	t := &table{}
	var states []status.State
	for _, it := range v.items() {
		for _, tr := range it.Translations {
			t.add(tr.Lang, v.stateName(tr.State), it.Slug, tr.Path, v.l().T("reason."+string(tr.Reason), "Slug", it.Slug, "Source", recordSource(tr), "NewSlug", tr.RenamedTo))
			states = append(states, tr.State)
		}
	}
	t.paint = func(row, col int, cell string) string {
		if col == 1 {
			return paint(v.Color, stateColor[states[row]], cell)
		}
		return cell
	}
	return t.write(w)
}

// matrixText writes the slug × language matrix.
func matrixText(w io.Writer, v View) error {
	langs := v.shownLangs()
	t := &table{}
	t.add(append([]string{v.l().T("col.slug"), v.Report.Source}, langs...)...)
	states := [][]status.State{nil}
	for _, it := range v.items() {
		row := []string{it.Slug, v.l().T("cell.source")}
		if it.Source == nil {
			row[1] = "—"
		}
		rowStates := []status.State{"", ""}
		for _, code := range langs {
			st := status.State(cellState(it, code))
			rowStates = append(rowStates, st)
			if _, ok := status.ParseState(string(st)); ok {
				row = append(row, v.stateName(st))
			} else {
				row = append(row, string(st))
			}
		}
		t.add(row...)
		states = append(states, rowStates)
	}
	t.paint = func(row, col int, cell string) string {
		if row == 0 {
			return paint(v.Color, bold, cell)
		}
		return paint(v.Color, stateColor[states[row][col]], cell)
	}
	return t.write(w)
}

func (v View) shownLangs() []string {
	var out []string
	for _, l := range v.languages() {
		out = append(out, l.Lang)
	}
	return out
}

// recordSource is the language a translation's record names, for reasons.
func recordSource(t status.Translation) string {
	if t.Entry != nil && t.Entry.Record != nil {
		return t.Entry.Record.Source
	}
	return ""
}

// cellState is the state of an item in a language, "·" when not shown.
func cellState(it status.Item, code string) string {
	for _, t := range it.Translations {
		if t.Lang == code {
			return string(t.State)
		}
	}
	return "·"
}

// StatusCSV writes the summary, or the matrix with ByEntry, as RFC 4180 CSV.
//
// With States and without ByEntry it writes the list of translations in
// those states instead (lang, state, slug, path, reason), as the text
// output lists them under its table: one CSV holds one table.
//
// A cell a spreadsheet would run as a formula has a ' in front, as in
// export's CSV (see exchange.CSVCell): slugs, paths and language names
// come from files.
func StatusCSV(w io.Writer, v View) error {
	cw := cellWriter{csv.NewWriter(w)}
	if len(v.States) > 0 && !v.ByEntry {
		_ = cw.Write([]string{"lang", "state", "slug", "path", "reason"})
		for _, it := range v.items() {
			for _, t := range it.Translations {
				_ = cw.Write([]string{t.Lang, string(t.State), it.Slug, t.Path, string(t.Reason)})
			}
		}
		cw.Flush()
		return cw.Error()
	}
	if v.ByEntry {
		langs := v.shownLangs()
		_ = cw.Write(append([]string{"slug", "path"}, langs...))
		for _, it := range v.items() {
			row := []string{it.Slug, ""}
			if it.Source != nil {
				row[1] = it.Source.Path
			}
			for _, code := range langs {
				row = append(row, strings.TrimPrefix(cellState(it, code), "·"))
			}
			_ = cw.Write(row)
		}
	} else {
		header := []string{"lang", "name", "total"}
		for _, s := range status.States {
			header = append(header, string(s))
		}
		_ = cw.Write(append(header, "coverage", "wordsToTranslate"))
		for _, l := range v.languages() {
			row := []string{l.Lang, l.Name, strconv.Itoa(l.Total)}
			for _, s := range status.States {
				row = append(row, strconv.Itoa(l.Counts[s]))
			}
			_ = cw.Write(append(row, strconv.FormatFloat(l.Coverage, 'f', 1, 64), strconv.Itoa(l.WordsToTranslate)))
		}
	}
	cw.Flush()
	return cw.Error()
}

// cellWriter writes CSV rows, each cell through exchange.CSVCell.
type cellWriter struct{ *csv.Writer }

func (cw cellWriter) Write(row []string) error {
	cells := make([]string, len(row))
	for i, c := range row {
		cells[i] = exchange.CSVCell(c)
	}
	return cw.Writer.Write(cells)
}

// StatusMarkdown writes the summary, or the matrix with ByEntry, as a
// GitHub-flavoured Markdown table (for a pull-request comment). With
// States, a second table lists the translations in those states.
func StatusMarkdown(w io.Writer, v View) error {
	var b strings.Builder
	if v.ByEntry {
		langs := v.shownLangs()
		head := []string{"slug", mdEscape(v.Report.Source)}
		for _, code := range langs {
			head = append(head, mdEscape(code))
		}
		b.WriteString("| " + strings.Join(head, " | ") + " |\n")
		b.WriteString("|---|---|" + strings.Repeat("---|", len(langs)) + "\n")
		for _, it := range v.items() {
			src := "source"
			if it.Source == nil {
				src = "—"
			}
			cells := []string{mdEscape(it.Slug), src}
			for _, code := range langs {
				cells = append(cells, cellState(it, code))
			}
			b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
		}
	} else {
		b.WriteString("| language |")
		for _, s := range status.States {
			b.WriteString(" " + string(s) + " |")
		}
		b.WriteString(" coverage | words |\n|---|")
		b.WriteString(strings.Repeat("---:|", len(status.States)+2) + "\n")
		for _, l := range v.languages() {
			b.WriteString("| " + mdEscape(l.Lang) + " " + mdEscape(l.Name) + " |")
			for _, s := range status.States {
				b.WriteString(" " + strconv.Itoa(l.Counts[s]) + " |")
			}
			fmt.Fprintf(&b, " %.1f%% | %d |\n", l.Coverage, l.WordsToTranslate)
		}
		if len(v.States) > 0 {
			b.WriteString("\n| language | state | slug | path |\n|---|---|---|---|\n")
			for _, it := range v.items() {
				for _, t := range it.Translations {
					fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", mdEscape(t.Lang), t.State, mdEscape(it.Slug), mdEscape(t.Path))
				}
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mdEscape shows a value in Markdown as the text it is: on one line (see
// printable.String), with a backslash before each character that could
// start Markdown or HTML (emphasis, a link, a tag, an entity, a code span)
// or end a table cell. CommonMark lets any ASCII punctuation be escaped so.
func mdEscape(s string) string { return mdEscaper.Replace(printable.String(s)) }

var mdEscaper = strings.NewReplacer(`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", `\<`, ">", `\>`, "|", `\|`, "~", `\~`, "&", `\&`)

// mdCode shows a value in Markdown as a code span: fenced with more
// backticks than it holds in a row, so that none of it ends the span, and
// on one line (see printable.String). Nothing in a code span is Markdown
// or HTML.
func mdCode(s string) string {
	s = printable.String(s)
	run, longest := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " "
	}
	return fence + s + fence
}

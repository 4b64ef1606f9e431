package exchange

import (
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/glosa/glosa/internal/catalog/po"
	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/limits"
	"github.com/glosa/glosa/internal/plural"
)

// poName is the PO format's name.
const poName Format = "po"

var (
	_ = register(Spec{
		Name:   poName,
		Label:  "PO",
		File:   "{lang}.po",
		Write:  func(w io.Writer, f *File) error { return WritePO(w, f, false) },
		Detect: func(_ string, text []byte) bool { return !isXML(text) && poKeyword().Match(text) },
		Read:   func(_ string, data []byte, max int) (*File, error) { return readPO(data, max) },
		Notes: "gettext PO, for Poedit and the like: `msgctxt` is the unit's ID, `#.` comments carry its notes, `#:` its references; " +
			"a unit that needs review is `#, fuzzy`; the header has every field `msgfmt -c` asks for, `X-Source-Language`, " +
			"and gettext's conventional `Plural-Forms` for the language, the one `msginit` writes (`nplurals=2` for French, Spanish, Italian, Portuguese), " +
			"or CLDR's when a translation already tells apart a category that header merges (Spanish `many`). " +
			"Each `msgstr[n]` is the CLDR category of most of the numbers the header gives it (French `msgstr[0]` one, `msgstr[1]` other); " +
			"on import, a category without a `msgstr` of its own takes the one gettext shows for its numbers (French `many`, for 1000000, takes other's). " +
			"A header `plural-forms` accepts is read, one that gives one form to numbers CLDR tells apart is refused. Passes `msgfmt -c --check-format`.",
	})
	_ = register(Spec{
		Name:   "pot",
		Label:  "POT",
		File:   "glosa.pot",
		Write:  func(w io.Writer, f *File) error { return WritePO(w, f, true) },
		ReadAs: poName,
		Notes:  "a gettext template: every unit, no language, no translation; one file whatever `--lang` says.",
	})
)

// poKeyword is the start of a PO message, the signature of a PO file.
var poKeyword = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?m)^\s*(?:#~\s*)?msg(?:id|ctxt)\s+"`) })

// WritePO writes f as a gettext PO file: msgctxt is the unit ID, "#."
// comments its notes, "#:" its references; a unit that needs review is
// fuzzy, with its previous source as "#| msgid". With template set it
// writes a POT: no language, no translations.
func WritePO(w io.Writer, f *File, template bool) error {
	pluralForms, forms, err := poPlurals(f, template)
	if err != nil {
		return err
	}
	pf := &po.File{}
	header := &po.Entry{Translations: []string{poHeader(f, template, pluralForms)}}
	if template {
		header.Flags = []string{"fuzzy"} // as xgettext writes a template's header
	}
	if err := pf.Add(header); err != nil {
		return err
	}
	units := f.Units
	if !template {
		units = slices.Concat(f.Units, f.Obsolete)
	}
	for i, u := range units {
		e := &po.Entry{Context: u.ID, HasContext: true, Flags: append([]string(nil), u.Flags...)}
		for _, n := range u.Notes {
			e.Extracted = append(e.Extracted, strings.Split(n, "\n")...)
		}
		if !template {
			for _, m := range u.Matches {
				e.Extracted = append(e.Extracted, matchNote(m)...)
			}
		}
		for _, t := range u.Terms {
			e.Extracted = append(e.Extracted, poTermPrefix+termLines([]TermHint{t}))
		}
		for _, r := range u.Refs {
			e.References = append(e.References, r.Path+":"+strconv.Itoa(r.Line))
		}
		if u.Plural() {
			e.ID, e.HasPlural = u.SourceForms["one"], true
			if e.ID == "" {
				e.ID = u.SourceForms["other"]
			}
			e.Plural = u.SourceForms["other"]
			for _, c := range forms.Forms {
				text := ""
				if !template {
					text = u.TargetForms[string(c)]
				}
				e.Translations = append(e.Translations, text)
			}
		} else {
			e.ID = u.Source
			if !template {
				e.Translations = []string{u.Target}
			}
		}
		if e.ID == "" {
			return fmt.Errorf("unit %s: an empty source text cannot be a PO message", u.ID)
		}
		if !template && u.State == NeedsReview && u.HasTarget() {
			e.Flags = append([]string{"fuzzy"}, e.Flags...)
			if u.Previous != "" {
				e.Previous = &po.Previous{ID: u.Previous}
			}
		}
		if !template {
			matchNewlines(e)
		}
		if i >= len(f.Units) {
			// As msgmerge: where it was and what it was no longer hold.
			e.Extracted, e.References = nil, nil
			e.MarkObsolete()
		}
		if err := pf.Add(e); err != nil {
			return err
		}
	}
	return pf.Write(w)
}

// matchNote is a memory match as PO "#." lines, which Poedit and Weblate
// show as notes for the translator: "#|" is a stale unit's previous source
// and a PO entry has one msgstr, so a suggestion has no place of its own.
func matchNote(m Match) []string {
	out := []string{fmt.Sprintf("memory %d%% (%s):", m.Score, m.Origin)}
	for _, l := range strings.Split(m.Source, "\n") {
		out = append(out, "  "+l)
	}
	for i, l := range strings.Split(m.Target, "\n") {
		if i == 0 {
			l = "→ " + l
		} else {
			l = "  " + l
		}
		out = append(out, l)
	}
	return out
}

// matchNewlines makes each translation begin and end with a newline when
// the msgid does, as msgfmt -c requires.
func matchNewlines(e *po.Entry) {
	for i, t := range e.Translations {
		if t == "" {
			continue
		}
		if strings.HasPrefix(e.ID, "\n") && !strings.HasPrefix(t, "\n") {
			t = "\n" + t
		}
		if !strings.HasPrefix(e.ID, "\n") {
			t = strings.TrimLeft(t, "\n")
		}
		if strings.HasSuffix(e.ID, "\n") && !strings.HasSuffix(t, "\n") {
			t += "\n"
		}
		if !strings.HasSuffix(e.ID, "\n") {
			t = strings.TrimRight(t, "\n")
		}
		e.Translations[i] = t
	}
}

// poPlurals returns the Plural-Forms header of a PO file for f and the
// category each msgstr[] stands for. A template's are the source
// language's, as its header says: msgfmt checks them, msginit replaces
// them. A translation's are gettext's conventional ones for the language
// (msginit's: one and other for French, Spanish, Italian, Portuguese),
// so that gettext's tools and the team's other files agree, unless a
// unit has a translation for a category that header merges with another
// (Spanish many, already translated apart from other): then CLDR's, so
// that no translation is lost on the way back.
func poPlurals(f *File, template bool) (string, plural.PO, error) {
	lang := f.TargetLang
	if template {
		lang = f.SourceLang
	}
	set, err := plural.Derive(lang)
	if err != nil {
		return "", plural.PO{}, err
	}
	header, forms, err := set.Conventional()
	if err != nil || template {
		return header, forms, err
	}
	for _, u := range f.Units {
		for c, i := range forms.Shared {
			if t := u.TargetForms[string(c)]; t != "" && t != u.TargetForms[string(forms.Forms[i])] {
				return set.PluralForms(), plural.PO{Forms: set.FormCategories()}, nil
			}
		}
	}
	return header, forms, nil
}

// poHeader is the header entry's text: every field msgfmt -c asks for, in
// the order xgettext and msginit write them. The dates are f.Date; a
// translator's tool sets Last-Translator and Language-Team, which glosa
// fills as msginit --no-translator does. A template's header has
// xgettext's placeholders, which msginit replaces.
func poHeader(f *File, template bool, forms string) string {
	lang := strings.ReplaceAll(f.TargetLang, "-", "_")
	revised, translator, team := f.Date.Format(poDate), "Automatically generated", "none"
	if template {
		lang = ""
		revised, translator, team = "YEAR-MO-DA HO:MI+ZONE", "FULL NAME <EMAIL@ADDRESS>", "LANGUAGE <LL@li.org>"
	}
	original := f.Original
	if original == "" {
		original = "glosa"
	}
	fields := [][2]string{
		{"Project-Id-Version", original},
		{"POT-Creation-Date", f.Date.Format(poDate)},
		{"PO-Revision-Date", revised},
		{"Last-Translator", translator},
		{"Language-Team", team},
		{"Language", lang},
		{"MIME-Version", "1.0"},
		{"Content-Type", "text/plain; charset=UTF-8"},
		{"Content-Transfer-Encoding", "8bit"},
		{"Plural-Forms", forms},
		{"X-Generator", "glosa"},
		{"X-Source-Language", f.SourceLang},
	}
	var b strings.Builder
	for _, kv := range fields {
		b.WriteString(kv[0] + ": " + kv[1] + "\n")
	}
	return b.String()
}

// poDate is the layout of a PO header's dates, as xgettext writes them.
const poDate = "2006-01-02 15:04-0700"

// ReadPO reads a PO file written by WritePO and edited by a translator's
// tool: each message is a unit named by its msgctxt (or, without one, by
// its msgid); fuzzy means needs review, a translation means translated.
// Obsolete messages ("#~") go to File.Obsolete.
func ReadPO(data []byte) (*File, error) { return readPO(data, limits.ImportUnits) }

// readPO is ReadPO for a file of at most max units.
func readPO(data []byte, max int) (*File, error) {
	pf, err := po.ParseMax(data, max, limits.TooManyUnits)
	if err != nil {
		return nil, err
	}
	f := &File{TargetLang: strings.ReplaceAll(pf.Language(), "_", "-")}
	f.SourceLang, _ = pf.HeaderField("X-Source-Language")
	f.Original, _ = pf.HeaderField("Project-Id-Version")
	n, expr, haveForms := pf.PluralForms()
	var forms *plural.PO
	f.Units = make([]Unit, 0, len(pf.Entries))
	for i, e := range pf.Entries {
		// Each entry is let go once read: on a file of many units, the
		// parsed entries and the units made of them are not both held
		// whole.
		pf.Entries[i] = nil
		if e.IsHeader() {
			continue
		}
		u := Unit{ID: e.ID, State: New, Line: e.Line}
		if e.HasContext {
			u.ID = e.Context
		}
		for _, x := range e.Extracted {
			if t, ok := parseTermLine(strings.TrimPrefix(x, poTermPrefix)); ok && strings.HasPrefix(x, poTermPrefix) {
				u.Terms = append(u.Terms, t)
			} else {
				u.Notes = append(u.Notes, x)
			}
		}
		for _, r := range e.References {
			u.Refs = append(u.Refs, parseRefs(r)...)
		}
		for _, fl := range e.Flags {
			if fl != "fuzzy" {
				u.Flags = append(u.Flags, fl)
			}
		}
		if e.HasPlural {
			if forms == nil {
				if forms, err = poForms(n, expr, haveForms, f.TargetLang); err != nil {
					return nil, &l10n.Error{Line: e.Line, Column: 1, Text: l10n.TextOf(err), Err: err}
				}
			}
			u.SourceForms = map[string]string{"one": e.ID, "other": e.Plural}
			u.TargetForms = map[string]string{}
			text := func(i int) string {
				if i < len(e.Translations) {
					return e.Translations[i]
				}
				return ""
			}
			for i, c := range forms.Forms {
				u.TargetForms[string(c)] = text(i)
			}
			for c, i := range forms.Shared {
				u.TargetForms[string(c)] = text(i)
			}
		} else {
			u.Source = e.ID
			if len(e.Translations) > 0 {
				u.Target = e.Translations[0]
			}
		}
		switch {
		case !u.HasTarget():
		case e.IsFuzzy():
			u.State = NeedsReview
			// "#| msgid" is what a fuzzy translation was made from; on
			// any other message it tells nothing, and WritePO drops it.
			if e.Previous != nil {
				u.Previous = e.Previous.ID
			}
		default:
			u.State = Translated
		}
		if e.Obsolete {
			f.Obsolete = append(f.Obsolete, u)
		} else {
			f.Units = append(f.Units, u)
		}
	}
	return f, nil
}

// poForms maps msgstr indexes to CLDR categories by the file's own
// Plural-Forms: CLDR's header for the language, msginit's (French one and
// other, many getting other's msgstr) or any other whose forms stand for
// distinct categories (see plural.Set.Forms) and that the plural-forms
// rule accepts (plural.Set.LostDistinction): an English header in a
// Russian file is refused, as 21 would take 1's form. n, src and ok are
// what po.File.PluralForms returns.
func poForms(n int, src string, ok bool, lang string) (*plural.PO, error) {
	set, err := plural.Derive(lang)
	if err != nil {
		return nil, err
	}
	var forms plural.PO
	if ok {
		var expr *plural.Expr
		if expr, err = plural.ParseExpr(src); err == nil {
			forms, err = set.Forms(n, expr)
		}
		ok = err == nil && set.LostDistinction(n, expr) == nil
	}
	if !ok {
		header, _, _ := set.Conventional()
		return nil, l10n.Errorf("import.pluralForms", "N", n, "Lang", lang, "Forms", header)
	}
	return &forms, nil
}

// parseRefs reads a "#:" line: references "path:line" separated by spaces.
func parseRefs(s string) []Ref {
	var out []Ref
	for _, field := range strings.Fields(s) {
		ref := Ref{Path: field}
		if i := strings.LastIndexByte(field, ':'); i >= 0 {
			if n, err := strconv.Atoi(field[i+1:]); err == nil {
				ref = Ref{Path: field[:i], Line: n}
			}
		}
		out = append(out, ref)
	}
	return out
}

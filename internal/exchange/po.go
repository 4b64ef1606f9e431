package exchange

import (
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/glosa/glosa/internal/catalog/po"
	"github.com/glosa/glosa/internal/l10n"
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
		Detect: func(_ string, text []byte) bool { return !isXML(text) && poKeyword.Match(text) },
		Read:   func(_ string, data []byte) (*File, error) { return ReadPO(data) },
		Notes: "gettext PO, for Poedit and the like: `msgctxt` is the unit's ID, `#.` comments carry its notes, `#:` its references; " +
			"a unit that needs review is `#, fuzzy`; the header has `Language` and the `Plural-Forms` CLDR gives the language. " +
			"Passes `msgfmt -c --check-format`.",
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
var poKeyword = regexp.MustCompile(`(?m)^\s*(?:#~\s*)?msg(?:id|ctxt)\s+"`)

// WritePO writes f as a gettext PO file: msgctxt is the unit ID, "#."
// comments its notes, "#:" its references; a unit that needs review is
// fuzzy, with its previous source as "#| msgid". With template set it
// writes a POT: no language, no translations.
func WritePO(w io.Writer, f *File, template bool) error {
	pf := &po.File{}
	header := &po.Entry{Translations: []string{poHeader(f, template)}}
	if template {
		header.Flags = []string{"fuzzy"} // as xgettext writes a template's header
	}
	if err := pf.Add(header); err != nil {
		return err
	}
	// A template's plural messages have the source language's forms, as
	// its header says: msgfmt checks them, msginit replaces them.
	formsLang := f.TargetLang
	if template {
		formsLang = f.SourceLang
	}
	set, err := plural.Derive(formsLang)
	if err != nil {
		return err
	}
	forms := set.FormCategories()
	for _, u := range f.Units {
		e := &po.Entry{Context: u.ID, HasContext: true, Flags: append([]string(nil), u.Flags...)}
		for _, n := range u.Notes {
			e.Extracted = append(e.Extracted, strings.Split(n, "\n")...)
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
			for _, c := range forms {
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
		if err := pf.Add(e); err != nil {
			return err
		}
	}
	return pf.Write(w)
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

// poHeader is the header entry's text.
func poHeader(f *File, template bool) string {
	lang, formsLang := strings.ReplaceAll(f.TargetLang, "-", "_"), f.TargetLang
	if template {
		lang, formsLang = "", f.SourceLang
	}
	forms := "nplurals=INTEGER; plural=EXPRESSION;"
	if set, err := plural.Derive(formsLang); err == nil {
		forms = set.PluralForms()
	}
	original := f.Original
	if original == "" {
		original = "glosa"
	}
	fields := [][2]string{
		{"Project-Id-Version", original},
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

// ReadPO reads a PO file written by WritePO and edited by a translator's
// tool: each message is a unit named by its msgctxt (or, without one, by
// its msgid); fuzzy means needs review, a translation means translated.
// Obsolete messages are left out.
func ReadPO(data []byte) (*File, error) {
	pf, err := po.Parse(data)
	if err != nil {
		return nil, err
	}
	f := &File{TargetLang: strings.ReplaceAll(pf.Language(), "_", "-")}
	f.SourceLang, _ = pf.HeaderField("X-Source-Language")
	f.Original, _ = pf.HeaderField("Project-Id-Version")
	var forms []plural.Category
	for _, e := range pf.Entries {
		if e.IsHeader() || e.Obsolete {
			continue
		}
		u := Unit{ID: e.ID, State: New, Line: e.Line}
		if e.HasContext {
			u.ID = e.Context
		}
		u.Notes = append(u.Notes, e.Extracted...)
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
				if forms, err = poForms(pf, f.TargetLang); err != nil {
					return nil, &l10n.Error{Line: e.Line, Column: 1, Text: l10n.TextOf(err), Err: err}
				}
			}
			u.SourceForms = map[string]string{"one": e.ID, "other": e.Plural}
			u.TargetForms = map[string]string{}
			for i, c := range forms {
				u.TargetForms[string(c)] = ""
				if i < len(e.Translations) {
					u.TargetForms[string(c)] = e.Translations[i]
				}
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
		f.Units = append(f.Units, u)
	}
	return f, nil
}

// poForms maps msgstr indexes to CLDR categories: the language's, when the
// file's Plural-Forms has as many forms as CLDR gives it.
func poForms(pf *po.File, lang string) ([]plural.Category, error) {
	set, err := plural.Derive(lang)
	if err != nil {
		return nil, err
	}
	n, _, ok := pf.PluralForms()
	if !ok || n != set.NPlurals() {
		return nil, l10n.Errorf("import.pluralForms", "N", n, "Lang", lang, "Forms", set.PluralForms())
	}
	return set.FormCategories(), nil
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

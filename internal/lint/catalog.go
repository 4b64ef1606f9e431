package lint

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/glosa/glosa/internal/catalog"
	"github.com/glosa/glosa/internal/catalog/goi18n"
	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/placeholder"
	cldr "github.com/glosa/glosa/internal/plural"
	"github.com/glosa/glosa/internal/prose"
	"github.com/glosa/glosa/internal/status"
)

// message is a translated catalog message with its source, whatever the
// format: what the message rules compare.
type message struct {
	file   *catalog.File
	id     string
	lang   string
	line   int
	col    int
	syntax placeholder.Syntax
	// left and right are a go-i18n message's template delimiters.
	left, right string
	// forms are the translated forms, each with what it is compared with.
	forms []form
	// fuzzy marks a PO entry flagged fuzzy: a guess awaiting review,
	// which msgfmt leaves out of the compiled catalog.
	fuzzy bool
	// other are the source's and the translation's main text.
	src, text string
}

// goi18nSources maps each domain of a go-i18n catalog to its source file.
func goi18nSources(cat *status.Catalog) map[string]*goi18n.File {
	sources := map[string]*goi18n.File{}
	for _, f := range cat.Files {
		if f.GoI18n != nil && f.Lang == cat.Source {
			sources[f.Domain] = f.GoI18n
		}
	}
	return sources
}

// messages returns every translated (non-empty) message of every catalog
// that has a source to compare with: go-i18n messages with their source
// file's message, PO entries with their own msgid.
func (c *checker) messages() []message {
	if !c.msgsMade {
		c.msgs, c.msgsMade = c.makeMessages(), true
	}
	return c.msgs
}

// makeMessages makes what messages returns.
func (c *checker) makeMessages() []message {
	n := 0
	for ci := range c.rep.Catalogs {
		for _, f := range c.rep.Catalogs[ci].Files {
			switch {
			case f.GoI18n != nil:
				n += len(f.GoI18n.Messages)
			case f.PO != nil:
				n += len(f.PO.Entries)
			}
		}
	}
	out := make([]message, 0, n) // at most
	pn := newPluralNumbers()
	for ci := range c.rep.Catalogs {
		cat := &c.rep.Catalogs[ci]
		sources := goi18nSources(cat)
		for _, f := range cat.Files {
			switch {
			case f.Template || f.Lang == cat.Source:
				continue
			case f.GoI18n != nil:
				src := sources[f.Domain]
				if src == nil {
					continue
				}
				for _, tm := range f.GoI18n.Messages {
					sm := src.Message(tm.ID)
					if sm == nil || tm.Other() == "" {
						continue
					}
					m := message{file: f, id: tm.ID, lang: f.Lang, line: tm.Line, col: tm.Column, syntax: placeholder.Template,
						left: tm.LeftDelim, right: tm.RightDelim, src: sm.Other(), text: tm.Other()}
					m.forms = pn.goi18nForms(f.Lang, sm, tm)
					out = append(out, m)
				}
			case f.PO != nil:
				for _, e := range f.PO.Entries {
					if e.Obsolete || e.IsHeader() || len(e.Translations) == 0 || e.Translations[0] == "" {
						continue
					}
					m := message{file: f, id: e.ID, lang: f.Lang, line: e.Line, col: 1, src: e.ID, text: e.Translations[0], fuzzy: e.HasFlag("fuzzy")}
					switch {
					case e.HasFlag("c-format"):
						m.syntax = placeholder.CFormat
					case e.HasFlag("go-format"):
						m.syntax = placeholder.GoFormat
					}
					m.forms = pn.poForms(f, e)
					out = append(out, m)
				}
			}
		}
	}
	return out
}

func describeDiff(id string, d placeholder.Diff) l10n.Text {
	missing, extra := strings.Join(texts(d.Missing), ", "), strings.Join(texts(d.Extra), ", ")
	switch {
	case missing != "" && extra != "":
		return l10n.Msg("lint.placeholder.lacksAndHas", "ID", id, "Missing", missing, "Extra", extra)
	case missing != "":
		return l10n.Msg("lint.placeholder.lacks", "ID", id, "Missing", missing)
	}
	return l10n.Msg("lint.placeholder.has", "ID", id, "Extra", extra)
}

func texts(ps []placeholder.Placeholder) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Text)
	}
	return out
}

func keys(ps []placeholder.Placeholder) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Text)
	}
	sort.Strings(out)
	return out
}

// goi18nPluralForms checks the forms of each plural message of a go-i18n
// file against the categories its language needs. A language CLDR has no
// rules for is not judged: glosa cannot know its forms. A message that
// only has forms its language never uses is graded info: go-i18n ignores
// them, so they are dead text, not a wrong one. strict (the cldr option)
// asks for every category, not only those a count below a million needs.
func goi18nPluralForms(f *catalog.File, src *goi18n.File, set cldr.Set, strict bool, emit func(Finding)) {
	if !set.Known() {
		return
	}
	needed := set.Needed()
	if strict {
		needed = set.Categories()
	}
	for _, tm := range f.GoI18n.Messages {
		sm := src.Message(tm.ID)
		if sm == nil {
			continue
		}
		problem, lacks, ok := messageForms(set, needed, f.Lang, sm, tm)
		if !ok {
			continue
		}
		fd := Finding{Path: f.Path, Line: tm.Line, Column: tm.Column, Lang: f.Lang, Slug: tm.ID,
			Text: l10n.Msg("lint.plural.message", "ID", tm.ID, "Problem", problem)}
		if !lacks {
			fd.Severity = Info
		}
		emit(fd)
	}
}

// messageForms says what is wrong with the forms of tm, a translation into
// code of the go-i18n message sm, against the categories of set: ok is
// false when nothing is (or sm is not plural, or tm not translated), lacks
// when tm lacks a form the language needs, not only has one it never uses.
func messageForms(set cldr.Set, needed []cldr.Category, code string, sm, tm *goi18n.Message) (problem l10n.Text, lacks, ok bool) {
	if len(sm.Text) < 2 || tm.Other() == "" {
		return l10n.Text{}, false, false // not plural in the source, or not translated
	}
	var have []string
	for _, form := range goi18n.Forms() {
		if _, ok := tm.Text[form]; ok {
			have = append(have, string(form))
		}
	}
	var missing []cldr.Category
	for _, c := range needed {
		if _, ok := tm.Text[goi18n.Form(c)]; !ok {
			missing = append(missing, c)
		}
	}
	extra := set.Extra(have)
	if len(missing) == 0 && len(extra) == 0 {
		return l10n.Text{}, false, false
	}
	return formsProblem(set, missing, extra, code), len(missing) > 0, true
}

func formsProblem(set cldr.Set, missing []cldr.Category, extra []string, code string) l10n.Text {
	var ms []l10n.Text
	for _, m := range missing {
		ms = append(ms, l10n.Msg("lint.plural.example", "Form", string(m), "Example", set.Example(m)))
	}
	switch {
	case len(missing) > 0 && len(extra) > 0:
		return l10n.Msg("lint.plural.needsAndExtra", "Lang", l10n.Lang(code), "Forms", ms, "Extra", strings.Join(extra, ", "))
	case len(missing) > 0:
		return l10n.Msg("lint.plural.needs", "Lang", l10n.Lang(code), "Forms", ms)
	}
	return l10n.Msg("lint.plural.extra", "Lang", l10n.Lang(code), "Extra", strings.Join(extra, ", "))
}

// poPluralForms checks a PO file's Plural-Forms header, and each plural
// entry against the header. The header is judged by the numbers it gives
// one form (see plural.Set.LostDistinction), not by its nplurals: gettext's
// own headers, GNOME's with more forms than CLDR and CLDR's many for exact
// millions are all right; strict (the cldr option) judges it by CLDR
// alone (see plural.Set.Merged). A language CLDR has no rules for is only
// checked for what needs no rules: a header msgfmt cannot use, and
// entries whose msgstr[] count differs from nplurals.
func poPluralForms(f *catalog.File, set cldr.Set, strict bool, emit func(Finding)) {
	hasPlural := false
	for _, e := range f.PO.Entries {
		if e.HasPlural && !e.Obsolete {
			hasPlural = true
		}
	}
	if !hasPlural {
		return
	}
	h := f.PO.Header()
	hline := 1
	if h != nil {
		hline = h.Line
	}
	header := Finding{Path: f.Path, Line: hline, Column: 1, Lang: f.Lang}
	n, src, ok := f.PO.PluralForms()
	if !ok {
		header.Text = l10n.Msg("lint.plural.noHeader")
		if set.Known() {
			header.FixText = l10n.Msg("lint.plural.headerFix", "Header", suggestedHeader(set))
		}
		emit(header)
		return
	}
	expr, err := cldr.ParseExpr(src)
	if err == nil {
		_, err = expr.Indexes(n)
	}
	if err != nil {
		header.Text = l10n.Msg("lint.plural.badHeader", "Error", err.Error())
		if set.Known() {
			header.FixText = l10n.Msg("lint.plural.headerFix", "Header", suggestedHeader(set))
		}
		emit(header)
	} else if m := set.Merged(n, expr); strict && m != nil {
		header.Text = l10n.Msg("lint.plural.lostCLDR", "A", m.A, "B", m.B, "Lang", l10n.Lang(f.Lang),
			"CatA", string(m.CatA), "CatB", string(m.CatB), "Forms", joinCategories(set.IntegerCategories()))
		header.FixText = l10n.Msg("lint.plural.headerFix", "Header", set.PluralForms())
		emit(header)
	} else if m := set.LostDistinction(n, expr); !strict && m != nil {
		header.Text = l10n.Msg("lint.plural.lost", "A", m.A, "B", m.B, "Lang", l10n.Lang(f.Lang),
			"CatA", string(m.CatA), "CatB", string(m.CatB), "Forms", joinCategories(wholeCategories(set)))
		header.FixText = l10n.Msg("lint.plural.headerFix", "Header", suggestedHeader(set))
		emit(header)
	}
	for _, e := range f.PO.Entries {
		if !e.HasPlural || e.Obsolete || len(e.Translations) == n {
			continue
		}
		emit(Finding{Path: f.Path, Line: e.Line, Column: 1, Lang: f.Lang, Slug: e.ID,
			Text: l10n.Msg("lint.plural.msgstrs", "ID", strconv.Quote(shorten(e.ID)), "Have", len(e.Translations), "N", n)})
	}
}

// wholeCategories returns the categories a count below a million selects:
// Needed, without other where only fractions reach it (Polish, Russian).
func wholeCategories(set cldr.Set) []cldr.Category {
	var cs []cldr.Category
	for _, c := range set.Needed() {
		if c != cldr.Other || slices.ContainsFunc(set.Numbers(c), cldr.Small) {
			cs = append(cs, c)
		}
	}
	return cs
}

// suggestedHeader is the Plural-Forms a file in the language should have:
// msginit's, when gettext has one, else the one compiled from CLDR.
func suggestedHeader(set cldr.Set) string {
	if h, ok := cldr.GettextHeader(set.Lang()); ok {
		return h
	}
	return set.PluralForms()
}

func joinCategories(cs []cldr.Category) string {
	var out []string
	for _, c := range cs {
		out = append(out, string(c))
	}
	return strings.Join(out, ", ")
}

// sameMessages reports translated messages whose text is their source's
// and holds at least minWords words of prose (see prose.Message): a
// message that is a literal, a role, a URL, a file name or an image
// reference is rightly the same. Unless variants, a language that is a
// variant of the catalog's source (en-GB from en) is not checked; a
// message consensus languages or more keep identical is kept on purpose
// (see agreed).
func sameMessages(c *checker, minWords int, variants bool, consensus int, emit func(Finding)) {
	source := map[*catalog.File]string{}
	for ci := range c.rep.Catalogs {
		for _, f := range c.rep.Catalogs[ci].Files {
			source[f] = c.rep.Catalogs[ci].Source
		}
	}
	var held []heldFinding
	for _, m := range c.messages() {
		if m.fuzzy || content.Normalize(m.text) != content.Normalize(m.src) || !variants && sameLanguage(source[m.file], m.lang) {
			continue
		}
		if !untranslated(prose.Message(m.src), source[m.file], minWords) {
			continue
		}
		// The same message in other languages: the catalog, its domain
		// and the message's ID.
		held = append(held, heldFinding{key: strconv.Itoa(m.file.Locale) + "\x00" + m.file.Domain + "\x00" + m.id, lang: m.lang, f: Finding{
			Path: m.file.Path, Line: m.line, Column: m.col, Lang: m.lang, Slug: m.id,
			Text: l10n.Msg("lint.same.message", "ID", displayID(m.id), "Text", strconv.Quote(shorten(m.text)))}})
	}
	for _, h := range agreed(held, consensus) {
		emit(h.f)
	}
}

// displayID shows a message ID on one line.
func displayID(id string) string {
	return strings.ReplaceAll(strings.ReplaceAll(id, "\x04", "|"), "\n", `\n`)
}

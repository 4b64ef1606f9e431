package lint

import (
	"errors"
	"sort"
	"strconv"
	"strings"

	"github.com/glosa/glosa/internal/catalog"
	"github.com/glosa/glosa/internal/catalog/goi18n"
	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/placeholder"
	cldr "github.com/glosa/glosa/internal/plural"
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
	// pairs are (source text, translated text) for each translated form;
	// rare[i] is true when pairs[i] is a form that stands for few numbers
	// (see plural.Formula.Often), which may say its number in words.
	pairs [][2]string
	rare  []bool
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
	var out []message
	var cache cldr.Cache
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
				var often map[cldr.Category]bool
				if set, err := cache.Set(f.Lang); err == nil {
					often = set.Often()
				}
				for _, tm := range f.GoI18n.Messages {
					sm := src.Message(tm.ID)
					if sm == nil || tm.Other() == "" {
						continue
					}
					m := message{file: f, id: tm.ID, lang: f.Lang, line: tm.Line, col: tm.Column, syntax: placeholder.Template,
						left: tm.LeftDelim, right: tm.RightDelim, src: sm.Other(), text: tm.Other()}
					for _, form := range goi18n.Forms() {
						t, ok := tm.Text[form]
						if !ok || t == "" {
							continue
						}
						s := sm.Text[form]
						if s == "" {
							s = sm.Other()
						}
						m.pairs = append(m.pairs, [2]string{s, t})
						m.rare = append(m.rare, form != goi18n.Other && often != nil && !often[cldr.Category(form)])
					}
					out = append(out, m)
				}
			case f.PO != nil:
				var often []bool
				if n, expr, ok := f.PO.PluralForms(); ok {
					if formula, err := cldr.ParseFormula(expr); err == nil {
						often = formula.Often(n)
					}
				}
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
					for i, t := range e.Translations {
						if t == "" {
							continue
						}
						s := e.ID
						if i > 0 && e.HasPlural {
							s = e.Plural
						}
						m.pairs = append(m.pairs, [2]string{s, t})
						m.rare = append(m.rare, e.HasPlural && i < len(often) && !often[i])
					}
					out = append(out, m)
				}
			}
		}
	}
	return out
}

var placeholderMismatch = Rule{
	ID:       "placeholder-mismatch",
	Severity: Error,
	Summary:  "a message's translation lacks or adds a placeholder of its source: {{.Name}} fields, or printf verbs in c-format/go-format PO entries (checked as msgfmt -c checks them)",
	check: func(c *checker, emit func(Finding)) {
		for _, m := range c.messages() {
			if m.syntax == 0 && m.file.PO != nil {
				continue // a PO entry without a format flag holds no placeholders
			}
			if m.fuzzy {
				continue // a guess awaiting review, which msgfmt leaves out
			}
			opts := placeholder.Options{Syntax: m.syntax, LeftDelim: m.left, RightDelim: m.right}
			seen := map[string]bool{}
			for i, p := range m.pairs {
				d, err := placeholder.Compare(p[0], p[1], opts)
				if err == nil && m.rare[i] && len(d.Extra) == 0 {
					continue // "one hour", not "%s hour", for one form
				}
				f := Finding{Path: m.file.Path, Line: m.line, Column: m.col, Lang: m.lang, Slug: m.id}
				if err != nil {
					var me *placeholder.MessageError
					if errors.As(err, &me) && !me.Translation {
						continue // the source's own problem, not this translation's
					}
					f.Text = l10n.Msg("lint.placeholder.unreadable", "ID", m.id, "Text", strconv.Quote(shorten(p[1])), "Error", err.Error())
				} else if d.Empty() {
					continue
				} else {
					f.Text = describeDiff(m.id, d)
					f.FixText = l10n.Msg("lint.placeholder.fixUse", "Placeholders", strings.Join(keys(d.Missing), ", "))
					if len(d.Missing) == 0 {
						f.FixText = l10n.Msg("lint.placeholder.fixRemove")
					}
				}
				if key := f.Text.String(); !seen[key] {
					seen[key] = true
					emit(f)
				}
			}
		}
	},
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

var pluralForms = Rule{
	ID:       "plural-forms",
	Severity: Error,
	Summary:  "a plural message lacks a CLDR plural category its language needs, or has one it never uses; a PO file's nplurals differs from CLDR",
	check: func(c *checker, emit func(Finding)) {
		var cache cldr.Cache
		for ci := range c.rep.Catalogs {
			cat := &c.rep.Catalogs[ci]
			sources := goi18nSources(cat)
			for _, f := range cat.Files {
				if f.Template || f.Lang == cat.Source || f.Lang == "" {
					continue
				}
				set, err := cache.Set(f.Lang)
				if err != nil {
					continue
				}
				switch {
				case f.GoI18n != nil && sources[f.Domain] != nil:
					for _, tm := range f.GoI18n.Messages {
						sm := sources[f.Domain].Message(tm.ID)
						if sm == nil || len(sm.Text) < 2 || tm.Other() == "" {
							continue // not plural in the source, or not translated
						}
						var have []string
						for form := range tm.Text {
							have = append(have, string(form))
						}
						missing, _ := cache.Missing(f.Lang, have)
						extra, _ := cache.Extra(f.Lang, have)
						if len(missing) == 0 && len(extra) == 0 {
							continue
						}
						emit(Finding{Path: f.Path, Line: tm.Line, Column: tm.Column, Lang: f.Lang, Slug: tm.ID,
							Text: l10n.Msg("lint.plural.message", "ID", tm.ID, "Problem", formsProblem(set, missing, extra, f.Lang))})
					}
				case f.PO != nil:
					poPluralForms(f, set, emit)
				}
			}
		}
	},
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

// poPluralForms checks a PO file's header nplurals against CLDR, and each
// plural entry against the header.
func poPluralForms(f *catalog.File, set cldr.Set, emit func(Finding)) {
	n, _, ok := f.PO.PluralForms()
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
	if !ok {
		emit(Finding{Path: f.Path, Line: hline, Column: 1, Lang: f.Lang,
			Text:    l10n.Msg("lint.plural.noHeader"),
			FixText: l10n.Msg("lint.plural.noHeaderFix", "N", set.NPlurals(), "Lang", l10n.Lang(f.Lang))})
		return
	}
	if n != set.NPlurals() {
		emit(Finding{Path: f.Path, Line: hline, Column: 1, Lang: f.Lang,
			Text: l10n.Msg("lint.plural.nplurals", "N", n, "Lang", l10n.Lang(f.Lang), "CLDR", set.NPlurals(),
				"Forms", joinCategories(set.IntegerCategories()))})
	}
	for _, e := range f.PO.Entries {
		if !e.HasPlural || e.Obsolete || len(e.Translations) == n {
			continue
		}
		emit(Finding{Path: f.Path, Line: e.Line, Column: 1, Lang: f.Lang, Slug: e.ID,
			Text: l10n.Msg("lint.plural.msgstrs", "ID", strconv.Quote(shorten(e.ID)), "Have", len(e.Translations), "N", n)})
	}
}

func joinCategories(cs []cldr.Category) string {
	var out []string
	for _, c := range cs {
		out = append(out, string(c))
	}
	return strings.Join(out, ", ")
}

var obsoleteMessage = Rule{
	ID:       "obsolete-message",
	Severity: Info,
	Summary:  "a PO file keeps an obsolete (#~) message: remove it, or restore it if the source still needs it",
	check: func(c *checker, emit func(Finding)) {
		for _, cat := range c.rep.Catalogs {
			for _, f := range cat.Files {
				if f.PO == nil {
					continue
				}
				for _, e := range f.PO.Entries {
					if e.Obsolete {
						emit(Finding{Path: f.Path, Line: e.FirstLine, Column: 1, Lang: f.Lang, Slug: e.ID,
							Text:    l10n.Msg("lint.obsolete", "ID", strconv.Quote(shorten(e.ID))),
							FixText: l10n.Msg("lint.obsolete.fix")})
					}
				}
			}
		}
	},
}

// sameMessages reports translated messages whose text is their source's.
func sameMessages(c *checker, minWords int, emit func(Finding)) {
	for _, m := range c.messages() {
		if content.Normalize(m.text) != content.Normalize(m.src) || status.MessageWords(m.src) < minWords {
			continue
		}
		emit(Finding{Path: m.file.Path, Line: m.line, Column: m.col, Lang: m.lang, Slug: m.id,
			Text: l10n.Msg("lint.same.message", "ID", displayID(m.id), "Text", strconv.Quote(shorten(m.text)))})
	}
}

// displayID shows a message ID on one line.
func displayID(id string) string {
	return strings.ReplaceAll(strings.ReplaceAll(id, "\x04", "|"), "\n", `\n`)
}

package lint

import (
	"github.com/glosa/glosa/internal/catalog/goi18n"
	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/markdown"
	"github.com/glosa/glosa/internal/markupeq"
	"github.com/glosa/glosa/internal/placeholder"
)

// UnitCheck says, one translated unit at a time, what check's rules that
// compare a translation with its source would find in it:
// markup-mismatch for a text field or a body block, placeholder-mismatch
// and plural-forms for a go-i18n message. Import asks it before writing a
// unit, so that one definition of "the same markup" (markupeq) and of
// "the same placeholders" (placeholder) decides for both commands, with
// the project's options. A rule glosa.yaml turns off finds nothing.
type UnitCheck struct {
	repo *content.Repo
	// eq is markup-mismatch's matcher, nil when the rule is off; cite is
	// the citation field.
	eq   *markupeq.Matcher
	cite string
	// placeholders and forms say whether placeholder-mismatch and
	// plural-forms are on; allForms is plural-forms' cldr option.
	placeholders, forms, allForms bool
	pn                            *pluralNumbers
}

// UnitCheck returns the unit checks of the linter's configuration, for
// the entries of repo.
func (l *Linter) UnitCheck(repo *content.Repo) *UnitCheck {
	c := &checker{linter: l, repo: repo, shared: &shared{}}
	u := &UnitCheck{repo: repo, cite: c.citationField(), pn: newPluralNumbers()}
	for _, r := range l.rules {
		switch r.ID {
		case "markup-mismatch":
			u.eq = markupeq.New(markupeq.Options{Languages: repo.Languages, Placeholders: markupPlaceholders.of(c)})
		case placeholderMismatch.ID:
			u.placeholders = true
		case "plural-forms":
			u.forms, u.allForms = true, pluralCLDR.of(c)
		}
	}
	return u
}

// Markup returns what trText, the translation into lang of the unit of
// the entry src whose text is srcText, lacks and adds of the source's
// links, code and citations, worded as markup-mismatch words them; none
// when they carry the same. tr is the translation's entry as it is now,
// nil when it has none: its code blocks are the examples the translation
// writes (a new one copies the source's).
func (u *UnitCheck) Markup(src, tr *content.Entry, lang, srcText, trText string) []l10n.Text {
	if u.eq == nil {
		return nil
	}
	_, cites := u.repo.Schema(src).Fields[u.cite]
	page := pagePath(src.Slug)
	srcEx, trEx := codeBlocks(src), codeBlocks(src)
	if tr != nil && tr.Err == nil {
		trEx = codeBlocks(tr)
	}
	missing, extra := u.eq.Diff(
		markupeq.Unit{Markup: unitMarkup(markdown.Markup(srcText), cites), Text: func() string { return srcText },
			Examples: srcEx, Page: markupeq.Page{Lang: src.Lang, Path: page}},
		markupeq.Unit{Markup: unitMarkup(markdown.Markup(trText), cites), Text: func() string { return trText },
			Examples: trEx, Page: markupeq.Page{Lang: lang, Path: page}})
	return markupDiffs(missing, extra)
}

// Placeholders returns what tm, a translation into lang of the go-i18n
// message sm, lacks and adds of its source's placeholders, a text per
// form as placeholder-mismatch words it; none when they are the same.
func (u *UnitCheck) Placeholders(lang string, sm, tm *goi18n.Message) []l10n.Text {
	if !u.placeholders {
		return nil
	}
	m := message{id: tm.ID, lang: lang, syntax: placeholder.Template, left: sm.LeftDelim, right: sm.RightDelim,
		forms: u.pn.goi18nForms(lang, sm, tm)}
	var out []l10n.Text
	m.placeholderDiffs(func(text, _ l10n.Text) { out = append(out, text) })
	return out
}

// PluralForms says what is wrong with the plural forms of tm, a
// translation into lang of the go-i18n message sm, as plural-forms words
// it: a form the language needs that tm lacks, or one it never uses; ok
// is false when nothing is, and for a language CLDR has no rules for.
func (u *UnitCheck) PluralForms(lang string, sm, tm *goi18n.Message) (problem l10n.Text, ok bool) {
	if !u.forms {
		return l10n.Text{}, false
	}
	set, err := u.pn.sets.Set(lang)
	if err != nil || !set.Known() {
		return l10n.Text{}, false
	}
	needed := set.Needed()
	if u.allForms {
		needed = set.Categories()
	}
	problem, _, ok = messageForms(set, needed, lang, sm, tm)
	return l10n.Msg("lint.plural.message", "ID", tm.ID, "Problem", problem), ok
}

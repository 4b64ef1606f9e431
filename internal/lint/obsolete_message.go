package lint

import (
	"strconv"

	"github.com/glosa/glosa/internal/catalog"
	"github.com/glosa/glosa/internal/catalog/po"
	"github.com/glosa/glosa/internal/l10n"
)

// obsoleteEntries reports the #~ entries of a PO file. msgmerge keeps them
// on purpose, as translation memory, and msgfmt ignores them, so one is
// worth a finding only when the template has its message again while the
// file has no live entry for it: a translation left behind, which
// msgmerge would bring back. Other #~ entries are reported at the grade
// of the unused option, none by default. A live message the template or
// the source no longer has is the orphan state, which status counts and
// check --fail-on orphan reports; it is not reported here a second time.
func obsoleteEntries(f *catalog.File, tmpl *po.File, unused Severity, emit func(Finding)) {
	for _, e := range f.PO.Entries {
		if !e.Obsolete {
			continue
		}
		fd := Finding{Path: f.Path, Line: e.FirstLine, Column: 1, Lang: f.Lang, Slug: e.ID}
		switch {
		case tmpl != nil && hasTranslation(e) && live(tmpl, e) != nil && live(f.PO, e) == nil:
			fd.Text = l10n.Msg("lint.obsolete.restorable", "ID", strconv.Quote(shorten(e.ID)))
			fd.FixText = l10n.Msg("lint.obsolete.restorableFix")
		case unused != "":
			fd.Severity = unused
			fd.Text = l10n.Msg("lint.obsolete", "ID", strconv.Quote(shorten(e.ID)))
			fd.FixText = l10n.Msg("lint.obsolete.fix")
		default:
			continue
		}
		emit(fd)
	}
}

// live returns the live entry of f with e's msgctxt and msgid, or nil.
func live(f *po.File, e *po.Entry) *po.Entry {
	if e.HasContext {
		return f.LookupContext(e.Context, e.ID)
	}
	return f.Lookup(e.ID)
}

func hasTranslation(e *po.Entry) bool {
	for _, t := range e.Translations {
		if t != "" {
			return true
		}
	}
	return false
}

// obsoleteUnused grades the #~ entries that are only translation memory.
var obsoleteUnused = severityOption("unused", "",
	"The grade of every other `#~` entry, msgmerge's translation memory, or `off`.")

var _ = register(Rule{
	ID:       "obsolete-message",
	Severity: Info,
	Summary:  "a PO file keeps as obsolete (#~) a translation its template has again (every #~ entry with the unused option)",
	Doc: "A PO file keeps as obsolete (`#~`) the translation of a message its template has again, while the file has no live entry for it: msgmerge would bring it back, and until then the message shows untranslated. Other `#~` entries are msgmerge's translation memory, ignored by msgfmt, and reported only at the grade of the `unused` option.\n" +
		"\n" +
		"**Example.** `locales/messages.pot` has `msgid \"Open\"` again; `locales/es.po` keeps `#~ msgid \"Open\"`:\n" +
		"\n" +
		"```\n" +
		"locales/es.po:10:1: info: the template has message \"Open\" again, but this file keeps its translation as obsolete (#~) [obsolete-message]\n" +
		"    fix: msgmerge with the template brings it back; or remove its #~ marks\n" +
		"```\n" +
		"\n" +
		"**Fix.** Run msgmerge with the template, or remove the `#~` marks.\n" +
		"\n" +
		"**Limits.** A live message the source or template no longer has is the `orphan` state (`check --fail-on orphan`), not this rule.",
	Options: []*Option{obsoleteUnused.Option},
	check: func(c *checker, emit func(Finding)) {
		unused := obsoleteUnused.of(c)
		for _, cat := range c.rep.Catalogs {
			templates := map[string]*po.File{}
			for _, f := range cat.Files {
				if f.Template && f.PO != nil {
					templates[f.Domain] = f.PO
				}
			}
			for _, f := range cat.Files {
				if f.PO != nil && !f.Template {
					obsoleteEntries(f, templates[f.Domain], unused, emit)
				}
			}
		}
	},
})

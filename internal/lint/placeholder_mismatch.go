package lint

import (
	"errors"
	"strconv"
	"strings"

	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/placeholder"
)

var placeholderMismatch = register(Rule{
	ID:       "placeholder-mismatch",
	Severity: Error,
	Summary:  "a message's translation lacks or adds a placeholder of its source: {{.Name}} fields, or printf verbs in c-format/go-format PO entries (checked as msgfmt -c checks them)",
	Doc: "A catalog message's translation lacks or adds a placeholder of its source: `{{.Name}}` template fields (go-i18n, with the message's delimiters, compared as a set), or printf verbs in `c-format` / `go-format` PO entries (compared by argument and type as `msgfmt -c` does: `%i` is `%d`, positional `%2$s` may reorder). A lost placeholder drops a value from what users read; an extra one prints garbage or crashes the formatter.\n" +
		"\n" +
		"**Example.** A `c-format` entry whose Spanish translation dropped `%d`:\n" +
		"\n" +
		"```\n" +
		"locales/es.po:7:1: error: message %d files: the translation lacks %d [placeholder-mismatch]\n" +
		"    fix: use the placeholders of the source: %d\n" +
		"```\n" +
		"\n" +
		"**Fix.** Use the source's placeholders in the translation.\n" +
		"\n" +
		"**Limits.** As `msgfmt -c` does, a `fuzzy` PO entry is not checked, every plural form is compared with the source's general form, and a form that stands for one number only (Arabic `one`, `two`, `zero`) may write it as a word and leave the placeholders out. A PO entry without a format flag holds no placeholders.",
	check: func(c *checker, emit func(Finding)) {
		for _, m := range c.messages() {
			if m.syntax == 0 && m.file.PO != nil {
				continue // a PO entry without a format flag holds no placeholders
			}
			if m.fuzzy {
				continue // a guess awaiting review, which msgfmt leaves out
			}
			m.placeholderDiffs(func(text, fix l10n.Text) {
				emit(Finding{Path: m.file.Path, Line: m.line, Column: m.col, Lang: m.lang, Slug: m.id, Text: text, FixText: fix})
			})
		}
	},
})

// placeholderDiffs words what each form of m lacks and adds of its
// source's placeholders, once per distinct finding, with its fix (none
// for a form whose placeholders cannot be read).
func (m message) placeholderDiffs(emit func(text, fix l10n.Text)) {
	opts := placeholder.Options{Syntax: m.syntax, LeftDelim: m.left, RightDelim: m.right}
	seen := map[string]bool{}
	for _, fm := range m.forms {
		d, err := fm.compare(opts)
		var text, fix l10n.Text
		if err != nil {
			var me *placeholder.MessageError
			if errors.As(err, &me) && !me.Translation {
				continue // the source's own problem, not this translation's
			}
			text = unreadable(m.id, fm.text, err)
		} else if d.Empty() {
			continue
		} else {
			text = describeDiff(m.id, d)
			if fm.several() && len(d.Extra) == 0 {
				text = fm.describeLack(m.id, m.lang, d)
			}
			fix = l10n.Msg("lint.placeholder.fixUse", "Placeholders", strings.Join(keys(d.Missing), ", "))
			if len(d.Missing) == 0 {
				fix = l10n.Msg("lint.placeholder.fixRemove")
			}
		}
		if key := text.String(); !seen[key] {
			seen[key] = true
			emit(text, fix)
		}
	}
}

// unreadable words the finding of a translation, text, whose placeholders
// cannot be read: where in text, and what is wrong, in the reader's
// language.
func unreadable(id, text string, err error) l10n.Text {
	col, why := 1, l10n.TextOf(err) // not a *SyntaxError: a bug, said as it is
	var se *placeholder.SyntaxError
	if errors.As(err, &se) {
		col, why = se.Column(text), se.Text
	}
	return l10n.Msg("lint.placeholder.unreadable", "ID", id, "Text", strconv.Quote(shorten(text)), "Column", col, "Error", why)
}

package transfer

import (
	"cmp"
	"errors"
	"slices"
	"strings"

	"github.com/glosa/glosa/internal/catalog/goi18n"
	"github.com/glosa/glosa/internal/exchange"
	"github.com/glosa/glosa/internal/l10n"
)

// Reason is why import refuses a unit.
type Reason string

// The reasons, in the order a summary gives them.
const (
	// Unknown: the unit ID names no entry field, body block or message of
	// the project.
	Unknown Reason = "unknown-unit"
	// SourceChanged: the source text the unit was translated from is not
	// the current source's (the file's source text, or go-i18n's hash of
	// it), or the source block it translates is gone.
	SourceChanged Reason = "source-changed"
	// Markup: its links, code or citations differ from the source's, as
	// check's markup-mismatch finds.
	Markup Reason = "markup"
	// Tags: its XLIFF target's inline tags are not its source's: a tag
	// missing, twice, or with an id the source has not.
	Tags Reason = "tags"
	// Placeholders: it lacks or adds a placeholder of its source, as
	// check's placeholder-mismatch finds.
	Placeholders Reason = "placeholders"
	// PluralForms: it lacks a plural form the language needs, or has one
	// the language never uses, as check's plural-forms finds.
	PluralForms Reason = "plural-forms"
	// RefOutside: a reference of the unit points outside the repository.
	RefOutside Reason = "reference-outside"
	// Unwritable: the file it goes into cannot be written (unparsable,
	// or its format cannot be edited).
	Unwritable Reason = "unwritable"
)

// Reasons lists every reason, in the order a summary gives them.
var Reasons = []Reason{Unknown, SourceChanged, Markup, Tags, Placeholders, PluralForms, RefOutside, Unwritable}

// Refusal is a unit Apply leaves out, and why.
type Refusal struct {
	// ID is the unit's ID; Line its line in the imported file, 0 when
	// the file's format does not say.
	ID     string
	Line   int
	Reason Reason
	// Text says what is wrong, in the reader's language.
	Text l10n.Text
}

// Result is what Apply plans: the files to write, and what became of each
// unit of the imported file.
type Result struct {
	Changes []Change
	// Applied counts the units whose translation the changes write or
	// confirm; Unchanged those already current with the same text;
	// Skipped those not translated, or marked for review and not
	// included.
	Applied, Unchanged, Skipped int
	// Refused are the units left out, in the order of the file.
	Refused []Refusal
}

func (res *Result) refuse(u exchange.Unit, reason Reason, text l10n.Text) {
	res.Refused = append(res.Refused, Refusal{ID: u.ID, Line: u.Line, Reason: reason, Text: text})
}

// refuseTags refuses a unit whose file says wrong what its inline tags
// are (Unit.Err), at the line of the tag when the error has one.
func (res *Result) refuseTags(u exchange.Unit) {
	line, text := u.Line, l10n.TextOf(u.Err)
	if e := (*l10n.Error)(nil); errors.As(u.Err, &e) && e.Line > 0 {
		line, text = e.Line, e.Text
	}
	res.Refused = append(res.Refused, Refusal{ID: u.ID, Line: line, Reason: Tags, Text: text})
}

// add records the change planned for units, or refuses them all when
// their file cannot be written. A unit is applied when the change writes
// its text, or confirms it (stamps a stale entry, rehashes a message);
// unchanged when its text is the one already there and nothing confirms
// it.
func (res *Result) add(units []exchange.Unit, byID map[string]*exchange.Unit, ch *Change, err error) {
	if err != nil {
		for _, u := range units {
			res.refuse(u, Unwritable, l10n.Msg("import.unwritable", "ID", u.ID, "Error", l10n.TextOf(err)))
		}
		return
	}
	applied := 0
	for _, u := range units {
		known := byID[u.ID]
		same := sameTarget(u, known)
		if ch == nil || same && (known.State == exchange.Translated || ch.Entry && !ch.Complete) {
			res.Unchanged++
		} else {
			applied++
		}
	}
	res.Applied += applied
	// A file given back as it was exported changes nothing, not even a
	// record: an entry every unit of which is as the repository has it
	// is not stamped by import (glosa stamp says a translation is done).
	if ch != nil && applied > 0 {
		ch.Units = applied
		res.Changes = append(res.Changes, *ch)
	}
}

// sort orders the refusals by line, as the translator reads the file.
func (res *Result) sort() {
	slices.SortStableFunc(res.Refused, func(a, b Refusal) int { return cmp.Compare(a.Line, b.Line) })
}

// unknown words why a unit that names nothing is refused: a body block of
// an entry the project has is one whose source changed (its ID is a hash
// of its text), or was removed, since the export.
func unknown(u exchange.Unit, slugs map[string]bool) (Reason, l10n.Text) {
	if slug, rest, ok := cutID(u.ID); ok && slugs[slug] && strings.HasPrefix(rest, "p-") {
		return SourceChanged, l10n.Msg("import.blockGone", "ID", u.ID)
	}
	return Unknown, l10n.Msg("import.unknownUnit", "ID", u.ID)
}

// refOutside returns a reference of u outside the repository, "" when it
// has none.
func refOutside(u exchange.Unit) string {
	for _, ref := range u.Refs {
		if outside(ref.Path) {
			return ref.Path
		}
	}
	return ""
}

// check returns why a translated unit is refused, "" when it is not: its
// source changed since the export, or check would find its markup,
// placeholders or plural forms wrong. A current translation given back as
// it is passes: import writes nothing of it, and what check says of it is
// check's to say.
func check(opts Options, lang string, u exchange.Unit, known *exchange.Unit, t target) (Reason, l10n.Text) {
	if sourceChanged(u, known) && !(u.SourceHash != "" && u.State == exchange.NeedsReview) {
		return SourceChanged, l10n.Msg("import.sourceChanged", "ID", u.ID)
	}
	if known.State == exchange.Translated && sameTarget(u, known) {
		return "", l10n.Text{} // what the repository has, and import writes nothing of it
	}
	if t.tr != nil {
		if opts.Force {
			return "", l10n.Text{}
		}
		if diffs := opts.Check.Markup(t.item.Source, t.tr.Entry, lang, known.Source, u.Target); len(diffs) > 0 {
			return Markup, l10n.Msg("import.markup", "ID", u.ID, "Diffs", diffs)
		}
		return "", l10n.Text{}
	}
	tm := &goi18n.Message{ID: u.ID, Text: targetText(u)}
	if problems := opts.Check.Placeholders(lang, t.source, tm); len(problems) > 0 {
		return Placeholders, l10n.Msg("import.placeholders", "Problems", problems)
	}
	if problem, ok := opts.Check.PluralForms(lang, t.source, tm); ok {
		return PluralForms, problem
	}
	return "", l10n.Text{}
}

// sourceChanged reports whether the source u was translated from is not
// known's, the current one: go-i18n's hash of it when the file carries one,
// else the source text the file repeats.
func sourceChanged(u exchange.Unit, known *exchange.Unit) bool {
	if u.SourceHash != "" {
		return u.SourceHash != exchange.SourceHash(*known)
	}
	if u.Plural() {
		for _, c := range []string{"other", "one"} {
			if a, b := u.SourceForms[c], known.SourceForms[c]; a != "" && b != "" && lines(a) != lines(b) {
				return true
			}
		}
		return false
	}
	return u.Source != "" && lines(u.Source) != lines(known.Source)
}

// lines writes a text's line ends as \n: a spreadsheet may have saved
// them as \r\n.
func lines(s string) string { return strings.ReplaceAll(s, "\r\n", "\n") }

// sameTarget reports whether u's translation is known's.
func sameTarget(u exchange.Unit, known *exchange.Unit) bool {
	a, b := targetText(u), targetText(*known)
	return len(a) == len(b) && !slices.ContainsFunc(keys(a), func(f goi18n.Form) bool { return a[f] != b[f] })
}

func keys(m map[goi18n.Form]string) []goi18n.Form {
	out := make([]goi18n.Form, 0, len(m))
	for f := range m {
		out = append(out, f)
	}
	return out
}

// targetText returns a unit's translation by plural form: its forms that
// are not empty, or its target as "other".
func targetText(u exchange.Unit) map[goi18n.Form]string {
	out := map[goi18n.Form]string{}
	if len(u.TargetForms) == 0 {
		if u.Target != "" {
			out[goi18n.Other] = u.Target
		}
		return out
	}
	for c, text := range u.TargetForms {
		if text != "" {
			out[goi18n.Form(c)] = text
		}
	}
	return out
}

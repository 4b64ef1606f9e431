package status

import "github.com/glosa/glosa/internal/content"

// Origin is what a translation was made from: a language and its entry.
type Origin struct {
	// Lang is the language translated from.
	Lang string
	// Entry is Lang's entry for the translation's slug and layout; nil
	// when Lang has none. It may have Err set.
	Entry *content.Entry
}

// Pivot reports whether the origin is another translation, not the
// project's source.
func (o Origin) Pivot(source string) bool { return o.Lang != source }

// TranslatedFrom returns what the translation e was made from. It is
// glosa's one rule for it: status judges a record against it, stamp
// hashes it, diff looks for its recorded version.
//
//   - Which language: the project's source, unless e's record names another
//     (translation.source: a pivot). A record that names the source, names
//     none, or is another tool's (a commit without a hash: MDN's, Hugo's)
//     means the source.
//   - Which entry: that language's entry of e's slug and layout; of
//     several that claim the slug, the one the report kept (see
//     Duplicate), never one left out.
//   - A pivot that has no entry for the slug gives a nil Entry; an
//     unreadable one, an Entry with Err. Status judges the translation
//     unverified (RecordSourceMissing); stamp re-stamps a translation
//     whose pivot is gone from the source (nothing else is left to
//     follow) but skips one whose pivot cannot be read (the record would
//     lose the pivot); diff refuses a gone pivot, and looks for an
//     unreadable one's version in its history.
//   - A renamed source: when the source's slug changed, the translation
//     is an orphan, its item has no Source, and the origin's Entry is
//     nil: status calls it orphan (and names the new slug when git saw
//     the rename), stamp skips it, diff refuses it. A source that moved
//     but kept its slug is the same entry, and history follows the move.
//   - The version is the work tree's, dirty or not: its hash is the
//     file's as it is now and needs no history. Without history, or when
//     the file differs from HEAD, no commit names that version (stamp
//     then records the hash alone); otherwise the file's last commit does.
func (r *Report) TranslatedFrom(e *content.Entry) Origin {
	o := Origin{Lang: r.Source}
	if rec := e.Record; rec != nil && rec.Source != "" && rec.Source != r.Source {
		o.Lang = rec.Source
	}
	o.Entry = r.byKey[key{e.Layout, e.Slug}][o.Lang]
	return o
}

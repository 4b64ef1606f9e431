// Package exchange is what glosa hands to translators' tools and takes
// back: for one target language, a list of translation units — the text
// fields and body blocks of entries, and the messages of catalogs — each
// with its source text, its current translation and its state. The formats
// (PO, XLIFF 1.2 and 2.0, go-i18n, CSV) read and write this model; the
// commands export and import map it to the repository.
package exchange

import "time"

// State is a unit's translation state as the exchange formats know it.
type State string

// The states, from the least done.
const (
	// New: no translation yet (missing, or untranslated).
	New State = "new"
	// NeedsReview: a translation exists but its source changed since (a
	// stale entry, a fuzzy or stale message), or the translator marked it
	// fuzzy.
	NeedsReview State = "needs-review"
	// Translated: the translation is current.
	Translated State = "translated"
)

// Kinds of units.
const (
	KindField   = "field"   // a text field of the front matter
	KindMessage = "message" // a catalog message
	// Body blocks take goldmark's names: heading, paragraph, cell…
)

// Unit is one translatable piece of text.
type Unit struct {
	// ID names the unit, stable across exports: "llm#title",
	// "llm#sources[1].text", "llm#p-3f9a1c2b" for a body block, and a
	// message's ID for a message. Import finds units by ID only.
	ID string
	// Kind is KindField, KindMessage or a body block's kind.
	Kind string
	// Source is the text in the source language.
	Source string
	// Target is the translation, "" when there is none.
	Target string
	// SourceForms and TargetForms hold a plural message's texts by CLDR
	// category (one, other…); Source and Target are then "". TargetForms
	// has a key for every category the target language needs, its value
	// "" while untranslated.
	SourceForms, TargetForms map[string]string
	// State says how done Target is.
	State State
	// Err is why the unit as read cannot be imported, an *l10n.Error at
	// its place in the file: an XLIFF target whose inline tags do not
	// match its source's (a tag missing, twice, or with an id the source
	// has not). Nil when it can; import refuses such a unit alone.
	Err error
	// Previous is the source text the translation was made from, when
	// known and different from Source (a stale unit).
	Previous string
	// Notes give the translator context: what the unit is, the entry's
	// title, a message's description.
	Notes []string
	// Refs are where the unit is: repository paths with 1-based lines.
	Refs []Ref
	// Terms are the termbase's terms in the source text, each with a
	// translation (see TermHint): XLIFF 2.0 writes them in its Glossary
	// module, XLIFF 1.2 as a note from "glosa-terms", PO as "#. term:"
	// comments. Reading gives them back; import does not use them.
	Terms []TermHint
	// Flags are format flags a PO entry carries (c-format, go-format).
	Flags []string
	// SourceHash is the go-i18n hash ("sha1-…") of the source text the
	// target was made from, as go-i18n files carry it; "" when unknown.
	SourceHash string
	// Matches are translations a memory offers for the unit, best first:
	// near matches of its source, or the other translations of an exact
	// match it was filled from. Export writes them for the translator to
	// choose from (PO notes, XLIFF 1.2 alt-trans, XLIFF 2.0 mtc:match);
	// import never reads them.
	Matches []Match
	// Line is the 1-based line of the unit in the file it was read from
	// (a PO entry's msgid, an XLIFF unit's start tag, a CSV row, a go-i18n
	// message), 0 for a unit made in memory: import refuses a unit at its
	// place in the translator's file.
	Line int
}

// Plural reports whether the unit is a plural message.
func (u *Unit) Plural() bool { return len(u.SourceForms) > 0 }

// HasTarget reports whether the unit has a translation: a target text, or
// a plural form that is not empty.
func (u Unit) HasTarget() bool {
	if u.Plural() || len(u.TargetForms) > 0 {
		for _, t := range u.TargetForms {
			if t != "" {
				return true
			}
		}
		return false
	}
	return u.Target != ""
}

// Match is a translation a memory offers for a unit.
type Match struct {
	// Source and Target are the memory's pair: a text like the unit's
	// source, and its translation.
	Source, Target string
	// Score is how similar Source is to the unit's source, in percent.
	Score int
	// Origin is where the translation is: "path:line", or a TMX file.
	Origin string
}

// Ref is a place in the repository.
type Ref struct {
	Path string
	Line int
}

// File is the units of one target language.
type File struct {
	// SourceLang and TargetLang are BCP 47 tags.
	SourceLang, TargetLang string
	// Original names what the units come from, for formats that record it
	// (XLIFF's original): the project, by default "glosa".
	Original string
	// Format is the format the file was read from (po, xliff12,
	// goi18n-json…), "" for a file made in memory.
	Format Format
	// Date is when the units' sources were last changed, for formats
	// that record it (PO's POT-Creation-Date and PO-Revision-Date); the
	// caller chooses it, so that writing stays deterministic.
	Date  time.Time
	Units []Unit
	// Obsolete are units the file keeps that name nothing in the project
	// any more, so that their translations are not lost: PO writes them
	// as "#~" entries and reads them back; other formats leave them out.
	// Import never reads them.
	Obsolete []Unit
}

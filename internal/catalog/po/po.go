package po

import (
	"slices"

	"golang.org/x/text/encoding"
)

// File is a parsed PO file: its entries in file order, header included.
type File struct {
	// Entries holds every entry in file order, the header and obsolete
	// entries included.
	Entries []*Entry

	bom     bool              // the file began with a UTF-8 byte order mark
	charset encoding.Encoding // the file's charset, nil for UTF-8
	newline string            // "\n" or "\r\n", as the file's first line ended
	trailer []byte            // text after the last entry: blank lines, stray comments
}

// Entry is one message of a PO file, or its header (msgid "").
type Entry struct {
	// Comments are the translator comments ("# "), without the marker.
	Comments []string
	// Extracted are the comments extracted from source code ("#. ").
	Extracted []string
	// References are the source references ("#: "), one string per line.
	References []string
	// Flags are the flags ("#, fuzzy, c-format"), one string per flag.
	Flags []string
	// Previous is the previous untranslated string (#|), nil when absent.
	Previous *Previous

	// Context is the msgctxt; HasContext tells it from an absent msgctxt,
	// which gettext treats as a different message.
	Context    string
	HasContext bool
	// ID is the msgid, decoded.
	ID string
	// Plural is the msgid_plural; HasPlural reports whether there is one.
	Plural    string
	HasPlural bool
	// Translations is the msgstr, or msgstr[0], msgstr[1]… for a plural
	// entry.
	Translations []string
	// Obsolete reports an entry commented out with "#~".
	Obsolete bool

	// Line is the 1-based line of the msgid keyword: where a finding about
	// the message should point. It is 0 for an entry added by an edit.
	Line int
	// FirstLine and LastLine are the 1-based range of the entry's source
	// text, its comments included.
	FirstLine, LastLine int

	lead []byte // blank lines before the entry's text
	raw  []byte // the entry's text as read, nil for an added entry
	orig *Entry // the content as read, to tell whether it was edited
}

// Previous is the previous untranslated string of a fuzzy entry, written
// "#| msgctxt", "#| msgid" and "#| msgid_plural".
type Previous struct {
	// Context is the previous msgctxt, valid when HasContext is true.
	Context    string
	HasContext bool
	// ID is the previous msgid.
	ID string
	// Plural is the previous msgid_plural, valid when HasPlural is true.
	Plural    string
	HasPlural bool
}

// IsHeader reports whether e is a header entry: msgid "" without msgctxt,
// not obsolete.
func (e *Entry) IsHeader() bool {
	return !e.Obsolete && !e.HasContext && e.ID == ""
}

// HasFlag reports whether e carries the flag, such as "fuzzy" or "c-format".
func (e *Entry) HasFlag(flag string) bool {
	return slices.Contains(e.Flags, flag)
}

// IsFuzzy reports whether e carries the fuzzy flag.
func (e *Entry) IsFuzzy() bool {
	return e.HasFlag("fuzzy")
}

// Header returns the header entry, or nil when the file has none.
func (f *File) Header() *Entry {
	for _, e := range f.Entries {
		if e.IsHeader() {
			return e
		}
	}
	return nil
}

// Lookup returns the non-obsolete entry with msgid id and no msgctxt, or nil.
func (f *File) Lookup(id string) *Entry {
	for _, e := range f.Entries {
		if !e.Obsolete && !e.HasContext && e.ID == id {
			return e
		}
	}
	return nil
}

// LookupContext returns the non-obsolete entry with msgctxt ctx and msgid
// id, or nil.
func (f *File) LookupContext(ctx, id string) *Entry {
	for _, e := range f.Entries {
		if !e.Obsolete && e.HasContext && e.Context == ctx && e.ID == id {
			return e
		}
	}
	return nil
}

// clone returns a deep copy of e's content, without its source text.
func (e *Entry) clone() *Entry {
	c := &Entry{
		Comments:     slices.Clone(e.Comments),
		Extracted:    slices.Clone(e.Extracted),
		References:   slices.Clone(e.References),
		Flags:        slices.Clone(e.Flags),
		Context:      e.Context,
		HasContext:   e.HasContext,
		ID:           e.ID,
		Plural:       e.Plural,
		HasPlural:    e.HasPlural,
		Translations: slices.Clone(e.Translations),
		Obsolete:     e.Obsolete,
	}
	if e.Previous != nil {
		p := *e.Previous
		c.Previous = &p
	}
	return c
}

// sameContent reports whether a and b hold the same message and comments.
func sameContent(a, b *Entry) bool {
	if (a.Previous == nil) != (b.Previous == nil) ||
		a.Previous != nil && *a.Previous != *b.Previous {
		return false
	}
	return slices.Equal(a.Comments, b.Comments) &&
		slices.Equal(a.Extracted, b.Extracted) &&
		slices.Equal(a.References, b.References) &&
		slices.Equal(a.Flags, b.Flags) &&
		a.Context == b.Context && a.HasContext == b.HasContext &&
		a.ID == b.ID &&
		a.Plural == b.Plural && a.HasPlural == b.HasPlural &&
		slices.Equal(a.Translations, b.Translations) &&
		a.Obsolete == b.Obsolete
}

// edited reports whether e must be re-formatted rather than written as read.
func (e *Entry) edited() bool {
	return e.raw == nil || e.orig == nil || !sameContent(e, e.orig)
}

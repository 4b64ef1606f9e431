package po

import (
	"fmt"
	"slices"
)

// SetTranslations replaces the msgstr, or every msgstr[N] of a plural
// entry, one string per plural form.
func (e *Entry) SetTranslations(forms ...string) {
	e.Translations = slices.Clone(forms)
}

// SetFuzzy adds or removes the fuzzy flag. An added flag comes first, where
// gettext's tools put it.
func (e *Entry) SetFuzzy(fuzzy bool) {
	if fuzzy == e.IsFuzzy() {
		return
	}
	if fuzzy {
		e.Flags = append([]string{"fuzzy"}, e.Flags...)
		return
	}
	e.Flags = slices.DeleteFunc(slices.Clone(e.Flags), func(f string) bool { return f == "fuzzy" })
}

// SetPrevious sets the previous untranslated string (#|) shown to the
// translator of a fuzzy entry; nil removes it.
func (e *Entry) SetPrevious(p *Previous) {
	if p == nil {
		e.Previous = nil
		return
	}
	c := *p
	e.Previous = &c
}

// MarkObsolete comments the entry out with "#~", as msgmerge does for a
// message that left the template. gettext's tools ignore obsolete entries.
func (e *Entry) MarkObsolete() {
	e.Obsolete = true
}

// Add appends e at the end of the file, before any trailing comments. It
// refuses a message that is already defined, obsolete or not.
func (f *File) Add(e *Entry) error {
	return f.insert(len(f.Entries), e)
}

// InsertAfter places e right after the entry after. It refuses a message
// that is already defined and an entry after that is not in the file.
func (f *File) InsertAfter(after, e *Entry) error {
	i := slices.Index(f.Entries, after)
	if i < 0 {
		return fmt.Errorf("adding %q: the entry to insert after is not in the file", e.ID)
	}
	return f.insert(i+1, e)
}

// insert places e at index i of the entries.
func (f *File) insert(i int, e *Entry) error {
	// Obsolete entries count: msgfmt refuses a message defined twice even
	// when one copy is obsolete.
	for _, o := range f.Entries {
		if o.HasContext == e.HasContext && o.Context == e.Context && o.ID == e.ID {
			return fmt.Errorf("adding %q: duplicate message definition", e.ID)
		}
	}
	e.raw, e.orig, e.lead = nil, nil, nil
	e.Line, e.FirstLine, e.LastLine = 0, 0, 0
	f.Entries = slices.Insert(f.Entries, i, e)
	return nil
}

// Remove deletes e with its comments and the blank lines before it, and
// reports whether it was in the file.
func (f *File) Remove(e *Entry) bool {
	i := slices.Index(f.Entries, e)
	if i < 0 {
		return false
	}
	// The first entry's lead (usually none) passes to its successor, so
	// the file does not start with a blank line.
	if i == 0 && len(f.Entries) > 1 && f.Entries[1].raw != nil {
		f.Entries[1].lead = e.lead
	}
	f.Entries = slices.Delete(f.Entries, i, i+1)
	return true
}

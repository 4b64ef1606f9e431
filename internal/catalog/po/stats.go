package po

// Stats are a file's message counts as msgfmt --statistics reports them.
type Stats struct {
	Translated, Fuzzy, Untranslated int
}

// Stats counts the messages the way msgfmt --statistics does (checked
// against GNU gettext 0.21):
//   - obsolete entries are not counted;
//   - an entry whose msgstr, or msgstr[0] for a plural entry, is empty is
//     untranslated, even when it is fuzzy, and even when the other plural
//     forms are filled in;
//   - otherwise a fuzzy entry is fuzzy and any other entry is translated,
//     even when msgstr[1] or a later form is empty;
//   - the header is counted only when its msgstr is empty, as untranslated;
//     its fuzzy flag is ignored.
func (f *File) Stats() Stats {
	var s Stats
	for _, e := range f.Entries {
		if e.Obsolete {
			continue
		}
		empty := len(e.Translations) == 0 || e.Translations[0] == ""
		switch {
		case empty:
			s.Untranslated++
		case e.IsHeader():
		case e.IsFuzzy():
			s.Fuzzy++
		default:
			s.Translated++
		}
	}
	return s
}

// Package po reads, edits and writes gettext PO files without disturbing
// what it does not touch.
//
// It is written by hand because no well-kept Go library keeps everything a
// sync tool must preserve — flags, all four comment kinds, the previous msgid
// (#|) and obsolete entries (#~) — for both reading and writing.
//
// Parse keeps the source text of every entry. Write (and Encode) emit that
// text unchanged for every entry whose content was not edited, so
// Encode(Parse(x)) == x byte for byte; only an edited or added entry is
// re-formatted, in GNU gettext's canonical style: comments in the order
// translator, extracted, reference, flag, previous; strings wrapped at 79
// columns after spaces and after each "\n" escape, as msgcat does.
//
// Parse also tolerates a UTF-8 byte order mark, which msgfmt refuses, and
// keeps it.
//
// Like msgfmt, Parse stops at the first syntax error and returns it as an
// *l10n.Error with its line and column, in msgfmt's words and without the
// file's path, which the caller knows; a file with an error has no
// statistics. Stats counts messages exactly as msgfmt --statistics does.
package po

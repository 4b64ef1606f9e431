package history

import (
	"strings"
)

// Minor says which commits are minor: source changes that need no
// re-translation (a typo fixed, a link mended). A commit is minor when
// its message ends with the trailer, as git reads trailers (the last
// paragraph of the message, every line of it a trailer or its
// continuation: `git interpret-trailers --parse`), or when its subject
// holds one of the keywords, as Lunaria's ignoreKeywords do. The zero
// Minor marks none, and LoadWith then asks git for no message at all.
type Minor struct {
	// Trailer is "Key: value"; its key and its value match in any case.
	// "" for none.
	Trailer string
	// Keywords match anywhere in the subject, in any case.
	Keywords []string
}

// zero reports whether the rule marks no commit.
func (m Minor) zero() bool { return m.Trailer == "" && len(m.Keywords) == 0 }

// key is what the rule adds to the cache key: a rule changed reads the
// history again.
func (m Minor) key() string {
	return m.Trailer + "\x00" + strings.Join(m.Keywords, "\x00")
}

// Matches reports whether a commit with these trailers (each "Key: value",
// as git prints them unfolded) and this subject is minor.
func (m Minor) Matches(trailers []string, subject string) bool {
	if k, v, ok := splitTrailer(m.Trailer); ok {
		for _, t := range trailers {
			tk, tv, ok := splitTrailer(t)
			if ok && strings.EqualFold(tk, k) && strings.EqualFold(tv, v) {
				return true
			}
		}
	}
	lower := strings.ToLower(subject)
	for _, kw := range m.Keywords {
		if kw != "" && strings.Contains(lower, strings.ToLower(kw)) {
			return true
		}
	}
	return false
}

// splitTrailer splits "Key: value" at its first colon, both sides trimmed;
// false when there is no colon or no key.
func splitTrailer(s string) (key, value string, ok bool) {
	k, v, ok := strings.Cut(s, ":")
	k, v = strings.TrimSpace(k), strings.TrimSpace(v)
	return k, v, ok && k != ""
}

// minorFormat is logFormat followed by what decides whether a commit is
// minor: its trailers, unfolded and separated by \x1f, and its subject,
// each after a \x02 (no header, trailer or subject holds a NUL, which
// ends the field, and the subject comes last, so that a \x02 in it does
// no harm).
const minorFormat = logFormat + "\x02%(trailers:only,unfold,separator=%x1f)\x02%s"

// parseMinor reads what follows the first \x02 of a header in
// minorFormat: whether the commit is minor by the rule.
func (m Minor) parseMinor(rest []byte) bool {
	trailers, subject, _ := strings.Cut(string(rest), "\x02")
	var ts []string
	if trailers != "" {
		ts = strings.Split(trailers, "\x1f")
	}
	return m.Matches(ts, subject)
}

// Minor reports whether commit (a full or abbreviated hash of the
// history) is minor by the rule LoadWith was given.
func (ix *Index) Minor(commit string) bool {
	i, ok := ix.indexed(commit)
	return ok && ix.commits[i].minor
}

// Earlier is a version of a file before minor commits.
type Earlier struct {
	// Minor are the minor commits that changed the file since this
	// version, newest first.
	Minor []string
	// Data is the file's content then.
	Data []byte
}

// BeforeMinor returns the versions of the file at path before each of the
// minor commits that changed it since the last commit that was not minor,
// newest first: the version before the newest minor commit, then the one
// before the minor commit before it, and so on. A translation made from
// one of them differs from the source only by minor commits. It returns
// nothing when the file differs from HEAD (an edit not committed is never
// minor by itself) or its newest change is not minor; the list stops at a
// minor commit that added the file, or whose parent git cannot show.
func (ix *Index) BeforeMinor(path string) []Earlier {
	if ix.Dirty(path) {
		return nil
	}
	var out []Earlier
	var minor []string
	for _, c := range ix.Changes(path) {
		if !ix.Minor(c.Commit) || c.Status != 'M' && c.Status != 'R' {
			break
		}
		old := c.Path
		if c.Status == 'R' {
			old = c.OldPath
		}
		data, err := ix.Show(c.Commit+"^", old)
		if err != nil {
			break
		}
		minor = append(minor, c.Commit)
		out = append(out, Earlier{Minor: append([]string(nil), minor...), Data: data})
	}
	return out
}

package lint

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
)

// FingerprintScheme names how Finding.Fingerprint is made; SARIF logs
// carry it as the key of partialFingerprints. A change to Identity, to
// NormalizeMessage or to the wording of messages makes a new scheme.
const FingerprintScheme = "glosa/v1"

// The baseline states of a finding (Finding.Baseline).
const (
	// BaselineNew is a finding the baseline does not have.
	BaselineNew = "new"
	// BaselineUnchanged is a finding the baseline has: accepted.
	BaselineUnchanged = "unchanged"
)

// Identity is what tells a finding apart from others across edits of its
// file: its rule, its file and its message with the positions it names
// taken out. Lines added above a finding, or a finding that moves within
// its file, keep its identity; a changed message, a renamed file or
// another rule make another.
type Identity struct {
	Rule, Path, Message string
}

// Identity returns the finding's identity.
func (f Finding) Identity() Identity {
	return Identity{Rule: f.Rule, Path: f.Path, Message: NormalizeMessage(f.Message)}
}

// Sum is the identity's digest: the first 16 bytes of the SHA-256 of
// rule, path and normalised message, each followed by a NUL.
func (id Identity) Sum() [16]byte {
	buf := make([]byte, 0, len(id.Rule)+len(id.Path)+len(id.Message)+3)
	for _, s := range []string{id.Rule, id.Path, id.Message} {
		buf = append(buf, s...)
		buf = append(buf, 0)
	}
	sum := sha256.Sum256(buf)
	return [16]byte(sum[:16])
}

// Hash is Sum in hex.
func (id Identity) Hash() string {
	sum := id.Sum()
	return hex.EncodeToString(sum[:])
}

// NormalizeMessage returns a message with the positions it names
// replaced by N and its white space collapsed, so that a finding keeps its
// identity when lines move: "line 12", "column 3" and "col 3" become
// "line N", "column N", "col N"; a :12 or :12:3 after a path or a word
// (a.md:12:3) becomes :N; each run of white space (space, tab, CR, LF, form feed) is one space, none
// at either end. It is idempotent. One pass over the bytes: a check of a
// big repository makes every finding's identity three times.
func NormalizeMessage(msg string) string {
	// out stays nil while the result is msg[:i]: most messages need no
	// change, and are returned without a copy.
	var out []byte
	diverge := func(i int) {
		if out == nil {
			out = append(make([]byte, 0, len(msg)), msg[:i]...)
		}
	}
	// last is the last byte of the result so far, when started.
	last, started := byte(0), false
	for i := 0; i < len(msg); {
		c := msg[i]
		if isSpace(c) {
			j := i
			for j < len(msg) && isSpace(msg[j]) {
				j++
			}
			keep := started && j < len(msg) // one space, not at either end
			if !keep || j > i+1 || c != ' ' {
				diverge(i)
			}
			if keep {
				if out != nil {
					out = append(out, ' ')
				}
				last = ' '
			}
			i = j
			continue
		}
		if c == ':' && started && last != ' ' {
			if j := position(msg, i); j > i {
				diverge(i)
				out = append(out, ":N"...)
				i, last, started = j, 'N', true
				continue
			}
		}
		if isLetter(c) && (i == 0 || !isWord(msg[i-1])) {
			if w, j := positionWord(msg, i); j > i {
				diverge(i)
				out = append(out, w...)
				out = append(out, " N"...)
				i, last, started = j, 'N', true
				continue
			}
		}
		if out != nil {
			out = append(out, c)
		}
		last, started = c, true
		i++
	}
	if out == nil {
		return msg
	}
	return string(out)
}

// position returns where ":12" or ":12:3" at msg[i] ends, before a
// character that is not a letter, digit or underscore; i when there is
// none.
func position(msg string, i int) int {
	j := digits(msg, i+1)
	if j == i+1 {
		return i
	}
	if j < len(msg) && msg[j] == ':' {
		if k := digits(msg, j+1); k > j+1 && (k == len(msg) || !isWord(msg[k])) {
			return k
		}
	}
	if j == len(msg) || !isWord(msg[j]) {
		return j
	}
	return i
}

// positionWord returns the word of "line 12", "column 3" or "col 3" at
// msg[i] and where the number ends; i when there is none there.
func positionWord(msg string, i int) (string, int) {
	for _, w := range []string{"line", "column", "col"} {
		if !strings.HasPrefix(msg[i:], w+" ") {
			continue
		}
		start := i + len(w) + 1
		j := digits(msg, start)
		if j > start && (j == len(msg) || !isWord(msg[j])) {
			return w, j
		}
	}
	return "", i
}

// digits returns where the run of ASCII digits at msg[i] ends.
func digits(msg string, i int) int {
	for i < len(msg) && msg[i] >= '0' && msg[i] <= '9' {
		i++
	}
	return i
}

// isSpace reports white space as \s in a regular expression reads it.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// isWord reports a character of a word, as \b in a regular expression
// reads it: a letter, a digit or an underscore.
func isWord(c byte) bool { return isLetter(c) || c >= '0' && c <= '9' || c == '_' }

// fingerprint sets the fingerprint of each finding, which must be
// sorted: its identity's hash, a colon and its place among the findings
// of the same identity, from 0, in order of line and column.
func fingerprint(fs []Finding) {
	seen := make(map[[16]byte]int, len(fs))
	var buf []byte
	for i := range fs {
		sum := fs[i].Identity().Sum()
		buf = hex.AppendEncode(buf[:0], sum[:])
		buf = append(buf, ':')
		buf = strconv.AppendInt(buf, int64(seen[sum]), 10)
		fs[i].Fingerprint = string(buf)
		seen[sum]++
	}
}

package lint

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
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

// Hash is the identity's digest: the first 16 bytes of the SHA-256 of
// rule, path and normalised message, each followed by a NUL, in hex.
func (id Identity) Hash() string {
	h := sha256.New()
	for _, s := range []string{id.Rule, id.Path, id.Message} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// wordPositionRE and pathPositionRE match what NormalizeMessage takes
// out: "line 12", "column 3"; a :12 or :12:3 after a path or a word.
var (
	wordPositionRE = regexp.MustCompile(`\b(line|column|col) \d+\b`)
	pathPositionRE = regexp.MustCompile(`(\S):\d+(?::\d+)?\b`)
)

// NormalizeMessage returns a message with the positions it names
// replaced by N ("line 12" is "line N", "a.md:12:3" is "a.md:N") and its
// spaces collapsed, so that a finding keeps its identity when lines move.
// It is idempotent.
func NormalizeMessage(msg string) string {
	if strings.ContainsAny(msg, "0123456789") {
		msg = wordPositionRE.ReplaceAllString(msg, "$1 N")
		msg = pathPositionRE.ReplaceAllString(msg, "$1:N")
	}
	return strings.Join(strings.Fields(msg), " ")
}

// fingerprint sets the fingerprint of each finding, which must be
// sorted: its identity's hash, a colon and its place among the findings
// of the same identity, from 0, in order of line and column.
func fingerprint(fs []Finding) {
	seen := map[Identity]int{}
	for i := range fs {
		id := fs[i].Identity()
		fs[i].Fingerprint = id.Hash() + ":" + strconv.Itoa(seen[id])
		seen[id]++
	}
}

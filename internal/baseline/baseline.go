// Package baseline records the findings of a check in a file, so that a
// later check reports them as accepted and fails only on new ones.
//
// The file is JSON, one finding identity a line, sorted, so that it diffs
// well under review:
//
//	{
//	  "version": 1,
//	  "fingerprint": "glosa/v1",
//	  "findings": [
//	    {"rule": "same-as-source", "path": "content/es/a.md", "message": "this paragraph is identical to the source: \"Docker\"", "count": 2}
//	  ]
//	}
//
// A finding is recorded by its identity (lint.Identity: rule, path, and
// message with the positions it names taken out), not by its line, so
// that lines added or removed above it keep it accepted. count is how
// many findings share the identity: fixing one of three leaves two
// accepted, and a fourth is new.
package baseline

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"

	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/lint"
)

// Version is the version of the file format.
const Version = 1

// File is a baseline: the file check --write-baseline writes and
// --baseline reads.
type File struct {
	// Version is the version of the file's format; glosa refuses another.
	Version int `json:"version"`
	// Fingerprint names the scheme the identities were made with,
	// lint.FingerprintScheme ("glosa/v1"); glosa refuses another.
	Fingerprint string `json:"fingerprint"`
	// Findings are the identities recorded, sorted by path, rule and
	// message; [] when the check found nothing.
	Findings []Entry `json:"findings"`
}

// Entry is one identity and how many findings have it.
type Entry struct {
	// Rule is the ID of the rule that found them.
	Rule string `json:"rule"`
	// Path is the file they are in, relative to the repository root.
	Path string `json:"path"`
	// Message is their English message with the positions it names taken
	// out (line 12 is line N) and white space collapsed.
	Message string `json:"message"`
	// Count is how many findings have the identity, 1 or more.
	Count int `json:"count"`
}

func (e Entry) identity() lint.Identity {
	return lint.Identity{Rule: e.Rule, Path: e.Path, Message: e.Message}
}

// Make returns the baseline of findings.
func Make(fs []lint.Finding) *File {
	count := map[lint.Identity]int{}
	for _, f := range fs {
		count[f.Identity()]++
	}
	b := &File{Version: Version, Fingerprint: lint.FingerprintScheme, Findings: []Entry{}}
	for id, n := range count {
		b.Findings = append(b.Findings, Entry{Rule: id.Rule, Path: id.Path, Message: id.Message, Count: n})
	}
	b.sort()
	return b
}

// sort orders the entries by path, rule and message.
func (b *File) sort() {
	sort.Slice(b.Findings, func(i, j int) bool {
		x, y := b.Findings[i], b.Findings[j]
		if x.Path != y.Path {
			return x.Path < y.Path
		}
		if x.Rule != y.Rule {
			return x.Rule < y.Rule
		}
		return x.Message < y.Message
	})
}

// Encode returns the file's bytes: the entries sorted, one a line.
func (b *File) Encode() []byte {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "{\n  \"version\": %d,\n  \"fingerprint\": %s,\n  \"findings\": [", b.Version, quote(b.Fingerprint))
	for i, e := range b.Findings {
		if i > 0 {
			buf.WriteByte(',')
		}
		fmt.Fprintf(&buf, "\n    {\"rule\": %s, \"path\": %s, \"message\": %s, \"count\": %d}", quote(e.Rule), quote(e.Path), quote(e.Message), e.Count)
	}
	if len(b.Findings) > 0 {
		buf.WriteString("\n  ")
	}
	buf.WriteString("]\n}\n")
	return buf.Bytes()
}

// quote writes s as a JSON string, < > & as they are.
func quote(s string) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return string(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
}

// Decode reads a baseline file. Errors are *l10n.Error values, at a line
// and column when they are not about the whole file, without a path.
func Decode(data []byte) (*File, error) {
	var b File
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		return nil, jsonError(data, err)
	}
	if dec.More() {
		off := int(dec.InputOffset())
		off += len(data[off:]) - len(bytes.TrimLeft(data[off:], " \t\r\n"))
		line, col := position(data, off)
		return nil, l10n.At(line, col, l10n.Msg("baseline.trailing"))
	}
	switch {
	case b.Version != Version:
		return nil, &l10n.Error{Text: l10n.Msg("baseline.version", "Version", b.Version, "Known", Version)}
	case b.Fingerprint != lint.FingerprintScheme:
		return nil, &l10n.Error{Text: l10n.Msg("baseline.fingerprint", "Fingerprint", strconv.Quote(b.Fingerprint), "Known", lint.FingerprintScheme)}
	}
	if b.Findings == nil {
		b.Findings = []Entry{}
	}
	for i, e := range b.Findings {
		if e.Rule == "" || e.Count < 1 {
			return nil, &l10n.Error{Text: l10n.Msg("baseline.entry", "Index", i)}
		}
	}
	return &b, nil
}

// jsonError locates a JSON decoding error in data.
func jsonError(data []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	off := -1
	switch {
	case errors.As(err, &syn):
		off = int(syn.Offset)
	case errors.As(err, &typ):
		off = int(typ.Offset)
	}
	if off < 0 {
		return &l10n.Error{Text: l10n.Raw(err.Error())}
	}
	// The offset is just after the byte at fault.
	line, col := position(data, off-1)
	return l10n.At(line, col, l10n.Raw(err.Error()))
}

// position is the 1-based line and column (in bytes) of offset off.
func position(data []byte, off int) (line, col int) {
	off = min(max(off, 0), len(data))
	line = 1 + bytes.Count(data[:off], []byte("\n"))
	col = off - bytes.LastIndexByte(data[:off], '\n')
	return line, col
}

// Result is what comparing findings with a baseline found.
type Result struct {
	// Unchanged counts the findings the baseline has, New the others.
	Unchanged, New int
	// Absent counts the baseline's findings that are gone: fixed, or
	// changed beyond their identity.
	Absent int
}

// Accepted is a baseline as a check applies it: how many findings of
// each identity it accepts, by the identity's digest. It is a few
// megabytes where the file's entries are tens (43,601 findings of tldr:
// 9 MB of JSON), and a check keeps it while it scans the repository.
type Accepted struct {
	left  map[[16]byte]int
	total int
}

// Accepted returns what the baseline accepts.
func (b *File) Accepted() *Accepted {
	a := &Accepted{left: make(map[[16]byte]int, len(b.Findings))}
	for _, e := range b.Findings {
		a.left[e.identity().Sum()] += e.Count
		a.total += e.Count
	}
	return a
}

// Apply marks each finding lint.BaselineUnchanged when the baseline has
// it, lint.BaselineNew otherwise. Findings of one identity are matched in
// order of line: of three findings where the baseline has two, the last
// is new. It can be applied once.
func (a *Accepted) Apply(fs []lint.Finding) Result {
	var r Result
	for i := range fs {
		id := fs[i].Identity().Sum()
		if a.left[id] > 0 {
			a.left[id]--
			fs[i].Baseline = lint.BaselineUnchanged
			r.Unchanged++
			continue
		}
		fs[i].Baseline = lint.BaselineNew
		r.New++
	}
	r.Absent = a.total - r.Unchanged
	return r
}

// Apply is b.Accepted().Apply(fs).
func (b *File) Apply(fs []lint.Finding) Result { return b.Accepted().Apply(fs) }

package lint

import (
	"regexp"
	"strings"
	"testing"
)

func TestNormalizeMessage(t *testing.T) {
	tests := map[string]string{
		"yaml: line 12: did not find expected key":                         "yaml: line N: did not find expected key",
		"carry over the links of content/en/a.md:12 unchanged":             "carry over the links of content/en/a.md:N unchanged",
		"at a.md:12:3,  column 4\n and more":                               "at a.md:N, column N and more",
		`this paragraph is identical to the source: "Use [3] of 10 files"`: `this paragraph is identical to the source: "Use [3] of 10 files"`,
		"link to http://localhost:8080/docs":                               "link to http://localhost:N/docs",
	}
	for in, want := range tests {
		got := NormalizeMessage(in)
		if got != want {
			t.Errorf("NormalizeMessage(%q) = %q, want %q", in, got, want)
		}
		if again := NormalizeMessage(got); again != got {
			t.Errorf("NormalizeMessage is not idempotent on %q: %q", got, again)
		}
	}
}

func TestFingerprint(t *testing.T) {
	fs := []Finding{
		{Rule: "same-as-source", Path: "a.md", Line: 3, Message: "identical: x"},
		{Rule: "same-as-source", Path: "a.md", Line: 9, Message: "identical: x"},
		{Rule: "same-as-source", Path: "a.md", Line: 12, Message: "identical: y"},
		{Rule: "structure", Path: "a.md", Line: 12, Message: "identical: y"},
	}
	fingerprint(fs)
	x := Identity{"same-as-source", "a.md", "identical: x"}.Hash()
	want := []string{x + ":0", x + ":1", Identity{"same-as-source", "a.md", "identical: y"}.Hash() + ":0", Identity{"structure", "a.md", "identical: y"}.Hash() + ":0"}
	for i, f := range fs {
		if f.Fingerprint != want[i] {
			t.Errorf("finding %d: fingerprint %s, want %s", i, f.Fingerprint, want[i])
		}
	}
	// Lines added above keep every fingerprint.
	moved := append([]Finding(nil), fs...)
	for i := range moved {
		moved[i].Line += 5
	}
	fingerprint(moved)
	for i := range moved {
		if moved[i].Fingerprint != fs[i].Fingerprint {
			t.Errorf("finding %d moved: fingerprint %s, was %s", i, moved[i].Fingerprint, fs[i].Fingerprint)
		}
	}
	// The hash is pinned: baselines written by one glosa are read by the next.
	if got := (Identity{"same-as-source", "a.md", "identical: x"}).Hash(); got != "e2915e736fb0eedd344d9f429eca2a42" {
		t.Errorf("hash = %s, want the pinned e2915e736fb0eedd344d9f429eca2a42", got)
	}
}

var (
	wordPositionSpec = regexp.MustCompile(`\b(line|column|col) \d+\b`)
	pathPositionSpec = regexp.MustCompile(`(\S):\d+(?::\d+)?\b`)
)

// normalizeSpec is NormalizeMessage as regular expressions say it: the
// specification the one-pass code is fuzzed against.
func normalizeSpec(msg string) string {
	msg = wordPositionSpec.ReplaceAllString(msg, "$1 N")
	msg = pathPositionSpec.ReplaceAllString(msg, "$1:N")
	return strings.Join(strings.FieldsFunc(msg, func(r rune) bool { return r < 0x80 && isSpace(byte(r)) }), " ")
}

func FuzzNormalizeMessage(f *testing.F) {
	for _, s := range []string{"yaml: line 12: x", "a.md:12:3, column 4\n and", "col 3x line 4_ a:1:2b", "  x\t\ty ", "::12 a: :3 é:4", "a\v:12\fb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, msg string) {
		got := NormalizeMessage(msg)
		if want := normalizeSpec(msg); got != want {
			t.Fatalf("NormalizeMessage(%q) = %q, the specification says %q", msg, got, want)
		}
		if again := NormalizeMessage(got); again != got {
			t.Fatalf("not idempotent: %q, then %q", got, again)
		}
	})
}

package baseline

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/lint"
)

func findings() []lint.Finding {
	return []lint.Finding{
		{Rule: "same-as-source", Path: "content/es/a.md", Line: 4, Message: `this paragraph is identical to the source: "Docker <Compose>"`},
		{Rule: "same-as-source", Path: "content/es/a.md", Line: 9, Message: `this paragraph is identical to the source: "Docker <Compose>"`},
		{Rule: "markup-mismatch", Path: "content/es/a.md", Line: 12, Message: "this paragraph's links differ: missing link /x/"},
		{Rule: "parse-error", Path: "content/es/b.md", Line: 3, Message: "yaml: line 3: did not find expected key"},
	}
}

func TestEncode(t *testing.T) {
	want := `{
  "version": 1,
  "fingerprint": "glosa/v1",
  "findings": [
    {"rule": "markup-mismatch", "path": "content/es/a.md", "message": "this paragraph's links differ: missing link /x/", "count": 1},
    {"rule": "same-as-source", "path": "content/es/a.md", "message": "this paragraph is identical to the source: \"Docker <Compose>\"", "count": 2},
    {"rule": "parse-error", "path": "content/es/b.md", "message": "yaml: line N: did not find expected key", "count": 1}
  ]
}
`
	got := string(Make(findings()).Encode())
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Encode mismatch (-want +got):\n%s", diff)
	}
	b, err := Decode([]byte(got))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(Make(findings()), b); diff != "" {
		t.Errorf("Decode(Encode) mismatch (-want +got):\n%s", diff)
	}
	empty := "{\n  \"version\": 1,\n  \"fingerprint\": \"glosa/v1\",\n  \"findings\": []\n}\n"
	if got := string(Make(nil).Encode()); got != empty {
		t.Errorf("empty baseline:\n%s", got)
	}
}

func TestApply(t *testing.T) {
	b := Make(findings())
	// Lines added above every finding, the parse error moved; one of the
	// two identical paragraphs fixed, the markup fixed, a new finding.
	now := []lint.Finding{
		{Rule: "same-as-source", Path: "content/es/a.md", Line: 14, Message: `this paragraph is identical to the source: "Docker <Compose>"`},
		{Rule: "structure", Path: "content/es/a.md", Line: 20, Message: "the body's structure differs"},
		{Rule: "parse-error", Path: "content/es/b.md", Line: 7, Message: "yaml: line 7: did not find expected key"},
	}
	r := b.Apply(now)
	if diff := cmp.Diff(Result{Unchanged: 2, New: 1, Absent: 2}, r); diff != "" {
		t.Errorf("Apply result (-want +got):\n%s", diff)
	}
	var states []string
	for _, f := range now {
		states = append(states, f.Baseline)
	}
	if diff := cmp.Diff([]string{"unchanged", "new", "unchanged"}, states); diff != "" {
		t.Errorf("states (-want +got):\n%s", diff)
	}
	// A third identical paragraph where the baseline has two: the last
	// by line is new.
	three := append(findings()[:2:2], lint.Finding{Rule: "same-as-source", Path: "content/es/a.md", Line: 30, Message: findings()[0].Message})
	b.Apply(three)
	if three[0].Baseline != "unchanged" || three[1].Baseline != "unchanged" || three[2].Baseline != "new" {
		t.Errorf("three identical findings: %q %q %q", three[0].Baseline, three[1].Baseline, three[2].Baseline)
	}
}

func TestDecodeErrors(t *testing.T) {
	tests := map[string]string{
		"{\n  \"version\": 1,\n  \"findings\": [\n    {\"rule\": 3}\n  ]\n}\n":               `4:14: json: cannot unmarshal number into Go struct field Entry.findings.rule of type string`,
		"{\n  \"version\": 1,\n  \"findings\": [,]\n}\n":                                     "3:16: invalid character ',' looking for beginning of value",
		"{\"version\": 2, \"fingerprint\": \"glosa/v1\", \"findings\": []}":                  "version 2 is not a baseline version this glosa reads (1)",
		"{\"version\": 1, \"fingerprint\": \"glosa/v0\", \"findings\": []}":                  `fingerprint "glosa/v0" is not this glosa's (glosa/v1): write the baseline again with --write-baseline`,
		"{\"version\": 1, \"fingerprint\": \"glosa/v1\", \"findings\": [{\"rule\": \"x\"}]}": "findings[0]: a finding needs a rule and a count of at least 1",
		"{\"version\": 1, \"fingerprint\": \"glosa/v1\", \"findings\": [], \"extra\": 1}":    `json: unknown field "extra"`,
		"{\"version\": 1, \"fingerprint\": \"glosa/v1\", \"findings\": []} {}":               "1:59: more than one JSON value",
	}
	for in, want := range tests {
		_, err := Decode([]byte(in))
		var be *l10n.Error
		if !errors.As(err, &be) {
			t.Errorf("Decode(%q) = %v, not an *l10n.Error", in, err)
			continue
		}
		if err.Error() != want {
			t.Errorf("Decode(%q) = %q, want %q", in, err, want)
		}
	}
}

// FuzzDecode: whatever Decode accepts, Encode writes back as a file that
// Decode reads as the same baseline.
func FuzzDecode(f *testing.F) {
	f.Add(string(Make(findings()).Encode()))
	f.Add("{\"version\": 1, \"fingerprint\": \"glosa/v1\", \"findings\": []}")
	f.Fuzz(func(t *testing.T, text string) {
		b, err := Decode([]byte(text))
		if err != nil {
			var be *l10n.Error
			if !errors.As(err, &be) {
				t.Fatalf("error %v is not an *l10n.Error", err)
			}
			return
		}
		again, err := Decode(b.Encode())
		if err != nil {
			t.Fatalf("Decode(Encode(b)): %v\n%s", err, b.Encode())
		}
		if diff := cmp.Diff(b, again); diff != "" {
			t.Fatalf("round trip (-first +second):\n%s", diff)
		}
	})
}

package report_test

import (
	"bytes"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/glosa/glosa/internal/catalog"
	"github.com/glosa/glosa/internal/gate"
	"github.com/glosa/glosa/internal/lint"
	"github.com/glosa/glosa/internal/report"
	"github.com/glosa/glosa/internal/status"
)

func TestCheckJUnitGolden(t *testing.T) {
	c, policy := sampleCheck(t, "warning,missing,stale", "es=50")
	var buf bytes.Buffer
	if err := report.CheckJUnit(&buf, c, policy); err != nil {
		t.Fatal(err)
	}
	golden(t, "check.golden.xml", buf.Bytes())
	validateJUnit(t, buf.Bytes())
	checkJUnitCounts(t, buf.Bytes())
}

// validateJUnit checks a document against the JUnit schema of Jenkins'
// xUnit plugin with xmllint; without xmllint the test is skipped, unless
// CI is set.
func validateJUnit(t *testing.T, data []byte) {
	t.Helper()
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		if os.Getenv("CI") == "" {
			t.Skipf("cannot validate against the JUnit schema: %v", err)
		}
		t.Fatalf("cannot validate against the JUnit schema: %v", err)
	}
	path := filepath.Join(t.TempDir(), "junit.xml")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(xmllint, "--noout", "--schema", filepath.Join("testdata", "junit-10.xsd"), path).CombinedOutput()
	if err != nil {
		t.Errorf("xmllint: %v\n%s\n%s", err, out, data)
	}
}

// checkJUnitCounts reads a document back and checks that every count is
// the number of test cases and failures it holds.
func checkJUnitCounts(t *testing.T, data []byte) {
	t.Helper()
	var doc report.JUnitSuites
	if err := xml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	tests, failures := 0, 0
	for _, s := range doc.Suites {
		f := 0
		for _, c := range s.Cases {
			if c.Failure != nil {
				f++
			}
		}
		if s.Tests != len(s.Cases) || s.Failures != f || s.Errors != 0 {
			t.Errorf("suite %s: tests=%d failures=%d errors=%d, holds %d cases, %d failed", s.Name, s.Tests, s.Failures, s.Errors, len(s.Cases), f)
		}
		tests += len(s.Cases)
		failures += f
	}
	if doc.Tests != tests || doc.Failures != failures {
		t.Errorf("testsuites: tests=%d failures=%d, holds %d cases, %d failed", doc.Tests, doc.Failures, tests, failures)
	}
}

func TestJUnitCases(t *testing.T) {
	rep := fixture()
	rep.Items = []status.Item{
		{Slug: "clip", Translations: []status.Translation{{Lang: "es", State: status.Missing, Path: "content/es/clip.md", Reason: status.NoFile, Why: "no translation file"}}},
		{Slug: "llm", Translations: []status.Translation{{Lang: "es", State: status.Current, Path: "content/es/llm.md"}}},
	}
	rep.Catalogs = []status.Catalog{{Pattern: "locales/{lang}.yaml", Format: "goi18n", Source: "en",
		Languages: []status.Language{{Lang: "es"}},
		Messages: []status.Message{{ID: "hi", Path: "locales/en.yaml", Line: 1,
			Translations: []status.MessageTranslation{{Lang: "es", State: status.Missing, Path: "locales/es.yaml"}}}},
		Files: []*catalog.File{{Path: "locales/en.yaml", Lang: "en"}, {Path: "locales/es.yaml", Lang: "es"}},
	}}
	policy := gate.Policy{Severity: lint.Warning, States: []status.State{status.Missing}, MinCoverage: map[string]float64{"*": 90}}
	c := report.Check{View: report.View{Report: rep}, Findings: []lint.Finding{
		{Rule: "locale-link", Severity: lint.Warning, Path: "content/es/llm.md", Line: 3, Column: 4, Lang: "es", Slug: "llm", Message: "link <it>", Fix: "use & es"},
		{Rule: "same-as-source", Severity: lint.Info, Path: "content/es/llm.md", Line: 5, Column: 1, Lang: "es", Slug: "llm", Message: "same"},
		{Rule: "duplicate-slug", Severity: lint.Error, Path: "content/es/llm-2.md", Line: 2, Column: 1, Lang: "es", Slug: "llm", Message: "dup"},
		{Rule: "parse-error", Severity: lint.Error, Path: "content/es/stray.md", Lang: "es", Message: "bad \x00 byte"},
		{Rule: "placeholder-mismatch", Severity: lint.Error, Path: "locales/es.yaml", Line: 2, Column: 5, Lang: "es", Slug: "bye", Message: "lacks {{.Name}}"},
		{Rule: "parse-error", Severity: lint.Error, Path: "locales/en.yaml", Line: 9, Column: 1, Lang: "en", Message: "bad yaml"},
	}}
	c.Result = gate.Evaluate(policy, c.Findings, rep)
	var buf bytes.Buffer
	if err := report.CheckJUnit(&buf, c, policy); err != nil {
		t.Fatal(err)
	}
	want := `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="glosa check" tests="6" failures="6" errors="0">
  <testsuite name="en" tests="1" failures="1" errors="0">
    <testcase name="locales/{lang}.yaml" classname="en.catalogs">
      <failure message="bad yaml" type="parse-error">locales/en.yaml:9:1: error: bad yaml [parse-error]
</failure>
    </testcase>
  </testsuite>
  <testsuite name="es" tests="5" failures="5" errors="0">
    <testcase name="clip" classname="es.entries">
      <failure message="Spanish translation of clip is missing: no translation file" type="state:missing">content/es/clip.md: fail: Spanish translation of clip is missing: no translation file [state:missing]
</failure>
    </testcase>
    <testcase name="llm" classname="es.entries">
      <failure message="link &lt;it&gt; (and 1 more)" type="duplicate-slug locale-link">content/es/llm.md:3:4: warning: link &lt;it&gt; [locale-link]
    fix: use &amp; es
content/es/llm-2.md:2:1: error: dup [duplicate-slug]
</failure>
      <system-out>content/es/llm.md:5:1: info: same [same-as-source]
</system-out>
    </testcase>
    <testcase name="locales/{lang}.yaml" classname="es.catalogs">
      <failure message="lacks {{.Name}} (and 1 more)" type="placeholder-mismatch state:missing">locales/es.yaml:2:5: error: lacks {{.Name}} [placeholder-mismatch]
locales/es.yaml: fail: Spanish translation of message hi is missing [state:missing]
</failure>
    </testcase>
    <testcase name="content/es/stray.md" classname="es.files">
      <failure message="bad � byte" type="parse-error">content/es/stray.md: error: bad � byte [parse-error]
</failure>
    </testcase>
    <testcase name="min-coverage" classname="es.coverage">
      <failure message="Spanish coverage is 20.0%, below the minimum of 90%" type="min-coverage">coverage es: fail: Spanish coverage is 20.0%, below the minimum of 90% [min-coverage]
</failure>
    </testcase>
  </testsuite>
</testsuites>
`
	if diff := cmp.Diff(want, buf.String()); diff != "" {
		t.Errorf("JUnit (-want +got):\n%s", diff)
	}
	validateJUnit(t, buf.Bytes())
	checkJUnitCounts(t, buf.Bytes())
}

// TestJUnitBaselined: a finding a baseline accepts does not fail its test
// case, whatever its severity; it is listed in <system-out>.
func TestJUnitBaselined(t *testing.T) {
	c, policy := sampleCheck(t, "info", "")
	for i := range c.Findings {
		c.Findings[i].Baseline = lint.BaselineUnchanged
	}
	c.Result = gate.Result{}
	doc := c.JUnit(policy)
	if doc.Failures != 0 {
		t.Errorf("%d failures, want none", doc.Failures)
	}
	outs := 0
	for _, s := range doc.Suites {
		for _, tc := range s.Cases {
			if tc.SystemOut != nil && bytes.Contains([]byte(tc.SystemOut.Text), []byte("(baselined)")) {
				outs++
			}
		}
	}
	if outs == 0 {
		t.Error("no test case lists a baselined finding")
	}
}

package report_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/glosa/glosa/internal/baseline"
	"github.com/glosa/glosa/internal/catalog"
	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/gate"
	"github.com/glosa/glosa/internal/lint"
	"github.com/glosa/glosa/internal/report"
	"github.com/glosa/glosa/internal/status"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// goldenRules are the rules the golden files show: those that find
// something in the sample. The others are off, so that a new rule changes
// no golden file.
var goldenRules = []string{"citation-range", "field-missing", "key-mismatch", "locale-link", "markup-mismatch",
	"parse-error", "related-missing", "same-as-source", "structure"}

// goldenLintRules are the declarations of goldenRules.
func goldenLintRules(t *testing.T) []lint.Rule {
	var out []lint.Rule
	for _, id := range goldenRules {
		r, ok := lint.Lookup(id)
		if !ok {
			t.Fatalf("no rule %s", id)
		}
		out = append(out, r)
	}
	return out
}

// sampleCheck checks the repository's own sample glossary (glosa.yaml,
// content/) as glosa check does, without git history, under the policy of
// failOn and minCoverage, with the rules of goldenRules. glosa's own catalogs (locales/) are left out:
// they change with every message glosa gains, and TestJUnitCases covers
// catalogs.
func sampleCheck(t *testing.T, failOn, minCoverage string) (report.Check, gate.Policy) {
	t.Helper()
	root := filepath.Join("..", "..")
	cfg, err := config.Load(root, "")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Locales = nil
	for _, r := range lint.Rules() {
		if !slices.Contains(goldenRules, r.ID) {
			if cfg.Rules == nil {
				cfg.Rules = map[string]config.RuleConfig{}
			}
			rc := cfg.Rules[r.ID]
			rc.Off = true
			cfg.Rules[r.ID] = rc
		}
	}
	linter, err := lint.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	repo, err := content.ScanWith(root, cfg, content.ScanOptions{Prepare: true, Bodies: true})
	if err != nil {
		t.Fatal(err)
	}
	files, err := catalog.Scan(root, cfg, cfg.Languages)
	if err != nil {
		t.Fatal(err)
	}
	repo.Prepare(true)
	rep := status.ComputeAll(repo, files)
	policy, err := gate.ParseFailOn(failOn)
	if err != nil {
		t.Fatal(err)
	}
	if policy.MinCoverage, err = gate.ParseMinCoverage(minCoverage); err != nil {
		t.Fatal(err)
	}
	findings := linter.Run(rep)
	return report.Check{View: report.View{Report: rep}, Findings: findings, Result: gate.Evaluate(policy, findings, rep)}, policy
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/report -update to write it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs (-want +got; go test ./internal/report -update rewrites it):\n%s", path, diff)
	}
}

func TestCheckSARIFGolden(t *testing.T) {
	c, _ := sampleCheck(t, "warning,missing,stale", "es=50")
	var buf bytes.Buffer
	if err := report.CheckSARIF(&buf, c, report.SARIFOptions{Version: "v1.2.3", Rules: goldenLintRules(t)}); err != nil {
		t.Fatal(err)
	}
	golden(t, "check.golden.sarif", buf.Bytes())
	validateSARIF(t, buf.Bytes())
}

// TestCheckSARIFBaselineGolden: with a baseline, every finding result has
// its baselineState, the run counts the baselined and the absent.
func TestCheckSARIFBaselineGolden(t *testing.T) {
	c, _ := sampleCheck(t, "warning,missing,stale", "es=50")
	if len(c.Findings) < 2 {
		t.Fatalf("the sample has %d findings; the test needs 2", len(c.Findings))
	}
	// The baseline has every finding but the first, and one that is gone.
	gone := lint.Finding{Rule: "structure", Path: "content/es/gone.md", Message: "gone"}
	b := baseline.Make(append(slices.Clone(c.Findings[1:]), gone))
	r := b.Apply(c.Findings)
	c.Baseline = &r
	var buf bytes.Buffer
	if err := report.CheckSARIF(&buf, c, report.SARIFOptions{Version: "v1.2.3", Rules: goldenLintRules(t)}); err != nil {
		t.Fatal(err)
	}
	golden(t, "check.baseline.golden.sarif", buf.Bytes())
	validateSARIF(t, buf.Bytes())
	var log report.SARIFLog
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if got := run.Results[0].BaselineState; got != "new" {
		t.Errorf("first result: baselineState %q, want new", got)
	}
	if got := run.Results[1].BaselineState; got != "unchanged" {
		t.Errorf("second result: baselineState %q, want unchanged", got)
	}
	if run.Properties["baselineAbsent"] != float64(1) || run.Properties["baselined"] != float64(len(c.Findings)-1) {
		t.Errorf("run properties %v", run.Properties)
	}
}

// sarifSchema compiles the official SARIF 2.1.0 schema in testdata, with
// formats (uri, uri-reference, date-time) asserted.
func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	const url = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(url)
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

// validateSARIF validates a log against the schema, and checks what the
// schema leaves optional but GitHub code scanning needs: a file location
// on every result, and a ruleIndex that points at the result's rule.
func validateSARIF(t *testing.T, data []byte) {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if err := sarifSchema(t).Validate(inst); err != nil {
		t.Fatalf("SARIF log does not validate against the SARIF 2.1.0 schema: %v\n%s", err, data)
	}
	var log report.SARIFLog
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(log.Runs))
	}
	run := log.Runs[0]
	for i, r := range run.Results {
		if len(r.Locations) == 0 || r.Locations[0].PhysicalLocation.ArtifactLocation.URI == "" {
			t.Errorf("result %d (%s) has no file location", i, r.RuleID)
		}
		if r.RuleIndex < 0 || r.RuleIndex >= len(run.Tool.Driver.Rules) || run.Tool.Driver.Rules[r.RuleIndex].ID != r.RuleID {
			t.Errorf("result %d: ruleIndex %d does not name rule %s", i, r.RuleIndex, r.RuleID)
		}
	}
}

// fixture is a small report: two languages, no entries.
func fixture() *status.Report {
	return &status.Report{Source: "en", Repo: &content.Repo{Config: &config.Config{}, Source: "en", Languages: []string{"en", "es"}},
		Languages: []status.Language{{Lang: "es", Coverage: 20}}}
}

func TestSARIFEdgeCases(t *testing.T) {
	tests := []struct {
		name  string
		check report.Check
		// uris are the results' file locations.
		uris []string
	}{
		{"empty", report.Check{View: report.View{Report: fixture()}}, nil},
		{
			"odd paths and whole-file findings",
			report.Check{View: report.View{Report: fixture()}, Findings: []lint.Finding{
				{Rule: "parse-error", Severity: lint.Error, Path: "content/es/mi página #1 100%.md", Lang: "es", Message: "bad \"quote\" <b>"},
				{Rule: "same-as-source", Severity: lint.Info, Path: "a:b/x.md", Line: 3, Lang: "es", Message: "m"},
				{Rule: "no-such-rule", Severity: lint.Warning, Path: "x.md", Line: 1, Column: 2, Message: "m", Fix: "f"},
			}},
			[]string{"content/es/mi%20p%C3%A1gina%20%231%20100%25.md", "./a:b/x.md", "x.md"},
		},
		{
			"gate failures",
			report.Check{View: report.View{Report: fixture()}, Result: gate.Result{Failed: true, Failures: []gate.Failure{
				{Reason: "state", Lang: "es", Slug: "clip", State: status.Missing, Why: status.NoFile, Path: "content/es/clip.md", Message: "missing"},
				{Reason: "message", Lang: "es", Slug: "hello", State: status.Stale, Path: "locales/es.yaml", Line: 4, Message: "stale"},
				{Reason: "coverage", Lang: "es", Coverage: 20, Min: 90, Message: "low"},
			}}},
			[]string{"content/es/clip.md", "locales/es.yaml", "glosa.yaml"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := report.CheckSARIF(&buf, tt.check, report.SARIFOptions{Version: "dev"}); err != nil {
				t.Fatal(err)
			}
			validateSARIF(t, buf.Bytes())
			var log report.SARIFLog
			if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
				t.Fatal(err)
			}
			var uris []string
			for _, r := range log.Runs[0].Results {
				uris = append(uris, r.Locations[0].PhysicalLocation.ArtifactLocation.URI)
			}
			if diff := cmp.Diff(tt.uris, uris); diff != "" {
				t.Errorf("locations (-want +got):\n%s", diff)
			}
		})
	}
}

// TestSARIFRules: every lint rule is described, with its default level,
// and the pseudo-rules follow.
func TestSARIFRules(t *testing.T) {
	lintRules := lint.Rules()
	rules := report.SARIFRules(lintRules)
	if len(rules) != len(lintRules)+2 {
		t.Fatalf("%d rules, want %d lint rules and 2 pseudo-rules", len(rules), len(lintRules))
	}
	level := map[lint.Severity]string{lint.Error: "error", lint.Warning: "warning", lint.Info: "note"}
	for i, r := range lintRules {
		got := rules[i]
		if got.ID != r.ID || got.DefaultConfiguration.Level != level[r.Severity] || got.ShortDescription.Text == "" || got.HelpURI == "" ||
			got.Help == nil || !strings.Contains(got.Help.Markdown, r.Doc) {
			t.Errorf("rule %d: %+v does not describe %s (%s)", i, got, r.ID, r.Severity)
		}
	}
	if rules[len(rules)-2].ID != report.StateRule || rules[len(rules)-1].ID != report.CoverageRule {
		t.Errorf("pseudo-rules: %s, %s", rules[len(rules)-2].ID, rules[len(rules)-1].ID)
	}
}

// TestSARIFSchemaRejects: the schema is not vacuous; logs that break it
// in the ways a renderer could are refused.
func TestSARIFSchemaRejects(t *testing.T) {
	good, err := os.ReadFile(filepath.Join("testdata", "check.golden.sarif"))
	if err != nil {
		t.Fatal(err)
	}
	sch := sarifSchema(t)
	for name, bad := range map[string]string{
		"unknown level":       strings.Replace(string(good), `"level": "warning"`, `"level": "fatal"`, 1),
		"version 2.0.0":       strings.Replace(string(good), `"version": "2.1.0"`, `"version": "2.0.0"`, 1),
		"line 0":              strings.Replace(string(good), `"startLine": 35`, `"startLine": 0`, 1),
		"unknown property":    strings.Replace(string(good), `"ruleId":`, `"rule_id": "x", "ruleId":`, 1),
		"helpUri not a URI":   strings.Replace(string(good), `"helpUri": "https://github.com/glosa/glosa/blob/main/docs/states.md"`, `"helpUri": "lint rules"`, 1),
		"baselineState":       strings.Replace(string(good), `"ruleId":`, `"baselineState": "gone", "ruleId":`, 1),
		"partialFingerprints": strings.Replace(string(good), `"partialFingerprints": {`, `"partialFingerprints": {"x": 1,`, 1),
	} {
		if bad == string(good) {
			t.Fatalf("%s: the golden file has nothing to break", name)
		}
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(bad))
		if err != nil {
			t.Fatal(err)
		}
		if sch.Validate(inst) == nil {
			t.Errorf("%s: the schema accepts it", name)
		}
	}
}

package gate

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/glosa/glosa/internal/baseline"
	"github.com/glosa/glosa/internal/lint"
	"github.com/glosa/glosa/internal/status"
)

func TestJudge(t *testing.T) {
	rep := &status.Report{
		Source:    "en",
		Languages: []status.Language{{Lang: "es", Coverage: 100}, {Lang: "it", Coverage: 50}},
	}
	finding := func(lang, path string, sev lint.Severity) lint.Finding {
		return lint.Finding{Rule: "r", Severity: sev, Lang: lang, Path: path, Message: "wrong"}
	}
	findings := []lint.Finding{
		finding("en", "content/en/a.md", lint.Error), // the source's: shown for every language
		finding("es", "content/es/a.md", lint.Error),
		finding("es", "content/es/b.md", lint.Error),
		finding("it", "content/it/a.md", lint.Warning),
	}
	// The old baseline has the source's finding and Italy's, not Spain's.
	old := func() *baseline.Accepted {
		return baseline.Make([]lint.Finding{findings[0], findings[3], finding("it", "content/it/fixed.md", lint.Info)}).Accepted()
	}
	// Warnings fail, and Italian coverage under 80.
	policy := Policy{Severity: lint.Warning, MinCoverage: map[string]float64{"it": 80}}
	itCoverage := Failure{Reason: "coverage", Lang: "it", Coverage: 50, Min: 80, Message: "Italian coverage is 50.0%, below the minimum of 80%"}
	recorded := []baseline.Entry{
		{Rule: "r", Path: "content/en/a.md", Message: "wrong", Count: 1},
		{Rule: "r", Path: "content/es/a.md", Message: "wrong", Count: 1},
		{Rule: "r", Path: "content/es/b.md", Message: "wrong", Count: 1},
		{Rule: "r", Path: "content/it/a.md", Message: "wrong", Count: 1},
	}

	// got is a Judgement in short: findings as "path baseline-state", the
	// report as its languages, the record as its entries.
	type got struct {
		Findings, Gated []string
		Langs           []string
		Baseline        *baseline.Result
		Record          []baseline.Entry
		Result          Result
	}
	tests := []struct {
		name          string
		baseline      bool
		writeBaseline bool
		langs         []string
		want          got
	}{{
		name: "alone: every finding gates",
		want: got{
			Findings: []string{"content/en/a.md ", "content/es/a.md ", "content/es/b.md ", "content/it/a.md "},
			Gated:    []string{"content/en/a.md ", "content/es/a.md ", "content/es/b.md ", "content/it/a.md "},
			Langs:    []string{"es", "it"},
			Result:   Result{Failed: true, Failing: 4, Failures: []Failure{itCoverage}},
		},
	}, {
		name:  "--lang es: its findings and the source's, its coverage",
		langs: []string{"es"},
		want: got{
			Findings: []string{"content/en/a.md ", "content/es/a.md ", "content/es/b.md "},
			Gated:    []string{"content/en/a.md ", "content/es/a.md ", "content/es/b.md "},
			Langs:    []string{"es"},
			Result:   Result{Failed: true, Failing: 3},
		},
	}, {
		name:     "--baseline: only new findings gate",
		baseline: true,
		want: got{
			Findings: []string{"content/en/a.md unchanged", "content/es/a.md new", "content/es/b.md new", "content/it/a.md unchanged"},
			Gated:    []string{"content/es/a.md new", "content/es/b.md new"},
			Langs:    []string{"es", "it"},
			Baseline: &baseline.Result{Unchanged: 2, New: 2, Absent: 1},
			Result:   Result{Failed: true, Failing: 2, Failures: []Failure{itCoverage}},
		},
	}, {
		name:     "--baseline --lang it: the comparison is of every language",
		baseline: true,
		langs:    []string{"it"},
		want: got{
			Findings: []string{"content/en/a.md unchanged", "content/it/a.md unchanged"},
			Langs:    []string{"it"},
			Baseline: &baseline.Result{Unchanged: 2, New: 2, Absent: 1},
			Result:   Result{Failed: true, Failures: []Failure{itCoverage}},
		},
	}, {
		name:          "--write-baseline: everything recorded and accepted",
		writeBaseline: true,
		want: got{
			Findings: []string{"content/en/a.md unchanged", "content/es/a.md unchanged", "content/es/b.md unchanged", "content/it/a.md unchanged"},
			Langs:    []string{"es", "it"},
			Baseline: &baseline.Result{Unchanged: 4},
			Record:   recorded,
			Result:   Result{Failed: true, Failures: []Failure{itCoverage}},
		},
	}, {
		name:          "--write-baseline --lang es: every language recorded, one shown",
		writeBaseline: true,
		langs:         []string{"es"},
		want: got{
			Findings: []string{"content/en/a.md unchanged", "content/es/a.md unchanged", "content/es/b.md unchanged"},
			Langs:    []string{"es"},
			Baseline: &baseline.Result{Unchanged: 4},
			Record:   recorded,
		},
	}, {
		name:          "--baseline --write-baseline: findings keep their state, none gates",
		baseline:      true,
		writeBaseline: true,
		want: got{
			Findings: []string{"content/en/a.md unchanged", "content/es/a.md new", "content/es/b.md new", "content/it/a.md unchanged"},
			Langs:    []string{"es", "it"},
			Baseline: &baseline.Result{Unchanged: 2, New: 2, Absent: 1},
			Record:   recorded,
			Result:   Result{Failed: true, Failures: []Failure{itCoverage}},
		},
	}, {
		name:          "--baseline --write-baseline --lang es",
		baseline:      true,
		writeBaseline: true,
		langs:         []string{"es"},
		want: got{
			Findings: []string{"content/en/a.md unchanged", "content/es/a.md new", "content/es/b.md new"},
			Langs:    []string{"es"},
			Baseline: &baseline.Result{Unchanged: 2, New: 2, Absent: 1},
			Record:   recorded,
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := Options{Policy: policy, WriteBaseline: tt.writeBaseline, Langs: tt.langs}
			if tt.baseline {
				opts.Baseline = old()
			}
			in := append([]lint.Finding(nil), findings...)
			j := Judge(in, rep, opts)
			short := func(fs []lint.Finding) []string {
				var out []string
				for _, f := range fs {
					out = append(out, f.Path+" "+f.Baseline)
				}
				return out
			}
			g := got{Findings: short(j.Findings), Gated: short(j.Gated), Baseline: j.Baseline, Result: j.Result}
			for _, l := range j.Report.Languages {
				g.Langs = append(g.Langs, l.Lang)
			}
			if j.Record != nil {
				g.Record = j.Record.Findings
			}
			if diff := cmp.Diff(tt.want, g, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Judge mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(findings, in); diff != "" {
				t.Errorf("Judge modified its findings (-before +after):\n%s", diff)
			}
		})
	}
}

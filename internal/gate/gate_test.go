package gate

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/glosa/glosa/internal/lint"
	"github.com/glosa/glosa/internal/status"
)

func TestParseFailOn(t *testing.T) {
	tests := []struct {
		in      string
		want    Policy
		wantErr string
	}{
		{in: "error", want: Policy{Severity: lint.Error}},
		{in: "warning", want: Policy{Severity: lint.Warning}},
		{in: "info", want: Policy{Severity: lint.Info}},
		// The least severe named wins: it fails everything above it too.
		{in: "error,warning", want: Policy{Severity: lint.Warning}},
		{in: "info, error", want: Policy{Severity: lint.Info}},
		{in: "warning,stale,missing", want: Policy{Severity: lint.Warning, States: []status.State{status.Stale, status.Missing}}},
		// States alone keep the default severity; none drops it.
		{in: "stale", want: Policy{Severity: lint.Error, States: []status.State{status.Stale}}},
		{in: "none,stale", want: Policy{States: []status.State{status.Stale}}},
		{in: "none", want: Policy{}},
		{in: "", want: Policy{Severity: lint.Error}},
		{in: "none,warning", wantErr: "--fail-on: none cannot be combined with a severity"},
		{in: " error , ", want: Policy{Severity: lint.Error}},
		{in: "errors", wantErr: `--fail-on: unknown value "errors" (use error, warning, info, none, probably-stale, current, stale, missing, untranslated, unverified, orphan)`},
		{in: "Error", wantErr: `--fail-on: unknown value "Error" (use error, warning, info, none, probably-stale, current, stale, missing, untranslated, unverified, orphan)`},
	}
	for _, tt := range tests {
		got, err := ParseFailOn(tt.in)
		if tt.wantErr != "" {
			if err == nil || err.Error() != tt.wantErr {
				t.Errorf("ParseFailOn(%q) error = %v, want %s", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseFailOn(%q): %v", tt.in, err)
			continue
		}
		if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("ParseFailOn(%q) mismatch (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestParseMinCoverage(t *testing.T) {
	tests := []struct {
		in      string
		want    map[string]float64
		wantErr string
	}{
		{in: "", want: map[string]float64{}},
		{in: "90", want: map[string]float64{"*": 90}},
		{in: "es=90,it=80", want: map[string]float64{"es": 90, "it": 80}},
		{in: "es=90%, pt_BR = 85.5", want: map[string]float64{"es": 90, "pt-BR": 85.5}},
		{in: "50,es=90", want: map[string]float64{"*": 50, "es": 90}},
		{in: "0", want: map[string]float64{"*": 0}},
		{in: "100", want: map[string]float64{"*": 100}},
		{in: "101", wantErr: `--min-coverage: "101" is not a percentage from 0 to 100`},
		{in: "-1", wantErr: `--min-coverage: "-1" is not a percentage from 0 to 100`},
		{in: "NaN", wantErr: `--min-coverage: "NaN" is not a percentage from 0 to 100`},
		{in: "es=", wantErr: `--min-coverage: "" is not a percentage from 0 to 100`},
		{in: "es=lots", wantErr: `--min-coverage: "lots" is not a percentage from 0 to 100`},
		{in: "spanish=90", wantErr: `--min-coverage: "spanish" is not a BCP 47 language tag`},
		{in: "es=90,ES=80", wantErr: "--min-coverage: es is given twice"},
		{in: "90,80", wantErr: "--min-coverage: more than one number for all languages"},
	}
	for _, tt := range tests {
		got, err := ParseMinCoverage(tt.in)
		if tt.wantErr != "" {
			if err == nil || err.Error() != tt.wantErr {
				t.Errorf("ParseMinCoverage(%q) error = %v, want %s", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseMinCoverage(%q): %v", tt.in, err)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("ParseMinCoverage(%q) mismatch (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestEvaluate(t *testing.T) {
	rep := &status.Report{
		Items: []status.Item{
			{Slug: "llm", Translations: []status.Translation{
				{Lang: "es", State: status.Stale, Path: "content/es/llm.md", Why: "the source changed since the recorded version"},
				{Lang: "en", State: status.Current, Path: "content/en/llm.md"},
			}},
			{Slug: "clip", Translations: []status.Translation{
				{Lang: "es", State: status.Missing, Path: "content/es/clip.md", Why: "no translation file"},
				{Lang: "en", State: status.Stale, Path: "content/en/clip.md", Why: "the source changed since the recorded version"},
			}},
		},
		Languages: []status.Language{{Lang: "es", Coverage: 0}, {Lang: "en", Coverage: 50}},
	}
	findings := []lint.Finding{{Severity: lint.Error}, {Severity: lint.Warning}, {Severity: lint.Info}, {Severity: lint.Warning}}
	tests := []struct {
		name   string
		policy Policy
		want   Result
	}{{
		name:   "errors only",
		policy: Policy{Severity: lint.Error},
		want:   Result{Failed: true, Failing: 1},
	}, {
		name:   "warnings and above",
		policy: Policy{Severity: lint.Warning},
		want:   Result{Failed: true, Failing: 3},
	}, {
		name:   "nothing",
		policy: Policy{},
		want:   Result{},
	}, {
		name:   "stale translations, sorted by path",
		policy: Policy{States: []status.State{status.Stale}},
		want: Result{Failed: true, Failures: []Failure{
			{Reason: "state", Lang: "en", Slug: "clip", State: status.Stale, Path: "content/en/clip.md",
				Message: "English translation of clip is stale: the source changed since the recorded version"},
			{Reason: "state", Lang: "es", Slug: "llm", State: status.Stale, Path: "content/es/llm.md",
				Message: "Spanish translation of llm is stale: the source changed since the recorded version"},
		}},
	}, {
		name:   "coverage: one language named, the rest by the default",
		policy: Policy{MinCoverage: map[string]float64{"es": 0, "*": 60}},
		want: Result{Failed: true, Failures: []Failure{
			{Reason: "coverage", Lang: "en", Coverage: 50, Min: 60, Message: "English coverage is 50.0%, below the minimum of 60%"},
		}},
	}, {
		name:   "coverage met exactly",
		policy: Policy{MinCoverage: map[string]float64{"en": 50}},
		want:   Result{},
	}, {
		name:   "states before coverage",
		policy: Policy{States: []status.State{status.Missing}, MinCoverage: map[string]float64{"es": 12.5}},
		want: Result{Failed: true, Failures: []Failure{
			{Reason: "state", Lang: "es", Slug: "clip", State: status.Missing, Path: "content/es/clip.md",
				Message: "Spanish translation of clip is missing: no translation file"},
			{Reason: "coverage", Lang: "es", Coverage: 0, Min: 12.5, Message: "Spanish coverage is 0.0%, below the minimum of 12.5%"},
		}},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Evaluate(tt.policy, findings, rep)
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Evaluate mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestProbablyStale(t *testing.T) {
	p, err := ParseFailOn("probably-stale")
	if err != nil || !p.ProbablyStale || p.Severity != lint.Error {
		t.Fatalf("ParseFailOn(probably-stale) = %+v, %v; want ProbablyStale with the error default", p, err)
	}
	rep := &status.Report{Items: []status.Item{{Slug: "llm", Translations: []status.Translation{
		{Lang: "es", State: status.Unverified, Path: "content/es/llm.md", ProbablyStale: true},
		{Lang: "en", State: status.Unverified, Path: "content/en/llm.md"},
	}}}}
	r := Evaluate(p, nil, rep)
	if len(r.Failures) != 1 || !r.Failures[0].ProbablyStale || r.Failures[0].Lang != "es" {
		t.Errorf("failures = %+v, want the Spanish translation only", r.Failures)
	}
}

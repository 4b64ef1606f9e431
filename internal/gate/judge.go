package gate

import (
	"slices"

	"github.com/glosa/glosa/internal/baseline"
	"github.com/glosa/glosa/internal/lint"
	"github.com/glosa/glosa/internal/status"
)

// Options is what a check is judged by besides its findings and report.
type Options struct {
	// Policy is what fails the check.
	Policy Policy
	// Baseline accepts the findings it records; nil for none. Judge
	// applies it, which can be done once.
	Baseline *baseline.Accepted
	// WriteBaseline records every finding as the new baseline and
	// accepts them all.
	WriteBaseline bool
	// Langs limits the findings shown and gated, and the report, to these
	// translation languages (and the source language's findings, on which
	// every language depends); none means every language.
	Langs []string
}

// Judgement is a judged check: what its outputs show and what decided
// its verdict.
type Judgement struct {
	// Findings are the findings to show, of the chosen languages, each
	// marked against the baseline when there is one.
	Findings []lint.Finding
	// Gated are the findings of Findings that count: those no baseline
	// accepts.
	Gated []lint.Finding
	// Report is the report of the chosen languages.
	Report *status.Report
	// Baseline is the comparison with the baseline, of every language;
	// nil without --baseline or --write-baseline. With --write-baseline
	// alone every finding is unchanged.
	Baseline *baseline.Result
	// Record is the baseline to write with WriteBaseline: every finding,
	// of every language; nil otherwise.
	Record *baseline.File
	// Result is the policy's verdict on Gated and Report.
	Result Result
}

// Judge decides a check: it compares the findings with the baseline,
// records them when asked, keeps the chosen languages, and evaluates the
// policy on the findings no baseline accepts. findings are not modified.
func Judge(findings []lint.Finding, rep *status.Report, opts Options) Judgement {
	findings = slices.Clone(findings)
	var j Judgement
	// A baseline is of the whole repository, whatever Langs shows.
	if opts.Baseline != nil {
		r := opts.Baseline.Apply(findings)
		j.Baseline = &r
	}
	if opts.WriteBaseline {
		j.Record = baseline.Make(findings)
		// What is recorded is accepted; against an older baseline, the
		// findings keep their state (new: recorded now).
		if j.Baseline == nil {
			j.Baseline = &baseline.Result{Unchanged: len(findings)}
			for i := range findings {
				findings[i].Baseline = lint.BaselineUnchanged
			}
		}
	}
	j.Findings, j.Report = findings, rep
	if len(opts.Langs) > 0 {
		j.Findings = onlyLanguages(findings, opts.Langs, rep.Source)
		j.Report = rep.OnlyLanguages(opts.Langs)
	}
	// Accepted findings do not fail the check: with WriteBaseline, none
	// does.
	switch {
	case opts.WriteBaseline:
	case j.Baseline != nil:
		for _, f := range j.Findings {
			if f.Baseline != lint.BaselineUnchanged {
				j.Gated = append(j.Gated, f)
			}
		}
	default:
		j.Gated = j.Findings
	}
	j.Result = Evaluate(opts.Policy, j.Gated, j.Report)
	return j
}

// onlyLanguages keeps the findings of langs and of the source language.
func onlyLanguages(fs []lint.Finding, langs []string, source string) []lint.Finding {
	var out []lint.Finding
	for _, f := range fs {
		if f.Lang == source || slices.Contains(langs, f.Lang) {
			out = append(out, f)
		}
	}
	return out
}

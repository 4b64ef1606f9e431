// Package gate decides whether a check fails: findings at or above a
// severity, translations in chosen states, languages below a coverage.
// Judge decides a whole check: which findings a baseline accepts, what
// --write-baseline records, what --lang keeps, and the verdict on the
// findings that count.
package gate

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/lang"
	"github.com/glosa/glosa/internal/lint"
	"github.com/glosa/glosa/internal/status"
)

// Policy is what makes a check fail.
type Policy struct {
	// Severity is the least severe finding that fails; "" means none.
	Severity lint.Severity
	// States are translation states that fail.
	States []status.State
	// ProbablyStale fails unverified translations whose source changed
	// in commits after their own last change (git history's guess).
	ProbablyStale bool
	// MinCoverage maps languages to their minimum coverage in percent;
	// the key "*" applies to every language not named.
	MinCoverage map[string]float64
}

// FailOnValues are the words --fail-on takes: the severities, none,
// probably-stale and the states.
func FailOnValues() []string {
	out := []string{string(lint.Error), string(lint.Warning), string(lint.Info), "none", "probably-stale"}
	for _, st := range status.States {
		out = append(out, string(st))
	}
	return out
}

// ParseFailOn reads --fail-on: a comma-separated list of severities and
// states. A severity fails it and everything more severe. A list of states
// alone keeps the default, error: adding a state to the gate does not let
// errors pass; "none" says that no finding fails.
func ParseFailOn(s string) (Policy, error) {
	var p Policy
	none, sawSeverity := false, false
	for _, item := range strings.Split(s, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		if item == "none" {
			none = true
			continue
		}
		if item == "probably-stale" {
			p.ProbablyStale = true
			continue
		}
		if sev := lint.Severity(item); sev.Rank() > 0 {
			if p.Severity == "" || sev.Rank() < p.Severity.Rank() {
				p.Severity = sev
			}
			sawSeverity = true
			continue
		}
		st, ok := status.ParseState(item)
		if !ok {
			return p, l10n.Errorf("usage.enum", "Flag", "fail-on", "Value", item, "Values", strings.Join(FailOnValues(), ", "))
		}
		p.States = append(p.States, st)
	}
	if none && sawSeverity {
		return p, l10n.Errorf("usage.failOnNone")
	}
	if !none && !sawSeverity {
		p.Severity = lint.Error
	}
	return p, nil
}

// ParseMinCoverage reads --min-coverage: one number for every language
// (90) or lang=number pairs (es=90,it=80).
func ParseMinCoverage(s string) (map[string]float64, error) {
	out := map[string]float64{}
	if strings.TrimSpace(s) == "" {
		return out, nil
	}
	for _, item := range strings.Split(s, ",") {
		item = strings.TrimSpace(item)
		key, num, hasLang := strings.Cut(item, "=")
		if !hasLang {
			key, num = "*", item
		} else {
			code, err := lang.Parse(strings.TrimSpace(key))
			if err != nil {
				return nil, l10n.Errorf("usage.minCoverageTag", "Value", strings.TrimSpace(key))
			}
			key = code
		}
		v, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(num), "%"), 64)
		if err != nil || math.IsNaN(v) || v < 0 || v > 100 {
			return nil, l10n.Errorf("usage.minCoveragePercent", "Value", num)
		}
		if _, dup := out[key]; dup {
			if key == "*" {
				return nil, l10n.Errorf("usage.minCoverageAll")
			}
			return nil, l10n.Errorf("usage.minCoverageTwice", "Lang", key)
		}
		out[key] = v
	}
	return out, nil
}

// Failure is one reason a check fails other than a finding.
type Failure struct {
	// Reason is "state" (an entry), "message" (a catalog message; Slug
	// holds its ID) or "coverage".
	Reason string
	Lang   string
	Slug   string
	State  status.State
	// Line is where a message is in its file (0 for entries and for a
	// message the file lacks).
	Line int
	// Why is the translation's reason for its state.
	Why  status.Reason
	Path string
	// Coverage and Min are set for coverage failures.
	Coverage, Min float64
	Message       string
	// ProbablyStale marks the failure of an unverified translation that
	// --fail-on probably-stale caught.
	ProbablyStale bool
	// RenamedTo is an orphan's source's new slug, when git saw the rename.
	RenamedTo string
}

// Result is the verdict of a check.
type Result struct {
	Failed bool
	// Failing counts the findings at or above the threshold.
	Failing  int
	Failures []Failure
}

// Fails reports whether a finding is at or above the policy's threshold.
func (p Policy) Fails(f lint.Finding) bool {
	return p.Severity != "" && f.Severity.Rank() >= p.Severity.Rank()
}

// Evaluate applies the policy to the findings and the report.
func Evaluate(p Policy, findings []lint.Finding, rep *status.Report) Result {
	var r Result
	for _, f := range findings {
		if p.Fails(f) {
			r.Failing++
		}
	}
	for _, it := range rep.Items {
		for _, t := range it.Translations {
			if p.ProbablyStale && t.ProbablyStale && !slices.Contains(p.States, t.State) {
				r.Failures = append(r.Failures, Failure{Reason: "state", Lang: t.Lang, Slug: it.Slug, State: t.State, Why: t.Reason, Path: t.Path, ProbablyStale: true,
					Message: fmt.Sprintf("%s translation of %s is probably stale: its source changed in commits after its own last change", lang.EnglishName(t.Lang), it.Slug)})
			}
			for _, s := range p.States {
				if t.State == s {
					r.Failures = append(r.Failures, Failure{Reason: "state", Lang: t.Lang, Slug: it.Slug, State: t.State, Why: t.Reason, Path: t.Path, RenamedTo: t.RenamedTo,
						Message: fmt.Sprintf("%s translation of %s is %s: %s", lang.EnglishName(t.Lang), it.Slug, stateWords(t.State), t.Why)})
				}
			}
		}
	}
	for _, c := range rep.Catalogs {
		for _, m := range c.Messages {
			for _, t := range m.Translations {
				if slices.Contains(p.States, t.State) {
					r.Failures = append(r.Failures, Failure{Reason: "message", Lang: t.Lang, Slug: m.ID, State: t.State, Path: t.Path, Line: t.Line, Message: fmt.Sprintf("%s translation of message %s is %s", lang.EnglishName(t.Lang), m.ID, stateWords(t.State))})
				}
			}
		}
	}
	for _, l := range rep.Languages {
		min, ok := p.MinCoverage[l.Lang]
		if !ok {
			min, ok = p.MinCoverage["*"]
		}
		if ok && l.Coverage < min {
			r.Failures = append(r.Failures, Failure{Reason: "coverage", Lang: l.Lang, Coverage: l.Coverage, Min: min,
				Message: fmt.Sprintf("%s coverage is %.1f%%, below the minimum of %g%%", lang.EnglishName(l.Lang), l.Coverage, min)})
		}
	}
	sort.SliceStable(r.Failures, func(i, j int) bool {
		a, b := r.Failures[i], r.Failures[j]
		if a.Reason != b.Reason {
			return a.Reason > b.Reason // states first, then coverage
		}
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		return a.Lang < b.Lang
	})
	r.Failed = r.Failing > 0 || len(r.Failures) > 0
	return r
}

// stateWords names a state in a sentence: "stale", "an orphan".
func stateWords(s status.State) string {
	if s == status.Orphan {
		return "an orphan"
	}
	return string(s)
}

package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/glosa/glosa/internal/baseline"
	"github.com/glosa/glosa/internal/gate"
	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/lint"
	"github.com/glosa/glosa/internal/printable"
	"github.com/glosa/glosa/internal/status"
)

// Check is what check reports: findings, the language summaries, and the
// verdict.
type Check struct {
	View View
	// Findings are every finding, those a baseline accepts included
	// (their Baseline is lint.BaselineUnchanged).
	Findings []lint.Finding
	Result   gate.Result
	// Suppressed counts the findings glosa.yaml or a directive left out.
	Suppressed int
	// Baseline is what comparing the findings with a baseline found; nil
	// when there is no baseline.
	Baseline *baseline.Result
}

// baselined reports whether a baseline accepts the finding: text,
// annotations and JUnit do not show it as a problem.
func baselined(f lint.Finding) bool { return f.Baseline == lint.BaselineUnchanged }

// baselinedCount counts the findings a baseline accepts.
func (c Check) baselinedCount() int {
	n := 0
	for _, f := range c.Findings {
		if baselined(f) {
			n++
		}
	}
	return n
}

// CheckJSON is the document of check --format json, also the
// dashboard's findings.json.
type CheckJSON struct {
	// Version is the version of the document's schema.
	Version int `json:"version"`
	// Findings are every finding of the lint rules, whatever --fail-on
	// says, those a baseline accepts included.
	Findings []FindingJSON `json:"findings"`
	// Suppressed counts the findings that inline directives, exclude or
	// ignore left out.
	Suppressed int `json:"suppressed"`
	// Baselined counts the findings a baseline accepts; 0 without one.
	Baselined int `json:"baselined"`
	// Absent counts the baseline's findings that are gone; 0 without a
	// baseline.
	Absent int `json:"absent"`
	// Languages are the languages shown, as in status.
	Languages []LanguageJSON `json:"languages"`
	// Catalogs are the message catalogs, as in status.
	Catalogs []CatalogJSON `json:"catalogs"`
	// Failures are the reasons the check failed other than findings.
	Failures []FailureJSON `json:"failures"`
	// Failed is the verdict: true when the check exits with 1.
	Failed bool `json:"failed"`
}

// FindingJSON is one finding of a lint rule.
type FindingJSON struct {
	// Rule is the ID of the rule that found it (see glosa rules).
	Rule string `json:"rule"`
	// Severity is "error", "warning" or "info".
	Severity string `json:"severity"`
	// Path is the file the finding is in, relative to the repository root.
	Path string `json:"path"`
	// Line is the finding's 1-based line; 0 when it is about the whole
	// file.
	Line int `json:"line"`
	// Column is the finding's 1-based column, in Unicode code points; 0
	// when it is about the whole file.
	Column int `json:"column"`
	// Lang is the language code of the file; "" for a PO template.
	Lang string `json:"lang"`
	// Slug is the entry's slug, or in a catalog the message's ID; "" when
	// the finding is about no one entry or message.
	Slug string `json:"slug"`
	// Message says what is wrong, in English.
	Message string `json:"message"`
	// Fix says how to mend it, in English; "" when glosa does not know.
	Fix string `json:"fix"`
	// Fingerprint identifies the finding across edits that move it: the
	// hex digest of its identity, ":" and its place among the findings of
	// that identity (see docs/checks.md).
	Fingerprint string `json:"fingerprint"`
	// Baseline is "new" or "unchanged" with --baseline or
	// --write-baseline; "" without.
	Baseline string `json:"baseline"`
}

// FailureJSON is a reason the check failed other than a finding: a
// translation or catalog message in a --fail-on state, or a language
// below --min-coverage.
type FailureJSON struct {
	// Reason is "state" (an entry's translation), "message" (a catalog
	// message's) or "coverage".
	Reason string `json:"reason"`
	// Lang is the language code of the translation or of the coverage.
	Lang string `json:"lang"`
	// Slug is the entry's slug, for reason "state".
	Slug string `json:"slug,omitempty"`
	// ID is the message's ID, for reason "message".
	ID string `json:"id,omitempty"`
	// State is the translation's state, for reasons "state" and
	// "message".
	State string `json:"state,omitempty"`
	// Path is the translation's file, or where it belongs when missing,
	// for reasons "state" and "message".
	Path string `json:"path,omitempty"`
	// Line is the message's line in that file, for reason "message" when
	// the file has it.
	Line int `json:"line,omitempty"`
	// Coverage is the language's coverage in percent, for reason
	// "coverage" (0 included).
	Coverage *float64 `json:"coverage,omitempty"`
	// Min is the --min-coverage the language is below, in percent, for
	// reason "coverage".
	Min float64 `json:"min,omitempty"`
	// Message says what failed, in English.
	Message string `json:"message"`
}

// CheckJSONOut writes the check's JSON document (CheckJSON), its
// findings converted and written one at a time.
func CheckJSONOut(w io.Writer, c Check) error {
	doc := CheckJSON{Version: SchemaVersion, Findings: []FindingJSON{}, Languages: c.View.LanguagesJSON(), Catalogs: []CatalogJSON{}, Failures: []FailureJSON{}, Failed: c.Result.Failed,
		Suppressed: c.Suppressed}
	if c.Baseline != nil {
		doc.Absent = c.Baseline.Absent
	}
	doc.Baselined = c.baselinedCount()
	for _, f := range c.Result.Failures {
		fj := FailureJSON{Reason: f.Reason, Lang: f.Lang, Slug: f.Slug, State: string(f.State), Path: f.Path, Line: f.Line,
			Min: f.Min, Message: f.Message}
		if f.Reason == "coverage" {
			fj.Coverage = &f.Coverage
		}
		if f.Reason == "message" {
			fj.ID, fj.Slug = f.Slug, ""
		}
		doc.Failures = append(doc.Failures, fj)
	}
	return writeJSONStreamed(w, doc, "findings", func(emit func(any) error) error {
		for _, f := range c.Findings {
			err := emit(FindingJSON{Rule: f.Rule, Severity: string(f.Severity), Path: f.Path, Line: f.Line, Column: f.Column,
				Lang: f.Lang, Slug: f.Slug, Message: f.Message, Fix: f.Fix, Fingerprint: f.Fingerprint, Baseline: f.Baseline})
			if err != nil {
				return err
			}
		}
		return nil
	}, c.View.streamCatalogs())
}

// say words t in l's language, or gives english when t is empty, escaped
// as l escapes values (see printable.String).
func say(l *l10n.Localizer, t l10n.Text, english string) string {
	if t.IsZero() {
		return printable.String(english)
	}
	return l.Text(t)
}

// location formats path:line:col for text output, leaving out what is
// unknown; path is shown through printable.String.
func location(path string, line, col int) string {
	path = printable.String(path)
	switch {
	case line == 0:
		return path
	case col == 0:
		return fmt.Sprintf("%s:%d", path, line)
	}
	return fmt.Sprintf("%s:%d:%d", path, line, col)
}

// CheckText writes one line per finding, "path:line:col: severity: message
// [rule]", then one per failure, sorted. Findings a baseline accepts are
// not shown: the summary counts them.
func CheckText(w io.Writer, c Check) error {
	var b strings.Builder
	l := c.View.l()
	for _, f := range c.Findings {
		if baselined(f) {
			continue
		}
		// The severity stays in English: editors and CI parse these lines.
		sev := paint(c.View.Color, severityColor[string(f.Severity)], string(f.Severity))
		fmt.Fprintf(&b, "%s: %s: %s [%s]\n", location(f.Path, f.Line, f.Column), sev, say(l, f.Text, f.Message), f.Rule)
		if fix := say(l, f.FixText, f.Fix); fix != "" {
			fmt.Fprintf(&b, "    %s: %s\n", l.T("check.fix"), fix)
		}
	}
	for _, f := range c.Result.Failures {
		where, msg := printable.String(f.Path), ""
		switch f.Reason {
		case "message":
			if f.Line > 0 {
				where = location(f.Path, f.Line, 0)
			}
			id := "check.failMessage"
			if f.State == status.Orphan {
				id = "check.failMessageOrphan"
			}
			msg = l.T(id, "ID", displayID(f.Slug), "LangName", l.LangName(f.Lang), "State", c.View.stateName(f.State))
		case "coverage":
			where = "coverage " + printable.String(f.Lang)
			msg = l.T("check.failCoverage", "LangName", l.LangName(f.Lang), "Coverage", fmt.Sprintf("%.1f", f.Coverage), "Min", fmt.Sprintf("%g", f.Min))
		default:
			id := "check.failState"
			switch {
			case f.ProbablyStale:
				id = "check.failProbablyStale"
			case f.State == status.Orphan:
				id = "check.failOrphan"
			}
			msg = l.T(id, "Slug", f.Slug, "LangName", l.LangName(f.Lang), "State", c.View.stateName(f.State),
				"Why", l.T("reason."+string(f.Why), "Slug", f.Slug, "NewSlug", f.RenamedTo))
		}
		fmt.Fprintf(&b, "%s: %s: %s [%s]\n", where, paint(c.View.Color, red, l.T("check.fail")), msg, failureTag(f))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func failureTag(f gate.Failure) string {
	if f.Reason == "coverage" {
		return "min-coverage"
	}
	if f.ProbablyStale {
		return "probably-stale"
	}
	return "state:" + string(f.State)
}

// CheckGitHub writes GitHub Actions workflow commands, one per finding and
// failure: ::error file=…,line=…,col=…,title=rule::message. Findings a
// baseline accepts are left out: they would annotate every pull request.
func CheckGitHub(w io.Writer, c Check) error {
	var b strings.Builder
	for _, f := range c.Findings {
		if baselined(f) {
			continue
		}
		level := map[lint.Severity]string{lint.Error: "error", lint.Warning: "warning", lint.Info: "notice"}[f.Severity]
		props := []string{"file=" + ghProperty(f.Path)}
		if f.Line > 0 {
			props = append(props, fmt.Sprintf("line=%d", f.Line))
		}
		if f.Column > 0 {
			props = append(props, fmt.Sprintf("col=%d", f.Column))
		}
		props = append(props, "title="+ghProperty(f.Rule))
		msg := f.Message
		if f.Fix != "" {
			msg += "\nfix: " + f.Fix
		}
		fmt.Fprintf(&b, "::%s %s::%s\n", level, strings.Join(props, ","), ghData(msg))
	}
	for _, f := range c.Result.Failures {
		props := "title=" + ghProperty(failureTag(f))
		if f.Path != "" && f.Reason != "coverage" {
			loc := "file=" + ghProperty(f.Path)
			if f.Line > 0 {
				loc += fmt.Sprintf(",line=%d", f.Line)
			}
			props = loc + "," + props
		}
		fmt.Fprintf(&b, "::error %s::%s\n", props, ghData(f.Message))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// ghData escapes a workflow command's message: %, CR and LF as GitHub
// reads them back, then what a log would act on (ESC, BEL, C1 controls,
// bytes that are not UTF-8) as printable.String writes it.
func ghData(s string) string {
	return printable.String(ghDataEscaper.Replace(s))
}

// ghProperty escapes a workflow command's property value: also : and ,.
func ghProperty(s string) string {
	return printable.String(ghPropertyEscaper.Replace(s))
}

var (
	ghDataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	ghPropertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

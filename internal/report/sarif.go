package report

import (
	"io"
	"net/url"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/gate"
	"github.com/glosa/glosa/internal/lint"
)

// The SARIF log of check --format sarif: SARIF 2.1.0 (OASIS), one run. It
// is validated against the official JSON schema in a test, and shaped for
// GitHub code scanning, which wants a file location on every result.
const (
	sarifVersion = "2.1.0"
	sarifSchema  = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	// srcRoot is the uriBaseId of every location: the repository root.
	srcRoot = "%SRCROOT%"
	// InformationURI is glosa's home, and the README its documentation.
	InformationURI = "https://github.com/glosa/glosa"
	// docsURI is where docs/ reads on glosa's home.
	docsURI = InformationURI + "/blob/main/docs/"
	// StateRule and CoverageRule are the pseudo-rules of the failures that
	// are not findings: a translation or message in a --fail-on state (or
	// probably stale), and a language below --min-coverage. Lint rule IDs
	// have no slash, so these never collide with one.
	StateRule    = "glosa/state"
	CoverageRule = "glosa/min-coverage"
)

// SARIFOptions are what a SARIF log says about the run beyond the check.
type SARIFOptions struct {
	// Version is glosa's version, the driver's version.
	Version string
	// Rules are the lint rules the log describes; nil describes every
	// rule (lint.Rules).
	Rules []lint.Rule
}

// SARIFLog is a SARIF 2.1.0 log, the subset glosa writes.
type SARIFLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []SARIFRun `json:"runs"`
}

// SARIFRun is the one run of a log.
type SARIFRun struct {
	Tool               SARIFTool                        `json:"tool"`
	OriginalURIBaseIDs map[string]SARIFArtifactLocation `json:"originalUriBaseIds"`
	// ColumnKind says columns count Unicode code points, as glosa's do.
	ColumnKind string         `json:"columnKind"`
	Results    []SARIFResult  `json:"results"`
	Properties map[string]any `json:"properties"`
}

// SARIFTool names glosa and lists its rules.
type SARIFTool struct {
	Driver SARIFDriver `json:"driver"`
}

// SARIFDriver is glosa as a SARIF tool component.
type SARIFDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version"`
	InformationURI string      `json:"informationUri"`
	Rules          []SARIFRule `json:"rules"`
}

// SARIFRule is a reportingDescriptor: one lint rule or pseudo-rule.
type SARIFRule struct {
	ID               string       `json:"id"`
	ShortDescription SARIFMessage `json:"shortDescription"`
	FullDescription  SARIFMessage `json:"fullDescription"`
	// Help is the rule's doc, as text and as its Markdown page.
	Help                 *SARIFMessage      `json:"help,omitempty"`
	HelpURI              string             `json:"helpUri"`
	DefaultConfiguration SARIFConfiguration `json:"defaultConfiguration"`
}

// SARIFConfiguration is a rule's default level.
type SARIFConfiguration struct {
	Level string `json:"level"`
}

// SARIFMessage is a plain-text message, and Markdown for the viewers
// that render it.
type SARIFMessage struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

// SARIFResult is one finding or failure.
type SARIFResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex int             `json:"ruleIndex"`
	Level     string          `json:"level"`
	Message   SARIFMessage    `json:"message"`
	Locations []SARIFLocation `json:"locations"`
	// PartialFingerprints holds the finding's fingerprint under the key
	// lint.FingerprintScheme: code scanning matches results across runs
	// by it.
	PartialFingerprints map[string]string `json:"partialFingerprints,omitempty"`
	// BaselineState is "new" or "unchanged" when the check compared its
	// findings with a baseline.
	BaselineState string         `json:"baselineState,omitempty"`
	Properties    map[string]any `json:"properties,omitempty"`
}

// SARIFLocation is a result's place in a file.
type SARIFLocation struct {
	PhysicalLocation SARIFPhysicalLocation `json:"physicalLocation"`
}

// SARIFPhysicalLocation is a file and, when known, where in it.
type SARIFPhysicalLocation struct {
	ArtifactLocation SARIFArtifactLocation `json:"artifactLocation"`
	Region           *SARIFRegion          `json:"region,omitempty"`
}

// SARIFArtifactLocation is a path relative to the repository root.
type SARIFArtifactLocation struct {
	URI         string        `json:"uri,omitempty"`
	URIBaseID   string        `json:"uriBaseId,omitempty"`
	Description *SARIFMessage `json:"description,omitempty"`
}

// SARIFRegion is a 1-based line and column.
type SARIFRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

// sarifLevel maps a severity to a SARIF level.
func sarifLevel(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	}
	return "note"
}

// SARIFRules returns the rules a SARIF log lists: the lint rules given,
// as they declare themselves, then the pseudo-rules of the check's other
// failures.
func SARIFRules(rules []lint.Rule) []SARIFRule {
	var out []SARIFRule
	for _, r := range rules {
		full := sentence(r.Summary) + " Default severity: " + string(r.Severity) +
			"; configurable under rules: in glosa.yaml (off, error, warning, info"
		if len(r.Options) > 0 {
			names := make([]string, len(r.Options))
			for i, o := range r.Options {
				names[i] = o.Name
			}
			full += "; options: " + strings.Join(names, ", ")
		}
		full += ")."
		page := ruleMarkdown(r, "#")
		out = append(out, SARIFRule{
			ID:                   r.ID,
			ShortDescription:     SARIFMessage{Text: sentence(r.Summary)},
			FullDescription:      SARIFMessage{Text: full},
			Help:                 &SARIFMessage{Text: page, Markdown: page},
			HelpURI:              RuleHelpURI(r.ID),
			DefaultConfiguration: SARIFConfiguration{sarifLevel(r.Severity)},
		})
	}
	return append(out,
		SARIFRule{
			ID:               StateRule,
			ShortDescription: SARIFMessage{Text: "A translation or catalog message is in a state that --fail-on fails."},
			FullDescription: SARIFMessage{Text: "A translation (entry × language) or a catalog message is in a state named by --fail-on " +
				"(current, stale, missing, untranslated, unverified, orphan), or is probably stale by git history with " +
				"--fail-on probably-stale. The location is the translation's file, or where it belongs when it is missing."},
			HelpURI:              docsURI + "states.md",
			DefaultConfiguration: SARIFConfiguration{"error"},
		},
		SARIFRule{
			ID:               CoverageRule,
			ShortDescription: SARIFMessage{Text: "A language's coverage is below --min-coverage."},
			FullDescription: SARIFMessage{Text: "The share of a language's entries that are current is below the minimum " +
				"--min-coverage sets for it. The location is the configuration file, glosa.yaml."},
			HelpURI:              docsURI + "reference/commands/glosa_check.md",
			DefaultConfiguration: SARIFConfiguration{"error"},
		})
}

// sentence capitalises s and ends it with a period.
func sentence(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	s = string(unicode.ToUpper(r)) + s[n:]
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

// sarifURI turns a slash-separated path relative to the root into a URI
// reference: spaces, %, # and non-ASCII letters are percent-encoded.
func sarifURI(p string) string {
	return (&url.URL{Path: p}).String()
}

// sarifLocation locates a result in a file of the repository.
func sarifLocation(path string, line, col int) []SARIFLocation {
	pl := SARIFPhysicalLocation{ArtifactLocation: SARIFArtifactLocation{URI: sarifURI(path), URIBaseID: srcRoot}}
	if line > 0 {
		pl.Region = &SARIFRegion{StartLine: line}
		if col > 0 {
			pl.Region.StartColumn = col
		}
	}
	return []SARIFLocation{{PhysicalLocation: pl}}
}

// configPath is where results about the whole configuration are located:
// the configuration file when it is inside the repository, else where
// glosa.yaml belongs.
func (c Check) configPath() string {
	rep := c.View.Report
	if rep != nil && rep.Repo != nil && rep.Repo.Config != nil {
		f := rep.Repo.Config.File
		if f != "" && !filepath.IsAbs(f) {
			return f
		}
	}
	return config.FileName
}

// SARIF builds the SARIF log of a check: every finding, whatever --fail-on
// says, with its severity as level, then every failure that is not a
// finding as an error of a pseudo-rule (StateRule, CoverageRule).
func (c Check) SARIF(opts SARIFOptions) SARIFLog {
	lintRules := opts.Rules
	if lintRules == nil {
		lintRules = lint.Rules()
	}
	rules := SARIFRules(lintRules)
	index := map[string]int{}
	for i, r := range rules {
		index[r.ID] = i
	}
	ruleIndex := func(id string, sev lint.Severity) int {
		i, ok := index[id]
		if !ok { // a rule lint.Rules does not list: describe it by its ID
			i = len(rules)
			rules = append(rules, SARIFRule{ID: id, ShortDescription: SARIFMessage{Text: id}, FullDescription: SARIFMessage{Text: id},
				HelpURI: RuleHelpURI(id), DefaultConfiguration: SARIFConfiguration{sarifLevel(sev)}})
			index[id] = i
		}
		return i
	}
	results := []SARIFResult{}
	for _, f := range c.Findings {
		msg := f.Message
		props := map[string]any{"severity": string(f.Severity)}
		if f.Lang != "" {
			props["lang"] = f.Lang
		}
		if f.Slug != "" {
			props["slug"] = f.Slug
		}
		if f.Fix != "" {
			// glosa's fixes are advice, not edits of a known span: SARIF's
			// fixes need replacements, so the advice is a property, and in
			// the message for viewers that show only the message.
			props["fix"] = f.Fix
			msg += "\nfix: " + f.Fix
		}
		path := f.Path
		if path == "" {
			path = c.configPath()
		}
		r := SARIFResult{RuleID: f.Rule, RuleIndex: ruleIndex(f.Rule, f.Severity), Level: sarifLevel(f.Severity),
			Message: SARIFMessage{Text: msg}, Locations: sarifLocation(path, f.Line, f.Column), BaselineState: f.Baseline, Properties: props}
		if f.Fingerprint != "" {
			r.PartialFingerprints = map[string]string{lint.FingerprintScheme: f.Fingerprint}
		}
		results = append(results, r)
	}
	for _, f := range c.Result.Failures {
		results = append(results, sarifFailure(f, index, c.configPath()))
	}
	props := map[string]any{"failed": c.Result.Failed, "suppressed": c.Suppressed}
	if c.Baseline != nil {
		// Code scanning shows results, not their absence: the baseline's
		// findings that are gone are a count, not "absent" results.
		props["baselined"], props["baselineAbsent"] = c.baselinedCount(), c.Baseline.Absent
	}
	return SARIFLog{
		Schema:  sarifSchema,
		Version: sarifVersion,
		Runs: []SARIFRun{{
			Tool: SARIFTool{Driver: SARIFDriver{Name: "glosa", Version: opts.Version, InformationURI: InformationURI, Rules: rules}},
			OriginalURIBaseIDs: map[string]SARIFArtifactLocation{
				srcRoot: {Description: &SARIFMessage{Text: "The root of the repository glosa checked."}},
			},
			ColumnKind: "unicodeCodePoints",
			Results:    results,
			Properties: props,
		}},
	}
}

// sarifFailure is the result of a failure that is not a finding.
func sarifFailure(f gate.Failure, index map[string]int, configPath string) SARIFResult {
	props := map[string]any{"lang": f.Lang, "tag": failureTag(f)}
	rule, path, line := StateRule, f.Path, f.Line
	switch f.Reason {
	case "coverage":
		rule, path, line = CoverageRule, configPath, 0
		props["coverage"], props["min"] = f.Coverage, f.Min
	case "message":
		props["id"], props["state"] = f.Slug, string(f.State)
	default:
		props["slug"], props["state"] = f.Slug, string(f.State)
		if f.Why != "" {
			props["reason"] = string(f.Why)
		}
		if f.ProbablyStale {
			props["probablyStale"] = true
		}
	}
	if path == "" {
		path = configPath
	}
	return SARIFResult{RuleID: rule, RuleIndex: index[rule], Level: "error", Message: SARIFMessage{Text: f.Message},
		Locations: sarifLocation(path, line, 0), Properties: props}
}

// CheckSARIF writes the SARIF log of a check as indented JSON.
func CheckSARIF(w io.Writer, c Check, opts SARIFOptions) error {
	return WriteJSON(w, c.SARIF(opts))
}

// RuleHelpURI is the address of a lint rule's section of the generated
// reference, docs/reference/rules.md.
func RuleHelpURI(id string) string { return docsURI + "reference/rules.md#" + id }

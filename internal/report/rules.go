package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/lint"
)

// The renderers of the lint rules' declarations (see lint.Rule): the table
// and one rule's page of glosa rules, its JSON, and the Markdown reference
// that the docs and SARIF's help show. Summaries and docs are English, as
// the rules declare them; only the labels of the terminal page are worded
// in the user's language.

// RulesVersion is the version of the JSON of glosa rules --format json. It
// changes when a field changes meaning or goes away, not when one is added.
const RulesVersion = 1

// RulesJSON is the document of glosa rules --format json.
type RulesJSON struct {
	// Version is the version of the document's schema.
	Version int `json:"version"`
	// Rules are every lint rule sorted by ID, or the one glosa rules ID
	// names.
	Rules []RuleJSON `json:"rules"`
}

// RuleJSON is one lint rule as it declares itself.
type RuleJSON struct {
	// ID names the rule in glosa.yaml, findings and directives.
	ID string `json:"id"`
	// Severity is the rule's default severity: "error", "warning" or
	// "info".
	Severity string `json:"severity"`
	// Summary says in one line what the rule catches, in English.
	Summary string `json:"summary"`
	// Doc is the rule's manual, in Markdown and English.
	Doc string `json:"doc"`
	// Options are the rule's settings in glosa.yaml; [] when it has none.
	Options []OptionJSON `json:"options"`
}

// OptionJSON is one setting of a rule in glosa.yaml.
type OptionJSON struct {
	// Name is the option's key under the rule in glosa.yaml.
	Name string `json:"name"`
	// Kind is what values it takes: "int", "bool", "string", "severity",
	// "languages", "regexps", "hosts" or "host-locales".
	Kind string `json:"kind"`
	// Default is its value when glosa.yaml does not set it, as glosa.yaml
	// would write it; "" when it has no value by default.
	Default string `json:"default"`
	// Doc says what the option does, in Markdown and English.
	Doc string `json:"doc"`
}

// RulesDoc returns the JSON document of rules.
func RulesDoc(rules []lint.Rule) RulesJSON {
	doc := RulesJSON{Version: RulesVersion, Rules: []RuleJSON{}}
	for _, r := range rules {
		rj := RuleJSON{ID: r.ID, Severity: string(r.Severity), Summary: r.Summary, Doc: r.Doc, Options: []OptionJSON{}}
		for _, o := range r.Options {
			rj.Options = append(rj.Options, OptionJSON{Name: o.Name, Kind: string(o.Kind), Default: o.Default, Doc: o.Doc})
		}
		doc.Rules = append(doc.Rules, rj)
	}
	return doc
}

// RulesTable writes one line per rule: its ID, default severity and
// summary, in columns.
func RulesTable(w io.Writer, rules []lint.Rule) error {
	width := 0
	for _, r := range rules {
		width = max(width, len(r.ID))
	}
	var b strings.Builder
	for _, r := range rules {
		fmt.Fprintf(&b, "%-*s %-8s %s\n", width, r.ID, r.Severity, r.Summary)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// RuleText writes a rule's page for the terminal: its ID, severity and
// summary, its doc, its options, and how glosa.yaml configures it.
func RuleText(w io.Writer, l *l10n.Localizer, r lint.Rule) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n%s\n%s\n\n%s\n", r.ID, l.T("rules.severity", "Severity", string(r.Severity)), r.Summary,
		strings.TrimSpace(r.Doc))
	if len(r.Options) > 0 {
		fmt.Fprintf(&b, "\n%s\n", l.T("rules.options"))
		for _, o := range r.Options {
			def := l.T("rules.noDefault")
			if o.Default != "" {
				def = l.T("rules.default", "Default", o.Default)
			}
			fmt.Fprintf(&b, "  %s (%s; %s)\n      %s\n", o.Name, o.Kind.Doc(), def, o.Doc)
		}
	}
	fmt.Fprintf(&b, "\n%s\n\n%s", l.T("rules.configure"), RuleConfigYAML(r))
	_, err := io.WriteString(w, b.String())
	return err
}

// RuleConfigYAML is a glosa.yaml snippet that configures the rule: its
// severity and each option at its default (commented out when it has
// none).
func RuleConfigYAML(r lint.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "rules:\n  %s:\n    severity: %s  # or off, error, warning, info\n", r.ID, r.Severity)
	for _, o := range r.Options {
		if o.Default == "" {
			fmt.Fprintf(&b, "    # %s: %s\n", o.Name, o.Kind.Doc())
			continue
		}
		fmt.Fprintf(&b, "    %s: %s\n", o.Name, o.Default)
	}
	return b.String()
}

// RulesMarkdown writes the reference page of the rules: a table of them,
// then each rule's section (see RuleMarkdown).
func RulesMarkdown(w io.Writer, rules []lint.Rule) error {
	var b strings.Builder
	b.WriteString("# Lint rules\n\n" +
		"Generated from the rules' declarations (`glosa rules --format markdown`); do not edit.\n\n" +
		"| rule | default severity | what it catches |\n|---|---|---|\n")
	for _, r := range rules {
		fmt.Fprintf(&b, "| [`%s`](#%s) | %s | %s |\n", r.ID, r.ID, r.Severity, mdCell(r.Summary))
	}
	for _, r := range rules {
		b.WriteString("\n")
		b.WriteString(ruleMarkdown(r, "##"))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// RuleMarkdown writes one rule's reference page.
func RuleMarkdown(w io.Writer, r lint.Rule) error {
	_, err := io.WriteString(w, ruleMarkdown(r, "#"))
	return err
}

// ruleMarkdown is a rule's section under a heading of the level h (#, ##).
func ruleMarkdown(r lint.Rule, h string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s\n\nDefault severity: **%s**. %s\n\n%s\n", h, r.ID, r.Severity, sentence(r.Summary), strings.TrimSpace(r.Doc))
	if len(r.Options) > 0 {
		fmt.Fprintf(&b, "\n%s# Options\n\n| option | kind | default | what it does |\n|---|---|---|---|\n", h)
		for _, o := range r.Options {
			def := "none"
			if o.Default != "" {
				def = "`" + o.Default + "`"
			}
			fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", o.Name, mdCell(o.Kind.Doc()), def, mdCell(o.Doc))
		}
	}
	fmt.Fprintf(&b, "\n%s# Configuration\n\n```yaml\n%s```\n", h, RuleConfigYAML(r))
	return b.String()
}

// mdCell escapes what would end a Markdown table cell.
func mdCell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s)
}

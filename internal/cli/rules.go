package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/glosa/glosa/internal/iostreams"
	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/lint"
	"github.com/glosa/glosa/internal/report"
)

func newRulesCmd(ios *iostreams.IOStreams, g *globals) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "rules [ID]",
		Short: "List the lint rules with their default severities, or show one rule's documentation",
		Long: `With no ID, lists every lint rule: its ID, default severity and summary.
With an ID, shows the rule's page: its documentation, its options (kind,
default, what each does) and how to configure it in glosa.yaml.

--format json is a versioned API, every rule or the one named (its schema is
docs/reference/rules.schema.json); --format markdown is the reference page of
every rule, or of the one named.`,
		Example: "  glosa rules\n  glosa rules same-as-source\n  glosa rules --format json",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usage(g.l, "usage.rulesArgs", "Args", fmt.Sprintf("%q", strings.Join(args, " ")))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			rules := lint.Rules()
			if len(args) == 1 {
				r, ok := lint.Lookup(args[0])
				if !ok {
					if near := lint.Nearest(args[0]); len(near) > 0 {
						return usage(g.l, "usage.ruleNear", "Rule", args[0], "Rules", strings.Join(near, ", "))
					}
					ids := make([]string, len(rules))
					for i, r := range rules {
						ids[i] = r.ID
					}
					return usage(g.l, "usage.rule", "Rule", args[0], "Rules", strings.Join(ids, ", "))
				}
				rules = []lint.Rule{r}
			}
			return rulesOutputs.write(ios.Out, format, rulesView{rules: rules, one: len(args) == 1, l: g.l})
		},
	}
	rulesOutputs.flag(cmd, g.l, &format, "output `format`")
	return cmd
}

// rulesView is what glosa rules shows: every rule, or the one named.
type rulesView struct {
	rules []lint.Rule
	one   bool
	l     *l10n.Localizer
}

// rulesOutputs are glosa rules' output formats: a table of every rule or
// one rule's page, as text or Markdown, or the versioned JSON document.
var rulesOutputs = outputs[rulesView]{
	{"text", func(w io.Writer, v rulesView) error {
		if v.one {
			return report.RuleText(w, v.l, v.rules[0])
		}
		return report.RulesTable(w, v.rules)
	}},
	{"json", func(w io.Writer, v rulesView) error { return report.WriteJSON(w, report.RulesDoc(v.rules)) }},
	{"markdown", func(w io.Writer, v rulesView) error {
		if v.one {
			return report.RuleMarkdown(w, v.rules[0])
		}
		return report.RulesMarkdown(w, v.rules)
	}},
}

package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/glosa/glosa/internal/iostreams"
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

--format json is a versioned API ({"version": 1, "rules": [...]}, every rule
or the one named); --format markdown is the reference page of every rule, or
of the one named.`,
		Example: "  glosa rules\n  glosa rules same-as-source\n  glosa rules --format json",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usage(g.l, "usage.rulesArgs", "Args", fmt.Sprintf("%q", strings.Join(args, " ")))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(g.l, format, "text", "json", "markdown"); err != nil {
				return err
			}
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
			switch {
			case format == "json":
				return report.WriteJSON(ios.Out, report.RulesDoc(rules))
			case format == "markdown" && len(args) == 1:
				return report.RuleMarkdown(ios.Out, rules[0])
			case format == "markdown":
				return report.RulesMarkdown(ios.Out, rules)
			case len(args) == 1:
				return report.RuleText(ios.Out, g.l, rules[0])
			}
			return report.RulesTable(ios.Out, rules)
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output `format`: text, json, markdown")
	return cmd
}

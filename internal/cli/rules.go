package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/glosa/glosa/internal/iostreams"
	"github.com/glosa/glosa/internal/lint"
)

func newRulesCmd(ios *iostreams.IOStreams, g *globals) *cobra.Command {
	return &cobra.Command{
		Use:     "rules",
		Short:   "List the lint rules with their default severities",
		Example: "  glosa rules",
		Args:    g.noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			width := 0
			for _, r := range lint.Rules() {
				width = max(width, len(r.ID))
			}
			for _, r := range lint.Rules() {
				fmt.Fprintf(ios.Out, "%-*s %-8s %s\n", width, r.ID, r.Severity, r.Summary)
			}
			return nil
		},
	}
}

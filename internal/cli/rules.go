package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/glosa/glosa/internal/iostreams"
	"github.com/glosa/glosa/internal/lint"
)

func newRulesCmd(ios *iostreams.IOStreams) *cobra.Command {
	return &cobra.Command{
		Use:     "rules",
		Short:   "List the lint rules with their default severities",
		Example: "  glosa rules",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			for _, r := range lint.Rules() {
				fmt.Fprintf(ios.Out, "%-16s %-8s %s\n", r.ID, r.Severity, r.Summary)
			}
			return nil
		},
	}
}

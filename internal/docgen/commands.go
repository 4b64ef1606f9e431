package docgen

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"

	"github.com/glosa/glosa/internal/cli"
)

// commandDir is where the page of each command goes, under Dir.
const commandDir = "commands/"

// rootCommand returns glosa's command tree as a user meets it: with the
// --version flag and the completion command cobra adds when it runs, and
// without cobra's dated "Auto generated" line, so that pages are stable.
func rootCommand() *cobra.Command {
	root := cli.Command()
	root.InitDefaultVersionFlag()
	root.InitDefaultCompletionCmd()
	visit(root, func(c *cobra.Command) { c.DisableAutoGenTag = true })
	return root
}

// visit calls f on c and every command under it that a user can run or
// ask help for, parents first, children sorted by name (as cobra's
// Commands returns them).
func visit(c *cobra.Command, f func(*cobra.Command)) {
	f(c)
	for _, sub := range c.Commands() {
		if sub.IsAvailableCommand() && !sub.IsAdditionalHelpTopicCommand() {
			visit(sub, f)
		}
	}
}

// commandFile is the name of a command's page under commandDir, as
// cobra's doc.GenMarkdownTree names it (glosa_check.md).
func commandFile(c *cobra.Command) string {
	return strings.ReplaceAll(c.CommandPath(), " ", "_") + ".md"
}

// commandPages returns one page per command, written by cobra's Markdown
// generator: what doc.GenMarkdownTreeCustom writes, as pages in memory.
func commandPages() []Page {
	var pages []Page
	visit(rootCommand(), func(c *cobra.Command) {
		pages = append(pages, Page{Name: commandDir + commandFile(c), Write: func(w io.Writer) error {
			var b bytes.Buffer
			b.WriteString(generated)
			if err := doc.GenMarkdownCustom(c, &b, func(s string) string { return s }); err != nil {
				return err
			}
			_, err := w.Write(bytes.TrimRight(b.Bytes(), "\n"))
			if err == nil {
				_, err = io.WriteString(w, "\n")
			}
			return err
		}})
	})
	return pages
}

// commandsIntro opens the commands page, after the root command's Long.
const commandsIntro = "Every command works on the repository in the current directory (or `-C DIR`) and reads\n" +
	"`glosa.yaml` there if present. Each command's page gives its synopsis, examples and flags,\n" +
	"as `glosa COMMAND --help` prints them.\n\n"

// writeCommands writes the overview of the commands: each with its
// one-line summary, linked to its page, and the flags every command takes.
func writeCommands(b *bytes.Buffer) error {
	root := rootCommand()
	fmt.Fprintf(b, "%s\n\n%s", root.Long, commandsIntro)
	b.WriteString("| command | what it does |\n|---|---|\n")
	visit(root, func(c *cobra.Command) {
		if c == root {
			return
		}
		fmt.Fprintf(b, "| [`%s`](%s%s) | %s |\n", c.CommandPath(), commandDir, commandFile(c), escapeCell(c.Short))
	})
	b.WriteString("\n## Flags of every command\n\n```\n")
	b.WriteString(root.PersistentFlags().FlagUsages())
	b.WriteString("```\n\n")
	fmt.Fprintf(b, "See [`glosa`](%s%s) for the root command's own page.\n", commandDir, commandFile(root))
	return nil
}

package cli

import (
	"slices"
	"strings"

	"github.com/spf13/cobra"
)

// Dynamic shell completion (cobra's __complete, behind glosa completion
// SHELL): slugs for diff, the project's languages for --lang. The project
// is loaded as a report loads it, from glosa's cache, with no progress bar
// and no warning; a project that does not load completes nothing, without
// a word, and the shell offers no file names instead.

// completeLangs makes --lang, on every command of root that has it,
// complete the project's translation languages: after the last comma of
// what is typed, for a list.
func completeLangs(root *cobra.Command, g *globals) {
	for _, cmd := range root.Commands() {
		f := cmd.Flags().Lookup("lang")
		if f == nil {
			continue
		}
		completeFunc(cmd, "lang", f.Value.Type() == "stringSlice", func() []string {
			p := g.loadQuiet()
			if p == nil {
				return nil
			}
			return p.Report.TranslationLanguages()
		})
	}
}

// completeSlugs completes diff's argument: the slugs of the project's
// entries that start with what is typed, or, when none does, the files it
// may name (diff takes a path too).
func (g *globals) completeSlugs(_ *cobra.Command, args []string, typed string) ([]cobra.Completion, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	p := g.loadQuiet()
	if p == nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []cobra.Completion
	seen := map[string]bool{}
	for _, e := range p.Repo.Entries {
		if !seen[e.Slug] && strings.HasPrefix(e.Slug, typed) {
			seen[e.Slug] = true
			out = append(out, e.Slug)
		}
	}
	if len(out) == 0 {
		return nil, cobra.ShellCompDirectiveDefault
	}
	slices.Sort(out)
	return out, cobra.ShellCompDirectiveNoFileComp
}

// loadQuiet loads the project for completion: from the cache, saying
// nothing on stderr, without the words left to translate, which no
// completion shows; nil when it does not load.
func (g *globals) loadQuiet() *project {
	g.progress, g.errOut = nil, nil
	p, err := g.loadFor(true, false, true)
	if err != nil {
		return nil
	}
	return p
}

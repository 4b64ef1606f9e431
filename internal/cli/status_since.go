package cli

import (
	"errors"
	"io"
	"slices"
	"strings"

	"github.com/glosa/glosa/internal/iostreams"
	"github.com/glosa/glosa/internal/lint"
	"github.com/glosa/glosa/internal/report"
	"github.com/glosa/glosa/internal/since"
	"github.com/glosa/glosa/internal/workspace"
)

// sinceOutputs are status --since's output formats: status's but CSV.
var sinceOutputs = outputs[report.SinceView]{
	{"text", report.SinceText},
	{"json", func(w io.Writer, v report.SinceView) error { return report.WriteJSON(w, v.SinceDocument()) }},
	{"markdown", report.SinceMarkdown},
}

// statusSince shows what the changes since the revision ref did to the
// translations. It is never replayed: the revision's files are not among
// what a replayed run's key reads.
func statusSince(ios *iostreams.IOStreams, g *globals, opts *statusOptions, changed func(flag string) bool) error {
	for _, name := range []string{"state", "by"} {
		if changed(name) {
			return usage(g.l, "usage.sinceWith", "Flag", name)
		}
	}
	if !sinceOutputs.has(opts.format) {
		return usage(g.l, "usage.sinceFormat", "Format", opts.format, "Formats", strings.Join(sinceOutputs.names(), ", "))
	}
	g.showProgress(ios, opts.format)
	p, langs, err := g.loadLangsCached(opts.langs)
	if err != nil {
		return err
	}
	diff, commit, err := g.sinceDiff(p, opts.since)
	if err != nil {
		return err
	}
	v := report.SinceView{Diff: diff, Ref: opts.since, Commit: commit, Langs: langs,
		RepoURL: p.Config.RepoURL, Color: ios.ColorEnabled(), L: g.l}
	p.warnProblems(ios)
	return sinceOutputs.write(ios.Out, opts.format, v)
}

// sinceDiff loads the project as it was at the revision ref, with p's
// configuration, and compares its states with p's; commit is ref's full
// hash.
func (g *globals) sinceDiff(p *project, ref string) (diff *since.Diff, commit string, err error) {
	root, err := g.rootDir()
	if err != nil {
		return nil, "", err
	}
	at, commit, err := workspace.LoadAt(workspace.Options{Root: root, Config: p.Config, Reporting: true}, ref)
	if err != nil {
		return nil, "", sinceError(g, err)
	}
	defer at.Close()
	return since.Compare(at.Report, p.Report), commit, nil
}

// sinceError words an error of --since REF: a revision git does not know,
// or that a shallow clone lacks, is a usage error.
func sinceError(g *globals, err error) error {
	var re *workspace.RefError
	switch {
	case errors.As(err, &re) && re.Shallow:
		return usage(g.l, "usage.sinceShallow", "Ref", re.Ref)
	case errors.As(err, &re):
		return usage(g.l, "usage.sinceUnknown", "Ref", re.Ref)
	}
	return err
}

// changedSince keeps the findings in files that differ between the
// revision ref and the work tree (see workspace.ChangedSince).
func changedSince(g *globals, root, ref string, findings []lint.Finding) ([]lint.Finding, error) {
	changed, err := workspace.ChangedSince(root, ref)
	if err != nil {
		return nil, sinceError(g, err)
	}
	return slices.DeleteFunc(findings, func(f lint.Finding) bool { return !changed[f.Path] }), nil
}

package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/glosa/glosa/internal/atomicfile"
	"github.com/glosa/glosa/internal/baseline"
	"github.com/glosa/glosa/internal/gate"
	"github.com/glosa/glosa/internal/iostreams"
	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/lint"
	"github.com/glosa/glosa/internal/report"
)

type checkOptions struct {
	failOn        []string
	minCoverage   string
	langs         []string
	format        string
	output        string
	baseline      string
	writeBaseline string
	since         string
}

func newCheckCmd(ios *iostreams.IOStreams, g *globals) *cobra.Command {
	opts := &checkOptions{}
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Lint translations and gate CI on findings, states and coverage",
		Long: `check runs every lint rule and prints the findings, sorted by path and line.
It exits 1 when a finding is at or above --fail-on's severity, a translation
is in a --fail-on state, or a language is below --min-coverage; 0 otherwise.

With --output FILE the --format output goes to FILE (relative to the current
directory, also with -C) and the text report to stdout, so CI keeps a log
and uploads the file.

With --baseline FILE the findings FILE records are accepted: they are
counted, not shown, and do not fail the check; only new findings do.
--write-baseline FILE records today's findings in FILE and accepts them.`,
		Example: `  glosa check
  glosa check --fail-on warning,stale,missing
  glosa check --min-coverage es=90,en=80
  glosa check --format github
  glosa check --format sarif --output glosa.sarif
  glosa check --format junit --output glosa-junit.xml
  glosa check --write-baseline glosa-baseline.json
  glosa check --baseline glosa-baseline.json`,
		Args: g.noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return checkRun(ios, g, opts)
		},
	}
	f := cmd.Flags()
	enumListFlag(cmd, g.l, &opts.failOn, "fail-on", []string{"error"}, "fail on findings of these `severities` and up, and on these states (warning,stale,missing; none)", gate.FailOnValues()...)
	f.StringVar(&opts.minCoverage, "min-coverage", "", "fail when coverage is below `PCT` (90, or es=90,it=80)")
	f.StringSliceVar(&opts.langs, "lang", nil, "check only these `languages` (es,it)")
	checkOutputs.flag(cmd, g.l, &opts.format, "output `format`")
	f.StringVarP(&opts.output, "output", "o", "", "write the --format output to `FILE` (- for stdout) and the text report to stdout")
	f.StringVar(&opts.baseline, "baseline", "", "accept the findings `FILE` records: fail only on new ones")
	f.StringVar(&opts.writeBaseline, "write-baseline", "", "record every finding in `FILE` and accept them")
	f.StringVar(&opts.since, "since", "", "show and count only the findings in files changed since this git `revision` (a pull request's base); states and coverage are judged whole")
	return cmd
}

// checkRun runs the check through the whole-result cache (see replayed)
// unless it writes a file.
func checkRun(ios *iostreams.IOStreams, g *globals, opts *checkOptions) error {
	run := func() error { return checkShow(ios, g, opts) }
	// --since is never replayed: where the revision points is not among
	// what a replayed run's key reads.
	if (opts.output != "" && opts.output != "-") || opts.writeBaseline != "" || opts.since != "" {
		return run()
	}
	var extra []string
	if opts.baseline != "" {
		f, ok := fileField("--baseline", opts.baseline)
		if !ok {
			return run()
		}
		extra = append(extra, f)
	}
	return g.replayed(ios, run, extra...)
}

// checkShow loads the project, runs the rules, judges and prints.
func checkShow(ios *iostreams.IOStreams, g *globals, opts *checkOptions) error {
	policy, err := gate.ParseFailOn(strings.Join(opts.failOn, ","))
	if err != nil {
		return &usageError{err}
	}
	if policy.MinCoverage, err = gate.ParseMinCoverage(opts.minCoverage); err != nil {
		return &usageError{err}
	}
	toFile, outPath := opts.output != "" && opts.output != "-", ""
	if toFile {
		if outPath, err = outputPath(g.l, "--output", opts.output); err != nil {
			return err
		}
	}
	if opts.since != "" && opts.writeBaseline != "" {
		return usage(g.l, "usage.sinceWith", "Flag", "write-baseline")
	}
	var base *baseline.Accepted
	if opts.baseline != "" {
		if base, err = readBaseline(g.l, opts.baseline); err != nil {
			return err
		}
	}
	basePath := ""
	if opts.writeBaseline != "" {
		if basePath, err = outputPath(g.l, "--write-baseline", opts.writeBaseline); err != nil {
			return err
		}
	}
	if toFile {
		g.showProgress(ios, "text")
	} else {
		g.showProgress(ios, opts.format)
	}
	// Only the JSON output's summary shows the words left to translate:
	// the other formats do without reading the versions the stale
	// translations were made from.
	p, err := g.loadChecking(opts.format == "json")
	if err != nil {
		return err
	}
	if err := outputWritable(p.Root, "--output", opts.output, outPath); err != nil {
		return err
	}
	if err := outputWritable(p.Root, "--write-baseline", opts.writeBaseline, basePath); err != nil {
		return err
	}
	p.warnHistory(ios.ErrOut)
	for code := range policy.MinCoverage {
		if code != "*" && !slices.Contains(p.Report.Targets(), code) {
			return usage(g.l, "usage.minCoverageNotLang", "Lang", code)
		}
	}
	langs, err := p.parseLangs(opts.langs)
	if err != nil {
		return err
	}
	for code := range policy.MinCoverage {
		if code != "*" && len(langs) > 0 && !slices.Contains(langs, code) {
			return usage(g.l, "usage.minCoverageNotInLang", "Lang", code, "Langs", strings.Join(langs, ", "))
		}
	}
	// A gate that passes because it found nothing to check hides a wrong
	// layout; say so.
	p.warnNoEntries(ios)
	checked := p.Linter.Check(p.Report)
	if opts.since != "" {
		if checked.Findings, err = changedSince(g, p.Root, opts.since, checked.Findings); err != nil {
			return err
		}
	}
	j := gate.Judge(checked.Findings, p.Report, gate.Options{Policy: policy, Baseline: base, WriteBaseline: basePath != "", Langs: langs})
	if j.Record != nil {
		if err := writeOutput(p.Root, "--write-baseline", opts.writeBaseline, basePath, j.Record.Encode()); err != nil {
			return err
		}
	}
	c := report.Check{View: report.View{Report: j.Report, Color: ios.ColorEnabled(), L: g.l}, Findings: j.Findings, Result: j.Result,
		Suppressed: checked.Suppressed, Baseline: j.Baseline}
	if toFile {
		// The file gets the chosen format, plain; stdout the text report,
		// coloured on a terminal.
		plain := c
		plain.View.Color = false
		var buf bytes.Buffer
		if err := checkOutputs.write(&buf, opts.format, judged{plain, policy}); err != nil {
			return err
		}
		if err := writeOutput(p.Root, "--output", opts.output, outPath, buf.Bytes()); err != nil {
			return err
		}
		err = report.CheckText(ios.Out, c)
	} else {
		err = checkOutputs.write(ios.Out, opts.format, judged{c, policy})
	}
	if err != nil {
		return err
	}
	if basePath != "" {
		fmt.Fprintf(ios.ErrOut, "glosa: %s\n", g.l.N("check.baselineWritten", len(checked.Findings), "File", opts.writeBaseline))
	}
	summarise(ios, g.l, j.Gated, len(j.Findings)-len(j.Gated), j.Baseline != nil, j.Result, policy)
	if j.Result.Failed {
		return errFailed
	}
	return nil
}

// judged is a check to write, with the policy it was judged by.
type judged struct {
	report.Check
	policy gate.Policy
}

// checkOutputs are check's output formats.
var checkOutputs = outputs[judged]{
	{"text", func(w io.Writer, c judged) error { return report.CheckText(w, c.Check) }},
	{"json", func(w io.Writer, c judged) error { return report.CheckJSONOut(w, c.Check) }},
	{"github", func(w io.Writer, c judged) error { return report.CheckGitHub(w, c.Check) }},
	{"sarif", func(w io.Writer, c judged) error {
		return report.CheckSARIF(w, c.Check, report.SARIFOptions{Version: version()})
	}},
	{"junit", func(w io.Writer, c judged) error { return report.CheckJUnit(w, c.Check, c.policy) }},
}

// outputPath resolves the file a flag (--output, --write-baseline) names,
// before the check runs, so that a name glosa cannot write fails fast, as
// a usage error. The user named the file, so it may be anywhere: it is
// resolved against the working directory, not -C. A file that is a
// symbolic link is refused: a pull request can commit one at the name CI
// writes (glosa.sarif) pointing at any file CI may write.
func outputPath(l *l10n.Localizer, flag, name string) (string, error) {
	p, err := filepath.Abs(name)
	if err != nil {
		return "", &usageError{fmt.Errorf("%s %s: %w", flag, name, err)}
	}
	if fi, err := os.Lstat(p); err == nil && fi.Mode()&os.ModeSymlink != 0 {
		return "", usage(l, "usage.fileSymlink", "Flag", flag, "File", name)
	}
	if fi, err := os.Stat(p); err == nil && fi.IsDir() {
		return "", usage(l, "usage.fileFolder", "Flag", flag, "File", name)
	}
	if _, err := os.Stat(filepath.Dir(p)); err != nil {
		return "", usage(l, "usage.fileDir", "Flag", flag, "File", name, "Dir", filepath.Dir(name), "Error", pathErr(err))
	}
	return p, nil
}

// outputWritable checks, once the repository at repo is known and before
// the check runs, the file of a flag at p from outputPath (none when p is
// empty): inside the repository, no link on its way may lead out of it
// (a pull request can commit reports/ as a link to a folder CI may
// write), nor into .git; outside it, the user named the file, links and
// all. Such a file is a usage error.
func outputWritable(repo, flag, name, p string) error {
	if p == "" {
		return nil
	}
	root, rel := outputIn(repo, p)
	if _, err := atomicfile.Writable(root, rel); err != nil {
		return &usageError{outputError(flag, name, err)}
	}
	return nil
}

// outputIn returns the folder by which the file at p is written and p's
// path in it (see atomicfile.Locate).
func outputIn(repo, p string) (root, rel string) {
	root, dir := atomicfile.Locate(repo, filepath.Dir(p))
	return root, path.Join(dir, filepath.Base(p))
}

// outputError words the error of a write of a flag's file that atomicfile
// refused.
func outputError(flag, name string, err error) error {
	switch {
	case errors.Is(err, atomicfile.ErrSymlink):
		return l10n.Wrap(err, "usage.fileSymlink", "Flag", flag, "File", name)
	case errors.Is(err, atomicfile.ErrOutsideRoot), errors.Is(err, atomicfile.ErrBrokenSymlink):
		return l10n.Wrap(err, "write.outside", "Path", name)
	}
	return fmt.Errorf("%s %s: %w", flag, name, pathErr(err))
}

// writeOutput writes the file of a flag, at p from outputPath, atomically:
// inside the repository at repo by the repository's rules, elsewhere in
// the folder the user named.
func writeOutput(repo, flag, name, p string, data []byte) error {
	root, rel := outputIn(repo, p)
	if err := atomicfile.Write(root, rel, data); err != nil {
		return outputError(flag, name, err)
	}
	return nil
}

// linkRefused returns the error of a write that atomicfile refused because
// the file, shown as the user named it, is a symbolic link; err as it is
// otherwise. The link may point anywhere: it is named, not followed.
func linkRefused(shown string, err error) error {
	refused := errors.Is(err, atomicfile.ErrSymlink) || errors.Is(err, atomicfile.ErrOutsideRoot) || errors.Is(err, atomicfile.ErrBrokenSymlink)
	if fi, lerr := os.Lstat(shown); refused && lerr == nil && fi.Mode()&os.ModeSymlink != 0 {
		return l10n.Wrap(err, "write.symlink", "Path", shown)
	}
	return err
}

// readBaseline reads --baseline's file, relative to the working directory
// as --output's is, and keeps only what the check applies. A file that is
// missing or malformed is a usage error.
func readBaseline(l *l10n.Localizer, name string) (*baseline.Accepted, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, &usageError{fmt.Errorf("--baseline %s: %w", name, pathErr(err))}
	}
	b, err := baseline.Decode(data)
	if err != nil {
		return nil, &usageError{errors.New("--baseline " + l.Error(l10n.FileError(name, err)))}
	}
	return b.Accepted(), nil
}

// pathErr is the reason an operation on a path failed, without the path
// (which may name a temporary file).
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// summarise prints one line on stderr: what was found and whether it
// fails. fs are the findings that count; a baseline accepted baselined
// more, which the line says when there is a baseline.
func summarise(ios *iostreams.IOStreams, l *l10n.Localizer, fs []lint.Finding, baselined int, withBaseline bool, r gate.Result, p gate.Policy) {
	count := map[lint.Severity]int{}
	for _, f := range fs {
		count[f.Severity]++
	}
	msg := l.N("summary.findings", len(fs),
		"Errors", l.N("summary.errors", count[lint.Error]),
		"Warnings", l.N("summary.warnings", count[lint.Warning]),
		"Infos", l.N("summary.infos", count[lint.Info]))
	if withBaseline {
		msg = l.T("summary.and", "A", msg, "B", l.N("summary.baselined", baselined))
	}
	if !r.Failed {
		fmt.Fprintf(ios.ErrOut, "glosa: %s\n", l.T("summary.passed", "Findings", msg))
		return
	}
	var why []string
	if r.Failing > 0 {
		why = append(why, l.T("summary.atOrAbove", "Count", r.Failing, "Severity", p.Severity))
	}
	if len(r.Failures) > 0 {
		why = append(why, l.N("summary.failures", len(r.Failures)))
	}
	joined := why[0]
	if len(why) == 2 {
		joined = l.T("summary.and", "A", why[0], "B", why[1])
	}
	fmt.Fprintf(ios.ErrOut, "glosa: %s\n", l.T("summary.failed", "Findings", msg, "Why", joined))
}

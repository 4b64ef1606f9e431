package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/glosa/glosa/internal/atomicfile"
	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/iostreams"
	"github.com/glosa/glosa/internal/report"
	"github.com/glosa/glosa/internal/stampplan"
)

type stampOptions struct {
	langs  []string
	all    bool
	dryRun bool
	paths  []string
	format string
	minor  bool
}

func newStampCmd(ios *iostreams.IOStreams, g *globals) *cobra.Command {
	opts := &stampOptions{}
	cmd := &cobra.Command{
		Use:   "stamp [PATH...]",
		Short: "Record that translations are done: write the source hash into them",
		Long: `stamp writes a translation record into each translation's front matter:

  translation:
    source: it
    hash: sha256-…

so that glosa can tell later whether the source has changed since. Only the
record's lines change; every other byte of the file stays as it was. Drafts,
text identical to the source and files that cannot be parsed are skipped.

With --minor SLUG..., the source of each slug was edited trivially (a typo,
a link) and its translations need no re-translation: every translation
that was current against the source's previous version (HEAD's when the
source differs from HEAD, else the one before its last commit) gets its
record moved forward to the source as it is now, and the line printed names
the hash it moved from; the others are left as they were, each named on
stderr. A source with no earlier version is refused (exit 2). To mark a
commit instead, end its message with the trailer Glosa: minor (the minor key
of glosa.yaml).

stdout gets a line per file stamped, or with --format json a document of
what was stamped and what was skipped, with why (docs/reference/json.md).`,
		Example: `  glosa stamp content/es/llm.md
  glosa stamp --lang es
  glosa stamp --all --dry-run
  glosa stamp --minor llm`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.paths = args
			n := 0
			if len(args) > 0 {
				n++
			}
			if len(opts.langs) > 0 {
				n++
			}
			if opts.all {
				n++
			}
			if opts.minor && (len(args) == 0 || n != 1) {
				return usage(g.l, "usage.stampMinor")
			}
			if n != 1 {
				return usage(g.l, "usage.stampOne")
			}
			return stampRun(ios, g, opts)
		},
	}
	f := cmd.Flags()
	f.StringSliceVar(&opts.langs, "lang", nil, "stamp every translation in these `languages`")
	f.BoolVar(&opts.all, "all", false, "stamp every translation in every language")
	f.BoolVarP(&opts.dryRun, "dry-run", "n", false, "print what would be stamped and change nothing")
	f.BoolVar(&opts.minor, "minor", false, "the arguments are slugs whose source was edited trivially: move forward the records of their translations current before the edit")
	stampOutputs.flag(cmd, g.l, &opts.format, "summary `format`")
	return cmd
}

// stampOutputs are the formats of stamp's summary.
var stampOutputs = outputs[report.StampView]{
	{"text", report.StampText},
	{"json", report.StampJSONOut},
}

func stampRun(ios *iostreams.IOStreams, g *globals, opts *stampOptions) error {
	p, langs, err := g.loadLangs(opts.langs)
	if err != nil {
		return err
	}
	explicit := len(opts.paths) > 0 && !opts.minor
	var targets stampplan.Targets
	if explicit {
		for _, arg := range opts.paths {
			rel, err := p.relPath(arg)
			if err != nil {
				return err
			}
			if !targets.Find(p.Report, rel) {
				return p.notTranslation(rel, "usage.stampSource")
			}
		}
	} else if !opts.minor { // --minor plans each slug's source (minorPlan)
		targets = stampplan.Select(p.Report, langs, opts.all)
	}
	var hist stampplan.History
	if p.History != nil {
		hist = p.History
	}
	plan := stampplan.Make(p.Report, p.Config, hist, targets)
	if opts.minor {
		if plan, err = p.minorPlan(opts.paths); err != nil {
			return err
		}
	}
	v := report.StampView{DryRun: opts.dryRun, L: p.l}
	skipped := 0
	var wrote []string
	defer func() { atomicfile.SyncDirs(p.Root, wrote) }()
	for _, step := range plan.Steps {
		if s := step.Skip; s != nil {
			warnf(ios.ErrOut, "%s", p.stampSkip(s))
			v.Skipped = append(v.Skipped, s)
			if s.Counts() {
				skipped++
			}
			continue
		}
		c := step.Change
		if c.Err != nil {
			return c.Err
		}
		if !opts.dryRun {
			err := replaceFile(p.Root, c.Path, c.Old, c.Data)
			if p.refuseWrite(ios.ErrOut, c.Path, err) {
				v.Refused = append(v.Refused, c.Path)
				continue
			}
			if err != nil {
				return err
			}
			wrote = append(wrote, c.Path)
		}
		v.Stamped = append(v.Stamped, c)
		if opts.format == "text" {
			// A line per file as it is stamped, between the warnings
			// about the files around it.
			if err := report.StampText(ios.Out, report.StampView{Stamped: []*stampplan.Change{c}, L: p.l}); err != nil {
				return err
			}
		}
	}
	if opts.format != "text" {
		if err := stampOutputs.write(ios.Out, opts.format, v); err != nil {
			return err
		}
	}
	stamped, refused := len(v.Stamped), len(v.Refused)
	id := "stamp.done"
	if opts.dryRun {
		id = "stamp.dryRun"
	}
	fmt.Fprintf(ios.ErrOut, "glosa: %s", p.l.N(id, stamped))
	if skipped > 0 {
		fmt.Fprint(ios.ErrOut, p.l.N("stamp.skipped", skipped))
	}
	fmt.Fprintln(ios.ErrOut)
	if explicit && skipped > 0 || refused > 0 {
		return errFailed
	}
	return nil
}

// minorPlan is the plan of glosa stamp --minor for the slugs: a usage
// error for a slug no source entry has, or whose source has no earlier
// version.
func (p *project) minorPlan(slugs []string) (*stampplan.Plan, error) {
	var hist stampplan.VersionHistory
	if p.History != nil {
		hist = p.History
	}
	plan := &stampplan.Plan{}
	for _, slug := range slugs {
		found := false
		for i := range p.Report.Items {
			it := &p.Report.Items[i]
			if it.Source == nil || it.Slug != slug && it.Source.Path != slug {
				continue
			}
			found = true
			sub, err := stampplan.Minor(p.Report, hist, it)
			if err != nil {
				return nil, usage(p.l, "usage.stampMinorEarlier", "Path", it.Source.Path)
			}
			plan.Steps = append(plan.Steps, sub.Steps...)
		}
		if !found {
			return nil, usage(p.l, "usage.stampMinorSlug", "Slug", slug)
		}
	}
	return plan, nil
}

// stampSkip words why a file, or a message of one, is left alone.
func (p *project) stampSkip(s *stampplan.Skip) string {
	return p.l.T("stamp.skipAt", "Error", p.l.Error(s.Err))
}

// notTranslation is the usage error for a path that names no translation:
// a source entry (sourceID), no file, or a file that is no translation.
func (p *project) notTranslation(rel, sourceID string) error {
	if e := p.entryAt(rel); e != nil && e.Lang == p.Report.Source {
		return usage(p.l, sourceID, "Path", rel)
	}
	if _, err := os.Stat(filepath.Join(p.Root, filepath.FromSlash(rel))); errors.Is(err, fs.ErrNotExist) {
		return usage(p.l, "usage.noFile", "Path", rel)
	}
	return usage(p.l, "usage.notTranslation", "Path", rel)
}

// relPath turns a path given on the command line, relative to the
// repository root (-C) or absolute, into a repository path.
func (p *project) relPath(arg string) (string, error) {
	abs := arg
	if !filepath.IsAbs(arg) {
		abs = filepath.Join(p.Root, arg)
	}
	absRoot, err := filepath.Abs(p.Root)
	if err != nil {
		return "", err
	}
	abs, err = filepath.Abs(abs)
	if err != nil {
		return "", err
	}
	rel, err := filepath.Rel(absRoot, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", usage(p.l, "usage.outside", "Path", arg)
	}
	return filepath.ToSlash(rel), nil
}

func (p *project) entryAt(rel string) *content.Entry {
	for _, e := range p.Repo.Entries {
		if e.Path == rel {
			return e
		}
	}
	return nil
}

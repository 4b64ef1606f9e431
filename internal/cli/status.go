package cli

import (
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/glosa/glosa/internal/iostreams"
	"github.com/glosa/glosa/internal/report"
	"github.com/glosa/glosa/internal/status"
)

type statusOptions struct {
	langs  []string
	states []string
	by     string
	format string
	since  string
}

func newStatusCmd(ios *iostreams.IOStreams, g *globals) *cobra.Command {
	opts := &statusOptions{}
	cmd := &cobra.Command{
		Use:   "status",
		Short: "Show the state of every translation, per language or per entry",
		Example: `  glosa status
  glosa status --lang es --state stale,missing
  glosa status --by entry
  glosa status --format json | jq '.languages[] | {lang, coverage}'
  glosa status --since main --format markdown`,
		Args: g.noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.since != "" {
				return statusSince(ios, g, opts, cmd.Flags().Changed)
			}
			return statusRun(ios, g, opts)
		},
	}
	f := cmd.Flags()
	f.StringSliceVar(&opts.langs, "lang", nil, "show only these `languages` (es,it)")
	enumListFlag(cmd, g.l, &opts.states, "state", nil, "list only translations in these `states` (stale,missing)", stateNames()...)
	enumFlag(cmd, g.l, &opts.by, "by", "language", "summarise by language, or show the slug × language matrix with entry", "language", "entry")
	statusOutputs.flag(cmd, g.l, &opts.format, "output `format`")
	f.StringVar(&opts.since, "since", "", "show what the changes since this git `revision` (a branch, tag or commit) did to the translations; formats text, json and markdown")
	return cmd
}

// statusOutputs are status's output formats.
var statusOutputs = outputs[report.View]{
	{"text", report.StatusText},
	{"json", report.StatusJSONOut},
	{"csv", report.StatusCSV},
	{"markdown", report.StatusMarkdown},
}

// stateNames are the names of the states, for --state.
func stateNames() []string {
	out := make([]string, len(status.States))
	for i, s := range status.States {
		out[i] = string(s)
	}
	return out
}

func statusRun(ios *iostreams.IOStreams, g *globals, opts *statusOptions) error {
	return g.replayed(ios, func() error { return statusShow(ios, g, opts) })
}

// statusShow loads the project and shows its states.
func statusShow(ios *iostreams.IOStreams, g *globals, opts *statusOptions) error {
	g.showProgress(ios, opts.format)
	p, langs, err := g.loadLangsCached(opts.langs)
	if err != nil {
		return err
	}
	states := toStates(opts.states)
	v := report.View{Report: p.Report, Langs: langs, States: states, ByEntry: opts.by == "entry", Color: ios.ColorEnabled(), L: g.l}
	p.warnProblems(ios)
	return statusOutputs.write(ios.Out, opts.format, v)
}

// warnProblems tells on stderr how many files could not be read, so that
// status (which shows no findings) does not hide them.
func (p *project) warnProblems(ios *iostreams.IOStreams) {
	n := 0
	for _, e := range p.Repo.Entries {
		if e.Err != nil {
			n++
		}
	}
	if n > 0 {
		warnf(ios.ErrOut, "%s", p.l.N("warn.unparsable", n))
	}
	p.warnHistory(ios.ErrOut)
	p.warnNoEntries(ios)
}

// warnNoEntries says where glosa looked when it found nothing: a layout
// that matches no file is more likely a mistake than an empty project.
func (p *project) warnNoEntries(ios *iostreams.IOStreams) {
	if len(p.Repo.Entries) > 0 || len(p.Config.Content) == 0 {
		return
	}
	var pats []string
	for _, l := range p.Config.Content {
		if l.Patterns.Default != "" {
			pats = append(pats, l.Patterns.Default)
		}
		codes := make([]string, 0, len(l.Patterns.PerLang))
		for code := range l.Patterns.PerLang {
			codes = append(codes, code)
		}
		sort.Strings(codes)
		for _, code := range codes {
			pats = append(pats, l.Patterns.PerLang[code])
		}
	}
	warnf(ios.ErrOut, "%s", p.l.T("warn.noEntries", "Patterns", strings.Join(pats, ", ")))
}

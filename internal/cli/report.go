package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/spf13/cobra"

	"github.com/glosa/glosa/internal/atomicfile"
	"github.com/glosa/glosa/internal/blockdiff"
	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/dashboard"
	"github.com/glosa/glosa/internal/gate"
	"github.com/glosa/glosa/internal/history"
	"github.com/glosa/glosa/internal/iostreams"
	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/lint"
	"github.com/glosa/glosa/internal/report"
	"github.com/glosa/glosa/internal/status"
)

type reportOptions struct {
	out, since string
}

func newReportCmd(ios *iostreams.IOStreams, g *globals) *cobra.Command {
	opts := &reportOptions{}
	cmd := &cobra.Command{
		Use:   "report --out DIR",
		Short: "Write a static HTML dashboard of every language, with coverage badges",
		Long: `report writes a static dashboard into DIR, made to be opened from disk or
put on any static host (no network, no server):

  index.html         coverage per language for entries and catalogs, the
                     slug × language matrix (sortable and filterable), and
                     the findings grouped by rule and file
  LANG.html          per language: what needs work, with links to the
                     files and, for stale entries, what changed in the source
  badges/LANG.svg    a coverage badge per language; badges/all.svg overall
  report.json        what glosa status --format json writes
  findings.json      what glosa check --format json writes

With --since REF, also since.html (what the changes since the git revision
REF did to the translations, per language, as glosa status --since shows
it) and since.json (what glosa status --since REF --format json writes).

DIR is relative to the current directory, also with -C. Files in DIR that
glosa does not write are left alone; a symlink there that leads outside DIR
is refused before anything is written. A repoURL in glosa.yaml links files
to the hosting site; without it, links are relative. Exit status 0 when the
dashboard is written, whatever it shows (glosa check is the gate).`,
		Example: `  glosa report --out site/
  glosa report -o /tmp/glosa-report && xdg-open /tmp/glosa-report/index.html
  glosa report --out site/ --since origin/main`,
		Args: g.noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.out == "" {
				return usage(g.l, "usage.reportOut")
			}
			return reportRun(ios, g, opts)
		},
	}
	cmd.Flags().StringVarP(&opts.out, "out", "o", "", "the `directory` to write the dashboard into (created when missing)")
	cmd.Flags().StringVar(&opts.since, "since", "", "also write since.html and since.json: what the changes since this git `revision` (a branch, tag or commit) did to the translations")
	return cmd
}

func reportRun(ios *iostreams.IOStreams, g *globals, opts *reportOptions) error {
	// DIR is relative to the current directory, also with -C, as
	// check --output and export --out are.
	out := opts.out
	if fi, err := os.Stat(out); err == nil && !fi.IsDir() {
		return usage(g.l, "usage.reportOutNotDir", "Dir", opts.out)
	}
	p, err := g.loadCached(true)
	if err != nil {
		return err
	}
	p.warnProblems(ios)
	var sinceIn *dashboard.SinceInput
	if opts.since != "" {
		diff, commit, err := g.sinceDiff(p, opts.since)
		if err != nil {
			return err
		}
		sinceIn = &dashboard.SinceInput{Diff: diff, Ref: opts.since, Commit: commit}
	}
	findings := p.Linter.Run(p.Report)
	model, err := p.dashboardModel(g, out, findings, sinceIn)
	if err != nil {
		return err
	}
	dir, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	site, err := openOut(p.Root, dir)
	if err != nil {
		if errors.Is(err, atomicfile.ErrOutsideRoot) || errors.Is(err, atomicfile.ErrBrokenSymlink) {
			return l10n.Errorf("write.outside", "Path", opts.out)
		}
		return err
	}
	defer site.Close()
	names := append(dashboard.Names(model), "report.json", "findings.json")
	if sinceIn != nil {
		names = append(names, "since.json")
	}
	// Every file and folder must stay inside DIR, also through symlinks:
	// checked for all before any is written, and held there by site.
	for _, name := range names {
		if _, err := atomicfile.Writable(site.Path(), name); err != nil {
			if errors.Is(err, atomicfile.ErrSymlink) {
				return l10n.Errorf("write.symlink", "Path", filepath.Join(opts.out, filepath.FromSlash(name)))
			}
			if errors.Is(err, atomicfile.ErrOutsideRoot) || errors.Is(err, atomicfile.ErrBrokenSymlink) {
				return l10n.Errorf("err.reportOutside", "Path", filepath.Join(opts.out, filepath.FromSlash(name)), "Dir", opts.out)
			}
			return err
		}
	}
	made := map[string]bool{}
	for _, name := range names {
		if sub := path.Dir(name); sub != "." && !made[sub] {
			if err := site.MkdirAll(sub); err != nil {
				return err
			}
			made[sub] = true
		}
	}
	// Each file is written as it is made, never whole in memory: a large
	// project's dashboard is hundreds of megabytes.
	write := func(name string, fill func(io.Writer) error) error { return site.WriteFrom(name, fill) }
	// The JSON files are written while the pages are: both only read
	// the report and the findings.
	jsonDone := make(chan error, 1)
	go func() { jsonDone <- p.dashboardJSON(g, findings, write) }()
	err = dashboard.Write(model, g.l, write)
	if jsonErr := <-jsonDone; err == nil {
		err = jsonErr
	}
	if err != nil {
		return err
	}
	if sinceIn != nil {
		v := report.SinceView{Diff: sinceIn.Diff, Ref: sinceIn.Ref, Commit: sinceIn.Commit, RepoURL: p.Config.RepoURL, L: g.l}
		if err := write("since.json", func(w io.Writer) error { return report.WriteJSON(w, v.SinceDocument()) }); err != nil {
			return err
		}
	}
	fmt.Fprintf(ios.ErrOut, "glosa: %s\n", g.l.N("report.written", len(names), "Dir", opts.out))
	return nil
}

// openOut makes and opens report's --out folder, dir (absolute): inside
// the repository at repo, through it, so that neither a link on the way
// nor one in dir leads a write out of the repository; elsewhere as the
// user named it.
func openOut(repo, dir string) (*atomicfile.Root, error) {
	root, rel := atomicfile.Locate(repo, dir)
	if rel == "." {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, err
		}
	}
	r, err := atomicfile.OpenRoot(root)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return r.Sub(rel)
}

// dashboardModel builds the model of the dashboard's pages and badges.
func (p *project) dashboardModel(g *globals, out string, findings []lint.Finding, sinceIn *dashboard.SinceInput) (*dashboard.Model, error) {
	in := dashboard.Input{
		Report: p.Report, Findings: findings, Meta: p.entryMeta(), Changes: p.staleChanges(),
		RepoURL: p.Config.RepoURL, Version: version(), L: g.l, Since: sinceIn,
	}
	if p.History != nil {
		in.Commit = history.Short(p.History.Head())
	}
	if in.RepoURL == "" {
		absOut, err1 := filepath.Abs(out)
		absRoot, err2 := filepath.Abs(p.Root)
		if err := errors.Join(err1, err2); err != nil {
			return nil, err
		}
		rel, err := filepath.Rel(absOut, absRoot)
		if err != nil {
			rel = absRoot
		}
		in.RootLink = filepath.ToSlash(rel)
	}
	return dashboard.Build(in), nil
}

// dashboardJSON writes the dashboard's report.json, what glosa status
// --format json writes, and findings.json, what glosa check --format json
// writes with its default flags: the same documents, made by the same
// code.
func (p *project) dashboardJSON(g *globals, findings []lint.Finding, write func(string, func(io.Writer) error) error) error {
	policy, err := gate.ParseFailOn("error")
	if err != nil {
		return err
	}
	view := report.View{Report: p.Report, L: g.l}
	if err := write("report.json", func(w io.Writer) error { return report.StatusJSONOut(w, view) }); err != nil {
		return err
	}
	c := report.Check{View: view, Findings: findings, Result: gate.Evaluate(policy, findings, p.Report)}
	return write("findings.json", func(w io.Writer) error { return report.CheckJSONOut(w, c) })
}

// entryMeta reads the title and categories of every entry: of a released
// entry the cache keeps, from its record (see Entry.CachedMeta); of the
// others, loading each again for the time it takes.
func (p *project) entryMeta() map[string]dashboard.Meta {
	out := make(map[string]dashboard.Meta, len(p.Repo.Entries))
	entries := p.Repo.Entries
	metas := make([]*dashboard.Meta, len(entries))
	var wg sync.WaitGroup
	per := (len(entries) + runtime.GOMAXPROCS(0) - 1) / runtime.GOMAXPROCS(0)
	for from := 0; from < len(entries); from += per {
		wg.Go(func() {
			for i := from; i < min(from+per, len(entries)); i++ {
				if m, ok := entries[i].CachedMeta(); ok {
					metas[i] = &m
				}
			}
		})
	}
	wg.Wait()
	var load []*content.Entry
	for i, e := range entries {
		if metas[i] != nil {
			out[e.Path] = *metas[i]
		} else {
			load = append(load, e)
		}
	}
	const chunk = 256
	for i := 0; i < len(load); i += chunk {
		part := load[i:min(i+chunk, len(load))]
		content.Load(part)
		for _, e := range part {
			out[e.Path] = content.MetaOf(e.Doc)
			e.Release()
		}
	}
	return out
}

// staleChanges computes, as glosa diff does, what changed in the source
// since each stale translation that has a record was made, when git
// history has the version it names.
func (p *project) staleChanges() map[string]dashboard.Change {
	out := map[string]dashboard.Change{}
	if p.History == nil {
		return out
	}
	for i := range p.Report.Items {
		it := &p.Report.Items[i]
		if it.Source == nil {
			continue
		}
		for j := range it.Translations {
			t := &it.Translations[j]
			if t.State != status.Stale || t.Entry == nil || t.Entry.Record == nil {
				continue
			}
			src, ok := p.wholeEntry(p.Report.TranslatedFrom(t.Entry).Entry)
			if !ok {
				continue
			}
			v, ok := p.FindVersion(src, t.Entry.Record)
			if !ok {
				continue
			}
			doc := p.diffDocument(t, src, v)
			ch := dashboard.Change{From: doc.From.Commit}
			if !doc.To.Modified {
				ch.To = doc.To.Head
			}
			for _, f := range doc.Fields {
				ch.Fields = append(ch.Fields, blockdiff.Field{Path: f.Path, Change: blockdiff.Change(f.Change)})
			}
			for _, b := range doc.Blocks {
				ch.Blocks = append(ch.Blocks, blockdiff.Block{Change: blockdiff.Change(b.Change), Kind: b.Kind, Line: b.Line, OldLine: b.OldLine, Text: b.Text})
			}
			out[t.Path] = ch
		}
	}
	return out
}

// wholeEntry reads a source entry's file again, whole: a reporting load
// keeps of each file only what the states need, and the comparison of
// versions needs its body.
func (p *project) wholeEntry(e *content.Entry) (*content.Entry, bool) {
	if e == nil || e.Err != nil {
		return nil, false
	}
	data, err := e.Read()
	if err != nil {
		return nil, false
	}
	doc, err := content.ParseFile(e.Path, data)
	if err != nil {
		return nil, false
	}
	return &content.Entry{Path: e.Path, Lang: e.Lang, RawLang: e.RawLang, Slug: e.Slug, Layout: e.Layout, Doc: doc, Record: e.Record, Draft: e.Draft}, true
}

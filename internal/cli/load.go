package cli

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/glosa/glosa/internal/catalog"
	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/history"
	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/lint"
	"github.com/glosa/glosa/internal/progress"
	"github.com/glosa/glosa/internal/status"
)

// project is a loaded repository: its configuration, entries and states.
type project struct {
	root   string
	cfg    *config.Config
	repo   *content.Repo
	report *status.Report
	linter *lint.Linter
	// hist is the git history, nil when it cannot be read; histErr says
	// why.
	hist    *history.Index
	histErr error
	// l words human-facing output.
	l *l10n.Localizer
}

// gitHistory is the history as status asks for it.
type gitHistory struct{ ix *history.Index }

func (h gitHistory) Since(path, commit string) (int, bool) {
	changes, ok := h.ix.Since(path, commit)
	return len(changes), ok
}

func (h gitHistory) RenamedTo(path string) string { return h.ix.RenamedTo(path) }

func (h gitHistory) Resolve(commits []string) { h.ix.Resolve(commits) }

func (h gitHistory) ChangedAfter(path, other string) (bool, bool) {
	return h.ix.ChangedAfter(path, other)
}

// load reads the configuration, validates the rules, scans the repository
// and computes every state, reading every file: for the commands that
// edit or export files, which need all of each.
func (g *globals) load() (*project, error) { return g.loadFor(false, false) }

// loadCached is load for the commands that only report: they use glosa's
// cache (unless --no-cache), keep of each file only what they report on,
// and prepare every body's summary when bodies is set, for the lint rules.
func (g *globals) loadCached(bodies bool) (*project, error) { return g.loadFor(true, bodies) }

func (g *globals) loadFor(reporting, bodies bool) (*project, error) {
	root, err := g.rootDir()
	if err != nil {
		return nil, err
	}
	cfgFile := g.config
	if cfgFile != "" && !filepath.IsAbs(cfgFile) && g.dir != "" {
		cfgFile = filepath.Join(g.dir, cfgFile)
	}
	cfg, err := config.Load(root, cfgFile)
	if err != nil {
		return nil, err
	}
	linter, err := lint.New(cfg)
	if err != nil {
		return nil, err
	}
	p := &project{root: root, cfg: cfg, linter: linter, l: g.l}
	// git reads the history while glosa reads the files.
	histDone := make(chan struct{})
	go func() {
		defer close(histDone)
		p.hist, p.histErr = history.Load(root, historyPaths(cfg)...)
	}()
	// A report keeps of each file only what the states need; the lint
	// rules load the rest again chunk by chunk, from the cache's records
	// when there is a cache (which the scan makes with every body's
	// summary when they will be read), else from the files.
	opts := content.ScanOptions{Prepare: reporting, Release: reporting}
	if g.progress != nil {
		bar := progress.Start(g.progress, func(done, total int) string { return g.l.N("progress.files", total, "Done", done) })
		defer bar.Done()
		opts.Progress = bar
	}
	if reporting && !g.noCache {
		opts.Cache = content.OpenCache(root, cfg, bodies)
		opts.Bodies = bodies
		// The lint rules read entries back from the cache after the load.
		g.onDone(opts.Cache.Close)
	}
	repo, err := content.ScanWith(root, cfg, opts)
	if err != nil {
		<-histDone
		return nil, err
	}
	p.repo = repo
	var files []*catalog.File
	if len(cfg.Locales) > 0 {
		if files, err = catalog.Scan(root, cfg, cfg.Languages); err != nil {
			<-histDone
			return nil, err
		}
	}
	if !reporting {
		repo.Prepare(bodies)
	}
	if opts.Cache != nil {
		// A cache that cannot be written costs speed, not results.
		_ = opts.Cache.Save(repo)
	}
	<-histDone
	var hist status.History
	if p.histErr == nil {
		hist = gitHistory{p.hist}
	}
	p.report = status.ComputeAllWith(repo, files, hist)
	return p, nil
}

// historyPaths are the folders whose history matters: those of the
// content layouts and catalogs; none (the whole repository) when one of
// them is the root.
func historyPaths(cfg *config.Config) []string {
	var out []string
	add := func(dir string) bool {
		if dir == "" {
			return false
		}
		if !slices.Contains(out, dir) {
			out = append(out, dir)
		}
		return true
	}
	for _, l := range cfg.Content {
		for _, r := range l.Patterns.Roots() {
			if !add(r) {
				return nil
			}
		}
	}
	for _, l := range cfg.Locales {
		if !add(l.Pattern.Root()) {
			return nil
		}
	}
	return out
}

// warnHistory says once on stderr why translations that record a commit
// could not be judged, when there are any.
func (p *project) warnHistory(w io.Writer) {
	n := 0
	for _, it := range p.report.Items {
		for _, t := range it.Translations {
			if t.Reason == status.CommitUnknown {
				n++
			}
		}
	}
	switch {
	case n == 0:
	case p.histErr != nil:
		warnf(w, "%s", p.l.N("warn.noHistory", n, "Error", p.histErr.Error()))
	case p.hist.Shallow():
		warnf(w, "%s", p.l.N("warn.shallow", n))
	}
}

// loadLangs loads the project and reads a --lang value against it.
func (g *globals) loadLangs(values []string) (*project, []string, error) {
	return withLangs(g.load())(values)
}

// loadLangsCached is loadLangs for a command that only reports.
func (g *globals) loadLangsCached(values []string) (*project, []string, error) {
	return withLangs(g.loadCached(false))(values)
}

// withLangs returns what reads a --lang value against a loaded project.
func withLangs(p *project, err error) func([]string) (*project, []string, error) {
	return func(values []string) (*project, []string, error) {
		if err != nil {
			return nil, nil, err
		}
		langs, err := p.parseLangs(values)
		if err != nil {
			return nil, nil, err
		}
		return p, langs, nil
	}
}

// parseLangs reads a --lang value (es,it) into canonical tags that must be
// translation languages of the project; an alias (glosa.yaml's aliases)
// names the language it stands for.
func (p *project) parseLangs(values []string) ([]string, error) {
	var out []string
	targets := p.report.TranslationLanguages()
	for _, v := range values {
		for _, s := range strings.Split(v, ",") {
			s = strings.TrimSpace(s)
			if s == "" {
				continue
			}
			code, err := p.cfg.Aliases.Parse(s) // --lang pt-BR is pt where pt-BR is its alias
			if err != nil {
				return nil, usage(p.l, "usage.langSyntax", "Value", s)
			}
			if !slices.Contains(targets, code) {
				if code == p.report.Source {
					return nil, usage(p.l, "usage.langSource", "Value", s, "Lang", code, "Langs", strings.Join(targets, ", "))
				}
				return nil, usage(p.l, "usage.langUnknown", "Value", s, "Langs", strings.Join(targets, ", "))
			}
			out = append(out, code)
		}
	}
	return out, nil
}

func parseStates(l *l10n.Localizer, values []string) ([]status.State, error) {
	var out []status.State
	for _, v := range values {
		for _, s := range strings.Split(v, ",") {
			s = strings.TrimSpace(s)
			if s == "" {
				continue
			}
			st, ok := status.ParseState(s)
			if !ok {
				return nil, usage(l, "usage.state", "Value", s)
			}
			out = append(out, st)
		}
	}
	return out, nil
}

// checkFormat validates a --format value.
func checkFormat(l *l10n.Localizer, format string, allowed ...string) error {
	if slices.Contains(allowed, format) {
		return nil
	}
	return usage(l, "usage.format", "Value", format, "Formats", strings.Join(allowed, ", "))
}

// warnf prints a warning on stderr.
func warnf(p interface{ Write([]byte) (int, error) }, format string, args ...any) {
	fmt.Fprintf(p, "glosa: warning: "+format+"\n", args...)
}

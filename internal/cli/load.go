package cli

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/layout"
	"github.com/glosa/glosa/internal/status"
	"github.com/glosa/glosa/internal/workspace"
)

// project is a loaded project as the commands use it: the workspace, and
// the localizer that words output.
type project struct {
	*workspace.Project
	// l words human-facing output.
	l *l10n.Localizer
}

// load loads the project reading every file: for the commands that edit
// or export files, which need all of each.
func (g *globals) load() (*project, error) { return g.loadFor(false, false, false) }

// loadCached is load for the commands that only report: they use glosa's
// cache (unless --no-cache), keep of each file only what they report on,
// and prepare every body's summary when bodies is set, for the lint rules.
func (g *globals) loadCached(bodies bool) (*project, error) { return g.loadFor(true, bodies, false) }

// loadChecking is loadCached for check, which lints every body; words
// says whether its output shows the words left to translate (the JSON
// summary does; see workspace.Options.NoWords).
func (g *globals) loadChecking(words bool) (*project, error) { return g.loadFor(true, true, !words) }

// loadFor turns the global flags into workspace options and loads.
func (g *globals) loadFor(reporting, bodies, noWords bool) (*project, error) {
	root, err := g.rootDir()
	if err != nil {
		return nil, err
	}
	opts := workspace.Options{Root: root, ConfigFile: g.configFile(), Reporting: reporting, Bodies: bodies, NoWords: noWords, NoCache: g.noCache}
	if snap := g.snapshot; snap != nil && reporting {
		// The whole-result cache's walk just took every file's stat
		// data: the scan takes them from it, once.
		opts.Lstat, opts.Listed = snap.Lstat, snap.Files
		defer snap.DropStats()
		g.snapshot = nil
	}
	if bar := g.startProgress("progress.files"); bar != nil {
		defer bar.Done()
		opts.Progress = bar
	}
	ws, err := workspace.Load(opts)
	if err != nil {
		return nil, err
	}
	if ws.Sites != nil && g.errOut != nil {
		fmt.Fprintf(g.errOut, "glosa: %s\n", g.l.Text(layout.Said(ws.Sites)))
	}
	if ws.CacheRefused != nil && g.errOut != nil {
		warnf(g.errOut, "%s", g.l.Error(ws.CacheRefused))
	}
	// The lint rules read entries back from the cache after the load.
	g.onDone(ws.Close)
	removeStrayTemps(root, ws.Repo.Temps, g.start)
	if n := len(ws.Repo.Unnamed); n > 0 && g.errOut != nil {
		warnf(g.errOut, "%s", g.l.N("warn.unnamed", n, "Path", fmt.Sprintf("%q", ws.Repo.Unnamed[0])))
	}
	return &project{Project: ws, l: g.l}, nil
}

// configFile returns --config's file as config.Load takes it: relative
// to -C's folder, "" for the repository's glosa.yaml.
func (g *globals) configFile() string {
	if g.config != "" && !filepath.IsAbs(g.config) && g.dir != "" {
		return filepath.Join(g.dir, g.config)
	}
	return g.config
}

// warnHistory says once on stderr why translations that record a commit
// could not be judged, when there are any.
func (p *project) warnHistory(w io.Writer) {
	n := p.Unjudged()
	switch {
	case n == 0:
	case p.HistoryErr != nil:
		warnf(w, "%s", p.l.N("warn.noHistory", n, "Error", p.HistoryErr.Error()))
	case p.History.Shallow():
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

// parseLangs reads a --lang value (es,it) against the project; what it
// cannot take is a usage error.
func (p *project) parseLangs(values []string) ([]string, error) {
	langs, err := p.ParseLangs(values)
	var le *workspace.LangError
	if !errors.As(err, &le) {
		return langs, err
	}
	switch le.Problem {
	case workspace.LangSyntax:
		return nil, usage(p.l, "usage.langSyntax", "Value", le.Value)
	case workspace.LangSource:
		return nil, usage(p.l, "usage.langSource", "Value", le.Value, "Lang", le.Lang, "Langs", strings.Join(le.Langs, ", "))
	}
	return nil, usage(p.l, "usage.langUnknown", "Value", le.Value, "Langs", strings.Join(le.Langs, ", "))
}

// toStates converts the values of a --state flag, which enumListFlag has
// checked, into states.
func toStates(values []string) []status.State {
	out := make([]status.State, len(values))
	for i, v := range values {
		out[i] = status.State(v)
	}
	return out
}

// warnf prints a warning on stderr.
func warnf(p interface{ Write([]byte) (int, error) }, format string, args ...any) {
	fmt.Fprintf(p, "glosa: warning: "+format+"\n", args...)
}

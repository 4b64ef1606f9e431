// Package workspace loads a glosa project as it is on disk: its
// configuration, the lint rules it sets up, the git history of its work
// tree, its entries and catalogs, and the state of every translation. A
// command, a test, a server or an editor integration loads one with Load
// and reads the result; nothing here prints or knows about flags.
//
// It is named for the work tree, not the configuration: what it returns
// depends on the files as they are now, dirty or not, and on the history
// git has of them.
package workspace

import (
	"crypto/sha256"
	"io/fs"

	"slices"

	"github.com/glosa/glosa/internal/catalog"
	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/history"
	"github.com/glosa/glosa/internal/layout"
	"github.com/glosa/glosa/internal/lint"
	"github.com/glosa/glosa/internal/status"
	"github.com/glosa/glosa/internal/term"
)

// Options say what to load and how.
type Options struct {
	// Root is the repository root.
	Root string
	// ConfigFile is the configuration file as config.Load takes it; ""
	// for the one it finds under Root.
	ConfigFile string
	// Config, when not nil, is the configuration, read already: Load
	// reads none.
	Config *config.Config
	// Reporting is for the commands that only report: they use glosa's
	// cache (unless NoCache) and keep of each file only what the states
	// read. The commands that edit or export files leave it false and get
	// all of each file.
	Reporting bool
	// Bodies prepares every body's summary, for the lint rules.
	Bodies bool
	// NoWords is for a command that reads neither the words left to
	// translate nor what changed in a stale translation's source (check):
	// the versions the translations were made from are not read, and
	// Report's words are the ones the states were computed with.
	NoWords bool
	// NoCache ignores glosa's cache when Reporting.
	NoCache bool
	// Lstat, when not nil, gives the stat data of content files taken
	// just before the load (see content.ScanOptions.Lstat); Listed, the
	// work tree walked from a listing of its folders taken then too (see
	// resultcache.Snapshot.Files), given the disk's Files. Both are for
	// the work tree only: not with Files.
	Lstat  func(rel string) (fs.FileInfo, bool)
	Listed func(disk content.Files) content.Files
	// Progress, when not nil, learns how many files there are and counts
	// each one read.
	Progress Progress
	// Files and Rev, when set, load the project as it is at the commit
	// Rev, read from Files (see LoadAt), with Rev's git history; glosa's
	// cache is not used then. Root stays the work tree's, where git runs.
	Files content.Files
	Rev   string
}

// Progress counts work done of a total; a progress bar is one.
type Progress interface {
	SetTotal(n int)
	Add(n int)
}

// Project is a loaded project.
type Project struct {
	Root   string
	Config *config.Config
	Repo   *content.Repo
	Report *status.Report
	Linter *lint.Linter
	// Terms is the termbase, nil when the project declares no terms.
	Terms *term.Base
	// History is the git history, nil when it cannot be read; HistoryErr
	// says why.
	History    *history.Index
	HistoryErr error
	// CacheRefused, when not nil, says why glosa's cache was neither read
	// nor written: a link planted in its folder (content.ErrCacheLink).
	// The results are those of a run without a cache.
	CacheRefused error
	// Sites, when not nil, are the sites' configurations the configuration
	// was read from, the repository having no glosa.yaml.
	Sites []layout.Site
	// cache is the cache the scan used, which the lint rules read entries
	// back from until Close.
	cache *content.Cache
}

// Load reads the configuration, validates the rules, reads the git
// history while it scans the repository, reads the catalogs and computes
// every state.
func Load(opts Options) (*Project, error) {
	root := opts.Root
	cfg, sites, err := opts.Config, []layout.Site(nil), error(nil)
	if cfg == nil {
		cfg, sites, err = loadConfig(root, opts.ConfigFile)
	}
	if err != nil {
		return nil, err
	}
	linter, err := lint.New(cfg)
	if err != nil {
		return nil, err
	}
	p := &Project{Root: root, Config: cfg, Linter: linter, Sites: sites}
	// git reads the history while glosa reads the files. A report keeps
	// the parsed history in glosa's cache, beside the content cache and
	// under the same rules.
	rule := cfg.MinorRule()
	histOpts := history.Options{Minor: history.Minor{Trailer: rule.Trailer, Keywords: rule.Keywords}, Rev: opts.Rev}
	if opts.Files != nil {
		opts.NoCache = true
	}
	// A cache a commit brought (git tracks it) is neither read nor
	// written, as one holding a link is not: said once, the same results.
	// git answers while the content cache's file is read through, which
	// trusts nothing yet.
	var cache *content.Cache
	if opts.Reporting && !opts.NoCache {
		tracked := make(chan error, 1)
		go func() { tracked <- content.CheckCacheTracked(root) }()
		cache = content.OpenCache(root, cfg, opts.Bodies)
		if err := <-tracked; err != nil {
			cache.Close()
			cache, opts.NoCache, p.CacheRefused = nil, true, err
		}
	}
	if opts.Reporting && !opts.NoCache && content.CheckCacheDir(root) == nil {
		histOpts.Cache = content.CacheDir + "/" + historyFile
	}
	histDone := make(chan struct{})
	go func() {
		defer close(histDone)
		p.History, p.HistoryErr = history.LoadWith(root, histOpts, historyPaths(cfg)...)
	}()
	defer func() { <-histDone }()
	// A report keeps of each file only what the states need; the lint
	// rules load the rest again chunk by chunk, from the cache's records
	// when there is a cache (which the scan makes with every body's
	// summary when they will be read), else from the files.
	scan := content.ScanOptions{Prepare: opts.Reporting, Release: opts.Reporting, Files: opts.Files, Lstat: opts.Lstat}
	if opts.Files == nil && opts.Listed != nil {
		scan.Files = opts.Listed(content.Dir(root))
	}
	if opts.Progress != nil { // a nil interface, not a nil Progress
		scan.Progress = opts.Progress
	}
	if cache != nil {
		scan.Cache = cache
		p.CacheRefused = scan.Cache.Refused()
		scan.Bodies = opts.Bodies
		p.cache = scan.Cache
	}
	repo, err := content.ScanWith(root, cfg, scan)
	if err != nil {
		p.Close()
		return nil, err
	}
	p.Repo = repo
	if p.Terms, err = term.Load(root, cfg, repo); err != nil {
		p.Close()
		return nil, err
	}
	linter.SetTerms(p.Terms)
	var files []*catalog.File
	var catCache *catalog.Cache
	if len(cfg.Locales) > 0 {
		fsys := scan.Files
		if fsys == nil {
			fsys = content.Dir(root)
		}
		// A warm run takes the catalogs whose bytes have not changed
		// from glosa's cache, not parsed again.
		if scan.Cache != nil && p.CacheRefused == nil {
			catCache = catalog.OpenCache(root, scan.Cache.Stamp())
		}
		if files, err = catalog.ScanCached(fsys, cfg, cfg.Languages, catCache); err != nil {
			p.Close()
			return nil, err
		}
	}
	if !opts.Reporting {
		repo.Prepare(opts.Bodies)
	}
	if scan.Cache != nil {
		// A cache that cannot be written costs speed, not results.
		_ = scan.Cache.Save(repo)
		if p.CacheRefused == nil {
			linter.SetMemo(lint.OpenMemo(root, scan.Cache))
		}
		if catCache != nil {
			// Written after the content cache, which makes the folder.
			_ = catCache.Save()
		}
	}
	<-histDone
	var hist status.History
	if p.HistoryErr == nil {
		hist = gitHistory{p.History}
		if p.CacheRefused == nil {
			// Written after the content cache, which makes the folder.
			// A cache that cannot be written costs speed, not results.
			_ = p.History.SaveCache()
		}
	}
	p.Report = status.ComputeAllWith(repo, files, hist)
	if p.Terms != nil {
		p.Report.SetTermCoverage(p.Terms.Coverage(p.Report.TermLanguages()))
	}
	// A report needs the words only: they come from glosa's cache when
	// it has them. Commands that export need what changed, block by block.
	// The cache remembers counts made with the versions found: without a
	// full history, the same stale translations count otherwise, and only
	// the drafts' counts, which no version enters, are remembered.
	if opts.NoWords {
		return p, nil
	}
	var memo *wordsMemo
	var statusMemo status.Memo
	fullHistory := p.HistoryErr == nil && !p.History.Shallow()
	if scan.Cache != nil && p.CacheRefused == nil {
		memo = openWordsMemo(root, scan.Cache)
		statusMemo = memo
		if !fullHistory {
			statusMemo = draftsOnly{memo}
		}
	}
	p.Report.Revise(func(src *content.Entry, rec *content.Record) ([]byte, bool) {
		// Looking for a version that is nowhere (a recorded hash no commit
		// has) shows and hashes every version of the source: the memo
		// remembers that none was found, until HEAD moves.
		var none [sha256.Size]byte
		if memo != nil && fullHistory {
			none = memo.noVersionKey(p.Report.SourceHash(src), src, rec, p.History.Head())
			if _, ok := memo.Words(none); ok {
				return nil, false
			}
		}
		v, ok := p.findVersion(src, rec, false)
		if !ok && memo != nil && fullHistory {
			memo.Remember(none, 0)
		}
		return v.Data, ok
	}, statusMemo)
	if memo != nil {
		// A cache that cannot be written costs speed, not results.
		_ = memo.save()
	}
	return p, nil
}

// Close releases the cache the lint rules read entries back from; call it
// when done with the project.
func (p *Project) Close() {
	if p.cache != nil {
		p.cache.Close()
		p.cache = nil
	}
}

// historyFile is the file in content.CacheDir where the parsed git history
// is kept (see history.Options).
const historyFile = "history"

// gitHistory is the history as status asks for it.
type gitHistory struct{ ix *history.Index }

func (h gitHistory) Since(path, commit string) (int, bool) {
	changes, ok := h.ix.Since(path, commit)
	return len(changes), ok
}

func (h gitHistory) SinceMinor(path, commit string) (n int, minor []string, ok bool) {
	changes, ok := h.ix.Since(path, commit)
	for _, c := range changes {
		if h.ix.Minor(c.Commit) {
			minor = append(minor, c.Commit)
		} else {
			n++
		}
	}
	return n, minor, ok
}

func (h gitHistory) BeforeMinor(path string) []history.Earlier { return h.ix.BeforeMinor(path) }

func (h gitHistory) RenamedTo(path string) string { return h.ix.RenamedTo(path) }

func (h gitHistory) Resolve(commits []string) { h.ix.Resolve(commits) }

func (h gitHistory) ChangedAfter(path, other string) (bool, bool) {
	return h.ix.ChangedAfter(path, other)
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

// Unjudged returns how many translations record a commit the history
// could not judge (status.CommitUnknown): those a missing or shallow
// history leaves unverified, which a command warns about once.
func (p *Project) Unjudged() int {
	n := 0
	for _, it := range p.Report.Items {
		for _, t := range it.Translations {
			if t.Reason == status.CommitUnknown {
				n++
			}
		}
	}
	return n
}

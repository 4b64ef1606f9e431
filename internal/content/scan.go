package content

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/lang"
	"github.com/glosa/glosa/internal/limits"
	"github.com/glosa/glosa/internal/suppress"
)

// Entry is one file of one language: a source entry or a translation.
type Entry struct {
	// Path is the slash-separated path from the repository root.
	Path string
	// Lang is the canonical language tag; RawLang is its spelling in the
	// path (pt_BR, es-es).
	Lang, RawLang string
	// Slug is the entry's identity across languages: the {slug} part of
	// its path, or its translationKey.
	Slug string
	// Layout indexes the configuration's content layouts.
	Layout int
	// Doc is the parsed file; with Err set it may be partial. It is nil
	// while the entry is released (see Release); Load sets it again.
	Doc *Document
	// Err is why the file could not be read or parsed, if it could not.
	Err *l10n.Error
	// Record is the translation record, nil when there is none.
	Record *Record
	// Draft reports draft: true in the front matter.
	Draft bool

	// root is the repository's root, files what it was read from, and
	// maxSize the largest file read, for reading the file again.
	root    string
	files   Files
	maxSize int64
	// cached reports an entry whose Doc and body summary come from
	// glosa's cache: its Doc has the front matter but no body, and its
	// body summary has no block texts. What needs more reads the file
	// again.
	cached bool
	// hit reports an entry the cache gave.
	hit bool
	// firstBody is Doc.FirstBodyLine() of an entry whose body is not
	// kept.
	firstBody int
	// keyLine is the line of the translationKey key, 0 without one.
	keyLine int
	// marked reports a file whose text holds suppress.Marker: the only
	// files read again for suppression comments.
	marked bool
	// releasable marks an entry of a scan with ScanOptions.Release;
	// released one whose Doc and heavy derived data Release dropped.
	releasable, released bool
	// wordless marks a translation in a repository with translations,
	// whose words nobody counts (see prepare): its body is summarised
	// without them.
	wordless bool
	// cache is the cache that keeps a record of the entry, nil when none
	// does: what Load reads the entry from.
	cache *Cache
	// key is the stat data its file was read or found in the cache with,
	// and sum its bytes' digest, when fresh (see Cache.fresh); set once
	// by the scan, under the cache's lock. rekey marks an entry the cache
	// adopted by its bytes, whose record is saved again under key.
	key          fileKey
	sum          [sha256.Size]byte
	fresh, rekey bool

	derived
}

// Repo is what a scan found: every entry, sorted by path.
type Repo struct {
	Root    string
	Config  *config.Config
	Entries []*Entry
	// Source is the source language and Languages all languages, source
	// first, then in configured or sorted order.
	Source    string
	Languages []string
	// RawLang maps a language to its spelling in paths.
	RawLang map[string]string
	// Folders are the folders under a content pattern the scan could not
	// enter: unreadable, or a symlink to a folder outside the repository
	// (the scan follows no link). Their files are unknown, not missing.
	Folders []FolderError
	// Unnamed are the paths of files under a content folder whose name
	// glosa cannot represent: a line break, which would end a line of
	// every output and no slug may hold. No entry is made of them.
	Unnamed []string
	// Temps are the paths of temporary files of glosa's writes (see
	// IsTemp) found under the content folders.
	Temps []string
}

// FolderError is a folder the scan could not enter, in the language whose
// files it would hold (the source language when no pattern says).
type FolderError struct {
	Path, Lang string
	Err        *l10n.Error
}

// IsTemp reports whether a file name is one of the temporary files
// atomicfile writes beside the file it replaces (".name.glosa-" and the
// digits os.CreateTemp adds): left behind only by a run that was killed.
func IsTemp(name string) bool {
	i := strings.LastIndex(name, ".glosa-")
	if i < 1 || name[0] != '.' || i+len(".glosa-") == len(name) {
		return false
	}
	for _, c := range name[i+len(".glosa-"):] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// Schema returns the front-matter schema of an entry's layout.
func (r *Repo) Schema(e *Entry) *config.Field { return r.Config.Content[e.Layout].Fields }

// PathFor returns where the entry slug of the layout lives in language code.
func (r *Repo) PathFor(layout int, code, slug string) string {
	return r.Config.Content[layout].Patterns.PathFor(code, r.RawLang[code], slug)
}

type match struct {
	path, code, raw, slug string
	layout                int
}

// Scan walks the repository at root once, finds the entries of every
// layout and parses them in parallel. Files that cannot be read or parsed
// are entries with Err set: the scan goes on. The error is for failures of
// the walk itself.
func Scan(root string, cfg *config.Config) (*Repo, error) { return ScanWith(root, cfg, ScanOptions{}) }

// ScanOptions are the ways of scanning for the commands that only report.
type ScanOptions struct {
	// Cache, when not nil, gives the files it remembers unchanged without
	// reading them, and remembers those read for Cache.Save.
	Cache *Cache
	// Prepare computes, while scanning, what the state decisions read of
	// every entry (see Repo.Prepare); Bodies adds every body's summary.
	Prepare, Bodies bool
	// Release releases each prepared entry (see Entry.Release) once what
	// the state decisions read of it is computed, and, with a Cache,
	// its record is made: a scan's memory then grows with the number of
	// files, not with their size. Needs Prepare.
	Release bool
	// Progress, when not nil, learns how many files there are and counts
	// each one done.
	Progress interface {
		SetTotal(n int)
		Add(n int)
	}
	// Files, when not nil, is what the project is read from instead of
	// the disk at root: a revision in git, and the Cache must then be
	// nil; or the disk, walked from a listing taken just before.
	Files Files
	// Lstat, when not nil, gives the stat data of a file (a path relative
	// to root) that the caller took just before the scan, as os.Lstat
	// would (see resultcache.Snapshot.Lstat); false sends the scan to the
	// system. The Cache compares them with those it remembers.
	Lstat func(rel string) (fs.FileInfo, bool)
}

// ScanWith is Scan with options.
func ScanWith(root string, cfg *config.Config, opts ScanOptions) (*Repo, error) {
	files := opts.Files
	if files == nil {
		files = Dir(root)
	}
	w, err := walk(files, cfg)
	matches := w.matches
	if err != nil {
		return nil, err
	}
	now := time.Now()
	translated := hasTranslations(cfg, matches)
	if opts.Progress != nil {
		opts.Progress.SetTotal(len(matches))
	}
	entries := make([]*Entry, len(matches))
	var wg sync.WaitGroup
	jobs := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				e := loadWith(root, files, matches[i], cfg, opts.Cache, opts.Lstat, now, opts.Release && opts.Prepare)
				if opts.Prepare {
					e.prepare(translated && (cfg.Source == "" || e.Lang == cfg.Source), translated, opts.Bodies, cfg.Content[e.Layout].Fields)
					if opts.Release {
						if opts.Cache != nil {
							opts.Cache.keep(e, cfg.Content[e.Layout].Fields)
						}
						e.releasable = true
						e.Release()
					}
				}
				entries[i] = e
				if opts.Progress != nil {
					opts.Progress.Add(1)
				}
			}
		}()
	}
	for i := range matches {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	if opts.Cache != nil {
		opts.Cache.lookedUp()
	}

	r := &Repo{Root: root, Config: cfg, Entries: entries, RawLang: map[string]string{}, Folders: w.folders, Unnamed: w.unnamed, Temps: w.temps}
	count := map[string]int{}
	for _, e := range entries {
		count[e.Lang]++
		if _, ok := r.RawLang[e.Lang]; !ok {
			r.RawLang[e.Lang] = e.RawLang
		}
	}
	r.Source = cfg.Source
	if r.Source == "" {
		for code, n := range count {
			if n > count[r.Source] || (n == count[r.Source] && code < r.Source) {
				r.Source = code
			}
		}
	}
	if len(cfg.Languages) > 0 {
		r.Languages = append(r.Languages, cfg.Languages...)
	} else {
		for code := range count {
			r.Languages = append(r.Languages, code)
		}
		if r.Source != "" && count[r.Source] == 0 {
			r.Languages = append(r.Languages, r.Source)
		}
		sort.Strings(r.Languages)
	}
	// The source language comes first.
	sort.SliceStable(r.Languages, func(i, j int) bool { return r.Languages[i] == r.Source && r.Languages[j] != r.Source })
	return r, nil
}

// hasTranslations reports whether the project has a language besides its
// source: one the configuration names, or, when it names none, a second
// language among the entries found (the source is then the commonest).
func hasTranslations(cfg *config.Config, matches []match) bool {
	if len(cfg.Languages) > 0 {
		return slices.ContainsFunc(cfg.Languages, func(code string) bool { return code != cfg.Source })
	}
	return slices.ContainsFunc(matches, func(m match) bool {
		return m.code != matches[0].code || cfg.Source != "" && m.code != cfg.Source
	})
}

// walked is what walk finds.
type walked struct {
	matches        []match
	folders        []FolderError
	unnamed, temps []string
}

// walk finds the files of every layout under their folders, sorted by
// path, and the folders it could not enter.
func walk(files Files, cfg *config.Config) (walked, error) {
	seen := map[string]bool{}
	var out []match
	var w walked
	dirs := map[string]bool{}
	for _, l := range cfg.Content {
		for _, d := range l.Patterns.Roots() {
			dirs[d] = true
		}
	}
	// Walk the outermost folders only: a folder inside another is covered.
	var roots []string
	for d := range dirs {
		roots = append(roots, d)
	}
	sort.Strings(roots)
	var walked []string
	for _, d := range roots {
		covered := false
		for _, w := range walked {
			if w == "" || d == w || strings.HasPrefix(d, w+"/") {
				covered = true
			}
		}
		if covered {
			continue
		}
		walked = append(walked, d)
		start := d
		if start == "" {
			start = "."
		}
		err := files.WalkDir(start, func(rel string, de fs.DirEntry, err error) error {
			if err != nil {
				if rel == start && errors.Is(err, fs.ErrNotExist) {
					return nil
				}
				if de != nil && de.IsDir() {
					// An unreadable folder hides its files: they are not
					// missing.
					w.folders = append(w.folders, folderError(cfg, rel, l10n.Msg("err.folderUnreadable", "Error", rootCause(err))))
					return fs.SkipDir
				}
				return nil
			}
			hidden := rel != start && strings.HasPrefix(de.Name(), ".")
			if de.IsDir() {
				if hidden || de.Name() == "node_modules" {
					return fs.SkipDir
				}
				return nil
			}
			if hidden { // editor lock and swap files: .#llm.md
				if IsTemp(de.Name()) {
					w.temps = append(w.temps, rel)
				}
				return nil
			}
			if strings.Contains(rel, "\n") {
				w.unnamed = append(w.unnamed, rel)
				return nil
			}
			if de.Type()&fs.ModeSymlink != 0 {
				if msg, bad := files.FolderLink(rel); bad {
					w.folders = append(w.folders, folderError(cfg, rel, msg))
					return nil
				}
			}
			if seen[rel] {
				return nil
			}
			for i := range cfg.Content {
				l := &cfg.Content[i]
				code, raw, slug, ok := l.Patterns.Match(rel, cfg.Languages)
				if !ok || l.Excluded(rel) {
					continue
				}
				seen[rel] = true
				out = append(out, match{path: rel, code: code, raw: raw, slug: slug, layout: i})
				break
			}
			return nil
		})
		if err != nil {
			return w, fmt.Errorf("walking %s: %w", d, err)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].path < out[j].path })
	w.matches = out
	return w, nil
}

// folderLink reports a symlink to a folder that leads outside the
// repository, which the scan does not enter. A link to a file is read as
// an entry (see ReadInside), and a link to a folder inside the repository
// is left as it was.
func folderLink(root, p string) (l10n.Text, bool) {
	if fi, err := os.Stat(p); err != nil || !fi.IsDir() {
		// A link to a file, or a broken one (to nowhere, or in a loop),
		// is read as an entry: ReadInside says what is wrong with it.
		return l10n.Text{}, false
	}
	target, err := filepath.EvalSymlinks(p)
	if err != nil {
		return l10n.Msg("err.folderUnreadable", "Error", rootCause(err)), true
	}
	absRoot, _ := filepath.EvalSymlinks(root)
	if r, err := filepath.Rel(absRoot, target); err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return l10n.Msg("err.folderOutside"), true
	}
	return l10n.Text{}, false
}

// folderError returns the error of the folder rel, in the language a
// content pattern puts there.
func folderError(cfg *config.Config, rel string, msg l10n.Text) FolderError {
	f := FolderError{Path: rel, Lang: cfg.Source, Err: &l10n.Error{Text: msg}}
	for _, l := range cfg.Content {
		for _, code := range cfg.Languages {
			if strings.HasPrefix(l.Patterns.PathFor(code, code, "x"), rel+"/") {
				f.Lang = code
				return f
			}
		}
	}
	return f
}

// rootCause returns the system's words for err, without the path that
// the finding gives already.
func rootCause(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// loadWith reads and parses one matched file, or takes it from the cache
// when it remembers the file unchanged.
func loadWith(root string, files Files, m match, cfg *config.Config, cache *Cache, lstat func(string) (fs.FileInfo, bool), now time.Time, release bool) *Entry {
	if cache == nil {
		return load(root, files, m, cfg.Limits.Or().EntrySize)
	}
	e := newEntry(root, files, m, cfg.Limits.Or().EntrySize)
	// Only regular files are cached: a symlink can point elsewhere
	// without changing itself.
	fi, ok := fs.FileInfo(nil), false
	if lstat != nil {
		fi, ok = lstat(m.path)
	}
	var err error
	if !ok {
		fi, err = os.Lstat(filepath.Join(root, filepath.FromSlash(m.path)))
	}
	if err != nil || !fi.Mode().IsRegular() {
		cache.remember(e, fileKey{}, [sha256.Size]byte{}, false)
		return load(root, files, m, cfg.Limits.Or().EntrySize)
	}
	k := keyOf(fi)
	// The source's words are counted; with the source language not
	// configured, any entry may be a source.
	needBody := cfg.Source == "" || m.code == cfg.Source
	if cache.lookup(e, k, needBody, release) {
		return e
	}
	e, data := readEntry(root, files, m, cfg.Limits.Or().EntrySize)
	if e.Err != nil {
		cache.remember(e, k, [sha256.Size]byte{}, cacheable(k, now))
		return e
	}
	sum := sha256.Sum256(data)
	if cache.adopt(e, k, sum, needBody, release, cacheable(k, now)) {
		return e
	}
	e = newEntry(root, files, m, cfg.Limits.Or().EntrySize) // what adopt set, gone
	e.parse(data)
	cache.remember(e, k, sum, cacheable(k, now))
	return e
}

// newEntry returns the entry of a matched file, not read yet.
func newEntry(root string, files Files, m match, maxSize int64) *Entry {
	return &Entry{Path: m.path, Lang: m.code, RawLang: m.raw, Slug: m.slug, Layout: m.layout, root: root, files: files, maxSize: maxSize}
}

// load reads and parses one matched file of at most maxSize bytes.
func load(root string, files Files, m match, maxSize int64) *Entry {
	e, data := readEntry(root, files, m, maxSize)
	if e.Err == nil {
		e.parse(data)
	}
	return e
}

// readEntry reads one matched file of at most maxSize bytes into a new
// entry; the entry's Err says why it could not.
func readEntry(root string, files Files, m match, maxSize int64) (*Entry, []byte) {
	e := newEntry(root, files, m, maxSize)
	data, err := e.Read()
	if err != nil {
		e.Err = l10n.FileError(m.path, err)
		e.Doc = &Document{}
		return e, nil
	}
	return e, data
}

// parse parses the bytes of the entry's file.
func (e *Entry) parse(data []byte) {
	e.marked = suppress.Marked(data)
	doc, err := ParseFile(e.Path, data)
	e.Doc = doc
	if err != nil {
		e.Err = l10n.FileError(e.Path, err)
		return
	}
	e.fromDocument()
}

// Marked reports whether the entry's file may hold suppression comments
// (see package suppress); it stays known when the entry is released and
// when it comes from the cache.
func (e *Entry) Marked() bool { return e.marked }

// KeyLine returns the line of the entry's translationKey, 0 when its
// front matter has none; it stays known when the entry is released.
func (e *Entry) KeyLine() int { return e.keyLine }

// fromDocument reads what the entry's front matter says of it: its
// translationKey, draft and translation record.
func (e *Entry) fromDocument() {
	doc := e.Doc
	if k := doc.KeyNode("translationKey"); k != nil {
		e.keyLine = k.Line
	}
	if k := doc.Lookup("translationKey"); k != nil {
		if k.Kind != yaml.ScalarNode || !validSlug(k.Value) {
			e.Err = l10n.FileError(e.Path, l10n.At(k.Line, k.Column, l10n.Msg("fm.translationKey")))
		} else {
			e.Slug = k.Value
		}
	}
	if d := doc.Lookup("draft"); d != nil && d.Kind == yaml.ScalarNode {
		_ = d.Decode(&e.Draft) // true, True, TRUE; anything else is not a draft
	}
	rec, err := doc.Record()
	if err != nil && e.Err == nil {
		e.Err = l10n.FileError(e.Path, err)
	}
	if rec != nil && rec.Source != "" {
		if code, perr := lang.Parse(rec.Source); perr == nil {
			rec.Source = code
		}
	}
	e.Record = rec
}

// Read reads the entry's file again, as the scan read it: refusing a
// symlink that leads outside the repository and a file over the project's
// limit (limits.EntrySize unless glosa.yaml sets another).
func (e *Entry) Read() ([]byte, error) {
	max := limits.Limits{EntrySize: e.maxSize}.Or().EntrySize
	if e.files == nil { // an entry the scan did not make
		return ReadInsideMax(e.root, e.Path, max)
	}
	return e.files.ReadFile(e.Path, max)
}

// ReadInside reads an entry of the repository, refusing a symlink that
// leads outside it and a file over limits.EntrySize.
func ReadInside(root, rel string) ([]byte, error) {
	return ReadInsideMax(root, rel, limits.EntrySize)
}

// ReadInsideMax is ReadInside for a file of at most max bytes.
func ReadInsideMax(root, rel string, max int64) ([]byte, error) {
	p := filepath.Join(root, filepath.FromSlash(rel))
	fi, statErr := os.Lstat(p)
	if statErr == nil && fi.Mode()&fs.ModeSymlink != 0 {
		var err error
		if fi, err = os.Stat(p); err != nil {
			switch {
			case errors.Is(err, fs.ErrNotExist):
				return nil, l10n.Errorf("err.symlinkBroken")
			case errors.Is(err, syscall.ELOOP):
				return nil, l10n.Errorf("err.symlinkLoop")
			}
			return nil, l10n.Errorf("err.symlinkOther", "Error", err.Error())
		}
		target, err := filepath.EvalSymlinks(p)
		if err != nil {
			return nil, l10n.Errorf("err.symlinkOther", "Error", err.Error())
		}
		absRoot, _ := filepath.EvalSymlinks(root)
		if r, err := filepath.Rel(absRoot, target); err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
			return nil, l10n.Errorf("err.symlinkOutside")
		}
	}
	// A FIFO, a socket or a device named like a content file would block
	// the read forever or never end: only regular files are read. fi is
	// the file's, or its symlink's target's.
	if statErr == nil && !fi.Mode().IsRegular() {
		return nil, l10n.Errorf("err.notRegular", "Kind", l10n.Msg("file."+limits.FileKind(fi.Mode())))
	}
	data, err := limits.ReadFile(p, max)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return nil, l10n.Errorf("err.cannotRead", "Error", pe.Err.Error())
		}
		return nil, err
	}
	return data, nil
}

func validSlug(s string) bool {
	if s == "" || strings.HasPrefix(s, "/") || strings.ContainsAny(s, "\\\x00") {
		return false
	}
	for _, seg := range strings.Split(s, "/") {
		if seg == "" || seg == "." || seg == ".." {
			return false
		}
	}
	return path.Clean(s) == s
}

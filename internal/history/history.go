// Package history reads a repository's git history in one pass and answers
// per-file questions from it: what changed in a file since a commit, where a
// renamed file went, whether the work tree differs from HEAD, and what a file
// held at a commit.
//
// Asking git once per file takes minutes on large sites; Load runs one
// `git log` over the files of interest, parses its output as a stream and
// keeps a path → changes index, so every later question is a map lookup.
// The git command is used rather than a Go implementation of git because its
// speed and its handling of every repository format are what users have.
//
// # What the index holds
//
// Load walks every commit reachable from HEAD (with --full-history --sparse,
// so commits that touched none of the files still give the DAG its shape) in
// --topo-order, and records for each commit its parents and the changes it
// made to the files under the pathspecs, with rename detection (-M).
//
// Merges are read like every other commit, not skipped and not reduced to
// their first parent: their parents are what makes "after a commit" a
// question about ancestry rather than timestamps. A merge's own changes are
// those of its combined diff (--diff-merges=combined): the files that differ
// from every parent, i.e. conflict resolutions and edits made in the merge,
// which are exactly the merges `git log -- path` lists. A change made on a
// side branch is therefore recorded once, at the side-branch commit.
//
// Renames are detected among the files under the pathspecs only: a file
// moved in from outside them appears as added, as in `git log -- pathspecs`.
//
// # The cache
//
// On a long history git log itself costs seconds on every run. LoadWith
// keeps the parsed commits and changes in a cache file (see cache.go) and
// reads them back while HEAD stays put, reads only the new commits when
// HEAD moves forward, and runs the whole git log again otherwise. What git
// status says of the work tree is asked every run.
package history

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
)

// Change is one commit's change to one file.
type Change struct {
	Commit  string    // full hash
	Time    time.Time // committer time
	Status  byte      // 'A', 'M', 'D', 'R' (rename; OldPath set), 'C' copy treated as 'A'
	Path    string    // repository-relative, slash-separated
	OldPath string    // for 'R'
}

// ErrUnavailable wraps why history cannot be read: not a git work tree, git not installed.
var ErrUnavailable = errors.New("git history unavailable")

// Index is the history of a repository's files. Its methods are safe for
// concurrent use.
type Index struct {
	root   string // as given to Load
	prefix string // root relative to the top level, "" or ending in "/"

	shallow bool
	head    string

	commits []commit         // newest first, in --topo-order
	byHash  map[string]int32 // full hash → index in commits
	sorted  []string         // full hashes, sorted, for abbreviations
	linear  bool             // no commit has more than one parent

	changes []change           // in log order: newest commit first
	byPath  map[string][]int32 // top-level-relative path → indices in changes, newest first

	dirty map[string]bool // top-level-relative paths that differ from HEAD

	minor Minor // which commits are minor (see Options.Minor)

	mu        sync.Mutex
	ancestors map[int32][]uint64 // commit → bit set of the commits it reaches
	// resolved holds what Resolve learnt of revisions that are not
	// indexed commits by their hash: the indexed commits that bound what
	// each reaches (see Resolve), nil when git does not know it.
	resolved map[string][]int32

	// cats answer Show, each one `git cat-file --batch` process (see
	// catFiles).
	cats [catFiles]catFile

	// cacheFile is Options.Cache; key identifies what the history was read
	// for (see cacheKey), and stale says that the cache file does not hold
	// this history yet.
	cacheFile string
	key       [sha256.Size]byte
	stale     bool
	source    source // for tests: where the history came from
}

// source says where an Index's history came from.
type source int

const (
	fromLog    source = iota // one git log over the whole history
	fromCache                // the cache file, for the same HEAD
	fromExtend               // the cache file, and git log over the new commits
)

type commit struct {
	hash    string
	time    time.Time
	parents []int32 // indices in Index.commits; parents outside the history (shallow) are left out
	minor   bool    // by Index.minor (see Minor)
}

// change is a Change with paths relative to the top level and the commit by index.
type change struct {
	commit  int32
	status  byte
	path    string
	oldPath string
}

// Load reads the history of the files under pathspecs in the git work tree
// that contains root. Pathspecs are git pathspecs relative to root; none
// means everything under root, the whole repository when root is its top
// level. Paths given to and returned by the Index are slash-separated and
// relative to root; a path outside root (the source of a rename into it)
// is returned with leading "../" elements.
//
// Load runs `git rev-parse` twice, `git log` once and `git status` once.
// It returns an error wrapping ErrUnavailable when git is not installed or
// root is not in a git work tree.
func Load(root string, pathspecs ...string) (*Index, error) {
	return LoadWith(root, Options{}, pathspecs...)
}

// Options say how LoadWith reads the history.
type Options struct {
	// Cache, when not "", is the file, relative to root and
	// slash-separated, where the parsed history is kept between runs (see
	// LoadWith). The caller decides whether its folder may be used.
	Cache string
	// Minor says which commits are minor (see Index.Minor); the zero
	// Minor marks none.
	Minor Minor
	// Rev, when not "", is the commit whose history is read in place of
	// HEAD's, as if it were checked out in a clean work tree: nothing is
	// dirty, and git status is not run. It needs no Cache.
	Rev string
}

// LoadWith is Load with options. With a Cache file, the history parsed by
// an earlier run is read back from it instead of asking `git log`, when it
// was made for the same HEAD and everything else that shapes the log (see
// cacheKey); when HEAD has moved forward since, only the new commits are
// read (see extend); otherwise the history is read whole. The answers are
// those of Load in every case. The file is written by SaveCache, not here.
// With a cache file, LoadWith also runs `git for-each-ref` and `git
// config` once each for the key, and on a fast-forward `git merge-base`
// and `git rev-list`.
func LoadWith(root string, opts Options, pathspecs ...string) (*Index, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return nil, fmt.Errorf("%w: git is not installed: %v", ErrUnavailable, err)
	}
	ix := newIndex(root)
	ix.cacheFile, ix.minor = opts.Cache, opts.Minor
	out, err := ix.git("rev-parse", "--is-inside-work-tree", "--show-prefix", "--is-shallow-repository",
		"--git-path", "shallow", "--git-path", "info/grafts")
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrUnavailable, root, err)
	}
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) != 5 || lines[0] != "true" {
		return nil, fmt.Errorf("%w: %s is not in a git work tree", ErrUnavailable, root)
	}
	ix.prefix, ix.shallow = lines[1], lines[2] == "true"
	head := "HEAD"
	if opts.Rev != "" {
		head, ix.cacheFile = opts.Rev, ""
	}
	if out, err := ix.git("rev-parse", "--quiet", "--verify", "--end-of-options", head+"^{commit}"); err == nil {
		ix.head = strings.TrimSpace(string(out))
	}
	if len(pathspecs) == 0 {
		pathspecs = []string{"."}
	}
	if ix.head != "" {
		if err := ix.readHistory(pathspecs, lines[3:]); err != nil {
			return nil, err
		}
	}
	if opts.Rev == "" {
		if err := ix.readStatus(pathspecs); err != nil {
			return nil, err
		}
	}
	return ix, nil
}

func newIndex(root string) *Index {
	ix := &Index{
		root:      root,
		dirty:     map[string]bool{},
		ancestors: map[int32][]uint64{},
		resolved:  map[string][]int32{},
	}
	for i := range ix.cats {
		ix.cats[i].ix = ix
	}
	return ix
}

// readHistory fills the index with HEAD's history: from the cache file
// when it holds it, extended when HEAD moved forward, else from `git log`.
// gitFiles are the files of the repository that shape the log besides
// its refs (see cacheKey).
func (ix *Index) readHistory(pathspecs, gitFiles []string) error {
	if ix.cacheFile == "" {
		return ix.readAll(pathspecs)
	}
	ix.key = ix.cacheKey(pathspecs, gitFiles)
	old := ix.readCache()
	switch {
	case old != nil && old.head == ix.head:
		ix.adopt(old)
		ix.source = fromCache
		return nil
	case old != nil && ix.extend(old, pathspecs):
		ix.stale, ix.source = true, fromExtend
		return nil
	}
	ix.stale = true
	return ix.readAll(pathspecs)
}

// readAll reads HEAD's whole history with one `git log`.
func (ix *Index) readAll(pathspecs []string) error {
	parents, err := ix.readLog(pathspecs, ix.head)
	if err != nil {
		return err
	}
	ix.build(parents)
	return nil
}

// git runs git in the root and returns its standard output; the error
// carries git's standard error.
func (ix *Index) git(args ...string) ([]byte, error) { return ix.gitIn(nil, args...) }

// gitIn is git with its standard input read from in (none when nil).
func (ix *Index) gitIn(in io.Reader, args ...string) ([]byte, error) {
	cmd := exec.Command("git", append([]string{"-C", ix.root}, args...)...)
	cmd.Stdin = in
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return out, fmt.Errorf("git %s: %s", args[0], msg)
		}
		return out, fmt.Errorf("git %s: %w", args[0], err)
	}
	return out, nil
}

// logFormat starts each commit's header with a byte no status letter
// begins with, so the header tells itself from the name-status fields
// that follow it in the NUL-separated stream.
const logFormat = "--format=\x01%H %cI %P"

// readLog runs git log over revs with the pathspecs and appends what it
// lists to the index's commits and changes; it returns each new commit's
// parent hashes, for build.
func (ix *Index) readLog(pathspecs []string, revs ...string) ([][]string, error) {
	args := []string{"-C", ix.root, "log", "-z", "--topo-order", "--full-history", "--sparse",
		"--name-status", "-M", "--diff-merges=combined", "--root", "--no-follow",
		"--no-color", "--no-ext-diff", "--no-textconv", logFormat}
	if !ix.minor.zero() {
		args[len(args)-1] = minorFormat
	}
	args = append(append(append(args, revs...), "--"), pathspecs...)
	cmd := exec.Command("git", args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("git log: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("git log: %w", err)
	}
	parents, perr := ix.parseLog(bufio.NewReaderSize(stdout, 64<<10))
	if perr != nil {
		// Drain so that git does not block on a full pipe before exiting.
		_, _ = io.Copy(io.Discard, stdout)
	}
	if err := cmd.Wait(); err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return nil, fmt.Errorf("git log: %s", msg)
		}
		return nil, fmt.Errorf("git log: %w", err)
	}
	if perr != nil {
		return nil, fmt.Errorf("reading git log: %w", perr)
	}
	return parents, nil
}

// build makes the lookups of the commits and changes: by hash, by sorted
// hash, by path. parents, when not nil, are the commits' parent hashes,
// which it resolves to indices; parents outside the history (a shallow
// clone's graft) are left out.
func (ix *Index) build(parents [][]string) {
	ix.byHash = make(map[string]int32, len(ix.commits))
	ix.sorted = make([]string, len(ix.commits))
	for i, c := range ix.commits {
		ix.byHash[c.hash] = int32(i)
		ix.sorted[i] = c.hash
	}
	slices.Sort(ix.sorted)
	ix.linear = true
	for i := range ix.commits {
		c := &ix.commits[i]
		if parents != nil {
			for _, p := range parents[i] {
				if j, ok := ix.byHash[p]; ok {
					c.parents = append(c.parents, j)
				}
			}
		}
		if len(c.parents) > 1 {
			ix.linear = false
		}
	}
	ix.byPath = map[string][]int32{}
	for n, ch := range ix.changes {
		ix.byPath[ch.path] = append(ix.byPath[ch.path], int32(n))
		if ch.status == 'R' {
			ix.byPath[ch.oldPath] = append(ix.byPath[ch.oldPath], int32(n))
		}
	}
}

// parseLog reads the NUL-separated output of readLog's git log: per commit
// a header field, then per changed file a status field ("M", "R087", or
// one letter per parent for a merge) and one path, or two for a rename or
// copy. Git puts a newline before the first status field of a commit and
// an empty field after a merge's header; both are skipped. It returns each
// commit's parent hashes, resolved to indices once every commit is known.
// Paths already in the index are shared, not copied.
func (ix *Index) parseLog(r *bufio.Reader) ([][]string, error) {
	var parents [][]string
	intern := map[string]string{}
	for _, ch := range ix.changes {
		intern[ch.path] = ch.path
		if ch.oldPath != "" {
			intern[ch.oldPath] = ch.oldPath
		}
	}
	str := func(b []byte) string {
		if s, ok := intern[string(b)]; ok {
			return s
		}
		s := string(b)
		intern[s] = s
		return s
	}
	field := func() ([]byte, error) {
		b, err := r.ReadSlice(0)
		if err == bufio.ErrBufferFull {
			// A path longer than the buffer: gather it.
			long := append([]byte(nil), b...)
			for err == bufio.ErrBufferFull {
				b, err = r.ReadSlice(0)
				long = append(long, b...)
			}
			b = long
		}
		if err != nil {
			if err == io.EOF && len(b) > 0 {
				return nil, io.ErrUnexpectedEOF
			}
			return nil, err
		}
		return b[:len(b)-1], nil
	}
	cur := int32(-1)
	merge := false
	for {
		f, err := field()
		if err == io.EOF {
			return parents, nil
		}
		if err != nil {
			return nil, err
		}
		f = bytes.TrimPrefix(f, []byte("\n"))
		if len(f) == 0 {
			continue
		}
		if f[0] == '\x01' {
			header, rest, hasRest := bytes.Cut(f[1:], []byte{'\x02'})
			c, ps, err := parseHeader(header)
			if err != nil {
				return nil, err
			}
			c.minor = hasRest && ix.minor.parseMinor(rest)
			cur = int32(len(ix.commits))
			ix.commits = append(ix.commits, c)
			parents = append(parents, ps)
			merge = len(ps) > 1
			continue
		}
		if cur < 0 {
			return nil, fmt.Errorf("status %q before the first commit", f)
		}
		st, paths := status(f, merge)
		if st == 0 {
			return nil, fmt.Errorf("commit %s: unknown status %q", ix.commits[cur].hash, f)
		}
		ch := change{commit: cur, status: st}
		for i := 0; i < paths; i++ {
			p, err := field()
			if err != nil {
				if err == io.EOF {
					err = io.ErrUnexpectedEOF
				}
				return nil, err
			}
			ch.oldPath, ch.path = ch.path, str(p)
		}
		if st == 'C' {
			// A copy leaves its source alone: the new path is added.
			ch.status, ch.oldPath = 'A', ""
		}
		ix.changes = append(ix.changes, ch)
	}
}

// parseHeader parses "HASH TIME PARENT…".
func parseHeader(b []byte) (commit, []string, error) {
	fields := strings.Fields(string(b))
	if len(fields) < 2 {
		return commit{}, nil, fmt.Errorf("malformed commit header %q", b)
	}
	t, err := time.Parse(time.RFC3339, fields[1])
	if err != nil {
		return commit{}, nil, fmt.Errorf("commit %s: %w", fields[0], err)
	}
	return commit{hash: fields[0], time: t}, fields[2:], nil
}

// status returns the change's status letter and how many paths follow the
// status field; 0 for a status it does not know. A merge's combined status
// has one letter per parent: the file was added (or deleted) when it is
// so against every parent, and modified otherwise; only its final path is
// printed.
func status(f []byte, merge bool) (byte, int) {
	if merge {
		all := f[0]
		for _, c := range f {
			if c < 'A' || c > 'Z' {
				return 0, 0
			}
			if c != all {
				all = 'M'
			}
		}
		if all != 'A' && all != 'D' {
			all = 'M'
		}
		return all, 1
	}
	switch f[0] {
	case 'A', 'M', 'D':
		return f[0], 1
	case 'T': // type change (file ↔ symlink): the content changed
		return 'M', 1
	case 'R', 'C':
		return f[0], 2
	}
	return 0, 0
}

// readStatus records the files that differ from HEAD in the index or the
// work tree, untracked files included. Renames are not paired
// (--no-renames) so that each record holds one path; porcelain paths are
// relative to the top level.
func (ix *Index) readStatus(pathspecs []string) error {
	args := append([]string{"--no-optional-locks", "status", "--porcelain", "-z",
		"--untracked-files=all", "--no-renames", "--"}, pathspecs...)
	out, err := ix.git(args...)
	if err != nil {
		return err
	}
	for _, rec := range bytes.Split(out, []byte{0}) {
		if len(rec) > 3 {
			ix.dirty[string(rec[3:])] = true
		}
	}
	return nil
}

// top converts a path relative to root to one relative to the top level.
func (ix *Index) top(p string) string {
	return path.Join(ix.prefix, filepath.ToSlash(p))
}

// rel converts a path relative to the top level to one relative to root.
func (ix *Index) rel(p string) string {
	if p == "" || ix.prefix == "" {
		return p
	}
	if strings.HasPrefix(p, ix.prefix) {
		return p[len(ix.prefix):]
	}
	// Outside root: climb to the common directory.
	dir := strings.TrimSuffix(ix.prefix, "/")
	up := ""
	for dir != "." && dir != "" && !strings.HasPrefix(p, dir+"/") {
		dir, up = path.Dir(dir), up+"../"
	}
	if dir == "." || dir == "" {
		return up + p
	}
	return up + p[len(dir)+1:]
}

// Shallow reports a shallow clone (git rev-parse --is-shallow-repository):
// history before the graft is missing.
func (ix *Index) Shallow() bool { return ix.shallow }

// Head is HEAD's full hash ("" in a repository without commits).
func (ix *Index) Head() string { return ix.head }

// Dirty reports whether path differs from HEAD in the work tree or index;
// an untracked file counts as dirty. The answer comes from one
// `git status` run by Load.
func (ix *Index) Dirty(path string) bool { return ix.dirty[ix.top(path)] }

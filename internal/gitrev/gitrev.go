// Package gitrev reads a project's files as they are at a git revision,
// straight from git's object store into memory: `git ls-tree` lists them
// (paths, modes, blob ids, sizes), one `git cat-file --batch` streams the
// contents of those wanted, and the result is a content.Files that the
// scan of entries and catalogs walks and reads as it does the work tree.
// Nothing is written to disk, so an interrupted run leaves nothing behind.
package gitrev

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os/exec"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/limits"
)

// Tree is a project's files at a revision, held in memory. It implements
// content.Files.
type Tree struct {
	root  *node
	nodes map[string]*node // by path relative to the project's root
	// data holds the contents of the blobs read, by id.
	data map[string][]byte
	// dir is the repository's folder, and commit the revision, for the
	// blobs not read ahead.
	dir, commit string
}

// node is a file or folder of the tree.
type node struct {
	name string
	mode fs.FileMode // fs.ModeDir, fs.ModeSymlink, or 0 for a regular file
	// id and size are the blob's; for a symlink, those of what it leads
	// to when that is a file of the revision (link == linkFile).
	id   string
	size int64
	link linkKind
	kids []*node // a folder's, sorted by name
}

// linkKind is where a symlink leads, as `git cat-file --follow-symlinks`
// says.
type linkKind int

const (
	linkFile    linkKind = iota // a file of the revision
	linkFolder                  // a folder (or submodule) of the revision
	linkOutside                 // outside the repository
	linkBroken                  // to nothing
	linkLoop                    // in a loop
)

// Options say what Read reads.
type Options struct {
	// Dir is a folder of the repository's work tree, where git runs.
	Dir string
	// Commit is the revision's full commit hash.
	Commit string
	// Prefix is the project's root relative to the repository's top
	// level, "" or ending in a slash (git rev-parse --show-prefix).
	Prefix string
	// Paths are the folders under the project's root to list, all of it
	// when empty.
	Paths []string
	// Want reports the files whose contents are read ahead: the others
	// are read from git when asked for.
	Want func(rel string) bool
	// Max is the largest file read ahead.
	Max int64
}

// Read lists the revision's files under the paths and reads the contents
// of those wanted.
func Read(opts Options) (*Tree, error) {
	specs := []string{opts.Prefix + "."}
	if len(opts.Paths) > 0 {
		specs = specs[:0]
		for _, p := range opts.Paths {
			specs = append(specs, opts.Prefix+p)
		}
	}
	listed, err := git(opts.Dir, nil, append([]string{"ls-tree", "-r", "-z", "-l", "--full-tree", opts.Commit, "--"}, specs...)...)
	if err != nil {
		return nil, err
	}
	t := &Tree{
		root:   &node{mode: fs.ModeDir},
		nodes:  map[string]*node{},
		data:   map[string][]byte{},
		dir:    opts.Dir,
		commit: opts.Commit,
	}
	t.nodes["."] = t.root
	var links []string
	for _, line := range bytes.Split(listed, []byte{0}) {
		meta, f, ok := strings.Cut(string(line), "\t") // "mode type id size\tpath"
		rel, in := strings.CutPrefix(f, opts.Prefix)
		fields := strings.Fields(meta)
		if !ok || !in || rel == "" || len(fields) != 4 {
			continue
		}
		n := t.add(rel)
		switch fields[0] {
		case "160000": // a submodule: an empty folder, as a clone leaves it
			n.mode = fs.ModeDir
		case "120000":
			n.mode = fs.ModeSymlink
			links = append(links, rel)
		default:
			n.id = fields[2]
			n.size, _ = strconv.ParseInt(fields[3], 10, 64)
		}
	}
	for _, n := range t.nodes {
		slices.SortFunc(n.kids, func(a, b *node) int { return strings.Compare(a.name, b.name) })
	}
	if err := t.follow(links, opts.Prefix); err != nil {
		return nil, err
	}
	var ids []string
	for rel, n := range t.nodes {
		if n.id != "" && n.size <= opts.Max && opts.Want != nil && opts.Want(rel) {
			ids = append(ids, n.id)
		}
	}
	slices.Sort(ids)
	if err := t.fetch(slices.Compact(ids)); err != nil {
		return nil, err
	}
	return t, nil
}

// add returns the node of the file rel, making it and its folders.
func (t *Tree) add(rel string) *node {
	if n := t.nodes[rel]; n != nil {
		return n
	}
	dir, name := path.Split(rel)
	parent := t.root
	if dir != "" {
		parent = t.add(strings.TrimSuffix(dir, "/"))
		parent.mode = fs.ModeDir
	}
	n := &node{name: name}
	parent.kids = append(parent.kids, n)
	t.nodes[rel] = n
	return n
}

// follow learns where each symlink leads, with one `git cat-file
// --batch-check --follow-symlinks`.
func (t *Tree) follow(links []string, prefix string) error {
	if len(links) == 0 {
		return nil
	}
	var in bytes.Buffer
	for _, rel := range links {
		in.WriteString(t.commit + ":" + prefix + rel + "\n")
	}
	out, err := git(t.dir, &in, "cat-file", "--batch-check", "--follow-symlinks")
	if err != nil {
		return err
	}
	r := bufio.NewReader(bytes.NewReader(out))
	for _, rel := range links {
		n := t.nodes[rel]
		line, err := r.ReadString('\n')
		if err != nil {
			return fmt.Errorf("git cat-file: %s: %w", rel, err)
		}
		f := strings.Fields(line)
		if len(f) == 0 {
			return fmt.Errorf("git cat-file: %s: empty answer", rel)
		}
		switch f[0] {
		case "symlink", "dangling", "loop", "notdir":
			// Those answers name the link or its target on a line of
			// their own.
			if _, err := r.ReadString('\n'); err != nil {
				return fmt.Errorf("git cat-file: %s: %w", rel, err)
			}
			switch f[0] {
			case "symlink":
				n.link = linkOutside
			case "loop":
				n.link = linkLoop
			default: // dangling, or through a file as if a folder
				n.link = linkBroken
			}
		default:
			switch {
			case len(f) == 3 && f[1] == "blob":
				n.link, n.id = linkFile, f[0]
				n.size, _ = strconv.ParseInt(f[2], 10, 64)
			case len(f) == 3:
				n.link = linkFolder
			default: // missing: its target is not in the revision
				n.link = linkBroken
			}
		}
	}
	return nil
}

// fetch reads the blobs ids into t.data with one `git cat-file --batch`,
// whose input is written while its output is read.
func (t *Tree) fetch(ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	cmd := exec.Command("git", "-C", t.dir, "cat-file", "--batch")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("git cat-file: %w", err)
	}
	go func() {
		w := bufio.NewWriter(stdin)
		for _, id := range ids {
			_, _ = w.WriteString(id + "\n")
		}
		_ = w.Flush()
		_ = stdin.Close()
	}()
	r := bufio.NewReaderSize(stdout, 64<<10)
	rerr := func() error {
		for _, id := range ids {
			header, err := r.ReadString('\n')
			if err != nil {
				return err
			}
			f := strings.Fields(header) // "id type size"
			if len(f) != 3 {
				return fmt.Errorf("%s: %s", id, strings.TrimSpace(header))
			}
			size, err := strconv.Atoi(f[2])
			if err != nil {
				return fmt.Errorf("%s: %s", id, strings.TrimSpace(header))
			}
			data := make([]byte, size+1) // and the newline after it
			if _, err := io.ReadFull(r, data); err != nil {
				return err
			}
			t.data[id] = data[:size:size]
		}
		return nil
	}()
	if rerr != nil {
		_, _ = io.Copy(io.Discard, stdout)
	}
	if err := cmd.Wait(); err != nil {
		return fmt.Errorf("git cat-file: %v: %s", err, bytes.TrimSpace(stderr.Bytes()))
	}
	if rerr != nil {
		return fmt.Errorf("git cat-file: %w", rerr)
	}
	return nil
}

// WalkDir walks the folder dir as fs.WalkDir does.
func (t *Tree) WalkDir(dir string, fn fs.WalkDirFunc) error {
	n := t.nodes[dir]
	if n == nil {
		return skip(fn(dir, nil, &fs.PathError{Op: "lstat", Path: dir, Err: fs.ErrNotExist}))
	}
	return skip(t.walk(dir, n, fn))
}

// skip is what WalkDir returns for what its walk returned.
func skip(err error) error {
	if err == fs.SkipDir || err == fs.SkipAll {
		return nil
	}
	return err
}

func (t *Tree) walk(rel string, n *node, fn fs.WalkDirFunc) error {
	if err := fn(rel, entry{n}, nil); err != nil || n.mode != fs.ModeDir {
		if err == fs.SkipDir && n.mode == fs.ModeDir {
			return nil
		}
		return err
	}
	for _, k := range n.kids {
		p := k.name
		if rel != "." {
			p = rel + "/" + k.name
		}
		if err := t.walk(p, k, fn); err != nil {
			if err == fs.SkipDir && k.mode != fs.ModeDir {
				return nil // the rest of the folder is skipped
			}
			return err
		}
	}
	return nil
}

// FolderLink reports no folder: a link to a folder of the revision is
// left as it is, as the scan leaves one on disk, and one outside the
// repository leads nowhere the revision knows (reading it says so).
func (t *Tree) FolderLink(string) (l10n.Text, bool) { return l10n.Text{}, false }

// ReadFile reads the file rel as content.ReadInsideMax reads one on disk.
func (t *Tree) ReadFile(rel string, max int64) ([]byte, error) {
	n := t.nodes[rel]
	if n == nil {
		return nil, l10n.Errorf("err.cannotRead", "Error", fs.ErrNotExist.Error())
	}
	if n.mode == fs.ModeSymlink {
		switch n.link {
		case linkBroken:
			return nil, l10n.Errorf("err.symlinkBroken")
		case linkLoop:
			return nil, l10n.Errorf("err.symlinkLoop")
		case linkOutside:
			return nil, l10n.Errorf("err.symlinkOutside")
		case linkFolder:
			return nil, l10n.Errorf("err.notRegular", "Kind", l10n.Msg("file."+limits.FileKind(fs.ModeDir)))
		}
	}
	if n.mode == fs.ModeDir {
		return nil, l10n.Errorf("err.notRegular", "Kind", l10n.Msg("file."+limits.FileKind(fs.ModeDir)))
	}
	if n.size > max {
		return nil, limits.TooBig(n.size, max)
	}
	if data, ok := t.data[n.id]; ok {
		return data, nil
	}
	data, err := git(t.dir, nil, "cat-file", "blob", n.id)
	if err != nil {
		return nil, l10n.Errorf("err.cannotRead", "Error", err.Error())
	}
	return data, nil
}

// entry is a node as an fs.DirEntry and fs.FileInfo.
type entry struct{ n *node }

func (e entry) Name() string               { return e.n.name }
func (e entry) IsDir() bool                { return e.n.mode == fs.ModeDir }
func (e entry) Type() fs.FileMode          { return e.n.mode }
func (e entry) Info() (fs.FileInfo, error) { return e, nil }
func (e entry) Size() int64                { return e.n.size }
func (e entry) Mode() fs.FileMode          { return e.n.mode | 0o444 }
func (e entry) ModTime() time.Time         { return time.Time{} }
func (e entry) Sys() any                   { return nil }

// git runs git in dir, with in as its input when not nil, and returns its
// output; the error carries git's standard error.
func git(dir string, in io.Reader, args ...string) ([]byte, error) {
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	cmd.Stdin = in
	out, err := cmd.Output() // keeps git's standard error in an *exec.ExitError
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit) && len(bytes.TrimSpace(exit.Stderr)) > 0:
		return nil, fmt.Errorf("git %s: %s", args[0], bytes.TrimSpace(exit.Stderr))
	case err != nil:
		return nil, fmt.Errorf("git %s: %w", args[0], err)
	}
	return out, nil
}

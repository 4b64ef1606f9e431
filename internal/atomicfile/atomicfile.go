// Package atomicfile writes files of the repository so that a reader sees
// the old bytes or the new ones, never a mix, and never outside the root:
// every write, folder made and removal goes through an os.Root (see Root),
// under checks that refuse links leading out, links at the file written,
// and .git, with an error naming the path.
// A process killed in the middle leaves the old file and, at worst, a
// temporary ".name.glosa-*" file beside it, which glosa's scanners skip as
// they skip every dot file.
package atomicfile

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// ErrOutsideRoot is returned for a path that would leave the repository.
var ErrOutsideRoot = errors.New("path is outside the repository")

// ErrBrokenSymlink is returned for a symlink whose target does not exist.
var ErrBrokenSymlink = errors.New("path is a broken symlink")

// ErrSymlink is returned for a file to write that is a symbolic link:
// glosa never writes through a link it did not make, since a pull request
// can commit one that points at any file CI may write (.git/config, a
// source file, a file outside the checkout).
var ErrSymlink = errors.New("path is a symbolic link: glosa does not write through links")

// ErrChanged is returned, in an *fs.PathError naming the file, by Replace
// for a file whose bytes on disk are no longer those the caller read, by
// Create for a file that appeared, and by Unchanged: writing would lose
// someone else's change.
var ErrChanged = errors.New("the file changed on disk after it was read")

// afterCheck and beforeRename, when set by a test, run after the checks
// of a write and just before the temporary file is renamed over the
// target: a test can swap a folder for a link there, kill the process or
// edit the file.
var afterCheck, beforeRename func(target string)

// Root is a folder glosa writes in. Every write through it stays inside
// it by construction: its files are opened, made, renamed and removed
// through an os.Root, which follows no link that leads out, even one
// swapped in for a folder after glosa's checks. The checks (Inside,
// Writable) still come first, for a refusal that names the path; the
// os.Root is the guarantee underneath them. A link that stays inside is
// followed, as in a repository that links one language's folder to
// another (tldr-pages' pages.en); a link written as an absolute path is
// refused by os.Root even when it points inside.
type Root struct {
	path string
	r    *os.Root
}

// OpenRoot opens the folder at path for writing in. Close it when done.
func OpenRoot(path string) (*Root, error) {
	r, err := os.OpenRoot(path)
	if err != nil {
		return nil, err
	}
	return &Root{path: path, r: r}, nil
}

// Close closes the folder.
func (d *Root) Close() error { return d.r.Close() }

// Path returns the folder's path, as given to OpenRoot.
func (d *Root) Path() string { return d.path }

// Sub opens the folder rel of d (slash-separated, made when missing) as a
// Root of its own, in which writes stay even when a link in it leads
// elsewhere in d: report --out writes only inside its folder, and that
// folder only inside the repository.
func (d *Root) Sub(rel string) (*Root, error) {
	if err := d.MkdirAll(rel); err != nil {
		return nil, err
	}
	p, err := Inside(d.path, rel)
	if err != nil {
		return nil, err
	}
	r, err := d.r.OpenRoot(filepath.FromSlash(rel))
	if err != nil {
		return nil, confined(rel, err)
	}
	return &Root{path: p, r: r}, nil
}

// Locate returns the folder by which glosa writes in the folder dir
// (absolute) that the user named, and dir's slash-separated path in it:
// the repository at repo, and dir's path there, when dir is inside it, so
// that the repository's rules hold on the way (no link leading out,
// nothing in .git); dir itself and "." otherwise, since the user named it,
// links and all.
func Locate(repo, dir string) (root, rel string) {
	roots := []string{repo}
	if real, err := filepath.EvalSymlinks(repo); err == nil {
		roots = append(roots, real)
	}
	for _, r := range roots {
		abs, err := filepath.Abs(r)
		if err != nil {
			continue
		}
		rel, err := filepath.Rel(abs, dir)
		if err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return abs, filepath.ToSlash(rel)
		}
	}
	return dir, "."
}

// withRoot runs do on root opened as a Root.
func withRoot(root string, do func(d *Root) error) error {
	d, err := OpenRoot(root)
	if err != nil {
		return err
	}
	defer d.Close()
	return do(d)
}

// Write replaces root/rel with data: it writes a temporary file in the same
// folder, syncs it, gives it the old file's permissions (0644 for a new
// file) and renames it over the old one. rel is slash-separated and must
// stay inside root, also through symlinked folders, and outside root/.git;
// a file that is a symlink is refused with ErrSymlink. See Root for what
// holds when a folder is swapped for a link meanwhile.
func Write(root, rel string, data []byte) error {
	return withRoot(root, func(d *Root) error { return d.Write(rel, data) })
}

// Write is the package's Write in d.
func (d *Root) Write(rel string, data []byte) error {
	return d.write(rel, bytesOf(data), nil)
}

// WriteFrom is Write for data too big to hold in memory: fill writes the
// file's bytes to w. When fill fails, the old file stays.
func WriteFrom(root, rel string, fill func(w io.Writer) error) error {
	return withRoot(root, func(d *Root) error { return d.WriteFrom(rel, fill) })
}

// WriteFrom is the package's WriteFrom in d.
func (d *Root) WriteFrom(rel string, fill func(w io.Writer) error) error {
	return d.write(rel, fill, nil)
}

// bytesOf returns a fill function that writes data.
func bytesOf(data []byte) func(w io.Writer) error {
	return func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	}
}

// Replace is Write for a file the caller read: just before the rename it
// reads the file again and, when its bytes are no longer old, leaves it
// alone and returns an error wrapping ErrChanged.
func Replace(root, rel string, old, data []byte) error {
	return withRoot(root, func(d *Root) error { return d.Replace(rel, old, data) })
}

// Replace is the package's Replace in d.
func (d *Root) Replace(rel string, old, data []byte) error {
	return d.write(rel, bytesOf(data), func(dir *os.Root, name string) error {
		return same(dir, name, rel, old)
	})
}

// Create writes root/rel, a file that must not exist: when one appeared
// since the caller looked, it is left alone and the error wraps ErrChanged.
// The folder must exist.
func Create(root, rel string, data []byte) error {
	return withRoot(root, func(d *Root) error { return d.Create(rel, data) })
}

// Create is the package's Create in d.
func (d *Root) Create(rel string, data []byte) error {
	return d.write(rel, bytesOf(data), func(dir *os.Root, name string) error {
		if _, err := dir.Lstat(name); !errors.Is(err, fs.ErrNotExist) {
			return &fs.PathError{Op: "writing", Path: rel, Err: ErrChanged}
		}
		return nil
	})
}

// Unchanged returns an error wrapping ErrChanged when root/rel no longer
// holds old.
func Unchanged(root, rel string, old []byte) error {
	return withRoot(root, func(d *Root) error { return d.Unchanged(rel, old) })
}

// Unchanged is the package's Unchanged in d.
func (d *Root) Unchanged(rel string, old []byte) error {
	if _, err := Inside(d.path, rel); err != nil {
		return err
	}
	return same(d.r, filepath.FromSlash(rel), rel, old)
}

// MkdirAll makes the folder rel of d and those above it where they are
// missing. rel must be Inside d and outside its .git folder; a link on its
// way that stays inside d is followed.
func MkdirAll(root, rel string) error {
	return withRoot(root, func(d *Root) error { return d.MkdirAll(rel) })
}

// MkdirAll is the package's MkdirAll in d.
func (d *Root) MkdirAll(rel string) error {
	p, err := Inside(d.path, rel)
	if err != nil {
		return err
	}
	if err := notInGit(d.path, p, rel); err != nil {
		return err
	}
	if err := d.r.MkdirAll(filepath.FromSlash(rel), 0o755); err != nil {
		return confined(rel, err)
	}
	return nil
}

// Remove removes the file rel of d, which must be Inside it. A file that
// is a link is removed, not what it points to.
func Remove(root, rel string) error {
	return withRoot(root, func(d *Root) error { return d.Remove(rel) })
}

// Remove is the package's Remove in d.
func (d *Root) Remove(rel string) error {
	if _, err := Inside(d.path, rel); err != nil {
		return err
	}
	dir, name, err := d.folder(rel)
	if err != nil {
		return err
	}
	defer dir.Close()
	return dir.Remove(name)
}

// Scratch makes a file in the folder rel of root that no one else can
// open: made under a random name through an os.Root, then removed at once,
// so that nothing is left behind, even when glosa is killed. Its
// descriptor is what the caller reads and writes. Close it when done.
func Scratch(root, rel, prefix string) (*os.File, error) {
	var f *os.File
	err := withRoot(root, func(d *Root) error {
		dir, err := d.r.OpenRoot(filepath.FromSlash(rel))
		if err != nil {
			return confined(rel, err)
		}
		defer dir.Close()
		var name string
		if f, name, err = createTemp(dir, prefix); err != nil {
			return err
		}
		if err := dir.Remove(name); err != nil {
			f.Close()
			return err
		}
		return nil
	})
	return f, err
}

// same compares the file name of dir with old; a file that is gone has
// changed.
func same(dir *os.Root, name, rel string, old []byte) error {
	cur, err := dir.ReadFile(name)
	if errors.Is(err, fs.ErrNotExist) || err == nil && !bytes.Equal(cur, old) {
		return &fs.PathError{Op: "writing", Path: rel, Err: ErrChanged}
	}
	if err != nil {
		return fmt.Errorf("writing %s: %w", rel, err)
	}
	return nil
}

// write writes a temporary file with fill, runs check (when not nil) on
// the target, and renames the temporary file over it. The check runs as
// late as it can: after the slow part, the write and sync of the data.
// The folder is opened once, through d's os.Root, and everything after
// happens in it by name: a folder on the way swapped for a link later
// changes nothing, and a link swapped in for the file is replaced by the
// rename, never written through.
func (d *Root) write(rel string, fill func(w io.Writer) error, check func(dir *os.Root, name string) error) error {
	p, err := Writable(d.path, rel)
	if err != nil {
		return err
	}
	if afterCheck != nil {
		afterCheck(p)
	}
	dir, name, err := d.folder(rel)
	if errors.Is(err, ErrOutsideRoot) {
		return err
	}
	if err != nil {
		return fmt.Errorf("writing %s: %w", rel, err)
	}
	defer dir.Close()
	perm := os.FileMode(0o644)
	if fi, err := dir.Lstat(name); err == nil {
		if fi.Mode()&os.ModeSymlink != 0 {
			return fmt.Errorf("%s: %w", rel, ErrSymlink)
		}
		perm = fi.Mode().Perm()
	}
	tmp, tmpName, err := createTemp(dir, "."+name+".glosa-")
	if err != nil {
		return fmt.Errorf("writing %s: %w", rel, err)
	}
	defer dir.Remove(tmpName) // no-op after a successful rename
	bw := bufio.NewWriter(tmp)
	err = fill(bw)
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = tmp.Chmod(perm)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("writing %s: %w", rel, err)
	}
	if check != nil {
		if err := check(dir, name); err != nil {
			return err
		}
	}
	if beforeRename != nil {
		beforeRename(p)
	}
	if err := dir.Rename(tmpName, name); err != nil {
		return fmt.Errorf("writing %s: %w", rel, err)
	}
	return nil
}

// folder opens the folder of the file rel of d through d's os.Root, and
// returns it with the file's name in it: what a write or a removal then
// does in it by name stays in that folder, wherever its path leads later.
// A folder that a link on the way led out of d, or into d's .git, is
// refused with ErrOutsideRoot.
func (d *Root) folder(rel string) (*os.Root, string, error) {
	clean := filepath.Clean(filepath.FromSlash(rel))
	dir, err := d.r.OpenRoot(filepath.Dir(clean))
	if err != nil {
		return nil, "", confined(rel, err)
	}
	if inGit(d.r, dir) {
		dir.Close()
		return nil, "", fmt.Errorf("%s: %w", rel, ErrOutsideRoot)
	}
	return dir, filepath.Base(clean), nil
}

// gate keeps temporary files from being made once Stop is called: a
// temporary file is made under its read lock.
var gate struct {
	sync.RWMutex
	stopped bool
}

// ErrStopped is the error of a write asked for after Stop.
var ErrStopped = errors.New("glosa is stopping: no file is written")

// Stop keeps this process from making any temporary file from now on: a
// write asked for after it fails with ErrStopped. The temporary files
// made before it returns are there to be found and removed (an
// interrupted run cleans up after itself: a write still going on in
// another goroutine cannot leave one behind once the clean-up has looked).
func Stop() {
	gate.Lock()
	gate.stopped = true
	gate.Unlock()
}

// createTemp makes a new file in dir named prefix and random digits, as
// os.CreateTemp names it (glosa's scanners and its clean-up after a killed
// run know the name by them), readable and writable by its owner only.
func createTemp(dir *os.Root, prefix string) (*os.File, string, error) {
	gate.RLock()
	defer gate.RUnlock()
	if gate.stopped {
		return nil, "", ErrStopped
	}
	for try := 0; ; try++ {
		name := prefix + strconv.FormatUint(uint64(rand.Uint32()), 10)
		f, err := dir.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) && try < 10000 {
			continue
		}
		return f, name, err
	}
}

// confined returns the error of an os.Root operation on rel: one that
// wraps ErrOutsideRoot when a link on the way led out of the root, err
// otherwise.
func confined(rel string, err error) error {
	var pe *fs.PathError
	// os.Root's error for a path leading out is unexported; its text is
	// what tells it apart.
	if errors.As(err, &pe) && pe.Err.Error() == "path escapes from parent" {
		return fmt.Errorf("%s: %w", rel, ErrOutsideRoot)
	}
	return err
}

// SyncDirs makes the renames of the files written at rels durable: without
// it a power cut can bring an old file back, or lose a new one. It syncs
// each folder once, which is why the writes leave it to their caller: a
// sync per file made writing many files take half as long again. It is
// best effort: some file systems refuse to sync a folder, and every file's
// bytes are already synced.
func SyncDirs(root string, rels []string) {
	seen := map[string]bool{}
	for _, rel := range rels {
		p, err := Inside(root, rel)
		if err != nil {
			continue
		}
		if real, err := filepath.EvalSymlinks(p); err == nil {
			p = real
		}
		dir := filepath.Dir(p)
		if seen[dir] {
			continue
		}
		seen[dir] = true
		if d, err := os.Open(dir); err == nil {
			d.Sync()
			d.Close()
		}
	}
}

// Writable returns the file-system path of rel under root when glosa may
// write it: Inside, not a symlink itself (ErrSymlink), and not in the
// repository's .git folder (ErrOutsideRoot), where a symlinked folder could
// lead. A caller that writes many files checks them all with it first.
func Writable(root, rel string) (string, error) {
	p, err := Inside(root, rel)
	if err != nil {
		return "", err
	}
	if fi, err := os.Lstat(p); err == nil && fi.Mode()&os.ModeSymlink != 0 {
		return "", fmt.Errorf("%s: %w", rel, ErrSymlink)
	}
	if err := notInGit(root, filepath.Dir(p), rel); err != nil {
		return "", err
	}
	return p, nil
}

// notInGit returns an error wrapping ErrOutsideRoot when the folder dir,
// once its links are followed, is the repository's .git folder or in it;
// for a folder still to be made, its deepest existing one counts.
func notInGit(root, dir, rel string) error {
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return err
	}
	for {
		real, err := filepath.EvalSymlinks(dir)
		if err == nil {
			r, err := filepath.Rel(realRoot, real)
			if err == nil && (r == ".git" || strings.HasPrefix(r, ".git"+string(filepath.Separator))) {
				return fmt.Errorf("%s: %w", rel, ErrOutsideRoot)
			}
			return nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return nil
		}
		dir = parent
	}
}

// Inside returns the file-system path of rel under root, or ErrOutsideRoot
// when rel, or a symlink on its way, leads out of root.
func Inside(root, rel string) (string, error) {
	if rel == "" || filepath.IsAbs(filepath.FromSlash(rel)) {
		return "", fmt.Errorf("%s: %w", rel, ErrOutsideRoot)
	}
	clean := filepath.Clean(filepath.FromSlash(rel))
	if clean == ".." || strings.HasPrefix(clean, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("%s: %w", rel, ErrOutsideRoot)
	}
	p := filepath.Join(root, clean)
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return "", err
	}
	// A broken symlink would be replaced by the file, wherever it meant
	// to point.
	if fi, err := os.Lstat(p); err == nil && fi.Mode()&os.ModeSymlink != 0 {
		if _, err := filepath.EvalSymlinks(p); err != nil {
			return "", fmt.Errorf("%s: %w", rel, ErrBrokenSymlink)
		}
	}
	// Resolve the deepest existing ancestor: a symlinked folder must not
	// carry the write elsewhere.
	probe := p
	for {
		real, err := filepath.EvalSymlinks(probe)
		if err == nil {
			r, err := filepath.Rel(realRoot, real)
			if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
				return "", fmt.Errorf("%s: %w", rel, ErrOutsideRoot)
			}
			return p, nil
		}
		parent := filepath.Dir(probe)
		if parent == probe {
			return p, nil
		}
		probe = parent
	}
}

// Package atomicfile writes files of the repository so that a reader sees
// the old bytes or the new ones, never a mix, and never outside the root.
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
	"os"
	"path/filepath"
	"strings"
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

// beforeRename, when set by a test, runs just before the temporary file is
// renamed over the target: a test can kill the process or edit the file
// there.
var beforeRename func(target string)

// Write replaces root/rel with data: it writes a temporary file in the same
// folder, syncs it, gives it the old file's permissions (0644 for a new
// file) and renames it over the old one. rel is slash-separated and must
// stay inside root, also through symlinked folders, and outside root/.git;
// a file that is a symlink is refused with ErrSymlink.
func Write(root, rel string, data []byte) error {
	return write(root, rel, bytesOf(data), nil)
}

// WriteFrom is Write for data too big to hold in memory: fill writes the
// file's bytes to w. When fill fails, the old file stays.
func WriteFrom(root, rel string, fill func(w io.Writer) error) error {
	return write(root, rel, fill, nil)
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
	return write(root, rel, bytesOf(data), func(p string) error {
		return same(p, rel, old)
	})
}

// Create writes root/rel, a file that must not exist: when one appeared
// since the caller looked, it is left alone and the error wraps ErrChanged.
// The folder must exist.
func Create(root, rel string, data []byte) error {
	return write(root, rel, bytesOf(data), func(p string) error {
		if _, err := os.Lstat(p); !errors.Is(err, fs.ErrNotExist) {
			return &fs.PathError{Op: "writing", Path: rel, Err: ErrChanged}
		}
		return nil
	})
}

// Unchanged returns an error wrapping ErrChanged when root/rel no longer
// holds old.
func Unchanged(root, rel string, old []byte) error {
	p, err := Inside(root, rel)
	if err != nil {
		return err
	}
	return same(p, rel, old)
}

// same compares the file at p with old; a file that is gone has changed.
func same(p, rel string, old []byte) error {
	cur, err := os.ReadFile(p)
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
func write(root, rel string, fill func(w io.Writer) error, check func(p string) error) error {
	p, err := Writable(root, rel)
	if err != nil {
		return err
	}
	perm := os.FileMode(0o644)
	if fi, err := os.Stat(p); err == nil {
		perm = fi.Mode().Perm()
	}
	dir := filepath.Dir(p)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(p)+".glosa-*")
	if err != nil {
		return fmt.Errorf("writing %s: %w", rel, err)
	}
	defer os.Remove(tmp.Name()) // no-op after a successful rename
	bw := bufio.NewWriter(tmp)
	if err := fill(bw); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %s: %w", rel, err)
	}
	if err := bw.Flush(); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %s: %w", rel, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %s: %w", rel, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", rel, err)
	}
	if err := os.Chmod(tmp.Name(), perm); err != nil {
		return fmt.Errorf("writing %s: %w", rel, err)
	}
	if check != nil {
		if err := check(p); err != nil {
			return err
		}
	}
	if beforeRename != nil {
		beforeRename(p)
	}
	if err := os.Rename(tmp.Name(), p); err != nil {
		return fmt.Errorf("writing %s: %w", rel, err)
	}
	return nil
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
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return "", err
	}
	if real, err := filepath.EvalSymlinks(filepath.Dir(p)); err == nil {
		r, err := filepath.Rel(realRoot, real)
		if err == nil && (r == ".git" || strings.HasPrefix(r, ".git"+string(filepath.Separator))) {
			return "", fmt.Errorf("%s: %w", rel, ErrOutsideRoot)
		}
	}
	return p, nil
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

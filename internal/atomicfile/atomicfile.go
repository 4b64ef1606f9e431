// Package atomicfile writes files of the repository so that a reader sees
// the old bytes or the new ones, never a mix, and never outside the root.
package atomicfile

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// ErrOutsideRoot is returned for a path that would leave the repository.
var ErrOutsideRoot = errors.New("path is outside the repository")

// ErrBrokenSymlink is returned for a symlink whose target does not exist.
var ErrBrokenSymlink = errors.New("path is a broken symlink")

// Write replaces root/rel with data: it writes a temporary file in the same
// folder, syncs it, gives it the old file's permissions (0644 for a new
// file) and renames it over the old one. rel is slash-separated and must
// stay inside root, also through symlinks; a symlink keeps pointing at the
// file, which gets the new bytes.
func Write(root, rel string, data []byte) error {
	p, err := Inside(root, rel)
	if err != nil {
		return err
	}
	// Through a symlink (checked to stay inside), write its target: the
	// rename would otherwise replace the link with a file.
	if real, err := filepath.EvalSymlinks(p); err == nil {
		p = real
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
	if _, err := tmp.Write(data); err != nil {
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
	if err := os.Rename(tmp.Name(), p); err != nil {
		return fmt.Errorf("writing %s: %w", rel, err)
	}
	return nil
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

package content

import (
	"io/fs"
	"path/filepath"

	"github.com/glosa/glosa/internal/l10n"
)

// Files is what a scan reads a project from: the work tree on disk (see
// Dir), or a revision read from git into memory. Paths are
// slash-separated and relative to the project's root.
type Files interface {
	// WalkDir walks the folder dir ("." for the root) as fs.WalkDir does,
	// following no symlink; fn gets slash-separated paths relative to the
	// root.
	WalkDir(dir string, fn fs.WalkDirFunc) error
	// FolderLink reports a symlink to a folder the scan does not enter
	// (one that leads outside the project), and why.
	FolderLink(rel string) (l10n.Text, bool)
	// ReadFile reads the file rel as ReadInsideMax does: refusing a
	// symlink that leads outside the project, a file that is not a
	// regular one and one over max bytes, with errors of package l10n.
	ReadFile(rel string, max int64) ([]byte, error)
}

// Dir returns the work tree at root as Files.
func Dir(root string) Files { return dirFiles(root) }

// dirFiles is the work tree on disk.
type dirFiles string

func (d dirFiles) WalkDir(dir string, fn fs.WalkDirFunc) error {
	root := string(d)
	return filepath.WalkDir(filepath.Join(root, filepath.FromSlash(dir)), func(p string, de fs.DirEntry, err error) error {
		rel, _ := filepath.Rel(root, p)
		return fn(filepath.ToSlash(rel), de, err)
	})
}

func (d dirFiles) FolderLink(rel string) (l10n.Text, bool) {
	return folderLink(string(d), filepath.Join(string(d), filepath.FromSlash(rel)))
}

func (d dirFiles) ReadFile(rel string, max int64) ([]byte, error) {
	return ReadInsideMax(string(d), rel, max)
}

package resultcache

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"

	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/l10n"
)

// Files returns the work tree as disk gives it, but walked from the
// listing the snapshot's walk took just before (see content.Files): the
// scans that follow do not list the folders and stat their files again.
// It calls the walk's function with what filepath.WalkDir would give
// (the same names, in the same order, with the same types), but for the
// hidden names the snapshot does not keep (other than git's files and
// glosa's temporary ones), which the scans pass over. A walk of a folder
// the snapshot did not list, or after DropStats, or when the walk could
// not read a folder or a file, reads the disk.
func (s *Snapshot) Files(disk content.Files) content.Files {
	return listed{s: s, disk: disk}
}

// listed is a Snapshot's Files; it reads the snapshot's listing when it
// walks, so that it holds none once dropped.
type listed struct {
	s    *Snapshot
	disk content.Files
}

func (l listed) FolderLink(rel string) (l10n.Text, bool)        { return l.disk.FolderLink(rel) }
func (l listed) ReadFile(rel string, max int64) ([]byte, error) { return l.disk.ReadFile(rel, max) }

func (l listed) WalkDir(dir string, fn fs.WalkDirFunc) error {
	key := dir
	if key == "." {
		key = ""
	}
	files := l.s.files
	if _, ok := files[key]; !ok {
		return l.disk.WalkDir(dir, fn)
	}
	// The start as filepath.WalkDir sees it: a link to a folder is not
	// entered.
	fi, err := os.Lstat(filepath.Join(l.s.root, filepath.FromSlash(dir)))
	if err != nil || !fi.IsDir() {
		return l.disk.WalkDir(dir, fn)
	}
	err = l.walk(files, dir, key, fs.FileInfoToDirEntry(fi), fn)
	if errors.Is(err, fs.SkipDir) || errors.Is(err, fs.SkipAll) {
		return nil
	}
	return err
}

// walk is filepath.WalkDir's walkDir on the listing: rel is the path fn
// gets, key the folder's in the listing.
func (l listed) walk(files map[string][]fileStat, rel, key string, d fs.DirEntry, fn fs.WalkDirFunc) error {
	if err := fn(rel, d, nil); err != nil || !d.IsDir() {
		if err == fs.SkipDir && d.IsDir() {
			err = nil
		}
		return err
	}
	list, ok := files[key]
	if !ok {
		// A folder the snapshot did not enter (hidden, node_modules)
		// that fn did not skip: read from the disk.
		return l.disk.WalkDir(rel, func(p string, d fs.DirEntry, err error) error {
			if p == rel && err == nil {
				return nil // fn has seen it
			}
			return fn(p, d, err)
		})
	}
	// A listing's names are plain (no slash, never . or ..): a child's
	// path is its folder's, made clean once, a slash and its name, as
	// path.Join would make it (two joins per file were 4.5% of a
	// one-edit status's CPU at 100,000 files).
	relDir, keyDir := prefixOf(rel), prefixOf(key)
	for _, f := range list {
		child, childKey := relDir+f.name, ""
		if f.info.dir {
			childKey = keyDir + f.name
		}
		if err := l.walk(files, child, childKey, listedEntry{f, l.s.root, child}, fn); err != nil {
			if err == fs.SkipDir {
				break
			}
			return err
		}
	}
	return nil
}

// prefixOf returns what a name in the folder dir is joined to: dir,
// clean, and a slash; "" for the top.
func prefixOf(dir string) string {
	if dir = path.Clean(dir); dir == "." || dir == "" {
		return ""
	}
	return dir + "/"
}

// listedEntry is a name of the listing as a fs.DirEntry.
type listedEntry struct {
	f         fileStat
	root, rel string
}

func (e listedEntry) Name() string      { return e.f.name }
func (e listedEntry) IsDir() bool       { return e.f.info.dir }
func (e listedEntry) Type() fs.FileMode { return typeOf(e.f.info) }

func (e listedEntry) Info() (fs.FileInfo, error) {
	if fi, ok := fileInfoOf(e.f.name, e.f.info); ok {
		return fi, nil
	}
	return os.Lstat(filepath.Join(e.root, filepath.FromSlash(e.rel)))
}

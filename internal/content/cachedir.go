package content

import (
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"

	"github.com/glosa/glosa/internal/l10n"
)

// ErrCacheLink is wrapped by the error of a cache folder that holds, or
// is, a symbolic link (or anything but a folder of regular files). glosa
// makes no link there, so one was planted, perhaps by a pull request to
// make a read-only command write where the link points: such a cache is
// neither read nor written, and the run's results are those of a run
// without a cache.
var ErrCacheLink = errors.New("a symbolic link in glosa's cache folder")

// CheckCacheDir returns an error wrapping ErrCacheLink, naming the path,
// when .glosa, CacheDir or a file in it is a symbolic link or not what
// glosa makes there (a folder, regular files); nil when they are, or do
// not exist yet.
func CheckCacheDir(root string) error {
	for _, rel := range []string{path.Dir(CacheDir), CacheDir} {
		fi, err := os.Lstat(filepath.Join(root, filepath.FromSlash(rel)))
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err != nil {
			return err
		}
		if !fi.IsDir() {
			return cacheLink(rel)
		}
	}
	list, err := os.ReadDir(filepath.Join(root, filepath.FromSlash(CacheDir)))
	if err != nil {
		return err
	}
	for _, d := range list {
		if !d.Type().IsRegular() {
			return cacheLink(CacheDir + "/" + d.Name())
		}
	}
	return nil
}

func cacheLink(rel string) error {
	return &l10n.Error{Text: l10n.Msg("cache.link", "Path", rel), Err: ErrCacheLink}
}

// makeCacheDir makes .glosa and CacheDir where they are missing, never
// through a link: they are made through an os.Root on root, whose Mkdir
// does not follow a link at the name it makes, nor one on the way that
// leads out, and a name that exists must be a real folder.
func makeCacheDir(root string) error {
	r, err := os.OpenRoot(root)
	if err != nil {
		return err
	}
	defer r.Close()
	for _, rel := range []string{path.Dir(CacheDir), CacheDir} {
		err := r.Mkdir(filepath.FromSlash(rel), 0o755)
		if err == nil {
			continue
		}
		if !errors.Is(err, fs.ErrExist) {
			return err
		}
		if fi, err := r.Lstat(filepath.FromSlash(rel)); err != nil || !fi.IsDir() {
			return cacheLink(rel)
		}
	}
	return nil
}

// ErrCacheTracked is wrapped by the error of a cache folder that git
// tracks: glosa never commits its cache, so a pull request put it there,
// and what it holds could say anything.
var ErrCacheTracked = errors.New("glosa's cache folder tracked by git")

// CheckCacheTracked returns an error wrapping ErrCacheTracked when git's
// index at root holds a file under the cache's folder (.glosa): records a
// commit brought, made for whatever bytes their maker chose, which a
// cache keyed by the digests of the files' bytes would otherwise take for
// its own. nil when nothing there is tracked, or root is not in a git
// work tree (or git is missing): no checkout there to bring one.
func CheckCacheTracked(root string) error {
	cmd := exec.Command("git", "--no-optional-locks", "-C", root, "ls-files", "-z", "--cached", "--", path.Dir(CacheDir))
	out, err := cmd.Output()
	if err != nil || len(out) == 0 {
		return nil
	}
	first, _, _ := strings.Cut(string(out), "\x00")
	return &l10n.Error{Text: l10n.Msg("cache.tracked", "Path", first), Err: ErrCacheTracked}
}

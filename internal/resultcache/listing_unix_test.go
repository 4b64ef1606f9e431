//go:build unix

package resultcache

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/glosa/glosa/internal/content"
)

// TestListedWalk compares a walk of the snapshot's listing with a walk of
// the disk (filepath.WalkDir): the same names in the same order, with the
// same types and answers to Info, for functions that skip folders, skip
// the rest of a folder from a file, and stop, as the scans' do; the
// hidden names the listing leaves out (all but git's files and glosa's
// temporary ones), which the scans pass over, are passed over in both.
func TestListedWalk(t *testing.T) {
	dir := newProject(t)
	for _, p := range []string{"content/es/sub/deep/c.md", "content/es/.hidden/h.md", "content/es/node_modules/m.md",
		"content/es/ä ö.md", "content/es/.#lock.md", "content/es/.a.md.glosa-123", "content/es/.gitignore", "content/es/z/skip.md",
		"content/es/z/zz.md", "locales/sub/es.yaml", "content/en/.hidden.md"} {
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(p)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, p), []byte("x\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(dir, "content/es/empty"), 0o755))
	must(os.Symlink("a.md", filepath.Join(dir, "content/es/link.md")))
	must(os.Symlink("sub", filepath.Join(dir, "content/es/linkdir")))
	must(os.Symlink("/", filepath.Join(dir, "content/es/outside")))
	must(os.Symlink("nowhere", filepath.Join(dir, "content/es/broken.md")))
	must(syscall.Mkfifo(filepath.Join(dir, "content/es/fifo"), 0o644))
	settle()
	_, snap, err := Lookup(request(t, dir))
	must(err)
	disk := content.Dir(dir)
	list := snap.Files(disk)
	if snap.files == nil {
		t.Fatal("no listing")
	}
	// kept says whether the listing keeps a name.
	kept := func(name string) bool {
		return !strings.HasPrefix(name, ".") || name == ".gitignore" || name == ".gitattributes" || content.IsTemp(name)
	}
	for _, skip := range []string{"", "content/es/sub", "content/es/z/skip.md", "all"} {
		for _, start := range []string{".", "content", "content/", "./content", "content/es", "content/es/sub", "locales", "content/es/.hidden", "content/es/node_modules", "nowhere"} {
			walk := func(files content.Files) []string {
				var seen []string
				err := files.WalkDir(start, func(rel string, d fs.DirEntry, err error) error {
					if d != nil && rel != start && !kept(d.Name()) {
						if d.IsDir() {
							return fs.SkipDir
						}
						return nil
					}
					line := fmt.Sprintf("%s err=%v", rel, err)
					if d != nil {
						fi, ierr := d.Info()
						line += fmt.Sprintf(" %s dir=%v type=%v", d.Name(), d.IsDir(), d.Type())
						if ierr == nil {
							line += fmt.Sprintf(" info=%s,%d,%v,%v", fi.Name(), fi.Size(), fi.Mode(), fi.ModTime().UnixNano())
						}
					}
					seen = append(seen, line)
					switch {
					case err != nil:
						return nil
					case rel == skip && skip != "":
						return fs.SkipDir
					case skip == "all" && rel == "content/es/sub":
						return fs.SkipAll
					case d.IsDir() && rel != start && (strings.HasPrefix(d.Name(), ".") || d.Name() == "node_modules"):
						return fs.SkipDir
					}
					return nil
				})
				seen = append(seen, fmt.Sprintf("end %v", err))
				return seen
			}
			if diff := cmp.Diff(walk(disk), walk(list)); diff != "" {
				t.Errorf("skip %q, from %s: the listing's walk differs from the disk's (-disk +listing):\n%s", skip, start, diff)
			}
		}
	}
	// Dropped, it walks the disk.
	snap.DropStats()
	var n int
	must(list.WalkDir("content", func(string, fs.DirEntry, error) error { n++; return nil }))
	if n == 0 {
		t.Error("nothing walked once dropped")
	}
}

// TestListingWithoutAFolder: a folder glosa.yaml names that is not there
// leaves the others listed; a walk of it reads the disk.
func TestListingWithoutAFolder(t *testing.T) {
	dir := newProject(t)
	if err := os.RemoveAll(filepath.Join(dir, "locales")); err != nil {
		t.Fatal(err)
	}
	settle()
	_, snap, err := Lookup(request(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := snap.Lstat("content/en/a.md"); !ok {
		t.Fatal("no listing when a folder is missing")
	}
	var n int
	err = snap.Files(content.Dir(dir)).WalkDir("locales", func(rel string, d fs.DirEntry, err error) error {
		n++
		if rel != "locales" || d != nil || !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("walking a missing folder: %q, %v, %v", rel, d, err)
		}
		return nil
	})
	if err != nil || n != 1 {
		t.Errorf("walking a missing folder: %v, %d calls", err, n)
	}
}

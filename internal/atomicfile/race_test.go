//go:build unix

package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// swapForLink moves the folder root/rel aside and puts a link to target in
// its place, as an attacker racing glosa would.
func swapForLink(t testing.TB, root, rel, target string) {
	p := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.Rename(p, p+".moved"); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, p); err != nil {
		t.Fatal(err)
	}
}

func emptyFolder(t *testing.T, dir string) {
	t.Helper()
	list, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range list {
		t.Errorf("written outside the root: %s", filepath.Join(dir, d.Name()))
	}
}

// TestSwapAfterCheck swaps the folder of the file being written for a link
// out of the root after the checks passed: the write is refused, and
// nothing is written where the link points.
func TestSwapAfterCheck(t *testing.T) {
	root, outside := t.TempDir(), t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "content", "es"), 0o755); err != nil {
		t.Fatal(err)
	}
	afterCheck = func(string) { swapForLink(t, root, "content", outside) }
	defer func() { afterCheck = nil }()
	err := Write(root, "content/es/a.md", []byte("x"))
	if !errors.Is(err, ErrOutsideRoot) {
		t.Errorf("Write through a folder swapped for a link out: %v, want ErrOutsideRoot", err)
	}
	emptyFolder(t, outside)
}

// TestSwapIntoGit swaps the folder of the file being written for a link
// into the repository's .git after the checks passed: the link stays
// inside the root, so os.Root alone would follow it; the write is refused
// all the same, and so is a removal.
func TestSwapIntoGit(t *testing.T) {
	for name, op := range map[string]func(root string) error{
		"Write":  func(root string) error { return Write(root, "content/es/config", []byte("x")) },
		"Remove": func(root string) error { return Remove(root, "content/es/config") },
	} {
		t.Run(name, func(t *testing.T) {
			root := t.TempDir()
			for _, dir := range []string{"content/es", ".git/es"} {
				if err := os.MkdirAll(filepath.Join(root, dir), 0o755); err != nil {
					t.Fatal(err)
				}
			}
			git := filepath.Join(root, ".git", "es", "config")
			if err := os.WriteFile(git, []byte("[core]\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			afterCheck = func(string) { swapForLink(t, root, "content", ".git") }
			defer func() { afterCheck = nil }()
			if name == "Remove" {
				// Remove has no hook of its own: the link is there from
				// the start, past the checks of Inside alone.
				afterCheck(git)
			}
			if err := op(root); !errors.Is(err, ErrOutsideRoot) {
				t.Errorf("%s through a folder swapped for a link into .git: %v, want ErrOutsideRoot", name, err)
			}
			if data, err := os.ReadFile(git); err != nil || string(data) != "[core]\n" {
				t.Errorf(".git/es/config = %q, %v; want it untouched", data, err)
			}
			if left, _ := filepath.Glob(filepath.Join(root, ".git", "es", ".*")); len(left) != 0 {
				t.Errorf("temporary files left in .git: %v", left)
			}
		})
	}
}

// TestSwapBeforeRename swaps the folder for a link out just before the
// rename: the file lands in the folder that was checked (now moved aside),
// never where the link points.
func TestSwapBeforeRename(t *testing.T) {
	root, outside := t.TempDir(), t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "content", "es"), 0o755); err != nil {
		t.Fatal(err)
	}
	beforeRename = func(string) { swapForLink(t, root, "content", outside) }
	defer func() { beforeRename = nil }()
	if err := Write(root, "content/es/a.md", []byte("x")); err != nil {
		t.Fatal(err)
	}
	emptyFolder(t, outside)
	if data, err := os.ReadFile(filepath.Join(root, "content.moved", "es", "a.md")); err != nil || string(data) != "x" {
		t.Errorf("the checked folder holds %q, %v; want x", data, err)
	}
}

// TestSwapRace writes files many times while a goroutine keeps swapping a
// folder on their path between the real folder and a link out of the
// root: some writes fail, none lands outside. Each kind of write glosa
// makes is tried: files, folders, removals.
func TestSwapRace(t *testing.T) {
	root, outside := t.TempDir(), t.TempDir()
	real := filepath.Join(root, "real")
	if err := os.MkdirAll(filepath.Join(real, "es"), 0o755); err != nil {
		t.Fatal(err)
	}
	// The attacker's folder has the same shape as the real one.
	if err := os.MkdirAll(filepath.Join(outside, "es"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(outside, "keep.md"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(root, "content")
	if err := os.Symlink("real", link); err != nil {
		t.Fatal(err)
	}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			target := "real"
			if i%2 == 1 {
				target = outside
			}
			tmp := link + ".new"
			os.Remove(tmp)
			if os.Symlink(target, tmp) == nil {
				os.Rename(tmp, link) // atomic: content is always a link
			}
		}
	})
	for range 500 {
		Write(root, "content/es/a.md", []byte("x"))
		Replace(root, "content/es/a.md", []byte("x"), []byte("y"))
		Create(root, "content/es/new.md", []byte("z"))
		MkdirAll(root, "content/es/sub/deeper")
		Remove(root, "content/es/new.md")
		Remove(root, "content/keep.md")
	}
	close(stop)
	wg.Wait()
	emptyFolder(t, filepath.Join(outside, "es"))
	list, err := os.ReadDir(outside)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 {
		var names []string
		for _, d := range list {
			names = append(names, d.Name())
		}
		t.Errorf("outside holds %v, want only es and keep.md", names)
	}
	if data, _ := os.ReadFile(filepath.Join(outside, "keep.md")); string(data) != "mine" {
		t.Errorf("keep.md outside = %q, want mine", data)
	}
}

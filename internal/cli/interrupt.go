package cli

import (
	"context"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/glosa/glosa/internal/content"
)

// ExitInterrupted is the exit code of a run stopped by Ctrl-C or SIGTERM,
// as shells report a process SIGINT ended (128 + 2).
const ExitInterrupted = 130

// strayAge is how old a temporary file of glosa's must be before a run
// removes it as left by a killed one: a run going on at the same time
// writes and renames its own within a second or so.
const strayAge = 10 * time.Second

// writing is held while stamp, sync or import writes one file of the
// repository (see replaceFile and writeChange), and taken for good by the
// cleanup after an interruption: the write going on ends, renamed or its
// temporary file removed, and no other starts. It is a process's, as the
// signals are.
var writing sync.Mutex

// stopWrites waits, at most wait, for the write going on to end, and keeps
// any other from starting.
func stopWrites(wait time.Duration) {
	locked := make(chan struct{})
	go func() {
		writing.Lock()
		close(locked)
	}()
	select {
	case <-locked:
	case <-time.After(wait):
	}
}

// runInterruptible runs run, and when SIGINT or SIGTERM comes first
// calls interrupted and returns ExitInterrupted without waiting for run:
// glosa's writes are atomic (a temporary file renamed over the old one),
// so every file is left old or new, and only the temporary files need
// removing (see removeOwnTemps and removeRunTemps). The cache's spool is
// unlinked as soon as it is made and needs nothing.
func runInterruptible(run func() int, interrupted func()) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	done := make(chan int, 1)
	go func() { done <- run() }()
	select {
	case code := <-done:
		return code
	case <-ctx.Done():
		interrupted()
		return ExitInterrupted
	}
}

// removeOwnTemps removes the temporary files this process has open, found
// through /proc/self/fd where the system has it: those it is writing,
// wherever they are (export --out, check --output).
func removeOwnTemps() {
	fds, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		return
	}
	for _, fd := range fds {
		p, err := os.Readlink(filepath.Join("/proc/self/fd", fd.Name()))
		if err != nil || !filepath.IsAbs(p) || !content.IsTemp(filepath.Base(p)) {
			continue
		}
		os.Remove(p)
	}
}

// removeRunTemps removes the temporary files in the repository at root
// made since the run started: those of its writes that are closed but not
// yet renamed (a large file's old bytes are read back before the rename),
// which removeOwnTemps does not see. It skips .git, node_modules and
// hidden folders other than .glosa, and follows no link. A run going on
// at the same time, in the same repository, may lose a temporary file to
// it: that run's write then fails with an error, and the file keeps its
// old bytes. One made after the walk is left to the next run (see
// removeStrayTemps).
func removeRunTemps(root string, start time.Time) {
	since := start.Add(-time.Second) // file times are coarse on some systems
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		name := d.Name()
		if d.IsDir() {
			if p != root && (name == "node_modules" || strings.HasPrefix(name, ".") && name != ".glosa") {
				return fs.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() || !content.IsTemp(name) {
			return nil
		}
		if fi, err := d.Info(); err == nil && !fi.ModTime().Before(since) {
			os.Remove(p)
		}
		return nil
	})
}

// removeStrayTemps removes the temporary files of glosa's writes that a
// killed run left: those the scan found under the content folders (rels)
// and those in glosa's own folder, .glosa. It removes only regular files
// (never through a symlink) named as atomicfile names them, last
// modified strayAge before start. It removes them through an os.Root on
// root, so that a folder swapped for a link meanwhile cannot lead it out.
func removeStrayTemps(root string, rels []string, start time.Time) {
	r, err := os.OpenRoot(root)
	if err != nil {
		return
	}
	defer r.Close()
	remove := func(p string) {
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return
		}
		fi, err := r.Lstat(rel)
		if err == nil && fi.Mode().IsRegular() && content.IsTemp(fi.Name()) && fi.ModTime().Before(start.Add(-strayAge)) {
			r.Remove(rel)
		}
	}
	for _, rel := range rels {
		remove(filepath.Join(root, filepath.FromSlash(rel)))
	}
	own := filepath.Join(root, ".glosa")
	if fi, err := os.Lstat(own); err != nil || !fi.IsDir() {
		return
	}
	// WalkDir follows no symlink.
	_ = filepath.WalkDir(own, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() && strings.HasPrefix(d.Name(), ".") {
			remove(p)
		}
		return nil
	})
}

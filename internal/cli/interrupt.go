package cli

import (
	"context"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
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

// runInterruptible runs run, and when SIGINT or SIGTERM comes first
// removes the temporary files this process is writing and returns
// ExitInterrupted without waiting for it: glosa's writes are atomic (a
// temporary file renamed over the old one), so every file is left old or
// new, and only the temporary files need removing. The cache's spool is
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
		removeOwnTemps()
		interrupted()
		return ExitInterrupted
	}
}

// removeOwnTemps removes the temporary files this process has open, found
// through /proc/self/fd where the system has it. One closed already but not
// yet renamed (a moment's window) is left to the next run (see
// removeStrayTemps).
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

// removeStrayTemps removes the temporary files of glosa's writes that a
// killed run left: those the scan found under the content folders (rels)
// and those in glosa's own folder, .glosa. It removes only regular files
// (never through a symlink) named as atomicfile names them, last
// modified strayAge before start.
func removeStrayTemps(root string, rels []string, start time.Time) {
	remove := func(p string) {
		fi, err := os.Lstat(p)
		if err == nil && fi.Mode().IsRegular() && content.IsTemp(fi.Name()) && fi.ModTime().Before(start.Add(-strayAge)) {
			os.Remove(p)
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

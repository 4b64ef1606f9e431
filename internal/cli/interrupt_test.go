//go:build unix && !race

package cli

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/glosa/glosa/internal/testtree"
)

// TestInterruptLeavesNoTemps sends SIGINT to glosa stamp --all, sync and
// status (which writes its cache of megabytes) while each writes: the run
// ends with ExitInterrupted and leaves no temporary file behind. The big
// entry is made bigger than killRepo's: stamp reads a file's old bytes back
// after its temporary file is closed, and at 12 MB that takes long enough
// for a signal to come then.
func TestInterruptLeavesNoTemps(t *testing.T) {
	if testing.Short() {
		t.Skip("interrupts glosa processes")
	}
	glosa, err := exec.LookPath("glosa") // this test binary, as TestMain set up
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"stamp", "--all"}, {"sync"}, {"status"}} {
		interrupted := 0
		for i := range 3 {
			dir := killRepo(t)
			big := strings.Repeat("A paragraph of a long entry, repeated to make the file big.\n\n", 200_000)
			testtree.Write(t, dir, map[string]string{
				"content/en/big.md": "---\ntitle: Big\n---\n\n" + big,
				"content/es/big.md": "---\ntitle: Grande\n---\n\n" + strings.ToUpper(big),
			})
			cmd := exec.Command(glosa, append([]string{"-C", dir}, args...)...)
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			exited := make(chan struct{})
			var werr error
			go func() { werr = cmd.Wait(); close(exited) }()
			waitTemp(dir, exited)
			// Anywhere in the writing, the old bytes' read-back included.
			time.Sleep(time.Duration(i) * 15 * time.Millisecond)
			cmd.Process.Signal(syscall.SIGINT)
			<-exited
			var ee *exec.ExitError
			switch {
			case werr == nil:
				// It was done before the signal came.
			case errors.As(werr, &ee) && ee.ExitCode() == ExitInterrupted:
				interrupted++
			default:
				t.Errorf("glosa %v, run %d: %v, want exit %d", args, i, werr, ExitInterrupted)
			}
			if _, temps := snapshot(t, dir); len(temps) > 0 {
				t.Errorf("glosa %v, run %d: temporary files left: %v", args, i, temps)
			}
		}
		t.Logf("glosa %v: %d of 3 runs interrupted while writing", args, interrupted)
	}
}

// waitTemp waits until a temporary file of atomicfile appears where glosa
// writes, or the process exits.
func waitTemp(dir string, exited <-chan struct{}) {
	for {
		for _, folder := range []string{"content/es", "content/it", "locales", ".glosa/cache"} {
			if m, _ := filepath.Glob(filepath.Join(dir, folder, ".*.glosa-*")); len(m) > 0 {
				return
			}
		}
		select {
		case <-exited:
			return
		case <-time.After(200 * time.Microsecond):
		}
	}
}

// TestStrayTempsRemoved checks that a run removes the temporary files a
// killed one left, in the content folders and in .glosa, and nothing else:
// not a recent one (a run going on at the same time may be writing it),
// not a symlink named like one, not a file named otherwise.
func TestStrayTempsRemoved(t *testing.T) {
	dir := killRepo(t)
	old := time.Now().Add(-time.Hour)
	files := map[string]bool{ // path: whether the run removes it
		"content/es/.big.md.glosa-123":    true,
		".glosa/cache/.content.glosa-456": true,
		"content/es/.recent.md.glosa-789": false,
		"content/es/.big.md.glosa-x":      false,
		"content/es/.notes":               false,
	}
	for rel := range files {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
		if rel != "content/es/.recent.md.glosa-789" {
			if err := os.Chtimes(p, old, old); err != nil {
				t.Fatal(err)
			}
		}
	}
	outside := filepath.Join(t.TempDir(), "keep")
	if err := os.WriteFile(outside, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "content/es/.link.md.glosa-1")
	if err := os.Symlink(outside, link); err != nil {
		t.Fatal(err)
	}
	files["content/es/.link.md.glosa-1"] = false
	glosa, err := exec.LookPath("glosa")
	if err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(glosa, "-C", dir, "status").CombinedOutput(); err != nil {
		t.Fatalf("glosa status: %v\n%s", err, out)
	}
	for rel, removed := range files {
		_, err := os.Lstat(filepath.Join(dir, rel))
		if gone := errors.Is(err, os.ErrNotExist); gone != removed {
			t.Errorf("%s: removed %v, want %v", rel, gone, removed)
		}
	}
	if _, err := os.Stat(outside); err != nil {
		t.Errorf("the link's target: %v", err)
	}
}

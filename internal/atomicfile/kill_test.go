//go:build unix

package atomicfile

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
)

// killEnv names the file the child of TestKillBeforeRename writes.
const killEnv = "ATOMICFILE_KILL_TARGET"

// TestKillBeforeRename runs Write in a child process that kills itself
// with SIGKILL just before the rename, after the new bytes are written and
// synced to the temporary file: the target must still hold exactly its old
// bytes, and the temporary file left behind is a dot file.
func TestKillBeforeRename(t *testing.T) {
	if target := os.Getenv(killEnv); target != "" {
		beforeRename = func(string) { syscall.Kill(os.Getpid(), syscall.SIGKILL) }
		Write(filepath.Dir(target), filepath.Base(target), make([]byte, 1<<20))
		os.Exit(0) // not reached: the kill comes first
	}
	root := t.TempDir()
	target := filepath.Join(root, "llm.md")
	old := []byte("---\ntitle: old\n---\nold body\n")
	if err := os.WriteFile(target, old, 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestKillBeforeRename$")
	cmd.Env = append(os.Environ(), killEnv+"="+target)
	err := cmd.Run()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
		t.Fatalf("child: %v, want killed by SIGKILL", err)
	}
	data, err := os.ReadFile(target)
	if err != nil || string(data) != string(old) {
		t.Errorf("after a kill before the rename the file holds %d bytes (%v), want the old %d", len(data), err, len(old))
	}
	left, _ := filepath.Glob(filepath.Join(root, ".llm.md.glosa-*"))
	if len(left) != 1 {
		t.Errorf("temporary files after the kill: %v, want one", left)
	}
}

//go:build unix

package content

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestReadInsideFIFO: a named pipe named like a content file is refused at
// once; reading it would block forever.
func TestReadInsideFIFO(t *testing.T) {
	root := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(root, "pipe.md"), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	_, err := ReadInside(root, "pipe.md")
	if err == nil || !strings.Contains(err.Error(), "not a regular file (a named pipe)") {
		t.Fatalf("ReadInside(fifo) error = %v, want it refused as a named pipe", err)
	}
}

package cli

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/glosa/glosa/internal/testtree"
)

// TestWritesKeepMode gives the files stamp, sync and import write unusual
// permissions (0600, 0755, 0640): each command replaces their bytes and
// keeps their modes; a file sync creates gets 0644.
func TestWritesKeepMode(t *testing.T) {
	modes := map[string]fs.FileMode{
		"content/es/a.md":        0o600,
		"content/es/b.md":        0o755,
		"locales/active.es.yaml": 0o640,
	}
	tests := []struct {
		name string
		args []string
		// written are the files of modes the command rewrites.
		written []string
	}{
		{"stamp", []string{"stamp", "--all"}, []string{"content/es/a.md", "content/es/b.md", "locales/active.es.yaml"}},
		{"sync", []string{"sync"}, []string{"locales/active.es.yaml"}},
		{"import", []string{"import", "writes.csv"}, []string{"content/es/a.md", "content/es/b.md", "locales/active.es.yaml"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := testtree.Txtar(t, writesRepo)
			for rel, mode := range modes {
				if err := os.Chmod(filepath.Join(dir, rel), mode); err != nil {
					t.Fatal(err)
				}
			}
			before := readAll(t, dir, tt.written)
			args := append([]string(nil), tt.args...)
			if tt.name == "import" {
				args[1] = filepath.Join(dir, args[1])
			}
			if code, stderr := runIn(t, dir, args...); code != ExitOK {
				t.Fatalf("exit code %d; stderr:\n%s", code, stderr)
			}
			after := readAll(t, dir, tt.written)
			for _, rel := range tt.written {
				if bytes.Equal(after[rel], before[rel]) {
					t.Errorf("%s was not written", rel)
				}
				fi, err := os.Stat(filepath.Join(dir, rel))
				if err != nil {
					t.Fatal(err)
				}
				if got := fi.Mode().Perm(); got != modes[rel] {
					t.Errorf("%s: mode %v after %s, want %v", rel, got, tt.name, modes[rel])
				}
			}
			if tt.name == "sync" {
				fi, err := os.Stat(filepath.Join(dir, "content/es/c.md"))
				if err != nil || fi.Mode().Perm() != 0o644 {
					t.Errorf("the stub content/es/c.md: %v, %v; want mode 0644", fi, err)
				}
			}
		})
	}
}

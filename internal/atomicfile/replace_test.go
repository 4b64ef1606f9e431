package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestReplace(t *testing.T) {
	root := t.TempDir()
	p := filepath.Join(root, "llm.md")
	if err := os.WriteFile(p, []byte("read"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Replace(root, "llm.md", []byte("read"), []byte("new")); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(p); string(data) != "new" {
		t.Errorf("after Replace: %q, want new", data)
	}
	if fi, err := os.Stat(p); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("mode after Replace: %v, %v; want 0600", fi, err)
	}
	// Someone else wrote the file since it was read: it is left alone.
	if err := os.WriteFile(p, []byte("theirs"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Replace(root, "llm.md", []byte("new"), []byte("mine")); !errors.Is(err, ErrChanged) {
		t.Errorf("Replace of a changed file: %v, want ErrChanged", err)
	}
	if data, _ := os.ReadFile(p); string(data) != "theirs" {
		t.Errorf("Replace wrote over a changed file: %q", data)
	}
	// A file removed since it was read has changed too.
	if err := Replace(root, "gone.md", []byte("x"), []byte("y")); !errors.Is(err, ErrChanged) {
		t.Errorf("Replace of a removed file: %v, want ErrChanged", err)
	}
	if _, err := os.Stat(filepath.Join(root, "gone.md")); err == nil {
		t.Error("Replace created a file that was removed")
	}
	if err := Unchanged(root, "llm.md", []byte("theirs")); err != nil {
		t.Errorf("Unchanged of an unchanged file: %v", err)
	}
	err := Unchanged(root, "llm.md", []byte("new"))
	var pe *fs.PathError
	if !errors.Is(err, ErrChanged) || !errors.As(err, &pe) || pe.Path != "llm.md" {
		t.Errorf("Unchanged of a changed file: %v, want ErrChanged for llm.md", err)
	}
	noTemporaries(t, root)
}

func TestCreate(t *testing.T) {
	root := t.TempDir()
	if err := Create(root, "new.md", []byte("x")); err != nil {
		t.Fatal(err)
	}
	if err := Create(root, "new.md", []byte("y")); !errors.Is(err, ErrChanged) {
		t.Errorf("Create over a file: %v, want ErrChanged", err)
	}
	if data, _ := os.ReadFile(filepath.Join(root, "new.md")); string(data) != "x" {
		t.Errorf("Create replaced a file: %q", data)
	}
	if err := os.Symlink("nowhere.md", filepath.Join(root, "link.md")); err != nil {
		t.Skipf("symlinks: %v", err)
	}
	if err := Create(root, "link.md", []byte("y")); err == nil {
		t.Error("Create over a broken symlink succeeded")
	}
	noTemporaries(t, root)
}

func noTemporaries(t *testing.T, root string) {
	t.Helper()
	left, _ := filepath.Glob(filepath.Join(root, ".*.glosa-*"))
	if len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestSyncDirs(t *testing.T) {
	root := t.TempDir()
	if err := Write(root, "a.md", []byte("x")); err != nil {
		t.Fatal(err)
	}
	// Nothing to check but that it neither fails nor leaves the root on
	// paths that lead out or do not exist.
	SyncDirs(root, []string{"a.md", "a.md", "../x.md", "missing/b.md"})
}

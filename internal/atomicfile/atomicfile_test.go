package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestWrite(t *testing.T) {
	root := t.TempDir()
	p := filepath.Join(root, "content", "es", "llm.md")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Write(root, "content/es/llm.md", []byte("new")); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(p)
	if err != nil || string(data) != "new" {
		t.Fatalf("after Write: %q, %v", data, err)
	}
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want the old file's 0600", fi.Mode().Perm())
	}
	// A new file gets 0644 and no temporary file is left behind.
	if err := Write(root, "content/es/new.md", []byte("x")); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(filepath.Join(root, "content/es/new.md")); err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("new file: %v, %v", fi, err)
	}
	left, _ := filepath.Glob(filepath.Join(root, "content", "es", ".*"))
	if len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestWriteMissingFolder(t *testing.T) {
	root := t.TempDir()
	err := Write(root, "content/es/llm.md", []byte("x"))
	if err == nil {
		t.Fatal("Write into a folder that does not exist succeeded")
	}
	if got, want := err.Error()[:len("writing content/es/llm.md: ")], "writing content/es/llm.md: "; got != want {
		t.Errorf("error %q does not start with %q", err, want)
	}
}

func TestInside(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(root, "content", "out")); err != nil {
		t.Skipf("symlinks: %v", err)
	}
	if err := os.WriteFile(filepath.Join(outside, "f.md"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "f.md"), filepath.Join(root, "content", "link.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "nowhere.md"), filepath.Join(root, "content", "dangling.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(root, "content"), filepath.Join(root, "alias")); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		rel     string
		outside bool
	}{
		{"content/es/llm.md", false},
		{"content/es/../it/llm.md", false},
		{"alias/es/llm.md", false}, // a symlink that stays inside
		{"new/folder/file.md", false},
		{"../x.md", true},
		{"content/../../x.md", true},
		{"/etc/passwd", true},
		{"", true},
		{"content/out/x.md", true},     // through a symlinked folder
		{"content/out/a/b/x.md", true}, // even where nothing exists yet
		{"content/link.md", true},      // a symlink to a file outside
	}
	for _, tt := range tests {
		_, err := Inside(root, tt.rel)
		if got := errors.Is(err, ErrOutsideRoot); got != tt.outside {
			t.Errorf("Inside(%q) = %v, want outside %v", tt.rel, err, tt.outside)
		}
		if !tt.outside && err != nil {
			t.Errorf("Inside(%q): %v", tt.rel, err)
		}
	}
	if _, err := Inside(root, "content/dangling.md"); !errors.Is(err, ErrBrokenSymlink) {
		t.Errorf("Inside of a broken symlink: %v, want ErrBrokenSymlink", err)
	}
	if err := Write(root, "content/out/x.md", []byte("x")); !errors.Is(err, ErrOutsideRoot) {
		t.Errorf("Write through a symlink out: %v", err)
	}
	if _, err := os.Stat(filepath.Join(outside, "x.md")); err == nil {
		t.Error("Write wrote outside the root")
	}
}

func TestWriteThroughSymlink(t *testing.T) {
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "llm.md"), []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("llm.md", filepath.Join(root, "alias.md")); err != nil {
		t.Skipf("symlinks: %v", err)
	}
	if err := Write(root, "alias.md", []byte("new")); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(filepath.Join(root, "alias.md")); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("alias.md is no longer a symlink: %v, %v", fi, err)
	}
	if data, _ := os.ReadFile(filepath.Join(root, "llm.md")); string(data) != "new" {
		t.Errorf("llm.md = %q, want new", data)
	}
}

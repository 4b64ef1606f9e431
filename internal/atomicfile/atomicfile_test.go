package atomicfile

import (
	"errors"
	"io"
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

func TestWriteRefusesSymlink(t *testing.T) {
	root := t.TempDir()
	for _, dir := range []string{".git", "content/en"} {
		if err := os.MkdirAll(filepath.Join(root, dir), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for name, data := range map[string]string{".git/config": "[core]\n", "content/en/a.md": "source\n"} {
		if err := os.WriteFile(filepath.Join(root, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	links := map[string]string{
		"config.md":    ".git/config",        // a file inside, in .git
		"content/a.md": "en/a.md",            // a file inside, not in .git
		"dangling.md":  "nowhere.md",         // a broken link
		"gitdir":       ".git",               // a folder into .git
		"content/es":   "en",                 // a folder inside: followed
		"content/it":   "../.git/../content", // a folder inside, by way of .git
	}
	for link, target := range links {
		if err := os.Symlink(target, filepath.Join(root, link)); err != nil {
			t.Skipf("symlinks: %v", err)
		}
	}
	tests := []struct {
		rel  string
		want error
	}{
		{"config.md", ErrSymlink},
		{"content/a.md", ErrSymlink},
		{"dangling.md", ErrBrokenSymlink},
		{"gitdir/config", ErrOutsideRoot},
		{"gitdir/hooks-new", ErrOutsideRoot},
		{".git/config", ErrOutsideRoot},
		{"content/es/a.md", nil},
		{"content/it/new.md", nil},
	}
	for _, tt := range tests {
		for name, write := range map[string]func() error{
			"Write":   func() error { return Write(root, tt.rel, []byte("new")) },
			"Replace": func() error { return Replace(root, tt.rel, []byte("source\n"), []byte("new")) },
			"WriteFrom": func() error {
				return WriteFrom(root, tt.rel, func(w io.Writer) error { _, err := w.Write([]byte("new")); return err })
			},
		} {
			err := write()
			if tt.want == nil {
				if err != nil && !errors.Is(err, ErrChanged) {
					t.Errorf("%s(%q): %v", name, tt.rel, err)
				}
				continue
			}
			if !errors.Is(err, tt.want) {
				t.Errorf("%s(%q) = %v, want %v", name, tt.rel, err, tt.want)
			}
		}
	}
	if data, _ := os.ReadFile(filepath.Join(root, ".git/config")); string(data) != "[core]\n" {
		t.Errorf(".git/config = %q, written through a link", data)
	}
	if fi, err := os.Lstat(filepath.Join(root, "config.md")); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("config.md is no longer a symlink: %v, %v", fi, err)
	}
	if left, _ := filepath.Glob(filepath.Join(root, ".git", ".*")); len(left) != 0 {
		t.Errorf("temporary files left in .git: %v", left)
	}
}

// TestStop: after Stop, no write makes a temporary file; it fails with
// ErrStopped and the file keeps its bytes.
func TestStop(t *testing.T) {
	t.Cleanup(func() {
		gate.Lock()
		gate.stopped = false
		gate.Unlock()
	})
	dir := t.TempDir()
	if err := Write(dir, "f.txt", []byte("old")); err != nil {
		t.Fatal(err)
	}
	Stop()
	if err := Write(dir, "f.txt", []byte("new")); !errors.Is(err, ErrStopped) {
		t.Fatalf("Write after Stop: %v, want ErrStopped", err)
	}
	if _, err := Scratch(dir, ".", ".scratch-"); !errors.Is(err, ErrStopped) {
		t.Fatalf("Scratch after Stop: %v, want ErrStopped", err)
	}
	names, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(names) != 1 || names[0].Name() != "f.txt" {
		t.Errorf("files after Stop: %v, want f.txt only", names)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "f.txt")); string(b) != "old" {
		t.Errorf("f.txt = %q, want its old bytes", b)
	}
}

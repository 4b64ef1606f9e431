package testtree

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// read returns every file under dir by its slash-separated path.
func read(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestWrite(t *testing.T) {
	files := map[string]string{"glosa.yaml": "source: en\n", "content/es/a.md": "hola\n", "content/en/a.md": ""}
	dir := t.TempDir()
	Write(t, dir, files)
	if diff := cmp.Diff(files, read(t, dir)); diff != "" {
		t.Errorf("Write (-want +got):\n%s", diff)
	}
}

func TestTxtar(t *testing.T) {
	dir := Txtar(t, "a comment\n-- glosa.yaml --\nsource: en\n-- content/es/a.md --\nhola\n")
	want := map[string]string{"glosa.yaml": "source: en\n", "content/es/a.md": "hola\n"}
	if diff := cmp.Diff(want, read(t, dir)); diff != "" {
		t.Errorf("Txtar (-want +got):\n%s", diff)
	}
}

func TestGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("git is not installed")
		}
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	Write(t, dir, map[string]string{"a.md": "a\n"})
	Git(t, dir, "init", "-q", "-b", "main")
	Git(t, dir, "add", "-A")
	Git(t, dir, "commit", "-q", "-m", "first")
	if got := Git(t, dir, "log", "--format=%an <%ae> %s"); got != "Ada <ada@example.org> first" {
		t.Errorf("git log = %q, want the fixed author and the message, trimmed", got)
	}
}

// TestOnlyTests keeps testtree out of glosa's binary: no file but a test
// imports it.
func TestOnlyTests(t *testing.T) {
	root := filepath.Join("..", "..")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return err
		}
		data, err := os.ReadFile(p)
		if err == nil && strings.Contains(string(data), `"github.com/glosa/glosa/internal/testtree"`) {
			t.Errorf("%s imports testtree; only _test.go files may", p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestStrings(t *testing.T) {
	got := slices.Collect(Strings([]string{"a", "bc"}, 2))
	want := []string{"", "a", "aa", "abc", "bc", "bca", "bcbc"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Strings (-want +got):\n%s", diff)
	}
	for s := range Strings([]string{"x"}, 3) {
		if s == "x" {
			break // yield's false ends the walk
		}
	}
}

// Package testtree builds folders of files for tests: a map of files or a
// txtar archive written under a folder, and git run in it with no user or
// system configuration; measures what a read allocates; and lists every
// short string over an alphabet, for differential tests.
//
// It is for _test.go files only; glosa's own code never imports it.
package testtree

import (
	"iter"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// Write writes files (slash-separated paths to contents) under dir,
// making the folders they need.
func Write(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		WriteFile(t, dir, name, []byte(data))
	}
}

// WriteFile writes one file at the slash-separated path name under dir,
// making the folders it needs.
func WriteFile(t testing.TB, dir, name string, data []byte) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// Txtar writes the files of a txtar archive under a new temporary folder
// and returns the folder.
func Txtar(t testing.TB, archive string) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range txtar.Parse([]byte(archive)).Files {
		WriteFile(t, dir, f.Name, f.Data)
	}
	return dir
}

// Git runs git with args in dir and returns its output, trimmed; a
// failure fails the test. The user's and the system's git configuration
// are ignored and the author and committer are fixed, so that it runs the
// same everywhere; set GIT_AUTHOR_DATE and GIT_COMMITTER_DATE (t.Setenv)
// for commits of known dates.
func Git(t testing.TB, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL="+os.DevNull, "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=Ada", "GIT_AUTHOR_EMAIL=ada@example.org", "GIT_COMMITTER_NAME=Ada", "GIT_COMMITTER_EMAIL=ada@example.org")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

// Allocated returns how many bytes of heap running f allocates, after a
// collection: what a test of hostile input compares with the input's
// size, so that reading it costs in proportion (not a timing).
func Allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// Strings yields every string of at most n pieces of alphabet, the empty
// one first, each piece followed by every longer string it starts: what
// a differential test compares a fast path and its reference on.
func Strings(alphabet []string, n int) iter.Seq[string] {
	return func(yield func(string) bool) {
		var walk func(prefix string, depth int) bool
		walk = func(prefix string, depth int) bool {
			if !yield(prefix) {
				return false
			}
			if depth == n {
				return true
			}
			for _, a := range alphabet {
				if !walk(prefix+a, depth+1) {
					return false
				}
			}
			return true
		}
		walk("", 0)
	}
}

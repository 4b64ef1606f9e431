package corpus

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/glosa/glosa/internal/cli"
	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/iostreams"
)

// TestCacheIdentical proves that glosa's cache changes no result: on a
// generated corpus, check and status in every machine format give the
// same bytes without the cache, with an empty one, with a full one, and,
// after files are edited, added, removed and renamed, with the cache of
// before the edits. It runs in process, with the race detector in CI.
func TestCacheIdentical(t *testing.T) {
	dir := t.TempDir()
	if _, err := Generate(dir, Options{Slugs: 25, Langs: 4, Messages: 60, Sections: 3, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	age(t, dir, time.Hour)
	runs := [][]string{
		{"check", "--format", "json"},
		{"check", "--format", "github"},
		{"check"},
		{"status", "--format", "json"},
		{"status", "--by", "entry", "--format", "csv"},
	}
	compare := func(stage string) {
		t.Helper()
		for _, args := range runs {
			want := glosa(t, dir, append([]string{"--no-cache"}, args...)...)
			if got := glosa(t, dir, args...); got != want {
				t.Errorf("%s: glosa %s differs with the cache:\n%s", stage, strings.Join(args, " "), cmp.Diff(want, got))
			}
		}
	}
	compare("empty cache")
	cache := filepath.Join(dir, filepath.FromSlash(content.CacheDir), "content")
	if _, err := os.Stat(cache); err != nil {
		t.Fatalf("no cache written: %v", err)
	}
	compare("full cache")
	if fi, err := os.Stat(cache); err != nil || fi.Size() < 10_000 {
		t.Fatalf("the cache holds next to nothing: %v, %v", fi, err)
	}
	if stamp := modTime(t, cache); glosa(t, dir, "status", "--format", "json") == "" || !modTime(t, cache).Equal(stamp) {
		t.Errorf("a run with nothing changed rewrote the cache: it did not find every file in it")
	}

	// Edit a source, a translation and a draft; add, remove and rename
	// files; all with old times, as a checkout would leave them, but not
	// the times the cache remembers.
	edits := 0
	err := filepath.WalkDir(filepath.Join(dir, "content"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		edits++
		switch edits % 9 {
		case 1:
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(p, append(data, "\nA paragraph added later, with a [link](/it/x) [9].\n"...), 0o644)
		case 4:
			return os.Remove(p)
		case 7:
			return os.Rename(p, strings.TrimSuffix(p, ".md")+"-moved.md")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	age(t, dir, 30*time.Minute)
	compare("after edits")
	compare("after edits, cache rewritten")
}

// TestCacheDamaged checks that a truncated, altered or foreign cache file
// is ignored, gives the results of no cache, and is replaced by a good one.
func TestCacheDamaged(t *testing.T) {
	dir := t.TempDir()
	if _, err := Generate(dir, Options{Slugs: 15, Langs: 3, Messages: 20, Sections: 2, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	age(t, dir, time.Hour)
	want := glosa(t, dir, "--no-cache", "check", "--format", "json")
	glosa(t, dir, "check", "--format", "json")
	cache := filepath.Join(dir, filepath.FromSlash(content.CacheDir), "content")
	good, err := os.ReadFile(cache)
	if err != nil {
		t.Fatal(err)
	}
	flipped := bytes.Clone(good)
	flipped[len(flipped)/2] ^= 0x40
	for name, data := range map[string][]byte{
		"truncated": good[:len(good)*2/3],
		"one byte":  good[:1],
		"empty":     nil,
		"flipped":   flipped,
		"foreign":   []byte("PK\x03\x04 not a cache at all"),
		"same size": bytes.Repeat([]byte{0}, len(good)),
	} {
		if err := os.WriteFile(cache, data, 0o644); err != nil {
			t.Fatal(err)
		}
		// The whole-result cache would replay the last run without
		// reading the content cache at all (nothing in the content
		// folders changed): this test is about the content cache.
		replays, _ := filepath.Glob(filepath.Join(filepath.Dir(cache), "result-*"))
		for _, r := range replays {
			if err := os.Remove(r); err != nil {
				t.Fatal(err)
			}
		}
		if got := glosa(t, dir, "check", "--format", "json"); got != want {
			t.Errorf("%s cache: results differ:\n%s", name, cmp.Diff(want, got))
		}
		if after, err := os.ReadFile(cache); err != nil || !bytes.Equal(after, good) {
			t.Errorf("%s cache: not replaced by the good one (err %v)", name, err)
		}
	}
}

// TestCacheConcurrent runs glosa several times at once on one repository:
// each run gives the results of no cache, and the cache left behind is
// whole and used.
func TestCacheConcurrent(t *testing.T) {
	dir := t.TempDir()
	if _, err := Generate(dir, Options{Slugs: 30, Langs: 3, Messages: 50, Sections: 2, Seed: 5}); err != nil {
		t.Fatal(err)
	}
	age(t, dir, time.Hour)
	want := glosa(t, dir, "--no-cache", "check", "--format", "json")
	var wg sync.WaitGroup
	for range 6 {
		wg.Go(func() {
			if got := glosa(t, dir, "check", "--format", "json"); got != want {
				t.Errorf("a concurrent run differs:\n%s", cmp.Diff(want, got))
			}
		})
	}
	wg.Wait()
	cache := filepath.Join(dir, filepath.FromSlash(content.CacheDir), "content")
	before, err := os.Stat(cache)
	if err != nil {
		t.Fatal(err)
	}
	if got := glosa(t, dir, "check", "--format", "json"); got != want {
		t.Errorf("the run after differs:\n%s", cmp.Diff(want, got))
	}
	// A run that found every file in the cache does not write it.
	if after, err := os.Stat(cache); err != nil || !after.ModTime().Equal(before.ModTime()) {
		t.Errorf("the cache left by the concurrent runs was not used whole (err %v)", err)
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(cache), ".content.glosa-*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

func modTime(t *testing.T, p string) time.Time {
	t.Helper()
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return fi.ModTime()
}

// glosa runs glosa in process in dir and returns its output; it fails the
// test when glosa fails as a tool.
func glosa(t *testing.T, dir string, args ...string) string {
	t.Helper()
	var out, errOut bytes.Buffer
	ios := &iostreams.IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut}
	if code := cli.Run(ios, append([]string{"-C", dir}, args...)); code != cli.ExitOK && code != cli.ExitFailed {
		t.Errorf("glosa %s exited with %d:\n%s", strings.Join(args, " "), code, errOut.String())
	}
	return out.String()
}

// age sets the times of every file under dir to d ago, so that the cache
// takes them (it leaves out files changed in the last seconds), and so
// that they differ from any time it remembers.
func age(t *testing.T, dir string, d time.Duration) {
	t.Helper()
	when := time.Now().Add(-d)
	err := filepath.WalkDir(dir, func(p string, de fs.DirEntry, err error) error {
		if err != nil || de.IsDir() {
			return err
		}
		return os.Chtimes(p, when, when)
	})
	if err != nil {
		t.Fatal(err)
	}
}

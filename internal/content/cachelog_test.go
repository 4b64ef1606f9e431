package content

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/testtree"
)

// TestCacheLog edits, removes and adds files between scans: a run that
// changed a few records appends them to the cache file (the same file,
// grown), and the records the file then gives are those of a cache
// written whole; once the records no longer counted would be more than
// half of it, the file is written anew, compact.
func TestCacheLog(t *testing.T) {
	cfg, err := config.Parse(config.FileName, []byte("source: en\ncontent:\n  - path: content/{lang}/{slug}.md\n"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files := map[string]string{}
	for i := range 12 {
		files[fmt.Sprintf("content/en/p%02d.md", i)] = fmt.Sprintf("---\ntitle: Page %d\n---\n\nA paragraph of page %d.\n", i, i)
		files[fmt.Sprintf("content/es/p%02d.md", i)] = fmt.Sprintf("---\ntitle: Página %d\n---\n\nUn párrafo de la página %d.\n", i, i)
	}
	testtree.Write(t, dir, files)
	age := time.Hour
	ageAll := func() {
		t.Helper()
		when := time.Now().Add(-age)
		err := filepath.WalkDir(filepath.Join(dir, "content"), func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			return os.Chtimes(p, when, when)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	cacheFile := filepath.Join(dir, filepath.FromSlash(CacheDir), cacheFile)
	// run scans with the cache and saves it; it returns the records the
	// cache file then holds, by path.
	run := func() map[string][]byte {
		t.Helper()
		c := OpenCache(dir, cfg, true)
		repo, err := ScanWith(dir, cfg, ScanOptions{Cache: c, Prepare: true, Bodies: true})
		if err != nil {
			t.Fatal(err)
		}
		if err := c.Save(repo); err != nil {
			t.Fatal(err)
		}
		c.Close()
		c = OpenCache(dir, cfg, true)
		defer c.Close()
		if c.old == nil {
			t.Fatal("the cache file written is refused")
		}
		out := map[string][]byte{}
		for p, at := range c.index {
			out[p] = read(c.old, at)
		}
		return out
	}
	// whole returns the records of a cache written whole, from nothing,
	// and puts the cache file back.
	whole := func() map[string][]byte {
		t.Helper()
		if err := os.Rename(cacheFile, cacheFile+".log"); err != nil {
			t.Fatal(err)
		}
		out := run()
		if err := os.Rename(cacheFile+".log", cacheFile); err != nil {
			t.Fatal(err)
		}
		return out
	}
	inode := func() os.FileInfo {
		t.Helper()
		fi, err := os.Stat(cacheFile)
		if err != nil {
			t.Fatal(err)
		}
		return fi
	}
	// write writes a file with an old time, another at each call, that
	// the cache takes.
	write := func(name, text string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		age -= time.Second
		when := time.Now().Add(-age)
		if err := os.Chtimes(p, when, when); err != nil {
			t.Fatal(err)
		}
	}
	ageAll()
	run()
	every := func(more string) func() {
		return func() {
			for name, text := range files {
				write(name, text+more)
			}
		}
	}
	steps := []struct {
		name   string
		change func()
		append bool // whether the file is appended to, not written anew
	}{
		{"one file edited", func() { write("content/es/p03.md", "---\ntitle: Página tres\n---\n\nOtro párrafo.\n") }, true},
		{"one file removed", func() { os.Remove(filepath.Join(dir, "content/es/p04.md")) }, true},
		{"one file added", func() { write("content/es/p99.md", "---\ntitle: Nueva\n---\n\nNuevo.\n") }, true},
		{"the same file edited again", func() { write("content/es/p03.md", "---\ntitle: Página 3\n---\n\nY otro.\n") }, true},
		// Half the file is records no longer counted: appended.
		{"every file edited", every("\nMore.\n"), true},
		// More than half: written anew.
		{"every file edited again", every("\nEven more.\n"), false},
		{"one file edited after", func() { write("content/en/p00.md", "---\ntitle: Zero\n---\n") }, true},
	}
	for _, s := range steps {
		before := inode()
		s.change()
		got := run()
		after := inode()
		if appended := os.SameFile(before, after) && after.Size() > before.Size(); appended != s.append {
			t.Errorf("%s: appended = %v, want %v", s.name, appended, s.append)
		}
		if diff := cmp.Diff(whole(), got); diff != "" {
			t.Errorf("%s: the records differ from a cache written whole (-whole +log):\n%s", s.name, diff)
		}
	}
	// One file edited again and again: its old records pile up until
	// they are more than half of the file, which is then written anew.
	for i := 0; ; i++ {
		if i == 100 {
			t.Fatal("one file edited 100 times: the cache file was never written anew")
		}
		before := inode()
		write("content/en/p01.md", fmt.Sprintf("---\ntitle: Edit %d\n---\n", i))
		got := run()
		if diff := cmp.Diff(whole(), got); diff != "" {
			t.Fatalf("edit %d of one file: the records differ from a cache written whole (-whole +log):\n%s", i, diff)
		}
		if !os.SameFile(before, inode()) {
			break
		}
	}
}

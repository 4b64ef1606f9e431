package content

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/testtree"
)

// TestCacheRefusesLinks plants the links of the attack audit in .glosa: a
// read-only scan must neither read nor write through them, nor make a
// folder where they point, and must find what a scan without cache finds.
func TestCacheRefusesLinks(t *testing.T) {
	files := map[string]string{
		".git/config":       "[core]\n",
		"content/en/a.md":   "---\ntitle: A\n---\nText.\n",
		"content/es/a.md":   "---\ntitle: A\n---\nTexto.\n",
		"content/it/.keep":  "",
		"outside/.keep":     "",
		"outside/cache/old": "",
	}
	tests := []struct {
		name  string
		links map[string]string // link -> target, relative to the repository
		// untouched are files and folders that must stay as they were.
		untouched []string
		link      string // the path the refusal names
	}{
		{"cache file to .git/config", map[string]string{".glosa/cache/content": "../../.git/config"}, []string{".git/config"}, ".glosa/cache/content"},
		{"gitignore to a source", map[string]string{".glosa/cache/.gitignore": "../../content/en/a.md"}, []string{"content/en/a.md"}, ".glosa/cache/.gitignore"},
		{"words to .git/config", map[string]string{".glosa/cache/words": "../../.git/config"}, []string{".git/config"}, ".glosa/cache/words"},
		{"cache folder to a language", map[string]string{".glosa/cache": "../content/it"}, []string{"content/it"}, ".glosa/cache"},
		{".glosa out of the repository", map[string]string{".glosa": "outside"}, []string{"outside"}, ".glosa"},
	}
	cfg, err := config.Parse(config.FileName, []byte("source: en\ncontent:\n  - path: content/{lang}/{slug}.md\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			testtree.Write(t, dir, files)
			when := time.Now().Add(-time.Hour)
			for name := range files {
				if err := os.Chtimes(filepath.Join(dir, filepath.FromSlash(name)), when, when); err != nil {
					t.Fatal(err)
				}
			}
			for link, target := range tt.links {
				p := filepath.Join(dir, filepath.FromSlash(link))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.Symlink(filepath.FromSlash(target), p); err != nil {
					t.Skipf("symlinks: %v", err)
				}
			}
			before := listing(t, dir, tt.untouched)
			want, err := Scan(dir, cfg)
			if err != nil {
				t.Fatal(err)
			}
			c := OpenCache(dir, cfg, true)
			defer c.Close()
			if err := c.Refused(); !errors.Is(err, ErrCacheLink) || !strings.Contains(err.Error(), tt.link) {
				t.Errorf("Refused() = %v, want ErrCacheLink naming %s", err, tt.link)
			}
			got, err := ScanWith(dir, cfg, ScanOptions{Cache: c, Prepare: true})
			if err != nil {
				t.Fatal(err)
			}
			if err := c.Save(got); !errors.Is(err, ErrCacheLink) {
				t.Errorf("Save = %v, want ErrCacheLink", err)
			}
			if diff := cmp.Diff(paths(want), paths(got)); diff != "" {
				t.Errorf("entries differ from a scan without cache (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(before, listing(t, dir, tt.untouched)); diff != "" {
				t.Errorf("written through a link (-before +after):\n%s", diff)
			}
		})
	}
}

// TestCacheDirMade checks that a repository without .glosa gets one, made
// without following links, and that it passes CheckCacheDir afterwards.
func TestCacheDirMade(t *testing.T) {
	dir := t.TempDir()
	testtree.Write(t, dir, map[string]string{"content/en/a.md": "---\ntitle: A\n---\nText.\n"})
	if err := makeCacheDir(dir); err != nil {
		t.Fatal(err)
	}
	if err := CheckCacheDir(dir); err != nil {
		t.Errorf("CheckCacheDir after makeCacheDir: %v", err)
	}
	if err := os.Symlink("../content", filepath.Join(dir, ".glosa", "other")); err != nil {
		t.Skipf("symlinks: %v", err)
	}
	if err := CheckCacheDir(dir); err != nil {
		t.Errorf("a link beside the cache folder, not in it: %v", err)
	}
}

func paths(r *Repo) []string {
	var out []string
	for _, e := range r.Entries {
		out = append(out, e.Path+" "+e.Slug)
	}
	return out
}

// listing returns the content of each file under the given paths.
func listing(t *testing.T, dir string, rels []string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, rel := range rels {
		root := filepath.Join(dir, filepath.FromSlash(rel))
		err := filepath.Walk(root, func(p string, fi os.FileInfo, err error) error {
			if err != nil {
				return err
			}
			if !fi.IsDir() {
				data, err := os.ReadFile(p)
				if err != nil {
					return err
				}
				out[p] = string(data)
			} else {
				out[p] = "/"
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return out
}

package content

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/testtree"
	buildinfo "github.com/glosa/glosa/internal/version"
)

// TestReleasedFromCache proves that a released entry comes back from the
// cache's record, not from its file: the first scan with the cache reads
// the files and loads them back from the records it made, the second reads
// no file at all (the files are made unreadable), and both give the same
// bodies, values, states' inputs and blocks' letters as a scan that keeps
// everything.
func TestReleasedFromCache(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Log("as root, unreadable files stay readable: the second scan is only compared")
	}
	dir := t.TempDir()
	files := map[string]string{
		"content/it/llm.md":  "---\ntitle: LLM\ntranslationKey: llm\nsources:\n  - url: https://it.wikipedia.org/wiki/LLM\n---\n# Modello\n\nUn [modello](/it/gguf) di linguaggio [1].\n",
		"content/es/llm.md":  "---\ntitle: LLM\ntranslation:\n  source: it\n  hash: sha256-00\ndraft: false\n---\n# Modelo\n\nUn modelo.\n\n`tar xf`\n\n模型很大。\n",
		"content/it/gguf.md": "---\ntitle: GGUF\n---\nUn formato.\n",
		// A record larger than the buffer the cache file is read through.
		"content/it/big.md": "---\ntitle: Grande\n---\n" + strings.Repeat("Un paragrafo [con](/it/gguf) parole, ripetuto.\n\n", 3000),
		// A Meta longer than what CachedMeta reads first.
		"content/it/front.md": "---\ntitle: " + strings.Repeat("Lungo ", 100) + "\ncategory: Uno\ncategories: [Due, Uno, Tre]\n---\nTesto.\n",
	}
	when := time.Now().Add(-time.Hour)
	testtree.Write(t, dir, files)
	for name := range files {
		if err := os.Chtimes(filepath.Join(dir, filepath.FromSlash(name)), when, when); err != nil {
			t.Fatal(err)
		}
	}
	cfg, err := config.Parse(config.FileName, []byte("source: it\ncontent:\n  - path: content/{lang}/{slug}.md\n    fields:\n      title: text\n      sources:\n        - url: url\n"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := Scan(dir, cfg)
	if err != nil {
		t.Fatal(err)
	}
	type seen struct {
		Path, Slug, Hash        string
		Words, KeyLine, Headers int
		Draft                   bool
		Record                  *Record
		Values                  []string
		Links                   int
		// Letters are each block's letters of prose (see BlockLetters).
		Letters []int
	}
	describe := func(r *Repo) []seen {
		var out []seen
		for _, e := range r.Entries {
			s := seen{Path: e.Path, Slug: e.Slug, Hash: e.Hash(r.Schema(e)), Words: e.Words(r.Schema(e)), KeyLine: e.KeyLine(),
				Draft: e.Draft, Record: e.Record, Headers: e.Body().Structure.Headings, Links: len(e.Body().Links)}
			for _, v := range e.Values(r.Schema(e)) {
				s.Values = append(s.Values, v.Path+"="+v.Node.Value)
			}
			for i := range e.Body().Blocks {
				s.Letters = append(s.Letters, e.BlockLetters(i))
			}
			out = append(out, s)
		}
		return out
	}
	wantSeen := describe(want)
	if got := wantSeen[0].Letters; !reflect.DeepEqual(got, []int{6, 8, 0, 4}) {
		t.Fatalf("content/es/llm.md: blocks' letters %v, want [6 8 0 4]", got)
	}
	for pass := range 2 {
		c := OpenCache(dir, cfg, true)
		r, err := ScanWith(dir, cfg, ScanOptions{Cache: c, Prepare: true, Bodies: true, Release: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range r.Entries {
			if !e.released || e.Doc != nil {
				t.Fatalf("pass %d: %s is not released after the scan", pass, e.Path)
			}
		}
		if pass == 1 { // nothing may read the files now
			for name := range files {
				if err := os.Chmod(filepath.Join(dir, filepath.FromSlash(name)), 0); err != nil {
					t.Fatal(err)
				}
			}
		}
		metas := make([]Meta, len(r.Entries))
		for i, e := range r.Entries {
			var ok bool
			if metas[i], ok = e.CachedMeta(); !ok || !e.released {
				t.Fatalf("pass %d: %s: no CachedMeta, or it loaded the entry", pass, e.Path)
			}
		}
		Load(r.Entries)
		for i, e := range r.Entries {
			if want := MetaOf(e.Doc); !reflect.DeepEqual(metas[i], want) {
				t.Errorf("pass %d: %s: CachedMeta gave %+v, the loaded document %+v", pass, e.Path, metas[i], want)
			}
			if _, ok := e.CachedMeta(); ok {
				t.Errorf("pass %d: %s: CachedMeta of a loaded entry", pass, e.Path)
			}
		}
		for _, e := range r.Entries {
			if !e.cached || e.Doc == nil || e.Doc.Front == nil {
				t.Errorf("pass %d: %s was loaded from its file, not from the cache's record", pass, e.Path)
			}
			if pass == 1 && !e.hit {
				t.Errorf("pass %d: %s was not found in the cache", pass, e.Path)
			}
		}
		if got := describe(r); !equalSeen(got, wantSeen) {
			t.Errorf("pass %d: entries differ from a scan that keeps everything:\n got %+v\nwant %+v", pass, got, wantSeen)
		}
		if err := c.Save(r); err != nil {
			t.Fatal(err)
		}
		c.Close()
	}
}

func equalSeen[T any](a, b []T) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !reflect.DeepEqual(a[i], b[i]) {
			return false
		}
	}
	return true
}

// TestAdoptedByBytes proves that a file whose stat data changed but whose
// bytes did not (a fresh clone, a checkout, a copy, a restored CI cache)
// keeps its record: the scan reads it, finds the digest of its bytes in
// the record and parses nothing; the record is saved again under the new
// stat data, which the next scan finds without reading the file. A file
// of the same size whose bytes changed is parsed again.
func TestAdoptedByBytes(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"content/it/llm.md":  "---\ntitle: LLM\ncategories: [AI]\n---\n# Modello\n\nUn [modello](/it/gguf) di linguaggio [1].\n",
		"content/es/llm.md":  "---\ntitle: LLM\ntranslation:\n  source: it\n  hash: sha256-00\n---\n# Modelo\n\nUn modelo.\n",
		"content/it/gguf.md": "---\ntitle: GGUF\n---\nUn formato.\n",
		"content/es/gguf.md": "---\ntitle: GGUF\n---\nUn formato.\n",
	}
	testtree.Write(t, dir, files)
	setTimes := func(ago time.Duration) {
		t.Helper()
		when := time.Now().Add(-ago)
		for name := range files {
			if err := os.Chtimes(filepath.Join(dir, filepath.FromSlash(name)), when, when); err != nil {
				t.Fatal(err)
			}
		}
	}
	setTimes(3 * time.Hour)
	cfg, err := config.Parse(config.FileName, []byte("source: it\ncontent:\n  - path: content/{lang}/{slug}.md\n"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := Scan(dir, cfg)
	if err != nil {
		t.Fatal(err)
	}
	describe := func(r *Repo) []string {
		var out []string
		for _, e := range r.Entries {
			out = append(out, fmt.Sprintf("%s %s %s %d %v %+v %+v", e.Path, e.Slug, e.Hash(r.Schema(e)), e.Words(r.Schema(e)), e.Record, e.Body().Structure, MetaOf(e.document())))
		}
		return out
	}
	wantSeen := describe(want)
	scan := func(pass string) (*Repo, *Cache) {
		t.Helper()
		c := OpenCache(dir, cfg, true)
		r, err := ScanWith(dir, cfg, ScanOptions{Cache: c, Prepare: true, Bodies: true, Release: true})
		if err != nil {
			t.Fatal(err)
		}
		if got := describe(r); !slices.Equal(got, wantSeen) {
			t.Errorf("%s: entries differ from a scan without the cache:\n got %q\nwant %q", pass, got, wantSeen)
		}
		return r, c
	}
	save := func(r *Repo, c *Cache) {
		t.Helper()
		if err := c.Save(r); err != nil {
			t.Fatal(err)
		}
		c.Close()
	}
	r, c := scan("first scan")
	save(r, c)

	// Every file again, as a new file (another inode) with the same bytes
	// and other times.
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.WriteFile(p+".new", []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(p+".new", p); err != nil {
			t.Fatal(err)
		}
	}
	setTimes(2 * time.Hour)
	r, c = scan("copied")
	for _, e := range r.Entries {
		if !e.hit || !e.rekey {
			t.Errorf("copied: %s was parsed again, not adopted by its bytes (hit %v, rekey %v)", e.Path, e.hit, e.rekey)
		}
		if id, ok := c.Identity(e); !ok || !bytes.Equal(id, e.sum[:]) || e.sum != sha256.Sum256([]byte(files[e.Path])) {
			t.Errorf("copied: %s: identity %x %v, want the digest of its bytes", e.Path, id, ok)
		}
	}
	save(r, c)

	r, c = scan("after the copy")
	for _, e := range r.Entries {
		if !e.hit || e.rekey {
			t.Errorf("after the copy: %s was not found by its new stat data (hit %v, rekey %v)", e.Path, e.hit, e.rekey)
		}
	}
	save(r, c)

	// The same size, other bytes: parsed again.
	p := filepath.Join(dir, "content", "it", "gguf.md")
	if err := os.WriteFile(p, []byte(strings.Replace(files["content/it/gguf.md"], "Un formato.", "Un fermato.", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	when := time.Now().Add(-time.Hour)
	if err := os.Chtimes(p, when, when); err != nil {
		t.Fatal(err)
	}
	c = OpenCache(dir, cfg, true)
	r, err = ScanWith(dir, cfg, ScanOptions{Cache: c, Prepare: true, Bodies: true, Release: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range r.Entries {
		if e.Path == "content/it/gguf.md" && e.hit {
			t.Errorf("%s changed, same size: taken from the cache", e.Path)
		}
	}
	c.Close()
}

// TestNamedBuild: a build whose sources its version or commit names
// keeps its cache whatever its executable; another is told apart by it.
func TestNamedBuild(t *testing.T) {
	for _, c := range []struct {
		info buildinfo.Info
		want bool
	}{
		{buildinfo.Info{Version: "v1.2.3", Commit: "0123abcd"}, true},
		{buildinfo.Info{Version: "v1.2.3"}, true},
		{buildinfo.Info{Version: "v0.0.0-20261207175954-eb4254217077", Commit: "eb42542"}, true},
		{buildinfo.Info{Version: "v0.0.0-20261207175954-eb4254217077+dirty", Commit: "eb42542", Modified: true}, false},
		{buildinfo.Info{Version: "v0.0.0-20261207175954-eb4254217077+dirty"}, false},
		{buildinfo.Info{Version: "dev"}, false},
	} {
		if got := namedBuild(c.info); got != c.want {
			t.Errorf("namedBuild(%+v) = %v, want %v", c.info, got, c.want)
		}
	}
}

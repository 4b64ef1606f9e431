package content

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/testtree"
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

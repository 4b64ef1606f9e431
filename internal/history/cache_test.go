package history

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/glosa/glosa/internal/testtree"
)

const testCache = ".glosa/cache/history"

// testMinor marks some of generate's commits minor ("commit 1", "commit
// 12", "commit 105"…), so that the cache keeps flags of both values.
var testMinor = Minor{Trailer: testTrailer, Keywords: []string{"commit 1"}}

// loadCached loads dir's history with the cache file, checks that it came
// from where want says, saves it, and checks that every answer is that of
// a fresh Load.
func loadCached(t *testing.T, dir string, want source, pathspecs ...string) *Index {
	t.Helper()
	// As glosa's cache folder does, it keeps git from seeing it.
	testtree.WriteFile(t, dir, ".glosa/cache/.gitignore", []byte("*\n"))
	ix, err := LoadWith(dir, Options{Cache: testCache, Minor: testMinor}, pathspecs...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if ix.source != want {
		t.Errorf("the history came from %d, want %d", ix.source, want)
	}
	if err := ix.SaveCache(); err != nil {
		t.Fatal(err)
	}
	fresh, err := LoadWith(dir, Options{Minor: testMinor}, pathspecs...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { fresh.Close() })
	sameAnswers(t, fresh, ix)
	return ix
}

// sameAnswers checks that got answers every question as want does: every
// query on every path the history names (and one it does not), since
// every commit, and the order of the commits itself.
func sameAnswers(t *testing.T, want, got *Index) {
	t.Helper()
	hashes := func(ix *Index) []string {
		var out []string
		for _, c := range ix.commits {
			out = append(out, c.hash)
		}
		return out
	}
	if d := cmp.Diff(hashes(want), hashes(got)); d != "" {
		t.Fatalf("commits differ (-fresh +cached):\n%s", d)
	}
	for _, h := range hashes(want) {
		if want.Minor(h) != got.Minor(h) {
			t.Errorf("Minor(%s) = %v, want %v", h, got.Minor(h), want.Minor(h))
		}
	}
	if want.Head() != got.Head() || want.Shallow() != got.Shallow() || want.linear != got.linear {
		t.Errorf("Head, Shallow, linear = %s %v %v, want %s %v %v", got.Head(), got.Shallow(), got.linear, want.Head(), want.Shallow(), want.linear)
	}
	var paths []string
	for p := range want.byPath {
		paths = append(paths, want.rel(p))
	}
	slices.Sort(paths)
	paths = append(paths, "never/there.md")
	revs := append(hashes(want), "HEAD", "HEAD~1", "0000000")
	for _, p := range paths {
		if d := cmp.Diff(want.Changes(p), got.Changes(p)); d != "" {
			t.Errorf("Changes(%s) differ (-fresh +cached):\n%s", p, d)
		}
		wl, wok := want.LastChange(p)
		gl, gok := got.LastChange(p)
		if d := cmp.Diff(wl, gl); d != "" || wok != gok {
			t.Errorf("LastChange(%s) differ (-fresh +cached):\n%s", p, d)
		}
		if w, g := want.RenamedTo(p), got.RenamedTo(p); w != g {
			t.Errorf("RenamedTo(%s) = %q, want %q", p, g, w)
		}
		if w, g := want.Dirty(p), got.Dirty(p); w != g {
			t.Errorf("Dirty(%s) = %v, want %v", p, g, w)
		}
		for _, rev := range revs {
			wc, wok := want.Since(p, rev)
			gc, gok := got.Since(p, rev)
			if d := cmp.Diff(wc, gc); d != "" || wok != gok {
				t.Errorf("Since(%s, %s) differ (-fresh +cached):\n%s", p, rev, d)
			}
		}
		for _, q := range paths[:min(len(paths), 8)] {
			wc, wok := want.ChangedAfter(p, q)
			gc, gok := got.ChangedAfter(p, q)
			if wc != gc || wok != gok {
				t.Errorf("ChangedAfter(%s, %s) = %v, %v, want %v, %v", p, q, gc, gok, wc, wok)
			}
		}
	}
}

// TestCacheMatchesLoad walks one repository through the moves a cache
// meets (a fast-forward, one that merges an old side branch either way
// round, a rewind, a rebase) and checks after each that the history read
// with the cache answers as a fresh Load does, and came from where it
// should.
func TestCacheMatchesLoad(t *testing.T) {
	r := newRepo(t)
	generate(t, r.dir, 60, 12)
	loadCached(t, r.dir, fromLog)
	loadCached(t, r.dir, fromCache)

	t.Run("linear fast-forward", func(t *testing.T) {
		r.write("content/section-1/page-1.md", "changed\n")
		r.commit("edit")
		r.git("mv", "content/section-2/page-2.md", "content/section-2/renamed.md")
		r.commit("rename")
		loadCached(t, r.dir, fromExtend)
		loadCached(t, r.dir, fromCache)
	})
	t.Run("fast-forward merging an old branch", func(t *testing.T) {
		r.git("checkout", "-q", "-b", "old", "HEAD~20")
		r.write("content/section-3/page-3.md", "on the old branch\n")
		r.write("content/side.md", "side\n")
		r.commit("old branch")
		r.git("checkout", "-q", "main")
		r.write("content/section-3/page-3.md", "on main\n")
		r.commit("main")
		r.git("merge", "-q", "--no-ff", "-X", "ours", "-m", "merge old", "old")
		loadCached(t, r.dir, fromExtend)
	})
	t.Run("fast-forward to a branch that merged main", func(t *testing.T) {
		// main's old head is the merge's second parent: git lists the
		// first parent's side after main's newest commits.
		r.git("checkout", "-q", "-b", "feature", "HEAD~25")
		r.write("content/section-4/page-4.md", "feature one\n")
		r.commit("feature one")
		r.write("content/section-5/page-5.md", "feature two\n")
		r.commit("feature two")
		r.git("merge", "-q", "--no-ff", "-X", "ours", "-m", "merge main into feature", "main")
		r.git("checkout", "-q", "main")
		r.write("content/section-4/page-4.md", "main again\n")
		r.commit("main before")
		r.git("checkout", "-q", "feature")
		r.git("merge", "-q", "--no-ff", "-X", "ours", "-m", "merge main again", "main")
		r.git("checkout", "-q", "main")
		r.git("merge", "-q", "--ff-only", "feature")
		loadCached(t, r.dir, fromExtend)
		loadCached(t, r.dir, fromCache)
	})
	t.Run("rewind", func(t *testing.T) {
		r.git("reset", "-q", "--hard", "HEAD~3")
		loadCached(t, r.dir, fromLog)
	})
	t.Run("rebase", func(t *testing.T) {
		r.git("reset", "-q", "--hard", "HEAD~1")
		r.write("content/section-6/page-6.md", "rebased\n")
		r.commit("a commit in place of the one dropped")
		loadCached(t, r.dir, fromLog)
	})
	t.Run("dirty work tree", func(t *testing.T) {
		r.write("content/section-7/page-7.md", "not committed\n")
		r.write("content/new.md", "untracked\n")
		loadCached(t, r.dir, fromCache)
	})
	t.Run("other pathspecs", func(t *testing.T) {
		loadCached(t, r.dir, fromLog, "content/section-1")
		loadCached(t, r.dir, fromCache, "content/section-1")
		loadCached(t, r.dir, fromLog)
	})
	t.Run("subfolder", func(t *testing.T) {
		sub := filepath.Join(r.dir, "content")
		loadCached(t, sub, fromLog, "section-1", "section-2")
		loadCached(t, sub, fromCache, "section-1", "section-2")
	})
	t.Run("replace ref", func(t *testing.T) {
		loadCached(t, r.dir, fromCache)
		r.git("replace", "--graft", "HEAD~2")
		loadCached(t, r.dir, fromLog)
		r.git("replace", "-d", strings.TrimSpace(r.git("rev-parse", "HEAD~2")))
		loadCached(t, r.dir, fromLog)
	})
}

// TestCacheShallow fast-forwards a shallow clone: the clone's cut stays
// where it was, and the history read with the cache is a fresh Load's.
// Deepening it (a new cut) reads the whole history again.
func TestCacheShallow(t *testing.T) {
	r := newRepo(t)
	generate(t, r.dir, 50, 10)
	clone := filepath.Join(t.TempDir(), "clone")
	r.git("clone", "-q", "--depth", "10", "file://"+r.dir, clone)
	c := &repo{tb: t, dir: clone, clock: r.clock}
	if !loadCached(t, clone, fromLog).Shallow() {
		t.Fatal("the clone is not shallow")
	}
	loadCached(t, clone, fromCache)
	r.write("content/section-1/page-1.md", "changed\n")
	r.commit("edit")
	r.write("content/section-2/page-2.md", "changed\n")
	r.commit("edit again")
	c.git("pull", "-q", "--ff-only")
	loadCached(t, clone, fromExtend)
	c.git("fetch", "-q", "--deepen", "5")
	loadCached(t, clone, fromLog)
}

// TestCacheDamaged checks that a cache file cut short, with a byte
// changed, made for other pathspecs or by another glosa, or that is a
// link, is not used.
func TestCacheDamaged(t *testing.T) {
	r := newRepo(t)
	generate(t, r.dir, 30, 8)
	loadCached(t, r.dir, fromLog)
	file := filepath.Join(r.dir, filepath.FromSlash(testCache))
	good, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	flip := func(i int) []byte {
		b := slices.Clone(good)
		b[i] ^= 0x40
		return b
	}
	tests := map[string][]byte{
		"empty":              {},
		"cut short":          good[:len(good)/2],
		"no checksum":        good[:len(good)-4],
		"a byte changed":     flip(len(good) / 2),
		"checksum changed":   flip(len(good) - 1),
		"magic changed":      flip(0),
		"key changed":        flip(len(cacheMagic) + 3),
		"trailing bytes":     append(slices.Clone(good), 0, 0, 0, 0),
		"another file whole": []byte("glosa-cache\n"),
	}
	for name, data := range tests {
		t.Run(name, func(t *testing.T) {
			if err := os.WriteFile(file, data, 0o644); err != nil {
				t.Fatal(err)
			}
			loadCached(t, r.dir, fromLog)
			loadCached(t, r.dir, fromCache)
		})
	}
	t.Run("link", func(t *testing.T) {
		target := filepath.Join(t.TempDir(), "elsewhere")
		if err := os.WriteFile(target, good, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Remove(file); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, file); err != nil {
			t.Fatal(err)
		}
		ix, err := LoadWith(r.dir, Options{Cache: testCache})
		if err != nil {
			t.Fatal(err)
		}
		defer ix.Close()
		if ix.source != fromLog {
			t.Errorf("a cache file that is a link was read")
		}
		if err := ix.SaveCache(); err == nil {
			t.Errorf("SaveCache wrote through a link")
		}
		if b, _ := os.ReadFile(target); !slices.Equal(b, good) {
			t.Errorf("the link's target changed")
		}
	})
}

// TestCacheDecodeNoPanic checks that no prefix or one-byte change of a cache
// file, its checksum made right, makes decodeCache panic.
func TestCacheDecodeNoPanic(t *testing.T) {
	r := newRepo(t)
	generate(t, r.dir, 12, 4)
	ix := loadCached(t, r.dir, fromLog)
	good := ix.encodeCache()
	body := good[:len(good)-4]
	for i := len(cacheMagic) + len(ix.key); i < len(body); i++ {
		flipped := slices.Clone(body)
		flipped[i] ^= 0xff
		for _, b := range [][]byte{body[:i], flipped} {
			decodeCache(appendChecksum(slices.Clone(b)), ix.key) // must not panic
		}
	}
	if decodeCache(good, ix.key) == nil {
		t.Fatal("the cache file made was not read back")
	}
}

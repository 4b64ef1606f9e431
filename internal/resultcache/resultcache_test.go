package resultcache

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"hash/crc32"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/testtree"
)

const project = `
-- glosa.yaml --
source: en
languages: [en, es]
content:
  - path: content/{lang}/{slug}.md
locales:
  - path: locales/{lang}.yaml
terms:
  files:
    - {path: glossary/terms.csv, source: en, lang: es}
-- glossary/terms.csv --
source,target
alpha,alfa
-- content/en/a.md --
---
title: Alpha
---

Alpha.
-- content/es/a.md --
---
title: Alfa
---

Alfa.
-- content/en/sub/b.md --
---
title: Beta
---
-- locales/en.yaml --
hello: Hello
-- docs/other.md --
not walked
`

// settle waits until every file written so far is old enough to trust.
func settle() { time.Sleep(2 * fineMargin) }

// newProject returns a committed project and its configuration.
func newProject(t *testing.T) string {
	t.Helper()
	t.Setenv("GIT_CONFIG_GLOBAL", os.DevNull)
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	dir := testtree.Txtar(t, project)
	testtree.Git(t, dir, "init", "-q")
	testtree.Git(t, dir, "add", ".")
	testtree.Git(t, dir, "commit", "-qm", "one")
	return dir
}

func request(t *testing.T, dir string, shape ...string) Request {
	t.Helper()
	cfg, err := config.Load(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	return Request{Root: dir, Config: cfg, Shape: append([]string{"status"}, shape...)}
}

// store runs a miss and stores a result for req, failing when it hits.
func store(t *testing.T, req Request, res Result) {
	t.Helper()
	got, snap, err := Lookup(req)
	if err != nil {
		t.Fatal(err)
	}
	if got != nil {
		t.Fatalf("hit before the result was stored: %q", got.Stdout)
	}
	if snap.racy {
		t.Fatal("racy right after settle")
	}
	if err := snap.Save(res); err != nil {
		t.Fatal(err)
	}
}

// TestReplayKey changes each input of a stored result once and expects a
// miss; unchanged, a hit with the stored bytes.
func TestReplayKey(t *testing.T) {
	res := Result{Stdout: []byte("states\n"), Stderr: []byte("glosa: warning: w\n"), Code: 1}
	write := func(name, data string) func(*testing.T, string) {
		return func(t *testing.T, dir string) { testtree.WriteFile(t, dir, name, []byte(data)) }
	}
	cases := []struct {
		name   string
		change func(*testing.T, string)
		shape  []string
	}{
		{"edit", write("content/es/a.md", "---\ntitle: Alfa\n---\n\nAlfa!\n"), nil},
		{"same size", write("content/es/a.md", "---\ntitle: Alfa\n---\n\nAlfo.\n"), nil},
		{"touch", func(t *testing.T, dir string) {
			now := time.Now().Add(-time.Hour)
			os.Chtimes(filepath.Join(dir, "content/es/a.md"), now, now)
		}, nil},
		{"chmod", func(t *testing.T, dir string) { os.Chmod(filepath.Join(dir, "content/es/a.md"), 0o600) }, nil},
		{"add", write("content/es/sub/b.md", "---\ntitle: Beta\n---\n"), nil},
		{"add a folder", func(t *testing.T, dir string) { os.Mkdir(filepath.Join(dir, "content/es/new"), 0o755) }, nil},
		{"delete", func(t *testing.T, dir string) { os.Remove(filepath.Join(dir, "content/es/a.md")) }, nil},
		{"rename", func(t *testing.T, dir string) {
			os.Rename(filepath.Join(dir, "content/es/a.md"), filepath.Join(dir, "content/es/c.md"))
		}, nil},
		{"catalog", write("locales/en.yaml", "hello: Hullo\n"), nil},
		{"term file", write("glossary/terms.csv", "source,target\nalpha,alfo\n"), nil},
		{"config", write("glosa.yaml", "source: en\nlanguages: [en, es, it]\ncontent:\n  - path: content/{lang}/{slug}.md\nlocales:\n  - path: locales/{lang}.yaml\n"), nil},
		{"commit", func(t *testing.T, dir string) { testtree.Git(t, dir, "commit", "-q", "--allow-empty", "-m", "two") }, nil},
		{"stage", func(t *testing.T, dir string) {
			testtree.WriteFile(t, dir, "docs/other.md", []byte("staged"))
			testtree.Git(t, dir, "add", "docs/other.md")
		}, nil},
		{"gitignore", write(".gitignore", "content/es/\n"), nil},
		{"gitignore inside", write("content/.gitignore", "es/\n"), nil},
		{"link", func(t *testing.T, dir string) {
			os.Symlink("../en/a.md", filepath.Join(dir, "content/es/l.md"))
		}, nil},
		{"environment", nil, []string{"env LANG=es"}},
		{"flags", nil, []string{"--format json"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := newProject(t)
			settle()
			store(t, request(t, dir, c.shape...), res)
			got, _, err := Lookup(request(t, dir))
			if err != nil {
				t.Fatal(err)
			}
			if c.shape == nil {
				if diff := cmp.Diff(&res, got, cmpopts.IgnoreUnexported(Result{})); diff != "" {
					t.Fatalf("unchanged: (-want +got)\n%s", diff)
				}
				c.change(t, dir)
				settle()
			}
			if got, _, _ := Lookup(request(t, dir)); got != nil {
				t.Errorf("hit after the change")
			}
		})
	}
}

// TestReplayOutsideLayouts: a file no scan reads does not matter.
func TestReplayOutsideLayouts(t *testing.T) {
	dir := newProject(t)
	settle()
	res := Result{Stdout: []byte("x")}
	store(t, request(t, dir), res)
	testtree.WriteFile(t, dir, "docs/other.md", []byte("changed, not staged"))
	testtree.WriteFile(t, dir, "content/es/.hidden.swp", []byte("an editor's"))
	os.MkdirAll(filepath.Join(dir, ".glosa/cache"), 0o755)
	settle()
	if got, _, _ := Lookup(request(t, dir)); got == nil {
		t.Error("miss after changing files no scan reads")
	}
}

// TestReplayRacy: a file changed within the margin before the walk keeps
// the result from being stored, and a change within the same tick as the
// stored stat data is seen once the file settles.
func TestReplayRacy(t *testing.T) {
	dir := newProject(t)
	settle()
	testtree.WriteFile(t, dir, "content/es/a.md", []byte("---\ntitle: Alfa\n---\n\nAlfa!\n"))
	_, snap, err := Lookup(request(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	if !snap.racy {
		t.Fatal("a file written just now is trusted")
	}
	if err := snap.Save(Result{Stdout: []byte("x")}); err != nil {
		t.Fatal(err)
	}
	// Rewrite with the same size and restore its times: only the change
	// time differs, and nothing was stored anyway.
	p := filepath.Join(dir, "content/es/a.md")
	fi, _ := os.Stat(p)
	testtree.WriteFile(t, dir, "content/es/a.md", []byte("---\ntitle: Alfa\n---\n\nAlfo!\n"))
	os.Chtimes(p, fi.ModTime(), fi.ModTime())
	settle()
	if got, _, _ := Lookup(request(t, dir)); got != nil {
		t.Error("a racy result was stored")
	}
	// A coarse time (whole seconds) needs the longer margin.
	w := &walker{since: time.Unix(100, 0)}
	for _, c := range []struct {
		t    int64
		racy bool
	}{{99e9, true}, {98e9, true}, {97e9, false}, {99_960_000_001, true}, {99_940_000_001, false}} {
		if got := w.tooRecent(info{mtime: c.t, ctime: 1}); got != c.racy {
			t.Errorf("tooRecent(%d) = %v, want %v", c.t, got, c.racy)
		}
	}
}

// TestReplayDamaged: a result file damaged anywhere is not used.
func TestReplayDamaged(t *testing.T) {
	var key [32]byte
	key[3] = 7
	good := encode(key, Result{Stdout: []byte("out"), Stderr: []byte("err"), Code: 1})
	if got := decode(good, key); got == nil || string(got.Stdout) != "out" || string(got.Stderr) != "err" || got.Code != 1 {
		t.Fatalf("decode(encode) = %+v", got)
	}
	other := key
	other[0] = 1
	if decode(good, other) != nil {
		t.Error("a result stored for another key was used")
	}
	for i := range good {
		bad := bytes.Clone(good)
		bad[i] ^= 0x10
		if decode(bad, key) != nil {
			t.Errorf("byte %d flipped: used", i)
		}
	}
	for n := range len(good) {
		if decode(good[:n], key) != nil {
			t.Errorf("cut at %d: used", n)
		}
	}
}

// TestReplayLink: a cache folder with a link in it is neither read nor
// written.
func TestReplayLink(t *testing.T) {
	dir := newProject(t)
	os.MkdirAll(filepath.Join(dir, ".glosa/cache"), 0o755)
	os.Symlink(os.DevNull, filepath.Join(dir, ".glosa/cache/planted"))
	settle()
	if _, _, err := Lookup(request(t, dir)); err == nil {
		t.Error("a cache folder with a link was read")
	}
}

func TestRoots(t *testing.T) {
	cfg, err := config.Parse("glosa.yaml", []byte("source: en\nlanguages: [en, es]\ncontent:\n  - path: content/{lang}/{slug}.md\n  - path: content/{lang}/x/{slug}.md\nlocales:\n  - path: i18n/{lang}.yaml\n"))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"content", "i18n"}, Roots(cfg)); diff != "" {
		t.Error(diff)
	}
}

// TestWriteResult compares the file SaveOutput writes from Buffers with
// encode's, for outputs that fill no block, one, several and the largest.
func TestWriteResult(t *testing.T) {
	key := sha256.Sum256([]byte("key"))
	for _, n := range []int{0, 1, 64 << 10, 64<<10 + 1, 3 << 20, 9<<20 + 7} {
		out := bytes.Repeat([]byte("0123456789abcdef"), n/16+1)[:n]
		var stdout, stderr Buffer
		// Written in pieces of every size, as a run writes.
		for rest, k := out, 1; len(rest) > 0; k = k*3 + 1 {
			m := min(k, len(rest))
			stdout.Write(rest[:m])
			rest = rest[m:]
		}
		stderr.Write([]byte("warning\n"))
		var got bytes.Buffer
		if err := writeResult(&got, key, &stdout, &stderr, 1); err != nil {
			t.Fatal(err)
		}
		want := encode(key, Result{Stdout: out, Stderr: []byte("warning\n"), Code: 1})
		if !bytes.Equal(got.Bytes(), want) {
			t.Errorf("%d bytes: writeResult differs from encode", n)
		}
		if stdout.Len() != n || !bytes.Equal(stdout.Bytes(), out) {
			t.Errorf("%d bytes: the buffer holds %d", n, stdout.Len())
		}
	}
}

// encode is the result file of res under key, made whole in memory: the
// reference writeResult is compared with.
func encode(key [sha256.Size]byte, res Result) []byte {
	b := make([]byte, 0, len(magic)+len(key)+3*binary.MaxVarintLen64+len(res.Stdout)+len(res.Stderr)+4)
	b = append(b, magic...)
	b = append(b, key[:]...)
	b = binary.AppendUvarint(b, uint64(res.Code))
	b = binary.AppendUvarint(b, uint64(len(res.Stdout)))
	b = append(b, res.Stdout...)
	b = binary.AppendUvarint(b, uint64(len(res.Stderr)))
	b = append(b, res.Stderr...)
	return binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(b))
}

// TestReplayBig stores a result past mapMin, which Lookup maps rather
// than reads, and replays it whole; after Release, its bytes are gone.
func TestReplayBig(t *testing.T) {
	dir := newProject(t)
	settle()
	req := request(t, dir)
	out := bytes.Repeat([]byte("0123456789abcdef"), 3*mapMin/16+5)
	store(t, req, Result{Stdout: out, Stderr: []byte("w\n"), Code: 1})
	got, _, err := Lookup(req)
	if err != nil || got == nil {
		t.Fatalf("Lookup = %v, %v", got, err)
	}
	var stdout, stderr bytes.Buffer
	if err := got.Replay(&stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(stdout.Bytes(), out) || stderr.String() != "w\n" || got.Code != 1 {
		t.Errorf("replayed %d bytes and %q, code %d", stdout.Len(), stderr.String(), got.Code)
	}
	if got.Stdout != nil || got.release != nil {
		t.Error("Replay kept the result's bytes")
	}
}

// TestMappedCutShort maps a file, cuts it short, and reads past its new
// end: a fault, which faulted turns into a report rather than a crash.
func TestMappedCutShort(t *testing.T) {
	p := filepath.Join(t.TempDir(), "result")
	if err := os.WriteFile(p, bytes.Repeat([]byte{1}, 4*mapMin), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	data, release, err := mapFile(f, 4*mapMin)
	if err != nil {
		t.Skip("not mapped here:", err)
	}
	defer release()
	if err := os.Truncate(p, 0); err != nil {
		t.Fatal(err)
	}
	var sum int
	if !faulted(func() { sum = int(crc32.ChecksumIEEE(data)) }) {
		t.Errorf("reading a mapped file cut short did not fault (sum %d)", sum)
	}
	if faulted(func() {}) {
		t.Error("a run without a fault reported one")
	}
	defer func() {
		if recover() == nil {
			t.Error("a panic other than a fault was swallowed")
		}
	}()
	faulted(func() { panic("other") })
}

package history

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// long is content long enough for git to see a renamed and edited file
// as renamed.
func long(name string) string {
	var b strings.Builder
	for i := range 12 {
		fmt.Fprintf(&b, "line %d of %s\n", i, name)
	}
	return b.String()
}

// linearRepo is a history with adds, edits, renames (a chain, one with an
// edit), a deletion, a path re-created after its rename, and paths with
// spaces and non-ASCII letters.
type linearRepo struct {
	*repo
	c map[string]string // commit label → hash
}

func newLinearRepo(t *testing.T) linearRepo {
	r := linearRepo{newRepo(t), map[string]string{}}
	r.write("a.md", long("a"))
	r.write("b.md", long("b"))
	r.write("dir/with space.md", long("space"))
	r.write("dir/ünïcödé.md", long("unicode"))
	r.write("keep.md", long("keep"))
	r.c["add"] = r.commit("add")
	r.write("a.md", long("a")+"edited\n")
	r.c["edit"] = r.commit("edit a")
	r.git("mv", "a.md", "a2.md")
	r.c["mv"] = r.commit("rename a to a2")
	r.git("mv", "a2.md", "a3.md")
	r.write("a3.md", long("a")+"edited\nand again\n")
	r.c["mvedit"] = r.commit("rename a2 to a3 and edit")
	r.git("rm", "-q", "b.md")
	r.c["del"] = r.commit("delete b")
	r.write("dir/with space.md", long("space")+"more\n")
	r.write("dir/ünïcödé.md", long("unicode")+"more\n")
	r.c["spaces"] = r.commit("edit spaces and unicode")
	r.write("a.md", "a new a\n")
	r.git("mv", "dir/with space.md", "dir/gone.md")
	r.c["readd"] = r.commit("a new a.md, move with space.md")
	r.git("rm", "-q", "dir/gone.md")
	r.c["gone"] = r.commit("delete gone.md")
	r.c["empty"] = r.commit("touches nothing")
	return r
}

type want struct {
	commit  string // label
	status  byte
	path    string
	oldPath string
}

func (r linearRepo) expand(ws []want) []Change {
	var out []Change
	for _, w := range ws {
		out = append(out, Change{Commit: r.c[w.commit], Status: w.status, Path: w.path, OldPath: w.oldPath})
	}
	return out
}

var ignoreTime = cmpopts.IgnoreFields(Change{}, "Time")

func TestChanges(t *testing.T) {
	r := newLinearRepo(t)
	ix := r.load()
	tests := []struct {
		path string
		want []want
	}{
		{"a3.md", []want{
			{"mvedit", 'R', "a3.md", "a2.md"},
			{"mv", 'R', "a2.md", "a.md"},
			{"edit", 'M', "a.md", ""},
			{"add", 'A', "a.md", ""},
		}},
		// A re-created path keeps the history of the path, as git log -- path does.
		{"a.md", []want{
			{"readd", 'A', "a.md", ""},
			{"mv", 'R', "a2.md", "a.md"},
			{"edit", 'M', "a.md", ""},
			{"add", 'A', "a.md", ""},
		}},
		{"b.md", []want{{"del", 'D', "b.md", ""}, {"add", 'A', "b.md", ""}}},
		{"dir/ünïcödé.md", []want{{"spaces", 'M', "dir/ünïcödé.md", ""}, {"add", 'A', "dir/ünïcödé.md", ""}}},
		{"dir/gone.md", []want{
			{"gone", 'D', "dir/gone.md", ""},
			{"readd", 'R', "dir/gone.md", "dir/with space.md"},
			{"spaces", 'M', "dir/with space.md", ""},
			{"add", 'A', "dir/with space.md", ""},
		}},
		{"untracked.md", nil},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			got := ix.Changes(tt.path)
			if diff := cmp.Diff(r.expand(tt.want), got, ignoreTime); diff != "" {
				t.Errorf("Changes(%q) (-want +got):\n%s", tt.path, diff)
			}
			last, ok := ix.LastChange(tt.path)
			if ok != (len(tt.want) > 0) {
				t.Fatalf("LastChange(%q) ok = %v", tt.path, ok)
			}
			if ok && last.Commit != r.c[tt.want[0].commit] {
				t.Errorf("LastChange(%q) = %s, want %s", tt.path, last.Commit, r.c[tt.want[0].commit])
			}
		})
	}
	if got, want := ix.Head(), r.c["empty"]; got != want {
		t.Errorf("Head() = %s, want %s", got, want)
	}
	c := ix.Changes("a3.md")[0]
	if want := int64(1_700_000_000 + 3*60); c.Time.Unix() != want {
		t.Errorf("time of the rename = %v, want unix %d", c.Time, want)
	}
}

func TestRenamedTo(t *testing.T) {
	r := newLinearRepo(t)
	ix := r.load()
	tests := []struct{ path, want string }{
		{"a2.md", "a3.md"}, // a chain a → a2 → a3, asked from the middle
		{"a.md", ""},       // renamed away, then re-created
		{"a3.md", ""},      // exists
		{"b.md", ""},       // deleted
		{"dir/with space.md", ""},
		{"never.md", ""},
	}
	for _, tt := range tests {
		if got := ix.RenamedTo(tt.path); got != tt.want {
			t.Errorf("RenamedTo(%q) = %q, want %q", tt.path, got, tt.want)
		}
	}

	// A chain asked from its start, whose path is not re-created.
	r2 := newRepo(t)
	r2.write("x.md", long("x"))
	r2.commit("add")
	r2.git("mv", "x.md", "y.md")
	r2.commit("x to y")
	r2.write("other.md", "other\n")
	r2.commit("other")
	r2.git("mv", "y.md", "z.md")
	r2.commit("y to z")
	if got := r2.load().RenamedTo("x.md"); got != "z.md" {
		t.Errorf("RenamedTo(x.md) = %q, want z.md", got)
	}
}

func TestSince(t *testing.T) {
	r := newLinearRepo(t)
	ix := r.load()
	tests := []struct {
		path, since string
		want        []string // labels
		ok          bool
	}{
		{"a3.md", r.c["add"], []string{"mvedit", "mv", "edit"}, true},
		{"a3.md", r.c["edit"][:7], []string{"mvedit", "mv"}, true},           // abbreviated
		{"a3.md", r.c["mv"][:4], []string{"mvedit"}, true},                   // shortest abbreviation
		{"a3.md", strings.ToUpper(r.c["mv"][:10]), []string{"mvedit"}, true}, // any case
		{"a3.md", r.c["mvedit"], nil, true},
		{"a3.md", r.c["empty"], nil, true},
		{"b.md", r.c["add"], []string{"del"}, true},
		{"keep.md", r.c["add"], nil, true},
		{"a3.md", "HEAD~6", []string{"mvedit"}, true}, // a revision git resolves
		{"a3.md", "0123456789abcdef0123456789abcdef01234567", nil, false},
		{"a3.md", "dead", nil, false},
		{"a3.md", "no-such-ref", nil, false},
		{"a3.md", "", nil, false},
		{"a3.md", "--all", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.path+"@"+tt.since, func(t *testing.T) {
			got, ok := ix.Since(tt.path, tt.since)
			if ok != tt.ok {
				t.Fatalf("Since(%q, %q) ok = %v, want %v", tt.path, tt.since, ok, tt.ok)
			}
			var want []string
			for _, l := range tt.want {
				want = append(want, r.c[l])
			}
			if diff := cmp.Diff(want, commitsOf(got), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Since(%q, %q) (-want +got):\n%s", tt.path, tt.since, diff)
			}
			if tt.ok {
				if diff := cmp.Diff(r.gitLogSince(tt.since, tt.path), commitsOf(got), cmpopts.EquateEmpty()); diff != "" {
					t.Errorf("Since(%q, %q) differs from git log --follow (-git +index):\n%s", tt.path, tt.since, diff)
				}
			}
		})
	}
}

// TestSinceMerge: "after" follows the DAG. A side-branch commit older by
// timestamp than since, but not its ancestor, comes after it.
func TestSinceMerge(t *testing.T) {
	r := newRepo(t)
	c := map[string]string{}
	r.write("f.md", long("f"))
	r.write("g.md", long("g"))
	r.write("h.md", long("h"))
	c["base"] = r.commit("base")
	r.git("checkout", "-q", "-b", "side")
	r.write("g.md", long("g")+"side\n")
	r.write("h.md", long("h")+"side\n")
	c["side"] = r.commit("side edits g and h") // the oldest commit after base
	r.git("checkout", "-q", "main")
	r.write("f.md", long("f")+"main 1\n")
	c["m1"] = r.commit("main edits f")
	r.write("f.md", long("f")+"main 2\n")
	r.write("h.md", long("h")+"main\n")
	c["m2"] = r.commit("main edits f and h")
	if out, err := runGit(r, "merge", "-q", "--no-ff", "side", "-m", "merge side"); err == nil {
		t.Fatalf("merge did not conflict: %s", out)
	}
	r.write("h.md", long("h")+"main\nside\n")
	c["merge"] = r.commit("merge side, resolving h")
	r.write("g.md", long("g")+"side\nafter\n")
	c["after"] = r.commit("after the merge")
	ix := r.load()

	tests := []struct {
		path, since string
		want        []string
	}{
		{"g.md", "m1", []string{"after", "side"}}, // side is older than m1, not its ancestor
		{"g.md", "m2", []string{"after", "side"}},
		{"g.md", "side", []string{"after"}},
		{"g.md", "merge", []string{"after"}},
		{"f.md", "side", []string{"m2", "m1"}}, // main commits are younger, and not reached from side
		{"f.md", "m1", []string{"m2"}},
		{"h.md", "base", []string{"merge", "m2", "side"}}, // the merge resolved a conflict in h
		{"h.md", "side", []string{"merge", "m2"}},
		{"h.md", "merge", nil},
		{"f.md", "base", []string{"m2", "m1"}},
	}
	for _, tt := range tests {
		t.Run(tt.path+"@"+tt.since, func(t *testing.T) {
			got, ok := ix.Since(tt.path, c[tt.since])
			if !ok {
				t.Fatalf("Since(%q, %s) not ok", tt.path, tt.since)
			}
			var want []string
			for _, l := range tt.want {
				want = append(want, c[l])
			}
			// Order between branches is the log's; compare as sets.
			sorted := cmpopts.SortSlices(func(a, b string) bool { return a < b })
			if diff := cmp.Diff(want, commitsOf(got), sorted, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Since(%q, %s) (-want +got):\n%s", tt.path, tt.since, diff)
			}
			plain := strings.Fields(r.git("log", "--format=%H", c[tt.since]+"..HEAD", "--", tt.path))
			if diff := cmp.Diff(plain, commitsOf(got), sorted, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Since(%q, %s) differs from git log (-git +index):\n%s", tt.path, tt.since, diff)
			}
		})
	}
	merge := ix.Changes("h.md")[0]
	if merge.Commit != c["merge"] || merge.Status != 'M' {
		t.Errorf("newest change to h.md = %+v, want the merge's M", merge)
	}
	if changed, ok := ix.ChangedAfter("g.md", "f.md"); !ok || !changed {
		t.Errorf("ChangedAfter(g.md, f.md) = %v, %v; want true, true", changed, ok)
	}
	if changed, ok := ix.ChangedAfter("f.md", "g.md"); !ok || changed {
		t.Errorf("ChangedAfter(f.md, g.md) = %v, %v; want false, true", changed, ok)
	}
	if _, ok := ix.ChangedAfter("f.md", "none.md"); ok {
		t.Errorf("ChangedAfter(f.md, none.md) ok, want not ok")
	}
}

func runGit(r *repo, args ...string) (string, error) {
	cmd := execGit(r, args...)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

func TestSubdirectoryAndPathspecs(t *testing.T) {
	r := newRepo(t)
	r.write("site/content/en/x.md", long("x"))
	r.write("site/content/es/x.md", long("x es"))
	r.write("site/static/logo.txt", "logo\n")
	r.write("other/y.md", long("y"))
	add := r.commit("add")
	r.git("mv", "site/content/en/x.md", "site/content/en/z.md")
	mv := r.commit("rename x to z")
	r.write("other/y.md", long("y")+"edit\n")
	outside := r.commit("edit outside")
	r.write("site/static/logo.txt", "logo 2\n")
	static := r.commit("edit static")
	r.write("site/content/en/z.md", long("x")+"dirty\n")

	ix, err := Load(filepath.Join(r.dir, "site"), "content")
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	want := []Change{
		{Commit: mv, Status: 'R', Path: "content/en/z.md", OldPath: "content/en/x.md"},
		{Commit: add, Status: 'A', Path: "content/en/x.md"},
	}
	if diff := cmp.Diff(want, ix.Changes("content/en/z.md"), ignoreTime); diff != "" {
		t.Errorf("Changes (-want +got):\n%s", diff)
	}
	if got := ix.Changes("static/logo.txt"); got != nil {
		t.Errorf("a file outside the pathspecs has changes: %v", got)
	}
	if got := ix.Changes("../other/y.md"); got != nil {
		t.Errorf("a file outside root has changes: %v", got)
	}
	// Commits that touched none of the files are still commits of the history.
	for _, since := range []string{outside, static[:8]} {
		if got, ok := ix.Since("content/en/z.md", since); !ok || got != nil {
			t.Errorf("Since(z.md, %s) = %v, %v; want nothing, ok", since, got, ok)
		}
	}
	if got := ix.RenamedTo("content/en/x.md"); got != "content/en/z.md" {
		t.Errorf("RenamedTo = %q", got)
	}
	if !ix.Dirty("content/en/z.md") || ix.Dirty("content/es/x.md") {
		t.Errorf("Dirty(z.md) = %v, Dirty(es/x.md) = %v; want true, false", ix.Dirty("content/en/z.md"), ix.Dirty("content/es/x.md"))
	}
	b, err := ix.Show(add, "content/en/x.md")
	if err != nil || string(b) != long("x") {
		t.Errorf("Show = %q, %v", b, err)
	}

	// No pathspec: everything under root.
	all, err := Load(filepath.Join(r.dir, "site"))
	if err != nil {
		t.Fatal(err)
	}
	if got := len(all.Changes("static/logo.txt")); got != 2 {
		t.Errorf("without pathspecs, static/logo.txt has %d changes, want 2", got)
	}
	if got := all.Changes("../other/y.md"); got != nil {
		t.Errorf("without pathspecs, a file outside root has changes: %v", got)
	}
}

func TestRel(t *testing.T) {
	ix := &Index{prefix: "site/content/"}
	tests := []struct{ top, rel string }{
		{"site/content/en/x.md", "en/x.md"},
		{"site/static/x.md", "../static/x.md"},
		{"other/y.md", "../../other/y.md"},
		{"site/contentx.md", "../contentx.md"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := ix.rel(tt.top); got != tt.rel {
			t.Errorf("rel(%q) = %q, want %q", tt.top, got, tt.rel)
		}
	}
}

func TestShallow(t *testing.T) {
	r := newRepo(t)
	var cs []string
	for i := range 4 {
		r.write("f.md", long("f")+strings.Repeat("edit\n", i))
		cs = append(cs, r.commit(fmt.Sprint("commit ", i)))
	}
	if r.load().Shallow() {
		t.Errorf("a full clone is shallow")
	}
	clone := filepath.Join(t.TempDir(), "clone")
	r.git("clone", "-q", "--depth", "2", "file://"+r.dir, clone)
	ix, err := Load(clone)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if !ix.Shallow() {
		t.Errorf("a clone with --depth 2 is not shallow")
	}
	if got, ok := ix.Since("f.md", cs[2]); !ok || len(got) != 1 || got[0].Commit != cs[3] {
		t.Errorf("Since(f.md, kept commit) = %v, %v", got, ok)
	}
	for _, since := range []string{cs[1], cs[0], cs[0][:7]} {
		if got, ok := ix.Since("f.md", since); ok {
			t.Errorf("Since(f.md, cut-off %s) = %v, ok; want not ok", since, got)
		}
	}
	if got := len(ix.Changes("f.md")); got != 2 {
		t.Errorf("a shallow clone of depth 2 has %d changes to f.md, want 2", got)
	}
}

func TestUnavailable(t *testing.T) {
	needGit(t)
	dir := t.TempDir()
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
	if _, err := Load(dir); !errors.Is(err, ErrUnavailable) {
		t.Errorf("Load(not a repository) = %v, want ErrUnavailable", err)
	}
	if _, err := Load(filepath.Join(dir, "missing")); !errors.Is(err, ErrUnavailable) {
		t.Errorf("Load(missing directory) = %v, want ErrUnavailable", err)
	}
	bare := filepath.Join(dir, "bare.git")
	r := &repo{tb: t, dir: dir}
	r.git("init", "-q", "--bare", bare)
	if _, err := Load(bare); !errors.Is(err, ErrUnavailable) {
		t.Errorf("Load(bare repository) = %v, want ErrUnavailable", err)
	}
	t.Setenv("PATH", "")
	if _, err := Load(dir); !errors.Is(err, ErrUnavailable) {
		t.Errorf("Load without git = %v, want ErrUnavailable", err)
	}
}

func TestEmptyRepository(t *testing.T) {
	r := newRepo(t)
	r.write("new.md", "new\n")
	ix := r.load()
	if ix.Head() != "" {
		t.Errorf("Head() = %q, want empty", ix.Head())
	}
	if _, ok := ix.Since("new.md", "HEAD"); ok {
		t.Errorf("Since in a repository without commits is ok")
	}
	if _, ok := ix.LastChange("new.md"); ok {
		t.Errorf("LastChange of an untracked file is ok")
	}
	if !ix.Dirty("new.md") {
		t.Errorf("an untracked file is not dirty")
	}
}

func TestDirty(t *testing.T) {
	r := newRepo(t)
	for _, p := range []string{"clean.md", "edited.md", "staged.md", "deleted.md", "dir/with space.md", "dir/ñandú.md", "moved.md"} {
		r.write(p, long(p))
	}
	r.commit("add")
	r.write("edited.md", "edited\n")
	r.write("staged.md", "staged\n")
	r.git("add", "staged.md")
	if err := os.Remove(filepath.Join(r.dir, "deleted.md")); err != nil {
		t.Fatal(err)
	}
	r.write("dir/with space.md", "edited\n")
	r.write("dir/ñandú.md", "edited\n")
	r.write("untracked dir/new file.md", "new\n")
	r.git("mv", "moved.md", "moved-to.md")
	ix := r.load()
	tests := []struct {
		path  string
		dirty bool
	}{
		{"clean.md", false},
		{"edited.md", true},
		{"staged.md", true},
		{"deleted.md", true},
		{"dir/with space.md", true},
		{"dir/ñandú.md", true},
		{"untracked dir/new file.md", true},
		{"moved.md", true},
		{"moved-to.md", true},
		{"never.md", false},
	}
	for _, tt := range tests {
		if got := ix.Dirty(tt.path); got != tt.dirty {
			t.Errorf("Dirty(%q) = %v, want %v", tt.path, got, tt.dirty)
		}
	}
}

func TestShow(t *testing.T) {
	r := newRepo(t)
	r.write("a.md", "a1\n")
	r.write("dir/b c.md", "b1\n")
	r.write("dir/ñ.md", "ñ1\n")
	c1 := r.commit("one")
	r.write("a.md", "a2\n")
	r.write("dir/b c.md", "")
	r.git("rm", "-q", "dir/ñ.md")
	c2 := r.commit("two")
	ix := r.load()
	tests := []struct {
		commit, path, want string
		missing            bool
	}{
		{c1, "a.md", "a1\n", false},
		{c2, "a.md", "a2\n", false},
		{c1[:7], "dir/b c.md", "b1\n", false},
		{c2, "dir/b c.md", "", false},
		{c1, "dir/ñ.md", "ñ1\n", false},
		{c2, "dir/ñ.md", "", true},
		{c1, "dir", "", true}, // a tree, not a file
		{"0123456789abcdef0123456789abcdef01234567", "a.md", "", true},
		{c1, "a.md", "a1\n", false}, // the process still answers after errors
		{c1, "new\nline.md", "", true},
	}
	var proc any
	for _, tt := range tests {
		got, err := ix.Show(tt.commit, tt.path)
		if tt.missing {
			if !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("Show(%s, %q) = %q, %v; want fs.ErrNotExist", tt.commit, tt.path, got, err)
			}
			continue
		}
		if err != nil || string(got) != tt.want {
			t.Errorf("Show(%s, %q) = %q, %v; want %q", tt.commit, tt.path, got, err, tt.want)
		}
		if proc == nil {
			proc = ix.cats[0].cmd
		} else if ix.cats[0].cmd != proc || ix.cats[1].cmd != nil {
			t.Errorf("Show(%s, %q) started another git process", tt.commit, tt.path)
		}
	}
	// From several goroutines at once: the same answers, from at most
	// catFiles processes.
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for _, tt := range tests {
				got, err := ix.Show(tt.commit, tt.path)
				if tt.missing != errors.Is(err, fs.ErrNotExist) || !tt.missing && (err != nil || string(got) != tt.want) {
					t.Errorf("Show(%s, %q) at once = %q, %v", tt.commit, tt.path, got, err)
				}
			}
		})
	}
	wg.Wait()
	if err := ix.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
	if _, err := ix.Show(c1, "a.md"); err == nil {
		t.Errorf("Show after Close succeeded")
	}
}

// TestAgainstGitLog compares Since with `git log since..HEAD --follow --
// path` for every file of a generated repository with renames and merges,
// from several commits.
func TestAgainstGitLog(t *testing.T) {
	needGit(t)
	dir := t.TempDir()
	files := generate(t, dir, 200, 30)
	r := &repo{tb: t, dir: dir}
	ix := r.load()
	all := strings.Fields(r.git("rev-list", "HEAD"))
	for _, since := range []string{all[len(all)-1], all[len(all)*3/4], all[len(all)/2], all[len(all)/5], all[3], all[0]} {
		for _, f := range files {
			got, ok := ix.Since(f, since[:12])
			if !ok {
				t.Fatalf("Since(%q, %s) not ok", f, since)
			}
			if diff := cmp.Diff(r.gitLogSince(since, f), commitsOf(got), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Since(%q, %s) differs from git log --follow (-git +index):\n%s", f, since, diff)
			}
		}
	}
}

// TestSinceOffHead: a recorded commit HEAD does not reach — on a branch
// never merged, on a branch squash-merged, on a side branch of a side
// branch, on an unrelated root — resolves as git log does: Since(path, c)
// lists the commits `git log c..HEAD --follow -- path` lists. Resolve asks
// git about all of them at once; after it, Since runs no git at all.
func TestSinceOffHead(t *testing.T) {
	r := newRepo(t)
	r.write("content/en/a.md", long("a"))
	r.write("content/en/b.md", long("b"))
	r.write("README.txt", "readme\n")
	c := map[string]string{}
	c["base"] = r.commit("base")
	r.write("content/en/a.md", long("a")+"main 1\n")
	c["m1"] = r.commit("main edits a")
	// A branch never merged, with a commit that touches no content path.
	r.git("checkout", "-q", "-b", "unmerged")
	r.write("README.txt", "readme on a branch\n")
	c["unmerged-readme"] = r.commit("a branch edits the readme only")
	r.write("content/en/b.md", long("b")+"branch\n")
	c["unmerged-b"] = r.commit("a branch edits b")
	// A branch of that branch.
	r.git("checkout", "-q", "-b", "twig")
	r.write("content/es/a.md", long("a es"))
	c["twig"] = r.commit("a twig translates a")
	// A branch squash-merged into main.
	r.git("checkout", "-q", "main")
	r.git("checkout", "-q", "-b", "squashed")
	r.write("content/en/b.md", long("b")+"squashed\n")
	c["squashed"] = r.commit("a branch edits b, squashed later")
	r.git("checkout", "-q", "main")
	r.write("content/en/b.md", long("b")+"squashed\n")
	c["squash"] = r.commit("squash of the branch")
	r.write("content/en/a.md", long("a")+"main 2\n")
	c["m2"] = r.commit("main edits a again")
	r.write("README.txt", "readme 2\n")
	c["m3"] = r.commit("main edits the readme only")
	// An unrelated root.
	r.git("checkout", "-q", "--orphan", "other")
	r.git("rm", "-rq", "--cached", ".")
	r.write("other.txt", "other\n")
	r.git("add", "other.txt")
	r.git("commit", "-q", "-m", "unrelated root")
	r.clock += 60
	c["root"] = strings.TrimSpace(r.git("rev-parse", "HEAD"))
	r.git("checkout", "-q", "-f", "main")

	ix := r.load("content")
	var revs []string
	for _, name := range []string{"unmerged-readme", "unmerged-b", "twig", "squashed", "root", "m1", "m3"} {
		revs = append(revs, c[name], c[name][:9])
	}
	revs = append(revs, "unmerged", "0123456789abcdef0123456789abcdef01234567", "dead", "--all")
	gitPath, err := exec.LookPath("git")
	if err != nil {
		t.Fatal(err)
	}
	ix.Resolve(revs)
	t.Setenv("PATH", "") // every answer now comes from the index
	for _, since := range revs {
		for _, path := range []string{"content/en/a.md", "content/en/b.md", "content/es/a.md"} {
			got, ok := ix.Since(path, since)
			wantOK := since != "dead" && since != "--all" && !strings.HasPrefix(since, "0123")
			if ok != wantOK {
				t.Errorf("Since(%s, %s) ok = %v, want %v", path, since, ok, wantOK)
				continue
			}
			if !ok {
				continue
			}
			if want := r.gitLogSinceWith(gitPath, since, path); !slices.Equal(want, commitsOf(got)) {
				t.Errorf("Since(%s, %s) = %v; git log %s..HEAD -- %s lists %v", path, since, commitsOf(got), since, path, want)
			}
		}
	}
}

// gitLogSinceWith is gitLogSince with the git program named, whatever
// PATH says.
func (r *repo) gitLogSinceWith(gitPath, since, path string) []string {
	r.tb.Helper()
	cmd := exec.Command(gitPath, "log", "--format=%H", "--follow", since+"..HEAD", "--", path)
	cmd.Dir = r.dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		r.tb.Fatalf("git log: %v\n%s", err, out)
	}
	return strings.Fields(string(out))
}

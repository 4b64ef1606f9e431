package history

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/glosa/glosa/internal/testtree"
)

// TestMain keeps the tests from depending on the user's git configuration.
func TestMain(m *testing.M) {
	os.Setenv("GIT_CONFIG_GLOBAL", os.DevNull)
	os.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	for _, k := range []string{"GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"} {
		os.Unsetenv(k)
	}
	os.Exit(m.Run())
}

// needGit skips a test without git, except on CI where git must be there.
func needGit(tb testing.TB) {
	tb.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		if os.Getenv("CI") != "" {
			tb.Fatalf("git is required on CI: %v", err)
		}
		tb.Skipf("git is not installed: %v", err)
	}
}

// repo is a small git repository built by a test, with a clock that makes
// every commit one minute younger than the one before unless told otherwise.
type repo struct {
	tb    testing.TB
	dir   string
	clock int64
}

func newRepo(tb testing.TB) *repo {
	tb.Helper()
	needGit(tb)
	r := &repo{tb: tb, dir: tb.TempDir(), clock: 1_700_000_000}
	r.git("init", "-q", "-b", "main")
	return r
}

func (r *repo) env() []string {
	date := fmt.Sprintf("@%d +0000", r.clock)
	return append(os.Environ(),
		"GIT_AUTHOR_NAME=Test", "GIT_AUTHOR_EMAIL=test@example.com", "GIT_AUTHOR_DATE="+date,
		"GIT_COMMITTER_NAME=Test", "GIT_COMMITTER_EMAIL=test@example.com", "GIT_COMMITTER_DATE="+date)
}

func (r *repo) git(args ...string) string {
	r.tb.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = r.dir
	cmd.Env = r.env()
	out, err := cmd.CombinedOutput()
	if err != nil {
		r.tb.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func (r *repo) write(path, content string) {
	r.tb.Helper()
	testtree.WriteFile(r.tb, r.dir, path, []byte(content))
}

// commit commits every change in the work tree and returns the commit's hash.
func (r *repo) commit(msg string) string {
	r.tb.Helper()
	r.git("add", "-A")
	r.git("commit", "-q", "--allow-empty", "-m", msg)
	r.clock += 60
	return strings.TrimSpace(r.git("rev-parse", "HEAD"))
}

func (r *repo) load(pathspecs ...string) *Index {
	r.tb.Helper()
	ix, err := Load(r.dir, pathspecs...)
	if err != nil {
		r.tb.Fatal(err)
	}
	r.tb.Cleanup(func() { ix.Close() })
	return ix
}

// gitLogSince is what the index must agree with: the commits
// `git log since..HEAD --follow -- path` lists.
func (r *repo) gitLogSince(since, path string) []string {
	r.tb.Helper()
	out := r.git("log", "--format=%H", "--follow", since+"..HEAD", "--", path)
	return strings.Fields(out)
}

func commitsOf(changes []Change) []string {
	var out []string
	for _, c := range changes {
		out = append(out, c.Commit)
	}
	return out
}

// generate writes, with one `git fast-import`, a repository of the given
// number of commits touching the given number of files into dir: each
// commit edits a few files, one in fifty renames one (with an edit, half
// the time), and one in forty starts a side branch of two commits, edited
// while two commits land on main, then merged. Some names have spaces and
// non-ASCII letters. It returns the files' names at HEAD.
func generate(tb testing.TB, dir string, commits, files int) []string {
	tb.Helper()
	needGit(tb)
	run := func(stdin func(w *bufio.Writer), args ...string) {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		var w *bufio.Writer
		if stdin != nil {
			in, err := cmd.StdinPipe()
			if err != nil {
				tb.Fatal(err)
			}
			w = bufio.NewWriter(in)
			defer func() {
				if out, err := cmd.CombinedOutput(); err != nil {
					tb.Fatalf("git %v: %v\n%s", args, err, out)
				}
			}()
			go func() {
				stdin(w)
				w.Flush()
				in.Close()
			}()
			return
		}
		if out, err := cmd.CombinedOutput(); err != nil {
			tb.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
	run(nil, "init", "-q", "-b", "main")

	rng := rand.New(rand.NewPCG(uint64(commits), uint64(files)))
	names := make([]string, files)
	content := make([]string, files)
	for i := range names {
		names[i] = genName(i, 0)
		content[i] = fmt.Sprintf("# File %d\n\nThe first paragraph of file %d.\n\nThe second paragraph.\n", i, i)
	}
	renames := make([]int, files)
	run(func(w *bufio.Writer) {
		mark, clock := 0, int64(1_700_000_000)
		data := func(s string) { fmt.Fprintf(w, "data %d\n%s\n", len(s), s) }
		begin := func(branch string, from int, merge int) {
			mark++
			clock += 60
			fmt.Fprintf(w, "commit refs/heads/%s\nmark :%d\ncommitter Gen <gen@example.com> %d +0000\n", branch, mark, clock)
			data(fmt.Sprintf("commit %d", mark))
			if from > 0 {
				fmt.Fprintf(w, "from :%d\n", from)
			}
			if merge > 0 {
				fmt.Fprintf(w, "merge :%d\n", merge)
			}
		}
		edit := func(f int) {
			content[f] += fmt.Sprintf("\nRevision %d of file %d.\n", mark, f)
			fmt.Fprintf(w, "M 100644 inline %s\n", strconv.Quote(names[f]))
			data(content[f])
		}
		begin("main", 0, 0)
		for f := range files {
			edit(f)
		}
		main := mark
		for mark < commits {
			if mark%40 == 0 && commits-mark > 5 {
				// A side branch edits files main leaves alone meanwhile.
				fork := main
				side := []int{rng.IntN(files / 2), rng.IntN(files / 2)}
				other := []int{files/2 + rng.IntN(files/2), files/2 + rng.IntN(files/2)}
				begin("side", fork, 0)
				edit(side[0])
				s := mark
				begin("main", main, 0)
				edit(other[0])
				main = mark
				begin("side", s, 0)
				edit(side[1])
				s = mark
				begin("main", main, 0)
				edit(other[1])
				main = mark
				begin("main", main, s)
				for _, f := range side {
					fmt.Fprintf(w, "M 100644 inline %s\n", strconv.Quote(names[f]))
					data(content[f])
				}
				main = mark
				continue
			}
			begin("main", main, 0)
			main = mark
			if rng.IntN(50) == 0 {
				f := rng.IntN(files)
				renames[f]++
				old := names[f]
				names[f] = genName(f, renames[f])
				fmt.Fprintf(w, "R %s %s\n", strconv.Quote(old), strconv.Quote(names[f]))
				if rng.IntN(2) == 0 {
					edit(f)
				}
				continue
			}
			for range 1 + rng.IntN(3) {
				edit(rng.IntN(files))
			}
		}
	}, "fast-import", "--quiet")
	run(nil, "checkout", "-q", "-f", "main")
	return names
}

func genName(i, rename int) string {
	dir := fmt.Sprintf("content/section-%d", i%20)
	if i%7 == 3 {
		dir = fmt.Sprintf("content/sección %d", i%20)
	}
	if rename == 0 {
		return fmt.Sprintf("%s/page-%d.md", dir, i)
	}
	return fmt.Sprintf("%s/page-%d-moved-%d.md", dir, i, rename)
}

func execGit(r *repo, args ...string) *exec.Cmd {
	cmd := exec.Command("git", args...)
	cmd.Dir = r.dir
	cmd.Env = r.env()
	return cmd
}

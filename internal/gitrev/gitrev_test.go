package gitrev

import (
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/glosa/glosa/internal/content"
)

// TestSameAsDisk reads a committed tree both ways, from git into memory
// and from its checkout on disk, and wants the same walk and the same
// contents or errors: folders, a submodule-free tree's files with odd
// names, links to a file, to a folder, to nothing, in a loop and out of
// the repository, and a file over the size limit.
func TestSameAsDisk(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	top := t.TempDir()
	repo := filepath.Join(top, "repo")
	files := map[string]string{
		"content/en/a.md":             "---\ntitle: A\n---\n\nA.\n",
		"content/en/sub/b.md":         "B.\n",
		"content/es/a.md":             "A es.\n",
		"content/es/with space é.md":  "odd name\n",
		"content/es/empty.md":         "",
		"content/it/big.md":           strings.Repeat("big ", 100),
		"i18n/en.yaml":                "hello: Hello\n",
		"elsewhere/shared.md":         "shared\n",
		"content/es/sub/deeper/c.md":  "C.\n",
		"content/es/sub/deeper/d.txt": "not markdown\n",
	}
	for rel, text := range files {
		write(t, filepath.Join(repo, rel), text)
	}
	write(t, filepath.Join(top, "outside.md"), "outside\n")
	links := map[string]string{
		"content/es/to-file.md":   "../../elsewhere/shared.md",
		"content/es/to-folder":    "sub",
		"content/es/broken.md":    "nothing.md",
		"content/es/loop.md":      "loop.md",
		"content/es/outside.md":   "../../../outside.md",
		"content/es/sub/up.md":    "../a.md",
		"content/en/to-i18n.yaml": "../../i18n/en.yaml",
	}
	for rel, target := range links {
		if err := os.Symlink(target, filepath.Join(repo, filepath.FromSlash(rel))); err != nil {
			t.Skipf("no symlinks here: %v", err)
		}
	}
	run(t, repo, "init", "-q")
	run(t, repo, "add", "-A")
	run(t, repo, "-c", "user.name=Ada", "-c", "user.email=ada@example.org", "commit", "-qm", "tree")
	commit := strings.TrimSpace(run(t, repo, "rev-parse", "HEAD"))

	const max = 200
	for _, paths := range [][]string{nil, {"content", "i18n"}, {"content/es"}} {
		tree, err := Read(Options{Dir: repo, Commit: commit, Paths: paths, Max: max,
			Want: func(rel string) bool { return strings.HasSuffix(rel, ".md") }})
		if err != nil {
			t.Fatal(err)
		}
		disk := content.Dir(repo)
		starts := paths
		if starts == nil {
			starts = []string{"."}
		}
		for _, start := range starts {
			got, _ := walk(t, tree, start)
			want, wantFiles := walk(t, disk, start)
			if start == "." {
				want, wantFiles = withoutGit(want), withoutGit(wantFiles)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("paths %v, walk of %s (-disk +git):\n%s", paths, start, diff)
			}
			for _, rel := range wantFiles {
				g, w := read(tree, rel, max), read(disk, rel, max)
				if g != w {
					t.Errorf("paths %v, %s: git read %q, disk read %q", paths, rel, g, w)
				}
			}
		}
	}
}

// walk lists what a walk of start shows: each path with its kind, and the
// paths that are not folders.
func walk(t *testing.T, f content.Files, start string) (seen, leaves []string) {
	t.Helper()
	err := f.WalkDir(start, func(rel string, de fs.DirEntry, err error) error {
		if err != nil {
			seen = append(seen, rel+" error")
			return nil
		}
		seen = append(seen, fmt.Sprintf("%s %v %v", rel, de.IsDir(), de.Type()))
		if !de.IsDir() {
			leaves = append(leaves, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return seen, leaves
}

// withoutGit drops git's own folder from a walk of the checkout.
func withoutGit(list []string) []string {
	var out []string
	for _, s := range list {
		if s != ".git" && !strings.HasPrefix(s, ".git ") && !strings.HasPrefix(s, ".git/") {
			out = append(out, s)
		}
	}
	return out
}

// read says what reading rel gives: its bytes, or its error in English.
func read(f content.Files, rel string, max int64) string {
	data, err := f.ReadFile(rel, max)
	if err != nil {
		return "error: " + err.Error()
	}
	return "data: " + string(data)
}

func write(t *testing.T, p, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func run(t *testing.T, dir string, args ...string) string {
	t.Helper()
	out, err := exec.Command("git", append([]string{"-C", dir}, args...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return string(out)
}

package workspace

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/content"
)

// RefError says why a project could not be loaded as of a revision: git
// does not know it, or the clone is shallow and does not have it.
type RefError struct {
	Ref string
	// Shallow is set when the repository is a shallow clone, which may
	// lack the revision's commit.
	Shallow bool
	// Err is git's answer.
	Err error
}

func (e *RefError) Error() string {
	if e.Shallow {
		return fmt.Sprintf("%s: not in this shallow clone: %v", e.Ref, e.Err)
	}
	return fmt.Sprintf("%s: unknown revision: %v", e.Ref, e.Err)
}

func (e *RefError) Unwrap() error { return e.Err }

// sinceDir is the prefix of the temporary worktrees LoadAt makes under
// .glosa.
const sinceDir = "since-"

// LoadAt loads the project as it was at the revision ref (a branch, tag
// or commit), with the configuration cfg (today's, so that both sides of
// a comparison read the same layouts and languages), and returns it with
// the full hash of ref's commit. opts.Config must be set.
//
// The user's work tree and index are left alone: ref's files under the
// layouts' and catalogs' folders are checked out into a temporary git
// worktree under .glosa (its own index, HEAD detached at ref), which is
// loaded as any project is, its git history being the history as of ref,
// and removed before LoadAt returns. glosa's cache is not used for it.
func LoadAt(opts Options, ref string) (*Project, string, error) {
	root := opts.Root
	commit, err := resolveRef(root, ref)
	if err != nil {
		return nil, "", err
	}
	prefix, err := gitOut(root, "rev-parse", "--show-prefix")
	if err != nil {
		return nil, "", err
	}
	if err := content.CheckCacheDir(root); err != nil {
		return nil, "", err
	}
	parent := filepath.Join(root, ".glosa")
	if _, err := os.Lstat(parent); errors.Is(err, fs.ErrNotExist) {
		if err := os.Mkdir(parent, 0o777); err != nil {
			return nil, "", err
		}
		defer os.Remove(parent) // when empty: the folder made for the worktree
	}
	dir, err := os.MkdirTemp(parent, sinceDir)
	if err != nil {
		return nil, "", err
	}
	defer removeWorktree(root, dir)
	if _, err := gitOut(root, "worktree", "add", "--quiet", "--detach", "--no-checkout", dir, commit); err != nil {
		return nil, "", err
	}
	// Only the files glosa reads are checked out: the entries and catalogs
	// under the layouts' and catalogs' folders. Other files (images, say)
	// cost time, and a partial clone would fetch them.
	var specs []string
	for _, p := range historyPaths(opts.Config) {
		specs = append(specs, prefix+p)
	}
	if len(specs) == 0 {
		specs = []string{prefix + "."}
	}
	listed, err := gitOut(dir, append([]string{"ls-tree", "-r", "-z", "--full-tree", "HEAD", "--"}, specs...)...)
	if err != nil {
		return nil, "", err
	}
	// The worktree's index gets the files wanted, which checkout-index
	// writes: a pathspec per file would cost git a match of every pathspec
	// against every path.
	var index strings.Builder
	for _, line := range strings.Split(listed, "\x00") {
		meta, f, ok := strings.Cut(line, "\t") // "mode type hash\tpath"
		mode, rest, _ := strings.Cut(meta, " ")
		typ, hash, _ := strings.Cut(rest, " ")
		if rel, in := strings.CutPrefix(f, prefix); ok && in && typ == "blob" && read(opts.Config, rel) {
			index.WriteString(mode + " " + hash + "\t" + f + "\x00")
		}
	}
	if index.Len() > 0 {
		if err := gitIn(dir, index.String(), "update-index", "-z", "--index-info"); err != nil {
			return nil, "", err
		}
		if _, err := gitOut(dir, "checkout-index", "--all", "--quiet", "--index"); err != nil {
			return nil, "", err
		}
	}
	at := opts
	at.Root = filepath.Join(dir, filepath.FromSlash(prefix))
	if err := os.MkdirAll(at.Root, 0o777); err != nil {
		return nil, "", err
	}
	at.NoCache, at.Progress = true, nil
	// The termbase's files are outside the folders checked out, and the
	// comparison does not read terms.
	cfg := *opts.Config
	cfg.Terms.Files = nil
	at.Config = &cfg
	p, err := Load(at)
	if err != nil {
		return nil, "", err
	}
	p.Root = root
	return p, commit, nil
}

// resolveRef returns the full hash of ref's commit, or a *RefError.
func resolveRef(root, ref string) (string, error) {
	commit, err := gitOut(root, "rev-parse", "--verify", "--quiet", "--end-of-options", ref+"^{commit}")
	if err != nil {
		shallow, _ := gitOut(root, "rev-parse", "--is-shallow-repository")
		return "", &RefError{Ref: ref, Shallow: shallow == "true", Err: err}
	}
	return commit, nil
}

// ChangedSince returns the files under root, relative to it and
// slash-separated, that differ between the revision ref and the work
// tree: changed, added (untracked ones included, as git status shows
// them) or renamed to. An unknown ref is a *RefError.
func ChangedSince(root, ref string) (map[string]bool, error) {
	commit, err := resolveRef(root, ref)
	if err != nil {
		return nil, err
	}
	changed := map[string]bool{}
	for _, args := range [][]string{
		{"diff", "--name-only", "-z", "--relative", "--no-ext-diff", commit, "--"},
		{"ls-files", "-z", "--others", "--exclude-standard"},
	} {
		out, err := gitOut(root, args...)
		if err != nil {
			return nil, err
		}
		for _, f := range strings.Split(out, "\x00") {
			if f != "" {
				changed[f] = true
			}
		}
	}
	return changed, nil
}

// removeWorktree removes the temporary worktree dir: from git's list of
// worktrees and from the disk. When git cannot, the folder is removed and
// git's entry left for its gc to prune: `git worktree prune` would also
// prune the user's worktrees on a drive not mounted.
func removeWorktree(root, dir string) {
	if _, err := gitOut(root, "worktree", "remove", "--force", dir); err != nil {
		_ = os.RemoveAll(dir)
	}
}

// gitIn runs git in dir with stdin as its input.
func gitIn(dir, stdin string, args ...string) error {
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	cmd.Stdin = strings.NewReader(stdin)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("git %s: %v: %s", args[0], err, bytes.TrimSpace(out))
	}
	return nil
}

// gitOut runs git in dir and returns its output without the final newline.
func gitOut(dir string, args ...string) (string, error) {
	var stderr bytes.Buffer
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return "", errors.New(msg)
		}
		return "", fmt.Errorf("git %s: %w", args[0], err)
	}
	return strings.TrimSuffix(string(out), "\n"), nil
}

// read reports whether the scan reads the file rel (relative to the
// project's root): an entry of a layout, or a catalog or template.
func read(cfg *config.Config, rel string) bool {
	for _, l := range cfg.Content {
		if _, _, _, ok := l.Patterns.Match(rel, cfg.Languages); ok {
			return true
		}
	}
	for _, l := range cfg.Locales {
		if _, _, ok := l.Pattern.Match(rel); ok {
			return true
		}
		if l.Template != nil {
			if _, _, ok := l.Template.Match(rel); ok {
				return true
			}
		}
	}
	return false
}

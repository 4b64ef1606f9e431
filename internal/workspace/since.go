package workspace

import (
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"strings"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/gitrev"
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

// LoadAt loads the project as it was at the revision ref (a branch, tag
// or commit), with the configuration cfg (today's, so that both sides of
// a comparison read the same layouts and languages), and returns it with
// the full hash of ref's commit. opts.Config must be set.
//
// ref's files under the layouts' and catalogs' folders are read from
// git's object store into memory (see package gitrev) and scanned as the
// work tree's are; the history is the history as of ref. Nothing is
// written to disk, and the user's work tree and index are left alone.
// glosa's cache is not used for it.
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
	lim := opts.Config.Limits.Or()
	tree, err := gitrev.Read(gitrev.Options{
		Dir:    root,
		Commit: commit,
		Prefix: prefix,
		Paths:  historyPaths(opts.Config),
		// Only the files glosa reads are read ahead: the entries and
		// catalogs.
		Want: func(rel string) bool { return read(opts.Config, rel) },
		Max:  max(lim.EntrySize, lim.CatalogSize),
	})
	if err != nil {
		return nil, "", err
	}
	at := opts
	at.Files, at.Rev = tree, commit
	at.NoCache, at.Progress = true, nil
	// The termbase's files are outside the folders read, and the
	// comparison does not read terms.
	cfg := *opts.Config
	cfg.Terms.Files = nil
	at.Config = &cfg
	p, err := Load(at)
	if err != nil {
		return nil, "", err
	}
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
		if _, _, _, ok := l.Patterns.Match(rel, cfg.Languages); ok && !l.Excluded(rel) {
			return true
		}
	}
	for _, l := range cfg.Locales {
		if l.Excluded(rel) {
			continue
		}
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

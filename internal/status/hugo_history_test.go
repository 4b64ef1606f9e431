package status_test

import (
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/history"
	"github.com/glosa/glosa/internal/status"
	"github.com/glosa/glosa/internal/testtree"
)

type gitHist struct{ ix *history.Index }

func (h gitHist) Since(p, c string) (int, bool) {
	ch, ok := h.ix.Since(p, c)
	return len(ch), ok
}
func (h gitHist) ChangedAfter(p, o string) (bool, bool) { return h.ix.ChangedAfter(p, o) }
func (h gitHist) RenamedTo(p string) string             { return h.ix.RenamedTo(p) }
func (h gitHist) Resolve(commits []string)              { h.ix.Resolve(commits) }

// TestHugoSiteAgainstGitLog builds a Hugo-like site whose translations
// record default_lang_commit, with renames and edits after translation,
// and checks that the stale translations are exactly those for which
// `git log <commit>..HEAD --follow -- <source>` lists a commit, and the
// others current: also when the recorded commit touched no content path,
// or is on a branch HEAD never merged.
func TestHugoSiteAgainstGitLog(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("git is not installed")
		}
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	n := 0
	git := func(args ...string) string {
		t.Helper()
		n++
		date := fmt.Sprintf("2026-01-01T00:%02d:%02dZ", n/60%60, n%60)
		t.Setenv("GIT_AUTHOR_DATE", date)
		t.Setenv("GIT_COMMITTER_DATE", date)
		return testtree.Git(t, dir, args...)
	}
	write := func(rel, s string) { testtree.WriteFile(t, dir, rel, []byte(s)) }
	write("glosa.yaml", "source: en\nlanguages: [en, es, fr, ja]\n")
	git("init", "-q", "-b", "main")
	rng := rand.New(rand.NewSource(1))
	slugs := []string{}
	for i := range 12 {
		s := fmt.Sprintf("page%02d", i)
		slugs = append(slugs, s)
		write("content/en/"+s+".md", fmt.Sprintf("---\ntitle: Page %d\n---\n\nVersion 0 of page %d.\n", i, i))
	}
	git("add", "-A")
	git("commit", "-q", "-m", "sources")
	version := map[string]int{}
	// Rounds of edits, renames and translations made at the commit of the
	// moment; some translations are then left behind by later edits.
	for round := 1; round <= 6; round++ {
		for i, s := range slugs {
			switch rng.Intn(5) {
			case 0: // edit the source
				version[s]++
				write("content/en/"+s+".md", fmt.Sprintf("---\ntitle: Page %d\n---\n\nVersion %d of page %d.\n", i, version[s], i))
			case 1: // rename the source (and its translations, as Hugo sites do)
				ns := fmt.Sprintf("%s-r%d", s, round)
				git("mv", "content/en/"+s+".md", "content/en/"+ns+".md")
				for _, l := range []string{"es", "fr", "ja"} {
					if _, err := os.Stat(filepath.Join(dir, "content", l, s+".md")); err == nil {
						git("mv", "content/"+l+"/"+s+".md", "content/"+l+"/"+ns+".md")
					}
				}
				slugs[i] = ns
			}
		}
		git("add", "-A")
		git("commit", "-q", "-m", fmt.Sprintf("round %d", round))
		// Translations record the commit of the moment: on main, one that
		// touched no content path, or one of a branch never merged, forked
		// from this round's commit or from the one before.
		head := git("rev-parse", "HEAD")
		write(fmt.Sprintf("static/main-%d.txt", round), "main\n")
		git("add", "-A")
		git("commit", "-q", "-m", fmt.Sprintf("static %d", round))
		static := git("rev-parse", "HEAD")
		fork := head
		if round > 1 && rng.Intn(2) == 0 {
			fork = head + "~1"
		}
		git("checkout", "-q", "-b", fmt.Sprintf("side-%d", round), fork)
		write(fmt.Sprintf("static/side-%d.txt", round), "side\n")
		git("add", "-A")
		git("commit", "-q", "-m", fmt.Sprintf("side %d", round))
		side := git("rev-parse", "HEAD")
		git("checkout", "-q", "main")
		recorded := []string{head, static, side}
		for i, s := range slugs {
			for _, l := range []string{"es", "fr", "ja"} {
				if rng.Intn(3) == 0 {
					commit := recorded[rng.Intn(len(recorded))]
					short := commit[:7+rng.Intn(5)]
					write("content/"+l+"/"+s+".md", fmt.Sprintf("---\ntitle: %s %d\ndefault_lang_commit: %s # round %d\n---\n\n%s text %d.\n", l, i, short, round, l, round))
				}
			}
		}
		git("add", "-A")
		git("commit", "-q", "-m", fmt.Sprintf("translations %d", round))
	}
	cfg, err := config.Load(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	repo, err := content.Scan(dir, cfg)
	if err != nil {
		t.Fatal(err)
	}
	ix, err := history.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	rep := status.ComputeWith(repo, gitHist{ix})
	checked, stale := 0, 0
	for _, it := range rep.Items {
		for _, tr := range it.Translations {
			if tr.Entry == nil || tr.Entry.Record == nil || tr.Entry.Record.Foreign == "" {
				continue
			}
			log := git("log", "--format=%H", "--follow", tr.Entry.Record.Commit+"..HEAD", "--", it.Source.Path)
			want := status.Current
			if log != "" {
				want = status.Stale
			}
			if tr.State != want {
				t.Errorf("%s (commit %s): glosa says %s (%s); git log %s..HEAD -- %s lists %q",
					tr.Path, tr.Entry.Record.Commit, tr.State, tr.Why, tr.Entry.Record.Commit, it.Source.Path, log)
			}
			checked++
			if tr.State == status.Stale {
				stale++
			}
		}
	}
	if checked < 20 || stale == 0 || stale == checked {
		t.Fatalf("%d translations compared, %d stale: the site does not test both cases", checked, stale)
	}
	t.Logf("%d translations compared with git log, %d stale", checked, stale)
}

package corpus

import (
	"bytes"
	"fmt"
	"io/fs"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/glosa/glosa/internal/cli"
	"github.com/glosa/glosa/internal/iostreams"
)

// TestWarmIdentical is the differential test of glosa's warm runs (issue
// 17): on a git repository of a generated corpus, round after round of
// random edits (a source, a translation or a catalog message edited, a
// file removed, renamed or added, every content file written again with
// the same bytes, a translation made a copy of its source and later
// translated, glosa.yaml edited, a commit that moves HEAD), status and check in text and JSON print the same bytes, on both
// streams, with the same exit code, whether they run warm (the caches of
// the round before: content records, words, parsed history), replayed
// (the whole-result cache of the run just before) or without any cache.
// GLOSA_WARM_ROUNDS=N runs N rounds instead of 8, for a longer search.
func TestWarmIdentical(t *testing.T) {
	if testing.Short() {
		t.Skip("generates and edits a corpus")
	}
	rounds := 8
	if n, err := strconv.Atoi(os.Getenv("GLOSA_WARM_ROUNDS")); err == nil && n > 0 {
		rounds = n
	}
	dir := t.TempDir()
	if _, err := Generate(dir, Options{Slugs: 30, Langs: 3, Messages: 60, Sections: 3, Seed: 11}); err != nil {
		t.Fatal(err)
	}
	git := gitIn(t, dir)
	git("init", "-q")
	if err := os.WriteFile(filepath.Join(dir, ".gitignore"), []byte(".glosa/\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	git("add", "-A")
	git("commit", "-qm", "corpus")
	runs := [][]string{
		{"status"},
		{"status", "--format", "json"},
		{"check"},
		{"check", "--format", "json"},
	}
	r := rand.New(rand.NewSource(17))
	for round := range rounds {
		var did []string
		if round > 0 {
			for range 1 + r.Intn(3) {
				did = append(did, randomEdit(t, r, dir, git))
			}
		}
		// Files changed within the last tick are not trusted by the
		// caches: wait for the edits to be older than that.
		time.Sleep(80 * time.Millisecond)
		stage := fmt.Sprintf("round %d (%s)", round, strings.Join(did, "; "))
		t.Log(stage)
		for _, args := range runs {
			want := glosaRun(t, dir, append([]string{"--no-cache"}, args...)...)
			warm := glosaRun(t, dir, args...)
			replay := glosaRun(t, dir, args...)
			if diff := cmp.Diff(want, warm); diff != "" {
				t.Errorf("%s: glosa %s warm differs from a run without cache (-want +got):\n%s", stage, strings.Join(args, " "), diff)
			}
			if diff := cmp.Diff(want, replay); diff != "" {
				t.Errorf("%s: glosa %s replayed differs from a run without cache (-want +got):\n%s", stage, strings.Join(args, " "), diff)
			}
		}
		if t.Failed() {
			return
		}
	}
}

// runResult is all a run shows.
type runResult struct {
	Code           int
	Stdout, Stderr string
}

// glosaRun runs glosa in process in dir and returns what it printed and
// its exit code.
func glosaRun(t *testing.T, dir string, args ...string) runResult {
	t.Helper()
	var out, errOut bytes.Buffer
	ios := &iostreams.IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut}
	code := cli.Run(ios, append([]string{"-C", dir}, args...))
	return runResult{code, out.String(), errOut.String()}
}

// gitIn returns what runs git in dir, failing the test when it fails.
func gitIn(t *testing.T, dir string) func(args ...string) {
	return func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=Ada", "GIT_AUTHOR_EMAIL=ada@example.org",
			"GIT_COMMITTER_NAME=Ada", "GIT_COMMITTER_EMAIL=ada@example.org")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
}

// randomEdit makes one edit of the corpus in dir, chosen with r, and says
// which.
func randomEdit(t *testing.T, r *rand.Rand, dir string, git func(...string)) string {
	t.Helper()
	files := contentFiles(t, dir)
	pick := func(lang string) string {
		var of []string
		for _, f := range files {
			if (lang == "en") == strings.HasPrefix(f, "content/en/") {
				of = append(of, f)
			}
		}
		return of[r.Intn(len(of))]
	}
	abs := func(rel string) string { return filepath.Join(dir, filepath.FromSlash(rel)) }
	// past dates a file's modification back, as if edited a while ago:
	// the caches trust it at once (a file changed within the last two
	// seconds they read again, whatever they remember), so that what they
	// remember of the edited file is what the next runs use.
	past := func(rel string) {
		when := time.Now().Add(-time.Duration(1+r.Intn(1000)) * time.Minute)
		if err := os.Chtimes(abs(rel), when, when); err != nil {
			t.Fatal(err)
		}
	}
	appendTo := func(rel, text string) {
		data, err := os.ReadFile(abs(rel))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(abs(rel), append(data, text...), 0o644); err != nil {
			t.Fatal(err)
		}
		past(rel)
	}
	switch r.Intn(12) {
	case 0:
		f := pick("en")
		appendTo(f, fmt.Sprintf("\nA paragraph added later, with a [link](https://example.org/%d) and `code%d`.\n", r.Intn(100), r.Intn(100)))
		return "source edited " + f
	case 1:
		f := pick("")
		appendTo(f, fmt.Sprintf("\nUn párrafo añadido, con un [enlace](https://example.org/%d).\n", r.Intn(100)))
		return "translation edited " + f
	case 2:
		rel := "locales/active.en.yaml"
		data, err := os.ReadFile(abs(rel))
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(data), "\n")
		i := r.Intn(len(lines))
		for ; i < len(lines) && !strings.Contains(lines[i], ": "); i++ {
		}
		if i < len(lines) {
			lines[i] = strings.TrimSuffix(lines[i], "'") + fmt.Sprintf(" changed %d'", r.Intn(100))
			if !strings.HasSuffix(strings.TrimSpace(strings.SplitN(lines[i], ": ", 2)[1]), "'") {
				lines[i] = strings.SplitN(lines[i], ": ", 2)[0] + ": 'changed'"
			}
		}
		if err := os.WriteFile(abs(rel), []byte(strings.Join(lines, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
		past(rel)
		return "catalog message edited"
	case 3:
		f := pick("")
		if err := os.Remove(abs(f)); err != nil {
			t.Fatal(err)
		}
		return "removed " + f
	case 4:
		f := pick(map[bool]string{true: "en"}[r.Intn(2) == 0])
		to := strings.TrimSuffix(f, ".md") + "-moved.md"
		if err := os.Rename(abs(f), abs(to)); err != nil {
			t.Fatal(err)
		}
		return "renamed " + f
	case 5:
		src := pick("en")
		to := strings.Replace(src, "content/en/", "content/es/", 1)
		if slices.Contains(files, to) {
			to = strings.TrimSuffix(to, ".md") + "-new.md"
		}
		data, err := os.ReadFile(abs(src))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(abs(to)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(abs(to), data, 0o644); err != nil {
			t.Fatal(err)
		}
		past(to)
		return "added " + to
	case 6:
		rel := "glosa.yaml"
		data, err := os.ReadFile(abs(rel))
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		if strings.Contains(text, "rules:") {
			text = text[:strings.Index(text, "rules:")]
		} else {
			text += "rules:\n  same-as-source: {severity: warning}\n  markup-mismatch: {severity: error}\n"
		}
		if err := os.WriteFile(abs(rel), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return "glosa.yaml edited"
	case 7:
		// As a checkout or a fresh clone leaves them: every content file
		// a new file with the same bytes, other inode and times.
		when := time.Now().Add(-time.Duration(1+r.Intn(100)) * time.Minute)
		for _, f := range files {
			data, err := os.ReadFile(abs(f))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(abs(f)+".tmp", data, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Rename(abs(f)+".tmp", abs(f)); err != nil {
				t.Fatal(err)
			}
			if err := os.Chtimes(abs(f), when, when); err != nil {
				t.Fatal(err)
			}
		}
		return "every content file written again, same bytes"
	case 8:
		// A translation that is a copy of its source: same-as-source
		// findings, which the lint memo keeps (see case 9).
		src := pick("en")
		to := strings.Replace(src, "content/en/", "content/es/", 1)
		data, err := os.ReadFile(abs(src))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(abs(to)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(abs(to), append(data, "\n<!-- copied -->\n"...), 0o644); err != nil {
			t.Fatal(err)
		}
		past(to)
		return "translation copied from its source " + to
	case 9:
		// The copies translated: their findings gone, though the files
		// keep their paths, slugs and states.
		n := 0
		for _, f := range files {
			data, err := os.ReadFile(abs(f))
			if err != nil {
				t.Fatal(err)
			}
			text := string(data)
			if !strings.Contains(text, "<!-- copied -->") {
				continue
			}
			end := strings.Index(text[3:], "\n---\n")
			if end < 0 {
				continue
			}
			text = text[:3+end+5] + "\nUn texto traducido por fin, con palabras propias.\n"
			if err := os.WriteFile(abs(f), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			past(f)
			n++
		}
		return fmt.Sprintf("%d copies translated", n)
	default:
		git("add", "-A")
		git("commit", "-qm", "round", "--allow-empty")
		return "committed"
	}
}

// contentFiles returns the content files under dir, slash-separated and
// relative to it, sorted.
func contentFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(filepath.Join(dir, "content"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		out = append(out, filepath.ToSlash(rel))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

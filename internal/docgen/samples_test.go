package docgen

import (
	"bufio"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/glosa/glosa/internal/cli"
	"github.com/glosa/glosa/internal/iostreams"
)

// A transcript is a command and its output in the README or a guide: a
// fenced block with
// no language whose lines starting "$ " run glosa on the sample
// repository, each followed by what it prints. TestSamples runs every one
// and compares, so that the guides cannot drift from the tool.
//
// In the expected lines, a line "…" stands for any lines (none too), and
// "…" within a line for any text. An HTML comment
// "<!-- sample: without glosa.yaml -->" before the block runs it in a copy
// without glosa.yaml; "<!-- sample: unchecked -->" leaves it out (say why
// in the comment).
type transcript struct {
	file string
	line int
	env  []string // NAME=value
	args []string
	// stdout is false when the command sends it to a file (> es.po).
	stdout  bool
	want    []string
	noConf  bool
	skipped bool
}

var (
	// sampleCmd is a transcript's command: environment assignments, then
	// glosa as the README runs it or as installed.
	sampleCmd = regexp.MustCompile(`^\$ ((?:[A-Z_]+=\S+ )*)(?:go run \./cmd/glosa|glosa)((?: .*)?)$`)
	// directive is a comment that says how to run the next sample.
	directive = regexp.MustCompile(`^<!-- sample: (without glosa\.yaml|unchecked)\b`)
)

// transcripts returns the transcripts of a Markdown file.
func transcripts(t *testing.T, file string) []transcript {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []transcript
	var cur *transcript
	fence, plain, mode := false, false, ""
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "```"):
			if fence {
				fence, cur, mode = false, nil, ""
				continue
			}
			fence, plain = true, strings.TrimSpace(strings.TrimPrefix(line, "```")) == ""
		case !fence:
			if m := directive.FindStringSubmatch(line); m != nil {
				mode = m[1]
			}
		case !plain:
		case sampleCmd.MatchString(line):
			m := sampleCmd.FindStringSubmatch(line)
			s := transcript{file: file, line: n, stdout: true, noConf: mode == "without glosa.yaml", skipped: mode == "unchecked"}
			s.env = strings.Fields(m[1])
			args := m[2]
			if i := strings.Index(args, " #"); i >= 0 {
				args = args[:i] // a comment
			}
			fields := strings.Fields(args)
			for i := 0; i < len(fields); i++ {
				if fields[i] == ">" {
					s.stdout = false
					i++ // the file
					continue
				}
				s.args = append(s.args, fields[i])
			}
			out = append(out, s)
			cur = &out[len(out)-1]
		case cur != nil:
			cur.want = append(cur.want, line)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	for i := range out { // the blank lines before the next command
		for len(out[i].want) > 0 && strings.TrimSpace(out[i].want[len(out[i].want)-1]) == "" {
			out[i].want = out[i].want[:len(out[i].want)-1]
		}
	}
	return out
}

// TestSamples runs the transcripts of README.md and docs/*.md on a copy of
// the sample repository and compares what glosa prints with them.
func TestSamples(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(root, "docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	files = append([]string{filepath.Join(root, "README.md")}, files...)
	ran := 0
	for _, file := range files {
		for _, s := range transcripts(t, file) {
			rel, _ := filepath.Rel(root, file)
			name := rel + ":" + strings.Join(append([]string{""}, s.args...), "_")
			if s.skipped || len(s.want) == 0 {
				continue
			}
			ran++
			t.Run(name, func(t *testing.T) {
				for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
					t.Setenv(v, "")
				}
				for _, kv := range s.env {
					k, v, _ := strings.Cut(kv, "=")
					t.Setenv(k, v)
				}
				dir := sampleRepo(t, root, !s.noConf)
				// Both streams in one, interleaved as a terminal shows
				// them; stdout dropped when the transcript sends it to a
				// file.
				ios, _, both, _ := iostreams.Test()
				ios.ErrOut = both
				if !s.stdout {
					ios.Out = io.Discard
				}
				cli.Run(ios, append([]string{"-C", dir, "--no-cache"}, s.args...))
				got := lines(both.String())
				if !matchSample(s.want, got) {
					t.Errorf("%s:%d: the transcript differs from what glosa prints (-transcript +glosa):\n%s",
						rel, s.line, cmp.Diff(s.want, got))
				}
			})
		}
	}
	if ran == 0 {
		t.Fatal("no transcript found: the parser no longer reads the guides")
	}
}

// sampleRepo copies the sample repository (content/, locales/ and, with
// conf, glosa.yaml) into a temporary folder, so that no command writes in
// the source tree.
func sampleRepo(t *testing.T, root string, conf bool) string {
	t.Helper()
	dir := t.TempDir()
	// With the repository's git history, when it has one (a clone shares
	// its objects): the words left of a stale translation, and what
	// stamp records, come from it, as they do for a reader who runs the
	// transcript in a clone.
	if out, err := exec.Command("git", "-C", root, "rev-parse", "--is-inside-work-tree").Output(); err == nil && strings.TrimSpace(string(out)) == "true" {
		if out, err := exec.Command("git", "clone", "-q", "--shared", root, dir).CombinedOutput(); err != nil {
			t.Fatalf("git clone: %v\n%s", err, out)
		}
	}
	for _, p := range []string{"content", "locales", "glosa.yaml"} {
		if err := os.RemoveAll(filepath.Join(dir, p)); err != nil {
			t.Fatal(err)
		}
	}
	paths := []string{"content", "locales"}
	if conf {
		paths = append(paths, "glosa.yaml")
	}
	for _, p := range paths {
		if err := os.CopyFS(filepath.Join(dir, p), os.DirFS(filepath.Join(root, p))); err != nil {
			// glosa.yaml is a file: CopyFS wants a folder.
			data, rerr := os.ReadFile(filepath.Join(root, p))
			if rerr != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, p), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dir
}

// lines splits output into lines, without the last newline and each
// line's trailing spaces.
func lines(s string) []string {
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		return nil
	}
	out := strings.Split(s, "\n")
	for i := range out {
		out[i] = strings.TrimRight(out[i], " ")
	}
	return out
}

// matchSample reports whether got is what want shows: a line "…" matches
// any lines, and "…" within a line any text (a count that changes with
// every message added to glosa's own catalogs).
func matchSample(want, got []string) bool {
	if len(want) == 0 {
		return len(got) == 0
	}
	w := strings.TrimRight(want[0], " ")
	if w == "…" {
		for i := 0; i <= len(got); i++ {
			if matchSample(want[1:], got[i:]) {
				return true
			}
		}
		return false
	}
	if len(got) == 0 || !matchLine(w, got[0]) {
		return false
	}
	return matchSample(want[1:], got[1:])
}

// matchLine reports whether got is the line want shows, "…" in want
// standing for any text.
func matchLine(want, got string) bool {
	if !strings.Contains(want, "…") {
		return want == got
	}
	parts := strings.Split(want, "…")
	for i := range parts {
		parts[i] = regexp.QuoteMeta(parts[i])
	}
	return regexp.MustCompile("^" + strings.Join(parts, ".*") + "$").MatchString(got)
}

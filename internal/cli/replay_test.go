package cli

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/glosa/glosa/internal/iostreams"
	"github.com/glosa/glosa/internal/testtree"
)

// replayRun runs glosa in dir and returns what it printed and its exit code.
func replayRun(dir string, args ...string) (string, string, int) {
	ios, _, out, errOut := iostreams.Test()
	code := Run(ios, append([]string{"-C", dir}, args...))
	return out.String(), errOut.String(), code
}

// TestReplaySameAsFullRun changes the project's files, its history, the
// environment and the flags between warm runs, and compares each warm run
// (the first stores, the second replays when nothing changed) with a run
// that uses no cache.
func TestReplaySameAsFullRun(t *testing.T) {
	t.Setenv("GIT_CONFIG_GLOBAL", os.DevNull)
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	dir := testtree.Txtar(t, writesRepo)
	testtree.Git(t, dir, "init", "-q")
	testtree.Git(t, dir, "add", ".")
	testtree.Git(t, dir, "commit", "-qm", "one")
	settle := func() { time.Sleep(120 * time.Millisecond) }
	commands := [][]string{{"status"}, {"status", "--format", "json"}, {"check"}, {"check", "--fail-on", "missing"}}
	compare := func(t *testing.T, step string) {
		t.Helper()
		for _, args := range commands {
			wantOut, wantErr, wantCode := replayRun(dir, append([]string{"--no-cache"}, args...)...)
			for range 2 {
				out, errOut, code := replayRun(dir, args...)
				if diff := cmp.Diff([]any{wantOut, wantErr, wantCode}, []any{out, errOut, code}); diff != "" {
					t.Fatalf("%s: glosa %v: warm differs from --no-cache (-want +got)\n%s", step, args, diff)
				}
				settle()
			}
		}
	}
	write := func(name, data string) { testtree.WriteFile(t, dir, name, []byte(data)) }
	settle()
	compare(t, "unchanged")
	if stored, _ := filepath.Glob(filepath.Join(dir, ".glosa/cache/result-*")); len(stored) != len(commands) {
		t.Fatalf("%d results stored, want %d", len(stored), len(commands))
	}
	steps := []struct {
		name   string
		change func()
	}{
		{"translate", func() { write("content/es/c.md", "---\ntitle: Gama\n---\n\nTexto gama.\n") }},
		{"edit the source", func() { write("content/en/a.md", "---\ntitle: Alpha\n---\n\nAlpha text, more.\n") }},
		{"same size", func() { write("content/en/a.md", "---\ntitle: Alpha\n---\n\nAlpha text, mare.\n") }},
		{"commit", func() { testtree.Git(t, dir, "commit", "-qam", "two") }},
		{"stage", func() { testtree.Git(t, dir, "add", ".") }},
		{"delete", func() { os.Remove(filepath.Join(dir, "content/es/b.md")) }},
		{"catalog", func() { write("locales/active.es.yaml", "hello: Hola\n") }},
		{"config", func() {
			write("glosa.yaml", "source: en\nlanguages: [en, es, it]\ncontent:\n  - path: content/{lang}/{slug}.md\n    fields: {title: text}\nlocales:\n  - path: locales/active.{lang}.yaml\n")
		}},
		{"Spanish", func() { t.Setenv("LANG", "es_ES.UTF-8") }},
		{"NO_COLOR", func() { t.Setenv("NO_COLOR", "1") }},
	}
	for _, s := range steps {
		s.change()
		settle()
		compare(t, s.name)
	}
}

func TestWithoutDir(t *testing.T) {
	got := withoutDir([]string{"-C", "x", "status", "--directory=y", "-Cz", "--directory", "w", "--lang", "es", "--", "-C"})
	if diff := cmp.Diff([]string{"status", "--lang", "es", "--", "-C"}, got); diff != "" {
		t.Error(diff)
	}
}

package corpus

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/glosa/glosa/internal/cli"
	"github.com/glosa/glosa/internal/iostreams"
	"github.com/glosa/glosa/internal/progress"
)

// TestProgress checks when glosa draws its progress bar: on a terminal's
// stderr for the text formats, never for machine formats or when stderr
// is not a terminal; and the output on stdout is the same either way.
// The bar's delay is shortened so that a small corpus takes long enough.
func TestProgress(t *testing.T) {
	delay, tick := progress.Delay, progress.Tick
	progress.Delay, progress.Tick = 0, time.Millisecond
	t.Cleanup(func() { progress.Delay, progress.Tick = delay, tick })

	dir := t.TempDir()
	if _, err := Generate(dir, Options{Slugs: 150, Langs: 3, Messages: 20, Sections: 2, Seed: 9}); err != nil {
		t.Fatal(err)
	}
	run := func(tty bool, args ...string) (string, string) {
		var out, errOut bytes.Buffer
		ios := &iostreams.IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut}
		ios.SetTTY(tty)
		if code := cli.Run(ios, append([]string{"-C", dir, "--no-cache", "--no-color"}, args...)); code != cli.ExitOK && code != cli.ExitFailed {
			t.Fatalf("glosa %v exited with %d: %s", args, code, errOut.String())
		}
		return out.String(), errOut.String()
	}
	const bar = "\r\x1b[K"
	for _, tt := range []struct {
		tty  bool
		args []string
		want bool
	}{
		{true, []string{"check"}, true},
		{true, []string{"status"}, true},
		{true, []string{"check", "--format", "json"}, false},
		{true, []string{"check", "--format", "github"}, false},
		{true, []string{"status", "--format", "csv"}, false},
		{true, []string{"sync", "--dry-run"}, true},
		{true, []string{"sync", "--dry-run", "--format", "markdown"}, true},
		{true, []string{"sync", "--dry-run", "--format", "json"}, false},
		{false, []string{"sync", "--dry-run"}, false},
		{false, []string{"check"}, false},
		{false, []string{"status"}, false},
	} {
		out, errOut := run(tt.tty, tt.args...)
		if got := strings.Contains(errOut, bar); got != tt.want {
			t.Errorf("glosa %v on a terminal %v: progress bar %v, want %v; stderr:\n%q", tt.args, tt.tty, got, tt.want, errOut)
		}
		if tt.want {
			if !strings.Contains(errOut, "files") || !strings.Contains(errOut, "%") {
				t.Errorf("glosa %v: the bar does not count files: %q", tt.args, errOut)
			}
			if plain, _ := run(false, tt.args...); plain != out {
				t.Errorf("glosa %v: stdout differs with the bar", tt.args)
			}
		}
	}
	// sync counts what it writes (last: it changes the corpus). What it
	// plans is counted too (syncplan's TestMakeProgress), but planning
	// this corpus now takes less than the bar's first tick, so whether
	// its bar shows here depends on the scheduler.
	if _, errOut := run(true, "sync"); !strings.Contains(errOut, "writing") {
		t.Errorf("glosa sync: no writing bar; stderr:\n%q", errOut)
	}
}

package cli_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/google/go-cmp/cmp"

	"github.com/glosa/glosa/internal/cli"
	"github.com/glosa/glosa/internal/iostreams"
)

// chromium returns Debian's chromium, skipping the test where it is not
// installed, except under CI (CI set), where it must be: .ci/run installs it.
func chromium(t *testing.T) string {
	t.Helper()
	path := "/usr/bin/chromium"
	if _, err := os.Stat(path); err == nil {
		return path
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	if os.Getenv("CI") == "" {
		t.Skip("chromium is not installed (apt-get install chromium); under CI=1 this test runs")
	}
	t.Fatal("CI is set but chromium is not installed: .ci/run installs it (apt-get install chromium)")
	return ""
}

// TestReportInChromium is the dashboard's acceptance test: glosa report
// on the repository's own sample (content/ and locales/), opened from
// file:// in headless Chromium. It asserts on the DOM the browser built:
// the matrix has a cell in every state, the filters hide the rows (and
// columns) they should, the headings sort; and it saves a screenshot,
// to $GLOSA_SCREENSHOT when set, else in the test's temporary folder.
func TestReportInChromium(t *testing.T) {
	chrome := chromium(t)
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	ios, _, _, stderr := iostreams.Test()
	if code := cli.Run(ios, []string{"-C", root, "--no-cache", "report", "--out", out}); code != 0 {
		t.Fatalf("glosa report exited %d: %s", code, stderr)
	}

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chrome), chromedp.NoSandbox, chromedp.Headless, chromedp.DisableGPU, chromedp.WindowSize(1280, 1000))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancelCtx := chromedp.NewContext(actx)
	defer cancelCtx()
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()

	do := func(steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatal(err)
		}
	}
	// visible lists the slugs of the rows shown, in order.
	visible := func() []string {
		t.Helper()
		slugs, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('#matrix tbody tr'))
			.filter(r => r.offsetParent !== null).map(r => r.cells[0].textContent.trim())`))
		if err != nil {
			t.Fatal(err)
		}
		return slugs
	}
	// shown reports whether the element a CSS selector finds is rendered.
	shown := func(sel string) bool {
		t.Helper()
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf(`document.querySelector(%q).offsetParent !== null`, sel)))
		if err != nil {
			t.Fatal(err)
		}
		return ok
	}
	// choose picks a value in a filter as a user would: the select
	// changes, and says so.
	choose := func(id, value string) chromedp.Action[chromedp.Void] {
		return chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(() => {
			const s = document.getElementById(%q);
			s.value = %q;
			s.dispatchEvent(new Event('change', {bubbles: true}));
		})()`, id, value))
	}

	do(chromedp.Navigate("file://"+filepath.ToSlash(filepath.Join(out, "index.html"))), chromedp.WaitVisible(chromedp.CSS("#filters")))
	title, err := chromedp.Run(ctx, chromedp.Title())
	if err != nil {
		t.Fatal(err)
	}
	states, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...new Set(Array.from(document.querySelectorAll('#matrix td[data-state]'))
		.map(td => td.dataset.state).filter(s => s))].sort()`))
	if err != nil {
		t.Fatal(err)
	}
	all := visible()
	enShown := shown(`#matrix th[data-lang="en"]`)
	do(choose("filter-state", "stale"))
	stale := visible()
	count, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#matrix-count")))
	if err != nil {
		t.Fatal(err)
	}
	do(choose("filter-lang", "es"), choose("filter-state", "missing"))
	esMissing := visible()
	enHidden := !shown(`#matrix th[data-lang="en"]`) && !shown(`#matrix td[data-lang="en"]`)
	do(choose("filter-lang", "en"), choose("filter-state", "unverified"))
	enUnverified := visible()
	do(choose("filter-lang", ""), choose("filter-state", ""), choose("filter-category", "Models"))
	models := visible()
	do(choose("filter-category", ""), chromedp.Click(chromedp.CSS(`#matrix th[data-lang="es"] button`)))
	sorted := visible()

	if title != "Translation report" {
		t.Errorf("title %q", title)
	}
	if diff := cmp.Diff([]string{"current", "missing", "orphan", "stale", "untranslated", "unverified"}, states); diff != "" {
		t.Errorf("the matrix's states (-want +got):\n%s", diff)
	}
	for _, c := range []struct {
		name      string
		got, want []string
	}{
		{"no filter", all, []string{"clip", "dit", "gguf", "llm", "lora", "tokens"}},
		{"stale", stale, []string{"clip"}},
		{"es missing", esMissing, []string{"tokens"}},
		{"en unverified", enUnverified, []string{"dit", "tokens"}},
		{"category Models", models, []string{"clip", "dit"}},
		{"sorted by the es column", sorted, []string{"gguf", "clip", "tokens", "dit", "llm", "lora"}},
	} {
		if diff := cmp.Diff(c.want, c.got); diff != "" {
			t.Errorf("%s: rows shown (-want +got):\n%s", c.name, diff)
		}
	}
	if !enShown || !enHidden {
		t.Errorf("the en column: shown without a filter %v, hidden with es chosen %v", enShown, enHidden)
	}
	if count != "1 of 6 entries shown" {
		t.Errorf("count %q", count)
	}

	// The screenshot: the whole page, every filter off, sorted by slug.
	do(chromedp.Click(chromedp.CSS(`#matrix thead th:first-child button`)))
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	shot := os.Getenv("GLOSA_SCREENSHOT")
	if shot == "" {
		shot = filepath.Join(t.TempDir(), "report.png")
	}
	if err := os.WriteFile(shot, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot of %s: %s (%d bytes)", filepath.Join(out, "index.html"), shot, len(png))
}

package lint_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/glosa/glosa/internal/catalog"
	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/corpus"
	"github.com/glosa/glosa/internal/lint"
	"github.com/glosa/glosa/internal/status"
)

// TestReleaseIdentical proves that scanning with released entries, which
// the rules load again chunk by chunk, changes no state and no finding:
// on a generated corpus, the report and the findings are those of a scan
// that keeps every file in memory, with and without glosa's cache, read
// cold and warm, with chunks of one, a few and all items, on one
// processor and on several.
func TestReleaseIdentical(t *testing.T) {
	dir := t.TempDir()
	if _, err := corpus.Generate(dir, corpus.Options{Slugs: 30, Langs: 4, Messages: 40, Sections: 3, Seed: 11}); err != nil {
		t.Fatal(err)
	}
	ageTree(t, dir)
	cfg, linter := load(t, dir)
	files, err := catalog.Scan(dir, cfg, cfg.Languages)
	if err != nil {
		t.Fatal(err)
	}
	run := func(opts *content.ScanOptions) (*status.Report, []lint.Finding) {
		t.Helper()
		var repo *content.Repo
		var err error
		if opts == nil {
			repo, err = content.Scan(dir, cfg)
			repo.Prepare(true)
		} else {
			repo, err = content.ScanWith(dir, cfg, *opts)
		}
		if err != nil {
			t.Fatal(err)
		}
		rep := status.ComputeAllWith(repo, files, nil)
		return rep, linter.Run(rep)
	}
	wantRep, want := run(nil)
	if len(want) < 20 {
		t.Fatalf("the corpus gives only %d findings: too few to prove anything", len(want))
	}
	// The chunks of a wave are checked at the same time, one per
	// processor: one, or more than this machine has.
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, w := range []struct{ size, procs int }{{1, 1}, {7, 1}, {1000, 1}, {1, 4}, {7, 4}, {1000, 4}} {
		size := w.size
		runtime.GOMAXPROCS(w.procs)
		undo := lint.SetChunkSize(size)
		cases := []struct {
			name string
			opts func() content.ScanOptions
		}{
			{"no cache", func() content.ScanOptions {
				return content.ScanOptions{Prepare: true, Release: true}
			}},
			{"cache", func() content.ScanOptions {
				return content.ScanOptions{Prepare: true, Bodies: true, Release: true,
					Cache: content.OpenCache(dir, cfg, true)}
			}},
		}
		for _, c := range cases {
			for _, pass := range []string{"first", "second"} {
				opts := c.opts()
				rep, got := run(&opts)
				if opts.Cache != nil {
					if err := opts.Cache.Save(rep.Repo); err != nil {
						t.Fatal(err)
					}
					opts.Cache.Close()
				}
				if diff := cmp.Diff(want, got, cmp.Comparer(func(a, b lint.Finding) bool {
					return a.Rule == b.Rule && a.Severity == b.Severity && a.Path == b.Path && a.Line == b.Line &&
						a.Column == b.Column && a.Lang == b.Lang && a.Slug == b.Slug && a.Message == b.Message && a.Fix == b.Fix
				})); diff != "" {
					t.Errorf("chunks of %d on %d processors, %s, %s run: findings differ (-all in memory +released):\n%s", size, w.procs, c.name, pass, diff)
				}
				if diff := cmp.Diff(states(wantRep), states(rep)); diff != "" {
					t.Errorf("chunks of %d on %d processors, %s, %s run: states differ (-all in memory +released):\n%s", size, w.procs, c.name, pass, diff)
				}
			}
		}
		undo()
	}
}

// states lists every translation's path, state, reason and words.
func states(r *status.Report) []string {
	var out []string
	for _, it := range r.Items {
		for _, t := range it.Translations {
			out = append(out, t.Path+" "+string(t.State)+" "+string(t.Reason)+" "+t.Why+" "+strconv.Itoa(t.Words))
		}
	}
	return out
}

// ageTree gives every file under dir a time an hour ago, so that glosa's
// cache keeps every file (it does not trust a file changed just now).
func ageTree(t *testing.T, dir string) {
	t.Helper()
	when := time.Now().Add(-time.Hour)
	if err := filepath.WalkDir(dir, func(p string, de fs.DirEntry, err error) error {
		if err != nil || de.IsDir() {
			return err
		}
		return os.Chtimes(p, when, when)
	}); err != nil {
		t.Fatal(err)
	}
}

// load reads dir's glosa.yaml and makes its linter.
func load(t *testing.T, dir string) (*config.Config, *lint.Linter) {
	t.Helper()
	cfg, err := config.Load(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	linter, err := lint.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return cfg, linter
}

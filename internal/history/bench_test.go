package history

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/glosa/glosa/internal/testtree"
)

const (
	benchCommits = 10_000
	benchFiles   = 2_000
	benchSample  = 200 // files asked one git log each; the rest is extrapolated
)

// benchRepo returns a generated repository of benchCommits commits
// touching benchFiles files, kept under os.TempDir between runs, its files
// at HEAD and, per file, the commit to ask Since about.
func benchRepo(b *testing.B) (dir string, files, since []string) {
	b.Helper()
	needGit(b)
	dir = filepath.Join(os.TempDir(), fmt.Sprintf("glosa-history-bench-%d-%d-v1", benchCommits, benchFiles))
	if _, err := os.Stat(filepath.Join(dir, ".git")); err != nil {
		tmp := fmt.Sprintf("%s.tmp%d", dir, os.Getpid())
		os.RemoveAll(tmp)
		start := time.Now()
		generate(b, tmp, benchCommits, benchFiles)
		if err := os.Rename(tmp, dir); err != nil {
			b.Fatal(err)
		}
		b.Logf("generated %s in %v", dir, time.Since(start))
	}
	r := &repo{tb: b, dir: dir}
	files = strings.Split(strings.TrimSuffix(r.git("-c", "core.quotePath=false", "ls-files", "-z"), "\x00"), "\x00")
	all := strings.Fields(r.git("rev-list", "HEAD"))
	for i := range files {
		since = append(since, all[(i*7919)%len(all)])
	}
	return dir, files, since
}

// BenchmarkLoad: Load, then Since for every file of the repository.
func BenchmarkLoad(b *testing.B) {
	dir, files, since := benchRepo(b)
	b.ResetTimer()
	for b.Loop() {
		ix, err := Load(dir)
		if err != nil {
			b.Fatal(err)
		}
		for i, f := range files {
			if _, ok := ix.Since(f, since[i]); !ok {
				b.Fatalf("Since(%q, %s) not ok", f, since[i])
			}
		}
		ix.Close()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(files)), "ns/file")
	b.ReportMetric(float64(len(files)), "files")
}

// BenchmarkPerFileGitLog: what glosa avoids, one `git log since..HEAD --
// file` per file, for a sample of the files.
func BenchmarkPerFileGitLog(b *testing.B) {
	dir, files, since := benchRepo(b)
	step := len(files) / benchSample
	b.ResetTimer()
	n := 0
	for b.Loop() {
		for i := 0; i < len(files); i += step {
			cmd := exec.Command("git", "-C", dir, "log", "--format=%H", since[i]+"..HEAD", "--", files[i])
			if out, err := cmd.CombinedOutput(); err != nil {
				b.Fatalf("git log: %v\n%s", err, out)
			}
			n++
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n), "ns/file")
	b.ReportMetric(float64(n/b.N), "files")
}

// BenchmarkLoadCached: LoadWith reading the history back from its cache
// file for the same HEAD, then Since for every file: what a warm run
// pays instead of BenchmarkLoad's git log.
func BenchmarkLoadCached(b *testing.B) {
	dir, files, since := benchRepo(b)
	testtree.WriteFile(b, dir, ".glosa/cache/.gitignore", []byte("*\n"))
	opts := Options{Cache: testCache}
	ix, err := LoadWith(dir, opts)
	if err != nil {
		b.Fatal(err)
	}
	if err := ix.SaveCache(); err != nil {
		b.Fatal(err)
	}
	ix.Close()
	b.ResetTimer()
	for b.Loop() {
		ix, err := LoadWith(dir, opts)
		if err != nil {
			b.Fatal(err)
		}
		if ix.source != fromCache {
			b.Fatal("the history was not read from the cache")
		}
		for i, f := range files {
			if _, ok := ix.Since(f, since[i]); !ok {
				b.Fatalf("Since(%q, %s) not ok", f, since[i])
			}
		}
		ix.Close()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(files)), "ns/file")
}

//go:build unix && !race

// Not under the race detector: the test is about processes killed, not
// about goroutines, and race-built glosa children reading megabytes run
// too slowly for twenty of them.

package cli

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/glosa/glosa/internal/testtree"
)

// killRepo writes a repository in which stamp --all and sync have much to
// write: a translation of a few megabytes, many small ones, a catalog,
// and missing translations for sync to stub.
func killRepo(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"glosa.yaml": "source: en\nlanguages: [en, es, it]\ncontent:\n  - path: content/{lang}/{slug}.md\n    fields: {title: text}\n" +
			"locales:\n  - path: locales/active.{lang}.yaml\n",
	}
	big := strings.Repeat("A paragraph of a long entry, repeated to make the file big.\n\n", 20_000)
	files["content/en/big.md"] = "---\ntitle: Big\n---\n\n" + big
	files["content/es/big.md"] = "---\ntitle: Grande\n---\n\n" + strings.ToUpper(big)
	var en, es strings.Builder
	for i := range 60 {
		files[fmt.Sprintf("content/en/e%03d.md", i)] = fmt.Sprintf("---\ntitle: Entry %d\n---\n\nText %d.\n", i, i)
		files[fmt.Sprintf("content/es/e%03d.md", i)] = fmt.Sprintf("---\ntitle: Entrada %d\n---\n\nTexto %d.\n", i, i)
		fmt.Fprintf(&en, "m%03d: Message %d\n", i, i)
		if i%2 == 0 {
			fmt.Fprintf(&es, "m%03d: Mensaje %d\n", i, i)
		}
	}
	files["locales/active.en.yaml"] = en.String()
	files["locales/active.es.yaml"] = es.String()
	testtree.Write(t, dir, files)
	return dir
}

// snapshot returns every file under dir by its path, temporary files left
// by atomicfile aside, and those separately.
func snapshot(t *testing.T, dir string) (files map[string][]byte, temps []string) {
	t.Helper()
	files = map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if strings.Contains(d.Name(), ".glosa-") {
			temps = append(temps, filepath.ToSlash(rel))
			return nil
		}
		data, err := os.ReadFile(p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files, temps
}

// TestWritesSurviveKill runs glosa stamp --all and glosa sync as child
// processes and kills each with SIGKILL at a random moment of its run, 10
// times each: every file must then hold its old bytes or its new ones (those
// of an uninterrupted run), never a mix or a truncated file, and the
// temporary files a kill leaves are not read as content or catalogs.
func TestWritesSurviveKill(t *testing.T) {
	if testing.Short() {
		t.Skip("kills 20 glosa processes")
	}
	t.Parallel()                         // it only runs child processes, which take a while
	glosa, err := exec.LookPath("glosa") // this test binary, as TestMain set up
	if err != nil {
		t.Fatal(err)
	}
	const runs = 10 // per command
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 0))
	for _, args := range [][]string{{"stamp", "--all"}, {"sync"}} {
		name := strings.Join(args, " ")
		// An uninterrupted run: the new bytes, and how long it takes.
		dir := killRepo(t)
		old, _ := snapshot(t, dir)
		ref := exec.Command(glosa, append([]string{"-C", dir}, args...)...)
		start := time.Now()
		if err := ref.Start(); err != nil {
			t.Fatal(err)
		}
		var refErr error
		exited := make(chan struct{})
		go func() { refErr = ref.Wait(); close(exited) }()
		firstWrite := waitWriting(dir, start, exited)
		<-exited
		took := time.Since(start)
		if refErr != nil {
			t.Fatalf("glosa %s: %v", name, refErr)
		}
		writing := max(took-firstWrite, time.Millisecond)
		updated, _ := snapshot(t, dir)
		changed := 0
		for rel := range updated {
			if !bytes.Equal(old[rel], updated[rel]) {
				changed++
			}
		}
		t.Logf("glosa %s writes %d files in %v, the last %v of it writing", name, changed, took, writing)
		killedMidway, whileWriting, leftovers := 0, 0, 0
		for i := range runs {
			dir := killRepo(t)
			cmd := exec.Command(glosa, append([]string{"-C", dir}, args...)...)
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			if i%2 == 0 {
				// Anywhere in the run, reading included.
				time.Sleep(time.Duration(rng.Int64N(int64(took))))
			} else {
				// While it writes: after its first temporary file.
				waitWriting(dir, time.Now(), time.After(took))
				time.Sleep(time.Duration(rng.Int64N(int64(writing))))
			}
			cmd.Process.Signal(syscall.SIGKILL)
			if err := cmd.Wait(); err != nil {
				killedMidway++
			}
			files, temps := snapshot(t, dir)
			leftovers += len(temps)
			nNew := 0
			for rel, data := range files {
				if !bytes.Equal(data, old[rel]) && bytes.Equal(data, updated[rel]) {
					nNew++
				}
				if !bytes.Equal(data, old[rel]) && !bytes.Equal(data, updated[rel]) {
					t.Errorf("glosa %s, run %d: %s holds %d bytes, neither the old %d nor the new %d", name, i, rel, len(data), len(old[rel]), len(updated[rel]))
				}
			}
			if nNew > 0 && nNew < changed {
				whileWriting++
			}
			for rel := range old {
				if _, ok := files[rel]; !ok {
					t.Errorf("glosa %s, run %d: %s is gone", name, i, rel)
				}
			}
			if len(temps) > 0 && leftovers == len(temps) { // the first time
				// glosa reads the repository as if the leftovers were not
				// there: no finding, no entry, no catalog names them.
				out, _ := exec.Command(glosa, "-C", dir, "check", "--format", "json").CombinedOutput()
				if bytes.Contains(out, []byte(".glosa-")) {
					t.Errorf("glosa %s, run %d: glosa check reads the temporary files %v:\n%s", name, i, temps, out)
				}
				out, _ = exec.Command(glosa, "-C", dir, "status", "--by", "entry").CombinedOutput()
				if bytes.Contains(out, []byte("glosa-")) {
					t.Errorf("glosa %s, run %d: glosa status reads the temporary files %v:\n%s", name, i, temps, out)
				}
			}
		}
		t.Logf("glosa %s: %d of %d runs killed before the end, %d of them while writing; %d temporary files left", name, killedMidway, runs, whileWriting, leftovers)
	}
}

// waitWriting waits until a temporary file of atomicfile appears in one of
// the folders glosa writes, or stop says to give up, and returns how long
// after start that was.
func waitWriting[T any](dir string, start time.Time, stop <-chan T) time.Duration {
	for {
		for _, folder := range []string{"content/es", "content/it", "locales"} {
			if m, _ := filepath.Glob(filepath.Join(dir, folder, ".*.glosa-*")); len(m) > 0 {
				return time.Since(start)
			}
		}
		select {
		case <-stop:
			return time.Since(start)
		case <-time.After(200 * time.Microsecond):
		}
	}
}

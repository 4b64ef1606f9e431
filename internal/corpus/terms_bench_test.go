//go:build unix

package corpus

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/glosa/glosa/internal/cli"
	"github.com/glosa/glosa/internal/iostreams"
)

// benchTerms is the number of terms of BenchmarkCheckTerms's termbase.
const benchTerms = 2000

// BenchmarkCheckTerms runs glosa check --no-cache --format json on a
// corpus twice per iteration, without terms and with a termbase of
// benchTerms terms in each language (CSV glossaries, every translation
// language), in turn so that both see the same machine. Metrics:
// ms-without and ms-with, the wall time of one run each, cpu-ms-without
// and cpu-ms-with their CPU time; added-% and added-cpu-% are how much
// the terms add, which issue 18 bounds at 30.
//
// Two termbases: "phrases", two-word terms of the corpus's vocabulary
// (about one word in thirty of a text starts one, as a glossary's terms
// do in its pages), and "every-word", a worst case for the matcher and
// the rules, where every word of the vocabulary is a term too, so that
// term-missing looks up a concept at every word of every block.
func BenchmarkCheckTerms(b *testing.B) {
	for _, n := range benchSizes() {
		for _, dense := range []bool{false, true} {
			name := fmt.Sprintf("files=%d/phrases", n)
			if dense {
				name = fmt.Sprintf("files=%d/every-word", n)
			}
			b.Run(name, func(b *testing.B) { benchCheckTerms(b, n, dense) })
		}
	}
}

func benchCheckTerms(b *testing.B, n int, dense bool) {
	dir := b.TempDir()
	if _, err := Generate(dir, benchOptions(n)); err != nil {
		b.Fatal(err)
	}
	if err := writeTermbase(dir, languages[:benchOptions(n).Langs], benchTerms, dense); err != nil {
		b.Fatal(err)
	}
	ios := &iostreams.IOStreams{In: strings.NewReader(""), Out: io.Discard, ErrOut: io.Discard}
	// run returns the wall and CPU time of one run: on a shared machine
	// the CPU time (user and system, of the whole process) says more.
	run := func(args ...string) (wall, cpu time.Duration) {
		start, cpu0 := time.Now(), cpuTime(b)
		args = append([]string{"-C", dir, "--no-cache"}, args...)
		if code := cli.Run(ios, append(args, "check", "--format", "json")); code != cli.ExitOK && code != cli.ExitFailed {
			b.Fatalf("glosa %v exited with %d", args, code)
		}
		return time.Since(start), cpuTime(b) - cpu0
	}
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(cli.MemoryLimit))
	var without, with, cpuWithout, cpuWith time.Duration
	b.ResetTimer()
	for b.Loop() {
		w, c := run()
		without, cpuWithout = without+w, cpuWithout+c
		w, c = run("--config", "glosa-terms.yaml")
		with, cpuWith = with+w, cpuWith+c
	}
	b.StopTimer()
	runs := float64(b.N)
	b.ReportMetric(float64(without.Milliseconds())/runs, "ms-without")
	b.ReportMetric(float64(with.Milliseconds())/runs, "ms-with")
	b.ReportMetric(float64(cpuWithout.Milliseconds())/runs, "cpu-ms-without")
	b.ReportMetric(float64(cpuWith.Milliseconds())/runs, "cpu-ms-with")
	b.ReportMetric(100*(float64(with)/float64(without)-1), "added-%")
	b.ReportMetric(100*(float64(cpuWith)/float64(cpuWithout)-1), "added-cpu-%")
}

// writeTermbase writes glosa-terms.yaml, the corpus's configuration with
// a terms key, and its CSV glossaries: terms concepts, each two words of
// the vocabulary (dense: each word, then two), in the source language and
// every other.
func writeTermbase(dir string, langs []string, terms int, dense bool) error {
	cfg, err := os.ReadFile(filepath.Join(dir, "glosa.yaml"))
	if err != nil {
		return err
	}
	var b strings.Builder
	b.Write(cfg)
	b.WriteString("terms:\n  files:\n")
	src := vocabulary(langs[0])
	for _, code := range langs[1:] {
		path := "terms/" + langs[0] + "-" + code + ".csv"
		fmt.Fprintf(&b, "    - {path: %s, source: %s, lang: %s}\n", path, langs[0], code)
		tgt := vocabulary(code)
		var csv strings.Builder
		csv.WriteString("source,target\n")
		for i := range terms {
			s, t := src[i%vocabSize], tgt[i%vocabSize]
			if j := i / vocabSize; j > 0 || !dense {
				j++
				k := (i*7 + j) % vocabSize
				s, t = s+" "+src[k], t+" "+tgt[k]
			}
			fmt.Fprintf(&csv, "%s,%s\n", s, t)
		}
		if err := os.MkdirAll(filepath.Join(dir, "terms"), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(path)), []byte(csv.String()), 0o644); err != nil {
			return err
		}
	}
	return os.WriteFile(filepath.Join(dir, "glosa-terms.yaml"), []byte(b.String()), 0o644)
}

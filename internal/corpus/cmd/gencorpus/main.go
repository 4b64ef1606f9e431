// Command gencorpus writes a benchmark corpus by hand, for profiling glosa
// on it or looking at what the benchmarks read:
//
//	go run ./internal/corpus/cmd/gencorpus -dir /tmp/corpus -slugs 2000 -langs 5
//	glosa -C /tmp/corpus check
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/glosa/glosa/internal/corpus"
)

func main() {
	dir := flag.String("dir", "", "write the corpus into `DIR` (must be empty or not exist)")
	slugs := flag.Int("slugs", 1000, "number of source entries")
	langs := flag.Int("langs", 5, fmt.Sprintf("number of languages, the source included (2 to %d)", corpus.MaxLangs))
	messages := flag.Int("messages", 0, "messages in the source catalog (0: 2000)")
	seed := flag.Int64("seed", 0, "another seed makes another corpus of the same size")
	flag.Parse()
	if *dir == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: gencorpus -dir DIR [-slugs N] [-langs L] [-messages M] [-seed S]")
		os.Exit(2)
	}
	if entries, err := os.ReadDir(*dir); err == nil && len(entries) > 0 {
		fmt.Fprintf(os.Stderr, "gencorpus: error: %s is not empty\n", *dir)
		os.Exit(2)
	}
	sum, err := corpus.Generate(*dir, corpus.Options{Slugs: *slugs, Langs: *langs, Messages: *messages, Seed: *seed})
	if err != nil {
		fmt.Fprintf(os.Stderr, "gencorpus: error: %v\n", err)
		os.Exit(1)
	}
	fmt.Printf("%d files (%d entries), %.1f MB\n", sum.Files, sum.Entries, float64(sum.Bytes)/(1<<20))
	for _, code := range sum.Languages[1:] {
		fmt.Printf("%s: entries %v, messages %v\n", code, sum.States[code], sum.Messages[code])
	}
}

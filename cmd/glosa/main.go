package main

import (
	"fmt"
	"os"
	"runtime/pprof"

	"github.com/glosa/glosa/internal/cli"
)

func main() { os.Exit(run()) }

// run runs glosa; with GLOSA_CPUPROFILE or GLOSA_MEMPROFILE set to a file
// name, it writes a CPU or allocation profile of the run there, for go
// tool pprof.
func run() int {
	if p := os.Getenv("GLOSA_CPUPROFILE"); p != "" {
		f, err := os.Create(p)
		if err != nil {
			fmt.Fprintln(os.Stderr, "glosa:", err)
			return 3
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(os.Stderr, "glosa:", err)
			return 3
		}
		defer pprof.StopCPUProfile()
	}
	code := cli.Main(os.Args[1:])
	if p := os.Getenv("GLOSA_MEMPROFILE"); p != "" {
		if f, err := os.Create(p); err == nil {
			_ = pprof.Lookup("allocs").WriteTo(f, 0)
			f.Close()
		}
	}
	return code
}

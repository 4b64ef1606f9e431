// Command docgen writes glosa's reference documentation, docs/reference/,
// from the code: go run ./internal/docgen/cmd/docgen at the repository
// root (or -C DIR). It does what go test ./internal/docgen -update does.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/glosa/glosa/internal/docgen"
)

func main() {
	root := flag.String("C", ".", "the repository `root`")
	flag.Parse()
	if err := docgen.Write(*root); err != nil {
		fmt.Fprintf(os.Stderr, "docgen: %v\n", err)
		os.Exit(1)
	}
}

// Command gentable writes package plural's CLDR table from the plurals.xml
// of the go-i18n version go.mod requires. It is run by go generate in
// internal/plural:
//
//	go generate ./internal/plural
//
// It prints nothing on success and exits 1 with a message on failure.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/glosa/glosa/internal/plural/internal/tablegen"
)

func main() {
	out := flag.String("o", "cldr_table.go", "the Go file to write")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "gentable:", err)
		os.Exit(1)
	}
}

func run(out string) error {
	dir, version, err := tablegen.Locate(".")
	if err != nil {
		return err
	}
	path := filepath.Join(dir, filepath.FromSlash(tablegen.XMLPath))
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	f, err := tablegen.Parse(data)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	src, err := tablegen.Generate(f, tablegen.Source{Module: tablegen.Module, Version: version, Path: tablegen.XMLPath})
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return os.WriteFile(out, src, 0o644)
}

package main

import (
	"os"

	"github.com/glosa/glosa/internal/cli"
)

func main() { os.Exit(cli.Main(os.Args[1:])) }

package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/glosa/glosa/internal/atomicfile"
	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/iostreams"
	"github.com/glosa/glosa/internal/lang"
	"github.com/glosa/glosa/internal/layout"
)

type initOptions struct {
	source string
	write  bool
	force  bool
}

func newInitCmd(ios *iostreams.IOStreams, g *globals) *cobra.Command {
	opts := &initOptions{}
	cmd := &cobra.Command{
		Use:   "init",
		Short: "Propose a glosa.yaml for the layout found in the repository",
		Long: `init inspects the repository and proposes a glosa.yaml for what it finds: a
folder per language (Hugo, Starlight, content/{lang}/{slug}.md), a folder
per language and one per entry (MDN, files/{lang}/{slug}/index.md), a folder
per language named {dir}.{lang} (tldr-pages, pages.{lang}/{slug}.md), the
language in the file name (Hugo, content/{slug}.{lang}.md), Docusaurus
(docs/ and i18n/{lang}/docusaurus-plugin-content-docs/current/, versioned
docs, plugin instances), go-i18n message files and gettext PO catalogs,
also a repository of PO files in one language. A name is a language only on
evidence (mkfs.fat.md is no Fanti page). The source language is --source's,
else the one the site's configuration names (Hugo's defaultContentLanguage,
Docusaurus's and Astro's defaultLocale, Starlight's root locale), else the
one with the most entries; the comments say which decided. The languages the
site's configuration lists are proposed, begun or not; a computed value there
(JavaScript is read, never run) is said in a comment with its place.

The proposal goes to stdout, with comments saying what was found; --write
also writes it to glosa.yaml (or --config's file), which must not exist
unless --force is given. With nothing recognised, init exits 1.`,
		Example: `  glosa init
  glosa init --source it
  glosa init --write`,
		Args: g.noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return initRun(ios, g, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.source, "source", "", "the source `language` (default: the site's default language, else the one with the most entries)")
	f.BoolVar(&opts.write, "write", false, "write the proposal to glosa.yaml (or --config's file)")
	f.BoolVar(&opts.force, "force", false, "with --write, replace an existing file")
	return cmd
}

func initRun(ios *iostreams.IOStreams, g *globals, opts *initOptions) error {
	if opts.force && !opts.write {
		return usage(g.l, "usage.initForce")
	}
	source := ""
	if opts.source != "" {
		code, err := lang.Parse(opts.source)
		if err != nil {
			return usage(g.l, "usage.initSource", "Value", opts.source)
		}
		source = code
	}
	root, err := g.rootDir()
	if err != nil {
		return err
	}
	if root, err = filepath.Abs(root); err != nil {
		return err
	}
	target := filepath.Join(root, config.FileName)
	if g.config != "" {
		target = g.config
		if !filepath.IsAbs(target) {
			target = filepath.Join(root, target)
		}
	}
	rel, err := filepath.Rel(root, target)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return usage(g.l, "usage.outside", "Path", g.config)
	}
	rel = filepath.ToSlash(rel)
	_, statErr := os.Lstat(target)
	exists := statErr == nil
	if opts.write && exists && !opts.force {
		return usage(g.l, "usage.initExists", "Path", rel)
	}
	p, err := layout.Detect(os.DirFS(root), layout.Options{Source: source})
	if errors.Is(err, layout.ErrNotFound) {
		fmt.Fprintf(ios.ErrOut, "glosa: error: %s\n", g.l.T("init.nothing"))
		return errFailed
	}
	if err != nil {
		return err
	}
	data := p.Render(g.l)
	if _, err := ios.Out.Write(data); err != nil {
		return err
	}
	if !opts.write {
		if exists {
			fmt.Fprintf(ios.ErrOut, "glosa: hint: %s\n", g.l.T("init.hintExists", "Path", rel))
		} else {
			fmt.Fprintf(ios.ErrOut, "glosa: hint: %s\n", g.l.T("init.hint"))
		}
		return nil
	}
	if opts.force {
		err = atomicfile.Write(root, rel, data)
	} else {
		err = atomicfile.Create(root, rel, data)
	}
	if errors.Is(err, atomicfile.ErrChanged) {
		// It appeared since glosa looked.
		return usage(g.l, "usage.initExists", "Path", rel)
	}
	if errors.Is(err, atomicfile.ErrOutsideRoot) {
		return usage(g.l, "usage.outside", "Path", rel)
	}
	if err != nil {
		return err
	}
	atomicfile.SyncDirs(root, []string{rel})
	fmt.Fprintf(ios.ErrOut, "glosa: %s\n", g.l.T("init.wrote", "Path", rel))
	return nil
}

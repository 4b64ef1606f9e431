package cli

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/glosa/glosa/internal/atomicfile"
	"github.com/glosa/glosa/internal/exchange"
	"github.com/glosa/glosa/internal/iostreams"
	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/lang"
	"github.com/glosa/glosa/internal/syncplan"
	"github.com/glosa/glosa/internal/transfer"
)

type importOptions struct {
	lang         string
	includeFuzzy bool
	force        bool
	dryRun       bool
}

func newImportCmd(ios *iostreams.IOStreams, g *globals) *cobra.Command {
	opts := &importOptions{}
	cmd := &cobra.Command{
		Use:   "import FILE...",
		Short: "Bring translations back from files written by glosa export",
		Long: `import reads files written by glosa export and completed in a translator's
tool, told apart by their content, and writes the translations into the
repository: body blocks are put into the source's structure, text fields
are set, messages go into their catalog. An entry whose every unit is
translated is stamped current; one with units still untranslated keeps the
source's text for them and stays a draft. Units marked for review (fuzzy)
are left out unless --include-fuzzy.

It reads ` + exchange.Labels(exchange.Imports()) + `.

A file is refused, and nothing written, when a unit ID names nothing in
this project, a reference points outside the repository, its language is
not a translation language of the project, or a translation's links, inline
code or citations differ from the source's (unless --force).`,
		Example: `  glosa import es.po
  glosa import --dry-run translations/*.xlf
  glosa import --lang es es.csv`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return importRun(ios, g, opts, args)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.lang, "lang", "", "the `language` of files that do not say it")
	f.BoolVar(&opts.includeFuzzy, "include-fuzzy", false, "apply units marked for review (fuzzy) too")
	f.BoolVar(&opts.force, "force", false, "apply translations whose links, inline code or citations differ from the source's")
	f.BoolVarP(&opts.dryRun, "dry-run", "n", false, "print what would change and change nothing")
	return cmd
}

func importRun(ios *iostreams.IOStreams, g *globals, opts *importOptions, args []string) error {
	p, err := g.load()
	if err != nil {
		return err
	}
	override := ""
	if opts.lang != "" {
		langs, err := p.parseLangs([]string{opts.lang})
		if err != nil {
			return err
		}
		override = langs[0]
	}
	// Every file is read and checked before anything is written: one
	// refusal writes nothing.
	var changes []transfer.Change
	failed := false
	for _, name := range args {
		data, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		f, err := exchange.Read(name, data)
		if err != nil {
			fmt.Fprintf(ios.ErrOut, "glosa: error: %s\n", p.l.Error(l10n.FileError(name, err)))
			failed = true
			continue
		}
		if override != "" {
			if f.TargetLang != "" {
				if code, err := lang.Parse(f.TargetLang); err != nil || code != override {
					fmt.Fprintf(ios.ErrOut, "glosa: error: %s: %s\n", name, p.l.T("import.langMismatch", "Lang", f.TargetLang, "Flag", override))
					failed = true
					continue
				}
			}
			f.TargetLang = override
		}
		chs, errs := transfer.Apply(p.Report, p.Config, p.Repo.RawLang, f, transfer.Options{IncludeFuzzy: opts.includeFuzzy, Force: opts.force})
		for _, err := range errs {
			if le := (*l10n.Error)(nil); errors.As(err, &le) && le.Path == "" && le.Line > 0 {
				// A place in the translator's file: name:line:col.
				fmt.Fprintf(ios.ErrOut, "glosa: error: %s\n", p.l.Error(l10n.InFile(name, err)))
			} else {
				fmt.Fprintf(ios.ErrOut, "glosa: error: %s: %s\n", name, p.l.Text(l10n.TextOf(err)))
			}
			failed = true
		}
		changes = append(changes, chs...)
	}
	if failed {
		fmt.Fprintf(ios.ErrOut, "glosa: %s\n", p.l.T("import.refused"))
		return errFailed
	}
	units, refused := 0, 0
	var wrote []string
	defer func() { atomicfile.SyncDirs(p.Root, wrote) }()
	for _, c := range changes {
		if !opts.dryRun {
			err := writeChange(p.Root, syncplan.Change{Path: c.Path, Data: c.Data, Old: c.Old, Create: c.Create})
			if p.refuseWrite(ios.ErrOut, c.Path, err) {
				refused++
				continue
			}
			if err != nil {
				return err
			}
			wrote = append(wrote, c.Path)
		}
		what := p.l.N("import.messages", c.Units)
		switch {
		case c.Entry && c.Complete:
			what = p.l.N("import.entryDone", c.Units)
		case c.Entry:
			what = p.l.N("import.entryDraft", c.Units)
		}
		fmt.Fprintf(ios.Out, "%s: %s\n", c.Path, what)
		units += c.Units
	}
	id := "import.done"
	if opts.dryRun {
		id = "import.dryRun"
	}
	fmt.Fprintf(ios.ErrOut, "glosa: %s\n", p.l.N(id, units, "Files", len(changes)-refused))
	if refused > 0 {
		return errFailed
	}
	return nil
}

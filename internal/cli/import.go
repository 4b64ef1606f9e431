package cli

import (
	"errors"
	"fmt"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/glosa/glosa/internal/atomicfile"
	"github.com/glosa/glosa/internal/exchange"
	"github.com/glosa/glosa/internal/iostreams"
	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/lang"
	"github.com/glosa/glosa/internal/limits"
	"github.com/glosa/glosa/internal/printable"
	"github.com/glosa/glosa/internal/report"
	"github.com/glosa/glosa/internal/syncplan"
	"github.com/glosa/glosa/internal/transfer"
)

type importOptions struct {
	lang         string
	includeFuzzy bool
	force        bool
	dryRun       bool
	strict       bool
	format       string
}

// importOutputs are the formats of import's summary on stdout; what a
// person reads (refused units, counts) goes to stderr in every format.
var importOutputs = outputs[report.Import]{
	{"text", report.ImportText},
	{"json", report.ImportJSONWrite},
}

func newImportCmd(ios *iostreams.IOStreams, g *globals) *cobra.Command {
	opts := &importOptions{}
	cmd := &cobra.Command{
		Use:   "import FILE...",
		Short: "Bring translations back from files written by glosa export",
		Long: `import reads files written by glosa export and completed in a translator's
tool, told apart by their content, and writes the translations into the
repository: body blocks are put into the source's structure, text fields
are set, messages go into their catalog. An entry is stamped current when
every unit of it is translated and the file applied every unit of it that
was not current; otherwise it keeps the source's text for its untranslated
units and stays a draft, or stays stale. Units marked for review (fuzzy)
are left out unless --include-fuzzy.

It reads ` + exchange.Labels(exchange.Imports()) + `. A TMX file is a
translation memory, not translations: import keeps a copy in
translation-memory/, for glosa export to fill units from, and writes no
entry.

Each unit is applied or refused on its own, and the rest of the file is
applied. A unit is refused, with its line in the file and why, when its ID
names nothing in this project, its source changed since the export, a
reference points outside the repository, or check would fail it: its
links, inline code or citations differ from the source's (markup-mismatch,
unless --force), a message lacks or adds a placeholder of its source
(placeholder-mismatch), or has plural forms its language does not use or
lacks one it needs (plural-forms). A file is refused as a whole when it
cannot be read or its language is not a translation language of the
project. With --strict, one refusal writes nothing.

The exit code is 0 when nothing was refused, 1 when something was (even if
the rest was written), 2 for a usage error. stdout gets the files written,
or a JSON summary with --format json; stderr the refused units and the
counts: applied, unchanged, skipped, refused by reason.`,
		Example: `  glosa import es.po
  glosa import --dry-run translations/*.xlf
  glosa import --strict --format json de.po
  glosa import --lang es es.csv`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return importRun(ios, g, opts, args)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.lang, "lang", "", "the `language` of files that do not say it")
	f.BoolVar(&opts.includeFuzzy, "include-fuzzy", false, "apply units marked for review (fuzzy) too, as suggestions: their entry is not stamped current")
	f.BoolVar(&opts.force, "force", false, "apply translations whose links, inline code or citations differ from the source's")
	f.BoolVarP(&opts.dryRun, "dry-run", "n", false, "print what would change and change nothing")
	f.BoolVar(&opts.strict, "strict", false, "write nothing when a unit or a file is refused")
	importOutputs.flag(cmd, g.l, &opts.format, "summary `format`")
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
	// Every file is read and checked before anything is written: with
	// --strict, one refusal writes nothing.
	v := report.Import{DryRun: opts.dryRun, L: p.l}
	check := p.Linter.UnitCheck(p.Repo)
	failed := false
	for _, name := range args {
		data, ok, err := readTranslatorFile(ios, p, name)
		if err != nil {
			return err
		}
		if !ok {
			failed = true
			continue
		}
		f, err := exchange.ReadMax(name, data, p.Config.Limits.ImportUnits)
		if err != nil {
			fmt.Fprintf(ios.ErrOut, "glosa: error: %s\n", p.l.Error(l10n.FileError(name, err)))
			failed = true
			continue
		}
		if spec := exchange.Lookup(f.Format); spec != nil && spec.Memory {
			if err := keepMemory(ios, p, name, data, f, opts.dryRun); err != nil {
				fmt.Fprintf(ios.ErrOut, "glosa: error: %s\n", p.l.Error(err))
				failed = true
			}
			continue
		}
		if override != "" {
			if f.TargetLang != "" {
				if code, err := lang.Parse(f.TargetLang); err != nil || code != override {
					fmt.Fprintf(ios.ErrOut, "glosa: error: %s: %s\n", printable.String(name), p.l.T("import.langMismatch", "Lang", f.TargetLang, "Flag", override))
					failed = true
					continue
				}
			}
			f.TargetLang = override
		}
		res, err := transfer.Apply(p.Report, p.Config, p.Repo.RawLang, f, transfer.Options{IncludeFuzzy: opts.includeFuzzy, Force: opts.force, Check: check})
		if err != nil {
			fmt.Fprintf(ios.ErrOut, "glosa: error: %s: %s\n", printable.String(name), p.l.Text(l10n.TextOf(err)))
			failed = true
			continue
		}
		failed = failed || len(res.Refused) > 0
		v.Files = append(v.Files, report.ImportedFile{Path: name, Result: res})
	}
	v.Strict = opts.strict && failed
	units, refused := 0, 0
	var wrote []string
	defer func() { atomicfile.SyncDirs(p.Root, wrote) }()
	for _, f := range v.Files {
		for _, c := range f.Result.Changes {
			if !opts.dryRun && !v.Strict {
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
			v.Written = append(v.Written, c)
			units += c.Units
		}
	}
	slices.SortStableFunc(v.Written, func(a, b transfer.Change) int { return strings.Compare(a.Path, b.Path) })
	if err := importOutputs.write(ios.Out, opts.format, v); err != nil {
		return err
	}
	if err := report.ImportTalk(ios.ErrOut, v); err != nil {
		return err
	}
	switch {
	case v.Strict:
		fmt.Fprintf(ios.ErrOut, "glosa: %s\n", p.l.T("import.refused"))
	case opts.dryRun:
		fmt.Fprintf(ios.ErrOut, "glosa: %s\n", p.l.N("import.dryRun", units, "Files", len(v.Written)))
	default:
		fmt.Fprintf(ios.ErrOut, "glosa: %s\n", p.l.N("import.done", units, "Files", len(v.Written)))
	}
	if failed || refused > 0 {
		return errFailed
	}
	return nil
}

// keepMemory keeps a translation memory file (TMX) in the repository's
// exchange.MemoryDir, under its own name, for export to fill units from:
// a memory is not translations, and writes no entry. Its source must be
// the project's, and it must hold one translation language.
func keepMemory(ios *iostreams.IOStreams, p *project, name string, data []byte, f *exchange.File, dryRun bool) error {
	langs := p.Report.TranslationLanguages()
	code, err := lang.Parse(f.TargetLang)
	if err != nil || !sameLang(f.SourceLang, p.Report.Source) || !slices.Contains(langs, code) {
		have := f.SourceLang
		if f.TargetLang != "" {
			have += ", " + f.TargetLang
		}
		return l10n.FileError(name, l10n.At(1, 1, l10n.Msg("import.memoryLang", "Lang", have)))
	}
	dest := path.Join(exchange.MemoryDir, filepath.Base(name))
	if !dryRun {
		if err := atomicfile.MkdirAll(p.Root, exchange.MemoryDir); err != nil {
			return linkRefused(exchange.MemoryDir, err)
		}
		if err := atomicfile.Write(p.Root, dest, data); err != nil {
			return linkRefused(dest, err)
		}
	}
	fmt.Fprintf(ios.ErrOut, "glosa: %s\n", p.l.N("import.memoryKept", len(f.Units), "Path", printable.String(name), "Dest", dest, "Lang", code))
	return nil
}

// readTranslatorFile reads a file a translator sent back, within the
// import size limit. A refusal glosa words (too big, not a regular file,
// unreadable) is printed as the file's error and ok is false; any other
// error is returned.
func readTranslatorFile(ios *iostreams.IOStreams, p *project, name string) (data []byte, ok bool, err error) {
	data, err = limits.ReadFile(name, p.Config.Limits.ImportSize)
	if err != nil {
		var le *l10n.Error
		if !errors.As(err, &le) {
			return nil, false, err
		}
		fmt.Fprintf(ios.ErrOut, "glosa: error: %s\n", p.l.Error(l10n.FileError(name, err)))
		return nil, false, nil
	}
	return data, true, nil
}

package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/glosa/glosa/internal/atomicfile"
	"github.com/glosa/glosa/internal/exchange"
	"github.com/glosa/glosa/internal/iostreams"
	"github.com/glosa/glosa/internal/transfer"
)

type exportOptions struct {
	format string
	langs  []string
	states []string
	all    bool
	out    string
	update string
}

func newExportCmd(ios *iostreams.IOStreams, g *globals) *cobra.Command {
	opts := &exportOptions{}
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write what needs translating as files for translators' tools",
		Long: `export writes, for each translation language, a file a translator's tool
opens: the text fields and body blocks of every entry that needs work (each
paragraph, heading, list item or table cell is a unit of its own, its inline
Markdown kept), and the messages of go-i18n catalogs. Each unit has a stable
ID, the source text, the current translation when there is one, and its
state: new, needs review (stale: the source changed since) or translated.

By default export picks what needs work (missing, stale, untranslated);
--state chooses, --all takes everything. Files go to --out DIR, one per
language (es.po, es.xlf, es.csv, translate.es.json…), or to stdout with
--out - for one language. Bring the work back with glosa import.

--update FILE refreshes a file exported earlier, and perhaps half done,
against the current source, in its own format and language, as msgmerge
does for gettext: units whose source is unchanged keep the file's
translation and state; those whose source changed keep it as a suggestion
that needs review (fuzzy), with the previous source; a changed paragraph,
whose ID is new, is paired with the old one by its place in the entry;
units that need work (or those --state and --all pick) and new units of
the entries the file holds are added; units that match nothing are kept
as obsolete ("#~" in PO; in other formats, in a file beside it,
obsolete.es.xlf). The file is rewritten in place, or written to --out FILE.`,
		Example: `  glosa export --format po --lang es --out -  > es.po
  glosa export --format xliff20 --out translations/
  glosa export --format po --all --lang es,en --out po/
  glosa export --update es.po`,
		Args: g.noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.update != "" {
				if cmd.Flags().Changed("format") || cmd.Flags().Changed("lang") {
					return usage(g.l, "usage.updateFormat")
				}
				if !cmd.Flags().Changed("out") {
					opts.out = opts.update
				}
				return updateRun(ios, g, opts)
			}
			return exportRun(ios, g, opts)
		},
	}
	f := cmd.Flags()
	var formats []string
	for _, s := range exchange.Exports() {
		formats = append(formats, string(s.Name))
	}
	enumFlag(cmd, g.l, &opts.format, "format", "po", "file `format`", formats...)
	f.StringSliceVar(&opts.langs, "lang", nil, "export only these `languages` (default: every translation language)")
	enumListFlag(cmd, g.l, &opts.states, "state", nil, "export entries and messages in these `states` (default: missing,stale,untranslated)", stateNames()...)
	f.BoolVar(&opts.all, "all", false, "export every entry and message, translated ones too")
	f.StringVarP(&opts.out, "out", "o", "-", "`directory` to write one file per language into, or - for stdout (one language); with --update, the file to write")
	f.StringVar(&opts.update, "update", "", "bring the translator's `file`, exported earlier, up to date with the source, keeping its translations")
	return cmd
}

func exportRun(ios *iostreams.IOStreams, g *globals, opts *exportOptions) error {
	if opts.all && len(opts.states) > 0 {
		return usage(g.l, "usage.allState")
	}
	states := toStates(opts.states)
	p, langs, err := g.loadLangs(opts.langs)
	if err != nil {
		return err
	}
	if len(langs) == 0 {
		langs = p.Report.TranslationLanguages()
	}
	switch {
	case opts.all:
		states = nil
	case len(states) == 0:
		states = transfer.NeedsWork
	}
	format := exchange.Lookup(exchange.Format(opts.format))
	if format.Template() {
		langs = langs[:1] // a template is the same for every language
		states = nil
	}
	if opts.out == "-" && len(langs) != 1 {
		return usage(g.l, "usage.exportOut", "Langs", fmt.Sprint(langs))
	}
	for _, code := range langs {
		set := transfer.Collect(p.Report, code, states)
		f := set.File
		var buf bytes.Buffer
		if err := format.Write(&buf, f); err != nil {
			return err
		}
		if opts.out == "-" {
			if _, err := ios.Out.Write(buf.Bytes()); err != nil {
				return err
			}
			fmt.Fprintf(ios.ErrOut, "glosa: %s\n", p.l.N("export.units", len(f.Units), "Lang", code, "Path", "stdout"))
			continue
		}
		name := format.FileName(code)
		if err := os.MkdirAll(opts.out, 0o755); err != nil {
			return err
		}
		dir, err := filepath.Abs(opts.out)
		if err != nil {
			return err
		}
		if err := atomicfile.Write(dir, name, buf.Bytes()); err != nil {
			return err
		}
		fmt.Fprintf(ios.ErrOut, "glosa: %s\n", p.l.N("export.units", len(f.Units), "Lang", code, "Path", filepath.Join(opts.out, name)))
	}
	return nil
}

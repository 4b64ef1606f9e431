package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/glosa/glosa/internal/atomicfile"
	"github.com/glosa/glosa/internal/exchange"
	"github.com/glosa/glosa/internal/iostreams"
	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/lang"
	"github.com/glosa/glosa/internal/limits"
	"github.com/glosa/glosa/internal/memory"
	"github.com/glosa/glosa/internal/status"
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
--out - for one language. A file holds units of one source language: when
a language's units come from several (content written in Italian, a
catalog in English), the others go to files named after their source
(from-en.es.po), and --out - is refused. Bring the work back with glosa
import.

The repository's current translations are a translation memory: a unit
with no translation whose source text (of three words or more) some
current translation already translates is filled with it, marked for
review (fuzzy) with where it comes from, and export says how many units
and words it filled; those words still count as to translate. Units the
memory has no exact match for get up to three near matches (75% similar
or more), as notes in PO, alt-trans in XLIFF 1.2, mtc:match in XLIFF 2.0.
TMX files glosa import kept in translation-memory/ join the memory.
--format tmx writes the memory itself, as TMX.

--update FILE refreshes a file exported earlier, and perhaps half done,
against the current source, in its own format and language, as msgmerge
does for gettext: units whose source is unchanged keep the file's
translation and state; those whose source changed keep it as a suggestion
that needs review (fuzzy), with the previous source; a changed paragraph,
whose ID is new, is paired with the old one by its place in the entry;
units that need work (or those --state and --all pick) and new units of
the entries the file holds are added, filled from the memory as above;
units that match nothing are kept
as obsolete ("#~" in PO; in other formats, in a file beside it,
obsolete.es.xlf). The file is rewritten in place, or written to --out FILE.`,
		Example: `  glosa export --format po --lang es --out -  > es.po
  glosa export --format xliff20 --out translations/
  glosa export --format po --all --lang es,en --out po/
  glosa export --format tmx --lang es --out memory/
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
	f.StringVarP(&opts.out, "out", "o", "-", "`directory` to write one file per language into (made when missing, unless named as the files are: es.po), or - for stdout (one language); with --update, the file to write")
	f.StringVar(&opts.update, "update", "", "bring the translator's `file`, exported earlier, up to date with the source, keeping its translations")
	return cmd
}

func exportRun(ios *iostreams.IOStreams, g *globals, opts *exportOptions) error {
	if opts.all && len(opts.states) > 0 {
		return usage(g.l, "usage.allState")
	}
	format := exchange.Lookup(exchange.Format(opts.format))
	if err := outNamesFile(g.l, opts.out, format.FileName("xx")); err != nil {
		return err
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
	if format.WriteGlossary != nil {
		return exportGlossaries(ios, p, format, langs, opts.out)
	}
	if format.Template() {
		langs = []string{""} // one template, the same for every language
	}
	if opts.out == "-" && len(langs) != 1 {
		return usage(g.l, "usage.exportOut", "Langs", fmt.Sprint(langs))
	}
	files, err := exportFiles(p, format, langs, states)
	if err != nil {
		fmt.Fprintf(ios.ErrOut, "glosa: error: %s\n", p.l.Error(err))
		return errFailed
	}
	if opts.out == "-" && len(files) != 1 && format.Template() {
		return usage(g.l, "usage.templateOutSources", "Sources", strings.Join(files.sources(), ", "))
	}
	if opts.out == "-" && len(files) != 1 {
		return usage(g.l, "usage.exportOutSources", "Lang", files[0].code, "Sources", strings.Join(files.sources(), ", "))
	}
	for _, ef := range files {
		f := ef.file
		annotateTerms(p, f)
		var buf bytes.Buffer
		if err := format.Write(&buf, f); err != nil {
			return err
		}
		if err := writeExport(ios, p, opts.out, ef.name, buf.Bytes(), ef.summary); err != nil {
			return err
		}
	}
	for _, ef := range files {
		if ef.filled.Units > 0 {
			fmt.Fprintf(ios.ErrOut, "glosa: %s\n", p.l.N("export.memoryFilled", ef.filled.Units, "Lang", ef.code, "Words", ef.filled.Words))
		}
	}
	return nil
}

// outNamesFile refuses an --out that does not exist yet and is named as
// the export's files are (name is one of them): es.po would otherwise be
// made a folder, holding es.po.
func outNamesFile(l *l10n.Localizer, out, name string) error {
	ext := filepath.Ext(name)
	if out == "-" || ext == "" || !strings.EqualFold(filepath.Ext(out), ext) {
		return nil
	}
	if _, err := os.Lstat(out); !errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return usage(l, "usage.exportOutFile", "Out", out, "Ext", ext)
}

// writeExport writes an exported file's data to stdout (out is "-") or
// into the directory out, as name, and says so on stderr with the line
// summary gives for where it went.
func writeExport(ios *iostreams.IOStreams, p *project, out, name string, data []byte, summary func(p *project, path string) string) error {
	if out == "-" {
		if _, err := ios.Out.Write(data); err != nil {
			return err
		}
		fmt.Fprintf(ios.ErrOut, "glosa: %s\n", summary(p, "stdout"))
		return nil
	}
	dir, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	root, rel := atomicfile.Locate(p.Root, dir)
	if rel == "." {
		err = os.MkdirAll(dir, 0o755) // outside the repository: the user named it
	} else {
		err = atomicfile.MkdirAll(root, rel)
	}
	if err != nil {
		return linkRefused(out, err)
	}
	if err := atomicfile.Write(root, path.Join(rel, name), data); err != nil {
		return linkRefused(filepath.Join(out, name), err)
	}
	fmt.Fprintf(ios.ErrOut, "glosa: %s\n", summary(p, filepath.Join(out, name)))
	return nil
}

// exportFile is a file export writes: the units of one target language
// from one source language, and its name.
type exportFile struct {
	code, name string
	file       *exchange.File
	// words are left to translate in the file's units, as status counts
	// them: units the memory filled included, for they are still to
	// review.
	words int
	// filled counts the units the translation memory filled.
	filled transfer.Filled
	// memory says the file is a translation memory, not units to do.
	memory bool
}

// summary is the line export prints for the file written to path.
func (ef exportFile) summary(p *project, path string) string {
	if ef.code == "" {
		return p.l.N("export.template", len(ef.file.Units), "Path", path)
	}
	if ef.memory {
		return p.l.N("export.memory", len(ef.file.Units), "Lang", ef.code, "Path", path)
	}
	return p.l.N("export.units", len(ef.file.Units), "Lang", ef.code, "Path", path, "Words", ef.words)
}

type exportFileList []exportFile

// sources are the source languages of the files.
func (l exportFileList) sources() []string {
	var out []string
	for _, ef := range l {
		out = append(out, ef.file.SourceLang)
	}
	return out
}

// exportFiles collects the units of each language and splits them by
// source language (transfer.Set.Split): one file per source and target,
// so that none says a wrong source. A language whose units have one source
// gets the format's name (es.po, translate.es.json); when they have
// several, the file of the project's source keeps it and each other one
// is named after its source, before the format's name (from-en.es.po,
// from-en.translate.es.json), which keeps the language where go-i18n
// reads it. Each file is dated by its sources (see exportDate).
//
// The units of a language are filled from its translation memory (see
// loadMemory and transfer.Set.Fill), except in a template. A memory
// format (TMX) writes the memory the repository's translations make
// instead, one file per language.
func exportFiles(p *project, format *exchange.Spec, langs []string, states []status.State) (exportFileList, error) {
	var out exportFileList
	for _, code := range langs {
		if format.Memory {
			mem := memory.New(memory.DefaultMinScore)
			transfer.Memory(mem, p.Report, code)
			f := transfer.MemoryFile(mem, p.Report.Source, code)
			f.Date = exportDate(p, f)
			out = append(out, exportFile{code: code, name: format.FileName(code), file: f, memory: true})
			continue
		}
		set := transfer.Collect(p.Report, code, states)
		var mem *memory.Memory
		if code == "" {
			set = transfer.Template(p.Report)
		} else {
			var err error
			if mem, err = loadMemory(p, code); err != nil {
				return nil, err
			}
		}
		parts := set.Split()
		for _, f := range parts {
			name := format.FileName(code)
			if len(parts) > 1 && f.SourceLang != p.Report.Source {
				name = "from-" + f.SourceLang + "." + name
			}
			f.Date = exportDate(p, f)
			ef := exportFile{code: code, name: name, file: f, words: set.Words(f)}
			if mem != nil && f.SourceLang == p.Report.Source {
				// A format that writes the source into untranslated
				// targets has no state to mark a filled unit for review.
				ef.filled = set.Fill(f, mem, !format.SourceInTarget)
			}
			out = append(out, ef)
		}
	}
	return out, nil
}

// loadMemory returns the translation memory of language code: the pairs
// of the repository's current translations (transfer.Memory), then those
// of the TMX files glosa import kept in exchange.MemoryDir whose languages
// are the project's source and code. A TMX that cannot be read is an
// error at its place.
func loadMemory(p *project, code string) (*memory.Memory, error) {
	mem := memory.New(memory.DefaultMinScore)
	transfer.Memory(mem, p.Report, code)
	names, err := filepath.Glob(filepath.Join(p.Root, exchange.MemoryDir, "*.tmx"))
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	for _, name := range names {
		rel := path.Join(exchange.MemoryDir, filepath.Base(name))
		data, err := limits.ReadFile(name, p.Config.Limits.ImportSize)
		if err != nil {
			return nil, l10n.FileError(rel, err)
		}
		f, err := exchange.ReadMax(rel, data, p.Config.Limits.ImportUnits)
		if err != nil {
			return nil, l10n.FileError(rel, err)
		}
		if !sameLang(f.SourceLang, p.Report.Source) || !sameLang(f.TargetLang, code) {
			continue
		}
		for _, u := range f.Units {
			mem.Add(memory.Pair{Source: u.Source, Target: u.Target, ID: u.ID, Origin: rel + ":" + strconv.Itoa(u.Line)})
		}
	}
	return mem, nil
}

// sameLang reports whether a file's language tag names the project's
// language code.
func sameLang(tag, code string) bool {
	c, err := lang.Parse(tag)
	return err == nil && c == code
}

// exportDate is the date a file's header gives (PO's POT-Creation-Date and
// PO-Revision-Date), so that exporting the same commit twice writes the
// same bytes: SOURCE_DATE_EPOCH when set (the reproducible-builds
// convention), else the time of the newest commit that changed a file the
// units come from, else now.
func exportDate(p *project, f *exchange.File) time.Time {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if sec, err := strconv.ParseInt(s, 10, 64); err == nil {
			return time.Unix(sec, 0).UTC()
		}
	}
	var newest time.Time
	if p.History != nil {
		seen := map[string]bool{}
		for _, u := range f.Units {
			for _, r := range u.Refs {
				if seen[r.Path] {
					continue
				}
				seen[r.Path] = true
				if ch, ok := p.History.LastChange(r.Path); ok && ch.Time.After(newest) {
					newest = ch.Time
				}
			}
		}
	}
	if newest.IsZero() {
		return time.Now()
	}
	return newest
}

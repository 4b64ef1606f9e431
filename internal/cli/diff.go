package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/glosa/glosa/internal/blockdiff"
	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/history"
	"github.com/glosa/glosa/internal/iostreams"
	"github.com/glosa/glosa/internal/markdown"
	"github.com/glosa/glosa/internal/report"
	"github.com/glosa/glosa/internal/status"
	"github.com/glosa/glosa/internal/workspace"
)

type diffOptions struct {
	arg    string
	lang   string
	format string
}

func newDiffCmd(ios *iostreams.IOStreams, g *globals) *cobra.Command {
	opts := &diffOptions{}
	cmd := &cobra.Command{
		Use:   "diff (SLUG --lang L | PATH)",
		Short: "Show what changed in the source since a translation was made",
		Long: `diff finds the version of the source a translation was made from, the
commit its record names (translation.commit, MDN's l10n.sourceCommit or
default_lang_commit) or else the version in the source file's git history
whose hash is the recorded hash, and shows what changed in the source since:
the front-matter text fields and the body blocks (headings, paragraphs,
table cells) added, removed or changed, then a unified diff of the source
file from that version to the work tree, coloured on a terminal.

Exit status: 0 when the changes are shown (none is a result too); 1 when
there is nothing to compare with: the translation records no source
version (run glosa stamp when it is up to date), the version is not in the
history, or git history is unavailable.`,
		Example: `  glosa diff llm --lang es
  glosa diff content/es/llm.md
  glosa diff llm --lang es --format json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usage(g.l, "usage.diffArgs")
			}
			if err := checkFormat(g.l, opts.format, "text", "json"); err != nil {
				return err
			}
			opts.arg = args[0]
			return diffRun(ios, g, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.lang, "lang", "", "the translation `language`, with a slug")
	f.StringVar(&opts.format, "format", "text", "output `format`: text or json")
	return cmd
}

// DiffJSON is the document glosa diff --format json writes; version 1.
type DiffJSON struct {
	Version     int             `json:"version"`
	Translation string          `json:"translation"`
	Source      string          `json:"source"`
	Lang        string          `json:"lang"`
	From        DiffFromJSON    `json:"from"`
	To          DiffToJSON      `json:"to"`
	Fields      []DiffFieldJSON `json:"fields"`
	Blocks      []DiffBlockJSON `json:"blocks"`
	Diff        string          `json:"diff"`
}

// DiffFromJSON is the source version the translation was made from.
type DiffFromJSON struct {
	// Commit is the recorded commit, or the commit of the version found by
	// its hash; "" when the work tree's source has the recorded hash.
	Commit string `json:"commit"`
	Hash   string `json:"hash"`
	// Path is the source's path then (it differs after a rename).
	Path string `json:"path"`
	// FoundBy says how: "commit", "hash" or "workTree".
	FoundBy string `json:"foundBy"`
}

// DiffToJSON is the version compared with: the source in the work tree.
type DiffToJSON struct {
	Head string `json:"head"`
	// Modified reports that the work tree's source differs from HEAD.
	Modified bool `json:"modified"`
}

// DiffFieldJSON is a front-matter text field that changed.
type DiffFieldJSON struct {
	Path   string `json:"path"`
	Change string `json:"change"`
}

// DiffBlockJSON is a body block that changed; Line is in the current
// source (for a removed block, where it was), OldLine in the old version.
type DiffBlockJSON struct {
	Change  string `json:"change"`
	Kind    string `json:"kind"`
	Line    int    `json:"line"`
	OldLine int    `json:"oldLine,omitempty"`
	Text    string `json:"text"`
}

func diffRun(ios *iostreams.IOStreams, g *globals, opts *diffOptions) error {
	p, err := g.load()
	if err != nil {
		return err
	}
	it, t, err := p.diffTarget(opts)
	if err != nil {
		return err
	}
	fail := func(msg, hint string) error {
		fmt.Fprintf(ios.ErrOut, "glosa: error: %s\n", msg)
		if hint != "" {
			fmt.Fprintf(ios.ErrOut, "glosa: hint: %s\n", hint)
		}
		return errFailed
	}
	e := t.Entry
	switch {
	case e == nil:
		return fail(p.l.T("diff.missing", "Lang", t.Lang, "Slug", it.Slug, "Path", t.Path), "")
	case it.Source == nil:
		return fail(p.l.T("diff.orphan", "Path", e.Path, "Slug", it.Slug), "")
	case e.Err != nil:
		return fail(p.l.T("diff.unparsable", "Path", e.Path), "")
	case e.Record == nil:
		return fail(p.l.T("diff.noRecord", "Path", e.Path), p.l.T("diff.hintStamp", "Path", e.Path))
	}
	from := p.report.TranslatedFrom(e)
	if from.Entry == nil {
		return fail(p.l.T("diff.noPivot", "Path", e.Path, "Lang", from.Lang, "Slug", e.Slug), p.l.T("diff.hintStamp", "Path", e.Path))
	}
	src := from.Entry
	v, ok := p.ws.FindVersion(src, e.Record)
	if !ok {
		if p.hist == nil {
			return fail(p.l.T("diff.noHistory", "Error", p.histErr.Error()), "")
		}
		rec := e.Record
		id := "diff.notFound"
		switch {
		case rec.Hash == "":
			id = "diff.notFoundCommit"
		case rec.Commit == "":
			id = "diff.notFoundHash"
		}
		hint := p.l.T("diff.hintStamp", "Path", e.Path)
		if p.hist.Shallow() {
			hint = p.l.T("diff.hintShallow")
		}
		return fail(p.l.T(id, "Source", src.Path, "Commit", rec.Commit, "Hash", rec.Hash), hint)
	}
	doc := p.diffDocument(t, src, v)
	if opts.format == "json" {
		return report.WriteJSON(ios.Out, doc)
	}
	p.diffText(ios.Out, doc, ios.ColorEnabled())
	return nil
}

// diffTarget finds the translation the argument names: a slug with
// --lang, or a translation's path.
func (p *project) diffTarget(opts *diffOptions) (*status.Item, *status.Translation, error) {
	if opts.lang != "" {
		langs, err := p.parseLangs([]string{opts.lang})
		if err != nil {
			return nil, nil, err
		}
		if len(langs) != 1 {
			return nil, nil, usage(p.l, "usage.diffLang")
		}
		var found []*status.Item
		var ts []*status.Translation
		for i := range p.report.Items {
			it := &p.report.Items[i]
			if it.Slug != opts.arg {
				continue
			}
			for j := range it.Translations {
				if t := &it.Translations[j]; t.Lang == langs[0] {
					found, ts = append(found, it), append(ts, t)
				}
			}
		}
		switch len(found) {
		case 0:
			return nil, nil, usage(p.l, "usage.diffSlug", "Slug", opts.arg, "Lang", langs[0])
		case 1:
			return found[0], ts[0], nil
		}
		var paths []string
		for _, t := range ts {
			paths = append(paths, t.Path)
		}
		return nil, nil, usage(p.l, "usage.diffAmbiguous", "Slug", opts.arg, "Paths", strings.Join(paths, ", "))
	}
	rel, err := p.relPath(opts.arg)
	if err != nil {
		return nil, nil, err
	}
	for i := range p.report.Items {
		it := &p.report.Items[i]
		for j := range it.Translations {
			if t := &it.Translations[j]; t.Entry != nil && t.Entry.Path == rel {
				return it, t, nil
			}
		}
	}
	if e := p.entryAt(rel); e != nil && e.Lang == p.report.Source {
		return nil, nil, usage(p.l, "usage.diffSource", "Path", rel)
	}
	if _, err := os.Stat(filepath.Join(p.root, filepath.FromSlash(rel))); errors.Is(err, fs.ErrNotExist) {
		for _, it := range p.report.Items {
			if it.Slug == opts.arg {
				return nil, nil, usage(p.l, "usage.diffNeedsLang", "Slug", opts.arg)
			}
		}
		return nil, nil, usage(p.l, "usage.noFile", "Path", rel)
	}
	return nil, nil, usage(p.l, "usage.notTranslation", "Path", rel)
}

// diffDocument compares the version with the source in the work tree.
func (p *project) diffDocument(t *status.Translation, src *content.Entry, v workspace.Version) DiffJSON {
	doc := DiffJSON{
		Version: report.SchemaVersion, Translation: t.Entry.Path, Source: src.Path, Lang: t.Lang,
		From:   DiffFromJSON{Commit: v.Commit, Hash: v.Hash, Path: v.Path, FoundBy: v.FoundBy},
		Fields: []DiffFieldJSON{}, Blocks: []DiffBlockJSON{},
	}
	if p.hist != nil {
		doc.To = DiffToJSON{Head: p.hist.Head(), Modified: p.hist.Dirty(src.Path)}
	}
	if v.FoundBy == "workTree" {
		return doc
	}
	schema := p.repo.Schema(src)
	var oldVals, newVals []content.Value
	var oldBlocks, newBlocks []markdown.Block
	if old, err := content.Parse(v.Data); err == nil {
		oldVals = content.Values(old.Front, schema)
		oldBlocks = markdown.DialectOf(src.Path).Analyze(old.Body, old.BodyLine).Blocks
	}
	if src.Err == nil {
		newVals = content.Values(src.Doc.Front, schema)
		newBlocks = src.Body().Blocks
	}
	for _, f := range blockdiff.Fields(oldVals, newVals) {
		doc.Fields = append(doc.Fields, DiffFieldJSON{Path: f.Path, Change: string(f.Change)})
	}
	end := strings.Count(string(src.Doc.Raw), "\n") + 1
	for _, b := range blockdiff.Blocks(oldBlocks, newBlocks, end) {
		doc.Blocks = append(doc.Blocks, DiffBlockJSON{Change: string(b.Change), Kind: b.Kind, Line: b.Line, OldLine: b.OldLine, Text: b.Text})
	}
	to := "working tree"
	if !doc.To.Modified && doc.To.Head != "" {
		to = doc.To.Head
	}
	doc.Diff = blockdiff.Unified("a/"+v.Path+"\t"+v.Commit, "b/"+src.Path+"\t"+to, v.Data, src.Doc.Raw, 3)
	return doc
}

// diffText writes the summary and the diff for a reader.
func (p *project) diffText(w io.Writer, doc DiffJSON, color bool) {
	if doc.From.FoundBy == "workTree" {
		fmt.Fprintln(w, p.l.T("diff.unchanged", "Translation", doc.Translation, "Source", doc.Source))
		return
	}
	to := p.l.T("diff.workTree")
	if !doc.To.Modified && doc.To.Head != "" {
		to = history.Short(doc.To.Head)
	}
	id := "diff.header"
	if doc.From.FoundBy == "hash" {
		id = "diff.headerHash"
	}
	fmt.Fprintln(w, p.l.T(id, "Translation", doc.Translation, "Source", doc.Source, "From", history.Short(doc.From.Commit), "To", to))
	if doc.From.Path != doc.Source {
		fmt.Fprintf(w, "  %s\n", p.l.T("diff.renamed", "Path", doc.From.Path))
	}
	for _, f := range doc.Fields {
		fmt.Fprintf(w, "  %s\n", p.l.T("diff.field."+f.Change, "Path", f.Path))
	}
	for _, b := range doc.Blocks {
		fmt.Fprintf(w, "  %s\n", p.l.T("diff.block."+b.Change+"."+b.Kind, "Line", b.Line, "Text", content.Excerpt(b.Text, 60)))
	}
	if len(doc.Fields) == 0 && len(doc.Blocks) == 0 {
		fmt.Fprintf(w, "  %s\n", p.l.T("diff.none"))
	}
	if doc.Diff == "" {
		return
	}
	fmt.Fprintln(w)
	for _, line := range strings.SplitAfter(doc.Diff, "\n") {
		c := ""
		switch {
		case strings.HasPrefix(line, "---"), strings.HasPrefix(line, "+++"):
			c = "\x1b[1m"
		case strings.HasPrefix(line, "@@"):
			c = "\x1b[36m"
		case strings.HasPrefix(line, "-"):
			c = "\x1b[31m"
		case strings.HasPrefix(line, "+"):
			c = "\x1b[32m"
		}
		if color && c != "" {
			line = c + strings.TrimSuffix(line, "\n") + "\x1b[0m\n"
		}
		io.WriteString(w, line)
	}
}

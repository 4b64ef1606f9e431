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
		ValidArgsFunction: g.completeSlugs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usage(g.l, "usage.diffArgs")
			}
			opts.arg = args[0]
			return diffRun(ios, g, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.lang, "lang", "", "the translation `language`, with a slug")
	diffOutputs.flag(cmd, g.l, &opts.format, "output `format`")
	return cmd
}

// diffOutputs are diff's output formats.
var diffOutputs = outputs[report.DiffView]{
	{"text", report.DiffText},
	{"json", func(w io.Writer, v report.DiffView) error { return report.WriteJSON(w, v.Doc) }},
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
	from := p.Report.TranslatedFrom(e)
	if from.Entry == nil {
		return fail(p.l.T("diff.noPivot", "Path", e.Path, "Lang", from.Lang, "Slug", e.Slug), p.l.T("diff.hintStamp", "Path", e.Path))
	}
	src := from.Entry
	v, ok := p.FindVersion(src, e.Record)
	if !ok {
		if p.History == nil {
			return fail(p.l.T("diff.noHistory", "Error", p.HistoryErr.Error()), "")
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
		if p.History.Shallow() {
			hint = p.l.T("diff.hintShallow")
		}
		return fail(p.l.T(id, "Source", src.Path, "Commit", rec.Commit, "Hash", rec.Hash), hint)
	}
	doc := p.diffDocument(t, src, v)
	return diffOutputs.write(ios.Out, opts.format, report.DiffView{Doc: doc, Color: ios.ColorEnabled(), L: p.l})
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
		for i := range p.Report.Items {
			it := &p.Report.Items[i]
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
	for i := range p.Report.Items {
		it := &p.Report.Items[i]
		for j := range it.Translations {
			if t := &it.Translations[j]; t.Entry != nil && t.Entry.Path == rel {
				return it, t, nil
			}
		}
	}
	if e := p.entryAt(rel); e != nil && e.Lang == p.Report.Source {
		return nil, nil, usage(p.l, "usage.diffSource", "Path", rel)
	}
	if _, err := os.Stat(filepath.Join(p.Root, filepath.FromSlash(rel))); errors.Is(err, fs.ErrNotExist) {
		for _, it := range p.Report.Items {
			if it.Slug == opts.arg {
				return nil, nil, usage(p.l, "usage.diffNeedsLang", "Slug", opts.arg)
			}
		}
		return nil, nil, usage(p.l, "usage.noFile", "Path", rel)
	}
	return nil, nil, usage(p.l, "usage.notTranslation", "Path", rel)
}

// diffDocument compares the version with the source in the work tree.
func (p *project) diffDocument(t *status.Translation, src *content.Entry, v workspace.Version) report.DiffJSON {
	doc := report.DiffJSON{
		Version: report.SchemaVersion, Translation: t.Entry.Path, Source: src.Path, Lang: t.Lang,
		From:   report.DiffFromJSON{Commit: v.Commit, Hash: v.Hash, Path: v.Path, FoundBy: v.FoundBy},
		Fields: []report.DiffFieldJSON{}, Blocks: []report.DiffBlockJSON{},
	}
	if p.History != nil {
		doc.To = report.DiffToJSON{Head: p.History.Head(), Modified: p.History.Dirty(src.Path)}
	}
	if v.FoundBy == "workTree" {
		return doc
	}
	schema := p.Repo.Schema(src)
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
		doc.Fields = append(doc.Fields, report.DiffFieldJSON{Path: f.Path, Change: string(f.Change)})
	}
	end := strings.Count(string(src.Doc.Raw), "\n") + 1
	for _, b := range blockdiff.Blocks(oldBlocks, newBlocks, end) {
		doc.Blocks = append(doc.Blocks, report.DiffBlockJSON{Change: string(b.Change), Kind: b.Kind, Line: b.Line, OldLine: b.OldLine, Text: b.Text})
	}
	to := "working tree"
	if !doc.To.Modified && doc.To.Head != "" {
		to = doc.To.Head
	}
	doc.Diff = blockdiff.Unified("a/"+v.Path+"\t"+v.Commit, "b/"+src.Path+"\t"+to, v.Data, src.Doc.Raw, 3)
	return doc
}

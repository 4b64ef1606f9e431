package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"

	"github.com/spf13/cobra"

	"github.com/glosa/glosa/internal/atomicfile"
	"github.com/glosa/glosa/internal/iostreams"
	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/report"
	"github.com/glosa/glosa/internal/syncplan"
)

type syncOptions struct {
	langs  []string
	dryRun bool
	prune  bool
	// translateFiles writes goi18n's translate.{lang}.{format} files too.
	translateFiles bool
	format         string
}

func newSyncCmd(ios *iostreams.IOStreams, g *globals) *cobra.Command {
	opts := &syncOptions{}
	cmd := &cobra.Command{
		Use:   "sync",
		Short: "Bring translations up to date with the source: stubs and catalog messages",
		Long: `sync creates a stub for every missing translation of an entry (the source
file marked draft: true, its text left in the source language for the
translator) and adds every missing message to each go-i18n translation file
(an empty stub with the source's text in a comment). Stale translations are
kept, so the translator sees the old text; with --prune, messages the source
no longer has are removed. Existing files are never replaced by stubs, every
untouched byte stays, and writes are atomic.

stdout gets a summary per language, as text, as Markdown to paste into a
pull request, or as JSON for programs: every file with the message IDs
added, pruned and left stale, and the files skipped with why
(docs/reference/json.md); --dry-run prints the same and changes nothing.
On a terminal, a long run shows its progress on stderr.`,
		Example: `  glosa sync --dry-run
  glosa sync --lang es --prune
  glosa sync --format markdown`,
		Args: g.noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return syncRun(ios, g, opts)
		},
	}
	f := cmd.Flags()
	f.StringSliceVar(&opts.langs, "lang", nil, "sync only these `languages`")
	f.BoolVarP(&opts.dryRun, "dry-run", "n", false, "print what would change and change nothing")
	f.BoolVar(&opts.prune, "prune", false, "remove messages the source no longer has")
	f.BoolVar(&opts.translateFiles, "translate-files", false, "also write goi18n's translate.{lang}.{format} files: what needs translating")
	syncOutputs.flag(cmd, g.l, &opts.format, "summary `format`")
	return cmd
}

// syncOutputs are the formats of sync's summary.
var syncOutputs = outputs[report.SyncView]{
	{"text", report.SyncText},
	{"markdown", report.SyncMarkdown},
	{"json", report.SyncJSONOut},
}

func syncRun(ios *iostreams.IOStreams, g *globals, opts *syncOptions) error {
	g.showProgress(ios, opts.format)
	p, langs, err := g.loadLangs(opts.langs)
	if err != nil {
		return err
	}
	bar := g.startProgress("progress.planning")
	plan := syncplan.Make(p.Report, p.Config, p.Repo.RawLang, syncplan.Options{Langs: langs, Prune: opts.prune, TranslateFiles: opts.translateFiles, Progress: bar})
	bar.Done()
	v := report.SyncView{Plan: plan, L: p.l, DryRun: opts.dryRun}
	skip := func(path, lang, reason, from, why string) {
		warnf(ios.ErrOut, "%s", p.l.T("stamp.skip", "Path", path, "Reason", why))
		v.Skipped = append(v.Skipped, report.SyncSkipJSON{Path: path, Lang: lang, Reason: reason, From: from, Message: why})
	}
	for _, s := range plan.Skips {
		switch {
		case errors.Is(s.Err, syncplan.ErrPO):
			skip(s.Path, s.Lang, report.SyncSkipPO, "", p.l.T("sync.skipPO"))
		case errors.Is(s.Err, syncplan.ErrUnparsable):
			skip(s.Path, s.Lang, report.SyncSkipUnparsable, s.From, p.l.T("sync.skipUnparsable", "Path", s.From))
		default:
			skip(s.Path, s.Lang, report.SyncSkipError, "", p.l.Text(l10n.TextOf(s.Err)))
		}
	}
	// A file that exists where a stub belongs (one the configuration
	// excludes, say) is never replaced; a dry run checks it too, so that
	// it prints what a real run does.
	kept := plan.Changes[:0]
	for _, c := range plan.Changes {
		if c.Create {
			abs, err := atomicfile.Inside(p.Root, c.Path)
			if p.refuseWrite(ios.ErrOut, c.Path, err) {
				v.Refused = append(v.Refused, c.Path)
				continue
			}
			if err != nil {
				return err
			}
			if _, err := os.Lstat(abs); !errors.Is(err, fs.ErrNotExist) {
				skip(c.Path, c.Lang, report.SyncSkipExists, "", p.l.T("sync.skipExists"))
				continue
			}
		}
		kept = append(kept, c)
	}
	plan.Changes = kept
	written := 0
	var wrote []string
	defer func() { atomicfile.SyncDirs(p.Root, wrote) }()
	bar = nil
	if !opts.dryRun {
		bar = g.startProgress("progress.writing")
		bar.SetTotal(len(plan.Changes))
	}
	for _, c := range plan.Changes {
		if c.Data == nil {
			continue
		}
		if !opts.dryRun {
			err := writeChange(p.Root, c)
			bar.Add(1)
			if p.refuseWrite(ios.ErrOut, c.Path, err) {
				v.Refused = append(v.Refused, c.Path)
				continue
			}
			if err != nil {
				bar.Done()
				return err
			}
			wrote = append(wrote, c.Path, c.From)
		}
		written++
	}
	bar.Done()
	if err := syncOutputs.write(ios.Out, opts.format, v); err != nil {
		return err
	}
	id := "sync.done"
	if opts.dryRun {
		id = "sync.dryRun"
	}
	fmt.Fprintf(ios.ErrOut, "glosa: %s\n", p.l.N(id, written))
	if len(v.Refused) > 0 {
		return errFailed
	}
	return nil
}

// beforeWrite, when a test sets it, runs just before a command writes a
// file it read: the test edits the file there, as an editor or another
// glosa could while glosa runs.
var beforeWrite func(rel string)

// replaceFile replaces a file glosa read, old, with data, unless the file
// changed on disk since (atomicfile.ErrChanged).
func replaceFile(root, rel string, old, data []byte) error {
	writing.Lock()
	defer writing.Unlock()
	if beforeWrite != nil {
		beforeWrite(rel)
	}
	return atomicfile.Replace(root, rel, old, data)
}

// writeChange writes one planned file. A new file never replaces one that
// appeared since the plan was made, and its folders are made inside the
// repository only; a file the plan read is replaced only while it still
// holds what was read; a moved file is removed only while it does. Either
// refusal wraps atomicfile.ErrChanged.
func writeChange(root string, c syncplan.Change) error {
	writing.Lock()
	defer writing.Unlock()
	if beforeWrite != nil {
		beforeWrite(c.Path)
	}
	switch {
	case c.Create:
		if c.From != "" {
			// A move copies the orphan's bytes as read: it must not
			// drop an edit made since.
			if err := atomicfile.Unchanged(root, c.From, c.Data); err != nil {
				return err
			}
		}
		if err := atomicfile.MkdirAll(root, path.Dir(c.Path)); err != nil {
			return fmt.Errorf("creating %s: %w", c.Path, err)
		}
		if err := atomicfile.Create(root, c.Path, c.Data); err != nil {
			return err
		}
	case c.Old != nil:
		if err := atomicfile.Replace(root, c.Path, c.Old, c.Data); err != nil {
			return err
		}
	default:
		if err := atomicfile.Write(root, c.Path, c.Data); err != nil {
			return err
		}
	}
	if c.From != "" {
		return atomicfile.Remove(root, c.From)
	}
	return nil
}

// refuseWrite reports, and says whether err is, a write refused for the
// file at rel: it (or, for a move, the file moved) changed on disk after
// glosa read it, it is outside the repository through a symlink, or it is
// a symlink itself. The
// command goes on with the other files and fails at the end.
func (p *project) refuseWrite(w io.Writer, rel string, err error) bool {
	switch {
	case errors.Is(err, atomicfile.ErrChanged):
		var pe *fs.PathError
		if errors.As(err, &pe) {
			rel = pe.Path
		}
		fmt.Fprintf(w, "glosa: error: %s\n", p.l.T("write.changed", "Path", rel))
	case errors.Is(err, atomicfile.ErrOutsideRoot):
		fmt.Fprintf(w, "glosa: error: %s\n", p.l.T("write.outside", "Path", rel))
	case errors.Is(err, atomicfile.ErrSymlink):
		fmt.Fprintf(w, "glosa: error: %s\n", p.l.T("write.symlink", "Path", rel))
	default:
		return false
	}
	return true
}

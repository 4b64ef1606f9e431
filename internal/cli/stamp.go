package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/glosa/glosa/internal/atomicfile"
	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/iostreams"
	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/status"
)

type stampOptions struct {
	langs  []string
	all    bool
	dryRun bool
	paths  []string
}

func newStampCmd(ios *iostreams.IOStreams, g *globals) *cobra.Command {
	opts := &stampOptions{}
	cmd := &cobra.Command{
		Use:   "stamp [PATH...]",
		Short: "Record that translations are done: write the source hash into them",
		Long: `stamp writes a translation record into each translation's front matter:

  translation:
    source: it
    hash: sha256-…

so that glosa can tell later whether the source has changed since. Only the
record's lines change; every other byte of the file stays as it was. Drafts,
text identical to the source and files that cannot be parsed are skipped.`,
		Example: `  glosa stamp content/es/llm.md
  glosa stamp --lang es
  glosa stamp --all --dry-run`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.paths = args
			n := 0
			if len(args) > 0 {
				n++
			}
			if len(opts.langs) > 0 {
				n++
			}
			if opts.all {
				n++
			}
			if n != 1 {
				return usage(g.l, "usage.stampOne")
			}
			return stampRun(ios, g, opts)
		},
	}
	f := cmd.Flags()
	f.StringSliceVar(&opts.langs, "lang", nil, "stamp every translation in these `languages`")
	f.BoolVar(&opts.all, "all", false, "stamp every translation in every language")
	f.BoolVarP(&opts.dryRun, "dry-run", "n", false, "print what would be stamped and change nothing")
	return cmd
}

func stampRun(ios *iostreams.IOStreams, g *globals, opts *stampOptions) error {
	p, langs, err := g.loadLangs(opts.langs)
	if err != nil {
		return err
	}
	byPath := map[string]*status.Translation{}
	sources := map[string]*content.Entry{}
	for i := range p.report.Items {
		it := &p.report.Items[i]
		for j := range it.Translations {
			t := &it.Translations[j]
			if t.Entry != nil {
				byPath[t.Entry.Path] = t
				sources[t.Entry.Path] = it.Source
			}
		}
	}
	var targets []*status.Translation
	var catalogs []catalogFile
	explicit := len(opts.paths) > 0
	if explicit {
		for _, arg := range opts.paths {
			rel, err := p.relPath(arg)
			if err != nil {
				return err
			}
			if cf, ok := p.catalogTranslation(rel); ok {
				catalogs = append(catalogs, cf)
				continue
			}
			t, ok := byPath[rel]
			if !ok {
				if e := p.entryAt(rel); e != nil && e.Lang == p.report.Source {
					return usage(p.l, "usage.stampSource", "Path", rel)
				}
				if _, err := os.Stat(filepath.Join(p.root, filepath.FromSlash(rel))); errors.Is(err, fs.ErrNotExist) {
					return usage(p.l, "usage.noFile", "Path", rel)
				}
				return usage(p.l, "usage.notTranslation", "Path", rel)
			}
			targets = append(targets, t)
		}
	} else {
		for _, it := range p.report.Items {
			for j := range it.Translations {
				t := &it.Translations[j]
				if t.Entry != nil && (opts.all || slices.Contains(langs, t.Lang)) {
					targets = append(targets, byPath[t.Entry.Path])
				}
			}
		}
		catalogs = p.catalogTranslations(langs, opts.all)
	}
	skipped, stamped, refused := 0, 0, 0
	var wrote []string
	defer func() { atomicfile.SyncDirs(p.root, wrote) }()
	for _, t := range targets {
		e := t.Entry
		src := sources[e.Path]
		reason, where := "", e.Path
		switch {
		case e.Err != nil:
			reason = p.l.T("stamp.skipUnparsable", "Error", p.l.Text(e.Err.Text))
			if e.Err.Line > 0 {
				where = fmt.Sprintf("%s:%d:%d", e.Path, e.Err.Line, e.Err.Column)
			}
		case src == nil:
			reason = p.l.T("stamp.skipOrphan", "Slug", e.Slug)
		case src.Err != nil:
			reason = p.l.T("stamp.skipSourceUnparsable", "Path", src.Path)
		case t.State == status.Untranslated:
			reason = p.l.T("stamp.skipUntranslated", "Why", p.l.T("reason."+string(t.Reason)))
		case t.State == status.Current:
			continue // nothing to do
		}
		if reason != "" {
			// Drafts are warned about too: a finished translation still
			// marked draft: true is a common reason for a stamp that did
			// not happen.
			warnf(ios.ErrOut, "%s", p.l.T("stamp.skip", "Path", where, "Reason", reason))
			skipped++
			continue
		}
		from := src
		rec := content.Record{Source: p.report.Source}
		if e.Record != nil && e.Record.Source != "" && e.Record.Source != p.report.Source {
			if other := p.entryFor(e.Record.Source, e.Slug, e.Layout); other != nil && other.Err == nil {
				from, rec.Source = other, e.Record.Source
			}
		}
		rec.Hash = p.report.SourceHash(from)
		// The commit of the source version hashed, when git knows it:
		// the source's last change, unless the file differs from HEAD.
		if p.hist != nil && !p.hist.Dirty(from.Path) {
			if c, ok := p.hist.LastChange(from.Path); ok {
				rec.Commit = c.Commit
			}
		}
		if !opts.dryRun {
			data, err := content.SetRecord(e.Doc, rec)
			if err != nil {
				return l10n.Wrap(err, "stamp.failed", "Path", e.Path, "Error", l10n.TextOf(err))
			}
			err = replaceFile(p.root, e.Path, e.Doc.Raw, data)
			if p.refuseWrite(ios.ErrOut, e.Path, err) {
				refused++
				continue
			}
			if err != nil {
				return err
			}
			wrote = append(wrote, e.Path)
		}
		stamped++
		fmt.Fprintf(ios.Out, "%s: %s → %s (%s)\n", e.Path, p.l.T("state."+string(t.State)), p.l.T("state.current"), rec.Hash)
	}
	for _, cf := range catalogs {
		n, skip, err := p.stampCatalog(ios, cf, opts.dryRun)
		if p.refuseWrite(ios.ErrOut, cf.file.Path, err) {
			refused++
			continue
		}
		if err != nil {
			return err
		}
		if skip {
			skipped++
		}
		if n > 0 {
			stamped++
			if !opts.dryRun {
				wrote = append(wrote, cf.file.Path)
			}
		}
	}
	id := "stamp.done"
	if opts.dryRun {
		id = "stamp.dryRun"
	}
	fmt.Fprintf(ios.ErrOut, "glosa: %s", p.l.N(id, stamped))
	if skipped > 0 {
		fmt.Fprint(ios.ErrOut, p.l.N("stamp.skipped", skipped))
	}
	fmt.Fprintln(ios.ErrOut)
	if explicit && skipped > 0 || refused > 0 {
		return errFailed
	}
	return nil
}

// relPath turns a path given on the command line, relative to the
// repository root (-C) or absolute, into a repository path.
func (p *project) relPath(arg string) (string, error) {
	abs := arg
	if !filepath.IsAbs(arg) {
		abs = filepath.Join(p.root, arg)
	}
	absRoot, err := filepath.Abs(p.root)
	if err != nil {
		return "", err
	}
	abs, err = filepath.Abs(abs)
	if err != nil {
		return "", err
	}
	rel, err := filepath.Rel(absRoot, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", usage(p.l, "usage.outside", "Path", arg)
	}
	return filepath.ToSlash(rel), nil
}

func (p *project) entryAt(rel string) *content.Entry {
	for _, e := range p.repo.Entries {
		if e.Path == rel {
			return e
		}
	}
	return nil
}

func (p *project) entryFor(code, slug string, layout int) *content.Entry {
	for _, e := range p.repo.Entries {
		if e.Lang == code && e.Slug == slug && e.Layout == layout {
			return e
		}
	}
	return nil
}

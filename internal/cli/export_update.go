package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"github.com/glosa/glosa/internal/atomicfile"
	"github.com/glosa/glosa/internal/exchange"
	"github.com/glosa/glosa/internal/iostreams"
	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/printable"
	"github.com/glosa/glosa/internal/transfer"
)

// updateRun is export --update: it reads the translator's file, merges it
// with the current units (transfer.Update) and writes it back in its own
// format, to opts.out.
func updateRun(ios *iostreams.IOStreams, g *globals, opts *exportOptions) error {
	if opts.all && len(opts.states) > 0 {
		return usage(g.l, "usage.allState")
	}
	p, err := g.load()
	if err != nil {
		return err
	}
	states := toStates(opts.states)
	switch {
	case opts.all:
		states = nil
	case len(states) == 0:
		states = transfer.NeedsWork
	}
	name := opts.update
	data, ok, err := readTranslatorFile(ios, p, name)
	if err != nil {
		return err
	}
	if !ok {
		return errFailed
	}
	old, err := exchange.ReadMax(name, data, p.Config.Limits.ImportUnits)
	if err != nil {
		fmt.Fprintf(ios.ErrOut, "glosa: error: %s\n", p.l.Error(l10n.FileError(name, err)))
		return errFailed
	}
	f, n, set, err := transfer.Update(p.Report, states, old)
	if err != nil {
		fmt.Fprintf(ios.ErrOut, "glosa: error: %s: %s\n", printable.String(name), p.l.Text(l10n.TextOf(err)))
		return errFailed
	}
	f.Date = exportDate(p, f)
	format := exchange.Lookup(f.Format)
	var filled transfer.Filled
	if f.SourceLang == p.Report.Source {
		// The added units are filled from the memory as export fills
		// them (see exportFiles).
		mem, err := loadMemory(p, f.TargetLang)
		if err != nil {
			return err
		}
		filled = set.FillAdded(f, old, mem, !format.SourceInTarget)
	}
	annotateTerms(p, f)
	var obsolete []exchange.Unit
	if f.Format != "po" {
		// Only PO holds obsolete units: the others go to a file beside,
		// in the same format, with those an earlier update put there.
		obsolete, f.Obsolete = f.Obsolete, nil
	}
	var buf bytes.Buffer
	if err := format.Write(&buf, f); err != nil {
		return err
	}
	out, shown := opts.out, opts.out
	if out == "-" {
		if _, err := ios.Out.Write(buf.Bytes()); err != nil {
			return err
		}
		out, shown = name, "stdout"
	} else if err := writeBeside(out, data, buf.Bytes(), out == name); err != nil {
		return err
	}
	fmt.Fprintf(ios.ErrOut, "glosa: %s\n", p.l.T("export.updated", "Path", shown, "Lang", f.TargetLang,
		"Kept", n.Kept, "Fuzzy", n.Fuzzy, "Added", n.Added, "Obsolete", n.Obsolete))
	if filled.Units > 0 {
		fmt.Fprintf(ios.ErrOut, "glosa: %s\n", p.l.N("export.memoryFilled", filled.Units, "Lang", f.TargetLang, "Words", filled.Words))
	}
	if len(obsolete) == 0 {
		return nil
	}
	path := obsoleteName(out)
	obsolete, err = withObsolete(path, name, obsolete)
	if err != nil {
		return err
	}
	buf.Reset()
	if err := format.Write(&buf, &exchange.File{SourceLang: f.SourceLang, TargetLang: f.TargetLang, Original: f.Original, Units: obsolete}); err != nil {
		return err
	}
	if err := writeBeside(path, nil, buf.Bytes(), false); err != nil {
		return err
	}
	fmt.Fprintf(ios.ErrOut, "glosa: %s\n", p.l.N("export.obsoleteBeside", len(obsolete), "Format", format.Label, "Path", path))
	return nil
}

// writeBeside writes path atomically, anywhere on the disk: a translator's
// file is not in the repository. With replace set, the file must still
// hold old, so that a save by the translator's tool meanwhile is not lost.
func writeBeside(path string, old, data []byte, replace bool) error {
	dir, err := filepath.Abs(filepath.Dir(path))
	if err != nil {
		return err
	}
	if replace {
		err = atomicfile.Replace(dir, filepath.Base(path), old, data)
	} else {
		err = atomicfile.Write(dir, filepath.Base(path), data)
	}
	return linkRefused(path, err)
}

// obsoleteName is the file beside name that holds its obsolete units:
// obsolete.es.xlf for es.xlf. The name ends as name does, so that go-i18n
// still reads the language from it (obsolete.translate.es.json).
func obsoleteName(name string) string {
	return filepath.Join(filepath.Dir(name), "obsolete."+filepath.Base(name))
}

// withObsolete adds to units those of the obsolete file at path that an
// earlier update wrote and units does not name; name is the translator's
// file, whose name tells go-i18n the language.
func withObsolete(path, name string, units []exchange.Unit) ([]exchange.Unit, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return units, nil
	}
	if err != nil {
		return nil, err
	}
	f, err := exchange.Read(name, data)
	if err != nil {
		return nil, l10n.FileError(path, err)
	}
	for _, u := range f.Units {
		if !slices.ContainsFunc(units, func(o exchange.Unit) bool { return o.ID == u.ID }) {
			units = append(units, u)
		}
	}
	return units, nil
}

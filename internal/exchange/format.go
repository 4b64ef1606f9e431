package exchange

import (
	"bytes"
	"fmt"
	"io"
	"path"
	"slices"
	"strings"

	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/limits"
)

// Format names a file format glosa exports or imports: po, xliff20,
// goi18n-json… It is the value of export's --format and of File.Format
// after a read: one name for a format everywhere.
type Format string

// Spec declares a format: everything glosa needs to know about it, in one
// place. Export's --format values, its help, the names of the files it
// writes, import's detection and the formats reference are all derived
// from the declarations; a new format is one file that calls register.
type Spec struct {
	// Name is the format's name, lowercase: po, xliff20, goi18n-json.
	Name Format
	// Label is the format as people call it: "PO", "XLIFF 2.0".
	Label string
	// File names the file export writes for a language, {lang} standing
	// for its code: "{lang}.po", "translate.{lang}.json". A name without
	// {lang} is a template: one file for every language, with every unit
	// and no translation.
	File string
	// Write writes a file in the format; nil for a format glosa only
	// imports.
	Write func(w io.Writer, f *File) error
	// WriteGlossary writes the termbase of a language pair, for a
	// glossary format (TBX, a platform's glossary CSV), which holds terms
	// rather than units; nil for the others.
	WriteGlossary func(w io.Writer, g *Glossary) error
	// Detect reports whether text (the file's content, trimmed of spaces
	// and a byte order mark) is in the format; name is the file's name.
	// nil for a format not told from its content (see ReadAs).
	Detect func(name string, text []byte) bool
	// Guess marks a Detect that tries to parse the text rather than
	// recognising a signature (a first byte, a keyword, a header): it is
	// tried after every format with a signature, so that a file that has
	// one is never taken for TOML or YAML.
	Guess bool
	// Read reads a file that Detect recognised; name is the file's name.
	// It stops at the first unit past max, with limits.TooManyUnits.
	Read func(name string, data []byte, max int) (*File, error)
	// ReadAs names the format whose reader reads this one's files back,
	// when it has no Detect of its own: a POT file is read as PO.
	ReadAs Format
	// SourceInTarget says that an untranslated unit is exported with the
	// source's text as its target, for the translator to replace (goi18n
	// merge's convention); import then leaves alone a target equal to the
	// source.
	SourceInTarget bool
	// Memory marks a translation memory format (TMX): export writes the
	// pairs of source and current translation the repository holds, not
	// the units that need work, and import keeps the file as a memory to
	// fill units from, not as translations to write into entries.
	Memory bool
	// Notes say, for the formats reference, what the format holds and
	// what tools open it.
	Notes string
}

// Ext is the file name extension of the format's files: ".po", ".xlf".
func (s *Spec) Ext() string { return path.Ext(s.File) }

// Template reports whether export writes one file for every language.
func (s *Spec) Template() bool { return !strings.Contains(s.File, "{lang}") }

// FileName is the name of the file export writes for language code.
func (s *Spec) FileName(code string) string { return strings.ReplaceAll(s.File, "{lang}", code) }

// specs are the declared formats, sorted by name.
var specs []*Spec

// register declares a format; each format's file calls it once, for a
// package variable, so that the list is complete before any code runs.
func register(s Spec) *Spec {
	p := &s
	i, found := slices.BinarySearchFunc(specs, p.Name, func(s *Spec, n Format) int { return strings.Compare(string(s.Name), string(n)) })
	if found {
		panic("exchange: format " + string(p.Name) + " declared twice")
	}
	specs = slices.Insert(specs, i, p)
	return p
}

// Formats returns every declared format, sorted by name.
func Formats() []*Spec { return slices.Clone(specs) }

// Exports returns the formats export writes, sorted by name.
func Exports() []*Spec {
	return slices.DeleteFunc(Formats(), func(s *Spec) bool { return s.Write == nil && s.WriteGlossary == nil })
}

// Imports returns the formats import tells from their content, sorted by
// name.
func Imports() []*Spec {
	return slices.DeleteFunc(Formats(), func(s *Spec) bool { return s.Detect == nil })
}

// Lookup returns the format named name, nil when there is none.
func Lookup(name Format) *Spec {
	for _, s := range specs {
		if s.Name == name {
			return s
		}
	}
	return nil
}

// Write writes f in the named format.
func Write(w io.Writer, f *File, name Format) error {
	s := Lookup(name)
	if s == nil || s.Write == nil {
		return fmt.Errorf("glosa does not export %q", name)
	}
	return s.Write(w, f)
}

// Detect names the format of data from its content (the name breaks a tie
// only between formats a parse must tell apart, such as go-i18n's TOML and
// YAML); "" when it is none glosa reads. Formats with a signature are
// tried first, then those it must guess by parsing, each group in the
// order of their names.
func Detect(name string, data []byte) Format {
	if s := detect(name, data); s != nil {
		return s.Name
	}
	return ""
}

func detect(name string, data []byte) *Spec {
	text := bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\ufeff")))
	for _, guess := range []bool{false, true} {
		for _, s := range specs {
			if s.Detect != nil && s.Guess == guess && s.Detect(name, text) {
				return s
			}
		}
	}
	return nil
}

// Read reads a file in any format glosa imports, told from its content;
// File.Format is the format it was read as. name is the file's name:
// go-i18n files take their language from it (translate.es.json), as
// go-i18n does. A file of more than limits.ImportUnits units is refused.
func Read(name string, data []byte) (*File, error) {
	return ReadMax(name, data, limits.ImportUnits)
}

// ReadMax is Read for a file of at most max units: it stops at the first
// unit past them, an error at its line and column.
func ReadMax(name string, data []byte, max int) (*File, error) {
	s := detect(name, data)
	if s == nil {
		return nil, l10n.At(1, 1, l10n.Msg("import.unknownFile", "Formats", Labels(Imports())))
	}
	f, err := s.Read(name, data, max)
	if err != nil {
		return nil, err
	}
	if f.Format == "" {
		f.Format = s.Name
	}
	return f, nil
}

// Labels returns the labels of formats: "CSV, go-i18n JSON…".
func Labels(formats []*Spec) string {
	labels := make([]string, len(formats))
	for i, s := range formats {
		labels[i] = s.Label
	}
	return strings.Join(labels, ", ")
}

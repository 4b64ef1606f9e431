// Package limits bounds what glosa reads from files it did not write:
// XLIFF, PO, CSV and go-i18n files sent back by translators, and whole
// repositories from pull requests. A file over a limit is refused with a
// located error and the rest of the run goes on; nothing a file says can
// make glosa crash, or spend time and memory out of proportion to its size.
//
// The defaults are constants: generous for any real project (the largest
// entry of the audited repositories is under 1 MB, the largest catalog
// under 2 MB, the largest export 32,423 units in one file) and small
// enough that the worst file within them is read in seconds and in a few
// hundred megabytes. A project may change the sizes and counts of Limits
// in glosa.yaml (limits:), up to Ceiling times their defaults.
package limits

import (
	"cmp"
	"errors"
	"io"
	"io/fs"
	"os"

	"github.com/glosa/glosa/internal/l10n"
)

// Sizes of a file, by kind, in bytes.
const (
	// EntrySize bounds a content entry (a Markdown or MDX file).
	EntrySize = 16 << 20
	// CatalogSize bounds a message catalog of the repository (go-i18n
	// YAML, JSON or TOML; PO).
	CatalogSize = 64 << 20
	// ImportSize bounds a file given to import (XLIFF, PO, CSV, go-i18n).
	ImportSize = 64 << 20
	// ConfigSize bounds glosa.yaml.
	ConfigSize = 1 << 20
)

// Counts of what one file holds.
const (
	// ImportUnits bounds the units of a file given to import: PO entries,
	// XLIFF trans-unit and unit elements, CSV rows, go-i18n keys. The
	// largest real export measured (opentelemetry.io, Spanish) has 32,423
	// units (33,784 with --all); a file of this many units that all name
	// nothing is read and refused in about 2.2 s and 170 MB, each unit
	// costing about 2 KB from the read to the report.
	ImportUnits = 75_000
	// CatalogMessages bounds the messages of a PO catalog of the
	// repository and the keys of a go-i18n catalog (a message is one key,
	// or one per field: other, one, description…). A go-i18n YAML catalog
	// of this many messages is read in about 160 MB.
	CatalogMessages = 75_000
)

// Ceiling is how many times its default a limit may be raised in
// glosa.yaml: beyond it, the worst file within the limit would no longer
// be read in seconds and in well under a gigabyte.
const Ceiling = 4

// Limits are the limits a project may set in glosa.yaml; Defaults are
// the constants above.
type Limits struct {
	// EntrySize, CatalogSize and ImportSize bound a file of each kind, in
	// bytes.
	EntrySize, CatalogSize, ImportSize int64
	// ImportUnits and CatalogMessages bound what one file holds.
	ImportUnits, CatalogMessages int
}

// Defaults returns the limits that apply when glosa.yaml sets none.
func Defaults() Limits {
	return Limits{EntrySize: EntrySize, CatalogSize: CatalogSize, ImportSize: ImportSize,
		ImportUnits: ImportUnits, CatalogMessages: CatalogMessages}
}

// Or returns l with each limit that is zero (not set: a configuration
// built in code rather than loaded) at its default.
func (l Limits) Or() Limits {
	d := Defaults()
	return Limits{
		EntrySize: cmp.Or(l.EntrySize, d.EntrySize), CatalogSize: cmp.Or(l.CatalogSize, d.CatalogSize),
		ImportSize: cmp.Or(l.ImportSize, d.ImportSize), ImportUnits: cmp.Or(l.ImportUnits, d.ImportUnits),
		CatalogMessages: cmp.Or(l.CatalogMessages, d.CatalogMessages),
	}
}

// TooManyUnits is the error of a file given to import that holds more than
// max units, at the line and column of the first unit past them.
func TooManyUnits(line, col, max int) *l10n.Error {
	return l10n.At(line, col, l10n.Msg("err.tooManyUnits", "Max", max))
}

// TooManyMessages is the error of a catalog that holds more than max
// messages, at the line and column of the first message past them.
func TooManyMessages(line, col, max int) *l10n.Error {
	return l10n.At(line, col, l10n.Msg("err.tooManyMessages", "Max", max))
}

// Nesting depth.
const (
	// Depth bounds the nesting of elements in an XML document and of
	// tables, arrays, mappings and sequences in TOML, YAML and JSON: an
	// XLIFF file nests its units in groups, their text in inline codes,
	// and no real file goes past a few dozen levels.
	Depth = 200
)

// FrontKeys bounds the keys and tables of an entry's TOML front matter:
// go-toml's time grows with the square of their number.
const FrontKeys = 10000

// Errors is how many errors import prints for one file before saying how
// many more there are.
const Errors = 20

// ReadFile reads the regular file at path, refusing one larger than max
// bytes or one that is not a regular file (a device such as /dev/zero, a
// FIFO, a directory), whose read would never end or would block. Errors are
// *l10n.Error without a path, for the caller to place.
func ReadFile(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, l10n.Errorf("err.notRegular", "Kind", l10n.Msg("file."+FileKind(fi.Mode())))
	}
	if fi.Size() > max {
		return nil, TooBig(fi.Size(), max)
	}
	// The size can change between Stat and the read: read one byte past
	// max to tell. The buffer starts at the size Stat gave, and one more
	// byte for the end of the file to show, so that a file is read into
	// one allocation (io.ReadAll starts at 512 bytes and doubles).
	data, err := readAll(io.LimitReader(f, max+1), fi.Size()+1)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return nil, l10n.Errorf("err.cannotRead", "Error", pe.Err.Error())
		}
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, TooBig(int64(len(data)), max)
	}
	return data, nil
}

// readAll is io.ReadAll with a buffer of size bytes to start with.
func readAll(r io.Reader, size int64) ([]byte, error) {
	data := make([]byte, 0, size)
	for {
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return data, err
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
	}
}

// TooBig is the error of a file of size bytes over a limit of max.
func TooBig(size, max int64) error {
	return l10n.Errorf("err.tooBig", "Size", size, "Max", max)
}

// FileKind names the kind of a file that is not a regular one, as the
// message IDs file.* do.
func FileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "directory"
	case m&fs.ModeNamedPipe != 0:
		return "namedPipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeDevice != 0:
		return "device"
	}
	return "special"
}

// MarkdownNesting bounds the nesting of lists and block quotes in an
// entry's Markdown: goldmark's time grows with the cube of it (2,000
// levels take half a minute), and no real page nests past a dozen.
const MarkdownNesting = 500

// DeepMarkdown returns the offset of the first line of a Markdown text
// that opens more than MarkdownNesting lists or block quotes, -1 when none
// does. A level takes at least two characters at the start of a line
// (indentation, "> ", "- ", "1. "), so a line whose run of such characters
// is longer than twice the bound nests deeper than it: a bound, read in
// one pass, not a parse. Written by hand: goldmark has no depth limit.
func DeepMarkdown(text []byte) int {
	start, run, counting := 0, 0, true
	for i, c := range text {
		switch {
		case c == '\n':
			start, run, counting = i+1, 0, true
		case !counting:
		case c == ' ' || c == '\t' || c == '>' || c == '-' || c == '*' || c == '+' || c == '.' || c == ')' || c >= '0' && c <= '9':
			if run++; run > 2*MarkdownNesting {
				return start
			}
		default:
			counting = false
		}
	}
	return -1
}

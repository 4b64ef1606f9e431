package exchange

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/limits"
)

var _ = register(Spec{
	Name:  "csv",
	Label: "CSV",
	File:  "{lang}.csv",
	Write: WriteCSV,
	Detect: func(_ string, text []byte) bool {
		first, _, _ := bytes.Cut(text, []byte("\n"))
		first = bytes.TrimSpace(first)
		return bytes.HasPrefix(first, []byte("id,")) || bytes.HasPrefix(first, []byte(`"id",`))
	},
	Read: func(_ string, data []byte, max int) (*File, error) { return readCSV(data, max) },
	Notes: "RFC 4180 CSV, for a spreadsheet: a header row `id,kind,state,<source language>,<target language>,notes,references`, " +
		"then a row per unit; a plural message has a row per category, the category after its ID (`items[one]`). " +
		"A cell that starts with `=`, `+`, `-`, `@`, a tab or a CR, after any `'`, has one `'` more in front, " +
		"so that a spreadsheet shows it as text rather than run it as a formula; import takes that `'` away.",
})

// csvColumns are the columns of an exported CSV file; the source and
// target columns are named by their languages.
var csvColumns = []string{"id", "kind", "state", "", "", "notes", "references"}

// pluralCategories are CLDR's categories, the suffixes of a plural unit's
// rows: llm.items[one].
var pluralCategories = []string{"zero", "one", "two", "few", "many", "other"}

// WriteCSV writes f as CSV (RFC 4180): a header row "id, kind, state,
// <source language>, <target language>, notes, references", then one row
// per unit, or per target plural category of a plural message with the
// category after its ID (greeting[one]).
func WriteCSV(w io.Writer, f *File) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true // as RFC 4180 says
	head := slices.Clone(csvColumns)
	head[3], head[4] = f.SourceLang, f.TargetLang
	if err := cw.Write(head); err != nil {
		return err
	}
	for _, u := range f.Units {
		var refs []string
		for _, r := range u.Refs {
			refs = append(refs, r.Path+":"+strconv.Itoa(r.Line))
		}
		row := func(id, source, target string) []string {
			cells := []string{id, u.Kind, string(u.State), source, target, strings.Join(u.Notes, "\n"), strings.Join(refs, " ")}
			for i, c := range cells {
				cells[i] = CSVCell(c)
			}
			return cells
		}
		// CSV readers turn CR LF into LF inside a cell, and some drop a
		// lone CR: text with a CR would not come back as it was.
		for _, s := range append([]string{u.ID, u.Source, u.Target, u.Kind}, u.Notes...) {
			if strings.Contains(s, "\r") {
				return fmt.Errorf("unit %q: CSV cannot keep a carriage return (CR); export as PO or XLIFF", u.ID)
			}
		}
		for _, forms := range []map[string]string{u.SourceForms, u.TargetForms} {
			for _, s := range forms {
				if strings.Contains(s, "\r") {
					return fmt.Errorf("unit %q: CSV cannot keep a carriage return (CR); export as PO or XLIFF", u.ID)
				}
			}
		}
		if !u.Plural() {
			if err := cw.Write(row(u.ID, u.Source, u.Target)); err != nil {
				return err
			}
			continue
		}
		for _, c := range pluralCategories {
			target, ok := u.TargetForms[c]
			if !ok {
				continue
			}
			source, ok := u.SourceForms[c]
			if !ok {
				source = u.SourceForms["other"]
			}
			if err := cw.Write(row(u.ID+"["+c+"]", source, target)); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// ReadCSV reads a CSV file in WriteCSV's layout. Rows whose ID ends in a
// CLDR category in brackets are regrouped into plural units.
func ReadCSV(data []byte) (*File, error) { return readCSV(data, limits.ImportUnits) }

// readCSV is ReadCSV for a file of at most max rows of units.
func readCSV(data []byte, max int) (*File, error) {
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
	r.FieldsPerRecord = -1
	head, err := r.Read()
	if err != nil {
		return nil, csvError(r, err)
	}
	col := map[string]int{}
	var langs []int
	for i, h := range head {
		h = strings.TrimSpace(h)
		switch h {
		case "id", "kind", "state", "notes", "references":
			col[h] = i
		default:
			if _, err := language.Parse(h); err == nil {
				langs = append(langs, i)
			}
		}
	}
	if _, ok := col["id"]; !ok || len(langs) != 2 {
		return nil, l10n.At(1, 1, l10n.Msg("import.csvHeader"))
	}
	f := &File{SourceLang: strings.TrimSpace(head[langs[0]]), TargetLang: strings.TrimSpace(head[langs[1]])}
	plurals := map[string]int{} // unit ID → index in f.Units
	for rows := 1; ; rows++ {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, csvError(r, err)
		}
		if rows > max {
			line, _ := r.FieldPos(0)
			return nil, limits.TooManyUnits(line, 1, max)
		}
		for i, c := range rec {
			rec[i] = csvUncell(c)
		}
		get := func(name string) string {
			if i, ok := col[name]; ok && i < len(rec) {
				return rec[i]
			}
			return ""
		}
		at := func(i int) string {
			if i < len(rec) {
				return rec[i]
			}
			return ""
		}
		id := get("id")
		line, _ := r.FieldPos(0)
		u := Unit{ID: id, Kind: get("kind"), Source: at(langs[0]), Target: at(langs[1]), State: State(get("state")), Line: line}
		if n := get("notes"); n != "" {
			u.Notes = strings.Split(n, "\n")
		}
		u.Refs = parseRefs(get("references"))
		switch u.State {
		case New, NeedsReview, Translated:
		case "":
			u.State = New
			if u.Target != "" {
				u.State = Translated
			}
		default:
			return nil, l10n.At(line, 1, l10n.Msg("import.csvState", "State", strconv.Quote(string(u.State))))
		}
		if base, c, ok := pluralID(id); ok {
			i, seen := plurals[base]
			if !seen {
				i = len(f.Units)
				plurals[base] = i
				f.Units = append(f.Units, Unit{ID: base, Kind: u.Kind, State: u.State, Notes: u.Notes, Refs: u.Refs, Line: line,
					SourceForms: map[string]string{}, TargetForms: map[string]string{}})
			}
			pu := &f.Units[i]
			pu.SourceForms[c] = u.Source
			pu.TargetForms[c] = u.Target
			if stateRank(u.State) < stateRank(pu.State) {
				pu.State = u.State // a plural unit is as done as its least done form
			}
			continue
		}
		f.Units = append(f.Units, u)
	}
	// WriteCSV gives a category the source lacks the source's "other";
	// the source has only its own.
	for _, i := range plurals {
		sf := f.Units[i].SourceForms
		for c, text := range sf {
			if other, ok := sf["other"]; ok && c != "other" && c != "one" && text == other {
				delete(sf, c)
			}
		}
	}
	return f, nil
}

func stateRank(s State) int {
	switch s {
	case New:
		return 0
	case NeedsReview:
		return 1
	}
	return 2
}

// CSVCell returns a cell's text as glosa writes it in CSV: with a ' in
// front when it starts with a character that makes a spreadsheet read it
// as a formula (=, +, -, @, tab, CR: OWASP's list), after any run of ',
// so that "=1+1" is shown as text and "'=1+1" still comes back as it was
// (see csvUncell).
func CSVCell(s string) string {
	rest := strings.TrimLeft(s, "'")
	if rest != "" && strings.IndexByte("=+-@\t\r", rest[0]) >= 0 {
		return "'" + s
	}
	return s
}

// csvUncell undoes CSVCell: it takes one ' away from a cell that starts
// with ' and, after its run of ', with a formula character. A cell that
// does not is as the translator wrote it.
func csvUncell(s string) string {
	rest := strings.TrimLeft(s, "'")
	if len(rest) < len(s) && rest != "" && strings.IndexByte("=+-@\t\r", rest[0]) >= 0 {
		return s[1:]
	}
	return s
}

// pluralID splits "greeting[one]" into "greeting" and "one".
func pluralID(id string) (base, category string, ok bool) {
	if !strings.HasSuffix(id, "]") {
		return "", "", false
	}
	i := strings.LastIndexByte(id, '[')
	if i <= 0 || !slices.Contains(pluralCategories, id[i+1:len(id)-1]) {
		return "", "", false
	}
	return id[:i], id[i+1 : len(id)-1], true
}

func csvError(r *csv.Reader, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &l10n.Error{Line: pe.Line, Column: pe.Column, Text: l10n.Raw(pe.Err.Error()), Err: err}
	}
	if errors.Is(err, io.EOF) {
		return l10n.At(1, 1, l10n.Msg("import.empty"))
	}
	line, col := r.FieldPos(0)
	return &l10n.Error{Line: line, Column: col, Text: l10n.Raw(err.Error()), Err: err}
}

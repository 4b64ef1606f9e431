package exchange

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// FuzzReadCSV checks that whatever ReadCSV accepts, WriteCSV writes in a
// form ReadCSV reads back the same.
func FuzzReadCSV(f *testing.F) {
	var b bytes.Buffer
	if err := WriteCSV(&b, spanishFile()); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	f.Add([]byte("id,it,es\nx,a,b\n"))
	f.Add([]byte("id,it,es\n'=x,''-a,'@b\n'+y,=c,'\n"))
	f.Add([]byte("id,kind,state,it,es,notes,references\r\nn[one],message,new,a,,\"x\ny\",p:1 q:2\r\nn[other],message,translated,b,c,,\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		first, err := ReadCSV(data)
		if err != nil {
			return
		}
		var out bytes.Buffer
		if err := WriteCSV(&out, first); err != nil {
			return // text a CSV cell cannot hold is refused, not mangled
		}
		second, err := ReadCSV(out.Bytes())
		if err != nil {
			t.Fatalf("ReadCSV of WriteCSV's output: %v\n%q", err, out.String())
		}
		if diff := cmp.Diff(first, second, cmpopts.EquateEmpty(), ignoreLine); diff != "" {
			t.Errorf("round trip changed the file (-first +second):\n%s", diff)
		}
	})
}

// TestCSVCell checks that a cell a spreadsheet would run as a formula is
// written with a ' in front and read back byte for byte, and that a cell
// a translator wrote with a ' of their own keeps it.
func TestCSVCell(t *testing.T) {
	tests := []struct{ text, cell string }{
		{"", ""},
		{"hello", "hello"},
		{"=1+1", "'=1+1"},
		{"=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"},
		{"+34 600", "'+34 600"},
		{"- a list item\n- another", "'- a list item\n- another"},
		{"=== heading", "'=== heading"},
		{"@mention", "'@mention"},
		{"\tindented", "'\tindented"},
		{"'=1+1", "''=1+1"},
		{"''-x", "'''-x"},
		{"'quoted'", "'quoted'"},
		{"'", "'"},
		{"a=b", "a=b"},
		{" =1", " =1"},
	}
	for _, tt := range tests {
		if got := CSVCell(tt.text); got != tt.cell {
			t.Errorf("CSVCell(%q) = %q, want %q", tt.text, got, tt.cell)
		}
		if got := csvUncell(tt.cell); got != tt.text {
			t.Errorf("csvUncell(%q) = %q, want %q", tt.cell, got, tt.text)
		}
	}
	// A cell a translator typed without the ' is taken as it is.
	for _, s := range []string{"- item", "=x", "'"} {
		if got := csvUncell(s); got != s && CSVCell(s) == s {
			t.Errorf("csvUncell(%q) = %q", s, got)
		}
	}
}

// TestCSVFormulaRoundTrip checks a whole file whose every text starts
// with a formula character: the CSV holds no cell a spreadsheet would run,
// and reading it gives the file back.
func TestCSVFormulaRoundTrip(t *testing.T) {
	in := &File{SourceLang: "en", TargetLang: "es", Units: []Unit{
		{ID: "-x", Kind: "block", State: Translated, Source: "- item", Target: "=SUM(A1:A9)", Notes: []string{"@note", "+1"},
			Refs: []Ref{{Path: "content/en/x.md", Line: 3}}},
		{ID: "q", Kind: "block", State: New, Source: "'=quoted", Target: "''+twice"},
		{ID: "n", Kind: "message", State: Translated, SourceForms: map[string]string{"one": "=one", "other": "-other"},
			TargetForms: map[string]string{"one": "@uno", "other": "+otros"}},
	}}
	var b bytes.Buffer
	if err := WriteCSV(&b, in); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(b.Bytes())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range rows {
		for _, cell := range row {
			if cell != "" && strings.ContainsRune("=+-@\t", rune(cell[0])) {
				t.Errorf("cell %q starts with a formula character", cell)
			}
		}
	}
	out, err := ReadCSV(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(in, out, cmpopts.EquateEmpty(), ignoreLine); diff != "" {
		t.Errorf("round trip (-want +got):\n%s\n%s", diff, b.String())
	}
}

package po

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/glosa/glosa/internal/l10n"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []*Entry
	}{
		{
			name: "header and simple entry",
			in: `msgid ""
msgstr ""
"Language: es\n"

#: a.go:1
msgid "Hi"
msgstr "Hola"
`,
			want: []*Entry{
				{Translations: []string{"Language: es\n"}, Line: 1, FirstLine: 1, LastLine: 3},
				{References: []string{"a.go:1"}, ID: "Hi", Translations: []string{"Hola"}, Line: 6, FirstLine: 5, LastLine: 7},
			},
		},
		{
			name: "every comment kind, previous strings and context",
			in: `# translator
#
#. extracted
#: a.go:1 b.go:2
#, fuzzy, c-format
#| msgctxt "old"
#| msgid "Old %s"
msgctxt "menu"
msgid "New %s"
msgstr "Nuevo %s"
`,
			want: []*Entry{{
				Comments:   []string{"translator", ""},
				Extracted:  []string{"extracted"},
				References: []string{"a.go:1 b.go:2"},
				Flags:      []string{"fuzzy", "c-format"},
				Previous:   &Previous{Context: "old", HasContext: true, ID: "Old %s"},
				Context:    "menu", HasContext: true,
				ID: "New %s", Translations: []string{"Nuevo %s"},
				Line: 9, FirstLine: 1, LastLine: 10,
			}},
		},
		{
			name: "plural, multi-line strings and escapes",
			in: `msgid "one\tfile"
msgid_plural ""
"many \"files\"\n"
"\\ \101\x42 \a\b\f\v\r"
msgstr[0] "uno"
msgstr[1] ""
msgstr[2] "muchos"
`,
			want: []*Entry{{
				ID: "one\tfile", HasPlural: true, Plural: "many \"files\"\n\\ AB \a\b\f\v\r",
				Translations: []string{"uno", "", "muchos"},
				Line:         1, FirstLine: 1, LastLine: 7,
			}},
		},
		{
			name: "obsolete entries with previous strings",
			in: `msgid "a"
msgstr "b"

#, fuzzy
#~| msgid "old"
#~ msgid "gone"
#~ msgstr ""
#~ "ido"
`,
			want: []*Entry{
				{ID: "a", Translations: []string{"b"}, Line: 1, FirstLine: 1, LastLine: 2},
				{
					Flags: []string{"fuzzy"}, Previous: &Previous{ID: "old"}, ID: "gone",
					Translations: []string{"ido"}, Obsolete: true, Line: 6, FirstLine: 4, LastLine: 8,
				},
			},
		},
		{
			name: "CRLF, no final newline",
			in:   "msgid \"a\"\r\nmsgstr \"b\"\r\n\r\nmsgid \"c\"\r\nmsgstr \"d\"",
			want: []*Entry{
				{ID: "a", Translations: []string{"b"}, Line: 1, FirstLine: 1, LastLine: 2},
				{ID: "c", Translations: []string{"d"}, Line: 4, FirstLine: 4, LastLine: 5},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, f.Entries, cmpopts.IgnoreUnexported(Entry{})); diff != "" {
				t.Errorf("entries (-want +got):\n%s", diff)
			}
			if got := string(f.Encode()); got != tt.in {
				t.Errorf("Encode = %q, want %q", got, tt.in)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want l10n.Error
	}{
		{"unknown keyword", "msgid \"a\"\nmsgstr \"b\"\nmsgfoo \"c\"\n", l10n.Error{Line: 3, Column: 1, Text: l10n.Msg("po.unknownKeyword", "Keyword", `"msgfoo"`)}},
		{"unterminated string", "msgid \"a\nmsgstr \"b\"\n", l10n.Error{Line: 1, Column: 7, Text: l10n.Msg("po.eolInString")}},
		{"invalid escape", "msgid \"a\"\nmsgstr \"b\\q\"\n", l10n.Error{Line: 2, Column: 10, Text: l10n.Msg("po.controlSequence")}},
		{"missing msgstr", "msgid \"a\"\n\nmsgid \"b\"\nmsgstr \"c\"\n", l10n.Error{Line: 3, Column: 1, Text: l10n.Msg("po.outOfPlace", "Keyword", "msgid")}},
		{"missing msgstr at end", "msgid \"a\"\n", l10n.Error{Line: 1, Column: 1, Text: l10n.Msg("po.missingMsgstr")}},
		{"msgstr without msgid", "msgstr \"a\"\n", l10n.Error{Line: 1, Column: 1, Text: l10n.Msg("po.outOfPlace", "Keyword", "msgstr")}},
		{"plural index out of order", "msgid \"a\"\nmsgid_plural \"b\"\nmsgstr[1] \"c\"\n", l10n.Error{Line: 3, Column: 1, Text: l10n.Msg("po.outOfPlace", "Keyword", "msgstr[1]")}},
		{"msgstr[N] without plural", "msgid \"a\"\nmsgstr[0] \"c\"\n", l10n.Error{Line: 2, Column: 1, Text: l10n.Msg("po.outOfPlace", "Keyword", "msgstr[0]")}},
		{"plain msgstr after plural", "msgid \"a\"\nmsgid_plural \"b\"\nmsgstr \"c\"\n", l10n.Error{Line: 3, Column: 1, Text: l10n.Msg("po.outOfPlace", "Keyword", "msgstr")}},
		{"duplicate", "msgid \"a\"\nmsgstr \"b\"\n\nmsgid \"a\"\nmsgstr \"c\"\n", l10n.Error{Line: 4, Column: 1, Text: l10n.Msg("po.duplicate", "Line", 1)}},
		{"mixed obsolete", "#~ msgid \"a\"\nmsgstr \"b\"\n", l10n.Error{Line: 2, Column: 1, Text: l10n.Msg("po.inconsistentObsolete")}},
		{"text after string", "msgid \"a\" x\nmsgstr \"b\"\n", l10n.Error{Line: 1, Column: 11, Text: l10n.Msg("po.textAfterString")}},
		{"string without keyword", "\"a\"\n", l10n.Error{Line: 1, Column: 1, Text: l10n.Msg("po.stringWithoutKeyword")}},
		{"octal escape past a byte", "msgid \"a\"\nmsgstr \"b \\777\"\n", l10n.Error{Line: 2, Column: 11, Text: l10n.Msg("po.controlSequence")}},
		{"UTF-16", "\xff\xfem\x00s\x00", l10n.Error{Line: 1, Column: 1, Err: ErrUTF16, Text: l10n.Msg("err.utf16")}},
		{"NUL in msgstr", "msgid \"a\"\nmsgstr \"b\x00c\"\n", l10n.Error{Line: 2, Column: 10, Err: ErrNUL, Text: l10n.Msg("err.nul")}},
		{"invalid UTF-8", "msgid \"a\"\nmsgstr \"Adi\xf3s\"\n", l10n.Error{Line: 2, Column: 12, Err: ErrInvalidUTF8, Text: l10n.Msg("err.invalidUTF8")}},
		{"invalid UTF-8 in a UTF-8 file", "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\nmsgid \"a\"\nmsgstr \"Adi\xf3s\"\n",
			l10n.Error{Line: 5, Column: 12, Err: ErrInvalidUTF8, Text: l10n.Msg("err.invalidUTF8")}},
		{"escape that is not UTF-8", "msgid \"a\"\nmsgstr \"\"\n\nmsgid \"b\"\nmsgstr \"\\200\"\n", l10n.Error{Line: 4, Column: 1, Err: ErrInvalidUTF8, Text: l10n.Msg("err.invalidUTF8")}},
		{"NUL escape in msgstr", "msgid \"a\"\nmsgstr \"b\\0c\"\n", l10n.Error{Line: 2, Column: 10, Err: ErrNUL, Text: l10n.Msg("po.nulEscape")}},
		{"hex NUL escape", "msgid \"a\"\nmsgstr \"b\\x00\"\n", l10n.Error{Line: 2, Column: 10, Err: ErrNUL, Text: l10n.Msg("po.nulEscape")}},
		{"UTF-8 under Latin-1", "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=ISO-8859-1\\n\"\n\nmsgid \"images\"\nmsgstr \"im\u00e1genes\"\n",
			l10n.Error{Line: 5, Column: 11, Err: ErrCharsetMismatch, Text: l10n.Msg("catalog.charsetMismatch", "Charset", "ISO-8859-1")}},
		{"multibyte charset", "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=Shift_JIS\\n\"\n",
			l10n.Error{Line: 2, Column: 43, Err: ErrCharset, Text: l10n.Msg("catalog.charset", "Charset", "Shift_JIS")}},
		{"unknown charset", "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=klingon\\n\"\n",
			l10n.Error{Line: 2, Column: 43, Err: ErrCharset, Text: l10n.Msg("catalog.charset", "Charset", "klingon")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.in))
			var se *l10n.Error
			if !errors.As(err, &se) {
				t.Fatalf("Parse error = %v, want an *l10n.Error", err)
			}
			if diff := cmp.Diff(tt.want, *se, cmpopts.EquateErrors()); diff != "" {
				t.Errorf("Parse error mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRoundTripTestdata(t *testing.T) {
	for _, path := range seedFiles(t) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		f, err := Parse(data)
		if err != nil {
			t.Fatalf("%s:%v", path, err)
		}
		if got := f.Encode(); string(got) != string(data) {
			t.Errorf("%s: Encode differs from the input:\n%s", path, cmp.Diff(string(data), string(got)))
		}
	}
}

func TestHeader(t *testing.T) {
	f := parseFile(t, "testdata/pydocs.po")
	if got := f.Language(); got != "fr" {
		t.Errorf("Language = %q, want fr", got)
	}
	if got := f.Charset(); got != "UTF-8" {
		t.Errorf("Charset = %q, want UTF-8", got)
	}
	n, expr, ok := f.PluralForms()
	wantExpr := "(n == 0 || n == 1) ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2"
	if !ok || n != 3 || expr != wantExpr {
		t.Errorf("PluralForms = %d, %q, %v; want 3, %q, true", n, expr, ok, wantExpr)
	}
	var names []string
	for _, h := range f.HeaderFields() {
		names = append(names, h.Name)
	}
	want := []string{"Project-Id-Version", "Report-Msgid-Bugs-To", "POT-Creation-Date", "PO-Revision-Date",
		"Last-Translator", "Language-Team", "MIME-Version", "Content-Type", "Content-Transfer-Encoding",
		"Language", "Plural-Forms"}
	if diff := cmp.Diff(want, names); diff != "" {
		t.Errorf("header field order (-want +got):\n%s", diff)
	}
	if _, _, ok := parseString(t, "msgid \"\"\nmsgstr \"Plural-Forms: nplurals=x;\\n\"\n").PluralForms(); ok {
		t.Error("PluralForms accepted a malformed nplurals")
	}
}

func TestBOM(t *testing.T) {
	f := parseFile(t, "testdata/crlf_bom.po")
	if f.Language() != "fr" || len(f.Entries) != 3 || f.Entries[1].ID != "Hello" {
		t.Errorf("BOM file read wrongly: %+v", f.Entries)
	}
}

// seedFiles returns the PO files under testdata.
func seedFiles(t testing.TB) []string {
	paths, err := filepath.Glob("testdata/*.po")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no PO files in testdata: %v", err)
	}
	return paths
}

// parseFile parses a file, failing the test on error.
func parseFile(t testing.TB, path string) *File {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := Parse(data)
	if err != nil {
		t.Fatalf("%s:%v", path, err)
	}
	return f
}

// parseString parses PO text, failing the test on error.
func parseString(t testing.TB, s string) *File {
	t.Helper()
	f, err := Parse([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestLatin1 checks that a file in ISO-8859-1 reads as UTF-8 text and is
// written back in ISO-8859-1, byte for byte when unedited; a character
// ISO-8859-1 lacks turns the file into UTF-8, its header saying so.
func TestLatin1(t *testing.T) {
	in := "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=ISO-8859-1\\n\"\n\nmsgid \"Bye\"\nmsgstr \"Adi\xf3s\"\n"
	f, err := Parse([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Lookup("Bye").Translations[0]; got != "Adiós" {
		t.Errorf("msgstr = %q, want Adiós", got)
	}
	if got := string(f.Encode()); got != in {
		t.Errorf("Encode = %q, want the input", got)
	}

	f.Lookup("Bye").SetTranslations("Adiós…")
	want := "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\nmsgid \"Bye\"\nmsgstr \"Adiós…\"\n"
	if diff := cmp.Diff(want, string(f.Encode())); diff != "" {
		t.Errorf("Encode with … (-want +got):\n%s", diff)
	}
	if got := f.Charset(); got != "ISO-8859-1" {
		t.Errorf("Encode changed the file: Charset = %q", got)
	}

	f.Lookup("Bye").SetTranslations("Adiós otra vez")
	if got, want := string(f.Encode()), strings.ReplaceAll(in, "Adi\xf3s", "Adi\xf3s otra vez"); got != want {
		t.Errorf("Encode = %q, want %q", got, want)
	}
}

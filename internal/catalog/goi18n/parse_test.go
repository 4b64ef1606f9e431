package goi18n

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"golang.org/x/text/language"

	"github.com/glosa/glosa/internal/l10n"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name, path, in string
		lang           language.Tag
		want           []*Message
	}{
		{
			name: "toml tables, dotted keys, quoted keys, inline tables",
			path: "locales/active.es.toml",
			in: `# comment [not a table]
Plain = "uno"
"quoted.key" = 'literal'
inline = { hash = "sha1-1", one = "1", other = "n" }

[Table]
description = """
multi
line"""
other = "t" # trailing

[a.b]
other = "nested"

[group]
x.other = "dotted"
x.hash = "sha1-2"

[ "spaced" . c ]
other = "spaced"
`,
			lang: language.Spanish,
			want: []*Message{
				{ID: "Plain", Text: map[Form]string{Other: "uno"}, Line: 2, Column: 1},
				{ID: "quoted.key", Text: map[Form]string{Other: "literal"}, Line: 3, Column: 1},
				{ID: "inline", Hash: "sha1-1", Text: map[Form]string{One: "1", Other: "n"}, Line: 4, Column: 1},
				{ID: "Table", Description: "multi\nline", Text: map[Form]string{Other: "t"}, Line: 6, Column: 1},
				{ID: "a.b", Text: map[Form]string{Other: "nested"}, Line: 12, Column: 1},
				{ID: "group.x", Hash: "sha1-2", Text: map[Form]string{Other: "dotted"}, Line: 16, Column: 1},
				{ID: "spaced.c", Text: map[Form]string{Other: "spaced"}, Line: 19, Column: 1},
			},
		},
		{
			name: "yaml nested, plural, translation key, empty",
			path: "es.yaml",
			in: `# top
a:
  b: uno
  c:
    one: "{{.Count}} día"
    other: "{{.Count}} días"
legacy:
  translation: viejo
empty: ""
block: |
  line one
  line two
`,
			lang: language.Spanish,
			want: []*Message{
				{ID: "a.b", Text: map[Form]string{Other: "uno"}, Line: 3, Column: 3},
				{ID: "a.c", Text: map[Form]string{One: "{{.Count}} día", Other: "{{.Count}} días"}, Line: 4, Column: 3},
				{ID: "legacy", Text: map[Form]string{Other: "viejo"}, Line: 7, Column: 1},
				{ID: "empty", Text: map[Form]string{}, Line: 9, Column: 1},
				{ID: "block", Text: map[Form]string{Other: "line one\nline two\n"}, Line: 10, Column: 1},
			},
		},
		{
			name: "json nested and compact",
			path: "en-US.json",
			in:   `{"a": {"b": "x", "c": {"description": "d", "other": "y"}}, "z": {"leftDelim": "<<", "rightDelim": ">>", "other": "<<.X>>"}}`,
			lang: language.AmericanEnglish,
			want: []*Message{
				{ID: "a.b", Text: map[Form]string{Other: "x"}, Line: 1, Column: 8},
				{ID: "a.c", Description: "d", Text: map[Form]string{Other: "y"}, Line: 1, Column: 18},
				{ID: "z", LeftDelim: "<<", RightDelim: ">>", Text: map[Form]string{Other: "<<.X>>"}, Line: 1, Column: 60},
			},
		},
		{name: "empty file", path: "it.toml", in: "", lang: language.Italian},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse(tt.path, []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if f.Lang != tt.lang {
				t.Errorf("Lang = %v, want %v", f.Lang, tt.lang)
			}
			if diff := cmp.Diff(tt.want, f.Messages, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("messages (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, path, in string
		line, col      int
	}{
		{"json syntax", "es.json", "{\n  \"a\": \"x\",\n  \"b\" \"y\"\n}\n", 3, 7},
		{"toml syntax", "es.toml", "a = \"x\"\nb = = 1\n", 2, 5},
		{"yaml syntax", "es.yaml", "a: x\nb: x\n  c: y\n", 3, 3},
		{"yaml duplicate", "es.yaml", "a: x\nb: y\na: z\n", 3, 0},
		{"mixed keys", "es.yaml", "a: x\ngroup:\n  other: y\n  child: z\n", 4, 3},
		{"not a string, no key named", "es.json", "{\n  \"a\": {\"other\": 1}\n}\n", 2, 9},
		{"not a string", "es.yaml", "a:\n  translation:\n    other: x\n    one: [1]\n", 4, 5},
		{"format", "es.xml", "<a/>", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.path, []byte(tt.in))
			var pe *l10n.Error
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is not an *l10n.Error", err)
			}
			if pe.Path != tt.path || pe.Line != tt.line || pe.Column != tt.col {
				t.Errorf("error at %s:%d:%d, want %s:%d:%d (%v)", pe.Path, pe.Line, pe.Column, tt.path, tt.line, tt.col, err)
			}
		})
	}
}

// TestParseFormat checks that a file of no go-i18n format is refused with
// an error callers can tell by ErrFormat.
func TestParseFormat(t *testing.T) {
	_, err := Parse("es.xml", []byte("<a/>"))
	if !errors.Is(err, ErrFormat) {
		t.Errorf("error %v does not wrap ErrFormat", err)
	}
}

// TestParseProblems checks the problems glosa finds itself, beyond what
// go-i18n and the format's parser report: each is an *l10n.Error with the
// message ID and data given.
func TestParseProblems(t *testing.T) {
	tests := []struct {
		name, path, in string
		line, col      int
		id             string
		data           map[string]any
	}{
		{"json duplicate", "es.json", "{\n  \"hello\": \"Hola\",\n  \"bye\": \"Adiós\",\n  \"hello\": \"Otra\"\n}\n",
			4, 3, "err.duplicateKey", map[string]any{"Key": "hello", "Line": 2}},
		{"json nested duplicate", "es.json", "{\"a\": {\"b\": {\"other\": \"x\", \"other\": \"y\"}}}",
			1, 28, "err.duplicateKey", map[string]any{"Key": "other", "Line": 1}},
		{"json dotted ID twice", "es.json", "{\"a\": {\"b\": \"x\"},\n\"a.b\": \"y\"}",
			2, 1, "catalog.duplicateID", map[string]any{"ID": "a.b", "Line": 1}},
		{"json list", "es.json", "\n  [\"hello\", \"bye\"]\n", 2, 3, "catalog.notMapping", nil},
		{"json string", "es.json", "\"hello\"", 1, 1, "catalog.notMapping", nil},
		{"yaml list", "es.yaml", "- hello\n- bye\n", 1, 1, "catalog.notMapping", nil},
		{"yaml scalar", "es.yaml", "# c\nhello\n", 2, 1, "catalog.notMapping", nil},
		{"json number", "es.json", "{\n  \"hello\": 42,\n  \"bye\": \"Adiós\"\n}\n",
			2, 3, "catalog.notText", map[string]any{"ID": "hello", "What": l10n.Msg("kind.number")}},
		{"json bool nested", "es.json", "{\"a\": {\"b\": true}}",
			1, 8, "catalog.notText", map[string]any{"ID": "a.b", "What": l10n.Msg("kind.bool")}},
		{"yaml date", "es.yaml", "a: x\nb: 2024-01-02\n",
			2, 1, "catalog.notText", map[string]any{"ID": "b", "What": l10n.Msg("kind.date")}},
		{"toml list", "es.toml", "bye = \"Adiós\"\nhello = [\"Hola\", \"Buenas\"]\n",
			2, 1, "catalog.notText", map[string]any{"ID": "hello", "What": l10n.Msg("kind.list")}},
		{"toml array of tables", "es.toml", "[[hello]]\nother = \"Hola\"\n",
			1, 1, "catalog.notText", map[string]any{"ID": "hello", "What": l10n.Msg("kind.list")}},
		{"toml integer", "es.toml", "[group]\nhello = 1\n",
			2, 1, "catalog.notText", map[string]any{"ID": "group.hello", "What": l10n.Msg("kind.number")}},
		{"field twice in two cases", "es.json", "{\"a\": {\n  \"other\": \"x\",\n  \"Other\": \"y\"}}",
			3, 3, "catalog.sameField", map[string]any{"Key": "Other", "First": "other", "Line": 2}},
		{"json invalid UTF-8", "es.json", "{\"hello\":\n \"Hol\xe1\"}\n", 2, 6, "err.invalidUTF8", nil},
		{"yaml invalid UTF-8", "es.yaml", "hello: Hol\xe1\n", 1, 11, "err.invalidUTF8", nil},
		{"json lone low surrogate", "es.json", "{\"hello\":\n \"Hol\\udc00a\"}\n", 2, 6, "catalog.surrogate", map[string]any{"Escape": "\\udc00"}},
		{"json high surrogate without its pair", "es.json", "{\"hello\": \"\\ud83d\\u0041\"}", 1, 12, "catalog.surrogate", map[string]any{"Escape": "\\ud83d"}},
		{"v1 list ID twice", "es.json", "[\n  {\"id\": \"a\", \"translation\": \"x\"},\n  {\"id\": \"a\", \"translation\": \"y\"}\n]",
			3, 3, "catalog.duplicateID", map[string]any{"ID": "a", "Line": 2}},
		{"v1 list number", "es.json", "[\n  {\"id\": \"a\", \"translation\": \"x\"},\n  {\"id\": \"b\", \"translation\": 42}\n]",
			3, 3, "catalog.notText", map[string]any{"ID": "b", "What": l10n.Msg("kind.number")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.path, []byte(tt.in))
			var pe *l10n.Error
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is not an *l10n.Error", err)
			}
			if pe.Line != tt.line || pe.Column != tt.col {
				t.Errorf("error at %d:%d, want %d:%d (%v)", pe.Line, pe.Column, tt.line, tt.col, err)
			}
			var le *l10n.Error
			if !errors.As(err, &le) {
				t.Fatalf("error %v is not an *l10n.Error", err)
			}
			want := l10n.Msg(tt.id)
			if tt.data != nil {
				want.Data = tt.data
			}
			if diff := cmp.Diff(want, le.Text, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("message (-want +got):\n%s", diff)
			}
		})
	}
}

// TestParseV1 checks that a go-i18n v1 file, a list of messages with ids,
// is still read: it is no list of the wrong shape.
func TestParseV1(t *testing.T) {
	f, err := Parse("es.json", []byte(`[{"id": "hello", "translation": "Hola"}]`))
	if err != nil {
		t.Fatal(err)
	}
	if m := f.Message("hello"); m == nil || m.Other() != "Hola" {
		t.Errorf("hello = %+v, want Hola", m)
	}
}

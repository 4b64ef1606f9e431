package goi18n

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"golang.org/x/text/language"
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
		{"yaml syntax", "es.yaml", "a: x\nb: x\n  c: y\n", 3, 0},
		{"yaml duplicate", "es.yaml", "a: x\nb: y\na: z\n", 3, 0},
		{"mixed keys", "es.yaml", "a: x\ngroup:\n  other: y\n  child: z\n", 4, 3},
		{"not a string, no key named", "es.json", "{\n  \"a\": {\"other\": 1}\n}\n", 0, 0},
		{"not a string", "es.yaml", "a:\n  translation:\n    other: x\n    one: [1]\n", 4, 5},
		{"format", "es.xml", "<a/>", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.path, []byte(tt.in))
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is not a *ParseError", err)
			}
			if pe.Path != tt.path || pe.Line != tt.line || pe.Column != tt.col {
				t.Errorf("error at %s:%d:%d, want %s:%d:%d (%v)", pe.Path, pe.Line, pe.Column, tt.path, tt.line, tt.col, err)
			}
		})
	}
}

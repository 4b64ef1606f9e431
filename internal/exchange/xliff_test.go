package exchange

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/glosa/glosa/internal/l10n"
)

// trickyFile has a unit for each thing XLIFF makes hard.
func trickyFile() *File {
	return &File{
		SourceLang: "en", TargetLang: "pl", Original: "glosa",
		Units: []Unit{
			{ID: "llm#title", Kind: KindField, Source: "Large language model", Target: "Duży model językowy", State: Translated,
				Notes: []string{"the entry's title", "second\nnote  with  spaces"}, Refs: []Ref{{Path: "content/en/llm.md", Line: 2}}},
			{ID: "llm#p-3f9a1c2b", Kind: "paragraph", Source: "  leading, trailing  \n\nand a blank line\t", Target: "", State: New,
				Refs: []Ref{{Path: "content/en/llm.md", Line: 7}, {Path: "a path:with colon", Line: 0}}},
			{ID: "a.b.c", Kind: KindMessage, Source: `<b>bold</b> & "quotes" 'apos' ]]> \r CR`, Target: `<b>grassetto</b> & "virgolette"`, State: NeedsReview,
				Previous: "<b>bold</b> & \"quotes\"", Flags: []string{"go-format", "c-format"}, SourceHash: "sha1-0123abc"},
			{ID: "with space and ünïcödé 日本", Source: "日本語 🎉 e\u0301", Target: "tekst", State: New},
			{ID: "ctx\x04msgid\nwith newline", Source: "x", Target: "y", State: Translated},
			{ID: "", Source: "empty id", State: Translated},
			{ID: "llm#sources[1].text", Source: "translated but empty", State: Translated},
			{ID: "items", Kind: KindMessage, State: NeedsReview, Notes: []string{"a plural"}, Refs: []Ref{{Path: "locales/en.yaml", Line: 3}},
				Previous:    "{{.Count}} thing",
				SourceForms: map[string]string{"one": "{{.Count}} item", "other": "{{.Count}} items"},
				TargetForms: map[string]string{"one": "{{.Count}} element", "few": "{{.Count}} elementy", "many": "", "other": "{{.Count}} elementu"}},
			{ID: "new plural", Kind: KindMessage, State: New,
				SourceForms: map[string]string{"one": "one", "other": "other"},
				TargetForms: map[string]string{"one": "", "few": "", "many": "", "other": ""}},
			{ID: "ja-like plural", Kind: KindMessage, State: Translated,
				SourceForms: map[string]string{"one": "one cat", "other": "cats"},
				TargetForms: map[string]string{"other": "neko"}},
			{ID: "duplicate-ish", Source: "a", State: New},
			{ID: "duplicate_ish", Source: "b", State: New},
			{ID: "items[one]", Source: "not a plural form", Target: "x", State: NeedsReview},
			{ID: "new with target", Source: "s", Target: "t", State: New},
			// Inline codes: a link localized, codes moved, nested, at the
			// edges; a target whose codes differ, written as text.
			{ID: "llm#p-inline", Kind: "paragraph", State: Translated, Refs: []Ref{{Path: "content/en/llm.md", Line: 9}},
				Source: "`go run` reads [the *docs* and `x`](/en/docs/ \"T\") {{< ref \"a\" >}} [2, 3]\n![alt](i.png) <kbd>K</kbd> <https://x.test> & more",
				Target: "[les *docs* et `x`](/fr/docs/ \"T\") lit `go run` [2, 3] {{< ref \"a\" >}}\n![alt](i.png) <kbd>K</kbd> <https://x.test> & plus"},
			{ID: "llm#p-lost", Kind: "paragraph", State: NeedsReview, Source: "Run `a` and `b`.", Target: "Lancez `a`."},
			{ID: "app#mdx", Kind: "paragraph", State: New, Refs: []Ref{{Path: "src/content/docs/en/x.mdx", Line: 1}},
				Source: "Use <Badge text=\"New\" /> and {props.name} in [a link](</a b/>)"},
			{ID: "count", Kind: KindMessage, Flags: []string{"c-format"}, State: Translated,
				SourceForms: map[string]string{"one": "%d file in %s", "other": "%d files in %s"},
				TargetForms: map[string]string{"one": "%2$s: %1$d Datei", "other": "%2$s: %1$d Dateien"}},
			{ID: "hello", Kind: KindMessage, Source: "Hello, {{.Name}}{{if .Admin}} (admin){{end}}!", Target: "Hallo, {{.Name}}{{if .Admin}} (Admin){{end}}!", State: Translated},
		},
	}
}

var writers = []struct {
	name   Format
	write  func(*bytes.Buffer, *File) error
	schema string
}{
	{"xliff12", func(b *bytes.Buffer, f *File) error { return WriteXLIFF12(b, f) }, "xliff-core-1.2-transitional.xsd"},
	{"xliff20", func(b *bytes.Buffer, f *File) error { return WriteXLIFF20(b, f) }, "xliff-core-2.0.xsd"},
}

var ignoreFormat = cmpopts.IgnoreFields(File{}, "Format")

func TestXLIFFRoundTrip(t *testing.T) {
	files := map[string]*File{
		"tricky":             trickyFile(),
		"empty":              {SourceLang: "it", TargetLang: "es", Original: "glosa"},
		"no target language": {SourceLang: "en", Units: []Unit{{ID: "a", Source: "b", State: New}}},
	}
	for _, w := range writers {
		for name, f := range files {
			t.Run(string(w.name)+"/"+name, func(t *testing.T) {
				var buf bytes.Buffer
				if err := w.write(&buf, f); err != nil {
					t.Fatal(err)
				}
				got, err := ReadXLIFF(buf.Bytes())
				if err != nil {
					t.Fatalf("%v\n%s", err, buf.Bytes())
				}
				if got.Format != w.name {
					t.Errorf("Format = %q, want %q", got.Format, w.name)
				}
				if diff := cmp.Diff(f, got, ignoreFormat, ignoreLine); diff != "" {
					t.Errorf("round trip (-wrote +read):\n%s\n%s", diff, buf.Bytes())
				}
			})
		}
	}
}

func TestXLIFFSchema(t *testing.T) {
	schemas := filepath.Join("..", "..", "..", "shared", "schemas")
	xmllint, err := exec.LookPath("xmllint")
	if err == nil {
		_, err = os.Stat(schemas)
	}
	if err != nil {
		if os.Getenv("CI") == "" {
			t.Skipf("cannot validate against the XLIFF schemas: %v", err)
		}
		t.Fatalf("cannot validate against the XLIFF schemas: %v", err)
	}
	files := map[string]*File{"tricky": trickyFile(), "empty": {SourceLang: "it", TargetLang: "es", Original: "glosa"}}
	for _, w := range writers {
		for name, f := range files {
			t.Run(string(w.name)+"/"+name, func(t *testing.T) {
				var buf bytes.Buffer
				if err := w.write(&buf, f); err != nil {
					t.Fatal(err)
				}
				path := filepath.Join(t.TempDir(), "out.xlf")
				if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				out, err := exec.Command(xmllint, "--noout", "--schema", filepath.Join(schemas, w.schema), path).CombinedOutput()
				if err != nil {
					t.Errorf("xmllint: %v\n%s\n%s", err, out, buf.Bytes())
				}
			})
		}
	}
}

func TestXLIFFWriteRefuses(t *testing.T) {
	tests := []struct {
		name string
		u    Unit
		want string
	}{
		{"control in source", Unit{ID: "u1", Source: "a\x01b", State: New}, `unit "u1": the source contains U+0001`},
		{"nul in note", Unit{ID: "u2", Source: "a", State: New, Notes: []string{"\x00"}}, `unit "u2": the note contains U+0000`},
		{"bad UTF-8 in target", Unit{ID: "u3", Source: "a", Target: "\xff", State: Translated}, `unit "u3": the target contains bytes that are not UTF-8`},
		{"U+FFFE in a plural form", Unit{ID: "u4", State: New, SourceForms: map[string]string{"other": "\uFFFE"}, TargetForms: map[string]string{"other": ""}}, `unit "u4": the source other contains U+FFFE`},
		{"unknown state", Unit{ID: "u5", Source: "a", State: "done"}, `unknown state "done"`},
		{"unknown category", Unit{ID: "u6", State: New, SourceForms: map[string]string{"lots": "a"}}, `unit "u6": unknown plural category "lots"`},
	}
	for _, w := range writers {
		for _, tt := range tests {
			t.Run(string(w.name)+"/"+tt.name, func(t *testing.T) {
				var buf bytes.Buffer
				err := w.write(&buf, &File{SourceLang: "en", TargetLang: "it", Units: []Unit{tt.u}})
				if err == nil || !strings.Contains(err.Error(), tt.want) {
					t.Errorf("error = %v, want one containing %q", err, tt.want)
				}
			})
		}
	}
}

func TestReadXLIFFSamples(t *testing.T) {
	tests := []struct {
		file string
		want *File
	}{
		{"omegat-12.xlf", &File{Format: "xliff12", SourceLang: "en", TargetLang: "de", Original: "messages.po", Units: []Unit{
			{ID: "greeting", Source: "Hello, world.", Target: "Hallo, Welt.", State: Translated},
			{ID: "bye", Source: "Goodbye. See you.", Target: "Tschüss. Bis bald.", State: Translated, Notes: []string{"Said when leaving"}},
			{ID: "todo", Source: "Not done", Target: "", State: New},
			{ID: "fuzzy", Source: "Open the file", Target: "Datei öffnen", State: NeedsReview},
			{ID: "approved", Source: "Save", Target: "Speichern", State: Translated, Refs: []Ref{{Path: "src/app.go", Line: 12}}},
			{ID: "4", Source: "Click %s now", Target: "Klicken Sie jetzt auf %s", State: Translated},
			{ID: "bold", Source: "Some bold text", Target: "Etwas fetter Text", State: Translated},
			{ID: "stale new", Source: "Filled", Target: "Gefüllt", State: Translated},
		}}},
		{"okapi-20.xlf", &File{Format: "xliff20", SourceLang: "en-US", TargetLang: "fr-FR", Original: "strings.properties", Units: []Unit{
			{ID: "app.title", Source: "My App", Target: "Mon application", State: Translated, Notes: []string{"Window title"}},
			{ID: "tu2", Source: "First sentence. Second sentence.", Target: "Première phrase. Deuxième phrase.", State: NeedsReview},
			{ID: "tu3", Source: "Press {0} to <b>start</b>", Target: "Appuyez sur {0} pour <b>démarrer</b>", State: Translated},
			{ID: "tu4", Source: "Empty", Target: "", State: New},
			{ID: "tu5", Source: "Tab\there", Target: "", State: New},
		}}},
		{"plural-12.xlf", &File{Format: "xliff12", SourceLang: "en", TargetLang: "ru", Original: "glosa", Units: []Unit{
			{ID: "files", Kind: KindMessage, State: New /* its least done form */, Notes: []string{"group note", "unit note"},
				SourceForms: map[string]string{"one": "%d file", "other": "%d files"},
				TargetForms: map[string]string{"one": "%d файл", "few": "%d файла", "many": "", "other": "%d файла"}},
		}}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "xliff", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			got, err := ReadXLIFF(data)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got, ignoreLine); diff != "" {
				t.Errorf("ReadXLIFF (-want +got):\n%s", diff)
			}
		})
	}
}

// posErr is an error's position and English words, as tests pin them.
type posErr struct {
	Line, Col int
	Msg       string
}

func TestReadXLIFFErrors(t *testing.T) {
	tests := []struct {
		name string
		data string
		want posErr
	}{
		{"unclosed element", "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n<file>\n<body>\n</file>\n",
			posErr{Line: 5, Msg: "element <body> closed by </file>"}},
		{"unknown version", "<?xml version=\"1.0\"?>\n\n<xliff version=\"3.0\" xmlns=\"urn:oasis:names:tc:xliff:document:3.0\">\n</xliff>\n",
			posErr{Line: 3, Col: 1, Msg: `unknown XLIFF namespace "urn:oasis:names:tc:xliff:document:3.0" (glosa reads XLIFF 1.2 and 2.0)`}},
		{"unknown version without namespace", "<xliff version=\"1.0\"><file/></xliff>",
			posErr{Line: 1, Col: 1, Msg: `unknown XLIFF version "1.0" (glosa reads XLIFF 1.2 and 2.0)`}},
		{"not XLIFF", "<html>\n</html>", posErr{Line: 1, Col: 1, Msg: "not an XLIFF document: the root element is <html>"}},
		{"empty", "", posErr{Line: 1, Col: 1, Msg: "not an XLIFF document: no root element"}},
		{"no file", "<xliff version=\"2.0\" xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" srcLang=\"en\"/>",
			posErr{Line: 1, Col: 1, Msg: "the XLIFF document has no <file>"}},
		{"bad entity", "<xliff version=\"1.2\">\n<file>\n<body>\n<trans-unit id=\"a\"><source>&nbsp;</source></trans-unit></body></file></xliff>",
			posErr{Line: 4, Msg: "invalid character entity &nbsp;"}},
		{"placeholder without text", "<xliff version=\"1.2\">\n<file><body>\n  <trans-unit id=\"a\"><source>a <x id=\"1\"/> b</source></trans-unit></body></file></xliff>",
			posErr{Line: 3, Col: 32, Msg: `unit "a": <x/> stands for code glosa cannot know (it exchanges plain text)`}},
		{"cp of a control character", "<xliff version=\"2.0\" xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" srcLang=\"en\"><file id=\"f\">\n<unit id=\"u\"><segment><source>a<cp hex=\"0004\"/></source></segment></unit></file></xliff>",
			posErr{Line: 2, Col: 32, Msg: `unit "u": <cp hex="0004"> is not a character glosa can carry in XML`}},
		{"files of two languages", "<xliff version=\"1.2\">\n<file target-language=\"es\"><body/></file>\n<file target-language=\"es\"><body/></file>\n  <file target-language=\"en\"><body/></file></xliff>",
			posErr{Line: 4, Col: 3, Msg: "this <file> is for en, an earlier one for es: an XLIFF document given to import carries one language"}},
		{"bad glosa:id", "<xliff version=\"1.2\" xmlns:g=\"https://github.com/glosa/glosa/xliff\"><file><body>\n<trans-unit id=\"a\" g:id=\"x\"><source/></trans-unit></body></file></xliff>",
			posErr{Line: 2, Col: 1, Msg: `glosa:id x is not a Go-quoted string`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadXLIFF([]byte(tt.data))
			var se *l10n.Error
			if !errors.As(err, &se) {
				t.Fatalf("error = %v, want an *l10n.Error", err)
			}
			want := tt.want
			if want.Col == 0 {
				want.Col = se.Column // the decoder's column is not tested
			}
			if diff := cmp.Diff(want, posErr{se.Line, se.Column, se.Text.String()}); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
		})
	}
}

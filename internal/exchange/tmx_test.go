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

	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/limits"
)

// memoryFile is a memory as export writes it, with texts that test the
// escaping and the white space.
func memoryFile() *File {
	return &File{SourceLang: "en", TargetLang: "es", Format: tmxName, Units: []Unit{
		{ID: "llm#title", Source: "Large language model", Target: "Modelo de lenguaje grande", State: Translated,
			Refs: []Ref{{Path: "content/es/llm.md", Line: 2}}},
		{ID: "llm#p-3f9a1c2b", Source: "  <b>bold</b> & \"quotes\"\nsecond line  ", Target: "<b>negrita</b> & «comillas»\nsegunda línea", State: Translated,
			Refs: []Ref{{Path: "content/es/a path:with colon.md", Line: 7}}},
		{ID: "ctx\x04id", Source: "日本語 🎉 e\u0301", Target: "texto", State: Translated},
	}}
}

func TestTMXRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteTMX(&buf, memoryFile()); err != nil {
		t.Fatal(err)
	}
	got, err := ReadTMX(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	for i := range got.Units {
		got.Units[i].Line = 0
	}
	want := memoryFile()
	want.Units[2].ID = idText(want.Units[2].ID) // XML cannot carry \x04: written escaped
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("round trip (-wrote +read):\n%s\n%s", diff, buf.Bytes())
	}
	if Detect("x.tmx", buf.Bytes()) != tmxName {
		t.Errorf("Detect does not take glosa's TMX for TMX")
	}
}

// TestTMXDTD validates the TMX export against the LISA TMX 1.4b DTD.
func TestTMXDTD(t *testing.T) {
	dtd := filepath.Join("..", "..", "..", "shared", "schemas", "tmx", "tmx14.dtd")
	xmllint, err := exec.LookPath("xmllint")
	if err == nil {
		_, err = os.Stat(dtd)
	}
	if err != nil {
		if os.Getenv("CI") == "" {
			t.Skipf("cannot validate against the TMX DTD: %v", err)
		}
		t.Fatalf("cannot validate against the TMX DTD: %v", err)
	}
	for name, f := range map[string]*File{"memory": memoryFile(), "empty": {SourceLang: "en", TargetLang: "es"}} {
		var buf bytes.Buffer
		if err := WriteTMX(&buf, f); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "out.tmx")
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command(xmllint, "--noout", "--dtdvalid", dtd, path).CombinedOutput(); err != nil {
			t.Errorf("%s: xmllint: %v\n%s\n%s", name, err, out, buf.Bytes())
		}
	}
}

func TestReadTMX(t *testing.T) {
	tests := []struct {
		name, in string
		want     []Unit
		lang     string
		err      string // the error's text, with its place
	}{
		{name: "other tools", lang: "es-ES",
			in: `<?xml version="1.0"?><!DOCTYPE tmx SYSTEM "tmx14.dtd"><tmx version="1.4"><header srclang="EN"/><body>
<tu><tuv lang="en"><seg>Hello <bpt i="1">&lt;b&gt;</bpt>world<ept i="1">&lt;/b&gt;</ept><ph>x<sub>tip</sub></ph></seg></tuv><tuv xml:lang="es-ES"><seg>Hola</seg></tuv><tuv xml:lang="fr"><seg>Bonjour</seg></tuv></tu>
<tu tuid="no target"><tuv xml:lang="en"><seg>Alone</seg></tuv></tu>
</body></tmx>`,
			want: []Unit{{ID: "1", Source: "Hello <b>world</b>x", Target: "Hola", State: Translated, Line: 2}}},
		{name: "not TMX", in: `<xliff/>`, err: "1:1: not a TMX document: the root element is <xliff>"},
		{name: "no srclang", in: "<tmx>\n<header srclang=\"*all*\"/><body/></tmx>", err: "1:1: the TMX header names no source language (srclang)"},
		{name: "broken", in: "<tmx><header srclang=\"en\"/>\n<body><tu></body></tmx>", err: "2:"},
		{name: "too deep", in: `<tmx><header srclang="en"/><body><tu><tuv xml:lang="es"><seg>` + strings.Repeat("<hi>", limits.Depth) + `</seg></tuv></tu></body></tmx>`,
			err: "1:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := ReadTMX([]byte(tt.in))
			if tt.err != "" {
				var le *l10n.Error
				if !errors.As(err, &le) || !strings.HasPrefix(l10n.English().Error(err), tt.err) {
					t.Fatalf("err = %v, want one at %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, f.Units); diff != "" || f.TargetLang != tt.lang {
				t.Errorf("units (-want +got):\n%s; lang %q, want %q", diff, f.TargetLang, tt.lang)
			}
		})
	}
	many := "<tmx><header srclang=\"en\"/><body>" + strings.Repeat("<tu/>\n", 3) + "</body></tmx>"
	if _, err := readTMX([]byte(many), 2); !strings.HasPrefix(l10n.English().Error(err), "3:1:") {
		t.Errorf("a third tu past a limit of 2: err = %v, want one at 3:1", err)
	}
}

// FuzzReadTMX checks that whatever ReadTMX accepts survives being written
// and read again.
func FuzzReadTMX(f *testing.F) {
	var buf bytes.Buffer
	if err := WriteTMX(&buf, memoryFile()); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte(`<tmx><header srclang="en"/><body>` + strings.Repeat("<tu>", limits.Depth) + strings.Repeat("</tu>", limits.Depth) + `</body></tmx>`))
	f.Add([]byte(`<tmx><header srclang="en"/><body><tu><tuv xml:lang="es"><seg>` + strings.Repeat("<hi>", limits.Depth) + `x` + strings.Repeat("</hi>", limits.Depth) + `</seg></tuv></tu></body></tmx>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := readTMX(data, 1000)
		if err != nil {
			return
		}
		buf.Reset()
		if err := WriteTMX(&buf, a); err != nil {
			return // text XML cannot carry, refused by the writer
		}
		b, err := ReadTMX(buf.Bytes())
		if err != nil {
			t.Fatalf("reading what was written: %v\n%s", err, buf.Bytes())
		}
		for i := range a.Units {
			a.Units[i].Line = 0
			a.Units[i].ID = idText(a.Units[i].ID)
		}
		for i := range b.Units {
			b.Units[i].Line = 0
		}
		if a.TargetLang == "" {
			return // several languages: the writer writes one
		}
		if diff := cmp.Diff(a.Units, b.Units); diff != "" {
			t.Errorf("round trip (-first +second):\n%s", diff)
		}
	})
}

package term

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/glosa/glosa/internal/l10n"
)

const tbxCore = `<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Core" style="dca" xml:lang="it" xmlns="urn:iso:std:iso:30042:ed-2">
  <text><body>
    <conceptEntry id="llm">
      <langSec xml:lang="it">
        <termSec><term>modello linguistico</term>
          <termNote type="partOfSpeech">noun</termNote></termSec>
      </langSec>
      <langSec xml:lang="es">
        <termSec><term>modelo de lenguaje</term></termSec>
        <termSec><term>modelo lingüístico</term>
          <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
        <termSec><term> modelo lingual </term>
          <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termSec>
      </langSec>
    </conceptEntry>
    <conceptEntry>
      <langSec xml:lang="ES-es"><termSec><term>ajuste fino</term></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>
`

const tbxV2 = `<martif type="TBX" xml:lang="en">
<text><body>
<termEntry id="c1">
<langSet xml:lang="en"><tig><term>token</term></tig></langSet>
<langSet xml:lang="fr"><ntig><termGrp><term>jeton</term></termGrp><termNote type="normativeAuthorization">supersededTerm-admn-sts</termNote></ntig></langSet>
</termEntry>
</body></text>
</martif>
`

const csvWeblate = `source,target,context,description,pos,flags
addestramento,entrenamiento,,,noun,
addestramento,capacitación,,,noun,
llama.cpp,llama.cpp,,,,read-only
modello,modelo lingual,,,,forbidden

modello,modelo,,,,
`

const csvCrowdin = `Term [it],Description [it],Part of speech [it],Term [es]
token,,noun,token
"modello
linguistico",,,modelo de lenguaje
`

func TestReadTBX(t *testing.T) {
	tests := []struct {
		name string
		data string
		want []Term
	}{
		{"TBX-Core", tbxCore, []Term{
			{Text: "modello linguistico", Lang: "it", Concept: "llm", POS: "noun", Line: 6},
			{Text: "modelo de lenguaje", Lang: "es", Concept: "llm", Line: 10},
			{Text: "modelo lingüístico", Lang: "es", Concept: "llm", Status: Forbidden, Line: 11},
			{Text: "modelo lingual", Lang: "es", Concept: "llm", Status: Admitted, Line: 13},
			{Text: "ajuste fino", Lang: "es-ES", Concept: "tbx-2", Line: 18},
		}},
		{"TBX v2", tbxV2, []Term{
			{Text: "token", Lang: "en", Concept: "c1", Line: 4},
			{Text: "jeton", Lang: "fr", Concept: "c1", Status: Forbidden, Line: 5},
		}},
		{"a term outside a language or a concept is left out", `<tbx><termSec><term>x</term></termSec><langSec xml:lang="es"><termSec><term>y</term></termSec></langSec><conceptEntry id="c"></conceptEntry><langSec xml:lang="es"><termSec><term>z</term></termSec></langSec></tbx>`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadTBX([]byte(tt.data), 100)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("terms (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadCSV(t *testing.T) {
	tests := []struct {
		name string
		data string
		want []Term
	}{
		{"Weblate", csvWeblate, []Term{
			{Text: "addestramento", Lang: "it", Concept: "csv:addestramento", POS: "noun", Line: 2},
			{Text: "entrenamiento", Lang: "es", Concept: "csv:addestramento", POS: "noun", Status: Admitted, Line: 2},
			{Text: "addestramento", Lang: "it", Concept: "csv:addestramento", POS: "noun", Line: 3},
			{Text: "capacitación", Lang: "es", Concept: "csv:addestramento", POS: "noun", Status: Admitted, Line: 3},
			{Text: "llama.cpp", Lang: "it", Concept: "csv:llama.cpp", DoNotTranslate: true, Line: 4},
			{Text: "llama.cpp", Lang: "es", Concept: "csv:llama.cpp", Line: 4},
			{Text: "modello", Lang: "it", Concept: "csv:modello", Line: 5},
			{Text: "modelo lingual", Lang: "es", Concept: "csv:modello", Status: Forbidden, Line: 5},
			{Text: "modello", Lang: "it", Concept: "csv:modello", Line: 7},
			{Text: "modelo", Lang: "es", Concept: "csv:modello", Line: 7},
		}},
		{"Crowdin", csvCrowdin, []Term{
			{Text: "token", Lang: "it", Concept: "csv:token", POS: "noun", Line: 2},
			{Text: "token", Lang: "es", Concept: "csv:token", POS: "noun", Line: 2},
			{Text: "modello\nlinguistico", Lang: "it", Concept: "csv:modello\nlinguistico", Line: 3},
			{Text: "modelo de lenguaje", Lang: "es", Concept: "csv:modello\nlinguistico", Line: 3},
		}},
		{"no header: source and target", "Modello,Modelo\nsolo,\n", []Term{
			{Text: "Modello", Lang: "it", Concept: "csv:modello", Line: 1},
			{Text: "Modelo", Lang: "es", Concept: "csv:modello", Line: 1},
			{Text: "solo", Lang: "it", Concept: "csv:solo", Line: 2},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadCSV([]byte(tt.data), "it", "es", 100)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("terms (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name      string
		read      func() ([]Term, error)
		line, col int
		id        string
	}{
		{"TBX syntax", func() ([]Term, error) { return ReadTBX([]byte("<tbx>\n<a></b>\n</tbx>"), 10) }, 2, 0, "term.tbxSyntax"},
		{"TBX too deep", func() ([]Term, error) { return ReadTBX([]byte(deepXML(300)), 10) }, 1, 604, "term.tooDeep"},
		{"TBX bad language", func() ([]Term, error) {
			return ReadTBX([]byte("<tbx>\n <langSec xml:lang=\"e_s!\"></langSec></tbx>"), 10)
		}, 2, 27, ""},
		{"TBX too many terms", func() ([]Term, error) {
			return ReadTBX([]byte(`<tbx><conceptEntry id="c"><langSec xml:lang="es"><termSec><term>a</term></termSec>`+"\n"+`<termSec><term>b</term></termSec></langSec></conceptEntry></tbx>`), 1)
		}, 2, 1, "err.tooManyUnits"},
		{"CSV quote", func() ([]Term, error) { return ReadCSV([]byte("source,target\na\"b,c\n"), "it", "es", 10) }, 2, 2, "term.csvSyntax"},
		{"CSV too many rows", func() ([]Term, error) { return ReadCSV([]byte("a,b\nc,d\ne,f\n"), "it", "es", 2) }, 3, 1, "err.tooManyUnits"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts, err := tt.read()
			var le *l10n.Error
			if !errors.As(err, &le) {
				t.Fatalf("error %v (%T), want an *l10n.Error", err, err)
			}
			if ts != nil {
				t.Errorf("terms %v beside the error", ts)
			}
			if le.Line != tt.line || le.Column != tt.col {
				t.Errorf("at %d:%d, want %d:%d (%v)", le.Line, le.Column, tt.line, tt.col, err)
			}
			if tt.id != "" && le.Text.ID != tt.id {
				t.Errorf("message %q, want %q", le.Text.ID, tt.id)
			}
		})
	}
}

func deepXML(n int) string {
	s := ""
	for range n {
		s += "<a>"
	}
	return s
}

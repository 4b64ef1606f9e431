package term

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/glosa/glosa/internal/exchange"
)

// TestGlossaryReadBack checks that the TBX and Weblate CSV glosa writes
// for a language pair read back, as term files, with the same pairs.
func TestGlossaryReadBack(t *testing.T) {
	b := New("it", nil)
	b.Add(Term{Text: "modello linguistico", Lang: "it", Concept: "llm"},
		Term{Text: "modelo de lenguaje", Lang: "es", Concept: "llm"},
		Term{Text: "modelo lingüístico", Lang: "es", Concept: "llm", Status: Forbidden},
		Term{Text: "llama.cpp", Lang: "it", Concept: "3d-llama", DoNotTranslate: true},
		Term{Text: "addestramento", Lang: "it", Concept: "train"})
	g := b.Glossary("it", "es")
	type pair struct{ Source, Target string }
	want := []pair{{"llama.cpp", "llama.cpp"}, {"modello linguistico", "modelo de lenguaje"}}
	pairs := func(ts []Term) []pair {
		var out []pair
		src := map[string]string{}
		for _, t := range ts {
			if t.Lang == "it" {
				src[t.Concept] = t.Text
			}
		}
		for _, t := range ts {
			if t.Lang == "es" && t.Status != Forbidden {
				out = append(out, pair{src[t.Concept], t.Text})
			}
		}
		return out
	}
	var tbx bytes.Buffer
	if err := exchange.WriteTBX(&tbx, g); err != nil {
		t.Fatal(err)
	}
	ts, err := ReadTBX(tbx.Bytes(), 100)
	if err != nil {
		t.Fatalf("%v\n%s", err, tbx.Bytes())
	}
	if diff := cmp.Diff(want, pairs(ts)); diff != "" {
		t.Errorf("TBX pairs (-want +got):\n%s", diff)
	}
	var csv bytes.Buffer
	if err := exchange.WriteWeblateGlossary(&csv, g); err != nil {
		t.Fatal(err)
	}
	ts, err = ReadCSV(csv.Bytes(), "it", "es", 100)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, pairs(ts)); diff != "" {
		t.Errorf("CSV pairs (-want +got):\n%s", diff)
	}
	for _, tm := range ts {
		if tm.Text == "modelo lingüístico" && tm.Status != Forbidden {
			t.Errorf("the forbidden variant read back as %v:\n%s", tm.Status, csv.Bytes())
		}
	}
}

package exchange

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestUnitTermsRoundTrip checks that the terms a unit carries come back
// from each format that writes them, apart from its notes.
func TestUnitTermsRoundTrip(t *testing.T) {
	terms := []TermHint{{Term: "modello <linguistico>", Translation: "modelo & lenguaje"}, {Term: "addestramento", Translation: "entrenamiento"}, {Term: "addestramento", Translation: "capacitación"}}
	f := &File{SourceLang: "it", TargetLang: "es", Original: "glosa", Units: []Unit{
		{ID: "a#p-1", Kind: "paragraph", Source: "Un modello <linguistico> e l'addestramento.", State: New, Notes: []string{"paragraph"}, Terms: terms},
		{ID: "a#title", Kind: KindField, Source: "Titolo", Target: "Título", State: Translated},
	}}
	for _, name := range []Format{"po", xliff12, xliff20} {
		var buf bytes.Buffer
		if err := Write(&buf, f, name); err != nil {
			t.Fatal(err)
		}
		got, err := Read("es", buf.Bytes())
		if err != nil {
			t.Fatalf("%s: %v\n%s", name, err, buf.Bytes())
		}
		for i, u := range got.Units {
			if diff := cmp.Diff(f.Units[i].Terms, u.Terms); diff != "" {
				t.Errorf("%s: unit %s: terms (-wrote +read):\n%s", name, u.ID, diff)
			}
			if diff := cmp.Diff(f.Units[i].Notes, u.Notes); diff != "" {
				t.Errorf("%s: unit %s: notes (-wrote +read):\n%s", name, u.ID, diff)
			}
		}
	}
}

package status

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/glosa/glosa/internal/blockdiff"
	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/segment"
)

func TestRevise(t *testing.T) {
	schema := &config.Field{Kind: config.Object, Fields: map[string]*config.Field{"title": {Kind: config.Text}}, Keys: []string{"title"}}
	units := func(text string) []segment.Unit {
		d, err := content.Parse([]byte(text))
		if err != nil {
			t.Fatal(err)
		}
		return segment.Split(d, schema, "s")
	}
	old := lines("---", "title: Old", "---", "", "# Head", "", "Keep this paragraph as it is.", "",
		"The cat sleeps on the sofa.", "", "This paragraph will go.", "", "The end.")
	cur := lines("---", "title: New", "---", "", "# Head", "", "Keep this paragraph",
		"as it is.", "", "The cat sleeps on the red sofa.", "", "A brand new paragraph here.", "", "The end.")
	got := map[string]string{} // source text → change, previous
	rev := Revise(units(old), units(cur))
	for _, u := range units(cur) {
		c := rev[u.ID]
		got[u.Text] = string(c.Change) + "|" + c.Previous
		if c.Change != blockdiff.Added && c.OldID == "" {
			t.Errorf("%q: no old unit", u.Text)
		}
	}
	want := map[string]string{
		"New":                             "changed|Old",
		"Head":                            "|",
		"Keep this paragraph\nas it is.":  "|", // re-wrapped: the same
		"The cat sleeps on the red sofa.": "changed|The cat sleeps on the sofa.",
		"A brand new paragraph here.":     "added|",
		"The end.":                        "|",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Revise (-want +got):\n%s", diff)
	}
}

func TestUnitWords(t *testing.T) {
	tests := []struct {
		unit segment.Unit
		want int
	}{
		{segment.Unit{Kind: segment.KindField, Text: "How to get started"}, 4},
		{segment.Unit{Kind: segment.KindParagraph, Text: "Run `make all` then [read](https://example.org/docs)."}, 2},
		{segment.Unit{Kind: segment.KindHeading, Text: "Install *now*"}, 2},
	}
	for _, tt := range tests {
		if got := UnitWords(tt.unit); got != tt.want {
			t.Errorf("UnitWords(%q) = %d, want %d", tt.unit.Text, got, tt.want)
		}
	}
}

// A draft's words are those of the units it has not translated: empty,
// or still the source's text.
func TestDraftWords(t *testing.T) {
	r := ComputeWith(repo(t, testConfig, map[string]string{
		"content/it/a.md": lines("---", "title: Il gatto", "---", "", "Il gatto dorme sul divano.", "", "Il cane abbaia forte."),
		"content/es/a.md": lines("---", "title: Il gatto", "draft: true", "---", "", "El gato duerme en el sofá.", "", "Il cane abbaia forte."),
	}), nil)
	r.Revise(func(*content.Entry, *content.Record) ([]byte, bool) { return nil, false }, nil)
	for _, tr := range r.Items[0].Translations {
		if tr.Lang == "es" && tr.Words != 2+4 {
			t.Errorf("draft words = %d, want 6", tr.Words)
		}
	}
	if got := r.Languages[0].WordsToTranslate; got != 6 {
		t.Errorf("language words = %d, want 6", got)
	}
}

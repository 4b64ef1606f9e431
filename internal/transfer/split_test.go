package transfer

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/glosa/glosa/internal/exchange"
	"github.com/glosa/glosa/internal/status"
)

// TestSplit: entries' units keep the project's source, messages take their
// catalog's; the project's source comes first, each file keeps its order.
func TestSplit(t *testing.T) {
	en := &status.Catalog{Source: "en"}
	de := &status.Catalog{Source: "de"}
	same := &status.Catalog{Source: "it"}
	type file struct {
		Source string
		IDs    []string
	}
	tests := []struct {
		name  string
		units []string
		cats  map[string]*status.Catalog
		want  []file
	}{
		{"empty", nil, nil, []file{{"it", nil}}},
		{"one source", []string{"a#title", "greeting"}, map[string]*status.Catalog{"greeting": same},
			[]file{{"it", []string{"a#title", "greeting"}}}},
		{"catalog only", []string{"greeting"}, map[string]*status.Catalog{"greeting": en},
			[]file{{"en", []string{"greeting"}}}},
		{"three sources", []string{"x", "a#title", "greeting", "b#title", "hallo"},
			map[string]*status.Catalog{"x": en, "greeting": en, "hallo": de},
			[]file{{"it", []string{"a#title", "b#title"}}, {"de", []string{"hallo"}}, {"en", []string{"x", "greeting"}}}},
	}
	for _, tt := range tests {
		s := &Set{File: &exchange.File{SourceLang: "it", TargetLang: "es", Original: "glosa"}, targets: map[string]target{}}
		for _, id := range tt.units {
			s.add(exchange.Unit{ID: id}, target{cat: tt.cats[id]})
		}
		var got []file
		for _, f := range s.Split() {
			if f.TargetLang != "es" || f.Original != "glosa" {
				t.Errorf("%s: file %+v lost the target language or original", tt.name, f)
			}
			fl := file{Source: f.SourceLang}
			for _, u := range f.Units {
				fl.IDs = append(fl.IDs, u.ID)
			}
			got = append(got, fl)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
	}
}

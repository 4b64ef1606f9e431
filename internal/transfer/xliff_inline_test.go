package transfer

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/glosa/glosa/internal/exchange"
)

// TestXLIFFInlineSample writes the sample's units, as export collects them
// for each language, in both XLIFF versions, reads them back and expects
// the same units: every inline code (links, inline code, citations,
// placeholders) a tag, and its text rebuilt exactly.
func TestXLIFFInlineSample(t *testing.T) {
	root := sample(t)
	p := load(t, root)
	for _, lang := range []string{"es", "it"} {
		set := Collect(p.report, lang, nil)
		want := units(set.File.Units)
		for _, format := range []exchange.Format{"xliff12", "xliff20"} {
			t.Run(lang+"/"+string(format), func(t *testing.T) {
				var b bytes.Buffer
				if err := exchange.Write(&b, set.File, format); err != nil {
					t.Fatal(err)
				}
				f, err := exchange.Read("x.xlf", b.Bytes())
				if err != nil {
					t.Fatal(err)
				}
				for _, u := range f.Units {
					if u.Err != nil {
						t.Errorf("unit %s: %v", u.ID, u.Err)
					}
				}
				if diff := cmp.Diff(want, units(f.Units)); diff != "" {
					t.Errorf("units (-written +read):\n%s", diff)
				}
				tags := "<ph "
				if format == "xliff12" {
					tags = "</ph>"
				}
				if n := strings.Count(b.String(), tags); n == 0 {
					t.Errorf("no inline code written:\n%s", b.Bytes())
				}
			})
		}
	}
}

// unitText is what a unit says, without the fields a reader adds.
type unitText struct {
	ID, Kind, Source, Target, Previous, SourceHash string
	State                                          exchange.State
	SourceForms, TargetForms                       map[string]string
	Notes, Flags                                   []string
	Refs                                           []exchange.Ref
}

// units are us as XLIFF keeps them: a plural source form equal to
// "other"'s is "other"'s (see exchange's XLIFF doc).
func units(us []exchange.Unit) []unitText {
	out := make([]unitText, len(us))
	for i, u := range us {
		var forms map[string]string
		if u.Plural() {
			forms = map[string]string{}
			for c, s := range u.SourceForms {
				if c == "other" || s != u.SourceForms["other"] {
					forms[c] = s
				}
			}
		}
		out[i] = unitText{u.ID, u.Kind, u.Source, u.Target, u.Previous, u.SourceHash, u.State,
			forms, u.TargetForms, u.Notes, u.Flags, u.Refs}
	}
	return out
}

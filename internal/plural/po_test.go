package plural

import (
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestFormsOfCLDRHeader: the header compiled from CLDR maps each msgstr[]
// back to FormCategories, for every locale, with nothing shared.
func TestFormsOfCLDRHeader(t *testing.T) {
	var locales []string
	for l := range cldrLocales {
		locales = append(locales, l)
	}
	sort.Strings(locales)
	for _, l := range locales {
		s, err := Derive(l)
		if err != nil {
			t.Fatal(err)
		}
		n, src, err := ParseHeader(s.PluralForms())
		if err != nil {
			t.Fatalf("%s: %v", l, err)
		}
		e, err := ParseExpr(src)
		if err != nil {
			t.Fatalf("%s: %v", l, err)
		}
		po, err := s.Forms(n, e)
		if err != nil {
			t.Errorf("%s: %v", l, err)
			continue
		}
		if diff := cmp.Diff(PO{Forms: s.FormCategories()}, po); diff != "" {
			t.Errorf("%s: Forms of CLDR's header (-want +got):\n%s", l, diff)
		}
		if m := s.Merged(n, e); m != nil {
			t.Errorf("%s: CLDR's own header merges %+v", l, m)
		}
	}
}

// TestConventional: msginit's header where gettext has one, CLDR's
// elsewhere, and every msginit header maps to distinct categories.
func TestConventional(t *testing.T) {
	tests := []struct {
		lang   string
		header string
		po     PO
	}{
		{"fr", "nplurals=2; plural=(n > 1);", PO{Forms: []Category{One, Other}, Shared: map[Category]int{Many: 1}}},
		{"es", "nplurals=2; plural=(n != 1);", PO{Forms: []Category{One, Other}, Shared: map[Category]int{Many: 1}}},
		{"it", "nplurals=2; plural=(n != 1);", PO{Forms: []Category{One, Other}, Shared: map[Category]int{Many: 1}}},
		{"pt-BR", "nplurals=2; plural=(n > 1);", PO{Forms: []Category{One, Other}, Shared: map[Category]int{Many: 1}}},
		{"pt", "nplurals=2; plural=(n != 1);", PO{Forms: []Category{One, Other}, Shared: map[Category]int{Many: 1}}},
		{"he", "nplurals=2; plural=(n != 1);", PO{Forms: []Category{One, Other}, Shared: map[Category]int{Two: 1}}},
		{"de", "nplurals=2; plural=(n != 1);", PO{Forms: []Category{One, Other}}},
		{"ja", "nplurals=1; plural=0;", PO{Forms: []Category{Other}}},
		{"cs", "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;", PO{Forms: []Category{One, Few, Other}}},
		{"ga", "nplurals=3; plural=n==1 ? 0 : n==2 ? 1 : 2;", PO{Forms: []Category{One, Two, Other}, Shared: map[Category]int{Few: 2, Many: 2}}},
	}
	for _, tt := range tests {
		s, err := Derive(tt.lang)
		if err != nil {
			t.Fatal(err)
		}
		header, po, err := s.Conventional()
		if err != nil {
			t.Fatalf("%s: %v", tt.lang, err)
		}
		if header != tt.header {
			t.Errorf("%s: header %q, want %q", tt.lang, header, tt.header)
		}
		if diff := cmp.Diff(tt.po, po); diff != "" {
			t.Errorf("%s: forms (-want +got):\n%s", tt.lang, diff)
		}
	}
	for l := range gettextHeaders {
		s, err := Derive(l)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.Conventional(); err != nil {
			t.Errorf("%s: msginit's header: %v", l, err)
		}
	}
	// Without cldr, French's msginit header loses nothing; with it, 1000000
	// is many.
	fr, _ := Derive("fr")
	e, _ := ParseExpr("(n > 1)")
	if m := fr.LostDistinction(2, e); m != nil {
		t.Errorf("fr: LostDistinction = %+v, want nil", m)
	}
	if diff := cmp.Diff(&Merge{A: 2, B: 1000000, CatA: Other, CatB: Many}, fr.Merged(2, e)); diff != "" {
		t.Errorf("fr: Merged (-want +got):\n%s", diff)
	}
}

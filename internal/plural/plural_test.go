package plural

import (
	"errors"
	"fmt"
	"sync"
	"testing"

	"strconv"
	"strings"

	"github.com/google/go-cmp/cmp"
	xplural "golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// TestCLDRVersion pins the CLDR version the expectations below were checked
// against; a new golang.org/x/text with newer data must revisit them (CLDR 38
// gave French, Spanish, Italian and Portuguese a "many" category).
func TestCLDRVersion(t *testing.T) {
	if CLDRVersion != "32" {
		t.Errorf("CLDRVersion = %q; the category tables in these tests are CLDR 32's", CLDRVersion)
	}
}

func TestDerive(t *testing.T) {
	tests := []struct {
		lang     string
		want     []Category
		integer  []Category
		examples map[Category]string
	}{
		{"en", []Category{One, Other}, []Category{One, Other}, map[Category]string{One: "1", Other: "0"}},
		{"de", []Category{One, Other}, []Category{One, Other}, nil},
		// CLDR 38 added many (1000000 de livres) to fr, es, it, pt and ca;
		// go-i18n v2.7.0's own rules have it, x/text's CLDR 32 does not.
		{"es", []Category{One, Other}, []Category{One, Other}, nil},
		{"it", []Category{One, Other}, []Category{One, Other}, nil},
		{"ca", []Category{One, Other}, []Category{One, Other}, nil},
		{"fr", []Category{One, Other}, []Category{One, Other}, map[Category]string{One: "0", Other: "2"}},
		{"pt", []Category{One, Other}, []Category{One, Other}, map[Category]string{One: "0"}},
		{"pt-BR", []Category{One, Other}, []Category{One, Other}, map[Category]string{One: "0"}},
		// CLDR gives European Portuguese its own rule: 0 is other.
		{"pt-PT", []Category{One, Other}, []Category{One, Other}, map[Category]string{One: "1", Other: "0"}},
		{"ja", []Category{Other}, []Category{Other}, map[Category]string{Other: "0"}},
		{"zh", []Category{Other}, []Category{Other}, nil},
		{"ko", []Category{Other}, []Category{Other}, nil},
		{"pl", []Category{One, Few, Many, Other}, []Category{One, Few, Many},
			map[Category]string{One: "1", Few: "2", Many: "0", Other: "0.1"}},
		{"ru", []Category{One, Few, Many, Other}, []Category{One, Few, Many},
			map[Category]string{Few: "2", Many: "0", Other: "0.1"}},
		{"uk", []Category{One, Few, Many, Other}, []Category{One, Few, Many}, nil},
		{"cs", []Category{One, Few, Many, Other}, []Category{One, Few, Other},
			map[Category]string{Many: "0.1", Other: "0"}},
		{"lt", []Category{One, Few, Many, Other}, []Category{One, Few, Other}, nil},
		{"ar", []Category{Zero, One, Two, Few, Many, Other}, []Category{Zero, One, Two, Few, Many, Other},
			map[Category]string{Zero: "0", One: "1", Two: "2", Few: "3", Many: "11", Other: "100"}},
		{"cy", []Category{Zero, One, Two, Few, Many, Other}, []Category{Zero, One, Two, Few, Many, Other},
			map[Category]string{Few: "3", Many: "6", Other: "4"}},
		{"ga", []Category{One, Two, Few, Many, Other}, []Category{One, Two, Few, Many, Other},
			map[Category]string{Few: "3", Many: "7"}},
		{"he", []Category{One, Two, Many, Other}, []Category{One, Two, Many, Other},
			map[Category]string{Many: "20"}},
		{"lv", []Category{Zero, One, Other}, []Category{Zero, One, Other}, map[Category]string{Zero: "0"}},
		{"sl", []Category{One, Two, Few, Other}, []Category{One, Two, Few, Other}, map[Category]string{Two: "2", Few: "3"}},
		{"ro", []Category{One, Few, Other}, []Category{One, Few, Other}, map[Category]string{Few: "0", Other: "20"}},
		{"gd", []Category{One, Two, Few, Other}, []Category{One, Two, Few, Other}, nil},
		{"mt", []Category{One, Few, Many, Other}, []Category{One, Few, Many, Other}, nil},
		// Breton's many is n % 1000000 = 0: only a probe reaching 10^6 sees it.
		{"br", []Category{One, Two, Few, Many, Other}, []Category{One, Two, Few, Many, Other},
			map[Category]string{Many: "1000000"}},
		// A tag in underscore-free canonical form with a region CLDR has no
		// rule for uses its language's rules.
		{"es-419", []Category{One, Other}, []Category{One, Other}, nil},
		// No CLDR rules: root, other only.
		{"tlh", []Category{Other}, []Category{Other}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			s, err := Derive(tt.lang)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, s.Categories()); diff != "" {
				t.Errorf("Categories (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.integer, s.IntegerCategories()); diff != "" {
				t.Errorf("IntegerCategories (-want +got):\n%s", diff)
			}
			if s.NPlurals() != len(tt.integer) {
				t.Errorf("NPlurals = %d, want %d", s.NPlurals(), len(tt.integer))
			}
			for c, want := range tt.examples {
				if got := s.Example(c); got != want {
					t.Errorf("Example(%s) = %q, want %q", c, got, want)
				}
			}
			for _, c := range All() {
				if s.Has(c) != (s.Example(c) != "") {
					t.Errorf("Has(%s) = %v but Example = %q", c, s.Has(c), s.Example(c))
				}
			}
		})
	}
}

// TestExamplesSelectTheirCategory checks, for every language x/text can
// name, that each example number is put in its category by x/text itself.
func TestExamplesSelectTheirCategory(t *testing.T) {
	for _, tag := range display.Supported.Tags() {
		s, err := Derive(tag.String())
		if err != nil {
			t.Fatal(err)
		}
		if !s.Has(Other) {
			t.Errorf("%s: no other category", tag)
		}
		for _, c := range s.Categories() {
			n, err := parseNumber(s.Example(c))
			if err != nil {
				t.Fatalf("%s: %v", tag, err)
			}
			if got := fromForm(matchNumber(tag, n)); got != c {
				t.Errorf("%s: example %s of %s selects %s", tag, s.Example(c), c, got)
			}
		}
	}
}

// TestProbeIsEnough compares the categories found by Derive's probe with
// those found by a far denser one (every integer to 200,000, every
// three-digit fraction) for every language x/text can name.
func TestProbeIsEnough(t *testing.T) {
	if testing.Short() {
		t.Skip("dense probe")
	}
	for _, tag := range display.Supported.Tags() {
		s, err := Derive(tag.String())
		if err != nil {
			t.Fatal(err)
		}
		seen := map[Category]bool{}
		for i := 0; i <= 200000; i++ {
			seen[fromForm(matchNumber(tag, number{i: i}))] = true
		}
		for _, i := range []int{1000000, 2000000, 3000000, 10000000} {
			seen[fromForm(matchNumber(tag, number{i: i}))] = true
		}
		for i := 0; i <= 120; i++ {
			for v := 1; v <= 3; v++ {
				top := []int{0, 10, 100, 1000}[v]
				for f := 0; f < top; f++ {
					seen[fromForm(matchNumber(tag, decimal(i, v, f)))] = true
				}
			}
		}
		var dense []Category
		for _, c := range All() {
			if seen[c] {
				dense = append(dense, c)
			}
		}
		if diff := cmp.Diff(dense, s.Categories()); diff != "" {
			t.Errorf("%s: probe misses categories (-dense +probe):\n%s", tag, diff)
		}
	}
}

func matchNumber(tag language.Tag, n number) xplural.Form {
	return xplural.Cardinal.MatchPlural(tag, n.i, n.v, n.w, n.f, n.t)
}

// parseNumber reads an Example back into plural operands.
func parseNumber(s string) (number, error) {
	whole, frac, _ := strings.Cut(s, ".")
	i, err := strconv.Atoi(whole)
	if err != nil {
		return number{}, fmt.Errorf("example %q: %w", s, err)
	}
	if frac == "" {
		return number{i: i}, nil
	}
	f, err := strconv.Atoi(frac)
	if err != nil {
		return number{}, fmt.Errorf("example %q: %w", s, err)
	}
	return decimal(i, len(frac), f), nil
}

func TestDeriveBadTag(t *testing.T) {
	if _, err := Derive("not a tag"); err == nil {
		t.Error("Derive accepted an invalid tag")
	}
	var c Cache
	if _, err := c.Missing("", nil); err == nil {
		t.Error("Cache.Missing accepted an empty tag")
	}
}

func TestMissingExtra(t *testing.T) {
	tests := []struct {
		lang    string
		have    []string
		missing []Category
		extra   []string
	}{
		{"en", []string{"one", "other"}, nil, nil},
		{"en", []string{"other"}, []Category{One}, nil},
		{"en", []string{"one", "few", "other", "few"}, nil, []string{"few"}},
		{"pl", []string{"other", "one"}, []Category{Few, Many}, nil},
		{"ja", []string{"one", "other"}, nil, []string{"one"}},
		{"ar", nil, []Category{Zero, One, Two, Few, Many, Other}, nil},
		{"ru", []string{"one", "few", "many", "other", "Other", "plural"}, nil, []string{"Other", "plural"}},
	}
	var c Cache
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.lang, tt.have), func(t *testing.T) {
			miss, err := c.Missing(tt.lang, tt.have)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.missing, miss); diff != "" {
				t.Errorf("Missing (-want +got):\n%s", diff)
			}
			extra, err := c.Extra(tt.lang, tt.have)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.extra, extra); diff != "" {
				t.Errorf("Extra (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseCategory(t *testing.T) {
	for _, c := range All() {
		got, err := ParseCategory(string(c))
		if err != nil || got != c {
			t.Errorf("ParseCategory(%q) = %q, %v", c, got, err)
		}
	}
	for _, s := range []string{"", "One", "plural", "others"} {
		if _, err := ParseCategory(s); err == nil {
			t.Errorf("ParseCategory(%q) succeeded", s)
		}
	}
}

func TestCacheConcurrent(t *testing.T) {
	var c Cache
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for range 64 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, err := c.Set("pl")
			if err == nil && s.NPlurals() != 3 {
				err = errors.New("pl: wrong set from a concurrent Cache")
			}
			if err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func BenchmarkDerive200(b *testing.B) {
	tags := display.Supported.Tags()
	langs := make([]string, 0, 200)
	for i := 0; len(langs) < 200; i++ {
		langs = append(langs, tags[i%len(tags)].String())
	}
	b.ResetTimer()
	for b.Loop() {
		for _, l := range langs {
			if _, err := Derive(l); err != nil {
				b.Fatal(err)
			}
		}
	}
}

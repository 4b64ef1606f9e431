package plural

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"github.com/glosa/glosa/internal/plural/internal/tablegen"
)

// TestSource pins the go-i18n version the expectations below were checked
// against; a go-i18n upgrade regenerates the table and must revisit them.
func TestSource(t *testing.T) {
	if want := "github.com/nicksnyder/go-i18n/v2@v2.7.0/internal/plural/codegen/plurals.xml"; Source != want {
		t.Errorf("Source = %q; the category tables in these tests are those of %q", Source, want)
	}
	// go-i18n v2.7.0's plurals.xml has <version number="$Revision$">.
	if CLDRVersion != "" {
		t.Errorf("CLDRVersion = %q, want none", CLDRVersion)
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
		// CLDR 38 added many (1000000 de livres) to es, it, fr, pt and
		// ca; golang.org/x/text's CLDR 32 lacks it, go-i18n has it.
		{"es", []Category{One, Many, Other}, []Category{One, Many, Other}, map[Category]string{One: "1", Many: "1000000", Other: "0"}},
		{"it", []Category{One, Many, Other}, []Category{One, Many, Other}, nil},
		{"ca", []Category{One, Many, Other}, []Category{One, Many, Other}, nil},
		{"fr", []Category{One, Many, Other}, []Category{One, Many, Other}, map[Category]string{One: "0", Many: "1000000", Other: "2"}},
		{"pt", []Category{One, Many, Other}, []Category{One, Many, Other}, map[Category]string{One: "0"}},
		{"pt-BR", []Category{One, Many, Other}, []Category{One, Many, Other}, map[Category]string{One: "0"}},
		// European Portuguese has its own rules: 0 is other.
		{"pt-PT", []Category{One, Many, Other}, []Category{One, Many, Other}, map[Category]string{One: "1", Other: "0"}},
		// CLDR's parent of pt-AO is pt-PT, and go-i18n follows it.
		{"pt-AO", []Category{One, Many, Other}, []Category{One, Many, Other}, map[Category]string{One: "1", Other: "0"}},
		{"ja", []Category{Other}, []Category{Other}, map[Category]string{Other: "0"}},
		{"zh", []Category{Other}, []Category{Other}, nil},
		{"zh-Hant-TW", []Category{Other}, []Category{Other}, nil},
		{"ko", []Category{Other}, []Category{Other}, nil},
		{"pl", []Category{One, Few, Many, Other}, []Category{One, Few, Many},
			map[Category]string{One: "1", Few: "2", Many: "0", Other: "0.0"}},
		{"ru", []Category{One, Few, Many, Other}, []Category{One, Few, Many},
			map[Category]string{One: "1", Few: "2", Many: "0", Other: "0.0"}},
		{"uk", []Category{One, Few, Many, Other}, []Category{One, Few, Many}, nil},
		{"cs", []Category{One, Few, Many, Other}, []Category{One, Few, Other},
			map[Category]string{Many: "0.0", Other: "0"}},
		{"lt", []Category{One, Few, Many, Other}, []Category{One, Few, Other}, nil},
		{"ar", []Category{Zero, One, Two, Few, Many, Other}, []Category{Zero, One, Two, Few, Many, Other},
			map[Category]string{Zero: "0", One: "1", Two: "2", Few: "3", Many: "11", Other: "100"}},
		{"cy", []Category{Zero, One, Two, Few, Many, Other}, []Category{Zero, One, Two, Few, Many, Other},
			map[Category]string{Zero: "0", One: "1", Two: "2", Few: "3", Many: "6", Other: "4"}},
		{"ga", []Category{One, Two, Few, Many, Other}, []Category{One, Two, Few, Many, Other},
			map[Category]string{Few: "3", Many: "7"}},
		// CLDR 32 gave Hebrew many (20, 30…); CLDR has since dropped it.
		{"he", []Category{One, Two, Other}, []Category{One, Two, Other},
			map[Category]string{One: "1", Two: "2", Other: "0"}},
		{"iw", []Category{One, Two, Other}, []Category{One, Two, Other}, nil},
		{"lv", []Category{Zero, One, Other}, []Category{Zero, One, Other}, map[Category]string{Zero: "0"}},
		{"sl", []Category{One, Two, Few, Other}, []Category{One, Two, Few, Other}, map[Category]string{Two: "2", Few: "3"}},
		{"ro", []Category{One, Few, Other}, []Category{One, Few, Other}, map[Category]string{Few: "0", Other: "20"}},
		{"gd", []Category{One, Two, Few, Other}, []Category{One, Two, Few, Other}, nil},
		{"br", []Category{One, Two, Few, Many, Other}, []Category{One, Two, Few, Many, Other},
			map[Category]string{Many: "1000000"}},
		// A region CLDR has no rules for uses its language's.
		{"es-419", []Category{One, Many, Other}, []Category{One, Many, Other}, nil},
		// go-i18n gives its pseudo-language art English rules.
		{"art", []Category{One, Other}, []Category{One, Other}, nil},
		// No CLDR rules: root, other only.
		{"tlh", []Category{Other}, []Category{Other}, nil},
		// x/text takes und's base language to be en, and so does go-i18n.
		{"und", []Category{One, Other}, []Category{One, Other}, nil},
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

// readXML reads the plurals.xml the table is generated from, or skips the
// test if the go command cannot find go-i18n's module directory.
func readXML(t *testing.T) (tablegen.File, tablegen.Source, []byte) {
	t.Helper()
	dir, version, err := tablegen.Locate(".")
	if err != nil {
		t.Skipf("go-i18n's plurals.xml: %v", err)
	}
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(tablegen.XMLPath)))
	if err != nil {
		t.Skipf("go-i18n's plurals.xml: %v", err)
	}
	f, err := tablegen.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	return f, tablegen.Source{Module: tablegen.Module, Version: version, Path: tablegen.XMLPath}, data
}

// TestTableUpToDate regenerates cldr_table.go in memory from the plurals.xml
// of the go-i18n version go.mod requires.
func TestTableUpToDate(t *testing.T) {
	f, src, _ := readXML(t)
	want, err := tablegen.Generate(f, src)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("cldr_table.go")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("cldr_table.go is stale; run go generate ./internal/plural (-generated +committed):\n%s", diff)
	}
}

// TestAgreesWithXML checks every locale of plurals.xml against its rule set
// read back from the XML.
func TestAgreesWithXML(t *testing.T) {
	f, _, _ := readXML(t)
	for _, rs := range f.RuleSets {
		var want, integer []Category
		for _, c := range All() {
			i := slices.IndexFunc(rs.Rules, func(r tablegen.Rule) bool { return r.Count == string(c) })
			if i < 0 {
				continue
			}
			want = append(want, c)
			if len(rs.Rules[i].Integers) > 0 {
				integer = append(integer, c)
			}
		}
		for _, id := range rs.Locales {
			if id == "root" {
				continue // go-i18n skips it too; see und in TestDerive
			}
			s, err := Derive(id)
			if err != nil {
				t.Fatalf("%s: %v", id, err)
			}
			if diff := cmp.Diff(want, s.Categories()); diff != "" {
				t.Errorf("%s: Categories (-xml +got):\n%s", id, diff)
			}
			if diff := cmp.Diff(integer, s.IntegerCategories()); diff != "" {
				t.Errorf("%s: IntegerCategories (-xml +got):\n%s", id, diff)
			}
		}
	}
}

// TestAgreesWithGoI18n asks go-i18n itself, through its public API, which
// form it selects for every CLDR sample number, in every locale of
// plurals.xml and in regional tags that reach their rules through CLDR
// parents or base languages. Each category of a Set must be selected by its
// own samples and its Example, and no number may select a category the Set
// lacks.
func TestAgreesWithGoI18n(t *testing.T) {
	f, _, _ := readXML(t)
	var all []string // every sample of every rule, exponent written as e
	samples := map[string]map[Category][]string{}
	var tags []string
	for _, rs := range f.RuleSets {
		own := map[Category][]string{}
		for _, r := range rs.Rules {
			for _, s := range slices.Concat(r.Integers, r.Decimals) {
				for n := range strings.SplitSeq(s, "~") {
					n = strings.ReplaceAll(n, "c", "e")
					own[Category(r.Count)] = append(own[Category(r.Count)], n)
					all = append(all, n)
				}
			}
		}
		for _, id := range rs.Locales {
			if id != "root" {
				tags = append(tags, id)
				samples[id] = own
			}
		}
	}
	slices.Sort(all)
	all = slices.Compact(all)
	regional := []string{"pt-AO", "pt-BR", "pt-MZ", "es-419", "es-MX", "en-GB", "en-AU", "fr-CA",
		"zh-Hant-TW", "zh-Hans-CN", "zh-TW", "sr-Latn", "sr-Cyrl-BA", "kok-Latn-IN", "he-IL",
		"ar-EG", "ru-UA", "de-CH", "nb-NO", "no", "art", "tl", "fil-PH", "und"}
	tags = append(tags, regional...)

	forms := map[string]string{}
	for _, c := range All() {
		forms[string(c)] = string(c)
	}
	for _, id := range tags {
		set, err := Derive(id)
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		tag := language.MustParse(id)
		b := i18n.NewBundle(tag)
		msg := &i18n.Message{ID: "n", Zero: "zero", One: "one", Two: "two", Few: "few", Many: "many", Other: "other"}
		if err := b.AddMessages(tag, msg); err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		loc := i18n.NewLocalizer(b, tag.String())
		form := func(n string) Category {
			got, err := loc.Localize(&i18n.LocalizeConfig{MessageID: "n", PluralCount: n})
			if err != nil {
				t.Fatalf("%s: %s: %v", id, n, err)
			}
			return Category(got)
		}
		for _, n := range all {
			if c := form(n); !set.Has(c) {
				t.Errorf("%s: go-i18n puts %s in %s, which Derive does not list (%v)", id, n, c, set.Categories())
			}
		}
		for _, c := range set.Categories() {
			ex := strings.ReplaceAll(set.Example(c), "c", "e")
			if got := form(ex); got != c {
				t.Errorf("%s: Example(%s) = %s, which go-i18n puts in %s", id, c, set.Example(c), got)
			}
			for _, n := range samples[id][c] {
				if got := form(n); got != c {
					t.Errorf("%s: CLDR sample %s of %s is %s in go-i18n", id, n, c, got)
				}
			}
		}
		for _, c := range set.IntegerCategories() {
			if strings.ContainsAny(set.Example(c), ".ce") {
				t.Errorf("%s: integer category %s has the example %s", id, c, set.Example(c))
			}
		}
	}
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
		// What goi18n merge writes for Spanish is complete, not extra.
		{"es", []string{"one", "many", "other"}, nil, nil},
		{"es", []string{"one", "other"}, []Category{Many}, nil},
		{"he", []string{"one", "two", "many", "other"}, nil, []string{"many"}},
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

func BenchmarkDerive(b *testing.B) {
	langs := []string{"en", "es-419", "pt-AO", "zh-Hant-TW", "sr-Latn-BA", "tlh"}
	for b.Loop() {
		for _, l := range langs {
			if _, err := Derive(l); err != nil {
				b.Fatal(err)
			}
		}
	}
}

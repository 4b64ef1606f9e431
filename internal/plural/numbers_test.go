package plural

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func mustDerive(t *testing.T, lang string) Set {
	t.Helper()
	s, err := Derive(lang)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestKnown(t *testing.T) {
	for lang, want := range map[string]bool{
		"en": true, "ja": true, "pt-PT": true, "es-419": true, "zh-Hant-TW": true, "und": true, "art": true,
		"oc": false, "ab": false, "mjw": false, "pnb": false,
	} {
		if got := mustDerive(t, lang).Known(); got != want {
			t.Errorf("%s: Known = %v, want %v", lang, got, want)
		}
	}
}

func TestNumbers(t *testing.T) {
	first := func(ns []uint64, k int) []uint64 { return ns[:min(k, len(ns))] }
	tests := []struct {
		lang string
		cat  Category
		want []uint64 // the first five
		only bool     // want is all of them
	}{
		{"en", One, []uint64{1}, true},
		{"ar", Zero, []uint64{0}, true},
		{"ar", One, []uint64{1}, true},
		{"ar", Two, []uint64{2}, true},
		{"ar", Few, []uint64{3, 4, 5, 6, 7}, false},
		{"ru", One, []uint64{1, 21, 31, 41, 51}, false},
		{"ru", Other, nil, true}, // fractions only
		{"fr", One, []uint64{0, 1}, true},
		{"es", Many, []uint64{1e6, 2e6, 1e7, 2e7, 1e8}, false},
		{"pl", Zero, nil, true},
	}
	for _, tt := range tests {
		got := mustDerive(t, tt.lang).Numbers(tt.cat)
		if !tt.only {
			got = first(got, len(tt.want))
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s %s: Numbers (-want +got):\n%s", tt.lang, tt.cat, diff)
		}
	}
	if !slices.IsSorted(Sample()) || Sample()[0] != 0 || !Small(9999) || Small(1e4) {
		t.Error("Sample is not 0, 1, … in order, or Small is not its first 10000")
	}
}

func TestNeeded(t *testing.T) {
	tests := map[string][]Category{
		"en": {One, Other},
		"es": {One, Other},      // many is for exact millions
		"fr": {One, Other},      // idem
		"cs": {One, Few, Other}, // many is for fractions
		"ru": {One, Few, Many, Other},
		"pl": {One, Few, Many, Other},
		"ar": {Zero, One, Two, Few, Many, Other},
		"he": {One, Two, Other},
		"ja": {Other},
	}
	for lang, want := range tests {
		if diff := cmp.Diff(want, mustDerive(t, lang).Needed()); diff != "" {
			t.Errorf("%s: Needed (-want +got):\n%s", lang, diff)
		}
	}
}

func TestGettextHeader(t *testing.T) {
	tests := map[string]string{
		"es":    "nplurals=2; plural=(n != 1);",
		"es-MX": "nplurals=2; plural=(n != 1);",
		"pt":    "nplurals=2; plural=(n != 1);",
		"pt-BR": "nplurals=2; plural=(n > 1);",
		"fr":    "nplurals=2; plural=(n > 1);",
		"he":    "nplurals=2; plural=(n != 1);",
		"oc":    "",
	}
	for lang, want := range tests {
		if got, _ := GettextHeader(lang); got != want {
			t.Errorf("GettextHeader(%s) = %q, want %q", lang, got, want)
		}
	}
}

// TestLostDistinction judges headers real PO files carry: gettext's own,
// GNOME teams' (more forms than CLDR, one form for Turkish), and mistakes.
func TestLostDistinction(t *testing.T) {
	tests := []struct {
		lang, header string
		nplurals     int
		want         *Merge
	}{
		// gettext's headers, which msginit writes
		{"es", "(n != 1)", 2, nil},
		{"fr", "(n > 1)", 2, nil},
		{"it", "(n != 1)", 2, nil},
		{"pt", "(n != 1)", 2, nil},
		{"pt-BR", "(n > 1)", 2, nil},
		{"he", "(n != 1)", 2, nil},
		{"ga", "n==1 ? 0 : n==2 ? 1 : 2", 3, nil},
		{"pl", "(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)", 3, nil},
		{"ru", "(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)", 3, nil},
		// GNOME's, with more forms than CLDR
		{"he", "(n==1 ? 0 : n==2 ? 1 : n>10 && n%10==0 ? 2 : 3)", 4, nil},
		{"sr", "n==1? 3 : n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2", 4, nil},
		{"ms", "n != 1", 2, nil},
		{"ar", "n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5", 6, nil},
		{"ca", "n != 1", 2, nil},
		// one and other merged where one is 1 (or 0 and 1)
		{"tr", "0", 1, nil},
		{"kk", "0", 1, nil},
		{"vi", "0", 1, nil},
		{"hi", "(n != 1)", 2, nil},
		// where 0 goes is a convention, unless CLDR has zero
		{"ga", "n==1 ? 0 : n==2 ? 1 : n<7 ? 2 : n<11 ? 3 : 4", 5, nil},
		{"pl", "(n<=1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)", 3, nil},
		{"ar", "n<=1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5", 6, &Merge{A: 0, B: 1, CatA: Zero, CatB: One}},
		// a language CLDR lacks
		{"oc", "(n > 1)", 2, nil},
		// mistakes: an English header in a Polish, Russian or Arabic file
		{"pl", "(n != 1)", 2, &Merge{A: 2, B: 5, CatA: Few, CatB: Many}},
		{"ru", "(n != 1)", 2, &Merge{A: 2, B: 5, CatA: Few, CatB: Many}},
		{"pl", "0", 1, &Merge{A: 1, B: 2, CatA: One, CatB: Few}},
		// one covers 1, 21, 31…: merging it with the rest loses them
		{"uk", "0", 1, &Merge{A: 1, B: 2, CatA: One, CatB: Few}},
		{"is", "0", 1, &Merge{A: 1, B: 2, CatA: One, CatB: Other}},
		{"is", "n != 1", 2, &Merge{A: 2, B: 21, CatA: Other, CatB: One}},
		// Cornish's CLDR forms, kept as two by its team
		{"kw", "(n != 1)", 2, &Merge{A: 0, B: 2, CatA: Zero, CatB: Two}},
		{"ar", "(n != 1)", 2, &Merge{A: 0, B: 2, CatA: Zero, CatB: Two}},
	}
	for _, tt := range tests {
		e, err := ParseExpr(tt.header)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.Indexes(tt.nplurals); err != nil {
			t.Fatal(err)
		}
		got := mustDerive(t, tt.lang).LostDistinction(tt.nplurals, e)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s %s: LostDistinction (-want +got):\n%s", tt.lang, tt.header, diff)
		}
	}
}

func TestIndexes(t *testing.T) {
	e, err := ParseExpr("n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5")
	if err != nil {
		t.Fatal(err)
	}
	idx, err := e.Indexes(6)
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range [][]uint64{{0}, {1}, {2}} {
		if diff := cmp.Diff(want, idx[i]); diff != "" {
			t.Errorf("msgstr[%d] (-want +got):\n%s", i, diff)
		}
	}
	if len(idx[3]) < 5 || len(idx[4]) < 5 || len(idx[5]) < 5 {
		t.Errorf("msgstr[3..5] should stand for many numbers: %d, %d, %d", len(idx[3]), len(idx[4]), len(idx[5]))
	}
	if _, err := e.Indexes(3); err == nil {
		t.Error("Indexes(3) of a 6-form expression succeeded")
	}
	div, _ := ParseExpr("n % (n - 1)")
	if _, err := div.Indexes(2); err == nil {
		t.Error("a division by zero for n = 1 was not reported")
	}
}

// TestGettextHeaders checks that every header of msginit's table parses,
// stays below its nplurals, and is accepted for its own language.
func TestGettextHeaders(t *testing.T) {
	if GettextVersion == "" || len(gettextHeaders) < 30 {
		t.Fatalf("gettext table of version %q has %d headers", GettextVersion, len(gettextHeaders))
	}
	for locale, h := range gettextHeaders {
		rest, _ := strings.CutPrefix(h, "nplurals=")
		count, src, ok := strings.Cut(rest, "; plural=")
		n, err := strconv.Atoi(count)
		if !ok || err != nil {
			t.Fatalf("%s: %q is not msginit's shape", locale, h)
		}
		e, err := ParseExpr(src)
		if err != nil {
			t.Fatalf("%s: %v", locale, err)
		}
		if _, err := e.Indexes(n); err != nil {
			t.Errorf("%s: %v", locale, err)
		}
		if m := mustDerive(t, strings.ReplaceAll(locale, "_", "-")).LostDistinction(n, e); m != nil {
			t.Errorf("%s: gettext's own header loses %+v", locale, m)
		}
	}
}

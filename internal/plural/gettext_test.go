package plural

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	xplural "golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// cExpr is a parsed gettext plural= expression, evaluated.
type cExpr func(n uint64) uint64

// pluralExpr returns the plural= expression of s's header, parsed.
func pluralExpr(t *testing.T, s Set) cExpr {
	t.Helper()
	h := s.PluralForms()
	rest, ok := strings.CutPrefix(h, fmt.Sprintf("nplurals=%d; plural=", s.NPlurals()))
	src, ok2 := strings.CutSuffix(rest, ";")
	if !ok || !ok2 {
		t.Fatalf("%s: PluralForms = %q, want nplurals=%d; plural=…;", s.Lang(), h, s.NPlurals())
	}
	e, err := ParseExpr(src)
	if err != nil {
		t.Fatalf("%s: %v", s.Lang(), err)
	}
	return func(n uint64) uint64 {
		v, err := e.Eval(n)
		if err != nil {
			t.Fatalf("%s: n = %d: %v", s.Lang(), n, err)
		}
		return v
	}
}

// wholeNumbers are the n the headers are checked on: 0..2000, which
// reaches every modulo up to 1000 and the special cases below 1000 of all
// languages, and round numbers past it, where French, Spanish, Breton and
// Cornish have many or two for millions.
func wholeNumbers() []uint64 {
	var ns []uint64
	for n := range uint64(2001) {
		ns = append(ns, n)
	}
	return append(ns, 1e4, 2e4, 21e3, 4e4, 1e5, 101e3, 1e6, 1e6+1, 2e6, 1e7, 11e6, 1e9, 1e9+1, 2e9)
}

// representatives names one language of each rule set of the table, whose
// categories the headers are checked against in x/text and go-i18n.
var representatives = []string{
	"ja", "hi", "hy", "en", "si", "ak", "tzm", "tr", "da", "is", "mk", "fil", "lv", "lag",
	"ksh", "he", "se", "shi", "ro", "hr", "fr", "it", "es", "gd", "sl", "hsb", "cs", "pl",
	"be", "lt", "ru", "sgs", "br", "mt", "ga", "gv", "kw", "ar", "cy",
}

// xtextDiffers names the representatives whose integer categories differ
// between x/text's CLDR 32 (golang.org/x/text/feature/plural) and the
// newer CLDR of go-i18n v2.7.0's plurals.xml, which the table follows, and
// the numbers on which they differ; x/text is not asked about those
// numbers, but the header of each language is still checked against
// go-i18n on every number.
var xtextDiffers = map[string]struct {
	why  string
	skip func(n uint64) bool
}{
	// CLDR 38 gave French, Italian and Spanish many for millions
	// (un million de livres); CLDR 32 has one and other only.
	"fr": {"many for millions since CLDR 38", millions},
	"it": {"many for millions since CLDR 38", millions},
	"es": {"many for millions since CLDR 38", millions},
	// CLDR 32 gave Hebrew many for tens past 10 (v = 0 and n != 0..10
	// and n % 10 = 0), which CLDR has since folded back into other.
	"he": {"many for 20, 30, … dropped after CLDR 32", func(n uint64) bool { return n > 10 && n%10 == 0 }},
	// CLDR 32's Macedonian one is i % 10 = 1, 11 included; later CLDR
	// added i % 100 != 11, so 11, 111, … are other.
	"mk": {"11, 111, … one in CLDR 32, other since", func(n uint64) bool { return n%100 == 11 }},
	// CLDR 32's Maltese has no two: 2 and 102 are few there; later CLDR
	// made n = 2 two and n % 100 = 2 (102, 202, …) other.
	"mt": {"two split from few after CLDR 32", func(n uint64) bool { return n%100 == 2 }},
	// CLDR 32 has no rules for Samogitian (all other there) and only one
	// and two (n = 1, n = 2) for Cornish, whose zero, few, many and
	// wider two came later: neither is compared with x/text at all.
	"sgs": {"no rules in CLDR 32", func(uint64) bool { return true }},
	"kw":  {"one and two only in CLDR 32", func(uint64) bool { return true }},
}

func millions(n uint64) bool { return n != 0 && n%1e6 == 0 }

// TestPluralFormsMatchCLDR evaluates the header of each representative
// language, as msgfmt would, on every whole number of wholeNumbers, and
// checks that it selects the msgstr[] of the category CLDR gives that
// number: in go-i18n, whose plurals.xml the table is generated from, and in
// x/text's older CLDR but for the differences xtextDiffers names.
func TestPluralFormsMatchCLDR(t *testing.T) {
	covered := map[int]string{}
	for _, lang := range representatives {
		tag := language.MustParse(lang)
		i, _ := ruleSetOf(tag)
		if other, ok := covered[i]; ok {
			t.Errorf("%s and %s both represent rule set %d", other, lang, i)
		}
		covered[i] = lang
	}
	for i := range cldrRuleSets {
		if _, ok := covered[i]; !ok {
			t.Errorf("rule set %d (%v) has no representative", i, cldrRuleSets[i].forms)
		}
	}

	for _, lang := range representatives {
		t.Run(lang, func(t *testing.T) {
			s, err := Derive(lang)
			if err != nil {
				t.Fatal(err)
			}
			forms := s.FormCategories()
			if len(forms) != s.NPlurals() {
				t.Fatalf("FormCategories = %v, NPlurals = %d", forms, s.NPlurals())
			}
			if i := slices.Index(forms, Other); i >= 0 && i != len(forms)-1 {
				t.Fatalf("FormCategories = %v: other is not last", forms)
			}
			expr := pluralExpr(t, s)
			tag := language.MustParse(lang)
			b := i18n.NewBundle(tag)
			msg := &i18n.Message{ID: "n", Zero: "zero", One: "one", Two: "two", Few: "few", Many: "many", Other: "other"}
			if err := b.AddMessages(tag, msg); err != nil {
				t.Fatal(err)
			}
			loc := i18n.NewLocalizer(b, lang)
			differs, skipXText := xtextDiffers[lang]
			if skipXText {
				t.Logf("x/text's CLDR %s differs: %s", xplural.CLDRVersion, differs.why)
			}
			seen := make([]bool, len(forms))
			for _, n := range wholeNumbers() {
				idx := expr(n)
				if idx >= uint64(len(forms)) {
					t.Fatalf("plural=%d for n = %d, with nplurals=%d", idx, n, len(forms))
				}
				seen[idx] = true
				got := forms[idx]
				goi18n, err := loc.Localize(&i18n.LocalizeConfig{MessageID: "n", PluralCount: int(n)})
				if err != nil {
					t.Fatal(err)
				}
				if got != Category(goi18n) {
					t.Errorf("n = %d: the header selects msgstr[%d], %s; go-i18n selects %s", n, idx, got, goi18n)
				}
				if skipXText && differs.skip(n) {
					continue
				}
				x := xtextCategory(xplural.Cardinal.MatchPlural(tag, int(n), 0, 0, 0, 0))
				if got != x {
					t.Errorf("n = %d: the header selects msgstr[%d], %s; x/text's CLDR %s selects %s", n, idx, got, xplural.CLDRVersion, x)
				}
			}
			if i := slices.Index(seen, false); i >= 0 {
				t.Errorf("no n selects msgstr[%d], %s", i, forms[i])
			}
		})
	}
}

func xtextCategory(f xplural.Form) Category {
	return map[xplural.Form]Category{
		xplural.Zero: Zero, xplural.One: One, xplural.Two: Two,
		xplural.Few: Few, xplural.Many: Many, xplural.Other: Other,
	}[f]
}

// TestPluralFormsEveryLocale checks that every locale of the table has a
// header whose expression parses and stays below nplurals.
func TestPluralFormsEveryLocale(t *testing.T) {
	for lang := range cldrLocales {
		s, err := Derive(lang)
		if err != nil {
			t.Fatal(err)
		}
		expr := pluralExpr(t, s)
		for _, n := range wholeNumbers() {
			if v := expr(n); v >= uint64(s.NPlurals()) {
				t.Fatalf("%s: plural=%d for n = %d, with nplurals=%d", lang, v, n, s.NPlurals())
			}
		}
		if got := s.FormCategories(); len(got) != s.NPlurals() {
			t.Errorf("%s: FormCategories = %v, NPlurals = %d", lang, got, s.NPlurals())
		}
	}
	if got := (Set{}).PluralForms(); got != "" {
		t.Errorf("zero Set: PluralForms = %q, want none", got)
	}
}

func TestPluralFormsHeaders(t *testing.T) {
	tests := []struct {
		lang   string
		header string
		forms  []Category
	}{
		{"en", "nplurals=2; plural=(n != 1);", []Category{One, Other}},
		{"ja", "nplurals=1; plural=0;", []Category{Other}},
		{"es", "nplurals=3; plural=(n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2);", []Category{One, Many, Other}},
		// French one is 0 and 1, and a million takes de: un million de livres.
		{"fr", "nplurals=3; plural=(n <= 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2);", []Category{One, Many, Other}},
		// Russian and Polish other is for fractions only; many is the
		// integers' fallback.
		{"ru", "nplurals=3; plural=(n % 10 == 1 && n % 100 != 11 ? 0 : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 1 : 2);",
			[]Category{One, Few, Many}},
		{"pl", "nplurals=3; plural=(n == 1 ? 0 : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 1 : 2);",
			[]Category{One, Few, Many}},
		{"ar", "nplurals=6; plural=(n == 0 ? 0 : n == 1 ? 1 : n == 2 ? 2 : n % 100 >= 3 && n % 100 <= 10 ? 3 : n % 100 >= 11 ? 4 : 5);",
			[]Category{Zero, One, Two, Few, Many, Other}},
		// Czech many is for fractions only, and dropped.
		{"cs", "nplurals=3; plural=(n == 1 ? 0 : n >= 2 && n <= 4 ? 1 : 2);", []Category{One, Few, Other}},
		{"is", "nplurals=2; plural=(n % 10 != 1 || n % 100 == 11);", []Category{One, Other}},
	}
	for _, tt := range tests {
		s, err := Derive(tt.lang)
		if err != nil {
			t.Fatal(err)
		}
		if got := s.PluralForms(); got != tt.header {
			t.Errorf("%s: PluralForms\n got %s\nwant %s", tt.lang, got, tt.header)
		}
		if diff := cmp.Diff(tt.forms, s.FormCategories()); diff != "" {
			t.Errorf("%s: FormCategories (-want +got):\n%s", tt.lang, diff)
		}
	}
}

// TestPluralFormsMsgfmt has GNU msgfmt check a PO file with each header
// and a plural entry with one msgstr per form.
func TestPluralFormsMsgfmt(t *testing.T) {
	msgfmt, err := exec.LookPath("msgfmt")
	if err != nil {
		if os.Getenv("CI") == "" {
			t.Skipf("msgfmt: %v", err)
		}
		t.Fatalf("msgfmt is needed on CI: %v", err)
	}
	dir := t.TempDir()
	langs := []string{"en", "es", "it", "fr", "pt", "pt-PT", "de", "ru", "uk", "pl", "cs", "ar", "he",
		"ja", "zh", "ko", "ga", "cy", "lt", "lv", "ro", "sl", "mt", "br", "is"}
	for _, lang := range langs {
		t.Run(lang, func(t *testing.T) {
			s, err := Derive(lang)
			if err != nil {
				t.Fatal(err)
			}
			var po strings.Builder
			fmt.Fprintf(&po, "msgid \"\"\nmsgstr \"\"\n"+
				"\"Project-Id-Version: glosa test\\n\"\n"+
				"\"PO-Revision-Date: 2025-01-01 00:00+0000\\n\"\n"+
				"\"Last-Translator: glosa <glosa@example.com>\\n\"\n"+
				"\"Language-Team: glosa <glosa@example.com>\\n\"\n"+
				"\"Language: %s\\n\"\n"+
				"\"MIME-Version: 1.0\\n\"\n"+
				"\"Content-Type: text/plain; charset=UTF-8\\n\"\n"+
				"\"Content-Transfer-Encoding: 8bit\\n\"\n"+
				"\"Plural-Forms: %s\\n\"\n\n", strings.ReplaceAll(lang, "-", "_"), s.PluralForms())
			po.WriteString("#, c-format\nmsgid \"%d book\"\nmsgid_plural \"%d books\"\n")
			for i, c := range s.FormCategories() {
				fmt.Fprintf(&po, "msgstr[%d] \"%%d book (%s)\"\n", i, c)
			}
			path := filepath.Join(dir, lang+".po")
			if err := os.WriteFile(path, []byte(po.String()), 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(msgfmt, "-c", "--check-format", "-o", os.DevNull, path).CombinedOutput()
			var exit *exec.ExitError
			if errors.As(err, &exit) || len(out) > 0 {
				t.Errorf("msgfmt -c --check-format: %v\n%s\n%s", err, out, po.String())
			} else if err != nil {
				t.Fatal(err)
			}
		})
	}
}

package tablegen

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCompile(t *testing.T) {
	tests := []struct{ cldr, c string }{
		{"", "0"},
		{"n = 1", "n == 1"},
		{"i = 1 and v = 0", "n == 1"},
		{"i = 1 and v != 0", "0"},
		{"i = 0 and v != 0 or i = 1", "n == 1"},
		{"e = 0 and i != 0 and i % 1000000 = 0 and v = 0 or e != 0..5", "n != 0 && n % 1000000 == 0"},
		{"c = 0 and n != 0", "n != 0"},
		{"t = 0 and i % 10 = 1 and i % 100 != 11 or t % 10 = 1 and t % 100 != 11", "n % 10 == 1 && n % 100 != 11"},
		{"n = 0,1 or i = 0 and f = 1", "n == 0 || n == 1"},
		{"i = 0..1", "n <= 1"},
		{"n = 2..10", "n >= 2 && n <= 10"},
		{"n % 100 = 11..99", "n % 100 >= 11"},
		{"n % 10 = 0..9", "1"},
		{"n % 10 = 12", "0"},
		{"n % 100 != 12..14", "n % 100 < 12 || n % 100 > 14"},
		{"n % 10 = 3..4,9 and n % 100 != 10..19,90..99",
			"((n % 10 >= 3 && n % 10 <= 4) || n % 10 == 9) && (n % 100 < 10 || n % 100 > 19) && n % 100 < 90"},
		{"n = 1 or n = 2 and n % 10 = 2", "n == 1 || (n == 2 && n % 10 == 2)"},
	}
	for _, tt := range tests {
		c, err := compile(tt.cldr)
		if err != nil {
			t.Errorf("%q: %v", tt.cldr, err)
			continue
		}
		if got := cString(c); got != tt.c {
			t.Errorf("%q compiles to %s, want %s", tt.cldr, got, tt.c)
		}
	}
}

func TestCompileErrors(t *testing.T) {
	for _, s := range []string{
		"x = 1", "n", "n =", "n = a", "n is 1", "n = 1 and", "n % 0 = 1", "n = 3..2", "n = 1 1", "n = 1..",
	} {
		_, err := compile(s)
		var ce *CompileError
		if !errors.As(err, &ce) {
			t.Errorf("%q: error %v, want a *CompileError", s, err)
		}
	}
}

func TestCompileGettext(t *testing.T) {
	tests := []struct {
		name string
		rs   RuleSet
		want Gettext
	}{
		{"ja", RuleSet{Rules: []Rule{{Count: "other", Integers: []string{"0~15"}}}},
			Gettext{Forms: []string{"other"}, Plural: "0"}},
		{"ru", RuleSet{Rules: []Rule{
			{Count: "one", Condition: "v = 0 and i % 10 = 1 and i % 100 != 11", Integers: []string{"1", "21", "31"}},
			{Count: "few", Condition: "v = 0 and i % 10 = 2..4 and i % 100 != 12..14", Integers: []string{"2~4", "22~24"}},
			{Count: "many", Condition: "v = 0 and i % 10 = 0 or v = 0 and i % 10 = 5..9 or v = 0 and i % 100 = 11..14", Integers: []string{"0", "5~19", "1c6"}},
			{Count: "other", Decimals: []string{"0.0~1.5"}},
		}}, Gettext{Forms: []string{"one", "few", "many"},
			Plural: "n % 10 == 1 && n % 100 != 11 ? 0 : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 1 : 2"}},
		// File order is not CLDR order; the forms are.
		{"cs", RuleSet{Rules: []Rule{
			{Count: "other", Integers: []string{"0", "5~19"}},
			{Count: "many", Condition: "v != 0", Decimals: []string{"0.0~1.5"}},
			{Count: "few", Condition: "i = 2..4 and v = 0", Integers: []string{"2~4"}},
			{Count: "one", Condition: "i = 1 and v = 0", Integers: []string{"1"}},
		}}, Gettext{Forms: []string{"one", "few", "other"}, Plural: "n == 1 ? 0 : n >= 2 && n <= 4 ? 1 : 2"}},
	}
	for _, tt := range tests {
		got, err := CompileGettext(tt.rs)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
	}
}

// TestCompileGettextInconsistent: the compiler refuses rules whose samples
// and conditions disagree rather than write a header that lies.
func TestCompileGettextInconsistent(t *testing.T) {
	other := Rule{Count: "other", Integers: []string{"0", "2~16"}}
	tests := map[string][]Rule{
		"decimal-only category holds for integers": {{Count: "many", Condition: "n = 5", Decimals: []string{"5.0"}}, other},
		"sample outside its condition":             {{Count: "one", Condition: "n = 1", Integers: []string{"1", "3"}}, other},
		"overlapping conditions": {
			{Count: "one", Condition: "n = 1", Integers: []string{"1"}},
			{Count: "few", Condition: "n = 1..4", Integers: []string{"2"}}, other},
		"no integer category":            {{Count: "other", Decimals: []string{"0.5"}}},
		"fallback not what others leave": {{Count: "one", Condition: "n = 1", Integers: []string{"1"}}, {Count: "other", Decimals: []string{"0.5"}}},
		"unreadable condition":           {{Count: "one", Condition: "n in 1", Integers: []string{"1"}}, other},
	}
	for name, rules := range tests {
		if g, err := CompileGettext(RuleSet{Locales: []string{"xx"}, Rules: rules}); err == nil {
			t.Errorf("%s: CompileGettext succeeded: %+v", name, g)
		}
	}
}

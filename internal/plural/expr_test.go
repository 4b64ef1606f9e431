package plural

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestParseExpr(t *testing.T) {
	tests := []struct {
		src  string
		n    uint64
		want uint64
	}{
		{"n != 1", 1, 0},
		{"(n != 1);", 2, 1},
		{"1 ? 2 : 3 ? 4 : 5", 0, 2},
		{"0 ? 2 : 0 ? 4 : 5", 0, 5},
		{"n == 1 || n == 2 && 0", 1, 1},
		{"(n == 1 || n == 2) && 0", 1, 0},
		{"n % 10 == 1 && n % 100 != 11", 111, 0},
		{"n%100>=11 ? 4 : 5", 1011, 4},
		{"!(n > 1)", 0, 1},
		{"!!n", 7, 1},
		{"n + 1 * 2", 1, 3},
		{"(n + 1) * 2", 1, 4},
		{"n - 1 - 1", 5, 3},
		{"n / 2 % 3", 10, 2},
		{"n < 2 == 1", 1, 1},
		// unsigned long arithmetic, as gettext's
		{"n - 2 > 5", 1, 1},
		// && and || skip their right operand, as C does
		{"n != 0 && 10 / n", 0, 0},
		{"n == 0 || 10 / n", 0, 1},
		{"n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2", 22, 1},
		{"n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2", 12, 2},
		{"\tn\n!= 1", 3, 1},
	}
	for _, tt := range tests {
		e, err := ParseExpr(tt.src)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		got, err := e.Eval(tt.n)
		if err != nil || got != tt.want {
			t.Errorf("%s with n = %d is %d, %v; want %d", tt.src, tt.n, got, err, tt.want)
		}
	}
	if e, err := ParseExpr(" (n > 1); "); err != nil || e.String() != "(n > 1)" {
		t.Errorf("String = %q, %v; want the source without the semicolon", e, err)
	}
	for _, bad := range []string{"", ";", "n +", "(n", "n ? 1", "n = 1", "n n", "x", "n ? 1 : ", "-n", "n & 1",
		"99999999999999999999999", strings.Repeat("(", 200) + "n" + strings.Repeat(")", 200), strings.Repeat("!", 200) + "n"} {
		if _, err := ParseExpr(bad); err == nil {
			t.Errorf("ParseExpr(%q) succeeded", bad)
		}
	}
	for _, src := range []string{"n % 0", "10 / (n - 1)"} {
		e, err := ParseExpr(src)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.Eval(1); !errors.Is(err, ErrDivideByZero) {
			t.Errorf("%s with n = 1: %v, want ErrDivideByZero", src, err)
		}
	}
}

// format writes the expression fully parenthesised: what the fuzz target
// parses again.
func (x *node) format() string {
	switch x.op {
	case "n":
		return "n"
	case "num":
		return fmt.Sprint(x.val)
	case "!":
		return "!(" + x.args[0].format() + ")"
	case "?:":
		return "(" + x.args[0].format() + " ? " + x.args[1].format() + " : " + x.args[2].format() + ")"
	}
	return "(" + x.args[0].format() + " " + x.op + " " + x.args[1].format() + ")"
}

// FuzzParseExpr checks that parsing never panics, that evaluating never
// panics, and that an expression written back fully parenthesised parses
// to one with the same values.
func FuzzParseExpr(f *testing.F) {
	for _, h := range gettextHeaders {
		_, src, _ := strings.Cut(h, "plural=")
		f.Add(src)
	}
	for _, rs := range cldrRuleSets {
		f.Add(rs.plural)
	}
	f.Add("n==1 ? 3 : n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2")
	f.Add("(n==1 ? 0 : n==2 ? 1 : n>10 && n%10==0 ? 2 : 3);")
	f.Add("n / (n - 1) + !n * 2")
	f.Fuzz(func(t *testing.T, src string) {
		e, err := ParseExpr(src)
		if err != nil {
			return
		}
		again, err := ParseExpr(e.root.format())
		if errors.Is(err, errTooDeep) {
			return // the parentheses format adds went past maxDepth
		}
		if err != nil {
			t.Fatalf("%q written back as %q: %v", src, e.root.format(), err)
		}
		for _, n := range []uint64{0, 1, 2, 3, 5, 11, 21, 101, 1e6, 1<<64 - 1} {
			a, errA := e.Eval(n)
			b, errB := again.Eval(n)
			if a != b || (errA == nil) != (errB == nil) {
				t.Fatalf("%q and %q differ for n = %d: %d, %v; %d, %v", src, e.root.format(), n, a, errA, b, errB)
			}
		}
	})
}

package plural

import (
	"slices"
	"strconv"
)

// number is a CLDR plural operand tuple: i integer digits, v visible
// fraction digits, w the same without trailing zeros, f the fraction digits
// as an integer, t the same without trailing zeros.
type number struct {
	i, v, w, f, t int
}

// String writes n in decimal notation with its v fraction digits: "2",
// "1.50".
func (n number) String() string {
	s := strconv.Itoa(n.i)
	if n.v == 0 {
		return s
	}
	frac := strconv.Itoa(n.f)
	for len(frac) < n.v {
		frac = "0" + frac
	}
	return s + "." + frac
}

func decimal(i, v, f int) number {
	w, t := v, f
	for w > 0 && t%10 == 0 {
		w--
		t /= 10
	}
	return number{i: i, v: v, w: w, f: f, t: t}
}

// probe calls yield with the numbers Derive evaluates, integers first, each
// group in ascending order, so that the first number to select a category is
// a natural example of it. It stops when yield returns false.
//
// Why these numbers: CLDR rules test i, n, f and t for equality, ranges and
// remainders modulo 10, 100, 1000 and 1000000, and v and w against small
// values. Every integer up to 1000 covers all remainders modulo 10, 100 and
// 1000 and every range in CLDR; multiples of powers of ten up to 10^6, with
// a neighbourhood of 10^3…10^6, cover the rules about large round numbers
// (Breton many: n % 1000000 = 0; the 10^6 rules of Spanish, Italian and
// Portuguese in later CLDR). Decimals take every fraction of one and two
// digits and, for three digits, every fraction whose last two digits matter,
// with integer parts 0…109 and some large ones, which covers f and t modulo
// 10 and 100 and v = 1…3.
func probe(yield func(number) bool) {
	ints := make([]int, 0, 2000)
	for i := 0; i <= 1000; i++ {
		ints = append(ints, i)
	}
	for p := 1000; p <= 1000000; p *= 10 {
		for m := 1; m <= 99; m++ {
			if n := m * p; n > 1000 {
				ints = append(ints, n)
			}
		}
		for j := 1; j <= 120; j++ {
			ints = append(ints, p+j)
		}
	}
	ints = sortUnique(ints)
	for _, i := range ints {
		if !yield(number{i: i}) {
			return
		}
	}
	wholes := make([]int, 0, 120)
	for i := 0; i < 110; i++ {
		wholes = append(wholes, i)
	}
	wholes = append(wholes, 1000, 1000000)
	fracs := func(v int) []int {
		var fs []int
		switch v {
		case 1, 2:
			top := 10
			if v == 2 {
				top = 100
			}
			// Non-zero fractions first: 1.5 reads better as an example
			// than 1.0.
			for f := 1; f < top; f++ {
				fs = append(fs, f)
			}
			fs = append(fs, 0)
		case 3:
			for f := 1; f < 200; f++ {
				fs = append(fs, f)
			}
			for f := 200; f < 1000; f += 100 {
				fs = append(fs, f, f+1, f+11, f+50)
			}
			fs = append(fs, 0)
		}
		return fs
	}
	for v := 1; v <= 3; v++ {
		fs := fracs(v)
		for _, i := range wholes {
			for _, f := range fs {
				if !yield(decimal(i, v, f)) {
					return
				}
			}
		}
	}
}

func sortUnique(xs []int) []int {
	slices.Sort(xs)
	return slices.Compact(xs)
}

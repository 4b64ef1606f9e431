package plural

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// smallLimit bounds the small numbers of the sample: 0 to 9999. Every rule
// of CLDR's plurals.xml and of gettext's table reads a whole number through
// n % 10, n % 100 and comparisons with numbers below 1000 (and n % 1000000,
// which is n itself below a million), so these numbers take every form a
// number below a million takes.
const smallLimit = 10000

// sample is Small's numbers, then large ones: from 10^4 to 10^18, each
// power of ten, its double and the power plus a few offsets, where CLDR's
// rules for millions (French, Spanish many) and any expression that is not
// periodic show.
var sample = sync.OnceValue(func() []uint64 {
	ns := make([]uint64, 0, smallLimit+15*8)
	for n := range uint64(smallLimit) {
		ns = append(ns, n)
	}
	for p := uint64(1e4); p <= 1e18; p *= 10 {
		for _, n := range []uint64{p, p + 1, p + 2, p + 3, p + 5, p + 11, p + 21, 2 * p} {
			if n >= smallLimit {
				ns = append(ns, n)
			}
		}
	}
	slices.Sort(ns)
	return slices.Compact(ns)
})

// Sample returns the whole numbers glosa evaluates plural rules on, in
// increasing order: 0 to 9999, which stand for every number below a
// million, and large numbers past them (see Small). The slice is shared:
// do not modify it.
func Sample() []uint64 { return sample() }

// Small reports whether n is one of the sample's small numbers, those that
// stand for every whole number below a million: a plural form only such
// numbers reach is one a count of words, minutes or files can need.
func Small(n uint64) bool { return n < smallLimit }

// Known reports whether CLDR has plural rules for the language (or for a
// parent or base language of it). For a language it lacks (Occitan, Abkhaz
// in CLDR 46) Derive assumes root's single form, which says nothing about
// the language: a check should not judge its forms.
func (s Set) Known() bool { return s.known }

// Of returns the category CLDR gives the whole number n in the language, or
// "" for the zero Set.
func (s Set) Of(n uint64) Category {
	if s.expr == nil {
		return ""
	}
	i, err := s.expr.Eval(n)
	if err != nil || i >= uint64(len(s.forms)) {
		return Other // TestPluralFormsEveryLocale rules this out
	}
	return s.forms[i]
}

// Numbers returns the numbers of Sample that the language puts in c, in
// increasing order: [1] for English one, [1 21 31 …] for Russian one,
// none for a category only fractions reach (Russian other).
func (s Set) Numbers(c Category) []uint64 {
	var ns []uint64
	for _, n := range Sample() {
		if s.Of(n) == c {
			ns = append(ns, n)
		}
	}
	return ns
}

// Needed returns, in CLDR order, the categories a count below a million
// can select in the language, and Other, go-i18n's fallback: Spanish one
// and other (many is for exact millions), Polish one, few, many and other,
// Czech one, few and other (many is for fractions).
func (s Set) Needed() []Category {
	var cs []Category
	for _, c := range s.Categories() {
		if c == Other || slices.ContainsFunc(s.Numbers(c), Small) {
			cs = append(cs, c)
		}
	}
	return cs
}

// Indexes returns, for each msgstr[] index below nplurals, the numbers of
// Sample a Plural-Forms expression selects it for. It is an error when the
// expression divides by zero or selects an index nplurals does not allow
// for some number, as msgfmt -c reports.
func (e *Expr) Indexes(nplurals int) ([][]uint64, error) {
	out := make([][]uint64, nplurals)
	for _, n := range Sample() {
		i, err := e.Eval(n)
		if err != nil {
			return nil, fmt.Errorf("plural expression %q: %w for n = %d", e.src, err, n)
		}
		if i >= uint64(nplurals) {
			return nil, fmt.Errorf("plural expression %q selects msgstr[%d] for n = %d, but nplurals is %d", e.src, i, n, nplurals)
		}
		out[i] = append(out[i], n)
	}
	return out, nil
}

// Merge is a distinction CLDR makes that a Plural-Forms header loses: two
// numbers in different categories that get the same msgstr[].
type Merge struct {
	A, B       uint64
	CatA, CatB Category
}

// GettextHeader returns the Plural-Forms header GNU gettext's msginit
// writes for the language ("nplurals=2; plural=(n != 1);" for es), looked
// up as "ll_CC" and then "ll" (pt-BR has its own, pt-PT is pt's), or false
// when msginit has none for it.
func GettextHeader(lang string) (string, bool) {
	key := strings.ReplaceAll(lang, "-", "_")
	for {
		if h, ok := gettextHeaders[key]; ok {
			return h, true
		}
		i := strings.LastIndexByte(key, '_')
		if i < 0 {
			return "", false
		}
		key = key[:i]
	}
}

// GettextVersion is the version of GNU gettext-tools whose msginit the
// table of GettextHeader was taken from.
const GettextVersion = gettextVersion

// LostDistinction judges the header of a PO file in the language, its
// nplurals and plural expression (whose indexes must have been checked with
// Indexes). It returns the first distinction CLDR makes between numbers
// below a million that the header does not, or nil when there is none
// worth reporting:
//
//   - a header with more forms than CLDR's, such as GNOME's Hebrew and
//     Serbian ones, loses nothing when each of its forms stays inside one
//     CLDR category;
//   - CLDR's many for exact millions (Spanish, French, Italian) is not a
//     number below a million;
//   - the header msginit writes for the language (gettext's own table:
//     two forms for Hebrew, three for Irish) is gettext's convention, not
//     a mistake;
//   - where CLDR's one covers 1 (or 0 and 1) only, a team may give it to
//     other's form (Turkish, Kazakh and Vietnamese teams use one form,
//     Hindi and Portuguese ones put 0 with the plural): which numbers read
//     as singular is the team's call, and only one and other are merged;
//   - the form of 0 is a convention too (French puts it with 1, English
//     with 2, GNOME's Irish with 3 to 6, and interfaces often say "no
//     files" instead), unless CLDR gives 0 a zero category (Arabic).
//
// A language CLDR lacks has nothing to compare with: nil.
func (s Set) LostDistinction(nplurals int, expr *Expr) *Merge {
	if !s.known || expr == nil {
		return nil
	}
	if h, ok := GettextHeader(s.lang); ok && sameHeader(h, nplurals, expr) {
		return nil
	}
	oneSmall := !slices.ContainsFunc(s.Numbers(One), func(n uint64) bool { return n > 1 })
	ns := Sample()[:smallLimit] // 0 to 9999
	if s.Of(0) != Zero {
		ns = ns[1:]
	}
	return s.merge(expr, ns, func(a, b Category) bool {
		return oneSmall && (a == One && b == Other || a == Other && b == One)
	})
}

// merge returns the first two numbers of ns that CLDR puts in different
// categories, not excused, and expr gives the same msgstr[]; nil when
// there are none, or expr cannot be evaluated (Indexes reports it).
func (s Set) merge(expr *Expr, ns []uint64, excused func(a, b Category) bool) *Merge {
	first := map[uint64]uint64{} // msgstr index → the first number selecting it
	for _, n := range ns {
		i, err := expr.Eval(n)
		if err != nil {
			return nil
		}
		m, ok := first[i]
		if !ok {
			first[i] = n
			continue
		}
		if cm, cn := s.Of(m), s.Of(n); cm != cn && !excused(cm, cn) {
			return &Merge{A: m, B: n, CatA: cm, CatB: cn}
		}
	}
	return nil
}

// sameHeader reports whether nplurals and expr select the same msgstr[]
// as header, a Plural-Forms value of msginit's ("nplurals=N; plural=E;"),
// for every number of Sample.
func sameHeader(header string, nplurals int, expr *Expr) bool {
	n, src, err := ParseHeader(header)
	if err != nil || n != nplurals {
		return false
	}
	other, err := ParseExpr(src)
	if err != nil {
		return false
	}
	for _, x := range Sample() {
		a, errA := expr.Eval(x)
		b, errB := other.Eval(x)
		if errA != nil || errB != nil || a != b {
			return false
		}
	}
	return true
}

// Conventional returns the Plural-Forms header a PO file for the language
// has by gettext's convention, and the PO forms it makes: the header
// msginit writes when gettext has one for the language (French, Spanish,
// Italian and Portuguese with two forms, one and other, though CLDR gives
// them many for exact millions), else the one compiled from CLDR's rules
// (PluralForms). A translator's tool keeps the header a PO file comes
// with, and gettext users do not change msginit's.
func (s Set) Conventional() (string, PO, error) {
	header, ok := GettextHeader(s.lang)
	if !ok {
		header = s.PluralForms()
	}
	n, src, err := ParseHeader(header)
	if err != nil {
		return "", PO{}, err
	}
	expr, err := ParseExpr(src)
	if err != nil {
		return "", PO{}, err
	}
	po, err := s.Forms(n, expr)
	return header, po, err
}

// ParseHeader splits a Plural-Forms value, "nplurals=N; plural=E;", into N
// and E.
func ParseHeader(header string) (int, string, error) {
	rest, ok := strings.CutPrefix(strings.TrimSpace(header), "nplurals=")
	count, src, ok2 := strings.Cut(rest, ";")
	src, ok3 := strings.CutPrefix(strings.TrimSpace(src), "plural=")
	n, err := strconv.Atoi(strings.TrimSpace(count))
	if !ok || !ok2 || !ok3 || err != nil || n < 1 {
		return 0, "", fmt.Errorf("%q is not a Plural-Forms value (nplurals=N; plural=EXPRESSION;)", header)
	}
	return n, strings.TrimSuffix(strings.TrimSpace(src), ";"), nil
}

// PO says which CLDR category each msgstr[] of a PO file stands for, by
// the file's Plural-Forms.
type PO struct {
	// Forms[i] is the category msgstr[i] stands for: the category of most
	// of the numbers below a million that select it (of all the numbers
	// that select it, when none is below a million: Spanish many in
	// CLDR's own header). msgstr[1] of French "nplurals=2; plural=(n >
	// 1);" is other; msgstr[1] of Portuguese "(n != 1)" is other too,
	// though it also stands for 0, which CLDR puts in one.
	Forms []Category
	// Shared gives each category of the language's integers that has no
	// msgstr[] of its own the msgstr[] gettext shows for it, chosen by
	// its first number: French and Spanish many (1000000) are msgstr[1]
	// in msginit's header, other's form.
	Shared map[Category]int
}

// Forms maps the msgstr[] of a PO file in the language to CLDR categories
// by its header's nplurals and plural expression. It is an error when the
// expression cannot be evaluated for a number (see Indexes), a msgstr[]
// is selected by no number, or two stand for the same category: then no
// msgstr[] can be told to be one category's.
func (s Set) Forms(nplurals int, expr *Expr) (PO, error) {
	idx, err := expr.Indexes(nplurals)
	if err != nil {
		return PO{}, err
	}
	po := PO{Forms: make([]Category, nplurals)}
	for i, ns := range idx {
		if len(ns) == 0 {
			return PO{}, fmt.Errorf("no number selects msgstr[%d]", i)
		}
		small := slices.DeleteFunc(slices.Clone(ns), func(n uint64) bool { return !Small(n) })
		if len(small) > 0 {
			ns = small
		}
		var count [6]int
		for _, n := range ns {
			count[s.Of(n).rank()]++
		}
		best := 0
		for r := range count {
			if count[r] > count[best] {
				best = r
			}
		}
		c := All()[best]
		if j := slices.Index(po.Forms[:i], c); j >= 0 {
			return PO{}, fmt.Errorf("msgstr[%d] and msgstr[%d] both stand for %s", j, i, c)
		}
		po.Forms[i] = c
	}
	for _, c := range s.IntegerCategories() {
		if slices.Contains(po.Forms, c) {
			continue
		}
		if ns := s.Numbers(c); len(ns) > 0 {
			i, err := expr.Eval(ns[0])
			if err != nil {
				return PO{}, err
			}
			if po.Shared == nil {
				po.Shared = map[Category]int{}
			}
			po.Shared[c] = int(i)
		}
	}
	return po, nil
}

// Merged returns the first two numbers of Sample, 0 and millions
// included, that CLDR puts in different categories and the header gives
// the same msgstr[]: what a header that has CLDR's categories never does.
// Unlike LostDistinction it makes no allowance for gettext's conventions.
// nil when there is none, or when CLDR has no rules for the language.
func (s Set) Merged(nplurals int, expr *Expr) *Merge {
	if !s.known || expr == nil {
		return nil
	}
	return s.merge(expr, Sample(), func(a, b Category) bool { return false })
}

// Package plural tells which CLDR cardinal plural categories (zero, one,
// two, few, many, other) a language uses, so that a catalog rule can say
// that a translation lacks a category its language needs or has one it never
// uses.
//
// The data is CLDR's, read through golang.org/x/text/feature/plural and never
// typed by hand. That package selects a category for a number but does not
// list the categories of a language, so Derive probes it with a fixed set of
// numbers (see probe.go) and records every category that comes back, with
// the first number that produced it as an example.
//
// The CLDR version is that of golang.org/x/text (CLDRVersion). It can be
// older than the one go-i18n compiles into its own rules: in CLDR 32 French
// and Portuguese have one and other, while CLDR 38 and later add many.
package plural

import (
	"fmt"
	"slices"
	"sync"

	xplural "golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// CLDRVersion is the version of CLDR the categories are derived from, the
// one golang.org/x/text/feature/plural was generated from.
const CLDRVersion = xplural.CLDRVersion

// Category is a CLDR plural category, named as CLDR, go-i18n message files
// and glosa write it: "zero", "one", "two", "few", "many" or "other".
type Category string

// The six CLDR plural categories, in CLDR order.
const (
	Zero  Category = "zero"
	One   Category = "one"
	Two   Category = "two"
	Few   Category = "few"
	Many  Category = "many"
	Other Category = "other"
)

// All returns the six categories in CLDR order: zero, one, two, few, many,
// other.
func All() []Category {
	return []Category{Zero, One, Two, Few, Many, Other}
}

// rank is a category's place in CLDR order, or -1 for a name that is not a
// category.
func (c Category) rank() int {
	switch c {
	case Zero:
		return 0
	case One:
		return 1
	case Two:
		return 2
	case Few:
		return 3
	case Many:
		return 4
	case Other:
		return 5
	}
	return -1
}

// Valid reports whether c is one of the six CLDR categories.
func (c Category) Valid() bool { return c.rank() >= 0 }

// ParseCategory returns the category named s, or an error if s names none of
// the six. Names are case-sensitive, as in go-i18n files.
func ParseCategory(s string) (Category, error) {
	c := Category(s)
	if !c.Valid() {
		return "", fmt.Errorf("%q is not a CLDR plural category (zero, one, two, few, many, other)", s)
	}
	return c, nil
}

func fromForm(f xplural.Form) Category {
	switch f {
	case xplural.Zero:
		return Zero
	case xplural.One:
		return One
	case xplural.Two:
		return Two
	case xplural.Few:
		return Few
	case xplural.Many:
		return Many
	}
	return Other
}

// Set is the plural categories one language uses, with an example number for
// each. The zero Set has no categories; get one from Derive or a Cache.
type Set struct {
	lang string
	// byRank is indexed by Category.rank; an empty example means the
	// language does not use that category.
	byRank [6]member
}

type member struct {
	example string // decimal notation, "2" or "1.5"
	integer bool   // some integer selects the category
}

// Lang returns the canonical BCP 47 tag the set was derived for.
func (s Set) Lang() string { return s.lang }

// Categories returns the categories the language uses, in CLDR order. Every
// language uses Other.
func (s Set) Categories() []Category {
	var cs []Category
	for _, c := range All() {
		if s.Has(c) {
			cs = append(cs, c)
		}
	}
	return cs
}

// IntegerCategories returns, in CLDR order, the categories some integer
// selects. Decimal-only categories, such as Russian "other" (1.5 books) or
// Czech "many", are left out: gettext chooses a msgstr[] with an integer n,
// so these are the forms a PO file can reach.
func (s Set) IntegerCategories() []Category {
	var cs []Category
	for _, c := range All() {
		if s.Has(c) && s.byRank[c.rank()].integer {
			cs = append(cs, c)
		}
	}
	return cs
}

// NPlurals returns the nplurals value of a gettext Plural-Forms header for
// the language: the number of categories some integer selects (ru 3, pl 3,
// ar 6, ja 1, fr 2). It is CLDR's count; a team's PO files can follow
// another convention (Hebrew ones often use 2 where CLDR 32 gives 4). The
// plural= expression of the header is not offered: x/text compiles CLDR's
// rules into tables and exposes no expression to translate into C.
func (s Set) NPlurals() int { return len(s.IntegerCategories()) }

// Has reports whether the language uses c.
func (s Set) Has(c Category) bool {
	r := c.rank()
	return r >= 0 && s.byRank[r].example != ""
}

// Example returns a number, in decimal notation, that the language puts in
// category c: the smallest integer if there is one ("2" for Polish few),
// otherwise a decimal ("1.5" for Russian other). It returns "" if the
// language does not use c.
func (s Set) Example(c Category) string {
	r := c.rank()
	if r < 0 {
		return ""
	}
	return s.byRank[r].example
}

// Missing returns, in CLDR order, the categories the language uses that are
// not among have. Names in have that are not categories are ignored here;
// Extra reports them.
func (s Set) Missing(have []string) []Category {
	var miss []Category
	for _, c := range s.Categories() {
		if !slices.Contains(have, string(c)) {
			miss = append(miss, c)
		}
	}
	return miss
}

// Extra returns the names in have that are not categories the language
// uses, including names that are no category at all, in the order given and
// without duplicates.
func (s Set) Extra(have []string) []string {
	var extra []string
	for _, h := range have {
		if !s.Has(Category(h)) && !slices.Contains(extra, h) {
			extra = append(extra, h)
		}
	}
	return extra
}

// Derive parses lang as a BCP 47 tag and returns the categories CLDR gives
// its cardinal plural rules. A regional variant uses its own rules when CLDR
// has them (pt-PT differs from pt) and its language's otherwise. A language
// CLDR has no rules for gets CLDR's root rules: Other alone, as for ja.
// Derive costs a few thousand rule evaluations; a Cache keeps the results.
func Derive(lang string) (Set, error) {
	tag, err := language.Parse(lang)
	if err != nil {
		return Set{}, fmt.Errorf("plural categories for %q: not a BCP 47 language tag", lang)
	}
	s := Set{lang: tag.String()}
	probe(func(n number) bool {
		r := fromForm(xplural.Cardinal.MatchPlural(tag, n.i, n.v, n.w, n.f, n.t)).rank()
		if s.byRank[r].example == "" {
			s.byRank[r] = member{example: n.String(), integer: n.v == 0}
		}
		return true
	})
	return s, nil
}

// Cache derives each language's Set once and keeps it. The zero Cache is
// ready to use and safe for concurrent use; it must not be copied after
// first use.
type Cache struct {
	mu   sync.Mutex
	sets map[string]*cached
}

type cached struct {
	once sync.Once
	set  Set
	err  error
}

// Set returns the categories of lang, deriving them on first use.
func (c *Cache) Set(lang string) (Set, error) {
	c.mu.Lock()
	if c.sets == nil {
		c.sets = make(map[string]*cached)
	}
	e, ok := c.sets[lang]
	if !ok {
		e = &cached{}
		c.sets[lang] = e
	}
	c.mu.Unlock()
	e.once.Do(func() { e.set, e.err = Derive(lang) })
	return e.set, e.err
}

// Missing returns, in CLDR order, the categories lang uses that have lacks.
func (c *Cache) Missing(lang string, have []string) ([]Category, error) {
	s, err := c.Set(lang)
	if err != nil {
		return nil, err
	}
	return s.Missing(have), nil
}

// Extra returns the names in have that are not categories lang uses.
func (c *Cache) Extra(lang string, have []string) ([]string, error) {
	s, err := c.Set(lang)
	if err != nil {
		return nil, err
	}
	return s.Extra(have), nil
}

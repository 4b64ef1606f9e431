// Package plural tells which CLDR cardinal plural categories (zero, one,
// two, few, many, other) a language uses, so that a catalog rule can say
// that a translation lacks a category its language needs or has one it never
// uses, and which gettext Plural-Forms header and msgstr[] forms a PO file
// for the language has.
//
// The data is CLDR's and never typed by hand: cldr_table.go is generated
// from the plurals.xml that go-i18n ships and compiles its own rules from
// (see internal/tablegen), so the categories asked for here are those
// go-i18n selects and goi18n merge writes. golang.org/x/text/feature/plural
// is not used: it carries CLDR 32, in which Spanish, Italian, French,
// Portuguese and Catalan have no many and Hebrew has a many that CLDR has
// since dropped. Regenerate after upgrading go-i18n:
//
//	go generate ./internal/plural
package plural

//go:generate go run ./internal/tablegen/gentable -o cldr_table.go

import (
	"fmt"
	"slices"
	"sync"

	"golang.org/x/text/language"
)

// CLDRVersion is the CLDR version the plurals.xml of Source states, or ""
// when it states none: the copy in go-i18n v2.7.0 has the placeholder
// "$Revision$" where a release number would be. Source is then the only
// name for the data.
const CLDRVersion = cldrVersion

// Source names the file the categories are generated from, as
// module@version/path: go-i18n's copy of CLDR's plurals.xml.
const Source = cldrSource

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

// cldrForm is a category of a generated rule set: its first CLDR sample
// and whether CLDR gives integer samples for it.
type cldrForm struct {
	cat     Category
	example string
	integer bool
}

// cldrRuleSet is one <pluralRules> of plurals.xml: the gettext plural=
// expression compiled from its conditions, and its categories in CLDR order.
type cldrRuleSet struct {
	plural string
	forms  []cldrForm
}

// Set is the plural categories one language uses, with an example number for
// each. The zero Set has no categories; get one from Derive or a Cache.
type Set struct {
	lang string
	// byRank is indexed by Category.rank; an empty example means the
	// language does not use that category.
	byRank [6]member
	// plural is the C expression of the Plural-Forms header, without
	// outer parentheses; "" in the zero Set.
	plural string
}

type member struct {
	example string // CLDR sample notation, "2", "1.5", "1c6"
	integer bool   // CLDR gives integer samples for the category
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
// selects: those CLDR gives @integer samples for. Decimal-only categories,
// such as Russian "other" (1.5 books) or Czech "many", are left out:
// gettext chooses a msgstr[] with an integer n, so these are the forms a PO
// file can reach.
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
// ar 6, ja 1, fr 3, he 3). It is CLDR's count; a team's PO files can follow
// another convention (French ones usually use 2, leaving out many for
// millions).
func (s Set) NPlurals() int { return len(s.IntegerCategories()) }

// FormCategories returns the category each msgstr[] of a PO file written
// with PluralForms stands for: msgstr[i] is FormCategories()[i]. They are
// IntegerCategories, in CLDR order, so Other, when an integer can select it,
// is last, and there are NPlurals of them.
func (s Set) FormCategories() []Category { return s.IntegerCategories() }

// PluralForms returns the value of a gettext Plural-Forms header for the
// language, as msgfmt reads it: "nplurals=2; plural=(n != 1);" for en,
// "nplurals=1; plural=0;" for ja. The expression is compiled from CLDR's
// rules when the table is generated, never typed by hand: for a whole
// number n it selects the index in FormCategories of the category CLDR
// gives n, falling back to the last form. It returns "" for the zero Set.
func (s Set) PluralForms() string {
	switch s.plural {
	case "":
		return ""
	case "0":
		return "nplurals=1; plural=0;"
	}
	return fmt.Sprintf("nplurals=%d; plural=(%s);", s.NPlurals(), s.plural)
}

// Has reports whether the language uses c.
func (s Set) Has(c Category) bool {
	r := c.rank()
	return r >= 0 && s.byRank[r].example != ""
}

// Example returns a number that the language puts in category c: CLDR's
// first sample for it, an integer if CLDR gives one ("2" for Polish few),
// otherwise a decimal ("0.0" for Russian other). It is written in CLDR
// sample notation, which is decimal notation except that a compact
// exponent stays as CLDR writes it ("1c6"); go-i18n reads it with c
// replaced by e. It returns "" if the language does not use c.
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

// Derive parses lang as a BCP 47 tag and returns the categories of its
// CLDR cardinal rules, looked up as go-i18n looks up its own: the tag, then
// its CLDR parents (pt-AO, then pt-PT; zh-Hant-TW, then zh-Hant), then its
// base language (es-419 uses es). go-i18n's pseudo-language art uses
// English rules, as go-i18n's Bundle gives it, and so does und, whose base
// language x/text takes to be en. A language CLDR has no rules for gets
// CLDR's root rules, Other alone, as ja does; go-i18n itself refuses to
// load messages for such a language.
func Derive(lang string) (Set, error) {
	tag, err := language.Parse(lang)
	if err != nil {
		return Set{}, fmt.Errorf("plural categories for %q: not a BCP 47 language tag", lang)
	}
	rs := cldrRuleSets[ruleSet(tag)]
	s := Set{lang: tag.String(), plural: rs.plural}
	for _, f := range rs.forms {
		s.byRank[f.cat.rank()] = member{example: f.example, integer: f.integer}
	}
	return s, nil
}

// ruleSet returns the index in cldrRuleSets of tag's rules, following
// Rules.Rule in go-i18n's internal/plural/rules.go step by step.
func ruleSet(tag language.Tag) int {
	for t := tag; ; {
		if i, ok := cldrLocales[t.String()]; ok {
			return i
		}
		if t.String() == "art" { // go-i18n's NewBundle gives it English rules
			return cldrLocales[language.English.String()]
		}
		t = t.Parent()
		if t.IsRoot() {
			break
		}
	}
	base, _ := tag.Base()
	if baseTag, err := language.Parse(base.String()); err == nil {
		if i, ok := cldrLocales[baseTag.String()]; ok {
			return i
		}
	}
	return cldrRoot
}

// Cache derives each language's Set once and keeps it, so that a check
// over many files parses each tag once. The zero Cache is
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

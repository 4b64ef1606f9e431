package tablegen

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// This file compiles CLDR plural conditions (UTS #35, "Language Plural
// Rules") into the C expression of a gettext Plural-Forms header. It is
// written by hand because no library does it: go-i18n and x/text compile
// the same rules into Go, for every kind of number, and gettext's own table
// (msginit) is typed by hand and lags CLDR.
//
// gettext evaluates plural= for a whole number n only, as an unsigned long.
// For a whole number CLDR's operands are i = n and v = w = f = t = c = e = 0,
// so a relation on v, w, f, t, c or e is true or false whatever n is, and
// only n and i remain.

// cond is a condition for whole numbers: a constant, a comparison of n (or
// n % mod) with a number, or an and/or of conditions.
type cond interface{ isCond() }

type (
	constCond bool
	cmpCond   struct {
		mod uint64 // 0: n itself
		op  string // "==", "!=", "<", "<=", ">", ">="
		val uint64
	}
	andCond []cond
	orCond  []cond
)

func (constCond) isCond() {}
func (cmpCond) isCond()   {}
func (andCond) isCond()   {}
func (orCond) isCond()    {}

// CompileError is a CLDR condition the compiler cannot read.
type CompileError struct {
	Condition string
	Msg       string
}

func (e *CompileError) Error() string {
	return fmt.Sprintf("plural condition %q: %s", e.Condition, e.Msg)
}

// compile reads a CLDR condition and returns what it says of whole numbers.
// The empty condition, other's, is false here: other is what no other
// condition selects.
func compile(text string) (cond, error) {
	p := condParser{text: text, toks: tokenize(text)}
	if len(p.toks) == 0 {
		return constCond(false), nil
	}
	c, err := p.or()
	if err != nil {
		return nil, err
	}
	if p.pos < len(p.toks) {
		return nil, p.errorf("unexpected %q", p.toks[p.pos])
	}
	return c, nil
}

// tokenize splits "n % 10 = 3..4,9" into n % 10 = 3 .. 4 , 9.
func tokenize(s string) []string {
	var toks []string
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c == ' ' || c == '\t' || c == '\n':
			i++
		case c >= '0' && c <= '9', c >= 'a' && c <= 'z':
			j := i
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] >= 'a' && s[j] <= 'z') {
				j++
			}
			toks = append(toks, s[i:j])
			i = j
		case strings.HasPrefix(s[i:], ".."), strings.HasPrefix(s[i:], "!="):
			toks = append(toks, s[i:i+2])
			i += 2
		default:
			toks = append(toks, s[i:i+1])
			i++
		}
	}
	return toks
}

type condParser struct {
	text string
	toks []string
	pos  int
}

func (p *condParser) errorf(format string, args ...any) error {
	return &CompileError{Condition: p.text, Msg: fmt.Sprintf(format, args...)}
}

func (p *condParser) peek() string {
	if p.pos < len(p.toks) {
		return p.toks[p.pos]
	}
	return ""
}

func (p *condParser) next() string {
	t := p.peek()
	if t != "" {
		p.pos++
	}
	return t
}

// or reads condition = and_condition ('or' and_condition)*.
func (p *condParser) or() (cond, error) {
	var cs []cond
	for {
		c, err := p.and()
		if err != nil {
			return nil, err
		}
		cs = append(cs, c)
		if p.peek() != "or" {
			return anyOf(cs...), nil
		}
		p.next()
	}
}

// and reads and_condition = relation ('and' relation)*.
func (p *condParser) and() (cond, error) {
	var cs []cond
	for {
		c, err := p.relation()
		if err != nil {
			return nil, err
		}
		cs = append(cs, c)
		if p.peek() != "and" {
			return allOf(cs...), nil
		}
		p.next()
	}
}

// relation reads operand ('%' value)? ('=' | '!=') range_list.
func (p *condParser) relation() (cond, error) {
	operand := p.next()
	var integer bool
	switch operand {
	case "n", "i":
		integer = true
	case "v", "w", "f", "t", "c", "e":
	case "":
		return nil, p.errorf("missing relation at the end")
	default:
		return nil, p.errorf("unknown operand %q", operand)
	}
	var mod uint64
	if p.peek() == "%" {
		p.next()
		m, err := p.value()
		if err != nil {
			return nil, err
		}
		if m == 0 {
			return nil, p.errorf("modulo 0")
		}
		mod = m
	}
	op := p.next()
	if op != "=" && op != "!=" {
		return nil, p.errorf("want = or != after %s, got %q", operand, op)
	}
	var in []cond
	for {
		lo, err := p.value()
		if err != nil {
			return nil, err
		}
		hi := lo
		if p.peek() == ".." {
			p.next()
			if hi, err = p.value(); err != nil {
				return nil, err
			}
			if hi < lo {
				return nil, p.errorf("empty range %d..%d", lo, hi)
			}
		}
		if integer {
			in = append(in, inRange(mod, lo, hi))
		} else {
			// v, w, f, t, c and e are 0 for a whole number, and so
			// is 0 % mod.
			in = append(in, constCond(lo == 0))
		}
		if p.peek() != "," {
			break
		}
		p.next()
	}
	c := anyOf(in...)
	if op == "!=" {
		c = negate(c)
	}
	return c, nil
}

func (p *condParser) value() (uint64, error) {
	t := p.next()
	v, err := strconv.ParseUint(t, 10, 64)
	if err != nil {
		return 0, p.errorf("want a number, got %q", t)
	}
	return v, nil
}

// inRange is lo <= n % mod <= hi, without the bounds that always hold: n is
// never negative, and n % mod never exceeds mod-1.
func inRange(mod, lo, hi uint64) cond {
	if mod != 0 && lo > mod-1 {
		return constCond(false)
	}
	if lo == hi {
		return cmpCond{mod, "==", lo}
	}
	var cs []cond
	if lo > 0 {
		cs = append(cs, cmpCond{mod, ">=", lo})
	}
	if mod == 0 || hi < mod-1 {
		cs = append(cs, cmpCond{mod, "<=", hi})
	}
	return allOf(cs...)
}

// allOf is the conjunction of cs, flattened and with constants folded.
func allOf(cs ...cond) cond {
	var out andCond
	for _, c := range cs {
		switch c := c.(type) {
		case constCond:
			if !c {
				return constCond(false)
			}
		case andCond:
			out = append(out, c...)
		default:
			out = append(out, c)
		}
	}
	switch len(out) {
	case 0:
		return constCond(true)
	case 1:
		return out[0]
	}
	return out
}

// anyOf is the disjunction of cs, flattened and with constants folded.
func anyOf(cs ...cond) cond {
	var out orCond
	for _, c := range cs {
		switch c := c.(type) {
		case constCond:
			if c {
				return constCond(true)
			}
		case orCond:
			out = append(out, c...)
		default:
			out = append(out, c)
		}
	}
	switch len(out) {
	case 0:
		return constCond(false)
	case 1:
		return out[0]
	}
	return out
}

var negatedOp = map[string]string{"==": "!=", "!=": "==", "<": ">=", ">=": "<", ">": "<=", "<=": ">"}

// negate is !c, pushed down to the comparisons (De Morgan), as a reader
// writes it: n != 1 rather than !(n == 1).
func negate(c cond) cond {
	switch c := c.(type) {
	case constCond:
		return !c
	case cmpCond:
		c.op = negatedOp[c.op]
		return c
	case andCond:
		var out []cond
		for _, x := range c {
			out = append(out, negate(x))
		}
		return anyOf(out...)
	case orCond:
		var out []cond
		for _, x := range c {
			out = append(out, negate(x))
		}
		return allOf(out...)
	}
	panic(fmt.Sprintf("tablegen: unknown condition %T", c))
}

func isFalse(c cond) bool {
	b, ok := c.(constCond)
	return ok && !bool(b)
}

// eval reports whether c holds for n, with C's unsigned arithmetic.
func eval(c cond, n uint64) bool {
	switch c := c.(type) {
	case constCond:
		return bool(c)
	case cmpCond:
		x := n
		if c.mod != 0 {
			x = n % c.mod
		}
		switch c.op {
		case "==":
			return x == c.val
		case "!=":
			return x != c.val
		case "<":
			return x < c.val
		case "<=":
			return x <= c.val
		case ">":
			return x > c.val
		case ">=":
			return x >= c.val
		}
	case andCond:
		for _, x := range c {
			if !eval(x, n) {
				return false
			}
		}
		return true
	case orCond:
		return slices.ContainsFunc(c, func(x cond) bool { return eval(x, n) })
	}
	panic(fmt.Sprintf("tablegen: unknown condition %T", c))
}

// cString writes c in C. An and inside an or is parenthesized although
// C does not need it, as gettext's headers and compilers' warnings want.
func cString(c cond) string {
	switch c := c.(type) {
	case constCond:
		if c {
			return "1"
		}
		return "0"
	case cmpCond:
		if c.mod != 0 {
			return fmt.Sprintf("n %% %d %s %d", c.mod, c.op, c.val)
		}
		return fmt.Sprintf("n %s %d", c.op, c.val)
	case andCond:
		parts := make([]string, len(c))
		for i, x := range c {
			parts[i] = cString(x)
			if _, ok := x.(orCond); ok {
				parts[i] = "(" + parts[i] + ")"
			}
		}
		return strings.Join(parts, " && ")
	case orCond:
		parts := make([]string, len(c))
		for i, x := range c {
			parts[i] = cString(x)
			if _, ok := x.(andCond); ok {
				parts[i] = "(" + parts[i] + ")"
			}
		}
		return strings.Join(parts, " || ")
	}
	panic(fmt.Sprintf("tablegen: unknown condition %T", c))
}

// Gettext is a rule set compiled for gettext.
type Gettext struct {
	// Forms are the categories msgstr[0], msgstr[1], … stand for: those
	// some whole number selects, in CLDR order. Other, when a whole
	// number can select it, is last.
	Forms []string
	// Plural is the C expression of the plural= field, without the
	// outer parentheses: "n != 1", "0".
	Plural string
}

// checkedNumbers are the whole numbers the compiler checks each rule set
// on: enough to reach every modulo CLDR uses (at most 1000000), and round
// numbers past it.
func checkedNumbers() []uint64 {
	var ns []uint64
	for n := range uint64(2001) {
		ns = append(ns, n)
	}
	for p := uint64(10000); p <= 1e12; p *= 10 {
		for _, k := range []uint64{1, 2, 3, 5, 11} {
			for _, d := range []uint64{0, 1, 2, 11, 100} {
				ns = append(ns, k*p+d)
			}
		}
	}
	return ns
}

// CompileGettext compiles the rules of rs into a Plural-Forms expression
// over its whole-number categories. It fails if a condition cannot be read,
// if a category CLDR gives no integer samples for holds for some whole
// number or one it gives some for holds for none, if two categories hold
// for one number, or if the expression disagrees with the conditions on
// some number checked or on an integer sample.
func CompileGettext(rs RuleSet) (Gettext, error) {
	rules := slices.Clone(rs.Rules)
	slices.SortStableFunc(rules, func(x, y Rule) int { return rank(x.Count) - rank(y.Count) })
	conds := make([]cond, len(rules))
	var g Gettext
	var formConds []cond
	for i, r := range rules {
		c, err := compile(r.Condition)
		if err != nil {
			return Gettext{}, fmt.Errorf("%s: %s: %w", strings.Join(rs.Locales, " "), r.Count, err)
		}
		conds[i] = c
		if len(r.Integers) > 0 {
			g.Forms = append(g.Forms, r.Count)
			formConds = append(formConds, c)
		} else if r.Count != "other" && !isFalse(c) {
			return Gettext{}, fmt.Errorf("%s: %s has no integer samples, but for whole numbers its condition is %s",
				strings.Join(rs.Locales, " "), r.Count, cString(c))
		}
	}
	if len(g.Forms) == 0 {
		return Gettext{}, fmt.Errorf("%s: no category has integer samples", strings.Join(rs.Locales, " "))
	}

	// The last form is the fallback: its condition is what the others
	// leave, whether it is other or, when other holds for no whole number
	// (ru, pl), the last category that does.
	last := len(g.Forms) - 1
	switch last {
	case 0:
		g.Plural = "0"
	case 1:
		g.Plural = cString(negate(formConds[0]))
	default:
		var b strings.Builder
		for i, c := range formConds[:last] {
			s := cString(c)
			if _, ok := c.(orCond); ok {
				s = "(" + s + ")"
			}
			fmt.Fprintf(&b, "%s ? %d : ", s, i)
		}
		fmt.Fprintf(&b, "%d", last)
		g.Plural = b.String()
	}

	form := func(n uint64) int {
		for i, c := range formConds[:last] {
			if eval(c, n) {
				return i
			}
		}
		return last
	}
	cldr := func(n uint64) (string, error) {
		cat := "other"
		for i, c := range conds {
			if !eval(c, n) {
				continue
			}
			if cat != "other" {
				return "", fmt.Errorf("%s: %d is both %s and %s", strings.Join(rs.Locales, " "), n, cat, rules[i].Count)
			}
			cat = rules[i].Count
		}
		return cat, nil
	}
	seen := make([]bool, len(g.Forms))
	for _, n := range checkedNumbers() {
		want, err := cldr(n)
		if err != nil {
			return Gettext{}, err
		}
		i := form(n)
		if got := g.Forms[i]; got != want {
			return Gettext{}, fmt.Errorf("%s: plural=%s puts %d in %s, CLDR in %s", strings.Join(rs.Locales, " "), g.Plural, n, got, want)
		}
		seen[i] = true
	}
	for _, r := range rules {
		for _, s := range r.Integers {
			for _, v := range strings.Split(s, "~") {
				if strings.ContainsAny(v, "ce") {
					continue // compact notation: gettext has no exponent
				}
				n, err := strconv.ParseUint(v, 10, 64)
				if err != nil {
					return Gettext{}, fmt.Errorf("%s: %s: integer sample %q: %w", strings.Join(rs.Locales, " "), r.Count, s, err)
				}
				if got := g.Forms[form(n)]; got != r.Count {
					return Gettext{}, fmt.Errorf("%s: plural=%s puts %d, a CLDR sample of %s, in %s", strings.Join(rs.Locales, " "), g.Plural, n, r.Count, got)
				}
			}
		}
	}
	if i := slices.Index(seen, false); i >= 0 {
		return Gettext{}, fmt.Errorf("%s: no whole number checked is %s", strings.Join(rs.Locales, " "), g.Forms[i])
	}
	return g, nil
}

package plural

import (
	"fmt"
	"strconv"
	"strings"
)

// Formula is the plural= expression of a PO file's Plural-Forms header,
// which maps a number n to the index of the msgstr[] form that translates
// it. It is read by hand, as gettext's own grammar (plural.y) reads it: no
// Go library does. It knows n, unsigned integer literals, parentheses, the
// unary !, the binary * / % + - < > <= >= == != && || and the conditional
// ?:, with C's precedence; arithmetic is unsigned, as msgfmt's, and a
// division by zero gives 0 instead of the signal msgfmt reports.
type Formula struct{ root *node }

// node is a parsed formula: an operator with its operands, n, or a number.
type node struct {
	op   string // "n", "num", "!", a binary operator, or "?"
	val  uint64
	args []*node
}

// ParseFormula reads a plural= expression such as
// "n==1 ? 0 : n%10>=2 && n%10<=4 ? 1 : 2".
func ParseFormula(src string) (Formula, error) {
	toks, err := tokenizeFormula(src)
	if err != nil {
		return Formula{}, fmt.Errorf("plural expression %q: %w", src, err)
	}
	p := &formulaParser{toks: toks}
	root, err := p.conditional(0)
	if err == nil && p.pos < len(toks) {
		err = fmt.Errorf("unexpected %q", toks[p.pos])
	}
	if err != nil {
		return Formula{}, fmt.Errorf("plural expression %q: %w", src, err)
	}
	return Formula{root}, nil
}

// Eval returns the form index the formula gives n.
func (f Formula) Eval(n uint64) uint64 {
	if f.root == nil {
		return 0
	}
	return f.root.eval(n)
}

// String writes the formula back, each operation in parentheses.
func (f Formula) String() string {
	if f.root == nil {
		return ""
	}
	var b strings.Builder
	f.root.write(&b)
	return b.String()
}

// Often reports, for each of nplurals forms, whether the formula gives it
// for at least five of the numbers 0 to 1000. msgfmt -c asks a form it
// gives that often to keep every placeholder of msgid_plural, and lets a
// rarer form (one for n = 1 alone, two for 2) drop them: such a form may
// say its number in words ("one hour" rather than "%d hour").
func (f Formula) Often(nplurals int) []bool {
	count := make([]int, nplurals)
	for n := uint64(0); n <= 1000; n++ {
		if i := f.Eval(n); i < uint64(nplurals) {
			count[i]++
		}
	}
	out := make([]bool, nplurals)
	for i, c := range count {
		out[i] = c >= 5
	}
	return out
}

// Often reports which of the language's integer categories the number 0
// to 1000 fall into at least five times, as Formula.Often does for a PO
// file's forms: a category that names one number (one in Arabic is 1
// alone) may say it in words and drop the placeholder.
func (s Set) Often() map[Category]bool {
	out := map[Category]bool{}
	cats := s.IntegerCategories()
	if len(cats) == 1 {
		out[cats[0]] = true
		return out
	}
	h := s.PluralForms()
	expr := h[strings.Index(h, "plural=")+len("plural=") : len(h)-1]
	f, err := ParseFormula(expr)
	if err != nil { // never for CLDR's own rules; if it were, ask for every placeholder
		for _, c := range cats {
			out[c] = true
		}
		return out
	}
	for i, often := range f.Often(len(cats)) {
		out[cats[i]] = often
	}
	return out
}

func (x *node) eval(n uint64) uint64 {
	b2u := func(b bool) uint64 {
		if b {
			return 1
		}
		return 0
	}
	switch x.op {
	case "n":
		return n
	case "num":
		return x.val
	case "!":
		return b2u(x.args[0].eval(n) == 0)
	case "?":
		if x.args[0].eval(n) != 0 {
			return x.args[1].eval(n)
		}
		return x.args[2].eval(n)
	case "||":
		return b2u(x.args[0].eval(n) != 0 || x.args[1].eval(n) != 0)
	case "&&":
		return b2u(x.args[0].eval(n) != 0 && x.args[1].eval(n) != 0)
	}
	a, b := x.args[0].eval(n), x.args[1].eval(n)
	switch x.op {
	case "==":
		return b2u(a == b)
	case "!=":
		return b2u(a != b)
	case "<":
		return b2u(a < b)
	case "<=":
		return b2u(a <= b)
	case ">":
		return b2u(a > b)
	case ">=":
		return b2u(a >= b)
	case "+":
		return a + b
	case "-":
		return a - b
	case "*":
		return a * b
	case "/":
		if b == 0 {
			return 0
		}
		return a / b
	case "%":
		if b == 0 {
			return 0
		}
		return a % b
	}
	return 0
}

func (x *node) write(b *strings.Builder) {
	switch x.op {
	case "n":
		b.WriteString("n")
	case "num":
		b.WriteString(strconv.FormatUint(x.val, 10))
	case "!":
		b.WriteString("!")
		x.args[0].write(b)
	case "?":
		b.WriteString("(")
		x.args[0].write(b)
		b.WriteString(" ? ")
		x.args[1].write(b)
		b.WriteString(" : ")
		x.args[2].write(b)
		b.WriteString(")")
	default:
		b.WriteString("(")
		x.args[0].write(b)
		b.WriteString(" " + x.op + " ")
		x.args[1].write(b)
		b.WriteString(")")
	}
}

func tokenizeFormula(src string) ([]string, error) {
	var toks []string
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c >= '0' && c <= '9':
			j := i
			for j < len(src) && src[j] >= '0' && src[j] <= '9' {
				j++
			}
			toks = append(toks, src[i:j])
			i = j
		case i+1 < len(src) && strings.Contains(" || && == != <= >= ", " "+src[i:i+2]+" "):
			toks = append(toks, src[i:i+2])
			i += 2
		case strings.IndexByte("n?:<>%*/+-!()", c) >= 0:
			toks = append(toks, src[i:i+1])
			i++
		default:
			return nil, fmt.Errorf("unexpected %q", src[i:i+1])
		}
	}
	return toks, nil
}

// formulaParser reads a formula's tokens; the depth its methods pass
// down bounds the nesting, so that a hostile header cannot exhaust the
// stack.
type formulaParser struct {
	toks []string
	pos  int
}

func (p *formulaParser) peek() string {
	if p.pos < len(p.toks) {
		return p.toks[p.pos]
	}
	return ""
}

// formulaLevels are the binary operators from the loosest to the tightest.
var formulaLevels = [][]string{{"||"}, {"&&"}, {"==", "!="}, {"<", "<=", ">", ">="}, {"+", "-"}, {"*", "/", "%"}}

const maxFormulaDepth = 200

// conditional is right-associative: a ? b : c ? d : e.
func (p *formulaParser) conditional(depth int) (*node, error) {
	if depth > maxFormulaDepth {
		return nil, fmt.Errorf("nested too deeply")
	}
	c, err := p.binary(0, depth)
	if err != nil || p.peek() != "?" {
		return c, err
	}
	p.pos++
	a, err := p.conditional(depth + 1)
	if err != nil {
		return nil, err
	}
	if p.peek() != ":" {
		return nil, fmt.Errorf("want \":\", got %q", p.peek())
	}
	p.pos++
	b, err := p.conditional(depth + 1)
	if err != nil {
		return nil, err
	}
	return &node{op: "?", args: []*node{c, a, b}}, nil
}

func (p *formulaParser) binary(level, depth int) (*node, error) {
	if level == len(formulaLevels) {
		return p.unary(depth)
	}
	x, err := p.binary(level+1, depth)
	for err == nil && p.peek() != "" && containsTok(formulaLevels[level], p.peek()) {
		op := p.peek()
		p.pos++
		var y *node
		if y, err = p.binary(level+1, depth); err == nil {
			x = &node{op: op, args: []*node{x, y}}
		}
	}
	return x, err
}

func containsTok(toks []string, t string) bool {
	for _, x := range toks {
		if x == t {
			return true
		}
	}
	return false
}

func (p *formulaParser) unary(depth int) (*node, error) {
	if depth > maxFormulaDepth {
		return nil, fmt.Errorf("nested too deeply")
	}
	switch t := p.peek(); {
	case t == "!":
		p.pos++
		x, err := p.unary(depth + 1)
		if err != nil {
			return nil, err
		}
		return &node{op: "!", args: []*node{x}}, nil
	case t == "(":
		p.pos++
		x, err := p.conditional(depth + 1)
		if err != nil {
			return nil, err
		}
		if p.peek() != ")" {
			return nil, fmt.Errorf("want \")\", got %q", p.peek())
		}
		p.pos++
		return x, nil
	case t == "n":
		p.pos++
		return &node{op: "n"}, nil
	case t != "" && t[0] >= '0' && t[0] <= '9':
		p.pos++
		v, err := strconv.ParseUint(t, 10, 64)
		if err != nil {
			return nil, err
		}
		return &node{op: "num", val: v}, nil
	}
	return nil, fmt.Errorf("unexpected %q", p.peek())
}

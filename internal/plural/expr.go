package plural

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// This file reads the plural= expression of a gettext Plural-Forms header
// and evaluates it as GNU gettext does: C syntax restricted to n, decimal
// numbers, parentheses, !, * / %, + -, < <= > >=, == !=, &&, || and ?:,
// with C's precedence and unsigned long arithmetic. It is written by hand
// because no well-kept Go library does this (go-i18n and x/text read CLDR
// rules, not gettext's), and it follows gettext's own grammar
// (intl/plural.y) rather than any wider C.

// maxDepth bounds the nesting of an expression, as gettext bounds its
// evaluation stack: real headers nest a dozen levels at most.
const maxDepth = 100

// ErrDivideByZero is the error of evaluating an expression whose / or %
// has a zero right operand for some n (msgfmt: "plural expression can
// produce division by zero").
var ErrDivideByZero = errors.New("division by zero")

// errTooDeep is the error of an expression nested more than maxDepth.
var errTooDeep = errors.New("nested too deeply")

// Expr is a parsed plural= expression: for a whole number n it gives the
// index of the msgstr[] gettext selects.
type Expr struct {
	src  string
	root *node
}

// node is an operator and its operands, or a leaf: n or a number.
type node struct {
	op   string // "n", "num", "!", "?:" or a binary operator
	val  uint64
	args []*node
}

// ParseExpr parses the plural= expression of a Plural-Forms header, such
// as "(n != 1)" or "n==1 ? 0 : n%10>=2 && n%10<=4 ? 1 : 2". A trailing ";"
// is allowed. The error says what is wrong and where.
func ParseExpr(src string) (*Expr, error) {
	p := &exprParser{src: strings.TrimSuffix(strings.TrimSpace(src), ";")}
	if err := p.lex(); err != nil {
		return nil, fmt.Errorf("plural expression %q: %w", src, err)
	}
	root, err := p.ternary(0)
	if err == nil && p.pos < len(p.toks) {
		err = fmt.Errorf("unexpected %q", p.toks[p.pos])
	}
	if err != nil {
		return nil, fmt.Errorf("plural expression %q: %w", src, err)
	}
	return &Expr{src: p.src, root: root}, nil
}

// String returns the expression as it was given, without a trailing ";".
func (e *Expr) String() string { return e.src }

// Eval returns the expression's value for n, or ErrDivideByZero.
func (e *Expr) Eval(n uint64) (uint64, error) { return e.root.eval(n) }

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

func (x *node) eval(n uint64) (uint64, error) {
	switch x.op {
	case "n":
		return n, nil
	case "num":
		return x.val, nil
	case "!":
		v, err := x.args[0].eval(n)
		return b2u(v == 0), err
	case "?:":
		c, err := x.args[0].eval(n)
		if err != nil {
			return 0, err
		}
		if c != 0 {
			return x.args[1].eval(n)
		}
		return x.args[2].eval(n)
	}
	a, err := x.args[0].eval(n)
	if err != nil {
		return 0, err
	}
	// && and || do not evaluate their right operand when the left one
	// decides, as in C: "n != 0 && 10 / n" is defined for n = 0.
	switch {
	case x.op == "&&" && a == 0:
		return 0, nil
	case x.op == "||" && a != 0:
		return 1, nil
	}
	b, err := x.args[1].eval(n)
	if err != nil {
		return 0, err
	}
	switch x.op {
	case "&&", "||":
		return b2u(b != 0), nil
	case "==":
		return b2u(a == b), nil
	case "!=":
		return b2u(a != b), nil
	case "<":
		return b2u(a < b), nil
	case "<=":
		return b2u(a <= b), nil
	case ">":
		return b2u(a > b), nil
	case ">=":
		return b2u(a >= b), nil
	case "+":
		return a + b, nil
	case "-":
		return a - b, nil
	case "*":
		return a * b, nil
	case "/", "%":
		if b == 0 {
			return 0, ErrDivideByZero
		}
		if x.op == "/" {
			return a / b, nil
		}
		return a % b, nil
	}
	panic("plural: unknown operator " + x.op)
}

type exprParser struct {
	src  string
	toks []string
	pos  int
}

func (p *exprParser) lex() error {
	s := p.src
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c >= '0' && c <= '9':
			j := i
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			p.toks = append(p.toks, s[i:j])
			i = j
		case i+1 < len(s) && isTwoCharOp(s[i:i+2]):
			p.toks = append(p.toks, s[i:i+2])
			i += 2
		case strings.IndexByte("n?:<>!()+-*/%", c) >= 0:
			p.toks = append(p.toks, s[i:i+1])
			i++
		default:
			return fmt.Errorf("unexpected %q at offset %d", rune(c), i)
		}
	}
	return nil
}

func isTwoCharOp(s string) bool {
	switch s {
	case "||", "&&", "==", "!=", "<=", ">=":
		return true
	}
	return false
}

func (p *exprParser) peek() string {
	if p.pos < len(p.toks) {
		return p.toks[p.pos]
	}
	return ""
}

// ternary parses c ? a : b, right-associative, the loosest level.
func (p *exprParser) ternary(depth int) (*node, error) {
	if depth > maxDepth {
		return nil, errTooDeep
	}
	c, err := p.binary(0, depth)
	if err != nil || p.peek() != "?" {
		return c, err
	}
	p.pos++
	a, err := p.ternary(depth + 1)
	if err != nil {
		return nil, err
	}
	if p.peek() != ":" {
		return nil, fmt.Errorf("want \":\", got %q", p.peek())
	}
	p.pos++
	b, err := p.ternary(depth + 1)
	if err != nil {
		return nil, err
	}
	return &node{op: "?:", args: []*node{c, a, b}}, nil
}

// levels are the binary operators from the loosest to the tightest, each
// level left-associative, as in gettext's grammar.
var levels = [][]string{{"||"}, {"&&"}, {"==", "!="}, {"<", "<=", ">", ">="}, {"+", "-"}, {"*", "/", "%"}}

func (p *exprParser) binary(level, depth int) (*node, error) {
	if level == len(levels) {
		return p.unary(depth)
	}
	x, err := p.binary(level+1, depth)
	for err == nil && isOneOf(p.peek(), levels[level]) {
		op := p.peek()
		p.pos++
		var y *node
		if y, err = p.binary(level+1, depth); err == nil {
			x = &node{op: op, args: []*node{x, y}}
		}
	}
	return x, err
}

func isOneOf(s string, ops []string) bool {
	for _, op := range ops {
		if s == op {
			return true
		}
	}
	return false
}

func (p *exprParser) unary(depth int) (*node, error) {
	if depth > maxDepth {
		return nil, errTooDeep
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
		x, err := p.ternary(depth + 1)
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
			return nil, fmt.Errorf("number %s is too large", t)
		}
		return &node{op: "num", val: v}, nil
	case t == "":
		return nil, errors.New("unexpected end")
	}
	return nil, fmt.Errorf("unexpected %q", p.peek())
}

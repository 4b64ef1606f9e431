package placeholder

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"text/template/parse"

	"github.com/glosa/glosa/internal/l10n"
)

// Fields returns the field chains a text/template message reads, in the
// order they appear, parsing it with the given delimiters ("{{" and "}}"
// when empty) as go-i18n does. Function names are not checked, since go-i18n
// callers may register their own. A message without the left delimiter is
// plain text and has no fields. A template that does not parse gives a
// *SyntaxError.
func Fields(msg, leftDelim, rightDelim string) ([]Placeholder, error) {
	if leftDelim == "" {
		leftDelim = "{{"
	}
	if rightDelim == "" {
		rightDelim = "}}"
	}
	if !strings.Contains(msg, leftDelim) {
		return nil, nil
	}
	trees := make(map[string]*parse.Tree)
	t := parse.New("message")
	t.Mode = parse.SkipFuncCheck
	if _, err := t.Parse(msg, leftDelim, rightDelim, trees); err != nil {
		return nil, templateError(msg, leftDelim, rightDelim, err)
	}
	w := walker{msg: msg}
	// {{define}} adds trees beside the main one; all read fields.
	for _, tr := range trees {
		if tr.Root != nil {
			w.walk(tr.Root)
		}
	}
	slices.SortStableFunc(w.ps, byOffset)
	return w.ps, nil
}

// walker collects the fields of a parse tree of msg.
type walker struct {
	msg string
	ps  []Placeholder
}

// add records a field written as text. The parser gives a field chain
// (.User.Name, $.Owner) the position of its last element, so the start is
// found by looking back from there.
func (w *walker) add(key, text string, pos parse.Pos) {
	off := int(pos)
	last := text[strings.LastIndexAny(text, ".$"):]
	if start := off + len(last) - len(text); start >= 0 && start <= len(w.msg) && strings.HasPrefix(w.msg[start:], text) {
		off = start
	} else if off < 0 || off > len(w.msg) || !strings.HasPrefix(w.msg[off:], text) {
		// Not where expected: take the nearest occurrence before.
		end := min(max(off, 0)+len(text), len(w.msg))
		if i := strings.LastIndex(w.msg[:end], text); i >= 0 {
			off = i
		} else {
			return // the parser read a field the text does not hold; never seen
		}
	}
	w.ps = append(w.ps, Placeholder{Key: key, Text: text, Offset: off})
}

// walk records the fields read under n.
func (w *walker) walk(n parse.Node) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			w.walk(c)
		}
	case *parse.ActionNode:
		w.walk(n.Pipe)
	case *parse.IfNode:
		w.walkBranch(&n.BranchNode)
	case *parse.RangeNode:
		w.walkBranch(&n.BranchNode)
	case *parse.WithNode:
		w.walkBranch(&n.BranchNode)
	case *parse.TemplateNode:
		if n.Pipe != nil {
			w.walk(n.Pipe)
		}
	case *parse.PipeNode:
		if n == nil {
			return
		}
		for _, c := range n.Cmds {
			w.walk(c)
		}
	case *parse.CommandNode:
		for _, a := range n.Args {
			w.walk(a)
		}
	case *parse.ChainNode:
		// (pipeline).Field: the field belongs to the pipeline's value,
		// not to dot, so only the pipeline is searched.
		w.walk(n.Node)
	case *parse.FieldNode:
		w.add(n.String(), n.String(), n.Pos)
	case *parse.DotNode:
		w.add(".", ".", n.Pos)
	case *parse.VariableNode:
		if len(n.Ident) > 1 && n.Ident[0] == "$" {
			w.add("."+strings.Join(n.Ident[1:], "."), n.String(), n.Pos)
		}
	}
}

func (w *walker) walkBranch(b *parse.BranchNode) {
	w.walk(b.Pipe)
	w.walk(b.List)
	if b.ElseList != nil {
		w.walk(b.ElseList)
	}
}

// parseErrLine matches the prefix text/template/parse puts on its errors:
// "template: NAME:LINE: ".
var parseErrLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^template: message:(\d+): `) })

// templateError turns a parse error into a *SyntaxError with the best offset
// the error allows. text/template/parse reports a line only, so the offset
// is found by looking at the actions on that line.
func templateError(msg, left, right string, err error) error {
	text := err.Error()
	lineStart := 0
	if m := parseErrLine().FindStringSubmatch(text); m != nil {
		text = text[len(m[0]):]
		line, _ := strconv.Atoi(m[1])
		for l := 1; l < line; l++ {
			i := strings.IndexByte(msg[lineStart:], '\n')
			if i < 0 {
				break
			}
			lineStart += i + 1
		}
	}
	return &SyntaxError{Offset: failingAction(msg, left, right, lineStart), Text: l10n.Raw(text)}
}

// controlWords open or close a block; an action starting with one cannot be
// parsed alone.
var controlWords = []string{"if", "else", "end", "range", "with", "define", "block", "template", "break", "continue"}

// failingAction returns the offset of the first action from lineStart on
// that does not parse on its own, or of the first left delimiter without a
// right one, or lineStart.
func failingAction(msg, left, right string, lineStart int) int {
	lineEnd := len(msg)
	if i := strings.IndexByte(msg[lineStart:], '\n'); i >= 0 {
		lineEnd = lineStart + i
	}
	for pos := lineStart; pos < lineEnd; {
		i := strings.Index(msg[pos:], left)
		if i < 0 || pos+i >= lineEnd {
			break
		}
		start := pos + i
		j := strings.Index(msg[start+len(left):], right)
		if j < 0 {
			return start
		}
		end := start + len(left) + j + len(right)
		inner := strings.TrimSpace(strings.Trim(strings.TrimSpace(msg[start+len(left):end-len(right)]), "-"))
		word, _, _ := strings.Cut(inner, " ")
		if !slices.Contains(controlWords, word) && !strings.HasPrefix(inner, "/*") {
			t := parse.New("action")
			t.Mode = parse.SkipFuncCheck
			if _, err := t.Parse(msg[start:end], left, right, make(map[string]*parse.Tree)); err != nil {
				return start
			}
		}
		pos = end
	}
	return lineStart
}

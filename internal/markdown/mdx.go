package markdown

import (
	"bytes"
	"path"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Dialect is the kind of Markdown a body is written in, which its file's
// name tells: the same text can hold different blocks in each.
type Dialect uint8

const (
	// CommonMark is CommonMark with GitHub's extensions (tables,
	// strikethrough, autolinks, task lists): .md files.
	CommonMark Dialect = iota
	// MDX is Markdown with JSX, as MDX 2 and later read it (Astro and
	// Starlight, Docusaurus 3, Next.js sites): .mdx files. What differs
	// from CommonMark:
	//
	//   - a line of JSX tags (<Aside type="tip">, </Aside>, <Code … />,
	//     <>, </>) or of an expression in braces ({/* a comment */}) is a
	//     block of its own, which may interrupt a paragraph; between an
	//     element's opening and closing tags, the lines are Markdown, and
	//     their blocks are the element's children (a JSX node);
	//   - indentation never makes code: an indented line starts the block
	//     it would start unindented, so a heading or a code fence inside an
	//     indented component is one;
	//   - there are no HTML blocks: a heading or a fence right after a tag
	//     is not swallowed by the tag;
	//   - import and export statements at the start of a line, up to a
	//     blank line, are JavaScript (an ESM node);
	//   - in text, a JSX tag and an {expression} are markup, not words.
	//     They take goldmark's RawHTML node, which every reader of the
	//     tree already treats as markup and not prose;
	//   - <!-- comments --> are read as HTML comments, as Docusaurus does
	//     (MDX itself has none): an HTMLBlock, or RawHTML in text.
	MDX
)

// DialectOf returns the dialect of a file by its name: MDX for .mdx,
// CommonMark for anything else.
func DialectOf(name string) Dialect {
	if strings.EqualFold(path.Ext(name), ".mdx") {
		return MDX
	}
	return CommonMark
}

// String returns the dialect's name.
func (d Dialect) String() string {
	if d == MDX {
		return "MDX"
	}
	return "CommonMark"
}

// Parse parses a body in the dialect; the tree's segments are offsets of
// body.
func (d Dialect) Parse(body []byte) ast.Node {
	return d.markdown().Parser().Parse(text.NewReader(body))
}

// Analyze is the package's Analyze for a body in the dialect.
func (d Dialect) Analyze(body []byte, firstLine int) *Summary {
	return analyze(body, firstLine, true, d.markdown())
}

// AnalyzeWithoutWords is the package's AnalyzeWithoutWords for a body in
// the dialect.
func (d Dialect) AnalyzeWithoutWords(body []byte, firstLine int) *Summary {
	return analyze(body, firstLine, false, d.markdown())
}

func (d Dialect) markdown() goldmark.Markdown {
	if d == MDX {
		return mdx
	}
	return md
}

// mdx reads MDX: goldmark's parser with the block and inline parsers that
// MDX changes replaced, and GitHub's extensions, which MDX sites use
// (remark-gfm).
var mdx = goldmark.New(goldmark.WithParser(parser.NewParser(
	parser.WithBlockParsers(
		util.Prioritized(esmParser{}, 50),
		util.Prioritized(indented{parser.NewSetextHeadingParser()}, 100),
		util.Prioritized(indented{parser.NewThematicBreakParser()}, 200),
		util.Prioritized(indented{parser.NewListParser()}, 300),
		util.Prioritized(indented{parser.NewListItemParser()}, 400),
		// No indented code: MDX has none.
		util.Prioritized(indented{parser.NewATXHeadingParser()}, 600),
		util.Prioritized(indented{parser.NewFencedCodeBlockParser()}, 700),
		util.Prioritized(indented{parser.NewBlockquoteParser()}, 800),
		// JSX in place of HTML blocks.
		util.Prioritized(jsxFlowParser{}, 900),
		util.Prioritized(indented{parser.NewParagraphParser()}, 1000),
	),
	parser.WithInlineParsers(
		util.Prioritized(parser.NewCodeSpanParser(), 100),
		util.Prioritized(parser.NewLinkParser(), 200),
		// No autolinks (<https://…>) and no raw HTML: JSX.
		util.Prioritized(jsxTextParser{}, 400),
		util.Prioritized(parser.NewEmphasisParser(), 500),
	),
	parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
)), goldmark.WithExtensions(extension.GFM))

// The kinds of the nodes MDX adds.
var (
	KindJSX        = ast.NewNodeKind("JSX")
	KindExpression = ast.NewNodeKind("Expression")
	KindESM        = ast.NewNodeKind("ESM")
)

// JSX is a block of JSX tags. An element whose closing tag is on a later
// line (Element) holds the blocks between its tags as its children; its
// Lines are its opening tag's. Otherwise, it is a leaf whose Lines are its
// tags: a self-closing component, an element closed on the same line, a
// closing tag left over.
type JSX struct {
	ast.BaseBlock
	// Name is the name of the element it opens as written, without white
	// space (Tabs, Release.Provider, svg:rect); empty for a fragment <>
	// and for a leaf.
	Name string
	// Element reports an element that holds blocks.
	Element bool
}

// Kind implements ast.Node.
func (n *JSX) Kind() ast.NodeKind { return KindJSX }

// IsRaw implements ast.Node: a tag's text is not Markdown.
func (n *JSX) IsRaw() bool { return true }

// Dump implements ast.Node.
func (n *JSX) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Name": n.Name}, nil)
}

// Expression is a block of JavaScript expressions in braces, such as
// {/* a comment */}; a leaf whose Lines are its text.
type Expression struct{ ast.BaseBlock }

// Kind implements ast.Node.
func (n *Expression) Kind() ast.NodeKind { return KindExpression }

// IsRaw implements ast.Node.
func (n *Expression) IsRaw() bool { return true }

// Dump implements ast.Node.
func (n *Expression) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// ESM is a block of import and export statements; a leaf whose Lines are
// its text.
type ESM struct{ ast.BaseBlock }

// Kind implements ast.Node.
func (n *ESM) Kind() ast.NodeKind { return KindESM }

// IsRaw implements ast.Node.
func (n *ESM) IsRaw() bool { return true }

// Dump implements ast.Node.
func (n *ESM) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// The parser context's keys: the scanning budget of the document, and the
// state of the blocks being read.
var (
	budgetKey  = parser.NewContextKey()
	closingKey = parser.NewContextKey()
	depthKey   = parser.NewContextKey()
	flowKey    = parser.NewContextKey()
	commentKey = parser.NewContextKey()
)

func budgetOf(pc parser.Context, src []byte) *budget {
	return pc.ComputeIfAbsent(budgetKey, func() any { return newBudget(len(src)) }).(*budget)
}

// flowState is what the reading of an open MDX block needs to know.
type flowState struct {
	// end is the source offset where the block's own text ends: the
	// lines before it are the block's (for an element, its opening tag's).
	end int
	// inTag reports an element whose opening tag is not read whole yet.
	inTag bool
	// shift is how many columns an indented block was moved left.
	shift int
	// fence and fenceLen are a code fence's character and length.
	fence    byte
	fenceLen int
}

// states returns the states of the open blocks, by node.
func states(pc parser.Context) map[ast.Node]*flowState {
	return pc.ComputeIfAbsent(flowKey, func() any { return map[ast.Node]*flowState{} }).(map[ast.Node]*flowState)
}

// lineStart returns the source offset of the i-th byte of a line that the
// reader peeked with its segment.
func lineStart(seg text.Segment, i int) int { return seg.Start - seg.Padding + i }

// advanceTo moves the reader to the source offset off of the peeked line.
func advanceTo(reader text.Reader, seg text.Segment, off int) {
	reader.Advance(off - seg.Start + seg.Padding)
}

// appendLine adds the part of the peeked line up to the offset end (or
// all of it) to the lines of n.
func appendLine(n ast.Node, seg text.Segment, end int) {
	s := text.NewSegment(seg.Start, min(seg.Stop, max(end, seg.Start)))
	if s.Stop > s.Start {
		n.Lines().Append(s)
	}
}

// esmParser reads import and export statements: a line that starts with
// "import " or "export " at the document's top level, not indented, and
// what follows up to a blank line where the JavaScript is complete.
type esmParser struct{}

func (esmParser) Trigger() []byte { return []byte{'i', 'e'} }

func (esmParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	if parent.Kind() != ast.KindDocument || pc.BlockOffset() != 0 || seg.Padding != 0 || reader.LineOffset() != 0 ||
		!bytes.HasPrefix(line, []byte("import ")) && !bytes.HasPrefix(line, []byte("export ")) {
		return nil, parser.NoChildren
	}
	src := reader.Source()
	n := &ESM{}
	states(pc)[n] = &flowState{end: esmEnd(src, seg.Start, budgetOf(pc, src))}
	appendLine(n, seg, seg.Stop)
	reader.AdvanceToEOL()
	return n, parser.NoChildren
}

func (esmParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	return continueLeaf(node, reader, pc)
}

func (esmParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	delete(states(pc), node)
}

func (esmParser) CanInterruptParagraph() bool { return false }

func (esmParser) CanAcceptIndentedLine() bool { return false }

// continueLeaf reads a line of a leaf whose text ends at its state's end:
// a line before it is the leaf's, the next closes it.
func continueLeaf(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	_, seg := reader.PeekLine()
	st := states(pc)[node]
	if st == nil || seg.Start >= st.end {
		return parser.Close
	}
	appendLine(node, seg, seg.Stop)
	reader.AdvanceToEOL()
	return parser.Continue | parser.NoChildren
}

// jsxFlowParser reads the lines of JSX tags and expressions, and the
// <!-- comments --> Docusaurus allows in MDX.
type jsxFlowParser struct{}

func (jsxFlowParser) Trigger() []byte { return []byte{'<', '{'} }

func (jsxFlowParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 || pos >= len(line) {
		return nil, parser.NoChildren
	}
	src := reader.Source()
	start := lineStart(seg, pos)
	if bytes.HasPrefix(line[pos:], []byte("<!--")) {
		return openComment(reader, pc, seg, start)
	}
	items, end, ok := scanFlow(src, start, budgetOf(pc, src))
	if !ok {
		return nil, parser.NoChildren
	}
	// The element this line opens: the first of its tags whose closing
	// tag is not on the line.
	var open []int
	for k, it := range items {
		switch {
		case it.expr || it.tag.selfClosing:
		case !it.tag.closing:
			open = append(open, k)
		default:
			for m := len(open) - 1; m >= 0; m-- {
				if items[open[m]].tag.name == it.tag.name {
					open = open[:m]
					break
				}
			}
		}
	}
	var n ast.Node
	st := &flowState{end: end}
	depth := pc.ComputeIfAbsent(depthKey, func() any { return new(int) }).(*int)
	if len(open) > 0 && *depth < maxDepth {
		first := items[open[0]]
		n = &JSX{Name: first.tag.name, Element: true}
		st.end = first.end
		*depth++
	} else {
		tags := false
		for _, it := range items {
			tags = tags || !it.expr
		}
		if tags {
			n = &JSX{}
		} else {
			n = &Expression{}
		}
	}
	states(pc)[n] = st
	appendLine(n, text.NewSegment(start, seg.Stop), st.end)
	if st.end < seg.Stop {
		advanceTo(reader, seg, st.end)
	} else {
		reader.AdvanceToEOL()
	}
	if j, ok := n.(*JSX); ok && j.Element {
		st.inTag = st.end > seg.Stop
		if !st.inTag {
			// The rest of the line may open more: <Tabs><TabItem>.
			return n, parser.HasChildren
		}
	}
	return n, parser.NoChildren
}

// openComment opens an HTML comment block: up to the line holding -->.
func openComment(reader text.Reader, pc parser.Context, seg text.Segment, start int) (ast.Node, parser.State) {
	src := reader.Source()
	// A search that found no --> from an offset finds none from later.
	none := pc.ComputeIfAbsent(commentKey, func() any { return new(int) }).(*int)
	end := len(src)
	if *none == 0 || start < *none {
		if i := bytes.Index(src[start+4:], []byte("-->")); i >= 0 {
			end = start + 4 + i
			if nl := bytes.IndexByte(src[end:], '\n'); nl >= 0 {
				end += nl
			} else {
				end = len(src)
			}
		} else {
			*none = start + 1
		}
	}
	n := ast.NewHTMLBlock(ast.HTMLBlockType2)
	states(pc)[n] = &flowState{end: end}
	appendLine(n, text.NewSegment(start, seg.Stop), seg.Stop)
	reader.AdvanceToEOL()
	return n, parser.NoChildren
}

func (jsxFlowParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	j, ok := node.(*JSX)
	if !ok || !j.Element {
		return continueLeaf(node, reader, pc)
	}
	st := states(pc)[node]
	line, seg := reader.PeekLine()
	if st.inTag { // the opening tag goes on
		appendLine(node, seg, st.end)
		if st.end >= seg.Stop {
			reader.AdvanceToEOL()
			return parser.Continue | parser.NoChildren
		}
		advanceTo(reader, seg, st.end)
		st.inTag = false
		return parser.Continue | parser.HasChildren
	}
	if end := closes(j, line, seg, reader, pc); end >= 0 {
		advanceTo(reader, seg, end)
		return parser.Close
	}
	return parser.Continue | parser.HasChildren
}

// closes returns where the closing tag of element j ends when the line
// closes it, or -1. A line of closing tags closes the elements open
// around it from the innermost out, each tag the nearest element of its
// name; j is visited before the elements it holds, and closes when one of
// the tags closes it. Inside a code block, nothing is a tag.
func closes(j *JSX, line []byte, seg text.Segment, reader text.Reader, pc parser.Context) int {
	_, pos := util.IndentWidth(line, reader.LineOffset())
	if pos+1 >= len(line) || line[pos] != '<' || line[pos+1] != '/' {
		return -1
	}
	// Every element open around the line asks: the answer is worked out
	// once for all of them.
	num, _ := reader.Position()
	start := lineStart(seg, pos)
	c, _ := pc.Get(closingKey).(*closing)
	if c == nil || c.line != num || c.start != start {
		c = &closing{line: num, start: start, ends: closed(reader.Source(), start, seg, pc)}
		pc.Set(closingKey, c)
	}
	if end, ok := c.ends[j]; ok {
		return end
	}
	return -1
}

// closing is what a line of closing tags closes: the elements, each with
// the offset past the tag that closes it.
type closing struct {
	line, start int
	ends        map[*JSX]int
}

// closed returns the elements the line of tags at src[start] closes.
func closed(src []byte, start int, seg text.Segment, pc parser.Context) map[*JSX]int {
	blocks := pc.OpenedBlocks()
	// The line may still be the last open block's: code, or a leaf whose
	// text goes on (a leaf is closed at the line after its text, and is
	// still open when the elements around it read that line).
	switch last := blocks[len(blocks)-1].Node; last := last.(type) {
	case *ast.FencedCodeBlock:
		return nil
	case *JSX:
		if st := states(pc)[last]; st != nil && (st.inTag || !last.Element && st.end > seg.Start) {
			return nil
		}
	case *ast.HTMLBlock, *Expression, *ESM:
		if st := states(pc)[last]; st != nil && st.end > seg.Start {
			return nil
		}
	}
	var open []*JSX // the open elements, outermost first
	for _, b := range blocks {
		if n, ok := b.Node.(*JSX); ok && n.Element {
			open = append(open, n)
		}
	}
	items, _, ok := scanFlow(src, start, budgetOf(pc, src))
	if !ok || len(open) == 0 {
		return nil
	}
	ends := map[*JSX]int{}
	depth := len(open)
	for _, it := range items {
		if it.expr {
			continue
		}
		if !it.tag.closing || it.tag.selfClosing {
			break
		}
		for m := depth - 1; m >= 0; m-- {
			if open[m].Name == it.tag.name {
				for _, n := range open[m:depth] {
					ends[n] = it.end
				}
				depth = m
				break
			}
		}
	}
	return ends
}

func (jsxFlowParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	delete(states(pc), node)
	if j, ok := node.(*JSX); ok && j.Element {
		*pc.Get(depthKey).(*int)--
	}
}

// maxDepth is how deep elements may nest; deeper, an opening tag is a
// leaf. Pages nest a few; goldmark's parser does work and keeps memory in
// proportion to the depth for every line, and a line of one tag would
// otherwise buy a level.
const maxDepth = 32

func (jsxFlowParser) CanInterruptParagraph() bool { return true }

func (jsxFlowParser) CanAcceptIndentedLine() bool { return true }

// indented lets a Markdown block parser read an indented line as MDX does:
// indentation does not make code, and a line indented by four columns or
// more starts the block it would start unindented. Such a block is moved
// left, all its lines by the same columns, so that goldmark's parser,
// which stops at three, reads it with the indentation it has relative to
// its first line: a code fence's content and closing fence, a list item's
// continuation.
type indented struct{ parser.BlockParser }

func (b indented) CanAcceptIndentedLine() bool { return true }

func (b indented) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	w := pc.BlockIndent()
	if w <= 3 {
		n, state := b.BlockParser.Open(parent, reader, pc)
		if n != nil && n.Kind() == ast.KindFencedCodeBlock {
			line, _ := reader.PeekLine()
			states(pc)[n] = fence(line, pc.BlockOffset(), 0)
		}
		return n, state
	}
	shift := w - 3
	offset, indent := pc.BlockOffset(), pc.BlockIndent()
	savedLine, savedSeg := reader.Position()
	moveLeft(reader, shift)
	line, _ := reader.PeekLine()
	nw, npos := util.IndentWidth(line, reader.LineOffset())
	pc.SetBlockOffset(npos)
	pc.SetBlockIndent(nw)
	n, state := b.BlockParser.Open(parent, reader, pc)
	pc.SetBlockOffset(offset)
	pc.SetBlockIndent(indent)
	if n == nil {
		reader.SetPosition(savedLine, savedSeg)
		reader.Advance(0) // forgets the line peeked at the new position
		return nil, state
	}
	states(pc)[n] = fence(line, npos, shift)
	return n, state
}

// fence returns the state of a block moved left by shift columns, which
// is a code fence when line[pos:] opens one.
func fence(line []byte, pos, shift int) *flowState {
	st := &flowState{shift: shift}
	if pos >= 0 && pos < len(line) && (line[pos] == '`' || line[pos] == '~') {
		st.fence = line[pos]
		st.fenceLen = len(line[pos:]) - len(bytes.TrimLeft(line[pos:], string(line[pos:pos+1])))
	}
	return st
}

func (b indented) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	st := states(pc)[node]
	if st != nil && st.shift > 0 {
		moveLeft(reader, st.shift)
	}
	if st != nil && st.fence != 0 {
		// A closing fence may be indented by any columns.
		line, _ := reader.PeekLine()
		if w, pos := util.IndentWidth(line, reader.LineOffset()); w > 3 {
			rest := bytes.TrimLeft(line[pos:], string(st.fence))
			if len(line)-pos-len(rest) >= st.fenceLen && util.IsBlank(rest) {
				moveLeft(reader, w)
			}
		}
	}
	return b.BlockParser.Continue(node, reader, pc)
}

func (b indented) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	delete(states(pc), node)
	b.BlockParser.Close(node, reader, pc)
}

// moveLeft advances the reader over up to n columns of the peeked line's
// indentation.
func moveLeft(reader text.Reader, n int) {
	line, _ := reader.PeekLine()
	if pos, padding := util.IndentPosition(line, reader.LineOffset(), n); pos >= 0 {
		reader.AdvanceAndSetPadding(pos, padding)
		return
	}
	_, pos := util.IndentWidth(line, reader.LineOffset())
	if pos > 0 && pos < len(line) {
		reader.Advance(pos)
	}
}

// jsxTextParser reads a JSX tag, an {expression} or a <!-- comment --> in
// text as a RawHTML node: markup, not words.
type jsxTextParser struct{}

func (jsxTextParser) Trigger() []byte { return []byte{'<', '{'} }

func (jsxTextParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if len(line) == 0 || seg.Padding != 0 {
		return nil
	}
	src := block.Source()
	start := seg.Start
	b := budgetOf(pc, src)
	end, ok := 0, false
	switch {
	case bytes.HasPrefix(line, []byte("<!--")):
		if i := bytes.Index(src[start+4:min(len(src), start+maxScan)], []byte("-->")); i >= 0 {
			end, ok = start+4+i+3, true
		}
	case line[0] == '<':
		_, end, ok = scanTag(src, start, b)
	default:
		end, ok = scanExpr(src, start, b)
	}
	if !ok {
		return nil
	}
	// The node's segments are the parts of the block's lines it covers;
	// a tag that would end outside them (in a block quote's "> ") is none.
	savedLine, savedSeg := block.Position()
	n := ast.NewRawHTML()
	for {
		line, seg := block.PeekLine()
		if line == nil || end < seg.Start {
			block.SetPosition(savedLine, savedSeg)
			return nil
		}
		if end <= seg.Stop {
			n.Segments.Append(text.NewSegment(max(start, seg.Start), end))
			block.Advance(end - seg.Start)
			return n
		}
		n.Segments.Append(text.NewSegment(max(start, seg.Start), seg.Stop))
		block.AdvanceLine()
	}
}

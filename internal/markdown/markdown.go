// Package markdown reads the body of an entry with goldmark and summarises
// what glosa compares across languages: its text blocks, links, citations,
// structure and words. Positions are lines and columns of the whole file.
package markdown

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// Block is a leaf block of text: a paragraph, a heading, a table cell.
type Block struct {
	Kind string // paragraph, heading, cell
	// Text is the block's source, lines joined by "\n".
	Text      string
	Line, Col int
}

// Link is a link or image destination, or a bare URL.
type Link struct {
	Dest      string
	Line, Col int
}

// Citation is a bracketed source reference such as [2] or [2, 3].
type Citation struct {
	Numbers   []int
	Line, Col int
}

// Structure counts the elements whose number should match across
// languages.
type Structure struct {
	Headings, CodeBlocks, ListItems, Links, Images int
}

// Summary is what glosa needs to know about a body.
type Summary struct {
	Blocks    []Block
	Links     []Link
	Citations []Citation
	Structure Structure
	// Words counts the words of the prose (code excluded).
	Words int
}

var md = goldmark.New(goldmark.WithExtensions(extension.GFM))

// Analyze parses body, which starts at 1-based line firstLine of its file.
func Analyze(body []byte, firstLine int) *Summary {
	s := &Summary{}
	doc := md.Parser().Parse(text.NewReader(body))
	pos := newPositions(body, firstLine)
	cursor := map[ast.Node]int{}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			s.Structure.Headings++
			s.addBlock("heading", n, body, pos)
		case *ast.Paragraph:
			s.addBlock("paragraph", n, body, pos)
		case *ast.TextBlock:
			s.addBlock("paragraph", n, body, pos)
		case *east.TableCell:
			s.addBlock("cell", n, body, pos)
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			s.Structure.CodeBlocks++
			return ast.WalkSkipChildren, nil
		case *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil
		case *ast.ListItem:
			s.Structure.ListItems++
		case *ast.Link:
			s.Structure.Links++
			s.addLink(string(n.Destination), n, body, pos, cursor)
		case *ast.Image:
			s.Structure.Images++
			s.addLink(string(n.Destination), n, body, pos, cursor)
		case *ast.AutoLink:
			s.Structure.Links++
			s.addLink(string(n.URL(body)), n, body, pos, cursor)
		case *ast.CodeSpan:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			s.Words += CountWords(string(n.Segment.Value(body)))
		case *ast.String:
			s.Words += CountWords(string(n.Value))
		}
		return ast.WalkContinue, nil
	})
	return s
}

func (s *Summary) addBlock(kind string, n ast.Node, body []byte, pos *positions) {
	lines := n.Lines()
	if lines.Len() == 0 {
		return
	}
	var parts []string
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		parts = append(parts, strings.TrimRight(string(seg.Value(body)), "\r\n"))
	}
	first := lines.At(0)
	line, col := pos.at(first.Start)
	s.Blocks = append(s.Blocks, Block{Kind: kind, Text: strings.Join(parts, "\n"), Line: line, Col: col})
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		s.findCitations(seg.Value(body), seg.Start, pos)
	}
}

// citationRE matches [1], [2, 3], [1-3], [1–3]; link syntax is excluded
// by the caller by looking at the neighbouring characters.
var citationRE = regexp.MustCompile(`\[(\d{1,4}(?:\s*[,;–-]\s*\d{1,4})*)\]`)

func (s *Summary) findCitations(line []byte, start int, pos *positions) {
	masked := maskCodeSpans(line)
	for _, m := range citationRE.FindAllSubmatchIndex(masked, -1) {
		if m[0] > 0 && (masked[m[0]-1] == ']' || masked[m[0]-1] == '!' || masked[m[0]-1] == '\\') {
			continue
		}
		if m[1] < len(masked) && (masked[m[1]] == '(' || masked[m[1]] == '[' || masked[m[1]] == ':') {
			continue
		}
		c := Citation{}
		c.Line, c.Col = pos.at(start + m[0])
		c.Numbers = expandCitation(string(masked[m[2]:m[3]]))
		s.Citations = append(s.Citations, c)
	}
}

// expandCitation reads "2, 3" or "1-3" into the numbers cited.
func expandCitation(s string) []int {
	var out []int
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' }) {
		part = strings.TrimSpace(part)
		lo, hi, isRange := strings.Cut(strings.ReplaceAll(part, "–", "-"), "-")
		a, _ := strconv.Atoi(strings.TrimSpace(lo))
		if !isRange {
			out = append(out, a)
			continue
		}
		b, _ := strconv.Atoi(strings.TrimSpace(hi))
		if b < a || b-a > 100 {
			out = append(out, a, b)
			continue
		}
		for i := a; i <= b; i++ {
			out = append(out, i)
		}
	}
	return out
}

// maskCodeSpans returns a copy of line with the contents of `code spans`
// replaced by spaces, so that brackets inside code are not citations.
func maskCodeSpans(line []byte) []byte {
	out := bytes.Clone(line)
	in := false
	for i, c := range out {
		if c == '`' {
			in = !in
			continue
		}
		if in {
			out[i] = ' '
		}
	}
	return out
}

func (s *Summary) addLink(dest string, n ast.Node, body []byte, pos *positions, cursor map[ast.Node]int) {
	if dest == "" {
		return
	}
	block := n.Parent()
	for block != nil && block.Type() != ast.TypeBlock {
		block = block.Parent()
	}
	l := Link{Dest: dest}
	if block != nil {
		lines := block.Lines()
		from := cursor[block]
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			if seg.Stop <= from {
				continue
			}
			lo := max(seg.Start, from)
			if j := bytes.Index(body[lo:seg.Stop], []byte(dest)); j >= 0 {
				l.Line, l.Col = pos.at(lo + j)
				cursor[block] = lo + j + len(dest)
				break
			}
		}
		if l.Line == 0 && lines.Len() > 0 {
			l.Line, l.Col = pos.at(lines.At(0).Start)
		}
	}
	s.Links = append(s.Links, l)
}

// CountWords counts words with Unicode word segmentation (UAX #29): a
// segment is a word when it holds a letter or a digit. Scripts written
// without spaces count one word per segment the algorithm finds.
func CountWords(s string) int {
	n := 0
	state := -1
	var word string
	for len(s) > 0 {
		word, s, state = uniseg.FirstWordInString(s, state)
		for _, r := range word {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				n++
				break
			}
		}
	}
	return n
}

// positions converts body offsets to file lines and columns.
type positions struct {
	body      []byte
	firstLine int
	starts    []int
}

func newPositions(body []byte, firstLine int) *positions {
	p := &positions{body: body, firstLine: firstLine, starts: []int{0}}
	for i, c := range body {
		if c == '\n' {
			p.starts = append(p.starts, i+1)
		}
	}
	return p
}

func (p *positions) at(off int) (line, col int) {
	lo, hi := 0, len(p.starts)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if p.starts[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return p.firstLine + lo, 1 + utf8.RuneCount(p.body[p.starts[lo]:off])
}

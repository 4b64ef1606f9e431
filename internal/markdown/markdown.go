// Package markdown reads the body of an entry with goldmark and summarises
// what glosa compares across languages: its text blocks, links, citations,
// structure and words. Positions are lines and columns of the whole file.
package markdown

import (
	"bytes"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Block is a leaf block of text: a paragraph, a heading, a table cell.
type Block struct {
	Kind string // paragraph, heading, cell
	// Text is the block's source, lines joined by "\n".
	Text      string
	Line, Col int
	// Markup is what a translation of the block must carry over, as
	// Markup returns it for the block's text: its link destinations,
	// inline code and citation numbers, sorted.
	Markup []string
	// Plain is the text a reader sees: the block's text with its escapes
	// and entity references resolved (\* is *, &amp; is &), without link
	// destinations and HTML tags. Two blocks with the same Plain text say
	// the same, however a tool escaped them.
	Plain string
	// Prose is the part of Plain a translator translates: without inline
	// code, URLs, images, the texts of links to other sites (which name
	// what they link to) and text marked not to translate; empty for a
	// block marked not to translate ({.notranslate}, translate="no"), for
	// an MDX import or export, for a Hugo comment and for code that an
	// HTML block's fence left as paragraphs. prose.Words counts its words.
	Prose string
	// Digest is set, and Text, Plain and Prose empty but for a heading's,
	// in a summary glosa kept in its cache: a digest of the normalised
	// Plain text (see content.BlockDigest).
	Digest [16]byte
}

// Link is a link or image destination, or a bare URL.
type Link struct {
	Dest      string
	Line, Col int
	// Image marks an image's destination: a file, not a page, and no
	// markup a translation must carry over (see Markup).
	Image bool
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
	// CodeSpans are the inline code spans' texts, in order.
	CodeSpans []string
	// HTML are the markup items of inline HTML and JSX tags, in order
	// (see htmlMarkup).
	HTML []string
	// HTMLBlocks are the HTML blocks (in MDX, the lines of JSX tags)
	// that hold active HTML, in order.
	HTMLBlocks []HTMLBlock
	Structure  Structure
	// Words counts the words of the prose (code and citations excluded);
	// -1 when the summary was made without counting them.
	Words int
	// Code is the text of the code blocks, one after the other: where a
	// translation writes its examples, which markup-mismatch reads to
	// tell a localized example from a changed code span. glosa's cache
	// does not keep it.
	Code string
}

var md = goldmark.New(goldmark.WithExtensions(extension.GFM))

// Analyze parses body, which starts at 1-based line firstLine of its file.
func Analyze(body []byte, firstLine int) *Summary { return analyze(body, firstLine, true, md) }

// AnalyzeWithoutWords is Analyze without counting words (Words is -1):
// word segmentation is a good part of the work, and only sources need it.
func AnalyzeWithoutWords(body []byte, firstLine int) *Summary {
	return analyze(body, firstLine, false, md)
}

// analyze summarises body, read with md (see Dialect).
func analyze(body []byte, firstLine int, words bool, md goldmark.Markdown) *Summary {
	s := &Summary{}
	doc := md.Parser().Parse(text.NewReader(body))
	pos := newPositions(body, firstLine)
	cursor := map[ast.Node]int{}
	// The prose is gathered whole and counted once, when words are
	// counted: goldmark splits text at _, [ and other delimiters, and
	// foo_bar is one word.
	var prose, code bytes.Buffer
	// cur is the leaf block being walked, whose Markup the links, code
	// spans and citations met go to, and whose texts bt gathers; nil
	// between blocks.
	var cur ast.Node
	var bt blockGather
	// images counts the images being walked: their alt text is not prose.
	images := 0
	// keep is the HTML marked not to translate that is open; comment
	// the Hugo comment shortcode.
	var keep notranslate
	var comment hugoComment
	// swallowed is set when an HTML block took in a code fence's opening
	// line: the blocks after it, up to the next code block, are code.
	swallowed := false
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			switch {
			case n == cur:
				s.closeBlock(&bt, n, &comment)
				cur = nil
			case n.Kind() == ast.KindImage:
				images--
			case n.Kind() == ast.KindLink && external(n.(*ast.Link).Destination):
				bt.external--
			case n.Kind() == KindJSX && n.(*JSX).Element:
				keep.feed([]byte("</" + n.(*JSX).Name + ">"))
			}
			return ast.WalkContinue, nil
		}
		if n.Type() == ast.TypeBlock && words {
			prose.WriteByte('\n')
		}
		switch n := n.(type) {
		case *ast.Heading:
			s.Structure.Headings++
			cur = s.addBlock("heading", n, body, pos)
		case *ast.Paragraph, *ast.TextBlock:
			cur = s.addBlock("paragraph", n, body, pos)
		case *east.TableCell:
			cur = s.addBlock("cell", n, body, pos)
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			s.Structure.CodeBlocks++
			lines := n.Lines()
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				code.Write(seg.Value(body))
			}
			code.WriteByte('\n')
			swallowed = false
			return ast.WalkSkipChildren, nil
		case *ast.HTMLBlock:
			lines := n.Lines()
			fences := 0
			var raw []byte
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				keep.feed(seg.Value(body))
				raw = append(raw, seg.Value(body)...)
				if fenceLine(seg.Value(body)) {
					fences++
				}
			}
			if n.HasClosure() {
				keep.feed(n.ClosureLine.Value(body))
				raw = append(raw, n.ClosureLine.Value(body)...)
			}
			s.addHTMLBlock(n, raw, pos)
			// A comment's fences are text of the comment, not code
			// the block took in.
			if n.HTMLBlockType != ast.HTMLBlockType2 {
				swallowed = swallowed != (fences%2 == 1)
			}
			return ast.WalkSkipChildren, nil
		case *JSX: // an MDX element marked not to translate keeps its blocks
			var raw []byte
			for i := 0; i < n.Lines().Len(); i++ {
				seg := n.Lines().At(i)
				keep.feed(seg.Value(body))
				raw = append(raw, seg.Value(body)...)
			}
			s.addHTMLBlock(n, raw, pos)
		case *ast.ListItem:
			s.Structure.ListItems++
		case *ast.Link:
			s.Structure.Links++
			s.addLink(cur, string(n.Destination), n, body, pos, cursor)
			if external(n.Destination) {
				bt.external++
			}
		case *ast.Image:
			// An image's file is no markup a translation must carry over:
			// sites keep localized screenshots and diagrams (menu_ja.png,
			// i18n/en/…/picture/x.png), and an image lost is structure's.
			s.Structure.Images++
			if dest := string(n.Destination); dest != "" {
				l := Link{Dest: dest, Image: true}
				l.Line, l.Col = findLink(dest, true, n, body, pos, cursor)
				s.Links = append(s.Links, l)
			}
			images++
		case *ast.AutoLink:
			// The label is the URL as written (www.example.com without
			// the http:// that goldmark adds), and it has a position.
			s.Structure.Links++
			l := Link{Dest: string(n.Label(body))}
			l.Line, l.Col = findLink(l.Dest, false, n, body, pos, cursor)
			s.Links = append(s.Links, l)
			s.blockMarkup(cur, "link "+l.Dest)
			bt.add(l.Dest, false)
		case *ast.RawHTML:
			var raw []byte
			for i := 0; i < n.Segments.Len(); i++ {
				seg := n.Segments.At(i)
				keep.feed(seg.Value(body))
				raw = append(raw, seg.Value(body)...)
			}
			for _, m := range htmlMarkup(raw) {
				s.HTML = append(s.HTML, m)
				s.blockMarkup(cur, m)
			}
			bt.add(" ", false)
		case *ast.CodeSpan:
			var code bytes.Buffer
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*ast.Text); ok {
					code.Write(t.Segment.Value(body))
				}
			}
			s.CodeSpans = append(s.CodeSpans, code.String())
			s.blockMarkup(cur, "code "+code.String())
			bt.add(code.String(), false)
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			v := n.Segment.Value(body)
			if words {
				prose.Write(v)
				if n.SoftLineBreak() || n.HardLineBreak() {
					prose.WriteByte('\n')
				}
			}
			bt.add(string(Unescape(v)), images == 0 && !keep.open())
			if n.SoftLineBreak() || n.HardLineBreak() {
				bt.add("\n", true)
			}
		case *ast.String:
			if words {
				prose.Write(n.Value)
			}
			bt.add(string(n.Value), images == 0 && !keep.open())
		}
		if cur != nil && cur == n {
			// A block inside HTML marked not to translate is kept, and
			// one inside a code fence an HTML block took in is code.
			bt = blockGather{keep: keep.open() || swallowed}
			// Its texts are about as long as its source: one allocation
			// each, not a string of doublings.
			size := len(s.Blocks[len(s.Blocks)-1].Text)
			bt.plain.Grow(size)
			bt.prose.Grow(size)
		}
		return ast.WalkContinue, nil
	})
	s.Code = code.String()
	s.Words = -1
	if words {
		// Citations are references, not words to translate.
		s.Words = CountWords(citationRE().ReplaceAllString(prose.String(), " "))
	}
	return s
}

// Unescape undoes Markdown's backslash escapes of punctuation and resolves
// entity references (&amp; is &), as a reader sees the text.
func Unescape(v []byte) []byte {
	if bytes.IndexByte(v, '\\') >= 0 {
		v = util.UnescapePunctuations(v)
	}
	if bytes.IndexByte(v, '&') >= 0 {
		v = util.ResolveEntityNames(util.ResolveNumericReferences(v))
	}
	return v
}

// blockGather gathers the Plain and Prose texts of the block being walked.
type blockGather struct {
	plain, prose strings.Builder
	// external counts the links to other sites open: their text names
	// what they link to (a talk, an article, a library, a person) as its
	// own site does, in its own language, and is not prose.
	external int
	// keep marks a block inside HTML marked not to translate.
	keep bool
}

// add appends s to the block's plain text, and to its prose when prose.
func (bt *blockGather) add(s string, prose bool) {
	bt.plain.WriteString(s)
	if !prose || bt.external > 0 {
		s = " "
	}
	bt.prose.WriteString(s)
}

// external reports whether a link destination is on another site: an
// absolute URL (https://…, //host/…), not a path of this one.
func external(dest []byte) bool {
	d := string(dest)
	if strings.HasPrefix(d, "//") {
		return true
	}
	scheme, _, ok := strings.Cut(d, ":")
	return ok && len(scheme) > 1 && !strings.ContainsAny(scheme, "/?#")
}

// addBlock adds the leaf block n and returns it, or nil when it holds no
// text: a heading with no title, an empty cell.
func (s *Summary) addBlock(kind string, n ast.Node, body []byte, pos *positions) ast.Node {
	lines := n.Lines()
	if lines.Len() == 0 {
		return nil
	}
	var tb strings.Builder
	tb.Grow(max(0, lines.At(lines.Len()-1).Stop-lines.At(0).Start))
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		if i > 0 {
			tb.WriteByte('\n')
		}
		tb.Write(bytes.TrimRight(seg.Value(body), "\r\n"))
	}
	first := lines.At(0)
	line, col := pos.at(first.Start)
	text := tb.String()
	masked, base := maskCode(n, body)
	from := len(s.Citations)
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		s.findCitations(masked[seg.Start-base:seg.Stop-base], seg.Start, pos)
	}
	if strings.TrimSpace(text) == "" {
		return nil
	}
	b := Block{Kind: kind, Text: text, Line: line, Col: col}
	for _, c := range s.Citations[from:] {
		for _, num := range c.Numbers {
			b.Markup = append(b.Markup, "cite "+strconv.Itoa(num))
		}
	}
	s.Blocks = append(s.Blocks, b)
	return n
}

// blockMarkup adds m to the Markup of the block being walked, if any.
func (s *Summary) blockMarkup(cur ast.Node, m string) {
	if cur != nil {
		b := &s.Blocks[len(s.Blocks)-1]
		b.Markup = append(b.Markup, m)
	}
}

// closeBlock sorts the Markup of the block n just walked and sets its
// Plain and Prose texts, which bt gathered; bt is reset.
func (s *Summary) closeBlock(bt *blockGather, n ast.Node, comment *hugoComment) {
	b := &s.Blocks[len(s.Blocks)-1]
	sort.Strings(b.Markup)
	b.Plain = bt.plain.String()
	commented := comment.feed(b.Text)
	if !bt.keep && !commented && !notTranslated(b.Text) && !esm(n, b.Text) {
		b.Prose = bt.prose.String()
	}
	*bt = blockGather{}
}

// maskCode returns a copy of the lines of block n, from body offset base
// on, in which the code spans and inline HTML are blanked, so that [1]
// inside them is not a citation; without any, the body itself and 0.
func maskCode(n ast.Node, body []byte) (masked []byte, base int) {
	var out []byte
	blank := func(seg text.Segment) {
		if out == nil {
			lines := n.Lines()
			base = lines.At(0).Start
			out = bytes.Clone(body[base:lines.At(lines.Len()-1).Stop])
		}
		for i := max(seg.Start, base); i < seg.Stop && i-base < len(out); i++ {
			if out[i-base] != '\n' && out[i-base] != '\r' {
				out[i-base] = ' '
			}
		}
	}
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.CodeSpan:
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if t, ok := t.(*ast.Text); ok {
					blank(t.Segment)
				}
			}
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			for i := 0; i < c.Segments.Len(); i++ {
				blank(c.Segments.At(i))
			}
		}
		return ast.WalkContinue, nil
	})
	if out == nil {
		return body, 0
	}
	return out, base
}

// Markup lists what a translation of text must carry over unchanged: its
// link destinations, inline code, citation numbers and active HTML
// (inline or in an HTML block), sorted, one string per item ("link
// https://…", "code x := 1", "cite 2", "html script"). Images are not in
// it: a translation may show a localized screenshot.
func Markup(text string) []string {
	// Links, autolinks, code and citations all need one of these; most
	// titles and descriptions have none, and need no parsing.
	if !strings.ContainsAny(text, "[`<@:") && !strings.Contains(text, "www.") && !strings.Contains(text, "WWW.") {
		return nil
	}
	s := AnalyzeWithoutWords([]byte(text), 1)
	var out []string
	for _, l := range s.Links {
		if !l.Image {
			out = append(out, "link "+l.Dest)
		}
	}
	for _, c := range s.CodeSpans {
		out = append(out, "code "+c)
	}
	for _, c := range s.Citations {
		for _, n := range c.Numbers {
			out = append(out, "cite "+strconv.Itoa(n))
		}
	}
	out = append(out, s.HTML...)
	for _, b := range s.HTMLBlocks {
		out = append(out, b.Markup...)
	}
	sort.Strings(out)
	return out
}

// citationRE matches [1], [2, 3], [1-3], [1–3]; link syntax is excluded
// by the caller by looking at the neighbouring characters.
var citationRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\[(\d{1,4}(?:\s*[,;–-]\s*\d{1,4})*)\]`) })

// findCitations finds the citations of one line of a block, whose text
// (code already masked) starts at body offset start.
func (s *Summary) findCitations(line []byte, start int, pos *positions) {
	for _, m := range citationRE().FindAllSubmatchIndex(line, -1) {
		if m[0] > 0 && (line[m[0]-1] == ']' || line[m[0]-1] == '!' || line[m[0]-1] == '\\') {
			continue
		}
		if m[1] < len(line) && (line[m[1]] == '(' || line[m[1]] == '[' || line[m[1]] == ':') {
			continue
		}
		c := Citation{}
		c.Line, c.Col = pos.at(start + m[0])
		c.Numbers = expandCitation(string(line[m[2]:m[3]]))
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

func (s *Summary) addLink(cur ast.Node, dest string, n ast.Node, body []byte, pos *positions, cursor map[ast.Node]int) {
	if dest == "" {
		return
	}
	l := Link{Dest: dest}
	l.Line, l.Col = findLink(dest, true, n, body, pos, cursor)
	s.Links = append(s.Links, l)
	s.blockMarkup(cur, "link "+dest)
}

// findLink returns where the destination dest of the inline n is written:
// in its block, after the links of the block already found; for a
// reference link, in its definition ([k]: url) elsewhere in the body; and
// failing both, where the block starts. A destination written in (…) or
// <…> or after "]:" must follow one of those, so that the link [t](u)
// is not found in the word "Such".
func findLink(dest string, delimited bool, n ast.Node, body []byte, pos *positions, cursor map[ast.Node]int) (line, col int) {
	block := n.Parent()
	for block != nil && block.Type() != ast.TypeBlock {
		block = block.Parent()
	}
	if block == nil {
		return pos.at(0)
	}
	lines := block.Lines()
	from := cursor[block]
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		if seg.Stop <= from {
			continue
		}
		lo := max(seg.Start, from)
		if j := indexDest(body[:seg.Stop], lo, dest, delimited); j >= 0 {
			cursor[block] = j + len(dest)
			return pos.at(j)
		}
	}
	if j := indexDest(body, 0, dest, delimited); j >= 0 {
		return pos.at(j)
	}
	if lines.Len() > 0 {
		return pos.at(lines.At(0).Start)
	}
	return pos.at(0)
}

// indexDest returns the offset of the first dest in data at or after
// from, preceded, when delimited, by "(", "<" or ":" and blanks; or -1.
func indexDest(data []byte, from int, dest string, delimited bool) int {
	for from <= len(data) {
		j := bytes.Index(data[from:], []byte(dest))
		if j < 0 {
			return -1
		}
		at := from + j
		if !delimited {
			return at
		}
		k := at - 1
		for k >= 0 && (data[k] == ' ' || data[k] == '\t' || data[k] == '\n' || data[k] == '\r') {
			k--
		}
		if k >= 0 && (data[k] == '(' || data[k] == '<' || data[k] == ':') {
			return at
		}
		from = at + 1
	}
	return -1
}

// positions converts body offsets to file lines and columns.
type positions struct {
	body      []byte
	firstLine int
	starts    []int
	// last is the previous answer: a later place on the same line counts
	// its column from there, so that a line of many links is read once,
	// not once per link.
	last struct{ line, off, col int }
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
	start, col := p.starts[lo], 1
	if l := p.last; l.col > 0 && l.line == lo && l.off <= off {
		start, col = l.off, l.col
	}
	col += utf8.RuneCount(p.body[start:off])
	p.last.line, p.last.off, p.last.col = lo, off, col
	return p.firstLine + lo, col
}

// Prose returns the prose of a short Markdown text, such as a title or a
// description: its blocks' Prose, one per line.
func Prose(text string) string {
	if plainLine(text) {
		return text + "\n"
	}
	return proseParsed(text)
}

// proseParsed is Prose through the Markdown parser: the reference of
// plainLine's fast path (see FuzzProsePlain).
func proseParsed(text string) string {
	var b strings.Builder
	for _, blk := range AnalyzeWithoutWords([]byte(text), 1).Blocks {
		b.WriteString(blk.Prose)
		b.WriteByte('\n')
	}
	return b.String()
}

// plainLine reports whether text is one line that no Markdown reads as
// markup: words of letters and digits, single spaces between them and
// the punctuation of sentences, starting with a letter and not with an
// MDX import or export, ending with no space, with nothing an autolink
// starts with (www., a scheme's colon, an e-mail's @). Its prose is the
// text itself.
func plainLine(text string) bool {
	if text == "" || strings.HasPrefix(text, "import ") || strings.HasPrefix(text, "export ") {
		return false
	}
	prev := ' '
	for i, r := range text {
		switch {
		case r >= utf8.RuneSelf:
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) {
				return false
			}
		case 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z':
			if (r == 'w' || r == 'W') && len(text)-i >= 4 && strings.EqualFold(text[i:i+4], "www.") {
				return false
			}
		case '0' <= r && r <= '9':
			if i == 0 {
				return false
			}
		case r == ' ':
			if prev == ' ' {
				return false // first, or two spaces
			}
		case strings.ContainsRune(",.;?!'()-", r):
			if i == 0 {
				return false
			}
		default:
			return false
		}
		prev = r
	}
	return prev != ' '
}

package exchange

import (
	"bytes"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"

	"github.com/glosa/glosa/internal/markdown"
	"github.com/glosa/glosa/internal/placeholder"
)

// XLIFF's inline codes: what a CAT tool shows as a protected tag rather
// than as text to translate, so that a translator moves it but cannot
// break it. glosa cuts a unit's text into text and codes when it writes
// XLIFF, and puts the codes' original text back when it reads:
//
//   - In Markdown (fields and body blocks, read with goldmark in the
//     dialect of the unit's file), a link is a spanning code around its
//     text; inline code, an image, a bare or <angle> URL, inline HTML (an
//     MDX tag or {expression}), a citation ([2, 3]) and a template action
//     or Hugo shortcode ({{.Name}}, {{< x >}}, {{% x %}}) are standalone.
//     Emphasis stays text: its * and _ are few, and a translator may well
//     move them.
//   - In a catalog message, the placeholders are standalone codes: the
//     printf verbs of a c-format or go-format message, and the template
//     actions of any other that parses as a template.
//   - XLIFF 2.0 writes a spanning code <pc dataRefStart dataRefEnd> and a
//     standalone one <ph dataRef/>, their text in the unit's
//     <originalData>. XLIFF 1.2 has no original data, and glosa no
//     skeleton for <g> and <x/> to stand for: its codes hold their text,
//     a standalone one in <ph>, a spanning one in <bpt> and <ept> around
//     the text (1.2's elements for native code). OmegaT keeps these
//     intact and shows them as tags, Okapi reads their content as the
//     codes' data, and Translate Toolkit's xliff2po keeps it as text,
//     where it drops <g>'s markup. A target's code left empty (a tool
//     that rebuilds tags from the source) takes the source's of the same
//     element and id.
//   - A target gets the ids of its source's codes: equal codes first,
//     then codes of the same kind in order (a link the translation
//     localized). A target whose codes do not pair one for one with the
//     source's is written as text, untagged: import's markup check judges
//     it, as it does PO.
//   - Read back, a target with tags must have each of the source's tags
//     once and no other (Unit.Err); a target without tags is text.

// The kinds of inline codes.
const (
	codeInline      = "code"        // `x := 1`
	codeLink        = "link"        // [text](url): spans its text
	codeImage       = "image"       // ![alt](src)
	codeURL         = "url"         // <https://…>, www.example.com
	codeHTML        = "html"        // <br>, <kbd>, an MDX <Tag> or {expression}
	codeCite        = "cite"        // [2, 3]
	codeAction      = "shortcode"   // {{< x >}}, {{% x %}}, {{.Name}}
	codePlaceholder = "placeholder" // %s, %[1]d, {{.Count}} in a message
)

// piece is a piece of a unit's text: text, or an inline code.
type piece struct {
	kind string // "" for text
	// text is the text, or a standalone code's original text.
	text string
	// start and end are a spanning code's markup around inner.
	start, end string
	inner      []piece
	// id is the code's XLIFF id, the same in source and target.
	id string
}

func (p *piece) spanning() bool { return p.kind == codeLink }

// joinPieces returns the text pieces make up.
func joinPieces(ps []piece) string {
	var b strings.Builder
	var walk func([]piece)
	walk = func(ps []piece) {
		for _, p := range ps {
			b.WriteString(p.start)
			b.WriteString(p.text)
			walk(p.inner)
			b.WriteString(p.end)
		}
	}
	walk(ps)
	return b.String()
}

// codesOf lists the codes of ps, depth first, in order.
func codesOf(ps []piece) []*piece {
	var out []*piece
	for i := range ps {
		if ps[i].kind != "" {
			out = append(out, &ps[i])
			out = append(out, codesOf(ps[i].inner)...)
		}
	}
	return out
}

// inlined is a unit's source and target (one plural form's) cut into
// pieces, the codes numbered.
type inlined struct{ source, target []piece }

// inlineOf cuts source and target of u into pieces.
func inlineOf(u *Unit, source, target string) inlined {
	in := inlined{source: cut(u, source)}
	for i, c := range codesOf(in.source) {
		c.id = strconv.Itoa(i + 1)
	}
	if target != "" {
		in.target = cut(u, target)
		if !pairCodes(codesOf(in.source), codesOf(in.target)) {
			in.target = []piece{{text: target}}
		}
	}
	return in
}

// pairCodes gives each target code the id of a source code: an equal one
// first, else one of the same kind, in order. It reports whether the
// codes pair one for one.
func pairCodes(src, tgt []*piece) bool {
	if len(src) != len(tgt) {
		return false
	}
	used := make([]bool, len(src))
	pair := func(same func(s, t *piece) bool) {
		for _, t := range tgt {
			if t.id != "" {
				continue
			}
			for j, s := range src {
				if !used[j] && same(s, t) {
					t.id, used[j] = s.id, true
					break
				}
			}
		}
	}
	pair(func(s, t *piece) bool {
		return s.kind == t.kind && s.text == t.text && s.start == t.start && s.end == t.end
	})
	pair(func(s, t *piece) bool { return s.kind == t.kind })
	return !slices.Contains(used, false)
}

// cut cuts text into pieces as u's kind says; text alone when it has no
// codes, or when the codes found would not give the text back.
func cut(u *Unit, text string) []piece {
	var spans []span
	switch u.Kind {
	case "":
	case KindMessage:
		spans = messageSpans(text, u.Flags)
	default:
		d := markdown.CommonMark
		if len(u.Refs) > 0 {
			d = markdown.DialectOf(u.Refs[0].Path)
		}
		spans = markdownSpans(text, d)
	}
	if len(spans) == 0 {
		return []piece{{text: text}}
	}
	slices.SortFunc(spans, func(a, b span) int {
		if a.start != b.start {
			return a.start - b.start
		}
		return b.end - a.end // the outer first
	})
	ps, _ := nest(text, spans, 0, len(text))
	if joinPieces(ps) != text {
		return []piece{{text: text}} // never seen; text is what must not be lost
	}
	return ps
}

// span is where a code is in a text: s[start:end], its inner text
// s[in0:in1] for a spanning code.
type span struct {
	start, end, in0, in1 int
	kind                 string
}

// nest makes the pieces of s[lo:hi] from spans sorted by start, and
// returns the spans left after hi. A span that overlaps one taken, or
// another's markup, is dropped: the outer code holds it.
func nest(s string, spans []span, lo, hi int) (out []piece, rest []span) {
	at := lo
	for len(spans) > 0 && spans[0].start < hi {
		sp := spans[0]
		spans = spans[1:]
		if sp.start < at || sp.end > hi {
			continue
		}
		if sp.start > at {
			out = append(out, piece{text: s[at:sp.start]})
		}
		if sp.kind == codeLink {
			var inner []piece
			inner, spans = nest(s, spans, sp.in0, sp.in1)
			out = append(out, piece{kind: sp.kind, start: s[sp.start:sp.in0], end: s[sp.in1:sp.end], inner: inner})
		} else {
			out = append(out, piece{kind: sp.kind, text: s[sp.start:sp.end]})
		}
		at = sp.end
	}
	if at < hi {
		out = append(out, piece{text: s[at:hi]})
	}
	return out, spans
}

// actionRE matches a template action or Hugo shortcode: {{.Name}},
// {{< figure src="x" >}}, {{% note %}}. goldmark knows none of them.
var actionRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?s)\{\{.*?\}\}`) })

// messageSpans finds the placeholders of a catalog message.
func messageSpans(s string, flags []string) []span {
	var spans []span
	syntax := placeholder.Template
	for _, f := range flags {
		switch f {
		case "c-format":
			syntax = placeholder.CFormat
		case "go-format":
			syntax = placeholder.GoFormat
		}
	}
	if syntax == placeholder.Template {
		if !strings.Contains(s, "{{") {
			return nil
		}
		if _, err := placeholder.Fields(s, "", ""); err != nil {
			return nil // not a template: text
		}
		for _, m := range actionRE().FindAllStringIndex(s, -1) {
			spans = append(spans, span{start: m[0], end: m[1], kind: codePlaceholder})
		}
		return spans
	}
	ps, err := placeholder.Verbs(s, syntax)
	if err != nil {
		return nil
	}
	for _, p := range ps {
		spans = append(spans, span{start: p.Offset, end: p.Offset + len(p.Text), kind: codePlaceholder})
	}
	return spans
}

// markdownSpans finds the codes of a Markdown text in dialect d.
func markdownSpans(s string, d markdown.Dialect) []span {
	var spans []span
	for _, m := range actionRE().FindAllStringIndex(s, -1) {
		spans = append(spans, span{start: m[0], end: m[1], kind: codeAction})
	}
	// Every code goldmark finds needs one of these.
	if !strings.ContainsAny(s, "[`<{:@") && !strings.Contains(s, "www.") && !strings.Contains(s, "WWW.") {
		return spans
	}
	src := []byte(s)
	doc := d.Parse(src)
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.CodeSpan:
			if sp, ok := codeSpan(src, n); ok {
				spans = append(spans, sp)
			}
			return ast.WalkSkipChildren, nil
		case *ast.Link:
			if sp, ok := linkSpan(d, src, n, n.Destination); ok {
				sp.kind = codeLink
				spans = append(spans, sp)
			}
		case *ast.Image:
			if sp, ok := linkSpan(d, src, n, n.Destination); ok {
				sp.kind = codeImage
				spans = append(spans, sp)
			}
			return ast.WalkSkipChildren, nil
		case *ast.AutoLink:
			if sp, ok := autoLinkSpan(src, n); ok {
				spans = append(spans, sp)
			}
		case *ast.RawHTML:
			if n.Segments.Len() > 0 {
				spans = append(spans, span{start: n.Segments.At(0).Start, end: n.Segments.At(n.Segments.Len() - 1).Stop, kind: codeHTML})
			}
		}
		return ast.WalkContinue, nil
	})
	if bytes.IndexByte(src, '[') >= 0 {
		for _, c := range d.AnalyzeWithoutWords(src, 1).Citations {
			start := offsetAt(src, c.Line, c.Col)
			if end := bytes.IndexByte(src[start:], ']'); end >= 0 {
				spans = append(spans, span{start: start, end: start + end + 1, kind: codeCite})
			}
		}
	}
	return spans
}

// offsetAt returns the byte offset of 1-based line and rune column in src.
func offsetAt(src []byte, line, col int) int {
	off := 0
	for ; line > 1; line-- {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			return len(src)
		}
		off += i + 1
	}
	for ; col > 1 && off < len(src); col-- {
		_, n := utf8.DecodeRune(src[off:])
		off += n
	}
	return off
}

// texts returns the first start and last stop of the text under n, ok
// false when it has none.
func texts(n ast.Node) (lo, hi int, ok bool) {
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, isText := c.(*ast.Text); isText && entering {
			if !ok || t.Segment.Start < lo {
				lo = t.Segment.Start
			}
			hi, ok = max(hi, t.Segment.Stop), true
		}
		return ast.WalkContinue, nil
	})
	return lo, hi, ok
}

// codeSpan returns where an inline code span is, its backticks included:
// goldmark gives the position of its text only.
func codeSpan(src []byte, n *ast.CodeSpan) (span, bool) {
	lo, hi, ok := texts(n)
	if !ok {
		return span{}, false
	}
	start := lo
	if start >= 2 && src[start-1] == ' ' && src[start-2] == '`' {
		start--
	}
	open := start
	for start > 0 && src[start-1] == '`' {
		start--
	}
	end := hi
	if end+1 < len(src) && src[end] == ' ' && src[end+1] == '`' {
		end++
	}
	close := end
	for end < len(src) && src[end] == '`' {
		end++
	}
	if open-start == 0 || open-start != end-close {
		return span{}, false
	}
	return span{start: start, end: end, kind: codeInline}, true
}

// linkSpan returns where the inline link or image n is, and its text: the
// nearest "[" (or "![") before its text and the first ")" after it that
// goldmark reads alone as that one link. goldmark records the position of
// a link's text only. A link with no text is found after the text before
// it.
func linkSpan(d markdown.Dialect, src []byte, n ast.Node, dest []byte) (span, bool) {
	open := "["
	if n.Kind() == ast.KindImage {
		open = "!["
	}
	lo, hi, ok := texts(n)
	var starts []int
	if ok {
		for i := lo - len(open); i >= 0 && len(starts) < 4; i-- {
			if bytes.HasPrefix(src[i:], []byte(open)) {
				starts = append(starts, i)
			}
		}
	} else if prev, isText := n.PreviousSibling().(*ast.Text); isText {
		if i := bytes.Index(src[prev.Segment.Stop:], []byte(open)); i >= 0 {
			lo = prev.Segment.Stop + i + len(open)
			hi, starts = lo, []int{lo - len(open)}
		}
	}
	for _, start := range starts {
		tries := 0
		for end := hi + 1; end <= len(src) && tries < 8; end++ {
			if src[end-1] != ')' {
				continue
			}
			tries++
			if in1, ok := soleLink(d, src[start:end], n.Kind(), dest, hi-start); ok {
				return span{start: start, end: end, in0: start + len(open), in1: start + in1}, true
			}
		}
	}
	return span{}, false
}

// soleLink reports whether goldmark reads s as one link (or image) to dest
// and nothing else, and returns where its text ends in s: at the first
// "](" from textEnd (where the text goldmark found ends) that dest
// follows; an image in the link's text has its own.
func soleLink(d markdown.Dialect, s []byte, kind ast.NodeKind, dest []byte, textEnd int) (int, bool) {
	doc := d.Parse(s)
	p := doc.FirstChild()
	if p == nil || p.NextSibling() != nil || p.Kind() != ast.KindParagraph {
		return 0, false
	}
	l := p.FirstChild()
	if l == nil || l.NextSibling() != nil || l.Kind() != kind {
		return 0, false
	}
	var got []byte
	switch l := l.(type) {
	case *ast.Link:
		got = l.Destination
	case *ast.Image:
		got = l.Destination
	}
	if !bytes.Equal(got, dest) {
		return 0, false
	}
	for i := textEnd; ; i++ {
		j := bytes.Index(s[i:], []byte("]("))
		if j < 0 {
			break
		}
		i += j
		if rest := bytes.TrimLeft(s[i+2:], " \t\n<"); bytes.HasPrefix(rest, dest) {
			return i, true
		}
	}
	// A destination written with escapes: the last "](" then.
	if i := bytes.LastIndex(s, []byte("](")); i >= textEnd {
		return i, true
	}
	return 0, false
}

// autoLinkSpan returns where an autolink is: <https://…> or a bare URL.
func autoLinkSpan(src []byte, n *ast.AutoLink) (span, bool) {
	label := n.Label(src)
	from := 0
	if prev, ok := n.PreviousSibling().(*ast.Text); ok {
		from = prev.Segment.Stop
	}
	i := bytes.Index(src[from:], label)
	if len(label) == 0 || i < 0 {
		return span{}, false
	}
	start, end := from+i, from+i+len(label)
	if start > 0 && src[start-1] == '<' && end < len(src) && src[end] == '>' {
		start, end = start-1, end+1
	}
	return span{start: start, end: end, kind: codeURL}, true
}

// writePieces writes pieces as the content of a source or target: text
// escaped, a code as tag marks it up (a standalone code whole, a spanning
// one around its inner pieces).
func writePieces(b *strings.Builder, ps []piece, tag func(p *piece) (open, close string)) {
	for i := range ps {
		p := &ps[i]
		if p.kind == "" {
			b.WriteString(textEscaper.Replace(p.text))
			continue
		}
		open, close := tag(p)
		b.WriteString(open)
		writePieces(b, p.inner, tag)
		b.WriteString(close)
	}
}

// tag12 marks up a code in XLIFF 1.2: its text inside the tags.
func tag12(p *piece) (open, close string) {
	if p.spanning() {
		return `<bpt id="` + p.id + `" ctype="link">` + textEscaper.Replace(p.start) + "</bpt>",
			`<ept id="` + p.id + `">` + textEscaper.Replace(p.end) + "</ept>"
	}
	ctype := "x-" + p.kind
	if p.kind == codeImage {
		ctype = "image"
	}
	return `<ph id="` + p.id + `" ctype="` + ctype + `">` + textEscaper.Replace(p.text) + "</ph>", ""
}

// originalData is a 2.0 unit's <originalData>: each distinct code text
// once, by id.
type originalData struct {
	ids   map[string]string
	texts []string
}

func (o *originalData) ref(text string) string {
	if id, ok := o.ids[text]; ok {
		return id
	}
	if o.ids == nil {
		o.ids = map[string]string{}
	}
	o.texts = append(o.texts, text)
	id := "d" + strconv.Itoa(len(o.texts))
	o.ids[text] = id
	return id
}

// tag20 returns a function that marks up a code in XLIFF 2.0: its text
// in od, referred to.
func tag20(od *originalData) func(p *piece) (open, close string) {
	return func(p *piece) (open, close string) {
		if p.spanning() {
			return `<pc id="` + p.id + `" dataRefStart="` + od.ref(p.start) + `" dataRefEnd="` + od.ref(p.end) +
				`" type="link" subType="glosa:` + p.kind + `">`, "</pc>"
		}
		typ := "other"
		switch p.kind {
		case codeImage:
			typ = "image"
		case codeURL:
			typ = "link"
		}
		return `<ph id="` + p.id + `" dataRef="` + od.ref(p.text) + `" type="` + typ + `" subType="glosa:` + p.kind + `"/>`, ""
	}
}

// codeKey names an inline code element as source and target pair it: its
// name and id (an <ec>'s startRef).
func codeKey(e *node) string {
	id, ok := e.attr("id")
	if !ok {
		id, _ = e.attr("startRef")
	}
	return "<" + e.name.Local + ` id="` + id + `">`
}

// checkCodes returns the error of a target whose inline codes are not the
// source's, each once; nil for a target without codes (text, which
// import's markup check judges).
func checkCodes(unit string, target *node, src, tgt []*node) error {
	if len(tgt) == 0 {
		return nil
	}
	have := map[string]bool{}
	for _, s := range src {
		have[codeKey(s)] = true
	}
	seen := map[string]bool{}
	for _, t := range tgt {
		k := codeKey(t)
		switch {
		case !have[k]:
			return t.errorf("import.tagUnknown", "Unit", strconv.Quote(unit), "Tag", k)
		case seen[k]:
			return t.errorf("import.tagTwice", "Unit", strconv.Quote(unit), "Tag", k)
		}
		seen[k] = true
	}
	for _, s := range src {
		if k := codeKey(s); !seen[k] {
			return target.errorf("import.tagMissing", "Unit", strconv.Quote(unit), "Tag", k)
		}
	}
	return nil
}

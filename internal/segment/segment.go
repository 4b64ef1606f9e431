// Package segment cuts an entry into translation units, the pieces a CAT
// tool shows a translator one at a time, and puts a translated entry back
// together from them: front-matter text fields by path, body blocks
// (headings, paragraphs, table cells) by a hash of their text.
//
// Blocks are found with goldmark and edited through its source positions,
// so that everything between them (list markers, "> " prefixes, code
// blocks, HTML, link reference definitions, blank lines) keeps the
// source's bytes.
package segment

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/markdown"
)

// The kinds of units.
const (
	KindField     = "field"
	KindHeading   = "heading"
	KindParagraph = "paragraph"
	KindCell      = "cell"
)

// Unit is a translatable piece of an entry.
type Unit struct {
	// ID is stable: slug#path for a field (llm#title, llm#sources[1].text);
	// slug#p-<hash> for a body block, the first 8 hex digits of the SHA-256
	// of its normalised text, with -2, -3… for later blocks of the same
	// text. Re-wrapping or moving a paragraph keeps its ID.
	ID string
	// Kind is KindField for a front-matter text field, else the block's
	// kind: heading, paragraph or cell. List items and block quotes are
	// not units: the paragraphs in them are.
	Kind string
	// Text is the text to translate, inline Markdown kept. A block's text
	// is its own source without container prefixes (list markers, "> ",
	// indentation), lines joined with "\n"; a table cell's has \| read as |.
	Text string
	// Line is the 1-based line of the file where the unit starts.
	Line int
}

// Split returns the units of a parsed entry: its text fields in schema
// order, nested ones included, then its body blocks in document order.
// Empty texts are not units: there is nothing to translate.
func Split(doc *content.Document, schema *config.Field, slug string) []Unit {
	return NewSource(doc, schema, slug).Units()
}

// Align returns the existing translation's text for each unit of the
// source, by the source unit's ID. Fields pair by path. Body blocks pair by
// position, and only when the two bodies have the same sequence of block
// kinds: otherwise there are none, since a guess would be worse than
// nothing.
func Align(src, tr *content.Document, schema *config.Field, slug string) map[string]string {
	if src == nil || tr == nil {
		return map[string]string{}
	}
	return NewSource(src, schema, slug).Align(tr)
}

// Pair is a unit of the source and the translation's unit that Align
// pairs it with. The translation's unit has the translation's own ID, text
// and line.
type Pair struct {
	Source, Translation Unit
}

// Pairs returns what Align finds, as pairs of units in the source's order:
// for those who need to know where the translation says it.
func Pairs(src, tr *content.Document, schema *config.Field, slug string) []Pair {
	if src == nil || tr == nil {
		return nil
	}
	return NewSource(src, schema, slug).Pairs(tr)
}

// Source is a source entry's document cut into its units once, to give
// them and to align any number of translations with them: Split, Align
// and Pairs of one source parse its body each time.
type Source struct {
	doc    *content.Document
	schema *config.Field
	slug   string
	fields []Unit
	blocks []block
}

// NewSource cuts doc, a source entry's document, into its units.
func NewSource(doc *content.Document, schema *config.Field, slug string) *Source {
	return &Source{doc: doc, schema: schema, slug: slug, fields: fieldUnits(doc, schema, slug), blocks: blocks(doc.Body, doc.Dialect)}
}

// Units returns the source's units, as Split does.
func (s *Source) Units() []Unit {
	out := make([]Unit, 0, len(s.fields)+len(s.blocks))
	out = append(out, s.fields...)
	for _, b := range s.blocks {
		out = append(out, b.unit(s.doc, s.slug))
	}
	return out
}

// Align is Align of the source and tr, which must not be nil.
func (s *Source) Align(tr *content.Document) map[string]string {
	out := map[string]string{}
	for _, p := range s.Pairs(tr) {
		out[p.Source.ID] = p.Translation.Text
	}
	return out
}

// Pairs is Pairs of the source and tr, which must not be nil.
func (s *Source) Pairs(tr *content.Document) []Pair {
	var out []Pair
	have := map[string]Unit{}
	for _, u := range fieldUnits(tr, s.schema, s.slug) {
		have[u.ID] = u
	}
	for _, u := range s.fields {
		if t, ok := have[u.ID]; ok {
			out = append(out, Pair{u, t})
		}
	}
	sb, tb := s.blocks, blocks(tr.Body, tr.Dialect)
	if len(sb) != len(tb) {
		return out
	}
	for i := range sb {
		if sb[i].kind != tb[i].kind {
			return out
		}
	}
	for i := range sb {
		out = append(out, Pair{sb[i].unit(s.doc, s.slug), tb[i].unit(tr, s.slug)})
	}
	return out
}

// fieldUnits returns the units of a document's text fields.
func fieldUnits(doc *content.Document, schema *config.Field, slug string) []Unit {
	var out []Unit
	for _, f := range fields(doc, schema) {
		out = append(out, Unit{ID: slug + "#" + f.Path, Kind: KindField, Text: f.Node.Value, Line: f.Node.Line})
	}
	return out
}

// fields returns the non-empty text fields of a document's front matter.
func fields(doc *content.Document, schema *config.Field) []content.Value {
	if doc == nil {
		return nil
	}
	var out []content.Value
	for _, v := range content.Values(doc.Front, schema) {
		if v.Kind == config.Text && strings.TrimSpace(v.Node.Value) != "" {
			out = append(out, v)
		}
	}
	return out
}

// block is a translatable block of a body and where it is written.
type block struct {
	kind, text, id string
	// line is the 1-based line of the body where the block starts.
	line int
	// start and end delimit the block's text in the body, from its first
	// character to the last of its last line (line ending excluded).
	start, end int
	// prefix is what precedes the block's first line on that line: list
	// markers, "> ", indentation, "# ".
	prefix string
	// atx reports a heading written with #, which holds one line only.
	atx bool
	// dialect is the Markdown of the body.
	dialect markdown.Dialect
}

// unit returns the block as a unit of doc, whose body it is.
func (b block) unit(doc *content.Document, slug string) Unit {
	return Unit{ID: slug + "#" + b.id, Kind: b.kind, Text: b.text, Line: doc.BodyLine + b.line - 1}
}

// blocks returns the translatable blocks of a body in document order, with
// their IDs (without the slug). In MDX, the blocks inside components are
// blocks too, and JSX, expressions and import or export statements are
// not: they keep their bytes, as code does.
func blocks(body []byte, d markdown.Dialect) []block {
	var out []block
	_ = ast.Walk(d.Parse(body), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		kind := ""
		switch n.(type) {
		case *ast.Heading:
			kind = KindHeading
		case *ast.Paragraph, *ast.TextBlock:
			kind = KindParagraph
		case *east.TableCell:
			kind = KindCell
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock, *ast.LinkReferenceDefinition:
			return ast.WalkSkipChildren, nil
		default:
			return ast.WalkContinue, nil
		}
		if b, ok := newBlock(kind, n, body); ok {
			b.dialect = d
			out = append(out, b)
		}
		return ast.WalkSkipChildren, nil
	})
	// Goldmark may put a block before one that precedes it in the text
	// (a table made of a paragraph's last line comes before the heading
	// the paragraph's first lines become); blocks are replaced in text
	// order, and one that overlaps another cannot be replaced on its own.
	sort.SliceStable(out, func(i, j int) bool { return out[i].start < out[j].start })
	kept := out[:0]
	for _, b := range out {
		if len(kept) == 0 || b.start >= kept[len(kept)-1].end {
			kept = append(kept, b)
		}
	}
	out = kept
	seen := map[string]int{}
	for i := range out {
		sum := sha256.Sum256([]byte(content.Normalize(out[i].text)))
		id := "p-" + hex.EncodeToString(sum[:4])
		seen[id]++
		if n := seen[id]; n > 1 {
			id += "-" + strconv.Itoa(n)
		}
		out[i].id = id
	}
	return out
}

func newBlock(kind string, n ast.Node, body []byte) (block, bool) {
	lines := n.Lines()
	if lines.Len() == 0 {
		return block{}, false
	}
	parts := make([]string, 0, lines.Len())
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		parts = append(parts, strings.TrimRight(string(body[seg.Start:seg.Stop]), "\r\n"))
	}
	b := block{kind: kind, text: strings.Join(parts, "\n"), start: lines.At(0).Start}
	last := lines.At(lines.Len() - 1)
	b.end = last.Start + len(strings.TrimRight(string(body[last.Start:last.Stop]), "\r\n"))
	if strings.TrimSpace(b.text) == "" {
		return block{}, false
	}
	lineStart := bytes.LastIndexByte(body[:b.start], '\n') + 1
	b.line = 1 + bytes.Count(body[:b.start], []byte("\n"))
	b.prefix = string(body[lineStart:b.start])
	if kind == KindHeading {
		b.atx = strings.Contains(b.prefix, "#")
	}
	if kind == KindCell {
		b.text = strings.ReplaceAll(b.text, `\|`, "|")
	}
	return b, true
}

package segment

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/markdown"
)

// ErrStructure is returned by Join when a translated block, written in
// place of the source's, would not read back as the same block with the
// same text: a translation that starts a list, closes a table cell or
// otherwise changes the body's shape in a way Join cannot escape.
var ErrStructure = errors.New("the translation does not fit the block it replaces")

// errUnverified reports a result that Join refused to return because it
// did not read back as written: a bug in glosa, never the translator's.
var errUnverified = errors.New("the joined file does not read back as written")

// Join writes the translated entry.
//
// The body is the source's, with each block whose unit ID is in texts
// replaced by that text, written to fit the block's container: continuation
// lines carry the list item's indentation and the block quotes' "> ", a
// table cell's | are escaped, a heading written with # is one line. Blocks
// not in texts, and all that is not a block (code, HTML, link reference
// definitions, blank lines), keep the source's bytes.
//
// The front matter is base's when base is not nil (the existing
// translation, whose other fields, comments and order are kept byte for
// byte), else the source's without its translation record. Every text
// field whose unit ID is in texts is set to that text; a text field of the
// source that base lacks is added from the source. A single-line scalar is
// replaced where it stands; a block scalar, or a value that must grow, has
// its top-level key rewritten.
//
// complete reports whether texts had every unit of the source (an empty
// text counts as missing). An incomplete result is marked draft: true, so
// that glosa counts it untranslated; a complete one loses its draft key.
// Join never writes a translation record: the caller stamps. The result is
// parsed again, and returned only when it reads back with the texts given.
// Join writes YAML front matter only: a source or base with TOML or JSON
// front matter is refused with content.ErrUneditable.
func Join(src, base *content.Document, schema *config.Field, slug string, texts map[string]string) (data []byte, complete bool, err error) {
	if err := content.NeedYAML(src); err != nil {
		return nil, false, err
	}
	if base != nil {
		if err := content.NeedYAML(base); err != nil {
			return nil, false, err
		}
	}
	text := func(u Unit) (string, bool) {
		t, ok := texts[u.ID]
		return t, ok && strings.TrimSpace(t) != ""
	}
	complete = true
	for _, u := range Split(src, schema, slug) {
		if _, ok := text(u); !ok {
			complete = false
		}
	}

	// The front matter.
	cur := base
	if cur == nil {
		stub, err := content.Stub(src) // drops the record
		if err != nil {
			return nil, false, err
		}
		if cur, err = content.Parse(stub); err != nil {
			return nil, false, fmt.Errorf("%w: %v", errUnverified, err)
		}
	}
	want := map[string]string{}
	var order []string
	has := map[string]bool{}
	for _, f := range content.Values(cur.Front, schema) {
		has[f.Path] = true
	}
	for _, f := range fields(src, schema) {
		t, ok := text(Unit{ID: slug + "#" + f.Path})
		switch {
		case ok:
			want[f.Path] = t
		case !has[f.Path]:
			want[f.Path] = f.Node.Value
		default:
			continue
		}
		order = append(order, f.Path)
	}
	if cur, err = setFields(cur, src, schema, order, want); err != nil {
		return nil, false, err
	}
	if cur, err = setDraft(cur, !complete); err != nil {
		return nil, false, err
	}

	// The body.
	bs := blocks(src.Body, src.Dialect)
	nl := "\n"
	if src.CRLF {
		nl = "\r\n"
	}
	var body bytes.Buffer
	expect := make([]string, len(bs))
	pos := 0
	for i, b := range bs {
		expect[i] = b.text
		t, ok := text(Unit{ID: slug + "#" + b.id})
		if !ok || t == b.text {
			continue
		}
		written, reads := render(b, t, nl)
		body.Write(src.Body[pos:b.start])
		body.WriteString(written)
		pos = b.end
		expect[i] = reads
	}
	body.Write(src.Body[pos:])
	newBody := body.Bytes()
	if src.CRLF != cur.CRLF {
		newBody = bytes.ReplaceAll(newBody, []byte("\r\n"), []byte("\n"))
		if cur.CRLF {
			newBody = bytes.ReplaceAll(newBody, []byte("\n"), []byte("\r\n"))
		}
	}
	head := cur.Raw[:len(cur.Raw)-len(cur.Body)]
	if base == nil && src.FrontEnd == 0 && cur.Front == nil {
		// The source had no front matter and the result needs none.
		head = head[:0]
		if cur.BOM {
			head = bom
		}
	}
	if len(bytes.TrimPrefix(head, bom)) == 0 && (bytes.HasPrefix(newBody, []byte("---")) || bytes.HasPrefix(newBody, []byte("+++"))) {
		// A body that starts with --- would read as front matter.
		head = append(bytes.Clone(head), "---"+lineEnd(cur)+"---"+lineEnd(cur)...)
	}
	out := append(bytes.Clone(head), newBody...)

	// Read it back.
	got, err := content.Parse(out)
	if err != nil {
		return nil, false, fmt.Errorf("%w: %v", errUnverified, err)
	}
	values := map[string]string{}
	for _, f := range content.Values(got.Front, schema) {
		values[f.Path] = f.Node.Value
	}
	for _, p := range order {
		if v, ok := values[p]; !ok || v != want[p] {
			return nil, false, fmt.Errorf("%w: %s reads back as %q", errUnverified, p, v)
		}
	}
	if draft(got) != !complete {
		return nil, false, fmt.Errorf("%w: draft is not %v", errUnverified, !complete)
	}
	gb := blocks(got.Body, src.Dialect)
	for i, b := range bs {
		if i >= len(gb) || gb[i].kind != b.kind || gb[i].text != expect[i] {
			line := got.BodyLine
			if i < len(gb) {
				line += gb[i].line - 1
			}
			return nil, false, fmt.Errorf("%s#%s, line %d: %w", slug, b.id, line, ErrStructure)
		}
	}
	if len(gb) != len(bs) || !sameShape(src.Body, got.Body, src.Dialect) {
		return nil, false, fmt.Errorf("%s: %w", slug, ErrStructure)
	}
	return out, complete, nil
}

var bom = []byte("\xef\xbb\xbf")

func lineEnd(d *content.Document) string {
	if d.CRLF {
		return "\r\n"
	}
	return "\n"
}

// draft reports whether a document says draft: true.
func draft(d *content.Document) bool {
	var b bool
	if v := d.Lookup("draft"); v != nil {
		_ = v.Decode(&b)
	}
	return b
}

// sameShape reports whether two bodies have the same blocks, nested the
// same way, read in dialect d.
func sameShape(a, b []byte, d markdown.Dialect) bool { return slices.Equal(shape(a, d), shape(b, d)) }

// shape lists the block nodes of a Markdown body in document order, each
// as its goldmark kind preceded by one "." per level of nesting: what a
// translation must keep of its source's structure.
func shape(body []byte, d markdown.Dialect) []string {
	var out []string
	depth := 0
	_ = ast.Walk(d.Parse(body), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if n.Type() != ast.TypeBlock || n.Kind() == ast.KindDocument {
			return ast.WalkContinue, nil
		}
		if !entering {
			depth--
			return ast.WalkContinue, nil
		}
		out = append(out, strings.Repeat(".", depth)+n.Kind().String())
		depth++
		return ast.WalkContinue, nil
	})
	return out
}

// render returns a translated block's text as written in the body, and as
// it will read back (what Split will find there). It joins lines and adds
// backslashes where the text as given would start or end another block.
func render(b block, t, nl string) (written, reads string) {
	var lines []string
	for _, l := range strings.Split(strings.ReplaceAll(t, "\r\n", "\n"), "\n") {
		if l = strings.TrimLeft(l, " \t"); strings.TrimSpace(l) != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) == 0 {
		return b.text, b.text
	}
	lines[len(lines)-1] = strings.TrimRight(lines[len(lines)-1], " \t")
	if b.kind == KindCell {
		for i, l := range lines {
			lines[i] = strings.ReplaceAll(l, `\|`, "|")
		}
	}
	if b.kind == KindCell || b.atx {
		lines = []string{strings.Join(lines, " ")}
	}
	if !oneParagraph(lines, b.dialect) {
		lines = []string{strings.Join(lines, " ")}
		if !oneParagraph(lines, b.dialect) {
			lines[0] = escapeStart(lines[0])
		}
	}
	if b.atx {
		lines[0] = escapeClosing(lines[0])
	}
	reads = strings.Join(lines, "\n")
	if b.kind == KindCell {
		lines[0] = strings.ReplaceAll(lines[0], "|", `\|`)
	}
	var cont strings.Builder
	for _, r := range b.prefix {
		if r == '>' || r == '\t' {
			cont.WriteRune(r)
		} else {
			cont.WriteByte(' ')
		}
	}
	return strings.Join(lines, nl+cont.String()), reads
}

// oneParagraph reports whether lines read alone as one paragraph of as
// many lines, and so will in the block they replace.
func oneParagraph(lines []string, d markdown.Dialect) bool {
	body := []byte(strings.Join(lines, "\n"))
	doc := d.Parse(body)
	p := doc.FirstChild()
	if p == nil || p.NextSibling() != nil || p.Kind() != ast.KindParagraph || p.Lines().Len() != len(lines) {
		return false
	}
	last := p.Lines().At(len(lines) - 1)
	return last.Stop == len(body) || strings.TrimRight(string(body[last.Stop:]), " \t") == ""
}

// escapeStart adds a backslash that keeps a line from starting a block:
// before its first character when that is ASCII punctuation (# - + * > `
// ~ < | = [ …), before the . or ) of an ordered list marker.
func escapeStart(l string) string {
	if l == "" {
		return l
	}
	if c := l[0]; c < 0x80 && strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) >= 0 {
		return `\` + l
	}
	i := 0
	for i < len(l) && l[i] >= '0' && l[i] <= '9' {
		i++
	}
	if i > 0 && i < len(l) && (l[i] == '.' || l[i] == ')') {
		return l[:i] + `\` + l[i:]
	}
	return l
}

// escapeClosing keeps a trailing run of # in a heading's text from
// reading as the heading's closing sequence.
func escapeClosing(l string) string {
	t := strings.TrimRight(l, "#")
	if len(t) == len(l) || t != "" && !strings.HasSuffix(t, " ") && !strings.HasSuffix(t, "\t") {
		return l
	}
	return t + `\` + l[len(t):]
}

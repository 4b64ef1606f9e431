// Package content finds the entries of a repository, parses their front
// matter and body, computes the source hash, and edits front matter without
// touching any byte it does not mean to change.
package content

import (
	"bytes"
	"slices"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/limits"
	"github.com/glosa/glosa/internal/markdown"
)

// Document is a Markdown file split into its front matter and body. The
// front matter may be YAML between --- lines, TOML between +++ lines or a
// JSON object, as Hugo reads them; whatever its syntax, Front holds it as a
// YAML node tree.
type Document struct {
	// Raw is the file as read.
	Raw []byte
	// BOM reports a UTF-8 byte order mark at the start of Raw.
	BOM bool
	// CRLF reports that the file's first line ends in CRLF; glosa writes
	// the lines it adds with the same ending.
	CRLF bool
	// Front is the front matter's top-level mapping, nil without front
	// matter. Its node positions are lines of the whole file.
	Front *yaml.Node
	// FrontStart and FrontEnd delimit the front-matter text in Raw: from
	// the line after the opening --- (or +++) to the start of the closing
	// line; for JSON, from the opening { to just after the closing }.
	FrontStart, FrontEnd int
	// Body is the Markdown after the front matter (all of Raw without it).
	Body []byte
	// BodyLine is the 1-based line of Raw where Body starts.
	BodyLine int
	// Dialect is the Markdown the body is written in, which the file's
	// name tells (see ParseFile); Parse, which has no name, leaves it
	// CommonMark.
	Dialect markdown.Dialect
}

var bom = []byte("\xef\xbb\xbf")

// Parse splits a file into front matter and body and parses the front
// matter. YAML front matter opens with a --- line and ends at the next line
// that is --- or ... (spaces after either are allowed); TOML front matter
// opens and ends with a +++ line; JSON front matter is an object that opens
// with { followed by " or }, and ends on the line of the } that closes it.
// As in Hugo, white space and blank lines may come before the opening
// delimiter. A file without any of them has no front matter and is all
// body. Errors are *l10n.Error values, with the line and
// column of the file where the problem is and no path.
func Parse(data []byte) (*Document, error) {
	return parse(data)
}

// ParseFile is Parse for the file of that name, whose body's Dialect it
// sets (an .mdx file's is MDX).
func ParseFile(name string, data []byte) (*Document, error) {
	d, err := parse(data)
	if d != nil {
		d.Dialect = markdown.DialectOf(name)
	}
	return d, err
}

func parse(data []byte) (*Document, error) {
	d := &Document{Raw: data, BodyLine: 1}
	start := 0
	if bytes.HasPrefix(data, bom) {
		d.BOM = true
		start = len(bom)
	}
	if i := bytes.IndexByte(data, '\n'); i > 0 && data[i-1] == '\r' {
		d.CRLF = true
	}
	if config.UTF16(data) {
		return d, l10n.At(1, 1, l10n.Msg("err.utf16"))
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		line, col := Position(data, i)
		return d, l10n.At(line, col, l10n.Msg("err.nul"))
	}
	if i := config.LoneCR(data); i >= 0 {
		line, col := Position(data, i)
		return d, l10n.At(line, col, l10n.Msg("err.loneCR"))
	}
	if !utf8.Valid(data) {
		off := invalidUTF8(data)
		line, col := Position(data, off)
		return d, l10n.At(line, col, l10n.Msg("err.invalidUTF8"))
	}
	if i := limits.DeepMarkdown(data); i >= 0 {
		line, col := Position(data, i)
		return d, l10n.At(line, col, l10n.Msg("err.tooDeep", "Max", limits.MarkdownNesting))
	}
	// Hugo skips white space, blank lines and byte order marks before the
	// front matter's opening delimiter.
	open := start + leadingSpace(data[start:])
	first, next := lineAt(data, open)
	first = bytes.TrimRight(first, " \t") // "--- " is a delimiter too, as for Jekyll
	if string(first) == "+++" {
		return parseTOML(d, open, next)
	}
	if jsonStart(data[open:]) {
		return parseJSON(d, open)
	}
	if string(first) != "---" {
		d.Body = data[start:]
		return d, nil
	}
	// Find the closing delimiter: a line that is exactly --- or ...
	if !closeFront(d, next, "---", "...") {
		line, col := Position(data, open)
		return d, l10n.At(line, col, l10n.Msg("fm.unclosed"))
	}
	front := data[d.FrontStart:d.FrontEnd]
	if i, what := config.LineSeparator(front); i >= 0 {
		line, col := Position(data, d.FrontStart+i)
		return d, l10n.At(line, col, l10n.Msg("fm.lineSeparator", "What", what))
	}
	if len(bytes.Trim(front, " \r\n")) == 0 { // yaml.v3 rejects a line of only \t or \f
		return d, nil
	}
	// Decode the front matter preceded by one blank line per line before it,
	// so that node and error positions are lines of the whole file.
	before := bytes.Count(data[:d.FrontStart], []byte("\n"))
	padded := make([]byte, 0, len(front)+before)
	padded = append(padded, bytes.Repeat([]byte("\n"), before)...)
	padded = append(padded, front...)
	if line := documentMarker(padded); line > 0 {
		return d, l10n.At(line, 1, l10n.Msg("fm.secondDocument"))
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(padded, &doc); err != nil {
		if line := directive(padded); line > 0 {
			return d, l10n.At(line, 1, l10n.Msg("fm.directive"))
		}
		line, col, msg := config.LocateYAMLError(padded, err)
		return d, l10n.At(line, col, l10n.Msg("fm.yaml", "Error", msg))
	}
	if len(doc.Content) == 0 {
		return d, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return d, l10n.At(root.Line, root.Column, l10n.Msg("fm.notMapping"))
	}
	if err := checkDuplicates(root); err != nil {
		return d, err
	}
	d.Front = root
	return d, nil
}

// documentMarker returns the 1-based line of yaml that starts with a
// document marker (--- or ... and a blank) or 0. yaml.v3 reads the first
// document only: the rest would be ignored, and editing the front matter
// could bring it to light.
func documentMarker(yaml []byte) int {
	for n, line := range bytes.Split(yaml, []byte("\n")) {
		if (bytes.HasPrefix(line, []byte("---")) || bytes.HasPrefix(line, []byte("..."))) &&
			len(line) > 3 && (line[3] == ' ' || line[3] == '\t') {
			return n + 1
		}
	}
	return 0
}

// directive returns the 1-based line of yaml that holds a directive
// (%YAML 1.2, %TAG …) or 0. A directive must come before a --- that starts
// the document, and front matter cannot hold one: yaml.v3 then says only
// "mapping values are not allowed in this context". Parse asks only when
// yaml.v3 has failed, so that a line of a valid value is never taken for
// one.
func directive(yaml []byte) int {
	for n, line := range bytes.Split(yaml, []byte("\n")) {
		if len(line) > 1 && line[0] == '%' && (line[1] >= 'A' && line[1] <= 'Z' || line[1] >= 'a' && line[1] <= 'z') {
			return n + 1
		}
	}
	return 0
}

// checkDuplicates rejects a mapping with the same key twice: YAML forbids
// it, and which value wins would be a guess.
func checkDuplicates(n *yaml.Node) error {
	switch n.Kind {
	case yaml.MappingNode:
		first := map[string]int{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if line, dup := first[k.Value]; dup {
				return l10n.At(k.Line, k.Column, l10n.Msg("fm.duplicateKey", "Key", k.Value, "Line", line))
			}
			first[k.Value] = k.Line
			if err := checkDuplicates(n.Content[i+1]); err != nil {
				return err
			}
		}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			if err := checkDuplicates(c); err != nil {
				return err
			}
		}
	}
	return nil
}

// leadingSpace returns how many bytes of data are white space before its
// first other character, as Hugo's page lexer skips them before front
// matter: ASCII spaces, tabs, line breaks, form and vertical feeds, and
// byte order marks.
func leadingSpace(data []byte) int {
	n := 0
	for n < len(data) {
		switch {
		case data[n] == ' ' || data[n] == '\t' || data[n] == '\n' || data[n] == '\r' || data[n] == '\v' || data[n] == '\f':
			n++
		case bytes.HasPrefix(data[n:], bom):
			n += len(bom)
		default:
			return n
		}
	}
	return n
}

// FrontLine returns the 1-based line where the front matter's text starts
// (the line after its opening delimiter; the { of JSON), 0 without front
// matter.
func (d *Document) FrontLine() int {
	if d == nil || d.FrontEnd == 0 {
		return 0
	}
	line, _ := Position(d.Raw, d.FrontStart)
	return line
}

// lineAt returns the line starting at off without its line ending, and the
// offset of the next line.
func lineAt(data []byte, off int) (line []byte, next int) {
	i := bytes.IndexByte(data[off:], '\n')
	if i < 0 {
		return bytes.TrimSuffix(data[off:], []byte("\r")), len(data)
	}
	return bytes.TrimSuffix(data[off:off+i], []byte("\r")), off + i + 1
}

// Position converts a byte offset of data to a 1-based line and a 1-based
// column counted in characters (see config.Position).
func Position(data []byte, off int) (line, col int) { return config.Position(data, off) }

func invalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// Lookup returns the value of a top-level front-matter key, or nil. Keys
// are read as Hugo reads them, whatever their case (Title: is title); the
// key written exactly as asked wins over another spelling of it. A key
// that comes through a merge key (<<: *base) counts, as it does for every
// YAML reader; KeyNode, for edits, finds only the key written in the front
// matter itself.
func (d *Document) Lookup(key string) *yaml.Node {
	if d == nil || d.Front == nil {
		return nil
	}
	return member(d.Front, key)
}

// sameKey reports whether two front-matter keys are the same key to Hugo,
// which lower-cases every key it reads: Title is title, TranslationKey is
// translationKey.
func sameKey(a, b string) bool { return strings.EqualFold(a, b) }

// maxMerges bounds the merge keys member follows, against a chain of
// anchors built to make it work forever.
const maxMerges = 100

// member returns the value of key in mapping m, or nil, following merge
// keys as yaml.v3 decodes them: a key of m itself wins over a merged one,
// and of several mappings merged with <<: [*a, *b] the first that has the
// key wins.
func member(m *yaml.Node, key string) *yaml.Node {
	budget := maxMerges
	return memberIn(m, key, &budget)
}

func memberIn(m *yaml.Node, key string, budget *int) *yaml.Node {
	m = resolve(m)
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	var merges []*yaml.Node
	folded := -1
	for i := 0; i+1 < len(m.Content); i += 2 {
		k := m.Content[i]
		if k.Kind == yaml.ScalarNode && k.Tag == "!!merge" {
			merges = append(merges, m.Content[i+1])
			continue
		}
		if k.Value == key {
			return m.Content[i+1]
		}
		if folded < 0 && sameKey(k.Value, key) {
			folded = i
		}
	}
	if folded >= 0 {
		return m.Content[folded+1]
	}
	for _, v := range merges {
		sources := []*yaml.Node{v}
		if v = resolve(v); v != nil && v.Kind == yaml.SequenceNode {
			sources = v.Content
		}
		for _, src := range sources {
			if *budget--; *budget < 0 {
				return nil
			}
			if found := memberIn(src, key, budget); found != nil {
				return found
			}
		}
	}
	return nil
}

// resolve returns the node an alias stands for, or n itself.
func resolve(n *yaml.Node) *yaml.Node {
	if n != nil && n.Kind == yaml.AliasNode {
		return n.Alias
	}
	return n
}

// KeyNode returns the key node of a top-level front-matter key, or nil:
// the key as written, or else the first spelled with other cases (see
// Lookup).
func (d *Document) KeyNode(key string) *yaml.Node {
	if d == nil || d.Front == nil {
		return nil
	}
	var folded *yaml.Node
	for i := 0; i+1 < len(d.Front.Content); i += 2 {
		k := d.Front.Content[i]
		if k.Value == key {
			return k
		}
		if folded == nil && sameKey(k.Value, key) {
			folded = k
		}
	}
	return folded
}

// ClosingLine returns the 1-based line of the delimiter that closes the
// front matter, where a missing field would be added; 1 without front
// matter.
func (d *Document) ClosingLine() int {
	if d == nil || d.FrontEnd == 0 {
		return 1
	}
	line, _ := Position(d.Raw, d.FrontEnd)
	return line
}

// FirstBodyLine returns the 1-based line of the first non-blank line of the
// body, or the line where the body starts when it is all blank.
func (d *Document) FirstBodyLine() int {
	line := d.BodyLine
	for _, l := range bytes.Split(d.Body, []byte("\n")) {
		if len(bytes.TrimSpace(l)) > 0 {
			return line
		}
		line++
	}
	return d.BodyLine
}

// closeFront finds where the front matter that starts at next ends: the
// first line that is one of the closing delimiters (spaces after it
// allowed). It sets d's FrontStart, FrontEnd, Body and BodyLine, and
// reports whether there is such a line.
func closeFront(d *Document, next int, delims ...string) bool {
	data := d.Raw
	d.FrontStart = next
	for pos, line := next, 1+bytes.Count(data[:next], []byte("\n")); pos < len(data); line++ {
		text, after := lineAt(data, pos)
		if slices.Contains(delims, string(bytes.TrimRight(text, " \t"))) {
			d.FrontEnd, d.Body, d.BodyLine = pos, data[after:], line+1
			return true
		}
		pos = after
	}
	return false
}

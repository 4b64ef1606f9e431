package content

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/glosa/glosa/internal/l10n"
)

// RecordKey is the front-matter key of the translation record.
const RecordKey = "translation"

// Record is what a translation says it was translated from.
type Record struct {
	// Source is the language translated from; "" means the project source.
	Source string
	// Hash is the source hash at translation time.
	Hash string
	// Commit is the source commit, when known.
	Commit string
	// Line is where the record starts in the file.
	Line int
	// Foreign names the other ecosystem's record this one was read from:
	// "l10n.sourceCommit" (MDN) or "default_lang_commit" (OpenTelemetry
	// and other Hugo sites); "" for glosa's own. A foreign record has a
	// commit and no hash.
	Foreign string
}

// Record returns the document's translation record, nil when it has none.
// A record that is present but malformed is an error.
func (d *Document) Record() (*Record, error) {
	n := d.Lookup(RecordKey)
	if n == nil {
		return d.foreignRecord()
	}
	k := d.KeyNode(RecordKey)
	if n.Kind != yaml.MappingNode {
		return nil, l10n.At(n.Line, n.Column, l10n.Msg("record.notMapping"))
	}
	r := &Record{Line: k.Line}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, v := n.Content[i], n.Content[i+1]
		if v.Kind != yaml.ScalarNode {
			return nil, l10n.At(v.Line, v.Column, l10n.Msg("record.notScalar", "Key", key.Value))
		}
		switch strings.ToLower(key.Value) {
		case "source":
			r.Source = v.Value
		case "hash":
			r.Hash = v.Value
		case "commit":
			r.Commit = v.Value
		}
	}
	if r.Hash == "" {
		return nil, l10n.At(k.Line, k.Column, l10n.Msg("record.noHash"))
	}
	return r, nil
}

// foreignRecord reads the source commit other tools record: MDN's
// l10n: {sourceCommit: …} and the default_lang_commit: … of OpenTelemetry's
// and other Hugo sites' translations. nil when there is none.
func (d *Document) foreignRecord() (*Record, error) {
	var v *yaml.Node
	var key *yaml.Node
	name := ""
	if l := d.Lookup("l10n"); l != nil && l.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(l.Content); i += 2 {
			if sameKey(l.Content[i].Value, "sourceCommit") {
				key, v, name = l.Content[i], l.Content[i+1], "l10n.sourceCommit"
			}
		}
	}
	if c := d.Lookup("default_lang_commit"); c != nil && v == nil {
		key, v, name = d.KeyNode("default_lang_commit"), c, "default_lang_commit"
	}
	if v == nil {
		return nil, nil
	}
	if v.Kind != yaml.ScalarNode || !commitRE().MatchString(v.Value) {
		return nil, l10n.At(v.Line, v.Column, l10n.Msg("record.badCommit", "Key", name))
	}
	return &Record{Commit: strings.ToLower(v.Value), Line: key.Line, Foreign: name}, nil
}

// commitRE is a full or abbreviated git commit hash.
var commitRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[0-9a-fA-F]{4,64}$`) })

// ErrUneditable is returned by SetRecord for front matter whose record it
// cannot rewrite by lines: a {…} flow mapping, a line less indented than
// the keys, a record key that shares its line with something else, a record
// that defines an anchor other keys may use. The error wrapping it says
// which, and where.
var ErrUneditable = errors.New("glosa cannot edit this front matter in place")

// errUnverified reports a rewrite that SetRecord refused to return because
// it did not read back as written: a bug in glosa, never the user's doing.
var errUnverified = errors.New("the stamped file does not read back as written")

// SetRecord returns the file with its translation record replaced by rec,
// or added at the end of the front matter. In TOML front matter the record
// is a [translation] table (tables come after the top-level keys); in JSON
// front matter a "translation" member, its value replaced in place or the
// member added last, laid out as the other members are. Only the record's
// lines change;
// every other byte, comments, key order, quoting, line endings and a BOM,
// stays as it was. A file without front matter gets one holding only the
// record. The record block is glosa's: an existing one is rewritten whole,
// from its key to its last indented line; blank lines and comments after
// it are kept. The result is parsed again before it is returned, so a file
// glosa writes always reads back with rec as its record.
func SetRecord(d *Document, rec Record) ([]byte, error) {
	nl := "\n"
	if d.CRLF {
		nl = "\r\n"
	}
	raw := d.Raw
	if d.FrontEnd == 0 { // no front matter: add one
		start := 0
		if d.BOM {
			start = len(bom)
		}
		return verify(concat(raw[:start], []byte("---"+nl+recordBlock(rec, "", nl)+"---"+nl), raw[start:]), rec)
	}
	switch d.Syntax() {
	case TOML:
		return setRecordTOML(d, rec, nl)
	case JSON:
		return setRecordJSON(d, rec, nl)
	}
	indent, col, err := keyIndent(d)
	if err != nil {
		return nil, err
	}
	block := []byte(recordBlock(rec, indent, nl))
	k := d.KeyNode(RecordKey)
	if k == nil {
		return verify(concat(raw[:d.FrontEnd], block, raw[d.FrontEnd:]), rec)
	}
	from, end, err := keyBlock(d, k, col, indent, RecordKey)
	if err != nil {
		return nil, err
	}
	return verify(concat(raw[:from], block, raw[end:]), rec)
}

// keyIndent returns the indentation of the front matter's top-level keys
// (as text and as a 1-based column), refusing front matter whose lines
// cannot be edited one key at a time: a {…} flow mapping, or values less
// indented than the keys.
func keyIndent(d *Document) (indent string, col int, err error) {
	col = 1
	if d.Front == nil {
		return "", col, nil
	}
	if d.Front.Style&yaml.FlowStyle != 0 {
		return "", 0, l10n.Wrap(ErrUneditable, "edit.flow", "Line", d.Front.Line)
	}
	// Keys start where the first one does (the mapping itself may start
	// earlier, at a tag or an anchor).
	col = d.Front.Column
	if len(d.Front.Content) > 0 {
		col = d.Front.Content[0].Column
	}
	indent = strings.Repeat(" ", col-1)
	if line := lessIndented(d.Raw[d.FrontStart:d.FrontEnd], len(indent)); line > 0 {
		return "", 0, l10n.Wrap(ErrUneditable, "edit.lessIndented", "Line", d.FrontLine()-1+line)
	}
	return indent, col, nil
}

// keyBlock returns the bytes [from, end) of the top-level key k and its
// value: from its line to the last line before the next key that is not
// blank or a comment (blank lines and comments after it are not its own).
// what names the key in errors.
func keyBlock(d *Document, k *yaml.Node, col int, indent, what string) (from, end int, err error) {
	raw := d.Raw
	from = lineOffset(raw, k.Line)
	if k.Column != col || len(bytes.TrimLeft(raw[from:from+len(indent)], " ")) != 0 {
		return 0, 0, l10n.Wrap(ErrUneditable, "edit.notLineStart", "Line", k.Line, "Key", what)
	}
	var value *yaml.Node
	limit := d.FrontEnd
	for i := 0; i+1 < len(d.Front.Content); i += 2 {
		if d.Front.Content[i] == k {
			value = d.Front.Content[i+1]
			if i+2 < len(d.Front.Content) {
				limit = lineOffset(raw, d.Front.Content[i+2].Line)
			}
			break
		}
	}
	if k.Anchor != "" || value != nil && hasAnchor(value) {
		return 0, 0, l10n.Wrap(ErrUneditable, "edit.anchor", "Line", k.Line, "Key", what)
	}
	_, end = lineAt(raw, from)
	for pos := end; pos < limit; {
		text, next := lineAt(raw, pos)
		if t := bytes.TrimLeft(text, " \t"); len(t) > 0 && t[0] != '#' {
			end = next
		}
		pos = next
	}
	return from, end, nil
}

// lessIndented returns the 1-based line of front that holds a value but is
// less indented than indent spaces, or 0. YAML parsers accept such a line
// as the value of the key above it; a key added at indent after it would
// not parse.
func lessIndented(front []byte, indent int) int {
	for n, line := range bytes.SplitAfter(front, []byte("\n")) {
		t := bytes.TrimLeft(line, " ")
		if len(bytes.TrimSpace(t)) == 0 || t[0] == '#' {
			continue
		}
		if len(line)-len(t) < indent {
			return n + 1
		}
	}
	return 0
}

// recordBlock writes the record as block YAML, each line starting with
// indent and ending with nl.
func recordBlock(rec Record, indent, nl string) string {
	var b strings.Builder
	b.WriteString(indent + RecordKey + ":" + nl)
	if rec.Source != "" {
		b.WriteString(indent + "  source: " + rec.Source + nl)
	}
	b.WriteString(indent + "  hash: " + rec.Hash + nl)
	if rec.Commit != "" {
		b.WriteString(indent + "  commit: " + rec.Commit + nl)
	}
	return b.String()
}

// hasAnchor reports whether a node or one of its children defines an
// anchor, which other keys may refer to.
func hasAnchor(n *yaml.Node) bool {
	if n.Anchor != "" {
		return true
	}
	for _, c := range n.Content {
		if hasAnchor(c) {
			return true
		}
	}
	return false
}

// verify parses a rewritten file and checks that its record is rec.
func verify(out []byte, rec Record) ([]byte, error) {
	d, err := Parse(out)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errUnverified, err)
	}
	got, err := d.Record()
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errUnverified, err)
	}
	if got == nil || got.Source != rec.Source || got.Hash != rec.Hash || got.Commit != rec.Commit {
		return nil, fmt.Errorf("%w: the record reads back as %+v", errUnverified, got)
	}
	return out, nil
}

func concat(parts ...[]byte) []byte {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	out := make([]byte, 0, n)
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// lineOffset returns the byte offset where the 1-based line starts.
func lineOffset(data []byte, line int) int {
	off := 0
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(data[off:], '\n')
		if i < 0 {
			return len(data)
		}
		off += i + 1
	}
	return off
}

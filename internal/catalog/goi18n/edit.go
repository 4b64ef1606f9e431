package goi18n

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	yaml "go.yaml.in/yaml/v3"
)

// The edits (Add, Remove, Set) return the file's new content and leave every
// line they do not touch byte-identical: they splice new text into the file
// as parsed. YAML positions come from yaml.v3's node tree and new YAML text
// is encoded by yaml.v3; JSON and TOML text is spliced at the offsets the
// position pass found. Set rewrites a YAML mapping or a TOML table field by
// field, so fields that keep their value keep their lines and comments; a
// JSON message's value, a plain string and a TOML inline value are rewritten
// whole. New text puts fields in a fixed order: description, hash,
// leftDelim, rightDelim, then the plural forms in CLDR order; a message with
// only "other" and nothing else is written as a plain string. Forms present
// in Message.Text with empty text are written empty, which is how a stub
// asks for them.

var (
	// ErrExists is returned by Add for an ID the file already has, as a
	// message or as a group of nested messages.
	ErrExists = errors.New("message already exists")
	// ErrNotFound is returned by Remove and Set for an ID the file lacks.
	ErrNotFound = errors.New("no such message")
	// ErrLayout is returned when a message is written in a way the edits
	// do not splice: YAML or JSON flow style sharing a line with other
	// keys, TOML dotted keys (a.other = …) or a message inside an inline
	// table. The file is left for a person to edit.
	ErrLayout = errors.New("message layout cannot be edited in place")
)

// Stub returns the message glosa sync adds to a translation that lacks
// source: the source's ID, description and hash, and every plural form the
// language requires (see RequiredForms) with empty text. Its state is
// Untranslated, so it is counted as work to do, and go-i18n skips it at run
// time (an all-empty message is no message) and falls back to the source
// language. The source's text itself goes into a comment in YAML and TOML
// files (see SourceComment) and into goi18n translate files (TranslateFile),
// the two places translators look for it; putting it in the forms, as
// goi18n's translate files do, would make an untranslated message look
// current.
func Stub(source *Message, langForms []Form) *Message {
	m := &Message{ID: source.ID, Description: source.Description, Hash: Hash(source),
		LeftDelim: source.LeftDelim, RightDelim: source.RightDelim, Text: map[Form]string{}}
	for _, f := range RequiredForms(source, langForms) {
		m.Text[f] = ""
	}
	return m
}

// SourceComment returns the comment Add writes above a stub: the source
// language and the source's forms, one per line, as in "en: Hello".
func SourceComment(sourceLang string, source *Message) string {
	var b strings.Builder
	for _, f := range Forms() {
		if s, ok := source.Text[f]; ok {
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
			if len(source.Text) == 1 {
				fmt.Fprintf(&b, "%s: %s", sourceLang, s)
			} else {
				fmt.Fprintf(&b, "%s (%s): %s", sourceLang, f, s)
			}
		}
	}
	return b.String()
}

// fields returns the message's fields in writing order.
func fields(m *Message) [][2]string {
	var fs [][2]string
	for _, kv := range [][2]string{{"description", m.Description}, {"hash", m.Hash}, {"leftDelim", m.LeftDelim}, {"rightDelim", m.RightDelim}} {
		if kv[1] != "" {
			fs = append(fs, kv)
		}
	}
	for _, f := range Forms() {
		if s, ok := m.Text[f]; ok {
			fs = append(fs, [2]string{string(f), s})
		}
	}
	return fs
}

// plain reports whether m is written as a plain string.
func plain(m *Message) bool {
	fs := fields(m)
	return len(fs) == 1 && fs[0][0] == string(Other)
}

// Every edit parses its result before returning it and fails with
// ErrLayout rather than return a file go-i18n would read otherwise than
// intended.

// Add returns the file with m appended as a new top-level message (a nested
// ID such as menu.open is written as one dotted key, which go-i18n reads
// back as the same ID). comment, if not empty, is written above it in YAML
// and TOML, one "# " line per line; JSON has no comments.
func (f *File) Add(m *Message, comment string) ([]byte, error) {
	out, err := f.add([]Addition{{m, comment}})
	return f.checked(out, err, "adding", m.ID, m)
}

// Addition is one message for AddAll, with the comment Add writes above it.
type Addition struct {
	Message *Message
	Comment string
}

// AddAll returns the file with every message of as appended in order, byte
// for byte as one Add after another would write them, but parsed and
// checked once at the end: glosa sync adds thousands of stubs to a catalog
// without parsing it once per stub.
func (f *File) AddAll(as []Addition) ([]byte, error) {
	if len(as) == 0 {
		return f.data, nil
	}
	out, err := f.add(as)
	if err != nil {
		return nil, err
	}
	want := make([]*Message, len(as))
	for i, a := range as {
		want[i] = a.Message
	}
	return f.checkedAll(out, want, "adding")
}

func (f *File) add(as []Addition) ([]byte, error) {
	seen := make(map[string]bool, len(as))
	for _, a := range as {
		id := a.Message.ID
		if _, group := f.entries[id]; f.Message(id) != nil || group || seen[id] {
			return nil, fmt.Errorf("adding %q to %s: %w", id, f.Path, ErrExists)
		}
		seen[id] = true
	}
	if f.Message("") != nil {
		// The whole file is one message (its top level has reserved keys).
		return nil, fmt.Errorf("adding %q to %s: %w", as[0].Message.ID, f.Path, ErrLayout)
	}
	switch f.Format {
	case "yaml":
		return f.addYAML(as)
	case "json":
		return f.addJSON(as)
	case "toml":
		return f.addTOML(as), nil
	}
	return nil, fmt.Errorf("%w %q", ErrFormat, f.Format)
}

func commentLines(comment string, indent string) string {
	if comment == "" {
		return ""
	}
	var b strings.Builder
	for _, l := range strings.Split(comment, "\n") {
		b.WriteString(strings.TrimRight(indent+"# "+l, " "))
		b.WriteByte('\n')
	}
	return b.String()
}

// withNewline returns data ending in a newline unless it is empty.
func withNewline(data []byte) []byte {
	out := bytes.Clone(data)
	if len(out) > 0 && out[len(out)-1] != '\n' {
		out = append(out, '\n')
	}
	return out
}

func splice(data []byte, start, end int, text string) []byte {
	out := make([]byte, 0, len(data)-(end-start)+len(text))
	out = append(out, data[:start]...)
	out = append(out, text...)
	return append(out, data[end:]...)
}

// top returns the file's top-level entries.
func (f *File) top() []entry {
	var es []entry
	for _, e := range f.entries {
		if !e.nested && !e.dotted {
			es = append(es, e)
		}
	}
	return es
}

func (f *File) addYAML(as []Addition) ([]byte, error) {
	id := as[0].Message.ID
	for _, e := range f.top() {
		if !e.lineEdit {
			return nil, fmt.Errorf("adding %q to %s: %w", id, f.Path, ErrLayout)
		}
	}
	data := f.data
	if len(f.top()) == 0 {
		if t := bytes.TrimSpace(data); len(t) > 0 && string(t) != "{}" && !onlyComments(data) {
			return nil, fmt.Errorf("adding %q to %s: %w", id, f.Path, ErrLayout)
		}
		data = bytes.Replace(data, []byte("{}"), nil, 1)
	}
	indent := ""
	for _, e := range f.top() {
		indent = e.indent // top-level keys share one indentation
	}
	step := f.yamlIndent()
	out := withNewline(data)
	for _, a := range as {
		text, err := renderYAML(a.Message.ID, a.Message, indent, step)
		if err != nil {
			return nil, err
		}
		out = append(out, commentLines(a.Comment, indent)+text...)
	}
	return out, nil
}

func onlyComments(data []byte) bool {
	for _, l := range bytes.Split(data, []byte("\n")) {
		if t := bytes.TrimSpace(l); len(t) > 0 && t[0] != '#' {
			return false
		}
	}
	return true
}

// yamlIndent is the file's indentation step; goi18n's (yaml.v3's) 4 when the
// file does not show one.
func (f *File) yamlIndent() int {
	step := 0
	for _, e := range f.entries {
		if e.lineEdit && e.nested {
			if p, ok := f.entries[e.parent]; ok && p.lineEdit {
				if d := len(e.indent) - len(p.indent); d > 0 && (step == 0 || d < step) {
					step = d
				}
			}
		}
	}
	if step == 0 {
		return 4
	}
	return step
}

// renderYAML encodes key: m through yaml.v3, every line prefixed by indent.
func renderYAML(key string, m *Message, indent string, step int) (string, error) {
	val := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: m.Text[Other]}
	if !plain(m) {
		val = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		for _, kv := range fields(m) {
			val.Content = append(val.Content,
				&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: kv[0]},
				&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: kv[1]})
		}
	}
	doc := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{
		{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, val}}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(step)
	if err := enc.Encode(doc); err != nil {
		return "", fmt.Errorf("encoding %q: %w", key, err)
	}
	if err := enc.Close(); err != nil {
		return "", fmt.Errorf("encoding %q: %w", key, err)
	}
	var b strings.Builder
	for _, l := range strings.SplitAfter(buf.String(), "\n") {
		if l == "" {
			continue
		}
		if l != "\n" {
			b.WriteString(indent)
		}
		b.WriteString(l)
	}
	return b.String(), nil
}

// quote writes s as a JSON string without HTML escaping; the result is also
// a valid TOML basic string.
func quote(s string) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // encoding a string cannot fail
	return strings.TrimSuffix(buf.String(), "\n")
}

// renderJSON encodes m as a JSON value whose closing brace is at indent.
func renderJSON(m *Message, indent, step string) string {
	if plain(m) {
		return quote(m.Text[Other])
	}
	var b strings.Builder
	b.WriteString("{")
	for i, kv := range fields(m) {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n" + indent + step + quote(kv[0]) + ": " + quote(kv[1]))
	}
	b.WriteString("\n" + indent + "}")
	return b.String()
}

func (f *File) jsonStep() string {
	for _, e := range f.top() {
		if e.indent != "" {
			return e.indent
		}
	}
	return "  "
}

func (f *File) addJSON(as []Addition) ([]byte, error) {
	step := f.jsonStep()
	tops := f.top()
	id := as[0].Message.ID
	if t := bytes.TrimSpace(f.data); len(t) > 0 && t[0] != '{' {
		return nil, fmt.Errorf("adding %q to %s: %w", id, f.Path, ErrLayout)
	}
	// entries writes the messages one after another, each behind sep and
	// indent, as each Add writes one after the last entry.
	entries := func(sep, indent string) string {
		var b strings.Builder
		for _, a := range as {
			b.WriteString("," + sep + indent + quote(a.Message.ID) + ": " + renderJSON(a.Message, indent, step))
		}
		return b.String()
	}
	if len(tops) == 0 {
		open := bytes.IndexByte(f.data, '{')
		closing := bytes.LastIndexByte(f.data, '}')
		// The first message opens the object; the rest follow it.
		entry := "\n" + strings.TrimPrefix(entries("\n", step), ",\n") + "\n"
		if open < 0 || closing < open {
			if len(bytes.TrimSpace(f.data)) > 0 {
				return nil, fmt.Errorf("adding %q to %s: %w", id, f.Path, ErrLayout)
			}
			return []byte("{" + entry + "}\n"), nil
		}
		return splice(f.data, open+1, closing, entry), nil
	}
	last := tops[0]
	for _, e := range tops {
		if e.end > last.end {
			last = e
		}
	}
	indent, sep := last.indent, "\n"
	if indent == "" {
		sep = " "
	}
	return splice(f.data, last.end, last.end, entries(sep, indent)), nil
}

var bareKey = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z0-9_-]+$`) })

func tomlKey(k string) string {
	if bareKey().MatchString(k) {
		return k
	}
	return quote(k)
}

// renderTOMLTable writes m as a table under header.
func renderTOMLTable(header string, m *Message) string {
	var b strings.Builder
	b.WriteString(header + "\n")
	for _, kv := range fields(m) {
		b.WriteString(kv[0] + " = " + quote(kv[1]) + "\n")
	}
	return b.String()
}

// renderTOMLValue writes m as a string or an inline table.
func renderTOMLValue(m *Message) string {
	if plain(m) {
		return quote(m.Text[Other])
	}
	var parts []string
	for _, kv := range fields(m) {
		parts = append(parts, kv[0]+" = "+quote(kv[1]))
	}
	return "{ " + strings.Join(parts, ", ") + " }"
}

func (f *File) addTOML(as []Addition) []byte {
	out := withNewline(f.data)
	for _, a := range as {
		if len(bytes.TrimSpace(out)) > 0 {
			out = append(out, '\n')
		}
		out = append(out, commentLines(a.Comment, "")+renderTOMLTable("["+tomlKey(a.Message.ID)+"]", a.Message)...)
	}
	return out
}

// entryFor returns the position of message id, or an error.
func (f *File) entryFor(id, verb string) (entry, error) {
	if f.Message(id) == nil {
		return entry{}, fmt.Errorf("%s %q in %s: %w", verb, id, f.Path, ErrNotFound)
	}
	e, ok := f.entries[id]
	if !ok || e.dotted || (f.Format != "json" && !e.lineEdit) {
		return entry{}, fmt.Errorf("%s %q in %s: %w", verb, id, f.Path, ErrLayout)
	}
	return e, nil
}

// Remove returns the file without message id, as glosa sync --prune does to
// an orphan. A group left empty by the removal (menu: once menu.open is
// gone) goes with it, so that go-i18n does not read it as an empty message.
func (f *File) Remove(id string) ([]byte, error) {
	out, err := f.remove(id)
	return f.checked(out, err, "removing", id, nil)
}

func (f *File) remove(id string) ([]byte, error) {
	c, err := f.cutFor(id)
	if err != nil {
		return nil, err
	}
	out := splice(f.data, c.start, c.end, "")
	if c.suffix != "" {
		out = append(withNewline(out), c.suffix...)
	}
	return out, nil
}

// cut is the text a removal takes out of a file, and what it then writes
// at the end.
type cut struct {
	start, end int
	suffix     string
	// e is the entry taken out: the message, or the group it empties.
	e entry
}

// cutFor returns the cut that removes message id.
func (f *File) cutFor(id string) (cut, error) {
	e, err := f.entryFor(id, "removing")
	if err != nil {
		return cut{}, err
	}
	// Climb to the outermost group that holds nothing else.
	for e.siblings == 1 && e.nested {
		p, ok := f.entries[e.parent]
		if !ok || p.dotted || (f.Format != "json" && !p.lineEdit) || p.table {
			break
		}
		e = p
	}
	switch f.Format {
	case "json":
		switch {
		case e.siblings == 1:
			return cut{start: e.open + 1, end: e.close, e: e}, nil
		case e.nextStart >= 0:
			return cut{start: e.start, end: e.nextStart, e: e}, nil
		default:
			return cut{start: e.prevEnd, end: e.end, e: e}, nil
		}
	case "yaml":
		c := cut{start: e.start, end: e.end, e: e}
		if !e.nested && e.siblings == 1 {
			// An empty YAML document is no mapping to go-i18n.
			c.suffix = "{}\n"
		}
		return c, nil
	}
	start := e.start
	if e.table {
		// Take the blank line that separated the table from the one before.
		for start >= 2 && f.data[start-1] == '\n' && f.data[start-2] == '\n' {
			start--
		}
	}
	return cut{start: start, end: e.end, e: e}, nil
}

// RemoveAll returns the file without the messages ids, as one Remove after
// another would, checked once: glosa sync --prune removes every orphan of
// a catalog with one parse when the removals are apart (no group or
// object left empty, no two cuts touching), and one by one otherwise.
func (f *File) RemoveAll(ids []string) ([]byte, error) {
	if out, ok := f.removeApart(ids); ok {
		gone := make(map[string]bool, len(ids))
		for _, id := range ids {
			gone[id] = true
		}
		if g, err := Parse(f.Path, out); err == nil && len(g.Messages) == len(f.Messages)-len(ids) && sameExcept(f, g, gone) {
			return out, nil
		}
	}
	cur := f
	for _, id := range ids {
		out, err := cur.Remove(id)
		if err != nil {
			return nil, err
		}
		if cur, err = Parse(f.Path, out); err != nil {
			return nil, err
		}
	}
	return cur.data, nil
}

// sameExcept reports whether g has every message of f but those gone, as
// f has it, and none of those.
func sameExcept(f, g *File, gone map[string]bool) bool {
	for _, m := range f.Messages {
		if gone[m.ID] != (g.Message(m.ID) == nil) || !gone[m.ID] && !sameContent(m, g.Message(m.ID)) {
			return false
		}
	}
	return true
}

// removeApart cuts every message of ids out of the file at once, which it
// reports it could only when no cut changes another: each leaves its
// enclosing mapping another entry, none writes at the end, and the cuts
// are apart (a byte at least between two, except in YAML), so each is
// what Remove would cut after the others. RemoveAll checks the result all the same.
func (f *File) removeApart(ids []string) ([]byte, bool) {
	cuts := make([]cut, 0, len(ids))
	left := map[string]int{} // entries each mapping keeps, by parent
	for _, id := range ids {
		c, err := f.cutFor(id)
		if err != nil || c.suffix != "" {
			return nil, false
		}
		if f.Format != "toml" { // TOML tables leave no empty mapping behind
			if _, ok := left[c.e.parent]; !ok {
				left[c.e.parent] = c.e.siblings
			}
			if left[c.e.parent]--; left[c.e.parent] < 1 {
				return nil, false
			}
		}
		cuts = append(cuts, c)
	}
	slices.SortFunc(cuts, func(a, b cut) int { return b.start - a.start })
	// A YAML cut is its entry's lines, whatever is around them, so YAML
	// cuts may touch; a JSON cut takes a comma of a neighbour, a TOML one
	// the blank lines before it.
	gap := 1
	if f.Format == "yaml" {
		gap = 0
	}
	out := f.data
	for i, c := range cuts {
		if i > 0 && c.end+gap > cuts[i-1].start {
			return nil, false
		}
		out = splice(out, c.start, c.end, "")
	}
	return out, true
}

// Set returns the file with message m.ID rewritten to m: its text, hash,
// description and delimiters, as glosa sync and stamp do. The key and the
// lines around it stay as they are.
func (f *File) Set(m *Message) ([]byte, error) {
	out, err := f.set(m)
	return f.checked(out, err, "setting", m.ID, m)
}

func (f *File) set(m *Message) ([]byte, error) {
	e, err := f.entryFor(m.ID, "setting")
	if err != nil {
		return nil, err
	}
	if f.Format != "json" {
		if out, ok := f.setFields(m); ok {
			return out, nil
		}
	}
	switch f.Format {
	case "json":
		return splice(f.data, e.valStart, e.end, renderJSON(m, e.indent, f.jsonStep())), nil
	case "yaml":
		key := e.key
		text, err := renderYAML(key, m, e.indent, f.yamlIndent())
		if err != nil {
			return nil, err
		}
		return splice(f.data, e.start, e.end, text), nil
	}
	if e.table {
		return splice(f.data, e.start, e.end, renderTOMLTable(e.key, m)), nil
	}
	nl := ""
	if e.end > 0 && f.data[e.end-1] == '\n' {
		nl = "\n"
	}
	return splice(f.data, e.start, e.end, e.indent+e.key+" = "+renderTOMLValue(m)+nl), nil
}

// checked parses an edit's result and returns it only if go-i18n reads it as
// intended: message id reads as want (nil: gone) and every other message is
// as before. The splicing above handles the layouts people and goi18n
// write; this catches the rest (odd indentation, duplicate keys, keys that
// collide after flattening) so that an edit never silently damages a file.
func (f *File) checked(out []byte, err error, verb, id string, want *Message) ([]byte, error) {
	if err != nil {
		return nil, err
	}
	fail := fmt.Errorf("%s %q in %s: %w", verb, id, f.Path, ErrLayout)
	g, perr := Parse(f.Path, out)
	if perr != nil {
		return nil, fail
	}
	got := g.Message(id)
	if (want == nil) != (got == nil) || want != nil && !sameContent(want, got) {
		return nil, fail
	}
	for _, m := range f.Messages {
		if m.ID != id && !sameContent(m, g.Message(m.ID)) {
			return nil, fail
		}
	}
	n := len(f.Messages)
	if f.Message(id) != nil {
		n--
	}
	if want != nil {
		n++
	}
	if len(g.Messages) != n {
		return nil, fail
	}
	return out, nil
}

// sameContent compares what go-i18n reads of two messages, empty forms
// ignored.
func sameContent(a, b *Message) bool {
	if a == nil || b == nil {
		return a == b
	}
	if a.ID != b.ID || a.Description != b.Description || a.Hash != b.Hash || a.LeftDelim != b.LeftDelim || a.RightDelim != b.RightDelim {
		return false
	}
	for _, f := range Forms() {
		if a.Text[f] != b.Text[f] {
			return false
		}
	}
	return true
}

// setFields rewrites a YAML mapping message or a TOML table message field
// by field: a field whose value does not change keeps its line, comment and
// place; a changed field is rewritten on its own lines; a new field goes
// after the last one; a field m no longer has is cut. It reports false when
// the message is not written so (a plain string, a v1 translation key, an
// inline layout), and Set then rewrites the whole message.
func (f *File) setFields(m *Message) ([]byte, bool) {
	old := f.Message(m.ID)
	type child struct {
		name string
		e    entry
	}
	var children []child
	for id, c := range f.entries {
		name, ok := strings.CutPrefix(id, m.ID+".")
		if !ok || !c.nested || c.parent != m.ID {
			continue
		}
		if !c.lineEdit || c.dotted || !reservedField(name) {
			return nil, false
		}
		children = append(children, child{name, c})
	}
	if len(children) == 0 || old == nil {
		return nil, false
	}
	type edit struct {
		start, end int
		text       string
	}
	var edits []edit
	render := func(c entry, name, value string) (string, bool) {
		if f.Format == "toml" {
			return c.indent + tomlKey(name) + " = " + quote(value) + "\n", true
		}
		text, err := renderYAML(name, &Message{Text: map[Form]string{Other: value}}, c.indent, f.yamlIndent())
		return text, err == nil
	}
	last := children[0].e
	for _, c := range children {
		if c.e.end > last.end {
			last = c.e
		}
	}
	want := fields(m)
	for _, c := range children {
		found := false
		for _, kv := range want {
			if strings.EqualFold(kv[0], c.name) {
				found = true
				if fieldValue(old, kv[0]) != kv[1] {
					text, ok := render(c.e, c.name, kv[1])
					if !ok {
						return nil, false
					}
					edits = append(edits, edit{c.e.start, c.e.end, text})
				}
			}
		}
		if !found {
			edits = append(edits, edit{c.e.start, c.e.end, ""})
		}
	}
	// A new field goes before the first kept field that follows it in
	// writing order, else after the last field.
	rank := func(name string) int {
		for i, n := range []string{"description", "hash", "leftdelim", "rightdelim", "zero", "one", "two", "few", "many", "other"} {
			if n == strings.ToLower(name) {
				return i
			}
		}
		return len(want)
	}
	for _, kv := range want {
		if slicesContainsFold(children, func(c child) string { return c.name }, kv[0]) {
			continue
		}
		at := last
		after := true
		for _, c := range children {
			kept := slicesContainsFold(want, func(w [2]string) string { return w[0] }, c.name)
			if kept && rank(c.name) > rank(kv[0]) && (after || c.e.start < at.start) {
				at, after = c.e, false
			}
		}
		text, ok := render(at, kv[0], kv[1])
		if !ok {
			return nil, false
		}
		pos := at.start
		if after {
			if at.end == 0 || f.data[at.end-1] != '\n' {
				return nil, false
			}
			pos = at.end
		}
		// Insertions at one place keep their writing order.
		merged := false
		for i := range edits {
			if edits[i].start == pos && edits[i].end == pos {
				edits[i].text += text
				merged = true
			}
		}
		if !merged {
			edits = append(edits, edit{pos, pos, text})
		}
	}
	// Apply from the end so that earlier offsets hold. At one offset, a
	// replacement goes first and an insertion then lands before it.
	slices.SortStableFunc(edits, func(a, b edit) int {
		if a.start != b.start {
			return b.start - a.start
		}
		return (b.end - b.start) - (a.end - a.start)
	})
	out := f.data
	for _, ed := range edits {
		out = splice(out, ed.start, ed.end, ed.text)
	}
	return out, true
}

// reservedField reports whether a key is one of go-i18n's message fields
// other than the v1 "translation" and "id".
func reservedField(name string) bool {
	switch strings.ToLower(name) {
	case "description", "hash", "leftdelim", "rightdelim", "zero", "one", "two", "few", "many", "other":
		return true
	}
	return false
}

// fieldValue returns a message's value for a field name.
func fieldValue(m *Message, name string) string {
	switch strings.ToLower(name) {
	case "description":
		return m.Description
	case "hash":
		return m.Hash
	case "leftdelim":
		return m.LeftDelim
	case "rightdelim":
		return m.RightDelim
	}
	return m.Text[Form(strings.ToLower(name))]
}

func slicesContainsFold[T any](s []T, key func(T) string, name string) bool {
	for _, v := range s {
		if strings.EqualFold(key(v), name) {
			return true
		}
	}
	return false
}

// SetAll returns the file with every message of ms rewritten as Set
// rewrites one, checked once at the end: an import of hundreds of messages
// parses the file once, not once per message. Every ID must be in the file.
func (f *File) SetAll(ms []*Message) ([]byte, error) {
	type job struct {
		m     *Message
		start int
	}
	jobs := make([]job, 0, len(ms))
	for _, m := range ms {
		e, err := f.entryFor(m.ID, "setting")
		if err != nil {
			return nil, err
		}
		jobs = append(jobs, job{m, e.start})
	}
	// From the end of the file back, so that every edit leaves the
	// offsets of the entries still to edit where they were.
	slices.SortStableFunc(jobs, func(a, b job) int { return b.start - a.start })
	cur := *f
	for i, j := range jobs {
		if i > 0 && j.start == jobs[i-1].start {
			return nil, fmt.Errorf("setting %q in %s: %w", j.m.ID, f.Path, ErrLayout)
		}
		out, err := cur.set(j.m)
		if err != nil {
			return nil, err
		}
		cur.data = out
	}
	return f.checkedAll(cur.data, ms, "setting")
}

// checkedAll is checked for several messages set or added at once: every
// message of ms reads as written, every other one as before, and no other
// message appeared. The error names the first message that does not.
func (f *File) checkedAll(out []byte, ms []*Message, verb string) ([]byte, error) {
	want := make(map[string]*Message, len(ms))
	n := len(f.Messages)
	for _, m := range ms {
		want[m.ID] = m
		if f.Message(m.ID) == nil {
			n++
		}
	}
	fail := fmt.Errorf("%s %d messages in %s: %w", verb, len(ms), f.Path, ErrLayout)
	g, err := Parse(f.Path, out)
	if err != nil {
		return nil, fail
	}
	for _, m := range f.Messages {
		if _, ok := want[m.ID]; !ok && !sameContent(m, g.Message(m.ID)) {
			return nil, fmt.Errorf("%s %d messages in %s: %q changed: %w", verb, len(ms), f.Path, m.ID, ErrLayout)
		}
	}
	for _, m := range ms {
		if !sameContent(m, g.Message(m.ID)) {
			return nil, fmt.Errorf("%s %q in %s: %w", verb, m.ID, f.Path, ErrLayout)
		}
	}
	if len(g.Messages) != n {
		return nil, fail
	}
	return out, nil
}

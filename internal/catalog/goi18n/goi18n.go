// Package goi18n reads and edits go-i18n message files (JSON, TOML and YAML)
// the way go-i18n and its goi18n tool do, and adds what glosa needs on top:
// the line and column of every message, the state of a translation against
// its source message, goi18n-style translate files, and byte-preserving edits
// for glosa sync.
//
// The messages' content always comes from go-i18n's own parser
// (i18n.ParseMessageFileBytes), so glosa reads exactly what an application
// loads; this package adds only a position pass per format, written here
// because no go-i18n API reports where a message is.
package goi18n

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	yaml "go.yaml.in/yaml/v3"
	"golang.org/x/text/language"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/limits"
)

// Form is a CLDR plural category as go-i18n names it: zero, one, two, few,
// many or other.
type Form string

// The CLDR plural categories, in CLDR order.
const (
	Zero  Form = "zero"
	One   Form = "one"
	Two   Form = "two"
	Few   Form = "few"
	Many  Form = "many"
	Other Form = "other"
)

// Forms lists every plural category in CLDR order.
func Forms() []Form { return []Form{Zero, One, Two, Few, Many, Other} }

// Message is one message of a go-i18n file.
type Message struct {
	// ID is the message ID, nested keys joined with dots as go-i18n joins them.
	ID string
	// Description is context for translators; it is part of the source hash.
	Description string
	// Hash is the hash of the source message this one was translated from
	// (see Hash); empty in source files and in translations never verified.
	Hash string
	// LeftDelim and RightDelim are the message's template delimiters, if set.
	LeftDelim, RightDelim string
	// Text holds the non-empty plural forms; a plain string is Other.
	Text map[Form]string
	// Line and Column locate the message's key in the file, 1-based; zero
	// when the message was not read from a file.
	Line, Column int
}

// Other returns the message's "other" form, the one go-i18n hashes.
func (m *Message) Other() string { return m.Text[Other] }

// File is a parsed go-i18n message file.
type File struct {
	// Path is the file's path as given to Parse.
	Path string
	// Format is json, toml or yaml, from the file name's extension.
	Format string
	// Lang is the language go-i18n derives from the file name (es for
	// active.es.toml and es.yaml). Callers that know better, such as a
	// glosa.yaml layout, may overwrite it.
	Lang language.Tag
	// Messages are in file order.
	Messages []*Message

	data    []byte
	entries map[string]entry
	byID    map[string]*Message // the messages by ID, as Parse read them
}

// Message returns the message with the given ID, or nil.
func (f *File) Message(id string) *Message {
	if f.byID != nil {
		return f.byID[id]
	}
	for _, m := range f.Messages {
		if m.ID == id {
			return m
		}
	}
	return nil
}

// Bytes returns the file's content as parsed.
func (f *File) Bytes() []byte { return f.data }

// ErrFormat reports a file whose extension is not json, toml, yaml or
// yml (read as YAML, as Starlight's and Rails-style catalogs are named,
// though the goi18n tool itself looks only for .yaml).
var ErrFormat = errors.New("unsupported message file format")

// unmarshalFuncs are the unmarshalers goi18n merge registers; using the same
// ones makes glosa read a file exactly as goi18n does.
func unmarshalFuncs() map[string]i18n.UnmarshalFunc {
	return map[string]i18n.UnmarshalFunc{
		"json": json.Unmarshal,
		"toml": toml.Unmarshal,
		"yaml": unmarshalYAML,
	}
}

// unmarshalYAML is yaml.Unmarshal into v, an *any, in time linear in the
// number of a catalog's messages: yaml.v3's decoder checks each key of a
// mapping against all the keys before it (a 200,000-message catalog took
// minutes), while its parser into nodes is linear. So the top mapping is
// read as nodes, its keys checked for duplicates with a map (worded as
// yaml.v3 words them), and each message decoded on its own. A document of
// another shape (a list, keys that are not plain strings, a merge key) is
// left to yaml.Unmarshal whole.
func unmarshalYAML(data []byte, v any) error {
	p, ok := v.(*any)
	if !ok {
		return yaml.Unmarshal(data, v)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return err
	}
	top := &doc
	if doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
		top = doc.Content[0]
	}
	if top.Kind != yaml.MappingNode || top.Anchor != "" || !plainKeys(top) {
		return yaml.Unmarshal(data, v)
	}
	out := make(map[string]any, len(top.Content)/2)
	lines := make(map[string]int, len(top.Content)/2)
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, val := top.Content[i], top.Content[i+1]
		if line, dup := lines[k.Value]; dup {
			return &yaml.TypeError{Errors: []string{fmt.Sprintf("line %d: mapping key %#v already defined at line %d", k.Line, k.Value, line)}}
		}
		lines[k.Value] = k.Line
		var x any
		if err := val.Decode(&x); err != nil {
			return err
		}
		out[k.Value] = x
	}
	*p = out
	return nil
}

// plainKeys reports whether every key of a mapping node is a plain string
// (no merge key, alias or tag of another type), as the fast path of
// unmarshalYAML needs.
func plainKeys(m *yaml.Node) bool {
	for i := 0; i < len(m.Content); i += 2 {
		k := m.Content[i]
		if k.Kind != yaml.ScalarNode || k.ShortTag() != "!!str" || k.Value == "<<" || k.Anchor != "" {
			return false
		}
	}
	return true
}

// decoded returns an unmarshal function for go-i18n that gives it raw, a
// file already decoded with the format's unmarshaler.
func decoded(format string, raw any) map[string]i18n.UnmarshalFunc {
	return map[string]i18n.UnmarshalFunc{format: func(_ []byte, v any) error {
		p, ok := v.(*any)
		if !ok {
			return fmt.Errorf("go-i18n decodes into %T, not *any", v)
		}
		*p = raw
		return nil
	}}
}

// Parse reads a go-i18n message file. The path names the file in errors and
// gives the language and the format, as in go-i18n (active.es.toml, es.yaml,
// en.json). Errors are *l10n.Error values with the path, the line and column
// as precisely as the format's parser allows, and the parser's error as Err.
func Parse(path string, data []byte) (*File, error) { return ParseMax(path, data, 0) }

// ParseMax is Parse for a file of at most max keys (0 for no limit): a
// message is one key, or one per field (other, one, description…). The
// keys are counted before the file is decoded, and the first key past max
// is an error at its line.
func ParseMax(path string, data []byte, max int) (*File, error) {
	syntax := syntaxOf(path)
	unmarshal, ok := unmarshalFuncs()[syntax]
	if !ok {
		return nil, &l10n.Error{Path: path, Text: l10n.Msg("catalog.format", "Format", strconv.Quote(format(path))), Err: ErrFormat}
	}
	if err := checkUTF8(data); err != nil {
		return nil, parseError(path, data, err)
	}
	if err := checkKeys(syntax, data, max); err != nil {
		return nil, l10n.InFile(path, err)
	}
	if syntax == "json" {
		if err := checkSurrogates(data); err != nil {
			return nil, parseError(path, data, err)
		}
	}
	// The file is decoded once, here, and go-i18n reads the decoded value:
	// glosa's checks of its shape run first and word what go-i18n would
	// not, or would word as its internals.
	var raw any
	var es entries
	if len(data) > 0 {
		if err := unmarshal(data, &raw); err != nil {
			return nil, parseError(path, data, err)
		}
		var err error
		if es, err = scan(syntax, data); err != nil {
			return nil, parseError(path, data, err)
		}
		if err := checkShape(data, raw, es); err != nil {
			return nil, parseError(path, data, err)
		}
	}
	mf, err := i18n.ParseMessageFileBytes(data, path, decoded(format(path), raw))
	if err != nil {
		return nil, parseError(path, data, err)
	}
	f := &File{Path: path, Format: syntax, Lang: mf.Tag, data: data, entries: es}
	for _, gm := range mf.Messages {
		m := fromI18n(gm)
		// A message inside an inline table or a list has no key of its
		// own: point at the nearest enclosing key.
		for id := m.ID; id != ""; id = parentID(id) {
			if e, ok := f.entries[id]; ok {
				m.Line, m.Column = e.line, e.col
				break
			}
		}
		f.Messages = append(f.Messages, m)
	}
	slices.SortStableFunc(f.Messages, func(a, b *Message) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column), cmp.Compare(a.ID, b.ID))
	})
	f.byID = make(map[string]*Message, len(f.Messages))
	for _, m := range f.Messages {
		f.byID[m.ID] = m
	}
	return f, nil
}

// checkKeys refuses data of more than max keys (0 for no limit), and TOML
// nested deeper than limits.Depth, before it is decoded.
func checkKeys(syntax string, data []byte, max int) error {
	switch {
	case syntax == "toml":
		return limits.CheckTOML(data, max)
	case max == 0:
		return nil
	case syntax == "json":
		return limits.CheckJSONKeys(data, max)
	}
	return limits.CheckYAMLKeys(data, max)
}

func parentID(id string) string {
	if i := strings.LastIndexByte(id, '.'); i >= 0 {
		return id[:i]
	}
	return ""
}

func fromI18n(gm *i18n.Message) *Message {
	m := &Message{
		ID:          gm.ID,
		Description: gm.Description,
		Hash:        gm.Hash,
		LeftDelim:   gm.LeftDelim,
		RightDelim:  gm.RightDelim,
		Text:        map[Form]string{},
	}
	for form, s := range map[Form]string{Zero: gm.Zero, One: gm.One, Two: gm.Two, Few: gm.Few, Many: gm.Many, Other: gm.Other} {
		if s != "" {
			m.Text[form] = s
		}
	}
	return m
}

var (
	yamlLine  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`line (\d+)`) })
	quotedKey = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`"((?:[^"\\]|\\.)*)"`) })
	// go-i18n's mixedKeysError lists keys as Go slices.
	unreservedKeys = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`unreserved keys \[([^\]]*)\]`) })
	reservedKeys   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`reserved keys \[([^\]]*)\] mixed`) })
)

// parseError locates err, from a format's parser or from go-i18n, in data.
// format returns a path's format as go-i18n reads it: the file name's last
// extension.
func format(path string) string {
	name := filepath.Base(path)
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		return name[i+1:]
	}
	return ""
}

// syntaxOf returns the syntax a path's file is written in: its format, with
// .yml read as YAML.
func syntaxOf(path string) string {
	if f := format(path); f != "yml" {
		return f
	}
	return "yaml"
}

// parseError locates err, an error of reading the file at path, and says
// it in the user's language where glosa words it, in the parser's words
// without the position they repeat otherwise.
func parseError(path string, data []byte, err error) error {
	pe := &l10n.Error{Path: path, Text: l10n.Raw(err.Error()), Err: err}
	var (
		syn  *json.SyntaxError
		typ  *json.UnmarshalTypeError
		terr toml.ParseError
		yerr *yaml.TypeError
		own  *l10n.Error
	)
	switch {
	case errors.As(err, &own):
		// Found by glosa's own checks, already located and worded.
		pe.Line, pe.Column, pe.Text, pe.Err = own.Line, own.Column, own.Text, own.Err
	case bytes.HasPrefix(data, []byte("\ufeff")) && syntaxOf(path) == "json":
		// go-i18n reads JSON without skipping a byte order mark, and says
		// only "invalid character 'ï'".
		pe.Line, pe.Column, pe.Text = 1, 1, l10n.Msg("catalog.bom")
	case errors.As(err, &syn):
		// Offset counts the offending byte.
		pe.Line, pe.Column = lineCol(data, int(syn.Offset)-1)
	case errors.As(err, &typ):
		pe.Line, pe.Column = lineCol(data, int(typ.Offset))
	case errors.As(err, &terr):
		pe.Line, pe.Column = terr.Position.Line, terr.Position.Col
		pe.Text = l10n.Raw(tomlLinePrefix().ReplaceAllString(err.Error(), ""))
	case errors.As(err, &yerr):
		if m := yamlLine().FindStringSubmatch(err.Error()); m != nil {
			pe.Line, _ = strconv.Atoi(m[1])
		}
		if len(yerr.Errors) > 0 {
			// yaml.v3 says "yaml: unmarshal errors:\n  line N: …" for
			// each; the line is already the error's.
			pe.Text = l10n.Raw(yamlLinePrefix().ReplaceAllString(yerr.Errors[0], ""))
		}
	case syntaxOf(path) == "yaml" && strings.HasPrefix(err.Error(), "yaml: "):
		// yaml.v3 puts a syntax error where the enclosing construct
		// began, often a line early, and without a column: find it as
		// glosa.yaml's and front matter's errors are found.
		var msg string
		pe.Line, pe.Column, msg = config.LocateYAMLError(data, err)
		pe.Text = l10n.Raw(msg)
	default:
		// go-i18n's own errors (mixed reserved and plain keys, a value that
		// is not a string) name keys but no position: point at the first
		// key they name.
		pe.Line, pe.Column = guessKey(syntaxOf(path), data, err.Error())
		pe.Text = l10n.Raw(tomlLinePrefix().ReplaceAllString(err.Error(), ""))
	}
	return pe
}

// yamlLinePrefix and tomlLinePrefix are the positions the YAML and TOML
// parsers put in front of their messages, which the error's position
// already shows.
var (
	yamlLinePrefix = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^line \d+: `) })
	tomlLinePrefix = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^toml: line \d+(?: \(last key "(?:[^"\\]|\\.)*"\))?: `)
	})
)

// guessKey returns the position of the first key named in msg, a go-i18n
// error, that the position pass finds in data.
func guessKey(format string, data []byte, msg string) (line, col int) {
	es, err := scan(format, data)
	if err != nil {
		return 0, 0
	}
	var names []string
	for _, m := range quotedKey().FindAllStringSubmatch(msg, -1) {
		if k, err := strconv.Unquote(`"` + m[1] + `"`); err == nil {
			names = append(names, k)
		}
	}
	for _, re := range []*regexp.Regexp{unreservedKeys(), reservedKeys()} {
		if m := re.FindStringSubmatch(msg); m != nil {
			names = append(names, strings.Fields(m[1])...)
		}
	}
	for _, name := range names {
		for id, e := range es {
			if id == name || strings.HasSuffix(id, "."+name) {
				if line == 0 || e.line < line || e.line == line && e.col < col {
					line, col = e.line, e.col
				}
			}
		}
		if line > 0 {
			return line, col
		}
	}
	return 0, 0
}

// lineCol converts a byte offset into a 1-based line and a 1-based column
// counted in bytes.
func lineCol(data []byte, off int) (line, col int) {
	off = min(max(off, 0), len(data))
	line, col = 1, 1
	for _, c := range data[:off] {
		if c == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return line, col
}

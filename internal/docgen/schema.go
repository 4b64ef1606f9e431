package docgen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"github.com/glosa/glosa/internal/baseline"
	"github.com/glosa/glosa/internal/report"
)

// module is glosa's module path: a type's package path less it is the
// package's folder under the repository root.
const module = "github.com/glosa/glosa/"

// A jsonDoc is a JSON document glosa writes for programs, described by
// its Go type: a versioned API.
type jsonDoc struct {
	title   string // what writes it, as the page's heading says
	file    string // its schema's page under Dir
	version int    // the value of its "version" key
	typ     reflect.Type
}

// schemas lists the JSON documents whose schemas the reference carries:
// every --format json, and the baseline file. SARIF is left out: its
// schema is OASIS's, not glosa's.
var schemas = []jsonDoc{
	{"glosa status --format json", "status.schema.json", report.SchemaVersion, reflect.TypeFor[report.StatusJSON]()},
	{"glosa status --since REF --format json", "since.schema.json", report.SchemaVersion, reflect.TypeFor[report.SinceJSON]()},
	{"glosa check --format json", "check.schema.json", report.SchemaVersion, reflect.TypeFor[report.CheckJSON]()},
	{"glosa diff --format json", "diff.schema.json", report.SchemaVersion, reflect.TypeFor[report.DiffJSON]()},
	{"glosa rules --format json", "rules.schema.json", report.RulesVersion, reflect.TypeFor[report.RulesJSON]()},
	{"glosa import --format json", "import.schema.json", report.ImportVersion, reflect.TypeFor[report.ImportJSON]()},
	{"glosa sync --format json", "sync.schema.json", report.SyncVersion, reflect.TypeFor[report.SyncJSON]()},
	{"glosa stamp --format json", "stamp.schema.json", report.StampVersion, reflect.TypeFor[report.StampJSON]()},
	{"The baseline file of glosa check --write-baseline", "baseline.schema.json", baseline.Version, reflect.TypeFor[baseline.File]()},
}

// schema is a JSON Schema (draft 2020-12), as much of it as glosa's
// documents need. Maps marshal with sorted keys, so the output is stable.
type schema struct {
	Schema      string             `json:"$schema,omitempty"`
	ID          string             `json:"$id,omitempty"`
	Title       string             `json:"title,omitempty"`
	Ref         string             `json:"$ref,omitempty"`
	Description string             `json:"description,omitempty"`
	Type        string             `json:"type,omitempty"`
	Const       any                `json:"const,omitempty"`
	Items       *schema            `json:"items,omitempty"`
	Properties  map[string]*schema `json:"properties,omitempty"`
	Required    []string           `json:"required,omitempty"`
	// Additional is false in the closed form the tests validate with:
	// the published schemas stay open, as later versions may add keys.
	Additional *bool              `json:"additionalProperties,omitempty"`
	Defs       map[string]*schema `json:"$defs,omitempty"`

	// order is the properties' order in the Go type, for the page.
	order []string
}

// reflector builds schemas from Go types and the doc comments of their
// source files.
type reflector struct {
	root   string
	closed bool
	defs   map[string]*schema
	// docs holds doc comments by "Type" and "Type.Field", per package
	// folder read.
	docs map[string]map[string]string
}

// build returns the schema of t, with every struct type it uses under
// $defs.
func (r *reflector) build(d jsonDoc) (*schema, error) {
	r.defs = map[string]*schema{}
	s, err := r.structSchema(d.typ)
	if err != nil {
		return nil, err
	}
	s.Schema = "https://json-schema.org/draft/2020-12/schema"
	s.ID = d.file
	s.Title = d.title
	if v, ok := s.Properties["version"]; ok {
		v.Const = d.version
	}
	s.Defs = r.defs
	return s, nil
}

// defName is the name of a struct type under $defs: its Go name without
// the JSON suffix of report's document types, and for another package's
// type, after that package's name (BaselineEntry), so that a name is one
// type on the whole JSON page.
func defName(t reflect.Type) string {
	name := strings.TrimSuffix(t.Name(), "JSON")
	if pkg := path.Base(t.PkgPath()); pkg != "report" {
		name = strings.ToUpper(pkg[:1]) + pkg[1:] + name
	}
	return name
}

func (r *reflector) of(t reflect.Type) (*schema, error) {
	switch t.Kind() {
	case reflect.String:
		return &schema{Type: "string"}, nil
	case reflect.Bool:
		return &schema{Type: "boolean"}, nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return &schema{Type: "integer"}, nil
	case reflect.Float32, reflect.Float64:
		return &schema{Type: "number"}, nil
	case reflect.Pointer:
		// A pointer field is omitempty: absent when nil, else its value
		// (the sample outputs validate against the strict schema, which
		// refuses a null).
		return r.of(t.Elem())
	case reflect.Slice, reflect.Array:
		items, err := r.of(t.Elem())
		if err != nil {
			return nil, err
		}
		return &schema{Type: "array", Items: items}, nil
	case reflect.Struct:
		name := defName(t)
		if _, ok := r.defs[name]; !ok {
			r.defs[name] = nil // being built: a recursive type refers to it
			s, err := r.structSchema(t)
			if err != nil {
				return nil, err
			}
			r.defs[name] = s
		}
		return &schema{Ref: "#/$defs/" + name}, nil
	}
	return nil, fmt.Errorf("no JSON Schema for Go type %s", t)
}

func (r *reflector) structSchema(t reflect.Type) (*schema, error) {
	docs, err := r.docsOf(t)
	if err != nil {
		return nil, err
	}
	s := &schema{Type: "object", Description: describe(docs[t.Name()], t.Name()), Properties: map[string]*schema{}}
	if r.closed {
		no := false
		s.Additional = &no
	}
	for f := range t.Fields() {
		tag := f.Tag.Get("json")
		name, opts, _ := strings.Cut(tag, ",")
		if !f.IsExported() || name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		p, err := r.of(f.Type)
		if err != nil {
			return nil, fmt.Errorf("%s.%s: %w", t.Name(), f.Name, err)
		}
		if d := describe(docs[t.Name()+"."+f.Name], f.Name); d != "" {
			if p.Ref != "" {
				// $ref beside other keywords is fine in 2020-12.
				p = &schema{Ref: p.Ref, Description: d}
			} else {
				p.Description = d
			}
		}
		s.Properties[name] = p
		s.order = append(s.order, name)
		if !slices.Contains(strings.Split(opts, ","), "omitempty") {
			s.Required = append(s.Required, name)
		}
	}
	return s, nil
}

// docsOf returns the doc comments of the package that declares t.
func (r *reflector) docsOf(t reflect.Type) (map[string]string, error) {
	dir, ok := strings.CutPrefix(t.PkgPath(), module)
	if !ok {
		return nil, fmt.Errorf("%s is not glosa's", t)
	}
	if d, ok := r.docs[dir]; ok {
		return d, nil
	}
	d, err := readDocs(filepath.Join(r.root, filepath.FromSlash(dir)))
	if err != nil {
		return nil, err
	}
	if r.docs == nil {
		r.docs = map[string]map[string]string{}
	}
	r.docs[dir] = d
	return d, nil
}

// readDocs reads the doc comments of the types declared in the Go files
// of dir, and of their fields, by "Type" and "Type.Field", each as one
// line.
func readDocs(dir string) (map[string]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		if err != nil {
			return nil, err
		}
		for _, decl := range f.Decls {
			g, ok := decl.(*ast.GenDecl)
			if !ok || g.Tok != token.TYPE {
				continue
			}
			for _, spec := range g.Specs {
				ts := spec.(*ast.TypeSpec)
				doc := ts.Doc
				if doc == nil && len(g.Specs) == 1 {
					doc = g.Doc
				}
				out[ts.Name.Name] = oneLine(doc)
				st, ok := ts.Type.(*ast.StructType)
				if !ok {
					continue
				}
				for _, field := range st.Fields.List {
					text := oneLine(field.Doc)
					if text == "" {
						text = oneLine(field.Comment)
					}
					for _, n := range field.Names {
						out[ts.Name.Name+"."+n.Name] = text
					}
				}
			}
		}
	}
	return out, nil
}

// describe turns the doc comment of a Go type or field into the
// description of what it holds: the Go name that opens it, which means
// nothing in JSON, goes, with the "is" or "are" after it ("FindingJSON is
// one finding." describes a finding as "One finding.").
func describe(doc, goName string) string {
	rest, ok := strings.CutPrefix(doc, goName+" ")
	if !ok {
		return doc
	}
	for _, verb := range []string{"is ", "are "} {
		if r, ok := strings.CutPrefix(rest, verb); ok {
			rest = r
			break
		}
	}
	if rest == "" {
		return doc
	}
	return strings.ToUpper(rest[:1]) + rest[1:]
}

// oneLine is a comment's text on one line.
func oneLine(g *ast.CommentGroup) string {
	return strings.Join(strings.Fields(g.Text()), " ")
}

// Schema returns the JSON Schema of the document d, or with closed set,
// the same schema refusing keys it does not list, which the tests
// validate glosa's output with.
func (d jsonDoc) Schema(root string, closed bool) ([]byte, error) {
	r := &reflector{root: root, closed: closed}
	s, err := r.build(d)
	if err != nil {
		return nil, err
	}
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// writer returns the writer of the document's schema page.
func (d jsonDoc) writer(root string) func(io.Writer) error {
	return func(w io.Writer) error {
		b, err := d.Schema(root, false)
		if err != nil {
			return err
		}
		_, err = w.Write(b)
		return err
	}
}

// jsonIntro opens the JSON page.
const jsonIntro = "The JSON documents glosa writes for programs: what `--format json` prints, and the baseline file\n" +
	"`check --write-baseline` writes. Each is a versioned API: its `version` key changes when a key is renamed,\n" +
	"removed or changes meaning, not when one is added, so a reader should ignore keys it does not know.\n" +
	"Lists are `[]`, never `null`. A key is required unless marked optional: an optional key is left out\n" +
	"when it has no value. Each object type is described once, where it first appears. The guide\n" +
	"[output.md](../output.md) explains the formats with examples.\n\n"

// jsonPage returns the body of the JSON page: for each document, the table
// of its keys, then of each object type it holds that the page has not
// described yet.
func jsonPage(root string) func(*bytes.Buffer) error {
	return func(b *bytes.Buffer) error {
		r := &reflector{root: root}
		done := map[string]bool{}
		for _, d := range schemas {
			s, err := r.build(d)
			if err != nil {
				return err
			}
			fmt.Fprintf(b, "## %s\n\n", d.title)
			fmt.Fprintf(b, "JSON Schema: [%s](%s).\n\n", d.file, d.file)
			writeObject(b, s)
			names := make([]string, 0, len(s.Defs))
			for name := range s.Defs {
				names = append(names, name)
			}
			slices.Sort(names)
			for _, name := range names {
				if !done[name] {
					done[name] = true
					fmt.Fprintf(b, "### `%s`\n\n", name)
					writeObject(b, s.Defs[name])
				}
			}
		}
		return nil
	}
}

// writeObject writes an object schema's description and the table of its
// keys.
func writeObject(b *bytes.Buffer, s *schema) {
	if s.Description != "" {
		b.WriteString(s.Description + "\n\n")
	}
	b.WriteString("| key | type | meaning |\n|---|---|---|\n")
	for _, name := range s.order {
		p := s.Properties[name]
		typ := typeName(p)
		if !slices.Contains(s.Required, name) {
			typ += ", optional"
		}
		desc := p.Description
		if p.Const != nil {
			desc = strings.TrimSuffix(fmt.Sprintf("always %v. %s", p.Const, desc), ". ")
		}
		fmt.Fprintf(b, "| `%s` | %s | %s |\n", name, typ, escapeCell(desc))
	}
	b.WriteString("\n")
}

// typeName says in words what a property holds.
func typeName(s *schema) string {
	switch {
	case s.Ref != "":
		name := strings.TrimPrefix(s.Ref, "#/$defs/")
		return "[`" + name + "`](#" + strings.ToLower(name) + ")"
	case s.Type == "array":
		return "list of " + typeName(s.Items)
	}
	return s.Type
}

package config

import (
	"sort"
	"strconv"

	"go.yaml.in/yaml/v3"
)

// Kind says how a front-matter field behaves across languages.
type Kind int

// The field kinds of glosa.yaml.
const (
	// Text is translated, hashed for staleness and counted in words.
	Text Kind = iota + 1
	// Key must be identical in every language.
	Key
	// Slugs lists other entries by slug.
	Slugs
	// URL may be localized, and is checked for links to other locales.
	URL
	// List holds items of one schema.
	List
	// Object holds named fields.
	Object
)

var kindNames = map[string]Kind{"text": Text, "key": Key, "slugs": Slugs, "url": URL}

func (k Kind) String() string {
	for name, kind := range kindNames {
		if kind == k {
			return name
		}
	}
	switch k {
	case List:
		return "list"
	case Object:
		return "object"
	}
	return "unknown"
}

// Field is the schema of a front-matter value.
type Field struct {
	Kind Kind
	// Elem is the item schema of a List.
	Elem *Field
	// Fields are the members of an Object, and Keys their names in sorted
	// order (the order glosa walks them, e.g. for the hash).
	Fields map[string]*Field
	Keys   []string
}

func (p *parser) fields(n *yaml.Node) *Field {
	f := p.field(n, "fields")
	if f != nil && f.Kind != Object {
		p.errorf(n, "config.fieldsMapping")
		return nil
	}
	return f
}

func (p *parser) field(n *yaml.Node, name string) *Field {
	switch n.Kind {
	case yaml.ScalarNode:
		k, ok := kindNames[n.Value]
		if !ok && n.Tag == "!!null" {
			p.errorf(n, "config.fieldNoKind", "Field", name)
			return nil
		}
		if !ok {
			p.errorf(n, "config.fieldUnknownKind", "Field", name, "Kind", strconv.Quote(n.Value))
			return nil
		}
		return &Field{Kind: k}
	case yaml.SequenceNode:
		if len(n.Content) != 1 {
			p.errorf(n, "config.fieldListKind", "Field", name)
			return nil
		}
		elem := p.field(n.Content[0], name+"[]")
		if elem == nil {
			return nil
		}
		return &Field{Kind: List, Elem: elem}
	case yaml.MappingNode:
		f := &Field{Kind: Object, Fields: map[string]*Field{}}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i].Value
			if child := p.field(n.Content[i+1], k); child != nil {
				f.Fields[k] = child
				f.Keys = append(f.Keys, k)
			}
		}
		sort.Strings(f.Keys)
		return f
	}
	p.errorf(n, "config.fieldExpectedKind", "Field", name)
	return nil
}

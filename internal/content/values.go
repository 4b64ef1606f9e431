package content

import (
	"strconv"

	"go.yaml.in/yaml/v3"

	"github.com/glosa/glosa/internal/config"
)

// Value is a leaf of the front matter described by the schema: a text, key,
// slugs or url field, with its path ("title", "sources[1].text").
type Value struct {
	Path string
	Kind config.Kind
	Node *yaml.Node
}

// Values walks the front matter along the schema and returns its leaves in
// schema order: object members by sorted name, list items by index. Fields
// absent from the front matter, and values whose shape does not fit the
// schema, are skipped.
func Values(front *yaml.Node, schema *config.Field) []Value {
	if front == nil || schema == nil {
		return nil
	}
	var out []Value
	walkValue(front, schema, "", &out)
	return out
}

func walkValue(n *yaml.Node, f *config.Field, path string, out *[]Value) {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	switch f.Kind {
	case config.Object:
		if n.Kind != yaml.MappingNode {
			return
		}
		for _, k := range f.Keys {
			if v := member(n, k); v != nil {
				p := k
				if path != "" {
					p = path + "." + k
				}
				walkValue(v, f.Fields[k], p, out)
			}
		}
	case config.List:
		if n.Kind != yaml.SequenceNode {
			return
		}
		for i, item := range n.Content {
			walkValue(item, f.Elem, path+"["+strconv.Itoa(i)+"]", out)
		}
	case config.Slugs:
		if n.Kind == yaml.SequenceNode || n.Kind == yaml.ScalarNode {
			*out = append(*out, Value{Path: path, Kind: f.Kind, Node: n})
		}
	default:
		if n.Kind == yaml.ScalarNode {
			*out = append(*out, Value{Path: path, Kind: f.Kind, Node: n})
		}
	}
}

// SlugNodes returns the scalar nodes of a slugs value: the items of a list,
// or the value itself.
func SlugNodes(v Value) []*yaml.Node {
	if v.Node.Kind == yaml.ScalarNode {
		return []*yaml.Node{v.Node}
	}
	var out []*yaml.Node
	for _, c := range v.Node.Content {
		if c.Kind == yaml.ScalarNode {
			out = append(out, c)
		}
	}
	return out
}

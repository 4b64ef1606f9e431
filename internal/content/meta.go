package content

import (
	"slices"

	"go.yaml.in/yaml/v3"
)

// Meta is what a listing of entries shows of one beside its slug (the
// dashboard's tables): its title and categories.
type Meta struct {
	// Title is the front matter's title, "" when it has none that is a
	// single value.
	Title string
	// Categories are its category (one value) or categories (a list,
	// Hugo's taxonomy).
	Categories []string
}

// MetaOf reads the Meta of a document's front matter; a nil document has
// none.
func MetaOf(d *Document) Meta {
	var m Meta
	if d == nil {
		return m
	}
	if n := d.Lookup("title"); n != nil && n.Kind == yaml.ScalarNode {
		m.Title = n.Value
	}
	if n := d.Lookup("category"); n != nil && n.Kind == yaml.ScalarNode && n.Value != "" {
		m.Categories = append(m.Categories, n.Value)
	}
	if n := d.Lookup("categories"); n != nil && n.Kind == yaml.SequenceNode {
		for _, c := range n.Content {
			if c.Kind == yaml.ScalarNode && c.Value != "" && !slices.Contains(m.Categories, c.Value) {
				m.Categories = append(m.Categories, c.Value)
			}
		}
	}
	return m
}

package lint

import (
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

var citationRange = Rule{
	ID:       "citation-range",
	Severity: Error,
	Summary:  "the body cites [n] beyond the number of sources (the list field named by the field option, default sources)",
	Options:  []string{"field"},
	check: func(c *checker, emit func(Finding)) {
		field := c.stringOption("field", "sources")
		for _, e := range c.entries() {
			if _, inSchema := c.repo.Schema(e).Fields[field]; !inSchema {
				continue
			}
			count := 0
			if n := e.Doc.Lookup(field); n != nil && n.Kind == yaml.SequenceNode {
				count = len(n.Content)
			}
			for _, cit := range e.Body().Citations {
				var bad []string
				for _, num := range cit.Numbers {
					if num < 1 || num > count {
						bad = append(bad, strconv.Itoa(num))
					}
				}
				if len(bad) == 0 {
					continue
				}
				f := Finding{Path: e.Path, Line: cit.Line, Column: cit.Col, Lang: e.Lang, Slug: e.Slug,
					Message: fmt.Sprintf("%s [%s] %s out of range: %s lists %d %s", plural(len(bad), "citation", "citations"), strings.Join(bad, ", "),
						plural(len(bad), "is", "are"), field, count, plural(count, "item", "items")),
					Fix: fmt.Sprintf("cite a number from 1 to %d, or add the missing item to %s", count, field)}
				if count == 0 {
					f.Message = fmt.Sprintf("%s [%s] %s out of range: there is no %s list", plural(len(bad), "citation", "citations"), strings.Join(bad, ", "), plural(len(bad), "is", "are"), field)
					f.Fix = fmt.Sprintf("add the sources to %s, or remove the citation", field)
				}
				emit(f)
			}
		}
	},
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

package content

import (
	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/markdown"
)

// Body returns the Markdown summary of the entry's body, computed on first
// use and kept.
func (e *Entry) Body() *markdown.Summary {
	e.bodyOnce.Do(func() {
		if e.Doc == nil {
			e.body = &markdown.Summary{}
			return
		}
		e.body = markdown.Analyze(e.Doc.Body, e.Doc.BodyLine)
	})
	return e.body
}

// Words counts the words of the entry's translatable text: its text fields
// and the prose of its body.
func (e *Entry) Words(schema *config.Field) int {
	n := e.Body().Words
	if e.Doc != nil {
		for _, v := range Values(e.Doc.Front, schema) {
			if v.Kind == config.Text {
				n += markdown.CountWords(v.Node.Value)
			}
		}
	}
	return n
}

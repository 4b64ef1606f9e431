package lint

import (
	"strconv"
	"strings"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/markdown"
	"github.com/glosa/glosa/internal/term"
)

// termUnit is a text of an entry the term rules read: a text field or a
// body block, as prose (without code, URLs and text marked not to
// translate), at its line.
type termUnit struct {
	key       string // "field PATH" or "block I": what pairs units
	text      string
	source    string // the Markdown the text comes from
	line, col int
}

// termUnits returns the units of an entry, its text fields first. The
// fields that define terms (a term layout's term, synonyms and forbidden
// fields) are left out: they are the termbase, not text that uses it.
func termUnits(c *checker, e *content.Entry) []termUnit {
	var out []termUnit
	lt := c.repo.Config.Content[e.Layout].Terms
	for _, v := range e.Values(c.repo.Schema(e)) {
		if v.Kind != config.Text || lt != nil && termField(lt, v.Path) {
			continue
		}
		out = append(out, termUnit{key: "field " + v.Path, text: markdown.Prose(content.Normalize(v.Node.Value)), source: v.Node.Value, line: v.Node.Line, col: v.Node.Column})
	}
	for i := range e.Body().Blocks {
		b := e.Block(i)
		out = append(out, termUnit{key: "block " + strconv.Itoa(i), text: b.Prose, source: b.Text, line: b.Line, col: b.Col})
	}
	return out
}

// termField reports whether a field's path is one a term layout defines
// terms with.
func termField(lt *config.LayoutTerms, path string) bool {
	for _, f := range []string{lt.Field, lt.Synonyms, lt.Forbidden} {
		if f != "" && (path == f || strings.HasPrefix(path, f+"[")) {
			return true
		}
	}
	return false
}

// termPairs pairs a translation's units with su, the source's: text
// fields by path, body blocks by position when both bodies have the same
// sequence of block kinds (see sameBlockKinds).
func termPairs(c *checker, p pair, su []termUnit) (src, tr []termUnit) {
	tu := termUnits(c, p.entry)
	blocks := sameBlockKinds(p.src.Body().Blocks, p.entry.Body().Blocks)
	have := make(map[string]termUnit, len(tu))
	for _, u := range tu {
		have[u.key] = u
	}
	src, tr = make([]termUnit, 0, len(su)), make([]termUnit, 0, len(su))
	for _, u := range su {
		t, ok := have[u.key]
		if ok && (blocks || strings.HasPrefix(u.key, "field ")) {
			src, tr = append(src, u), append(tr, t)
		}
	}
	return src, tr
}

// hasConcept reports whether one of the matches is a term of concept.
func hasConcept(ms []term.Match, concept string) bool {
	for _, m := range ms {
		if m.Term.Concept == concept {
			return true
		}
	}
	return false
}

// termList quotes the texts of terms, joined by slashes.
func termList(ts []term.Term) string {
	var qs []string
	for _, t := range ts {
		qs = append(qs, strconv.Quote(t.Text))
	}
	return strings.Join(qs, " / ")
}

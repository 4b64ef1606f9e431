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
	key       unitKey // what pairs units
	text      string
	source    string // the Markdown the text comes from
	line, col int
}

// unitKey names a unit in its entry: a text field by its path, or a
// body block by its index (field "", block from 0).
type unitKey struct {
	field string
	block int
}

// termUnits returns the units of an entry, its text fields first. The
// fields that define terms (a term layout's term, synonyms and forbidden
// fields) are left out: they are the termbase, not text that uses it.
func termUnits(c *checker, e *content.Entry) []termUnit {
	lt := c.repo.Config.Content[e.Layout].Terms
	values := e.Values(c.repo.Schema(e))
	blocks := e.Body().Blocks
	out := make([]termUnit, 0, len(values)+len(blocks))
	for _, v := range values {
		if v.Kind != config.Text || lt != nil && termField(lt, v.Path) {
			continue
		}
		out = append(out, termUnit{key: unitKey{field: v.Path, block: -1}, text: markdown.Prose(content.Normalize(v.Node.Value)), source: v.Node.Value, line: v.Node.Line, col: v.Node.Column})
	}
	for i := range blocks {
		b := e.Block(i)
		out = append(out, termUnit{key: unitKey{block: i}, text: b.Prose, source: b.Text, line: b.Line, col: b.Col})
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
// sequence of block kinds (see sameBlockKinds). It returns the
// translation's units and, for each of su, the index of its pair among
// them, or -1.
func termPairs(c *checker, p pair, su []termUnit) (tr []termUnit, of []int) {
	tr = termUnits(c, p.entry)
	blocks := sameBlockKinds(p.src.Body().Blocks, p.entry.Body().Blocks)
	// The translation's fields come first, then its blocks in order.
	nf := 0
	for nf < len(tr) && tr[nf].key.block < 0 {
		nf++
	}
	of = make([]int, len(su))
	for k, u := range su {
		of[k] = -1
		if u.key.block >= 0 {
			if i := nf + u.key.block; blocks && i < len(tr) {
				of[k] = i
			}
			continue
		}
		// The last of the fields of that path, as a map would keep.
		for i := nf - 1; i >= 0; i-- {
			if tr[i].key == u.key {
				of[k] = i
				break
			}
		}
	}
	return tr, of
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

package lint

import (
	"fmt"
	"strings"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/markdown"
	"github.com/glosa/glosa/internal/status"
)

var sameAsSource = Rule{
	ID:       "same-as-source",
	Severity: Info,
	Summary:  "a text field, a paragraph or a catalog message of a translation is identical to the source: text left untranslated",
	Options:  []string{"minWords"},
	check: func(c *checker, emit func(Finding)) {
		minWords := c.intOption("minWords", 3)
		sameMessages(c, minWords, emit)
		for _, p := range c.pairs() {
			if p.t.State == status.Untranslated {
				continue // the state already says it all
			}
			schema := c.repo.Schema(p.src)
			srcText := map[string]string{}
			for _, v := range content.Values(p.src.Doc.Front, schema) {
				if v.Kind == config.Text {
					srcText[v.Path] = content.Normalize(v.Node.Value)
				}
			}
			for _, v := range content.Values(p.entry.Doc.Front, schema) {
				if v.Kind != config.Text {
					continue
				}
				text := content.Normalize(v.Node.Value)
				if s, ok := srcText[v.Path]; ok && s == text && markdown.CountWords(text) >= minWords {
					emit(Finding{Path: p.entry.Path, Line: v.Node.Line, Column: v.Node.Column, Lang: p.t.Lang, Slug: p.item.Slug,
						Message: fmt.Sprintf("%s is identical to the source: %q", v.Path, shorten(text))})
				}
			}
			srcBlocks := map[string]bool{}
			for _, b := range p.src.Body().Blocks {
				srcBlocks[content.Normalize(b.Text)] = true
			}
			for _, b := range p.entry.Body().Blocks {
				text := content.Normalize(b.Text)
				if srcBlocks[text] && markdown.CountWords(text) >= minWords {
					emit(Finding{Path: p.entry.Path, Line: b.Line, Column: b.Col, Lang: p.t.Lang, Slug: p.item.Slug,
						Message: fmt.Sprintf("this %s is identical to the source: %q", b.Kind, shorten(text))})
				}
			}
		}
	},
}

// shorten keeps messages on one readable line.
func shorten(s string) string {
	const max = 60
	if len([]rune(s)) <= max {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:max])) + "…"
}

var structureRule = Rule{
	ID:       "structure",
	Severity: Warning,
	Summary:  "the body has a different number of headings, code blocks, list items, links or images than the source",
	check: func(c *checker, emit func(Finding)) {
		for _, p := range c.pairs() {
			if p.t.State == status.Untranslated {
				continue
			}
			s, t := p.src.Body().Structure, p.entry.Body().Structure
			var diffs []string
			add := func(one, many string, src, tr int) {
				if src != tr {
					diffs = append(diffs, fmt.Sprintf("%d %s (source: %d)", tr, plural(tr, one, many), src))
				}
			}
			add("heading", "headings", s.Headings, t.Headings)
			add("code block", "code blocks", s.CodeBlocks, t.CodeBlocks)
			add("list item", "list items", s.ListItems, t.ListItems)
			add("link", "links", s.Links, t.Links)
			add("image", "images", s.Images, t.Images)
			if len(diffs) == 0 {
				continue
			}
			emit(Finding{Path: p.entry.Path, Line: p.entry.Doc.FirstBodyLine(), Column: 1, Lang: p.t.Lang, Slug: p.item.Slug,
				Message: "the body's structure differs from the source " + p.src.Path + ": " + strings.Join(diffs, ", ")})
		}
	},
}

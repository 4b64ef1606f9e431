package lint

import (
	"strconv"
	"strings"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/markdown"
	"github.com/glosa/glosa/internal/status"
)

var sameAsSource = Rule{
	entries:  true,
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
			for _, v := range p.src.Values(schema) {
				if v.Kind == config.Text {
					srcText[v.Path] = content.Normalize(v.Node.Value)
				}
			}
			for _, v := range p.entry.Values(schema) {
				if v.Kind != config.Text {
					continue
				}
				text := content.Normalize(v.Node.Value)
				if s, ok := srcText[v.Path]; ok && s == text && markdown.CountWords(text) >= minWords {
					emit(Finding{Path: p.entry.Path, Line: v.Node.Line, Column: v.Node.Column, Lang: p.t.Lang, Slug: p.item.Slug,
						Text: l10n.Msg("lint.same.field", "Field", v.Path, "Text", strconv.Quote(shorten(text)))})
				}
			}
			// Blocks are compared by the digests of their normalised
			// texts, which glosa's cache keeps instead of the texts.
			srcBlocks := map[[16]byte]bool{}
			for _, b := range p.src.Body().Blocks {
				srcBlocks[content.BlockDigest(b)] = true
			}
			for i, b := range p.entry.Body().Blocks {
				if !srcBlocks[content.BlockDigest(b)] {
					continue
				}
				text := content.Normalize(p.entry.BlockText(i))
				if markdown.CountWords(text) >= minWords {
					emit(Finding{Path: p.entry.Path, Line: b.Line, Column: b.Col, Lang: p.t.Lang, Slug: p.item.Slug,
						Text: l10n.Msg("lint.same."+b.Kind, "Text", strconv.Quote(shorten(text)))})
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
	entries:  true,
	ID:       "structure",
	Severity: Warning,
	Summary:  "the body has a different number of headings, code blocks, list items, links or images than the source",
	check: func(c *checker, emit func(Finding)) {
		for _, p := range c.pairs() {
			if p.t.State == status.Untranslated {
				continue
			}
			s, t := p.src.Body().Structure, p.entry.Body().Structure
			var diffs []l10n.Text
			add := func(id string, src, tr int) {
				if src != tr {
					diffs = append(diffs, l10n.Plural(id, tr, "Source", src))
				}
			}
			add("lint.structure.headings", s.Headings, t.Headings)
			add("lint.structure.codeBlocks", s.CodeBlocks, t.CodeBlocks)
			add("lint.structure.listItems", s.ListItems, t.ListItems)
			add("lint.structure.links", s.Links, t.Links)
			add("lint.structure.images", s.Images, t.Images)
			if len(diffs) == 0 {
				continue
			}
			emit(Finding{Path: p.entry.Path, Line: p.entry.FirstBodyLine(), Column: 1, Lang: p.t.Lang, Slug: p.item.Slug,
				Text: l10n.Msg("lint.structure", "SourcePath", p.src.Path, "Diffs", diffs)})
		}
	},
}

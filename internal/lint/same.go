package lint

import (
	"path"
	"strconv"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/markdown"
	"github.com/glosa/glosa/internal/prose"
	"github.com/glosa/glosa/internal/status"
)

var sameAsSource = Rule{
	entries:  true,
	ID:       "same-as-source",
	Severity: Info,
	Summary:  "a text field, a paragraph or a catalog message of a translation is identical to the source: text left untranslated",
	Options:  []string{"minWords", "variants"},
	check: func(c *checker, emit func(Finding)) {
		minWords := c.intOption("minWords", 3)
		variants := c.boolOption("variants", false)
		sameMessages(c, minWords, variants, emit)
		for _, p := range c.pairs() {
			if p.t.State == status.Untranslated {
				continue // the state already says it all
			}
			if !variants && sameLanguage(p.src.Lang, p.t.Lang) {
				continue // en-GB from en: much text is rightly the same
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
				if s, ok := srcText[v.Path]; !ok || s != text || namesPage(text, p.item.Slug) || !untranslated(markdown.Prose(text), p.src.Lang, minWords) {
					continue
				}
				emit(Finding{Path: p.entry.Path, Line: v.Node.Line, Column: v.Node.Column, Lang: p.t.Lang, Slug: p.item.Slug,
					Text: l10n.Msg("lint.same.field", "Field", v.Path, "Text", strconv.Quote(shorten(text)))})
			}
			// Blocks are compared by the digests of their normalised plain
			// texts (escapes resolved), which glosa's cache keeps instead
			// of the texts.
			srcBlocks := map[[16]byte]bool{}
			for _, b := range p.src.Body().Blocks {
				srcBlocks[content.BlockDigest(b)] = true
			}
			for i, b := range p.entry.Body().Blocks {
				if !srcBlocks[content.BlockDigest(b)] {
					continue
				}
				b := p.entry.Block(i)
				if b.Kind == "heading" && namesPage(b.Plain, p.item.Slug) || !untranslated(b.Prose, p.src.Lang, minWords) {
					continue
				}
				text := content.Normalize(b.Text)
				emit(Finding{Path: p.entry.Path, Line: b.Line, Column: b.Col, Lang: p.t.Lang, Slug: p.item.Slug,
					Text: l10n.Msg("lint.same."+b.Kind, "Text", strconv.Quote(shorten(text)))})
			}
		}
	},
}

// untranslated reports whether prose identical to its source's is text
// left untranslated: it has at least minWords words (see prose.Words),
// they do not only name things (see prose.Names), and their script is
// one the source's language src is written in (see prose.InLanguage: a
// Chinese source may hold English text, which its English translation
// rightly keeps).
func untranslated(text, src string, minWords int) bool {
	return prose.Words(text) >= minWords && !prose.Names(text) && prose.InLanguage(text, src)
}

// sameLanguage reports whether a translation's language is a variant of
// its source's: the same language in the same script, once CLDR's likely
// subtags fill in what the tags leave out (en-GB from en, pt-PT from
// pt-BR, es-419 from es; not zh-TW from zh, which is written in other
// characters, nor sr-Latn from sr).
func sameLanguage(src, tr string) bool {
	a, errA := language.Parse(src)
	b, errB := language.Parse(tr)
	if errA != nil || errB != nil {
		return false
	}
	baseA, _ := a.Base()
	baseB, _ := b.Base()
	scriptA, _ := a.Script()
	scriptB, _ := b.Script()
	return baseA == baseB && scriptA == scriptB
}

// namesPage reports whether a text is the name of its page: the last part
// of the entry's slug (of its folder, for an index page), written with
// spaces or other separators (a tldr page "docker container rm" is
// docker-container-rm.md; "Spring Boot starter" is
// spring-boot-starter/_index.md). A command's, an API's or a product's
// name is the same in every language.
func namesPage(text, slug string) bool {
	name := path.Base(slug)
	if name == "_index" || name == "index" {
		name = path.Base(path.Dir(slug))
	}
	return name != "." && name != "/" && squash(text) == squash(name)
}

// squash lowercases s and drops all but its letters and digits.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
}

// boolOption reads an option whose value is true or false.
func (c *checker) boolOption(name string, def bool) bool {
	n := c.option(name)
	if n == nil {
		return def
	}
	if n.Kind == yaml.ScalarNode {
		switch n.Value {
		case "true":
			return true
		case "false":
			return false
		}
	}
	c.optionErrs = append(c.optionErrs, optionErr{n.Line, l10n.Msg("lint.optionBool", "Rule", c.rule, "Option", name)})
	return def
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

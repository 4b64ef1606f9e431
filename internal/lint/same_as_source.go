package lint

import (
	"path"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/language"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/markdown"
	"github.com/glosa/glosa/internal/prose"
	"github.com/glosa/glosa/internal/status"
)

// The options of same-as-source.
var (
	sameMinWords = intOption("minWords", 3,
		"Text with fewer words of prose is not reported: names and terms are often identical in every language.")
	sameVariants = boolOption("variants", false,
		"`true` checks translations into a variant of the source's language too (`en-GB` from `en`, `pt-PT` from `pt-BR`).")
	sameConsensus = intOption("consensus", 3,
		"A text that this many languages (or more) each keep identical to the source is the project's convention, not a lapse "+
			"(an error message a program prints in English, a table of versions, a keyword list), and is not reported; `0` reports every one.")
)

var sameAsSource = register(Rule{
	entries:  true,
	memo:     itemScope, // a text is held for the item's other languages
	ID:       "same-as-source",
	Severity: Info,
	Summary:  "a text field, a paragraph or a catalog message of a translation is identical to the source: text left untranslated",
	Doc: "A `text` field, a paragraph, heading or table cell of a translation, or a translated catalog message, is identical to the source's: text left untranslated. Text is compared as a reader sees it (escapes and entities resolved, link destinations and tags left out), and only words of prose count: code, URLs, placeholders, shortcodes, tokens shaped like code and words in capitals do not. A text that only names things (`Guido van Rossum`, `The GNOME Project`), a heading that names its page, or a text with no letter of the source's script is not reported.\n" +
		"\n" +
		"**Example.** The Spanish translation kept the English title:\n" +
		"\n" +
		"```\n" +
		"content/es/transformer.md:2:8: info: title is identical to the source: \"The transformer architecture\" [same-as-source]\n" +
		"```\n" +
		"\n" +
		"**Fix.** Translate the text; or, when it is right as it is (a product name, a quotation), accept the finding with a suppression (`glosa-disable-next-line same-as-source`).\n" +
		"\n" +
		"**Limits.** Translations already `untranslated` are not checked, nor (unless `variants`) translations into a variant of the source's language (`en-GB` from `en`). A text that `consensus` languages or more keep identical is the project's convention and not reported. Info by default: many identical catalog messages are legitimate.",
	Options: []*Option{sameMinWords.Option, sameVariants.Option, sameConsensus.Option},
	// The catalogs' messages are compared once, not in every chunk.
	whole: func(c *checker, emit func(Finding)) {
		sameMessages(c, sameMinWords.of(c), sameVariants.of(c), sameConsensus.of(c), emit)
	},
	check: func(c *checker, emit func(Finding)) {
		minWords := sameMinWords.of(c)
		variants := sameVariants.of(c)
		consensus := sameConsensus.of(c)
		// Findings wait for the item's other languages: a text that
		// several of them keep identical is kept by the project's
		// convention (see agreed).
		var held []heldFinding
		flush := func() {
			for _, h := range agreed(held, consensus) {
				emit(h.f)
			}
			held = held[:0]
		}
		var item *status.Item
		for _, p := range c.pairs() {
			if p.item != item {
				flush()
				item = p.item
			}
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
				held = append(held, heldFinding{key: "field " + v.Path + "\x00" + text, lang: p.t.Lang, f: Finding{
					Path: p.entry.Path, Line: v.Node.Line, Column: v.Node.Column, Lang: p.t.Lang, Slug: p.item.Slug,
					Text: l10n.Msg("lint.same.field", "Field", v.Path, "Text", strconv.Quote(shorten(text)))}})
			}
			// Blocks are compared by the digests of their normalised plain
			// texts (escapes resolved), which glosa's cache keeps instead
			// of the texts.
			srcBlocks := map[[16]byte]bool{}
			for _, b := range p.src.Body().Blocks {
				srcBlocks[content.BlockDigest(b)] = true
			}
			for i, b := range p.entry.Body().Blocks {
				digest := content.BlockDigest(b)
				// Each word holds a letter: text with fewer letters than
				// minWords words is never reported, and its texts, which
				// glosa's cache does not keep, are not needed.
				if !srcBlocks[digest] || p.entry.BlockLetters(i) < minWords {
					continue
				}
				b := p.entry.Block(i)
				if b.Kind == "heading" && namesPage(b.Plain, p.item.Slug) || !untranslated(b.Prose, p.src.Lang, minWords) {
					continue
				}
				text := content.Normalize(b.Text)
				held = append(held, heldFinding{key: "block " + string(digest[:]), lang: p.t.Lang, f: Finding{
					Path: p.entry.Path, Line: b.Line, Column: b.Col, Lang: p.t.Lang, Slug: p.item.Slug,
					Text: l10n.Msg("lint.same."+b.Kind, "Text", strconv.Quote(shorten(text)))}})
			}
		}
		flush()
	},
})

// heldFinding is a same-as-source finding waiting for the other languages
// of its item or message: key names the text (a field's path and text, a
// block's digest, a message's ID) across them.
type heldFinding struct {
	key, lang string
	f         Finding
}

// agreed returns the findings whose text fewer than consensus languages
// keep identical to the source. When that many translation teams (three
// by default) each left the same text as it is — an error message the
// program prints in English, a table of versions, a keyword list — it is
// what the project means to keep, not text one of them forgot; a lapse
// is seldom made the same way by several teams. consensus 0 keeps every
// finding.
func agreed(held []heldFinding, consensus int) []heldFinding {
	if consensus <= 0 {
		return held
	}
	langs := map[string]map[string]bool{}
	for _, h := range held {
		if langs[h.key] == nil {
			langs[h.key] = map[string]bool{}
		}
		langs[h.key][h.lang] = true
	}
	var out []heldFinding
	for _, h := range held {
		if len(langs[h.key]) < consensus {
			out = append(out, h)
		}
	}
	return out
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

// shorten keeps messages on one readable line.
func shorten(s string) string {
	const max = 60
	if len([]rune(s)) <= max {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:max])) + "…"
}

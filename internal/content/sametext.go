package content

import (
	"bytes"
	"crypto/sha256"
	"regexp"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/util"

	"github.com/glosa/glosa/internal/config"
)

// Prose says which parts of an entry hold prose: words a translator
// translates, not only code, URLs, shortcodes, markup, numbers or symbols.
type Prose uint8

// The parts of an entry that may hold prose.
const (
	// ProseFields: a text field of the front matter.
	ProseFields Prose = 1 << iota
	// ProseBody: a paragraph, heading or table cell of the body.
	ProseBody
)

// Prose returns which parts of the entry hold prose, computed once: a
// text field, or a block of the body (code blocks and HTML blocks are not
// blocks), holds prose when a letter is left once its inline code, HTML
// tags, Hugo shortcodes and template actions, link destinations and URLs
// are taken out.
func (e *Entry) Prose(schema *config.Field) Prose {
	e.proseOnce.Do(func() {
		var p Prose
		for _, v := range e.Values(schema) {
			if v.Kind == config.Text && proseIn(v.Node.Value) {
				p |= ProseFields
				break
			}
		}
		for i := range e.Body().Blocks {
			if proseIn(e.BlockText(i)) {
				p |= ProseBody
				break
			}
		}
		e.prose, e.proseKnown = p, true
	})
	return e.prose
}

// notProse matches what proseIn takes out of a text before it looks for a
// letter. A hand-written approximation of Markdown's inline syntax,
// enough to tell prose from markup: the blocks it reads are goldmark's,
// so code blocks and HTML blocks are already out.
var notProse = regexp.MustCompile(`(?s)` + strings.Join([]string{
	`\{\{[<%].*?[>%]\}\}`,    // Hugo shortcodes
	`\{\{.*?\}\}`,            // template actions and placeholders
	"(`+).*?`+",              // inline code
	`<!--.*?-->`,             // HTML comments
	`</?[A-Za-z][^>]*>`,      // HTML tags, autolinks
	`\]\([^)]*\)`,            // link and image destinations
	`\]\[[^\]]*\]`,           // reference labels
	`(?m)^\s*\[[^\]]+\]:.*$`, // reference definitions
	`[A-Za-z][A-Za-z0-9+.-]*://\S+`,
	`&#?[A-Za-z0-9]+;`, // entities
	`:[a-z0-9_+-]+:`,   // emoji codes
}, "|"))

// proseIn reports whether text holds prose (see Entry.Prose).
func proseIn(text string) bool {
	if !strings.ContainsFunc(text, unicode.IsLetter) {
		return false
	}
	return strings.ContainsFunc(notProse.ReplaceAllString(text, " "), unicode.IsLetter)
}

// sameDigests returns the digests SameText compares: of the entry's text
// (its text fields, then its body) and of its body alone. Each value and
// block is normalised as for the hash, and Markdown's backslash escapes are
// undone, so that a copy a translation tool escaped (\* for *) is still a
// copy.
func sameDigests(d *Document, schema *config.Field, blocks []string) (text, body [sha256.Size]byte) {
	var b bytes.Buffer
	n := 0
	for _, block := range blocks {
		n += len("block\t\n") + len(block)
	}
	b.Grow(n + 256)
	for _, v := range Values(d.Front, schema) {
		if v.Kind != config.Text {
			continue
		}
		b.WriteString("field\t" + v.Path + "\t")
		writeUnescaped(&b, Normalize(v.Node.Value))
		b.WriteByte('\n')
	}
	from := b.Len()
	for _, block := range blocks {
		b.WriteString("block\t")
		writeUnescaped(&b, block)
		b.WriteByte('\n')
	}
	return sha256.Sum256(b.Bytes()), sha256.Sum256(b.Bytes()[from:])
}

// writeUnescaped writes s with Markdown's backslash escapes of punctuation
// undone.
func writeUnescaped(b *bytes.Buffer, s string) {
	if !strings.Contains(s, `\`) {
		b.WriteString(s)
		return
	}
	b.Write(util.UnescapePunctuations([]byte(s)))
}

// SameText reports whether a translation's text is its source's, which
// makes a translation without a record untranslated: its body is the
// source's and holds prose, or all of its text (text fields and body) is
// the source's and holds prose somewhere. Text is compared normalised and
// with Markdown's backslash escapes undone. A translation whose fields are
// translated and whose body is the source's shortcode, script or code is
// not the source's text: nothing in that body is there to translate.
func SameText(e, src *Entry, repo *Repo) bool {
	e.digest(repo.Schema(e))
	src.digest(repo.Schema(src))
	sameBody, sameAll := e.body == src.body, e.text == src.text
	if !sameBody && !sameAll {
		return false
	}
	p := src.Prose(repo.Schema(src))
	return sameBody && p&ProseBody != 0 || sameAll && p != 0
}

package content

import (
	"bytes"
	"crypto/sha256"
	"strings"
	"unicode"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/markdown"
	"github.com/glosa/glosa/internal/prose"
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
// text field, or a block of the body, holds prose when prose.Words finds
// a word in its prose (markdown.Block.Prose: without inline code, URLs,
// link destinations, tags and text marked not to translate), which leaves
// out shortcodes, placeholders, code-shaped tokens and numbers. Code
// blocks and HTML blocks are not blocks.
func (e *Entry) Prose(schema *config.Field) Prose {
	e.proseOnce.Do(func() {
		var p Prose
		for _, v := range e.Values(schema) {
			if v.Kind == config.Text && textProse(v.Node.Value) {
				p |= ProseFields
				break
			}
		}
		for i := range e.Body().Blocks {
			// A word holds a letter: a block without any has none.
			if e.BlockLetters(i) > 0 && prose.Words(e.Block(i).Prose) > 0 {
				p |= ProseBody
				break
			}
		}
		e.prose, e.proseKnown = p, true
	})
	return e.prose
}

// textProse reports whether a front-matter text holds prose.
func textProse(s string) bool {
	return strings.ContainsFunc(s, unicode.IsLetter) && prose.Words(markdown.Prose(s)) > 0
}

// sameDigests returns the digests SameText compares: of the entry's text
// (its text fields, then its body) and of its body alone. Each value and
// block is normalised as for the hash, Markdown's backslash escapes are
// undone and entity references resolved, so that a copy a translation tool
// escaped (\* for *, &amp; for &) is still a copy.
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
// undone and its entity references resolved (&amp; is &), as a reader
// sees them.
func writeUnescaped(b *bytes.Buffer, s string) {
	if !strings.ContainsAny(s, `\&`) {
		b.WriteString(s)
		return
	}
	b.Write(markdown.Unescape([]byte(s)))
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

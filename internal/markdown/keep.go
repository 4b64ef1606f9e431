package markdown

import (
	"bytes"
	"regexp"
	"strings"
	"sync"

	"github.com/yuin/goldmark/ast"
)

// What a translation keeps as the source wrote it, by the author's word or
// by its nature: text marked not to translate, and MDX's JavaScript.

// notranslate follows the HTML elements marked not to translate, with
// translate="no" (HTML's attribute) or the class notranslate (the one
// Google Translate and most CAT tools honour), through the raw HTML of a
// body: inline tags and HTML blocks alike, so that the paragraphs inside
// a <div translate="no"> are kept too.
type notranslate struct {
	// name is the open element's tag name, depth how many elements of that
	// name are open inside it and it; 0 when none is open.
	name  string
	depth int
}

func (k *notranslate) open() bool { return k.depth > 0 }

// tagRE matches an HTML start or end tag: its slash, its name and its
// attributes.
var tagRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`<(/?)([A-Za-z][A-Za-z0-9:-]*)((?:\s+[^<>]*?)?)\s*(/?)>`)
})

// keepRE matches the attributes that mark an element not to translate.
var keepRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)(?:^|\s)(?:translate\s*=\s*["']?no\b|class\s*=\s*["'][^"']*\bnotranslate\b)`)
})

// feed reads the tags of a piece of raw HTML, in order.
func (k *notranslate) feed(html []byte) {
	if bytes.IndexByte(html, '<') < 0 {
		return
	}
	for _, m := range tagRE().FindAllSubmatch(html, -1) {
		closing, name, attrs, selfClosing := len(m[1]) > 0, strings.ToLower(string(m[2])), m[3], len(m[4]) > 0
		switch {
		case k.depth == 0:
			if !closing && !selfClosing && keepRE().Match(attrs) {
				k.name, k.depth = name, 1
			}
		case name != k.name || selfClosing:
		case closing:
			k.depth--
		default:
			k.depth++
		}
	}
}

// attrsRE matches a Markdown attribute list ending a block, as Hugo,
// Pandoc and kramdown read it: "## Title {#id .notranslate}", or a
// paragraph whose last line is {.notranslate}.
var attrsRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\{\s*:?\s*((?:[.#][\w-]+|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s{}]*))(?:\s+(?:[.#][\w-]+|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s{}]*)))*)\s*\}\s*$`)
})

// notTranslated reports whether a block's text ends with an attribute list
// that marks it not to translate: the class .notranslate or translate=no.
func notTranslated(text string) bool {
	if !strings.HasSuffix(strings.TrimSpace(text), "}") {
		return false
	}
	m := attrsRE().FindStringSubmatch(text)
	if m == nil {
		return false
	}
	for _, a := range strings.Fields(m[1]) {
		a = strings.ToLower(a)
		if a == ".notranslate" || a == "translate=no" || a == `translate="no"` || a == "translate='no'" {
			return true
		}
	}
	return false
}

// esmRE matches the start of an MDX ESM statement: an import or an export,
// which MDX reads as JavaScript when a top-level paragraph starts so.
var esmRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:import\s+(?:["']|[\w$*{][^\n]*\bfrom\s*["']|[\w$]+\s*,)|export\s+(?:default\b|const\b|let\b|var\b|function\b|async\b|class\b|type\b|interface\b|\{|\*))`)
})

// esm reports whether the block n, of text, is an MDX import or export: a
// top-level paragraph that starts with one. A sentence never starts with
// "import x from '…'" or "export const".
func esm(n ast.Node, text string) bool {
	if n.Kind() != ast.KindParagraph || n.Parent() == nil || n.Parent().Kind() != ast.KindDocument {
		return false
	}
	return esmRE().MatchString(text)
}

// fenceLine reports whether a line opens or closes a code fence. MDX reads
//
//	<Fragment slot="npm">
//	```sh
//
// as a component around a code block; CommonMark reads the fence line as
// part of an HTML block, which the next blank line ends, and the code
// after it as paragraphs, up to the closing fence, which opens a code
// block of its own. The lines of an HTML block that hold an odd number of
// fence lines are followed by code, whatever CommonMark makes of it.
func fenceLine(line []byte) bool {
	line = bytes.TrimLeft(line, " \t")
	return bytes.HasPrefix(line, []byte("```")) || bytes.HasPrefix(line, []byte("~~~"))
}

// hugoComment follows Hugo's comment shortcode ({{< comment >}} …
// {{< /comment >}}, as Docsy and many themes define it), whose content a
// site does not show, through the blocks of a body.
type hugoComment struct{ open bool }

// commentRE matches the comment shortcode's opening and closing tags.
var commentRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\{\{[<%]\s*(/?)comment\s*[>%]\}\}`) })

// feed reads a block's text and reports whether any of it is inside a
// comment: the block opens one, closes one, or is in one.
func (c *hugoComment) feed(text string) bool {
	in := c.open
	if !strings.Contains(text, "comment") {
		return in
	}
	for _, m := range commentRE().FindAllStringSubmatch(text, -1) {
		c.open = m[1] == ""
		in = true
	}
	return in
}

package markdown

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	"golang.org/x/net/html"
)

// HTMLBlock is an HTML block (raw HTML on lines of its own, CommonMark's
// kinds 1 to 7) or, in MDX, a line of JSX tags, that holds active HTML.
// It is no Block: it has no text to translate, and pairing blocks by
// position does not see it, so markup-mismatch compares the active HTML
// of a body's HTML blocks as a whole.
type HTMLBlock struct {
	// Line is the block's first line in the file.
	Line int
	// Markup are its items as htmlMarkup writes them ("html script",
	// `html iframe src="…"`), in order.
	Markup []string
}

// addHTMLBlock adds the HTML block n, whose raw text is raw, if it holds
// active HTML.
func (s *Summary) addHTMLBlock(n ast.Node, raw []byte, pos *positions) {
	items := htmlMarkup(raw)
	if len(items) == 0 || n.Lines().Len() == 0 {
		return
	}
	line, _ := pos.at(n.Lines().At(0).Start)
	s.HTMLBlocks = append(s.HTMLBlocks, HTMLBlock{Line: line, Markup: items})
}

// htmlMarkup returns the markup items of raw HTML (inline, or an HTML
// block's; in MDX, JSX tags) that can run code or load another site's
// content into the page:
// one "html NAME" item per start tag of such an element (script, iframe,
// object, embed, form…), or of any element with an on… event handler or
// an attribute whose value is a javascript:, vbscript: or data:text/html
// URL; with those attributes, and for such an element its URL attributes
// (src, href, action…), each as ` attr="value"` (Go-quoted). A translation
// that adds one has been given code to run by whoever wrote it.
//
// Other inline HTML (<strong>, <kbd>, <br>, an MDX <ReadMore>) is not
// compared: on withastro/docs, of the 22 findings a comparison of every
// tag added, 17 were formatting a translator chose (an emphasis added, a
// "read more" box left out) and 5 true problems, none of them dangerous.
// End tags and comments are no items.
func htmlMarkup(raw []byte) []string {
	var out []string
	z := html.NewTokenizer(bytes.NewReader(raw))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			elem := strings.ToLower(string(name))
			active := activeElements[elem]
			var attrs strings.Builder
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				key, val := string(k), string(v)
				if strings.HasPrefix(key, "on") || ScriptURL(val) || active && urlAttrs[key] {
					attrs.WriteString(" " + key + "=" + strconv.Quote(val))
				}
			}
			if active || attrs.Len() > 0 {
				out = append(out, "html "+elem+attrs.String())
			}
		}
	}
}

// activeElements are the HTML elements that run code or show another
// document inside the page, whatever their attributes.
var activeElements = map[string]bool{
	"script": true, "iframe": true, "frame": true, "frameset": true, "object": true, "embed": true,
	"applet": true, "form": true, "base": true, "meta": true, "link": true, "style": true,
}

// urlAttrs are the attributes whose value is a URL to load or send to.
var urlAttrs = map[string]bool{
	"href": true, "src": true, "srcdoc": true, "action": true, "formaction": true, "data": true, "xlink:href": true, "content": true,
}

// ScriptURL reports a URL that runs code when followed: javascript:,
// vbscript: or data:text/html, however spaced or cased (browsers ignore
// leading spaces and control characters, and tabs and newlines inside the
// scheme).
func ScriptURL(v string) bool {
	v = strings.TrimLeft(v, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
	v = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, v)
	v = strings.ToLower(v)
	return strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "vbscript:") || strings.HasPrefix(v, "data:text/html")
}

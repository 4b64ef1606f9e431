package dashboard

import (
	"bufio"
	"strconv"
	"strings"

	"github.com/glosa/glosa/internal/l10n"
)

// matrixRows writes the rows of the index's matrix, the bytes the
// template in rows_test.go gives with html/template: with one cell per
// slug and language they are most of a large dashboard, and html/template
// calls its escapers through reflection, about seven calls a cell, which
// made rendering them take longer than checking the project. Every value
// goes through writeText or writeURL, which escape as html/template does
// in those contexts (TestRowsEscaping compares them).
func matrixRows(w *bufio.Writer, mx *Matrix, l *l10n.Localizer) {
	sourceCell, none := l.T("report.sourceCell"), l.T("report.none")
	var rank [8]byte
	for i := range mx.Rows {
		r := &mx.Rows[i]
		w.WriteString("\n<tr data-categories=\"")
		writeJoined(w, r.Categories, "\n")
		w.WriteString("\">")
		writeSlug(w, r.Slug, r.Title, r.TitleLang)
		if len(mx.Categories) > 0 {
			w.WriteString("\n<td>")
			writeJoined(w, r.Categories, ", ")
			w.WriteString("</td>")
		}
		w.WriteString("\n<td>")
		if r.Source != nil {
			w.WriteString("<a href=\"")
			writeURL(w, r.Source.URL)
			w.WriteString("\">")
			writeText(w, sourceCell)
			w.WriteString("</a>")
		} else {
			writeNone(w, none)
		}
		w.WriteString("</td>")
		for j := range r.Cells {
			c := &r.Cells[j]
			w.WriteString("\n<td data-lang=\"")
			writeText(w, c.Lang)
			w.WriteString("\" data-state=\"")
			writeText(w, c.State.Code)
			w.WriteString("\" data-rank=\"")
			w.Write(strconv.AppendInt(rank[:0], int64(c.Rank), 10))
			w.WriteByte('"')
			if c.State.Code == "" {
				w.WriteString(">")
				writeNone(w, none)
				w.WriteString("</td>")
				continue
			}
			w.WriteString(" class=\"st-")
			writeText(w, c.State.Code)
			w.WriteString("\"><span class=\"sym\" aria-hidden=\"true\">")
			writeText(w, c.State.Symbol)
			w.WriteString("</span> ")
			if c.File != nil {
				w.WriteString("<a href=\"")
				writeURL(w, c.File.URL)
				w.WriteString("\">")
				writeText(w, c.State.Name)
				w.WriteString("</a>")
			} else {
				writeText(w, c.State.Name)
			}
			w.WriteString("</td>")
		}
		w.WriteString("\n</tr>")
	}
}

// writeSlug writes the cells that begin a row of both tables: the slug
// and its title, marked with its language.
func writeSlug(w *bufio.Writer, slug, title, titleLang string) {
	w.WriteString("\n<th scope=\"row\"><code>")
	writeText(w, slug)
	w.WriteString("</code></th>\n<td>")
	if title != "" {
		w.WriteString("<span lang=\"")
		writeText(w, titleLang)
		w.WriteString("\" dir=\"auto\">")
		writeText(w, title)
		w.WriteString("</span>")
	}
	w.WriteString("</td>")
}

// writeNone writes the mark of an empty cell.
func writeNone(w *bufio.Writer, none string) {
	w.WriteString("<span aria-hidden=\"true\">—</span><span class=\"vh\">")
	writeText(w, none)
	w.WriteString("</span>")
}

// writeJoined writes strings.Join(s, sep), escaped.
func writeJoined(w *bufio.Writer, s []string, sep string) {
	for i, v := range s {
		if i > 0 {
			writeText(w, sep)
		}
		writeText(w, v)
	}
}

// writeText writes s escaped as html/template escapes a string in text
// and in a quoted attribute value: the bytes NUL, ", &, ', +, < and >
// replaced, everything else (also invalid UTF-8) as it is. Working on
// bytes gives what its rune loop gives, as no byte of a multi-byte UTF-8
// sequence is below 0x80.
func writeText(w *bufio.Writer, s string) {
	done := 0
	for i := 0; i < len(s); i++ {
		var repl string
		switch s[i] {
		case 0:
			repl = "\uFFFD"
		case '"':
			repl = "&#34;"
		case '&':
			repl = "&amp;"
		case '\'':
			repl = "&#39;"
		case '+':
			repl = "&#43;"
		case '<':
			repl = "&lt;"
		case '>':
			repl = "&gt;"
		default:
			continue
		}
		w.WriteString(s[done:i])
		w.WriteString(repl)
		done = i + 1
	}
	w.WriteString(s[done:])
}

// unsafeURL is what html/template writes for a URL whose scheme it does
// not trust.
const unsafeURL = "#ZgotmplZ"

// writeURL writes s as html/template writes a string in a quoted href:
// filtered (a scheme other than http, https and mailto gives #ZgotmplZ),
// normalized (bytes that are not allowed in a URL percent-encoded, valid
// escapes kept) and escaped for the attribute (& and + are all that
// normalizing leaves to escape).
func writeURL(w *bufio.Writer, s string) {
	if scheme, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(scheme, "/") &&
		!strings.EqualFold(scheme, "http") && !strings.EqualFold(scheme, "https") && !strings.EqualFold(scheme, "mailto") {
		s = unsafeURL
	}
	const hex = "0123456789abcdef"
	done := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		var repl string
		switch {
		case c == '&':
			repl = "&amp;"
		case c == '+':
			repl = "&#43;"
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', strings.IndexByte("!#$*,/:;=?@[]-._~", c) >= 0:
			continue
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			continue
		default:
			w.WriteString(s[done:i])
			w.WriteByte('%')
			w.WriteByte(hex[c>>4])
			w.WriteByte(hex[c&15])
			done = i + 1
			continue
		}
		w.WriteString(s[done:i])
		w.WriteString(repl)
		done = i + 1
	}
	w.WriteString(s[done:])
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// workRows writes the rows of the table of one state on a language's
// page, the bytes the template in rows_test.go gives with html/template:
// a large project has hundreds of thousands, and the template spent most
// of its time calling l10n for the same three words in each. They go
// straight to the page's writer: given to the template as one string,
// they were copied twice more (a language's page on tldr is 2.5 MB).
func workRows(w *bufio.Writer, g *WorkGroup, l *l10n.Localizer) {
	sourceFile, translationFile, notCreated := l.T("report.sourceFile"), l.T("report.translationFile"), l.T("report.notCreated")
	noChanges := l.T("report.noChanges")
	stale := g.State.Code == "stale"
	var num [20]byte
	for i := range g.Items {
		it := &g.Items[i]
		w.WriteString("\n<tr>")
		writeSlug(w, it.Slug, it.Title, it.TitleLang)
		w.WriteString("\n<td>")
		writeText(w, it.Reason)
		w.WriteString("</td>\n<td class=\"num\">")
		w.Write(strconv.AppendInt(num[:0], int64(it.Words), 10))
		w.WriteString("</td>\n<td><ul class=\"files\">")
		if it.Source != nil {
			w.WriteString("\n<li>")
			writeText(w, sourceFile)
			w.WriteString(": ")
			writeLink(w, *it.Source)
			w.WriteString("</li>")
		}
		w.WriteString("\n<li>")
		writeText(w, translationFile)
		w.WriteString(": ")
		if it.File.URL != "" {
			writeLink(w, it.File)
		} else {
			w.WriteString("<code>")
			writeText(w, it.File.Path)
			w.WriteString("</code> (")
			writeText(w, notCreated)
			w.WriteString(")")
		}
		w.WriteString("</li>\n</ul></td>")
		if stale {
			w.WriteString("\n<td>")
			if ch := it.Change; ch != nil {
				if ch.Summary != "" {
					w.WriteString("<p>")
					writeText(w, ch.Summary)
					w.WriteString("</p>")
				}
				w.WriteString("<ul class=\"changes\">")
				for _, line := range ch.Lines {
					w.WriteString("\n<li>")
					writeText(w, line.Before)
					if line.Text != "" {
						w.WriteString("<q lang=\"")
						writeText(w, line.TextLang)
						w.WriteString("\" dir=\"auto\">")
						writeText(w, line.Text)
						w.WriteString("</q>")
					}
					writeText(w, line.After)
					w.WriteString("</li>")
				}
				w.WriteString("\n</ul>")
			} else {
				writeText(w, noChanges)
			}
			w.WriteString("</td>")
		}
		w.WriteString("\n</tr>")
	}
}

// writeLink writes a link to a repository file, named by its path.
func writeLink(w *bufio.Writer, l Link) {
	w.WriteString("<a href=\"")
	writeURL(w, l.URL)
	w.WriteString("\">")
	writeText(w, l.Path)
	w.WriteString("</a>")
}

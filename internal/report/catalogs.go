package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/glosa/glosa/internal/printable"
	"github.com/glosa/glosa/internal/status"
)

// CatalogJSON is one locales item of glosa.yaml: a set of message
// catalogs and the state of their messages.
type CatalogJSON struct {
	// Path is the item's path pattern, as glosa.yaml writes it
	// (locales/active.{lang}.yaml).
	Path string `json:"path"`
	// Format is "goi18n" or "po".
	Format string `json:"format"`
	// Source is the code of the language the messages are written in.
	Source string `json:"source"`
	// Languages are the summaries of the catalog's messages, per
	// translation language shown.
	Languages []LanguageJSON `json:"languages"`
	// Messages are the messages with a translation shown, sorted by
	// domain and ID.
	Messages []MessageJSON `json:"messages"`
}

// MessageJSON is one message of one domain, and its translations.
type MessageJSON struct {
	// ID is the message's ID; for a PO entry with a context, msgctxt,
	// U+0004 and msgid.
	ID string `json:"id"`
	// Domain is the {domain} part of the catalog's path; "" when the
	// pattern has none.
	Domain string `json:"domain"`
	// Path is the file of the source message (the source catalog or the
	// PO template); "" for an orphan or a PO file read without a
	// template.
	Path string `json:"path"`
	// Line is the source message's line in that file; 0 when path is "".
	Line int `json:"line"`
	// Translations are the translations shown, one per language.
	Translations []MessageTranslationJSON `json:"translations"`
}

// MessageTranslationJSON is one language's side of a message.
type MessageTranslationJSON struct {
	// Lang is the translation's language code.
	Lang string `json:"lang"`
	// State is the translation's state, as for entries.
	State string `json:"state"`
	// Path is the language's catalog file, or where it belongs when the
	// file is missing.
	Path string `json:"path"`
	// Line is the message's line in that file; 0 when the file lacks it.
	Line int `json:"line"`
	// WordsToTranslate is the source text's word count, placeholders left
	// out, when the translation needs work; else 0.
	WordsToTranslate int `json:"wordsToTranslate"`
}

// catalogLanguages returns the shown language summaries of a catalog.
func (v View) catalogLanguages(c status.Catalog) []status.Language {
	var out []status.Language
	for _, l := range c.Languages {
		if v.langShown(l.Lang) {
			out = append(out, l)
		}
	}
	return out
}

// messages returns the messages with a translation shown, each with only
// its shown translations.
func (v View) messages(c status.Catalog) []status.Message {
	var out []status.Message
	for _, m := range c.Messages {
		var ts []status.MessageTranslation
		for _, t := range m.Translations {
			if v.shown(t.Lang, t.State) {
				ts = append(ts, t)
			}
		}
		if len(ts) > 0 {
			m.Translations = ts
			out = append(out, m)
		}
	}
	return out
}

// streamCatalogs is the "catalogs" field of a JSON document, its
// catalogs written one at a time (see catalogOut)
// (see catalogOut), for writeJSONStreamed.
func (v View) streamCatalogs() streamed {
	return streamed{key: "catalogs", each: func(emit func(any) error) error {
		for _, c := range v.Report.Catalogs {
			if err := emit(catalogOut{v, c}); err != nil {
				return err
			}
		}
		return nil
	}}
}

// catalogOut is a catalog of the JSON document, written as
// writeJSONStreamed's encoder writes its CatalogJSON (as catalogsDocument,
// in the tests, makes it): the languages
// through encoding/json, the messages, most of a big catalog's document
// (28 MB on python-docs-es), by hand (FuzzCatalogJSON compares the two).
type catalogOut struct {
	v View
	c status.Catalog
}

func (o catalogOut) append(b []byte) ([]byte, error) { return o.write(b, nil) }

// write appends the catalog to b, as append does; with flush, it hands
// b to flush whenever it holds more than 64 KB, and goes on from empty,
// so that a catalog of 100,000 messages is never one buffer.
func (o catalogOut) write(b []byte, flush func([]byte) error) ([]byte, error) {
	langs := []LanguageJSON{}
	for _, l := range o.v.catalogLanguages(o.c) {
		langs = append(langs, NewLanguageJSON(l))
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("      ", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(langs); err != nil {
		return nil, err
	}
	b = append(b, "{\n      \"path\": "...)
	b = appendJSONString(b, o.c.Pattern)
	b = append(b, ",\n      \"format\": "...)
	b = appendJSONString(b, o.c.Format)
	b = append(b, ",\n      \"source\": "...)
	b = appendJSONString(b, o.c.Source)
	b = append(b, ",\n      \"languages\": "...)
	b = append(b, bytes.TrimSuffix(buf.Bytes(), []byte("\n"))...)
	b = append(b, ",\n      \"messages\": ["...)
	n := 0
	for _, m := range o.c.Messages {
		shown := 0
		for _, t := range m.Translations {
			if o.v.shown(t.Lang, t.State) {
				shown++
			}
		}
		if shown == 0 {
			continue
		}
		if flush != nil && len(b) > 64<<10 {
			if err := flush(b); err != nil {
				return nil, err
			}
			b = b[:0]
		}
		if n > 0 {
			b = append(b, ',')
		}
		n++
		b = append(b, "\n        {\n          \"id\": "...)
		b = appendJSONString(b, m.ID)
		b = append(b, ",\n          \"domain\": "...)
		b = appendJSONString(b, m.Domain)
		b = append(b, ",\n          \"path\": "...)
		b = appendJSONString(b, m.Path)
		b = append(b, ",\n          \"line\": "...)
		b = strconv.AppendInt(b, int64(m.Line), 10)
		b = append(b, ",\n          \"translations\": ["...)
		i := 0
		for _, t := range m.Translations {
			if !o.v.shown(t.Lang, t.State) {
				continue
			}
			if i > 0 {
				b = append(b, ',')
			}
			i++
			b = append(b, "\n            {\n              \"lang\": "...)
			b = appendJSONString(b, t.Lang)
			b = append(b, ",\n              \"state\": "...)
			b = appendJSONString(b, string(t.State))
			b = append(b, ",\n              \"path\": "...)
			b = appendJSONString(b, t.Path)
			b = append(b, ",\n              \"line\": "...)
			b = strconv.AppendInt(b, int64(t.Line), 10)
			b = append(b, ",\n              \"wordsToTranslate\": "...)
			b = strconv.AppendInt(b, int64(t.Words), 10)
			b = append(b, "\n            }"...)
		}
		b = append(b, "\n          ]\n        }"...)
	}
	if n > 0 {
		b = append(b, "\n      "...)
	}
	return append(b, "]\n    }"...), nil
}

// catalogsText writes a table per catalog, in the shape of the entries'
// table, and with States the messages in those states.
func catalogsText(w io.Writer, v View) error {
	l := v.l()
	for _, c := range v.Report.Catalogs {
		langs := v.catalogLanguages(c)
		if len(langs) == 0 && len(c.Languages) > 0 {
			continue // --lang leaves none of its languages: an empty table says nothing
		}
		n := 0
		for _, m := range c.Messages {
			if m.Path != "" || !orphanOnly(m) {
				n++
			}
		}
		fmt.Fprintf(w, "\n%s\n\n", l.N("status.catalog", n, "Path", c.Pattern, "Format", c.Format, "Lang", c.Source))
		if err := v.summaryTable(w, langs); err != nil {
			return err
		}
		if len(v.States) == 0 {
			continue
		}
		t := &table{}
		var states []status.State
		for _, m := range v.messages(c) {
			for _, tr := range m.Translations {
				where := tr.Path
				if tr.Line > 0 {
					where += ":" + strconv.Itoa(tr.Line)
				}
				t.add(tr.Lang, v.stateName(tr.State), displayID(m.ID), where)
				states = append(states, tr.State)
			}
		}
		if len(states) == 0 {
			continue
		}
		t.paint = func(row, col int, cell string) string {
			if col == 1 {
				return paint(v.Color, stateColor[states[row]], cell)
			}
			return cell
		}
		fmt.Fprintln(w)
		if err := t.write(w); err != nil {
			return err
		}
	}
	return nil
}

// displayID shows a PO message key (msgctxt EOT msgid) as "msgctxt|msgid",
// on one line, its control characters escaped (see printable.String).
func displayID(id string) string {
	id = printable.String(strings.ReplaceAll(id, "\x04", "|"))
	if r := []rune(id); len(r) > 60 {
		id = string(r[:60]) + "…"
	}
	return id
}

// orphanOnly reports whether a message is known only from translations
// the source lacks. A message of a PO file read without a template has no
// source path but is not an orphan: it counts in the catalog's messages.
func orphanOnly(m status.Message) bool {
	for _, t := range m.Translations {
		if t.State != status.Orphan {
			return false
		}
	}
	return true
}

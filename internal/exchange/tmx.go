package exchange

import (
	"bytes"
	"io"
	"strconv"
	"strings"

	"github.com/glosa/glosa/internal/limits"
)

// TMX 1.4b, the LISA translation memory exchange format, written by hand
// as XLIFF is (see xliff.go) and read with the same bounded parser. A
// memory File maps onto it so: each unit is a <tu> whose tuid is the
// unit's ID, with a <tuv> of the source language and one of the target,
// each a <seg> of plain text (datatype plaintext: inline Markdown is kept
// as text, as the memory matches it), and a <prop type="x-glosa-ref">
// per reference ("path:line" of the translation). Reading takes, of each
// <tu>, the <tuv> of the header's srclang and the first of another
// language; the text of inline elements (<hi>, <ph>, <bpt>…) is kept,
// <sub> flows are left out.

// tmxName is the TMX format's name.
const tmxName Format = "tmx"

var _ = register(Spec{
	Name:   tmxName,
	Label:  "TMX",
	File:   "{lang}.tmx",
	Write:  WriteTMX,
	Detect: func(_ string, text []byte) bool { return isXML(text) && rootIs(text, "tmx") },
	Read:   func(_ string, data []byte, max int) (*File, error) { return readTMX(data, max) },
	Memory: true,
	Notes: "TMX 1.4b, a translation memory: the pairs of source text and current translation the repository holds " +
		"(entries' fields and blocks, go-i18n messages), a `<tu>` each, its `tuid` the unit's ID and a `<prop type=\"x-glosa-ref\">` " +
		"where the translation is. Valid against the LISA DTD; Translate Toolkit reads it (`pocount`), and import reads its `po2tmx`'s. " +
		"`glosa import` keeps a TMX as a memory (in `" + MemoryDir + "/`) that export fills units from; it writes no entry.",
})

// MemoryDir is the folder of the repository where glosa import keeps the
// TMX files it is given, and whose TMX files export fills units from.
const MemoryDir = "translation-memory"

// WriteTMX writes f's units that have a translation as a TMX 1.4b
// document, source language f.SourceLang.
func WriteTMX(w io.Writer, f *File) error {
	if err := checkXML(f); err != nil {
		return err
	}
	x := &xmlOut{}
	x.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	x.open(0, "tmx", "version", "1.4")
	x.tag(1, "header", []string{"creationtool", "glosa", "creationtoolversion", "1", "segtype", "block",
		"o-tmf", "glosa", "adminlang", "en", "srclang", f.SourceLang, "datatype", "plaintext"})
	x.WriteString("/>\n")
	x.open(1, "body")
	for _, u := range f.Units {
		if u.Plural() || u.Target == "" {
			continue
		}
		x.open(2, "tu", "tuid", idText(u.ID))
		for _, r := range u.Refs {
			ref := r.Path
			if r.Line > 0 {
				ref += ":" + strconv.Itoa(r.Line)
			}
			x.elem(3, "prop", ref, "type", "x-glosa-ref")
		}
		for _, tv := range [][2]string{{f.SourceLang, u.Source}, {f.TargetLang, u.Target}} {
			x.open(3, "tuv", "xml:lang", tv[0])
			x.elem(4, "seg", tv[1])
			x.close(3, "tuv")
		}
		x.close(2, "tu")
	}
	x.close(1, "body")
	x.close(0, "tmx")
	_, err := w.Write([]byte(x.String()))
	return err
}

// rootIs reports whether the XML document text begins with
// an element named local.
func rootIs(text []byte, local string) bool {
	i := 0
	for {
		j := bytes.IndexByte(text[i:], '<')
		if j < 0 || i+j+1 >= len(text) {
			return false
		}
		i += j + 1
		if c := text[i]; c != '?' && c != '!' {
			rest := text[i:]
			return bytes.HasPrefix(rest, []byte(local)) && len(rest) > len(local) && strings.ContainsRune(" \t\r\n>/", rune(rest[len(local)]))
		}
	}
}

// ReadTMX reads a TMX document: of each <tu>, the source language's text
// and the first other language's, as a unit (ID the tuid, else its
// position); File.TargetLang is that other language when every unit has
// the same, else "". A <tu> with no text in the source language or in
// no other is left out.
func ReadTMX(data []byte) (*File, error) { return readTMX(data, limits.ImportUnits) }

func readTMX(data []byte, max int) (*File, error) {
	root, err := parseRoot(data, max, "tmx", "import.tmxRoot")
	if err != nil {
		return nil, err
	}
	f := &File{Format: tmxName}
	var body *node
	for _, c := range root.children() {
		switch c.name.Local {
		case "header":
			f.SourceLang, _ = c.attr("srclang")
		case "body":
			body = c
		}
	}
	if f.SourceLang == "" || f.SourceLang == "*all*" {
		return nil, root.errorf("import.tmxSource")
	}
	if body == nil {
		return f, nil
	}
	targets := map[string]bool{}
	for i, tu := range body.children() {
		if tu.name.Local != "tu" {
			continue
		}
		id, ok := tu.attr("tuid")
		if !ok {
			id = strconv.Itoa(i + 1)
		}
		u := Unit{ID: id, State: Translated, Line: tu.line}
		lang := ""
		for _, c := range tu.children() {
			switch c.name.Local {
			case "prop":
				if t, _ := c.attr("type"); t == "x-glosa-ref" {
					if r, ok := parseRef(tmxText(c)); ok {
						u.Refs = append(u.Refs, r)
					}
				}
			case "tuv":
				l, ok := c.attrNS(xmlNS, "lang")
				if !ok {
					l, _ = c.attr("lang") // TMX 1.3's spelling
				}
				var seg string
				for _, s := range c.children() {
					if s.name.Local == "seg" {
						seg = tmxText(s)
					}
				}
				switch {
				case strings.EqualFold(l, f.SourceLang):
					u.Source = seg
				case lang == "" && l != "":
					lang, u.Target = l, seg
				}
			}
		}
		if u.Source == "" || u.Target == "" {
			continue
		}
		targets[lang] = true
		f.Units = append(f.Units, u)
	}
	if len(targets) == 1 {
		for l := range targets {
			f.TargetLang = l
		}
	}
	return f, nil
}

// xmlNS is the namespace of xml:lang.
const xmlNS = "http://www.w3.org/XML/1998/namespace"

// tmxText is the text of a seg or prop: its own and that of inline
// elements, <sub> (a sub-flow, such as a tooltip's text) left out.
func tmxText(n *node) string {
	var b strings.Builder
	for _, c := range n.content {
		switch c := c.(type) {
		case string:
			b.WriteString(c)
		case *node:
			if c.name.Local != "sub" {
				b.WriteString(tmxText(c))
			}
		}
	}
	return b.String()
}

// parseRef reads "path:line".
func parseRef(s string) (Ref, bool) {
	i := strings.LastIndexByte(s, ':')
	if i <= 0 {
		return Ref{}, false
	}
	n, err := strconv.Atoi(s[i+1:])
	if err != nil || n < 1 {
		return Ref{}, false
	}
	return Ref{Path: s[:i], Line: n}, true
}

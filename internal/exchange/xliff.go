package exchange

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/limits"
)

// XLIFF, in both versions, is written by hand (escaping included) so that
// the output is laid out for people and carries newlines as newlines;
// encoding/xml's Encoder would turn them into &#xA;. Reading uses
// encoding/xml's Decoder.
//
// How the model maps onto XLIFF:
//
//   - A unit's ID is the resname (1.2) or name (2.0) of its trans-unit or
//     unit; the id attribute is made unique (and, in 2.0, an NMTOKEN) from
//     it, and is read only when there is no resname or name. An ID holding
//     characters XML 1.0 cannot carry (gettext's \x04) is written Go-quoted
//     in glosa:id and, readably escaped, in resname or name.
//   - States, 1.2: New is "new" ("needs-translation" if it somehow has a
//     target), NeedsReview "needs-review-translation", Translated
//     "translated". Read back, needs-* is New, needs-review-* NeedsReview,
//     translated, final and signed-off Translated; "new" with a non-empty
//     target, approved="yes" and a target without state are Translated
//     when the target is not empty, since tools fill targets without
//     always updating the state.
//   - States, 2.0: New is "initial", NeedsReview "translated" with
//     subState="glosa:needs-review" (XLIFF 2.0 makes a tool that changes
//     the state drop or update subState), Translated "final". Read back,
//     translated, reviewed and final are Translated unless subState says
//     needs review; a segment without state is Translated when its target
//     is not empty.
//   - Notes are <note from="glosa"> (1.2) and <note category="description">
//     (2.0); refs are 1.2 location context-groups and 2.0 notes of category
//     "location" holding "path:line"; the previous source is a 1.2
//     <alt-trans alttranstype="previous-version"> and a 2.0 note of
//     category "previous-source".
//   - Kind, Flags and SourceHash, which XLIFF has no place for, are the
//     attributes glosa:kind, glosa:flags and glosa:hash.
//   - A plural unit is a group (1.2 restype="x-gettext-plurals", 2.0
//     type="glosa:plural") with a unit "ID[category]" per target category,
//     its source the source form of the category or else "other"'s, and a
//     translate="no" unit per category only the source has. Every unit of
//     the group carries the notes, refs and previous source; reading takes
//     them from the first. Read back, a target category whose source equals
//     "other"'s has no source form of its own.
//   - Inline Markdown and placeholders are written as inline codes a CAT
//     tool protects (see xliff_inline.go). Reading keeps the text of
//     inline elements (1.2 <g>, <mrk>, <ph>, <bpt>, <ept>, <it>, 2.0 <pc>,
//     <mrk>), 1.2 codes holding it, and the original data of 2.0 <ph>,
//     <sc>, <ec> and <pc>; a placeholder with no text to keep (1.2
//     <x/>, <bx/>, <ex/> without equiv-text, a 2.0 code without original
//     data or equiv) is an error. A target whose codes are not its
//     source's is read, with Unit.Err set. Segments (1.2 <mrk
//     mtype="seg">, 2.0 <segment> and <ignorable>) are joined.
//   - Characters XML 1.0 cannot carry (U+0000–U+0008 and the like) in any
//     text are refused with an error naming the unit.

const (
	xliff12NS = "urn:oasis:names:tc:xliff:document:1.2"
	xliff20NS = "urn:oasis:names:tc:xliff:document:2.0"
	// glosaNS names glosa's own attributes, which both schemas allow.
	glosaNS = "https://github.com/glosa/glosa/xliff"

	pluralRestype12 = "x-gettext-plurals"
	pluralType20    = "glosa:plural"
	needsReview20   = "glosa:needs-review"

	noteDescription = "description"
	noteLocation    = "location"
	notePrevious    = "previous-source"

	// matchesNS is XLIFF 2.0's Translation Candidates module; a unit's
	// memory matches refer to its segment by segmentID.
	matchesNS = "urn:oasis:names:tc:xliff:matches:2.0"
	segmentID = "s1"
)

// The XLIFF formats' names.
const (
	xliff12 Format = "xliff12"
	xliff20 Format = "xliff20"
)

var (
	_ = register(Spec{
		Name:  xliff12,
		Label: "XLIFF 1.2",
		File:  "{lang}.xlf",
		Write: WriteXLIFF12,
		// Markup that is not XLIFF 2.0 is read as 1.2, whose reader says
		// what is wrong with it.
		Detect: func(_ string, text []byte) bool {
			return isXML(text) && sniffXLIFF(text) != xliff20 && !rootIs(text, "tmx")
		},
		Read: func(_ string, data []byte, max int) (*File, error) { return readXLIFF(data, max) },
		Notes: "OASIS XLIFF 1.2: a `trans-unit` per unit, its state `new`, `needs-review-translation` or `translated`; " +
			"a plural message is a group of one unit per CLDR category. Inline code, links, citations, shortcodes and placeholders are tags " +
			"a CAT tool protects, holding their Markdown: `<bpt>` and `<ept>` around a link's text, `<ph>` for the rest. " +
			"Validates against the OASIS schema; import tells 1.2 from 2.0 by the namespace, not the file name.",
	})
	_ = register(Spec{
		Name:   xliff20,
		Label:  "XLIFF 2.0",
		File:   "{lang}.xlf",
		Write:  WriteXLIFF20,
		Detect: func(_ string, text []byte) bool { return sniffXLIFF(text) == xliff20 },
		Read:   func(_ string, data []byte, max int) (*File, error) { return readXLIFF(data, max) },
		Notes: "OASIS XLIFF 2.0: a `unit` per unit, its state `initial`, `translated` with `subState=\"glosa:needs-review\"`, or `final`; " +
			"a plural message is a group of one unit per CLDR category. Inline code, links, citations, shortcodes and placeholders are tags " +
			"a CAT tool protects: `<pc>` around a link's text, `<ph/>` for the rest, their Markdown in the unit's `<originalData>`. " +
			"Validates against the OASIS schema.",
	})
)

// WriteXLIFF12 writes f as an XLIFF 1.2 document.
func WriteXLIFF12(w io.Writer, f *File) error {
	if err := checkXML(f); err != nil {
		return err
	}
	x := &xmlOut{}
	x.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	x.open(0, "xliff", "version", "1.2", "xmlns", xliff12NS, "xmlns:glosa", glosaNS)
	fa := []string{"original", f.Original, "source-language", f.SourceLang}
	if f.TargetLang != "" {
		fa = append(fa, "target-language", f.TargetLang)
	}
	x.open(1, "file", append(fa, "datatype", "plaintext")...)
	x.open(2, "body")
	units, groups := ids{}, ids{}
	for i := range f.Units {
		u := &f.Units[i]
		if !u.Plural() {
			if err := writeTransUnit(x, 3, u, u.ID, units.take(idText(u.ID)), u.Source, u.Target, true); err != nil {
				return err
			}
			continue
		}
		forms, err := pluralForms(u)
		if err != nil {
			return err
		}
		x.open(3, "group", "id", groups.take(idText(u.ID)), "resname", idText(u.ID), "restype", pluralRestype12)
		for _, fm := range forms {
			id := u.ID + "[" + fm.category + "]"
			if err := writeTransUnit(x, 4, u, id, units.take(idText(id)), fm.source, fm.target, fm.translate); err != nil {
				return err
			}
		}
		x.close(3, "group")
	}
	x.close(2, "body")
	x.close(1, "file")
	x.close(0, "xliff")
	_, err := w.Write([]byte(x.String()))
	return err
}

func writeTransUnit(x *xmlOut, depth int, u *Unit, id, xid, source, target string, translate bool) error {
	state, err := state12(u.State, target)
	if err != nil {
		return err
	}
	a := append([]string{"id", xid, "resname", idText(id)}, glosaAttrs(u, id)...)
	if !translate {
		a = append(a, "translate", "no")
	}
	if needsPreserve(source, target, u.Previous) {
		a = append(a, "xml:space", "preserve")
	}
	in := inlineOf(u, source, target)
	x.open(depth, "trans-unit", a...)
	var b strings.Builder
	writePieces(&b, in.source, tag12)
	x.markup(depth+1, "source", b.String())
	if translate {
		b.Reset()
		writePieces(&b, in.target, tag12)
		x.markup(depth+1, "target", b.String(), "state", state)
	}
	if u.Previous != "" {
		x.open(depth+1, "alt-trans", "alttranstype", "previous-version")
		x.elem(depth+2, "source", u.Previous)
		x.elem(depth+2, "target", target)
		x.close(depth+1, "alt-trans")
	}
	for _, m := range u.Matches {
		if !translate {
			break
		}
		x.match(depth+1, "alt-trans", m, "match-quality", strconv.Itoa(m.Score), "origin", m.Origin, "alttranstype", "proposal")
	}
	for _, n := range u.Notes {
		x.elem(depth+1, "note", n, "from", "glosa")
	}
	if len(u.Terms) > 0 {
		x.elem(depth+1, "note", termLines(u.Terms), "from", noteTerms12)
	}
	for _, r := range u.Refs {
		x.open(depth+1, "context-group", "purpose", "location")
		x.elem(depth+2, "context", r.Path, "context-type", "sourcefile")
		if r.Line != 0 {
			x.elem(depth+2, "context", strconv.Itoa(r.Line), "context-type", "linenumber")
		}
		x.close(depth+1, "context-group")
	}
	x.close(depth, "trans-unit")
	return nil
}

func state12(s State, target string) (string, error) {
	switch s {
	case New:
		if target != "" {
			return "needs-translation", nil
		}
		return "new", nil
	case NeedsReview:
		return "needs-review-translation", nil
	case Translated:
		return "translated", nil
	}
	return "", fmt.Errorf("unknown state %q", s)
}

// WriteXLIFF20 writes f as an XLIFF 2.0 document.
func WriteXLIFF20(w io.Writer, f *File) error {
	if err := checkXML(f); err != nil {
		return err
	}
	x := &xmlOut{}
	x.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	ra := []string{"version", "2.0", "xmlns", xliff20NS, "xmlns:glosa", glosaNS, "srcLang", f.SourceLang}
	if f.TargetLang != "" {
		ra = append(ra, "trgLang", f.TargetLang)
	}
	x.open(0, "xliff", ra...)
	x.open(1, "file", "id", nmtoken(f.Original), "original", f.Original)
	used := ids{} // units and groups share one space of ids in 2.0
	for i := range f.Units {
		u := &f.Units[i]
		if !u.Plural() {
			if err := writeUnit(x, 2, u, u.ID, used.take(nmtoken(u.ID)), u.Source, u.Target, true); err != nil {
				return err
			}
			continue
		}
		forms, err := pluralForms(u)
		if err != nil {
			return err
		}
		gid := used.take(nmtoken(u.ID))
		ga := []string{"id", gid}
		if gid != u.ID {
			ga = append(ga, "name", idText(u.ID))
		}
		x.open(2, "group", append(ga, "type", pluralType20)...)
		for _, fm := range forms {
			id := u.ID + "[" + fm.category + "]"
			if err := writeUnit(x, 3, u, id, used.take(nmtoken(id)), fm.source, fm.target, fm.translate); err != nil {
				return err
			}
		}
		x.close(2, "group")
	}
	if len(f.Units) == 0 {
		x.elem(2, "group", "", "id", "empty") // a file must hold a unit or a group
	}
	x.close(1, "file")
	x.close(0, "xliff")
	_, err := w.Write([]byte(x.String()))
	return err
}

func writeUnit(x *xmlOut, depth int, u *Unit, id, xid, source, target string, translate bool) error {
	a := []string{"id", xid}
	if xid != id {
		a = append(a, "name", idText(id))
	}
	a = append(a, glosaAttrs(u, id)...)
	if !translate {
		a = append(a, "translate", "no")
	}
	if needsPreserve(source, target) {
		a = append(a, "xml:space", "preserve")
	}
	var sa []string
	switch u.State {
	case New:
		sa = []string{"state", "initial"}
	case NeedsReview:
		sa = []string{"state", "translated", "subState", needsReview20}
	case Translated:
		sa = []string{"state", "final"}
	default:
		return fmt.Errorf("unit %q: unknown state %q", u.ID, u.State)
	}
	// The codes' original data comes before the segment that refers to it.
	in := inlineOf(u, source, target)
	var od originalData
	var b strings.Builder
	writePieces(&b, in.source, tag20(&od))
	src := b.String()
	b.Reset()
	writePieces(&b, in.target, tag20(&od))
	tgt := b.String()
	x.open(depth, "unit", a...)
	if translate && len(u.Matches) > 0 {
		x.open(depth+1, "mtc:matches", "xmlns:mtc", matchesNS)
		for _, m := range u.Matches {
			x.match(depth+2, "mtc:match", m, "ref", "#"+segmentID, "matchQuality", strconv.Itoa(m.Score)+".0", "origin", m.Origin)
		}
		x.close(depth+1, "mtc:matches")
		sa = append(sa, "id", segmentID)
	}
	writeGlossary20(x, depth+1, u.Terms)
	if len(u.Notes) > 0 || len(u.Refs) > 0 || u.Previous != "" {
		x.open(depth+1, "notes")
		for _, n := range u.Notes {
			x.elem(depth+2, "note", n, "category", noteDescription)
		}
		for _, r := range u.Refs {
			x.elem(depth+2, "note", r.Path+":"+strconv.Itoa(r.Line), "category", noteLocation)
		}
		if u.Previous != "" {
			a := []string{"category", notePrevious, "appliesTo", "source"}
			if needsPreserve(u.Previous) {
				a = append(a, "xml:space", "preserve")
			}
			x.elem(depth+2, "note", u.Previous, a...)
		}
		x.close(depth+1, "notes")
	}
	if len(od.texts) > 0 {
		x.open(depth+1, "originalData")
		for i, t := range od.texts {
			a := []string{"id", "d" + strconv.Itoa(i+1)}
			if needsPreserve(t) {
				a = append(a, "xml:space", "preserve")
			}
			x.elem(depth+2, "data", t, a...)
		}
		x.close(depth+1, "originalData")
	}
	if !translate {
		sa = nil
	}
	x.open(depth+1, "segment", sa...)
	x.markup(depth+2, "source", src)
	if translate && (target != "" || u.State != New) {
		x.markup(depth+2, "target", tgt)
	}
	x.close(depth+1, "segment")
	x.close(depth, "unit")
	return nil
}

// glosaAttrs are the attributes that carry what XLIFF has no place for.
func glosaAttrs(u *Unit, id string) []string {
	var a []string
	if !xmlSafe(id) {
		a = append(a, "glosa:id", strconv.Quote(id))
	}
	if u.Kind != "" {
		a = append(a, "glosa:kind", u.Kind)
	}
	if len(u.Flags) > 0 {
		a = append(a, "glosa:flags", strings.Join(u.Flags, " "))
	}
	if u.SourceHash != "" {
		a = append(a, "glosa:hash", u.SourceHash)
	}
	return a
}

// pluralForm is one XLIFF unit of a plural unit.
type pluralForm struct {
	category, source, target string
	translate                bool
}

// pluralForms lists a plural unit's forms in CLDR's order: one per target
// category, then one not to translate per category only the source has.
func pluralForms(u *Unit) ([]pluralForm, error) {
	for _, m := range []map[string]string{u.SourceForms, u.TargetForms} {
		for c := range m {
			if pluralIndex(c) < 0 {
				return nil, fmt.Errorf("unit %q: unknown plural category %q", u.ID, c)
			}
		}
	}
	var forms []pluralForm
	for _, c := range pluralCategories {
		target, ok := u.TargetForms[c]
		if !ok {
			continue
		}
		source, ok := u.SourceForms[c]
		if !ok {
			source = u.SourceForms["other"]
		}
		forms = append(forms, pluralForm{c, source, target, true})
	}
	for _, c := range pluralCategories {
		if source, ok := u.SourceForms[c]; ok {
			if _, ok := u.TargetForms[c]; !ok {
				forms = append(forms, pluralForm{c, source, "", false})
			}
		}
	}
	return forms, nil
}

func pluralIndex(c string) int {
	for i, p := range pluralCategories {
		if p == c {
			return i
		}
	}
	return -1
}

// ids hands out unique ids.
type ids map[string]bool

func (m ids) take(id string) string {
	out := id
	for n := 2; m[out]; n++ {
		out = id + "-" + strconv.Itoa(n)
	}
	m[out] = true
	return out
}

// idText is id as an attribute value can carry it: itself, or Go-escaped
// when XML cannot carry it.
func idText(id string) string {
	if xmlSafe(id) {
		return id
	}
	q := strconv.Quote(id)
	return q[1 : len(q)-1]
}

// nmtoken makes s an XML NMTOKEN (an XLIFF 2.0 id): ASCII letters, digits,
// '.', '-' and '_', anything else replaced by '_'.
func nmtoken(s string) string {
	b := []byte(s)
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_') {
			b[i] = '_'
		}
	}
	if len(b) == 0 {
		return "_"
	}
	return string(b)
}

func needsPreserve(texts ...string) bool {
	for _, s := range texts {
		if s == "" {
			continue
		}
		if isXMLSpace(s[0]) || isXMLSpace(s[len(s)-1]) || strings.ContainsAny(s, "\t\n\r") || strings.Contains(s, "  ") {
			return true
		}
	}
	return false
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// xmlChar reports whether XML 1.0 can carry r.
func xmlChar(r rune) bool {
	return r == 0x9 || r == 0xA || r == 0xD || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

func xmlSafe(s string) bool { return badChar(s) == "" }

// badChar describes the first thing in s that XML 1.0 cannot carry, "" if
// none.
func badChar(s string) string {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, n := utf8.DecodeRuneInString(s[i:]); n == 1 {
				return "bytes that are not UTF-8"
			}
		}
		if !xmlChar(r) {
			return fmt.Sprintf("%U", r)
		}
	}
	return ""
}

// checkXML refuses a file with text that XML 1.0 cannot carry.
func checkXML(f *File) error {
	for _, fd := range [][2]string{{"source language", f.SourceLang}, {"target language", f.TargetLang}, {"original", f.Original}} {
		if c := badChar(fd[1]); c != "" {
			return fmt.Errorf("the %s contains %s, which XML cannot carry", fd[0], c)
		}
	}
	for _, u := range f.Units {
		fields := [][2]string{{"kind", u.Kind}, {"source", u.Source}, {"target", u.Target}, {"previous source", u.Previous}, {"source hash", u.SourceHash}}
		for _, m := range u.Matches {
			fields = append(fields, [2]string{"memory match", m.Source}, [2]string{"memory match", m.Target}, [2]string{"memory match", m.Origin})
		}
		for _, c := range pluralCategories {
			fields = append(fields, [2]string{"source " + c, u.SourceForms[c]}, [2]string{"target " + c, u.TargetForms[c]})
		}
		for _, n := range u.Notes {
			fields = append(fields, [2]string{"note", n})
		}
		for _, t := range u.Terms {
			fields = append(fields, [2]string{"term", t.Term}, [2]string{"term", t.Translation})
		}
		for _, r := range u.Refs {
			fields = append(fields, [2]string{"reference", r.Path})
		}
		for _, fl := range u.Flags {
			fields = append(fields, [2]string{"flag", fl})
		}
		for _, fd := range fields {
			if c := badChar(fd[1]); c != "" {
				return fmt.Errorf("unit %q: the %s contains %s, which XML cannot carry", u.ID, fd[0], c)
			}
		}
	}
	return nil
}

// xmlOut builds an indented document.
type xmlOut struct{ strings.Builder }

var (
	textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\r", "&#xD;")
	attrEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "\t", "&#x9;", "\n", "&#xA;", "\r", "&#xD;")
)

func (x *xmlOut) tag(depth int, name string, attrs []string) {
	x.WriteString(strings.Repeat("  ", depth))
	x.WriteString("<" + name)
	for i := 0; i+1 < len(attrs); i += 2 {
		x.WriteString(" " + attrs[i] + `="` + attrEscaper.Replace(attrs[i+1]) + `"`)
	}
}

func (x *xmlOut) open(depth int, name string, attrs ...string) {
	x.tag(depth, name, attrs)
	x.WriteString(">\n")
}

func (x *xmlOut) close(depth int, name string) {
	x.WriteString(strings.Repeat("  ", depth) + "</" + name + ">\n")
}

// markup writes an element holding content already marked up.
func (x *xmlOut) markup(depth int, name, content string, attrs ...string) {
	x.tag(depth, name, attrs)
	x.WriteString(">" + content + "</" + name + ">\n")
}

// match writes a memory match as an element name (alt-trans, mtc:match)
// holding its source and target.
func (x *xmlOut) match(depth int, name string, m Match, attrs ...string) {
	if needsPreserve(m.Source, m.Target) {
		attrs = append(attrs, "xml:space", "preserve")
	}
	x.open(depth, name, attrs...)
	x.elem(depth+1, "source", m.Source)
	x.elem(depth+1, "target", m.Target)
	x.close(depth, name)
}

// elem writes an element holding text only.
func (x *xmlOut) elem(depth int, name, text string, attrs ...string) {
	x.tag(depth, name, attrs)
	x.WriteString(">" + textEscaper.Replace(text) + "</" + name + ">\n")
}

// xliffVersion tells XLIFF 1.2 from 2.0 by the root element's namespace,
// or its version attribute when it has none; "" when it is neither.
func xliffVersion(ns, version string) Format {
	switch {
	case ns == xliff12NS || ns == "" && version == "1.2":
		return xliff12
	case ns == xliff20NS || ns == "" && strings.HasPrefix(version, "2."):
		return xliff20
	}
	return ""
}

// sniffXLIFF returns the version of the XLIFF document text begins with,
// read from its root element only; "" when text is not one.
func sniffXLIFF(text []byte) Format {
	d := xml.NewDecoder(bytes.NewReader(text))
	for {
		tok, err := d.Token()
		if err != nil {
			return ""
		}
		if t, ok := tok.(xml.StartElement); ok {
			version := ""
			for _, a := range t.Attr {
				if a.Name.Space == "" && a.Name.Local == "version" {
					version = a.Value
				}
			}
			return xliffVersion(t.Name.Space, version)
		}
	}
}

// isXML reports whether text is markup: what every XLIFF document is.
func isXML(text []byte) bool { return bytes.HasPrefix(text, []byte("<")) }

// ReadXLIFF reads an XLIFF 1.2 or 2.0 document (told apart by its
// version/namespace, not by the file name).
func ReadXLIFF(data []byte) (*File, error) { return readXLIFF(data, limits.ImportUnits) }

// readXLIFF is ReadXLIFF for a document of at most max units.
func readXLIFF(data []byte, max int) (*File, error) {
	root, err := parseRoot(data, max, "xliff", "import.xliffRoot")
	if err != nil {
		return nil, err
	}
	version, _ := root.attr("version")
	r := &xliffReader{ns: root.name.Space, marks: map[string]string{}}
	switch xliffVersion(r.ns, version) {
	case xliff12:
		return r.read12(root)
	case xliff20:
		r.v2 = true
		return r.read20(root)
	}
	if r.ns != "" {
		return nil, root.errorf("import.xliffNamespace", "Namespace", strconv.Quote(r.ns))
	}
	return nil, root.errorf("import.xliffVersion", "Version", strconv.Quote(version))
}

// parseRoot parses a document (see parseXML) whose root element must be
// named local: another is the error of message id, at its place.
func parseRoot(data []byte, max int, local, id string) (*node, error) {
	root, err := parseXML(bytes.TrimPrefix(data, []byte("\ufeff")), max)
	if err != nil {
		return nil, err
	}
	if root.name.Local != local {
		return nil, root.errorf(id, "Element", root.name.Local)
	}
	return root, nil
}

// node is an element of a parsed document.
type node struct {
	name      xml.Name
	attrs     []xml.Attr
	content   []any // string or *node
	line, col int
}

// errorf returns the error of message id (data as pairs) at n's place.
func (n *node) errorf(id string, data ...any) error {
	return l10n.At(n.line, n.col, l10n.Msg(id, data...))
}

// attr returns an attribute in no namespace.
func (n *node) attr(local string) (string, bool) { return n.attrNS("", local) }

func (n *node) attrNS(space, local string) (string, bool) {
	for _, a := range n.attrs {
		if a.Name.Space == space && a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

func (n *node) children() []*node {
	var out []*node
	for _, c := range n.content {
		if e, ok := c.(*node); ok {
			out = append(out, e)
		}
	}
	return out
}

// parseXML builds the tree of an XML document of at most limits.Depth
// levels and max unit elements (XLIFF trans-unit and unit, TMX tu): the first element past
// either is an error at its place, before the rest is read.
func parseXML(data []byte, max int) (*node, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	var stack []*node
	units := 0
	var root *node
	for {
		line, col := d.InputPos()
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				l, c := d.InputPos()
				if l != se.Line {
					c = 1
				}
				return nil, l10n.At(se.Line, c, l10n.Raw(se.Msg))
			}
			l, c := d.InputPos()
			return nil, l10n.At(l, c, l10n.Raw(strings.TrimPrefix(err.Error(), "xml: ")))
		}
		switch t := tok.(type) {
		case xml.StartElement:
			// The readers below recurse into elements: a document nested
			// deeper than any real one is refused before it is built.
			if len(stack) >= limits.Depth {
				return nil, l10n.At(line, col, l10n.Msg("err.tooDeep", "Max", limits.Depth))
			}
			if t.Name.Local == "trans-unit" || t.Name.Local == "unit" || t.Name.Local == "tu" {
				if units++; units > max {
					return nil, limits.TooManyUnits(line, col, max)
				}
			}
			n := &node{name: t.Name, attrs: t.Attr, line: line, col: col}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.content = append(p.content, n)
			} else if root == nil {
				root = n
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.content = append(p.content, string(t))
			}
		}
	}
	if root == nil {
		l, c := d.InputPos()
		return nil, l10n.At(l, c, l10n.Msg("import.xliffNoRoot"))
	}
	return root, nil
}

// xliffReader reads a document of one version.
type xliffReader struct {
	ns   string // the XLIFF namespace, "" if the document has none
	v2   bool
	data map[string]string // a 2.0 unit's original data, by id
	// codes are the inline codes met in the source or target being read;
	// inTarget is set while reading a target.
	codes    []*node
	inTarget bool
	// marks are a 1.2 unit's source codes' texts by element and id: a
	// target's code left empty takes its source's.
	marks map[string]string
}

// content reads a source or target as textOf does, adding its inline
// codes to *codes.
func (r *xliffReader) content(n *node, unit string, target bool, codes *[]*node) (string, error) {
	r.codes, r.inTarget = nil, target
	s, err := r.textOf(n, unit)
	*codes = append(*codes, r.codes...)
	r.codes, r.inTarget = nil, false
	return s, err
}

func (r *xliffReader) is(n *node, local string) bool {
	return n.name.Space == r.ns && n.name.Local == local
}

func (r *xliffReader) child(n *node, local string) *node {
	for _, c := range n.children() {
		if r.is(c, local) {
			return c
		}
	}
	return nil
}

// xliffUnit is a trans-unit or unit as read, with what a plural group
// needs of it.
type xliffUnit struct {
	Unit
	translate bool
	node      *node
}

func (r *xliffReader) read12(root *node) (*File, error) {
	f := &File{Format: xliff12}
	first := true
	for _, file := range root.children() {
		if !r.is(file, "file") {
			continue
		}
		if first {
			first = false
			f.Original, _ = file.attr("original")
			f.SourceLang, _ = file.attr("source-language")
		}
		// One document carries one language: a later <file> naming
		// another would write its units into the first one's files.
		if tl, _ := file.attr("target-language"); tl != "" {
			if f.TargetLang != "" && !strings.EqualFold(tl, f.TargetLang) {
				return nil, file.errorf("import.xliffMixedLang", "Lang", tl, "First", f.TargetLang)
			}
			f.TargetLang = tl
		}
		if body := r.child(file, "body"); body != nil {
			if err := r.walk(body, &f.Units); err != nil {
				return nil, err
			}
		}
	}
	if first {
		return nil, root.errorf("import.xliffNoFile")
	}
	return f, nil
}

func (r *xliffReader) read20(root *node) (*File, error) {
	f := &File{Format: xliff20}
	f.SourceLang, _ = root.attr("srcLang")
	f.TargetLang, _ = root.attr("trgLang")
	first := true
	for _, file := range root.children() {
		if !r.is(file, "file") {
			continue
		}
		if first {
			first = false
			f.Original, _ = file.attr("original")
		}
		if err := r.walk(file, &f.Units); err != nil {
			return nil, err
		}
	}
	if first {
		return nil, root.errorf("import.xliffNoFile")
	}
	return f, nil
}

// walk reads the units in a body, file or group, in order.
func (r *xliffReader) walk(parent *node, out *[]Unit) error {
	unitName := "trans-unit"
	if r.v2 {
		unitName = "unit"
	}
	for _, c := range parent.children() {
		switch {
		case r.is(c, unitName):
			u, err := r.unit(c)
			if err != nil {
				return err
			}
			*out = append(*out, u.Unit)
		case r.is(c, "group"):
			ok, err := r.plural(c, out)
			if err != nil {
				return err
			}
			if ok {
				continue
			}
			if err := r.walk(c, out); err != nil {
				return err
			}
		}
	}
	return nil
}

// plural reads a plural group into one unit; ok is false when g is not one
// (not marked as plural, or its units' IDs do not name categories of one
// ID).
func (r *xliffReader) plural(g *node, out *[]Unit) (ok bool, err error) {
	var forms []xliffUnit
	var notes []string
	var refs []Ref
	if r.v2 {
		if t, _ := g.attr("type"); t != pluralType20 {
			return false, nil
		}
		for _, c := range g.children() {
			switch {
			case r.is(c, "unit"):
				u, err := r.unit(c)
				if err != nil {
					return false, err
				}
				forms = append(forms, u)
			case r.is(c, "notes"):
				var u Unit
				r.notes20(c, &u)
				notes, refs = u.Notes, u.Refs
			case r.is(c, "group"):
				return false, nil
			}
		}
	} else {
		if t, _ := g.attr("restype"); t != pluralRestype12 {
			return false, nil
		}
		for _, c := range g.children() {
			switch {
			case r.is(c, "trans-unit"):
				u, err := r.unit(c)
				if err != nil {
					return false, err
				}
				forms = append(forms, u)
			case r.is(c, "note"):
				notes = append(notes, r.text(c))
			case r.is(c, "context-group"):
				if ref, ok := r.ref12(c); ok {
					refs = append(refs, ref)
				}
			case r.is(c, "group"):
				return false, nil
			}
		}
	}
	if len(forms) == 0 {
		return false, nil
	}
	base := ""
	seen := map[string]bool{}
	cats := make([]string, len(forms))
	for i, fm := range forms {
		b, c, ok := pluralID(fm.ID)
		if !ok || i > 0 && b != base || seen[c] {
			return false, nil
		}
		base, cats[i], seen[c] = b, c, true
	}
	first := forms[0].Unit
	u := Unit{ID: base, Kind: first.Kind, Previous: first.Previous, Flags: first.Flags, SourceHash: first.SourceHash, Line: g.line,
		Notes: append(notes, first.Notes...), Refs: append(refs, first.Refs...),
		SourceForms: map[string]string{}, TargetForms: map[string]string{}, State: Translated}
	translatable := false
	for i, fm := range forms {
		if u.Err == nil {
			u.Err = fm.Err
		}
		u.SourceForms[cats[i]] = fm.Source
		if fm.translate {
			translatable = true
			u.TargetForms[cats[i]] = fm.Target
			if stateRank(fm.State) < stateRank(u.State) {
				u.State = fm.State // a plural unit is as done as its least done form
			}
		}
	}
	if !translatable {
		u.State = New
	}
	if other, ok := u.SourceForms["other"]; ok {
		for c := range u.TargetForms {
			if c != "other" && u.SourceForms[c] == other {
				delete(u.SourceForms, c) // written from "other" for want of its own
			}
		}
	}
	*out = append(*out, u)
	return true, nil
}

// unit reads a trans-unit (1.2) or unit (2.0).
func (r *xliffReader) unit(n *node) (xliffUnit, error) {
	u := xliffUnit{node: n, translate: true}
	u.Line = n.line
	if t, _ := n.attr("translate"); t == "no" {
		u.translate = false
	}
	if q, ok := n.attrNS(glosaNS, "id"); ok {
		id, err := strconv.Unquote(q)
		if err != nil {
			return u, n.errorf("import.glosaID", "ID", q)
		}
		u.ID = id
	} else if id, ok := n.attr("resname"); ok && !r.v2 {
		u.ID = id
	} else if id, ok := n.attr("name"); ok && r.v2 {
		u.ID = id
	} else {
		u.ID, _ = n.attr("id")
	}
	u.Kind, _ = n.attrNS(glosaNS, "kind")
	u.SourceHash, _ = n.attrNS(glosaNS, "hash")
	if fl, _ := n.attrNS(glosaNS, "flags"); fl != "" {
		u.Flags = strings.Fields(fl)
	}
	var err error
	if r.v2 {
		err = r.unit20(n, &u.Unit)
	} else {
		err = r.unit12(n, &u.Unit)
	}
	if err != nil {
		return u, err
	}
	for _, s := range append([]string{u.Source, u.Target, u.Previous}, u.Notes...) {
		if c := badChar(s); c != "" {
			return u, n.errorf("import.notXMLChar", "Unit", strconv.Quote(u.ID), "Char", c)
		}
	}
	return u, nil
}

func (r *xliffReader) unit12(n *node, u *Unit) error {
	var err error
	r.marks = map[string]string{}
	var srcCodes, tgtCodes []*node
	source := r.child(n, "source")
	if source == nil {
		source = r.child(n, "seg-source")
	}
	if source != nil {
		if u.Source, err = r.content(source, u.ID, false, &srcCodes); err != nil {
			return err
		}
	}
	state := ""
	if t := r.child(n, "target"); t != nil {
		if u.Target, err = r.content(t, u.ID, true, &tgtCodes); err != nil {
			return err
		}
		state, _ = t.attr("state")
		u.Err = checkCodes(u.ID, t, srcCodes, tgtCodes)
	}
	approved, _ := n.attr("approved")
	u.State = readState12(state, approved == "yes", u.Target)
	for _, c := range n.children() {
		switch {
		case r.is(c, "note") && isTermsNote12(c):
			u.Terms = append(u.Terms, parseTermLines(r.text(c))...)
		case r.is(c, "note"):
			u.Notes = append(u.Notes, r.text(c))
		case r.is(c, "context-group"):
			if ref, ok := r.ref12(c); ok {
				u.Refs = append(u.Refs, ref)
			}
		case r.is(c, "alt-trans"):
			if t, _ := c.attr("alttranstype"); t == "previous-version" && u.Previous == "" {
				if s := r.child(c, "source"); s != nil {
					if u.Previous, err = r.textOf(s, u.ID); err != nil {
						return err
					}
				}
			}
		}
	}
	return nil
}

func readState12(state string, approved bool, target string) State {
	switch state {
	case "needs-translation", "needs-adaptation", "needs-l10n":
		return New
	case "needs-review-translation", "needs-review-adaptation", "needs-review-l10n":
		return NeedsReview
	case "translated", "final", "signed-off":
		return Translated
	}
	if target != "" && (state == "" || state == "new" || approved) {
		return Translated
	}
	if target == "" || state == "new" {
		return New
	}
	return Translated
}

// ref12 reads a context-group naming a source file.
func (r *xliffReader) ref12(g *node) (Ref, bool) {
	var ref Ref
	var file, line bool
	for _, c := range g.children() {
		if !r.is(c, "context") {
			continue
		}
		switch t, _ := c.attr("context-type"); t {
		case "sourcefile":
			if !file {
				ref.Path, file = r.text(c), true
			}
		case "linenumber":
			if !line {
				ref.Line, _ = strconv.Atoi(r.text(c))
				line = true
			}
		}
	}
	return ref, file
}

func (r *xliffReader) unit20(n *node, u *Unit) error {
	r.data = map[string]string{}
	if od := r.child(n, "originalData"); od != nil {
		for _, d := range od.children() {
			if r.is(d, "data") {
				id, _ := d.attr("id")
				text, err := r.textOf(d, u.ID)
				if err != nil {
					return err
				}
				r.data[id] = text
			}
		}
	}
	if notes := r.child(n, "notes"); notes != nil {
		r.notes20(notes, u)
	}
	u.Terms = r.glossary20(n)
	var source, target strings.Builder
	var srcCodes, tgtCodes []*node
	var firstTarget *node
	hasTarget, segments := false, 0
	u.State = Translated
	for _, c := range n.children() {
		seg, ign := r.is(c, "segment"), r.is(c, "ignorable")
		if !seg && !ign {
			continue
		}
		var s, t string
		var err error
		if sn := r.child(c, "source"); sn != nil {
			if s, err = r.content(sn, u.ID, false, &srcCodes); err != nil {
				return err
			}
		}
		tn := r.child(c, "target")
		if tn != nil {
			hasTarget = hasTarget || seg
			if firstTarget == nil {
				firstTarget = tn
			}
			if t, err = r.content(tn, u.ID, true, &tgtCodes); err != nil {
				return err
			}
		} else if ign {
			t = s // ignorable text without a target stays as it is
		}
		source.WriteString(s)
		target.WriteString(t)
		if seg {
			segments++
			st, _ := c.attr("state")
			sub, _ := c.attr("subState")
			if s := readState20(st, sub, t); stateRank(s) < stateRank(u.State) {
				u.State = s
			}
		}
	}
	u.Source = source.String()
	if hasTarget {
		u.Target = target.String()
		u.Err = checkCodes(u.ID, firstTarget, srcCodes, tgtCodes)
	}
	if segments == 0 {
		u.State = New
	}
	return nil
}

func readState20(state, subState, target string) State {
	switch state {
	case "initial":
		return New
	case "translated":
		if subState == needsReview20 {
			return NeedsReview
		}
		return Translated
	case "reviewed", "final":
		return Translated
	}
	if target != "" {
		return Translated
	}
	return New
}

func (r *xliffReader) notes20(notes *node, u *Unit) {
	for _, c := range notes.children() {
		if !r.is(c, "note") {
			continue
		}
		text := r.text(c)
		switch cat, _ := c.attr("category"); cat {
		case noteLocation:
			ref := Ref{Path: text}
			if i := strings.LastIndexByte(text, ':'); i >= 0 {
				if line, err := strconv.Atoi(text[i+1:]); err == nil {
					ref = Ref{Path: text[:i], Line: line}
				}
			}
			u.Refs = append(u.Refs, ref)
		case notePrevious:
			if u.Previous == "" {
				u.Previous = text
			}
		default:
			u.Notes = append(u.Notes, text)
		}
	}
}

// text is the text in n, inline elements dropped.
func (r *xliffReader) text(n *node) string {
	var b strings.Builder
	for _, c := range n.content {
		switch c := c.(type) {
		case string:
			b.WriteString(c)
		case *node:
			b.WriteString(r.text(c))
		}
	}
	return b.String()
}

// textOf is the text of a source or target: its text and that of inline
// elements, joined.
func (r *xliffReader) textOf(n *node, unit string) (string, error) {
	var b strings.Builder
	if err := r.inline(&b, n, unit); err != nil {
		return "", err
	}
	return b.String(), nil
}

func (r *xliffReader) inline(b *strings.Builder, n *node, unit string) error {
	for _, c := range n.content {
		e, ok := c.(*node)
		if !ok {
			b.WriteString(c.(string))
			continue
		}
		if e.name.Space != r.ns {
			continue // another vocabulary's markup: not text
		}
		var err error
		if r.v2 {
			err = r.inline20(b, e, unit)
		} else {
			err = r.inline12(b, e, unit)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (r *xliffReader) inline12(b *strings.Builder, e *node, unit string) error {
	switch e.name.Local {
	case "x", "bx", "ex":
		r.codes = append(r.codes, e)
		eq, ok := e.attr("equiv-text")
		if !ok {
			return e.errorf("import.code", "Unit", strconv.Quote(unit), "Element", e.name.Local)
		}
		b.WriteString(eq)
		return nil
	case "g":
		r.codes = append(r.codes, e)
		return r.inline(b, e, unit) // its markup is in a skeleton glosa has not
	case "ph", "bpt", "ept", "it":
		// Their text is the code's.
		r.codes = append(r.codes, e)
		var code strings.Builder
		if err := r.inline(&code, e, unit); err != nil {
			return err
		}
		key := codeKey(e)
		if !r.inTarget {
			r.marks[key] = code.String()
		} else if code.Len() == 0 {
			code.WriteString(r.marks[key])
		}
		b.WriteString(code.String())
		return nil
	}
	return r.inline(b, e, unit) // mrk, sub
}

func (r *xliffReader) inline20(b *strings.Builder, e *node, unit string) error {
	data := func(attr string) (bool, error) {
		ref, ok := e.attr(attr)
		if !ok {
			return false, nil
		}
		d, ok := r.data[ref]
		if !ok {
			return false, e.errorf("import.dataRef", "Unit", strconv.Quote(unit), "Element", e.name.Local, "Ref", strconv.Quote(ref))
		}
		b.WriteString(d)
		return true, nil
	}
	switch e.name.Local {
	case "cp":
		h, _ := e.attr("hex")
		v, err := strconv.ParseUint(h, 16, 32)
		if err != nil || !xmlChar(rune(v)) {
			return e.errorf("import.cp", "Unit", strconv.Quote(unit), "Hex", strconv.Quote(h))
		}
		b.WriteRune(rune(v))
	case "ph", "sc", "ec":
		r.codes = append(r.codes, e)
		ok, err := data("dataRef")
		if err != nil || ok {
			return err
		}
		eq, ok := e.attr("equiv")
		if !ok {
			return e.errorf("import.codeNoData", "Unit", strconv.Quote(unit), "Element", e.name.Local)
		}
		b.WriteString(eq)
	case "pc":
		r.codes = append(r.codes, e)
		if _, err := data("dataRefStart"); err != nil {
			return err
		}
		if err := r.inline(b, e, unit); err != nil {
			return err
		}
		_, err := data("dataRefEnd")
		return err
	case "sm", "em":
	default:
		return r.inline(b, e, unit) // mrk
	}
	return nil
}

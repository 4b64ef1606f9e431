package exchange

import (
	"cmp"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Glossary is a termbase for one language pair, as glossary formats
// (TBX, the CSV glossaries of Weblate and Crowdin) hold it: its concepts,
// each with its terms in the source and in the target language.
type Glossary struct {
	// SourceLang and TargetLang are BCP 47 tags.
	SourceLang, TargetLang string
	// Concepts are sorted by ID; each has a source term.
	Concepts []Concept
}

// Concept is one concept of a glossary.
type Concept struct {
	// ID names the concept: an entry's slug, a TBX conceptEntry's id.
	ID string
	// Source and Target are its terms in each language, the preferred
	// first; Target is empty while the target language has none.
	Source, Target []GlossTerm
	// DoNotTranslate marks a concept every language writes as the source
	// does (a product name); Target then holds the source terms.
	DoNotTranslate bool
}

// GlossTerm is one term of a glossary's concept.
type GlossTerm struct {
	Text string
	// POS is the part of speech, when the termbase says it.
	POS string
	// Admitted marks a synonym beside the preferred term, Forbidden a
	// variant translations must not use.
	Admitted, Forbidden bool
}

// TermHint is a term of the termbase that occurs in a unit's source, with
// one translation the target language allows: what a translator's tool
// shows beside the text. A term with several translations has a hint for
// each, one after the other.
type TermHint struct {
	Term, Translation string
}

// The glossary formats' names.
const (
	tbxCore         Format = "tbx"
	glossaryWeblate Format = "glossary-weblate"
	glossaryCrowdin Format = "glossary-crowdin"
)

var (
	_ = register(Spec{
		Name:          tbxCore,
		Label:         "TBX-Core",
		File:          "{lang}.tbx",
		WriteGlossary: WriteTBX,
		Notes: "the termbase (not the units) for one language pair, as TBX-Core (ISO 30042:2019, valid against the TBX-Core RELAX NG schema): " +
			"a `conceptEntry` per concept that has a source term, a `langSec` for the source language and, when the concept has terms in it, one for the target language, " +
			"a `termSec` per preferred or admitted term, the preferred first. A term not to translate has the source term in the target language. " +
			"TBX-Core has no data categories: part of speech and forbidden variants are left out (the glossary CSV formats carry them).",
	})
	_ = register(Spec{
		Name:          glossaryWeblate,
		Label:         "Weblate glossary CSV",
		File:          "glossary.{lang}.csv",
		WriteGlossary: WriteWeblateGlossary,
		Notes: "the termbase for one language pair as the CSV Weblate imports into a glossary: `source,target,context,explanation,flags`, " +
			"a row per translation of a concept's preferred source term (the first of a concept has no context, the others their target as context); " +
			"flags `forbidden` for a forbidden variant, `read-only` for a term not to translate; explanation gives the part of speech.",
	})
	_ = register(Spec{
		Name:          glossaryCrowdin,
		Label:         "Crowdin glossary CSV",
		File:          "glossary-crowdin.{lang}.csv",
		WriteGlossary: WriteCrowdinGlossary,
		Notes: "the termbase for one language pair as the CSV Crowdin imports into a glossary (its columns mapped by their headers): " +
			"`Concept ID,Term [<source>],Part of speech [<source>],Term [<target>],Part of speech [<target>],Status [<target>],Description`, " +
			"a row per target term (status `preferred`, `admitted` or `not recommended`); a term not to translate says so in its description.",
	})
)

// tbxNS is the namespace of TBX (ISO 30042:2019).
const tbxNS = "urn:iso:std:iso:30042:ed-2"

// WriteTBX writes g as a TBX-Core document (ISO 30042:2019, the DCA
// style). TBX-Core holds the structure of a termbase and no data
// category: a term's part of speech and the forbidden variants, which
// belong to modules such as TBX-Basic's, are not written (a forbidden
// variant written as a plain term would read as one to use).
func WriteTBX(w io.Writer, g *Glossary) error {
	for _, fd := range [][2]string{{"source language", g.SourceLang}, {"target language", g.TargetLang}} {
		if c := badChar(fd[1]); c != "" {
			return fmt.Errorf("the %s contains %s, which XML cannot carry", fd[0], c)
		}
	}
	x := &xmlOut{}
	x.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	x.open(0, "tbx", "type", "TBX-Core", "style", "dca", "xml:lang", g.SourceLang, "xmlns", tbxNS)
	x.open(1, "tbxHeader")
	x.open(2, "fileDesc")
	x.open(3, "sourceDesc")
	x.elem(4, "p", "glosa: the terms of "+g.SourceLang+" and "+g.TargetLang)
	x.close(3, "sourceDesc")
	x.close(2, "fileDesc")
	x.close(1, "tbxHeader")
	x.open(1, "text")
	if len(g.Concepts) > 0 {
		x.open(2, "body") // a body holds at least one conceptEntry
		used := map[string]bool{}
		for _, c := range g.Concepts {
			x.open(3, "conceptEntry", "id", xmlID(c.ID, used))
			for _, sec := range []struct {
				lang  string
				terms []GlossTerm
			}{{g.SourceLang, c.Source}, {g.TargetLang, c.Target}} {
				var terms []string
				for _, t := range sec.terms {
					if bad := badChar(t.Text); bad != "" {
						return fmt.Errorf("concept %q: a term contains %s, which XML cannot carry", c.ID, bad)
					}
					if !t.Forbidden {
						terms = append(terms, t.Text)
					}
				}
				if len(terms) == 0 {
					continue
				}
				x.open(4, "langSec", "xml:lang", sec.lang)
				for _, t := range terms {
					x.open(5, "termSec")
					x.elem(6, "term", t)
					x.close(5, "termSec")
				}
				x.close(4, "langSec")
			}
			x.close(3, "conceptEntry")
		}
		x.close(2, "body")
	}
	x.close(1, "text")
	x.close(0, "tbx")
	_, err := io.WriteString(w, x.String())
	return err
}

// xmlID makes s an XML ID (an NCName: a letter or '_' first, then
// letters, digits, '.', '-', '_'), unique among used.
func xmlID(s string, used map[string]bool) string {
	id := nmtoken(s)
	if c := id[0]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_') {
		id = "c-" + id
	}
	base := id
	for n := 2; used[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	used[id] = true
	return id
}

// glossaryRow is a concept's source term paired with one target term.
type glossaryRow struct {
	concept *Concept
	source  GlossTerm
	target  GlossTerm
	first   bool
}

// rows pairs each concept's preferred source term with each of its target
// terms, and with "" when it has none.
func (g *Glossary) rows() []glossaryRow {
	var out []glossaryRow
	for i := range g.Concepts {
		c := &g.Concepts[i]
		if len(c.Source) == 0 {
			continue
		}
		if len(c.Target) == 0 {
			out = append(out, glossaryRow{concept: c, source: c.Source[0], first: true})
		}
		for j, t := range c.Target {
			out = append(out, glossaryRow{concept: c, source: c.Source[0], target: t, first: j == 0})
		}
	}
	return out
}

// writeGlossaryCSV writes a header and rows as RFC 4180 CSV, each cell
// guarded against spreadsheet formulas (see CSVCell).
func writeGlossaryCSV(w io.Writer, head []string, rows [][]string) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(head); err != nil {
		return err
	}
	for _, r := range rows {
		for i, c := range r {
			r[i] = CSVCell(c)
		}
		if err := cw.Write(r); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteWeblateGlossary writes g as the CSV file Weblate imports into a
// glossary: source, target, context (which tells apart the rows of one
// source term), explanation and flags (read-only, forbidden).
func WriteWeblateGlossary(w io.Writer, g *Glossary) error {
	var rows [][]string
	for _, r := range g.rows() {
		context := ""
		if !r.first {
			context = r.target.Text
		}
		var flags []string
		if r.concept.DoNotTranslate {
			flags = append(flags, "read-only")
		}
		if r.target.Forbidden {
			flags = append(flags, "forbidden")
		}
		explanation := ""
		if pos := cmp.Or(r.target.POS, r.source.POS); pos != "" {
			explanation = "part of speech: " + pos
		}
		rows = append(rows, []string{r.source.Text, r.target.Text, context, explanation, strings.Join(flags, ",")})
	}
	return writeGlossaryCSV(w, []string{"source", "target", "context", "explanation", "flags"}, rows)
}

// WriteCrowdinGlossary writes g as a CSV file Crowdin imports into a
// glossary: a row per target term, its columns named as Crowdin's own
// glossary export names them, so that the import maps them itself.
func WriteCrowdinGlossary(w io.Writer, g *Glossary) error {
	src, tgt := " ["+g.SourceLang+"]", " ["+g.TargetLang+"]"
	head := []string{"Concept ID", "Term" + src, "Part of speech" + src, "Term" + tgt, "Part of speech" + tgt, "Status" + tgt, "Description"}
	var rows [][]string
	for _, r := range g.rows() {
		status := ""
		switch {
		case r.target.Text == "":
		case r.target.Forbidden:
			status = "not recommended"
		case r.target.Admitted:
			status = "admitted"
		default:
			status = "preferred"
		}
		desc := ""
		if r.concept.DoNotTranslate {
			desc = "do not translate"
		}
		rows = append(rows, []string{r.concept.ID, r.source.Text, r.source.POS, r.target.Text, r.target.POS, status, desc})
	}
	return writeGlossaryCSV(w, head, rows)
}

// How a unit's terms (Unit.Terms) are written in the unit formats.
const (
	// glossaryNS is the namespace of XLIFF 2.0's Glossary module.
	glossaryNS = "urn:oasis:names:tc:xliff:glossary:2.0"
	// noteTerms12 is the from of the XLIFF 1.2 note that lists the terms.
	noteTerms12 = "glosa-terms"
	// termArrow parts a term from its translation in a note's line.
	termArrow = " → "
	// poTermPrefix starts a PO "#." comment that gives a term.
	poTermPrefix = "term: "
)

// termLines are a unit's terms, a line "term → translation" each.
func termLines(ts []TermHint) string {
	lines := make([]string, len(ts))
	for i, t := range ts {
		lines[i] = t.Term + termArrow + t.Translation
	}
	return strings.Join(lines, "\n")
}

// parseTermLines reads the lines termLines writes back.
func parseTermLines(s string) []TermHint {
	var out []TermHint
	for _, line := range strings.Split(s, "\n") {
		if t, ok := parseTermLine(line); ok {
			out = append(out, t)
		}
	}
	return out
}

func parseTermLine(line string) (TermHint, bool) {
	term, tr, ok := strings.Cut(line, termArrow)
	return TermHint{Term: term, Translation: tr}, ok && term != ""
}

// isTermsNote12 reports whether an XLIFF 1.2 note is the one that lists
// a unit's terms.
func isTermsNote12(n *node) bool {
	from, _ := n.attr("from")
	return from == noteTerms12
}

// writeGlossary20 writes a unit's terms in XLIFF 2.0's Glossary module: a
// glossEntry per term, with its translations. The entries have no ref:
// it would point at an <mrk> around the term in the source, which the
// source does not have.
func writeGlossary20(x *xmlOut, depth int, ts []TermHint) {
	if len(ts) == 0 {
		return
	}
	x.open(depth, "gls:glossary", "xmlns:gls", glossaryNS)
	for i := 0; i < len(ts); {
		j := i + 1
		for j < len(ts) && ts[j].Term == ts[i].Term {
			j++
		}
		x.open(depth+1, "gls:glossEntry")
		x.elem(depth+2, "gls:term", ts[i].Term)
		for _, t := range ts[i:j] {
			x.elem(depth+2, "gls:translation", t.Translation)
		}
		x.close(depth+1, "gls:glossEntry")
		i = j
	}
	x.close(depth, "gls:glossary")
}

// glossary20 reads the terms of an XLIFF 2.0 unit's Glossary module.
func (r *xliffReader) glossary20(unit *node) []TermHint {
	var out []TermHint
	in := func(n *node, local string) bool { return n.name.Space == glossaryNS && n.name.Local == local }
	for _, g := range unit.children() {
		if !in(g, "glossary") {
			continue
		}
		for _, e := range g.children() {
			if !in(e, "glossEntry") {
				continue
			}
			term := ""
			for _, c := range e.children() {
				switch {
				case in(c, "term"):
					term = r.text(c)
				case in(c, "translation") && term != "":
					out = append(out, TermHint{Term: term, Translation: r.text(c)})
				}
			}
		}
	}
	return out
}

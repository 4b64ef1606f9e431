package term

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/lang"
	"github.com/glosa/glosa/internal/limits"
)

// ReadTBX reads the terms of a TBX file: TBX-Core and TBX-Basic (ISO
// 30042:2019, conceptEntry › langSec › termSec › term) and TBX v2
// (martif: termEntry › langSet › tig or ntig › term). A term's part of
// speech and status come from its termNote of type partOfSpeech and
// administrativeStatus (deprecatedTerm-admn-sts and supersededTerm-admn-sts
// are forbidden, admittedTerm-admn-sts admitted). At most maxTerms terms;
// errors are *l10n.Error at their line and column, without the path.
func ReadTBX(data []byte, maxTerms int) ([]Term, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	var out []Term
	var concept, langSec string
	var cur *Term
	var text strings.Builder
	var noteType string
	inTerm, inNote := false, false
	depth := 0
	conceptN := 0
	pos := func() (int, int) { return position(data, d.InputOffset()) }
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			line, col := pos()
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				line = se.Line
				col = 0
			}
			return nil, l10n.At(line, col, l10n.Msg("term.tbxSyntax", "Error", err.Error()))
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth > limits.Depth {
				line, col := pos()
				return nil, l10n.At(line, col, l10n.Msg("term.tooDeep", "Max", limits.Depth))
			}
			switch t.Name.Local {
			case "conceptEntry", "termEntry":
				conceptN++
				concept = attr(t, "id")
				if concept == "" {
					concept = "tbx-" + strconv.Itoa(conceptN)
				}
			case "langSec", "langSet":
				langSec = ""
				if l := attr(t, "lang"); l != "" {
					code, err := lang.Parse(l)
					if err != nil {
						line, col := pos()
						return nil, l10n.At(line, col, l10n.TextOf(err))
					}
					langSec = code
				}
			case "termSec", "tig", "ntig":
				line, _ := pos()
				cur = &Term{Lang: langSec, Concept: concept, Line: line}
			case "term":
				inTerm = true
				text.Reset()
			case "termNote":
				inNote, noteType = true, attr(t, "type")
				text.Reset()
			}
		case xml.EndElement:
			depth--
			switch t.Name.Local {
			case "term":
				inTerm = false
				if cur != nil {
					cur.Text = strings.TrimSpace(text.String())
				}
			case "termNote":
				inNote = false
				if cur != nil {
					v := strings.TrimSpace(text.String())
					switch noteType {
					case "partOfSpeech":
						cur.POS = v
					case "administrativeStatus", "normativeAuthorization":
						switch {
						case strings.HasPrefix(v, "deprecated"), strings.HasPrefix(v, "superseded"):
							cur.Status = Forbidden
						case strings.HasPrefix(v, "admitted"):
							cur.Status = Admitted
						}
					}
				}
			case "termSec", "tig", "ntig":
				if cur != nil && cur.Text != "" && cur.Lang != "" {
					if len(out) == maxTerms {
						return nil, limits.TooManyUnits(cur.Line, 1, maxTerms)
					}
					out = append(out, *cur)
				}
				cur = nil
			}
		case xml.CharData:
			if inTerm || inNote {
				text.Write(t)
			}
		}
	}
	return out, nil
}

func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// position is the line and column of a byte offset.
func position(data []byte, off int64) (int, int) {
	return config.Position(data, int(min(off, int64(len(data)))))
}

// ReadCSV reads a CSV glossary in the shape Weblate and Crowdin import:
// a header row naming the columns source and target (the terms in the
// languages src and tgt), and optionally description (explanation,
// developer_comments), pos (part of speech) and flags (Weblate's:
// read-only marks a term not to translate, forbidden a forbidden
// translation); without such a header, the first two columns are source
// and target. Rows with the same source are one concept. At most maxTerms
// rows.
func ReadCSV(data []byte, src, tgt string, maxTerms int) ([]Term, error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	r.LazyQuotes = false
	col := map[string]int{"source": 0, "target": 1, "pos": -1, "flags": -1}
	var out []Term
	first := true
	rows := 0
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, l10n.At(pe.Line, pe.Column, l10n.Msg("term.csvSyntax", "Error", pe.Err.Error()))
			}
			return nil, l10n.At(0, 0, l10n.Msg("term.csvSyntax", "Error", err.Error()))
		}
		line, _ := r.FieldPos(0)
		if first {
			first = false
			if header(rec, col) {
				continue
			}
		}
		get := func(name string) string {
			if i := col[name]; i >= 0 && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		source, target := get("source"), get("target")
		if source == "" {
			continue
		}
		rows++
		if rows > maxTerms {
			return nil, limits.TooManyUnits(line, 1, maxTerms)
		}
		flags := strings.Split(strings.ToLower(get("flags")), ",")
		has := func(f string) bool {
			for _, x := range flags {
				if strings.TrimSpace(x) == f {
					return true
				}
			}
			return false
		}
		concept := "csv:" + strings.ToLower(source)
		dnt := has("read-only")
		out = append(out, Term{Text: source, Lang: src, Concept: concept, POS: get("pos"), DoNotTranslate: dnt, Line: line})
		if target != "" {
			st := Preferred
			if has("forbidden") {
				st = Forbidden
			}
			out = append(out, Term{Text: target, Lang: tgt, Concept: concept, POS: get("pos"), Status: st, Line: line})
		}
	}
	return admitSeveral(out), nil
}

// header reads a header row into col; false when rec is no header (it
// names neither source nor target).
func header(rec []string, col map[string]int) bool {
	found := map[string]int{}
	for i, h := range rec {
		h = strings.ToLower(strings.TrimSpace(h))
		switch {
		case h == "source", h == "term", strings.HasPrefix(h, "term ["):
			if _, ok := found["source"]; !ok {
				found["source"] = i
			} else if _, ok := found["target"]; !ok {
				found["target"] = i
			}
		case h == "target", h == "translation":
			found["target"] = i
		case h == "pos", h == "part of speech", strings.HasPrefix(h, "part of speech ["):
			found["pos"] = i
		case h == "flags":
			found["flags"] = i
		}
	}
	if _, ok := found["source"]; !ok {
		return false
	}
	col["target"] = -1
	for k, v := range found {
		col[k] = v
	}
	return true
}

// admitSeveral makes the terms of a concept that a CSV file gives several
// translations in one language admitted: the file prefers none.
func admitSeveral(ts []Term) []Term {
	n := map[string]int{}
	for _, t := range ts {
		if t.Status == Preferred {
			n[t.Concept+"\x00"+t.Lang+"\x00"+t.Text]++
		}
	}
	per := map[string]int{}
	for k := range n {
		c, rest, _ := strings.Cut(k, "\x00")
		l, _, _ := strings.Cut(rest, "\x00")
		per[c+"\x00"+l]++
	}
	for i, t := range ts {
		if t.Status == Preferred && per[t.Concept+"\x00"+t.Lang] > 1 {
			ts[i].Status = Admitted
		}
	}
	return ts
}

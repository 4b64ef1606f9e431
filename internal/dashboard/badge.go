package dashboard

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"math"
	"strconv"

	"golang.org/x/text/width"

	"github.com/glosa/glosa/internal/status"
)

// Thresholds colour a badge by coverage: the first whose Min the coverage
// reaches gives the colour. Every colour keeps white text readable (a
// contrast of 4.5:1 or more, WCAG AA).
var Thresholds = []struct {
	Min   float64
	Name  string
	Color string
}{
	{90, "green", "#1a7f37"},
	{70, "yellow", "#9a6700"},
	{40, "orange", "#bc4c00"},
	{0, "red", "#cf222e"},
}

// labelColor is the background of a badge's label.
const labelColor = "#555555"

// BadgeColor returns the colour of a badge for a coverage in percent.
func BadgeColor(coverage float64) string {
	for _, t := range Thresholds {
		if coverage >= t.Min {
			return t.Color
		}
	}
	return Thresholds[len(Thresholds)-1].Color
}

// badges makes a badge per page language and one for all of them. A
// language's badge shows its entries' coverage (the number status shows),
// or for a language that only catalogs translate, its messages' coverage
// in every catalog together; the overall badge shows current / total over
// every translation language's entries, or without entries over the
// catalogs' messages.
func (b *builder) badges() []Badge {
	rep := b.in.Report
	var out []Badge
	entries := map[string]status.Language{}
	for _, lg := range rep.Languages {
		entries[lg.Lang] = lg
	}
	for _, code := range b.pageLangs() {
		var cov float64
		if lg, ok := entries[code]; ok {
			cov = lg.Coverage
		} else {
			current, total := 0, 0
			for _, c := range rep.Catalogs {
				for _, lg := range c.Languages {
					if lg.Lang == code {
						current += lg.Counts[status.Current]
						total += lg.Total
					}
				}
			}
			cov = percent(current, total)
		}
		out = append(out, b.badge("badges/"+code+".svg", code, cov, b.l.T("report.badgeTitle", "Lang", code, "LangName", b.l.LangName(code), "Coverage", percentText(cov))))
	}
	current, total := 0, 0
	langs := rep.Languages
	if len(langs) == 0 {
		for _, c := range rep.Catalogs {
			langs = append(langs, c.Languages...)
		}
	}
	for _, lg := range langs {
		current += lg.Counts[status.Current]
		total += lg.Total
	}
	cov := percent(current, total)
	label := b.l.T("report.badgeAllLabel")
	out = append(out, b.badge("badges/all.svg", label, cov, b.l.T("report.badgeAllTitle", "Coverage", percentText(cov))))
	return out
}

func (b *builder) badge(file, label string, cov float64, title string) Badge {
	return Badge{File: file, Label: label, Value: percentText(cov), Coverage: cov, Title: title}
}

// percent is current / total in percent, rounded down to 0.1 as status
// rounds coverage; 0 of 0 is 100 %: nothing is left to translate.
func percent(current, total int) float64 {
	if total == 0 {
		return 100
	}
	return math.Floor(float64(current)*1000/float64(total)) / 10
}

// percentText shows a coverage on a badge: whole percent, rounded down,
// so that only a complete translation shows 100%.
func percentText(cov float64) string { return strconv.Itoa(int(math.Floor(cov))) + "%" }

// SVG draws the badge: a grey label and a coloured value, with a <title>
// and an aria-label naming it for assistive technology.
func (bd Badge) SVG() []byte {
	lw := TextWidth(bd.Label) + 10
	vw := TextWidth(bd.Value) + 10
	w := lw + vw
	var buf bytes.Buffer
	esc := func(s string) string {
		var b bytes.Buffer
		_ = xml.EscapeText(&b, []byte(s))
		return b.String()
	}
	fmt.Fprintf(&buf, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="20" role="img" aria-label="%s">`+"\n", w, esc(bd.Title))
	fmt.Fprintf(&buf, "<title>%s</title>\n", esc(bd.Title))
	fmt.Fprintf(&buf, `<clipPath id="r"><rect width="%d" height="20" rx="3" fill="#fff"/></clipPath>`+"\n", w)
	fmt.Fprintf(&buf, `<g clip-path="url(#r)"><rect width="%d" height="20" fill="%s"/><rect x="%d" width="%d" height="20" fill="%s"/></g>`+"\n",
		lw, labelColor, lw, vw, BadgeColor(bd.Coverage))
	buf.WriteString(`<g fill="#fff" text-anchor="middle" font-family="DejaVu Sans,Verdana,Geneva,sans-serif" font-size="11">` + "\n")
	fmt.Fprintf(&buf, `<text x="%s" y="14" textLength="%d" lengthAdjust="spacingAndGlyphs">%s</text>`+"\n", half(lw), lw-10, esc(bd.Label))
	fmt.Fprintf(&buf, `<text x="%s" y="14" textLength="%d" lengthAdjust="spacingAndGlyphs">%s</text>`+"\n", half(2*lw+vw), vw-10, esc(bd.Value))
	buf.WriteString("</g>\n</svg>\n")
	return buf.Bytes()
}

// half is n/2 without a needless ".0".
func half(n int) string {
	if n%2 == 0 {
		return strconv.Itoa(n / 2)
	}
	return strconv.Itoa(n/2) + ".5"
}

// TextWidth estimates the width in pixels of s in an 11 px sans-serif
// (DejaVu Sans and Verdana are close), rounded up: narrow letters, digits,
// wide letters and East Asian wide characters each have their width. The
// badge's text is stretched to exactly this width (textLength), so a
// wrong guess changes the spacing, never overflows the badge. A table of
// a few classes of characters is enough here; no font is read.
func TextWidth(s string) int {
	w := 0.0
	for _, r := range s {
		w += runeWidth(r)
	}
	return int(math.Ceil(w))
}

func runeWidth(r rune) float64 {
	switch k := width.LookupRune(r).Kind(); k {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 11
	}
	switch {
	case r == ' ':
		return 3.5
	case r >= '0' && r <= '9':
		return 7
	case r == '%' || r == 'm' || r == 'w' || r == 'M' || r == 'W':
		return 10.5
	}
	switch r {
	case 'i', 'l', 'j', '\'', '|', '!', '.', ',', ':', ';', 'I', 'J':
		return 3.3
	case 'f', 't', 'r', '(', ')', '-', '[', ']', '/':
		return 4.4
	}
	if r >= 'A' && r <= 'Z' {
		return 8
	}
	return 6.8
}

package dashboard

import (
	"bytes"
	"encoding/xml"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// svgDoc is the part of a badge a test reads back.
type svgDoc struct {
	XMLName   xml.Name `xml:"svg"`
	Width     int      `xml:"width,attr"`
	Role      string   `xml:"role,attr"`
	AriaLabel string   `xml:"aria-label,attr"`
	Title     string   `xml:"title"`
	Rects     []struct {
		Width int    `xml:"width,attr"`
		Fill  string `xml:"fill,attr"`
	} `xml:"g>rect"`
	Texts []struct {
		TextLength int    `xml:"textLength,attr"`
		Text       string `xml:",chardata"`
	} `xml:"g>text"`
}

func TestBadgeSVG(t *testing.T) {
	b := Badge{File: "badges/es.svg", Label: "es", Value: "80%", Coverage: 80.4, Title: `Spanish (es): 80% translated <&>`}
	data := b.SVG()
	var doc svgDoc
	if err := xml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("not well-formed XML: %v\n%s", err, data)
	}
	if !bytes.Contains(data, []byte(`xmlns="http://www.w3.org/2000/svg"`)) {
		t.Error("no SVG namespace")
	}
	if doc.Title != b.Title || doc.AriaLabel != b.Title || doc.Role != "img" {
		t.Errorf("title %q, aria-label %q, role %q; want the title %q and role img", doc.Title, doc.AriaLabel, doc.Role, b.Title)
	}
	if len(doc.Rects) != 2 || len(doc.Texts) != 2 {
		t.Fatalf("want 2 rects and 2 texts, got %+v", doc)
	}
	if doc.Rects[0].Width+doc.Rects[1].Width != doc.Width {
		t.Errorf("the parts (%d + %d) do not make the width %d", doc.Rects[0].Width, doc.Rects[1].Width, doc.Width)
	}
	if got, want := doc.Rects[1].Fill, "#9a6700"; got != want {
		t.Errorf("80%% is coloured %s, want %s", got, want)
	}
	if doc.Texts[0].Text != "es" || doc.Texts[1].Text != "80%" {
		t.Errorf("texts %q %q", doc.Texts[0].Text, doc.Texts[1].Text)
	}
	if doc.Texts[0].TextLength != TextWidth("es") || doc.Rects[0].Width != TextWidth("es")+10 {
		t.Errorf("label text %d px in %d px, want %d in %d", doc.Texts[0].TextLength, doc.Rects[0].Width, TextWidth("es"), TextWidth("es")+10)
	}
}

func TestBadgeColor(t *testing.T) {
	for cov, want := range map[float64]string{100: "#1a7f37", 90: "#1a7f37", 89.9: "#9a6700", 70: "#9a6700", 69.9: "#bc4c00", 40: "#bc4c00", 39.9: "#cf222e", 0: "#cf222e"} {
		if got := BadgeColor(cov); got != want {
			t.Errorf("BadgeColor(%v) = %s, want %s", cov, got, want)
		}
	}
}

// TestBadgeContrast checks that white text is readable on every colour a
// badge can have: a contrast ratio of at least 4.5:1 (WCAG 2 AA).
func TestBadgeContrast(t *testing.T) {
	colors := []string{labelColor}
	for _, th := range Thresholds {
		colors = append(colors, th.Color)
	}
	for _, c := range colors {
		if r := (1 + 0.05) / (luminance(t, c) + 0.05); r < 4.5 {
			t.Errorf("white on %s has a contrast of %.2f:1, below 4.5:1", c, r)
		}
	}
}

// luminance is the WCAG relative luminance of a #rrggbb colour.
func luminance(t *testing.T, hex string) float64 {
	var ch [3]float64
	for i := range ch {
		v, err := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		if err != nil {
			t.Fatal(err)
		}
		c := float64(v) / 255
		if c <= 0.03928 {
			ch[i] = c / 12.92
		} else {
			ch[i] = math.Pow((c+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*ch[0] + 0.7152*ch[1] + 0.0722*ch[2]
}

func TestTextWidth(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want int
	}{
		{"", 0},
		{"es", 14},
		{"80%", 25},
		{"100%", 32},
		{"il", 7},
		{"日本", 22},
	} {
		if got := TextWidth(tt.s); got != tt.want {
			t.Errorf("TextWidth(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
	// Wider text is never estimated narrower.
	if TextWidth("mmmm") <= TextWidth("iiii") || TextWidth("translated") <= TextWidth("es") {
		t.Error("widths are not ordered")
	}
}

func TestBadges(t *testing.T) {
	m := Build(project(t))
	var got []string
	for _, b := range m.Badges {
		got = append(got, b.File+" "+b.Label+" "+b.Value)
	}
	// es: 1 current of 3 entries; it: 0 of 3; overall 1 of 6.
	want := []string{"badges/es.svg es 33%", "badges/it.svg it 0%", "badges/all.svg translated 16%"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("badges mismatch (-want +got):\n%s", diff)
	}
	for _, b := range m.Badges {
		if !strings.Contains(b.Title, b.Value) {
			t.Errorf("%s: title %q does not say %s", b.File, b.Title, b.Value)
		}
	}
}

package report

import (
	"io"
	"strings"

	"github.com/rivo/uniseg"

	"github.com/glosa/glosa/internal/printable"
)

// table lays out aligned columns of text output. Every cell is shown
// through printable.String: cells are slugs, paths and languages read from
// files, and glosa's own words are left as they are by it. Widths are the cells' widths on a
// terminal (uniseg.StringWidth: 日本語 takes six columns, not three),
// measured on the plain text, and colour, if any, is applied after padding
// so escape codes never break alignment.
type table struct {
	rows  [][]string
	right []bool // right-align numeric columns
	paint func(row, col int, cell string) string
}

func (t *table) add(cells ...string) {
	row := make([]string, len(cells))
	for i, c := range cells {
		row[i] = printable.String(c)
	}
	t.rows = append(t.rows, row)
}

func (t *table) write(w io.Writer) error {
	var widths []int
	for _, r := range t.rows {
		for i, c := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], uniseg.StringWidth(c))
		}
	}
	var b strings.Builder
	for ri, r := range t.rows {
		for i, c := range r {
			pad := strings.Repeat(" ", widths[i]-uniseg.StringWidth(c))
			cell := c
			if t.paint != nil {
				cell = t.paint(ri, i, c)
			}
			if i > 0 {
				b.WriteString("  ")
			}
			switch {
			case i < len(t.right) && t.right[i]:
				b.WriteString(pad + cell)
			case i == len(r)-1:
				b.WriteString(cell)
			default:
				b.WriteString(cell + pad)
			}
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

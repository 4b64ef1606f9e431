package exchange

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/limits"
	"github.com/glosa/glosa/internal/testtree"
)

// TestReadXLIFFDeep reads documents nested far past the limit, as an
// attacker would send them (they crashed glosa with a stack overflow): each
// is refused at the first element too deep, in memory proportional to it.
func TestReadXLIFFDeep(t *testing.T) {
	head := `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en"><body>`
	tail := `</body></file></xliff>`
	unit := `<trans-unit id="a"><source>x</source><target>`
	tests := []struct {
		name        string
		open, close string
		n           int
		col         int // of the element too deep
	}{
		{"groups", "<group>", "</group>", 1_100_000, len(head) + 7*(limits.Depth-3) + 1},
		{"inline codes", unit + strings.Repeat(`<g id="1">`, 1_000_000),
			strings.Repeat("</g>", 1_000_000) + "</target></trans-unit>", 1, len(head) + len(unit) + 10*(limits.Depth-5) + 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte(head + strings.Repeat(tt.open, tt.n) + strings.Repeat(tt.close, tt.n) + tail)
			var err error
			if grew := testtree.Allocated(func() { _, err = ReadXLIFF(data) }); grew > 10*uint64(len(data)) {
				t.Errorf("allocated %d bytes for %d bytes of input", grew, len(data))
			}
			var le *l10n.Error
			if !errors.As(err, &le) {
				t.Fatalf("ReadXLIFF: %v, want an *l10n.Error", err)
			}
			want := []any{"err.tooDeep", 1, tt.col}
			if diff := cmp.Diff(want, []any{le.Text.ID, le.Line, le.Column}); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
		})
	}
}

package transfer

import (
	"testing"

	"github.com/glosa/glosa/internal/exchange"
)

// TestBySource: a PO entry that lost its msgctxt finds its unit by its
// source text, at its reference when two entries share the text, and
// none when that still leaves two, or when it has its context.
func TestBySource(t *testing.T) {
	units := []exchange.Unit{
		{ID: "a#title", Source: "Overview", Refs: []exchange.Ref{{Path: "content/en/a.md", Line: 2}}},
		{ID: "b#title", Source: "Overview", Refs: []exchange.Ref{{Path: "content/en/b.md", Line: 2}}},
		{ID: "a#p-1", Source: "One line.\nTwo lines.", Refs: []exchange.Ref{{Path: "content/en/a.md", Line: 5}}},
		{ID: "bye", Kind: exchange.KindMessage, Source: "Goodbye", Refs: []exchange.Ref{{Path: "locales/en.yaml", Line: 1}}},
	}
	for _, tc := range []struct {
		name string
		u    exchange.Unit
		want string
	}{
		{"unique text", exchange.Unit{ID: "Goodbye", Source: "Goodbye"}, "bye"},
		{"line ends of a spreadsheet", exchange.Unit{ID: "One line.\r\nTwo lines.", Source: "One line.\r\nTwo lines."}, "a#p-1"},
		{"shared text, told apart by the reference", exchange.Unit{ID: "Overview", Source: "Overview", Refs: []exchange.Ref{{Path: "content/en/b.md", Line: 2}}}, "b#title"},
		{"shared text, no reference", exchange.Unit{ID: "Overview", Source: "Overview"}, ""},
		{"with its context", exchange.Unit{ID: "x", Source: "Goodbye"}, ""},
		{"no such text", exchange.Unit{ID: "Hello", Source: "Hello"}, ""},
	} {
		got := ""
		if k := bySource(units, tc.u); k != nil {
			got = k.ID
		}
		if got != tc.want {
			t.Errorf("%s: bySource = %q, want %q", tc.name, got, tc.want)
		}
	}
}

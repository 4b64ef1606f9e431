package lint

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/glosa/glosa/internal/l10n"
)

func TestMemoFindingsRoundTrip(t *testing.T) {
	for _, tc := range []struct {
		name string
		fs   []Finding
	}{
		{"none", nil},
		{"plain", []Finding{{Severity: Error, Path: "content/es/a.md", Line: 3, Column: 11, Lang: "es", Slug: "a",
			Text: l10n.Msg("lint.keyMismatch", "Field", "category", "Value", `"Modelos"`), FixText: l10n.Msg("lint.keyMismatch.fix")}}},
		{"nested", []Finding{
			{Path: "content/es/a.md", Line: 7, Column: 1, Lang: "es", Slug: "a",
				Text: l10n.Msg("lint.structure", "SourcePath", "content/en/a.md",
					"Diffs", []l10n.Text{l10n.Plural("lint.structure.headings", 0, "Source", 1)})},
			{Path: "content/es/a.md", Line: 9, Lang: "es", Slug: "a",
				Text:    l10n.Plural("lint.citation.range", 2, "Items", l10n.Plural("lint.citation.items", 0)),
				FixText: l10n.Msg("lint.fieldMissing.fixURL", "Lang", l10n.Lang("es"))},
			{Path: "content/es/b.md", Line: -2, Text: l10n.Msg("lint.markup.paragraph", "Diffs", []l10n.Text{}), FixText: l10n.Raw("raw\nwords")},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			raw, ok := encodeFindings(tc.fs)
			if !ok {
				t.Fatal("not encoded")
			}
			got, err := decodeFindings(raw)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.fs, got); diff != "" {
				t.Errorf("round trip (-want +got):\n%s", diff)
			}
			// Every cut of the record is damaged, never misread.
			for n := range len(raw) {
				if _, err := decodeFindings(raw[:n]); err == nil {
					t.Errorf("a record cut at %d of %d bytes was read", n, len(raw))
				}
			}
		})
	}
}

func TestMemoFindingsUnknownValue(t *testing.T) {
	if _, ok := encodeFindings([]Finding{{Text: l10n.Msg("lint.structure", "Diffs", 1.5)}}); ok {
		t.Error("a float in a Text's data was encoded")
	}
}

package report

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/transfer"
)

// importSample is an import of two files: one with a unit refused, one
// whose units were all applied.
func importSample(strict bool) Import {
	return Import{
		Files: []ImportedFile{
			{Path: "de.po", Result: &transfer.Result{Applied: 2, Unchanged: 1, Skipped: 3, Refused: []transfer.Refusal{
				{ID: "greeting", Line: 49, Reason: transfer.Placeholders, Text: l10n.Msg("import.placeholders", "Problems", []l10n.Text{l10n.Msg("lint.placeholder.lacks", "ID", "greeting", "Missing", ".Name")})},
				{ID: "guide#p-1fd3e084", Line: 30, Reason: transfer.SourceChanged, Text: l10n.Msg("import.blockGone", "ID", "guide#p-1fd3e084")},
			}}},
			{Path: "de.xlf", Result: &transfer.Result{Applied: 1}},
		},
		Written: []transfer.Change{
			{Path: "content/de/guide.md", Entry: true, Complete: true, Units: 2},
			{Path: "content/de/news.md", Entry: true, Units: 1},
			{Path: "locales/de.yaml", Units: 1},
		},
		Strict: strict,
	}
}

func TestImportDocument(t *testing.T) {
	tests := []struct {
		name   string
		strict bool
		want   ImportJSON
	}{
		{"written", false, ImportJSON{Version: ImportVersion, Applied: 3, Unchanged: 1, Skipped: 3,
			Refused: []ImportRefusalJSON{
				{File: "de.po", Line: 49, Unit: "greeting", Reason: "placeholders", Message: "message greeting: the translation lacks .Name; use the placeholders of the source"},
				{File: "de.po", Line: 30, Unit: "guide#p-1fd3e084", Reason: "source-changed", Message: "unit guide#p-1fd3e084: the source block it translates changed or was removed since the export; export again to translate its new text"},
			},
			Written: []ImportWriteJSON{{"content/de/guide.md", 2, "current"}, {"content/de/news.md", 1, "unstamped"}, {"locales/de.yaml", 1, "messages"}}}},
		{"strict", true, ImportJSON{Version: ImportVersion, DryRun: true, Applied: 3, Unchanged: 1, Skipped: 3,
			Refused: []ImportRefusalJSON{
				{File: "de.po", Line: 49, Unit: "greeting", Reason: "placeholders", Message: "message greeting: the translation lacks .Name; use the placeholders of the source"},
				{File: "de.po", Line: 30, Unit: "guide#p-1fd3e084", Reason: "source-changed", Message: "unit guide#p-1fd3e084: the source block it translates changed or was removed since the export; export again to translate its new text"},
			},
			Written: []ImportWriteJSON{}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, importSample(tt.strict).Document()); diff != "" {
				t.Errorf("Document (-want +got):\n%s", diff)
			}
		})
	}
}

func TestImportText(t *testing.T) {
	var out, talk bytes.Buffer
	v := importSample(false)
	if err := ImportText(&out, v); err != nil {
		t.Fatal(err)
	}
	if err := ImportTalk(&talk, v); err != nil {
		t.Fatal(err)
	}
	wantOut := "content/de/guide.md: 2 units, complete: stamped current\n" +
		"content/de/news.md: 1 unit; not stamped current: a unit of it that was not current is not reviewed\n" +
		"locales/de.yaml: 1 message\n"
	wantTalk := "glosa: error: de.po:49: message greeting: the translation lacks .Name; use the placeholders of the source\n" +
		"glosa: error: de.po:30: unit guide#p-1fd3e084: the source block it translates changed or was removed since the export; export again to translate its new text\n" +
		"glosa: units: 3 applied, 1 unchanged, 3 skipped (untranslated or marked for review), 2 refused\n" +
		"glosa: refused by reason: source-changed 1, placeholders 1\n"
	if diff := cmp.Diff(wantOut, out.String()); diff != "" {
		t.Errorf("stdout (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(wantTalk, talk.String()); diff != "" {
		t.Errorf("stderr (-want +got):\n%s", diff)
	}
}

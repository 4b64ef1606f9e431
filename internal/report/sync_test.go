package report_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/glosa/glosa/internal/report"
	"github.com/glosa/glosa/internal/syncplan"
)

func TestSyncSummaries(t *testing.T) {
	plan := &syncplan.Plan{Changes: []syncplan.Change{
		{Path: "content/es/gguf.md", Lang: "es", Create: true, Entry: true},
		{Path: "content/es/llm.md", Lang: "es", Fields: []string{"category", "related"}},
		{Path: "locales/active.it.yaml", Lang: "it", Added: []string{"a", "b"}, Pruned: []string{"c"}, Stale: []string{"d"}},
		{Path: "content/it/new.md", Lang: "it", Create: true, From: "content/it/old.md"},
	}}
	empty := &syncplan.Plan{}
	for _, tt := range []struct {
		name  string
		write func(*strings.Builder, report.SyncView) error
		plan  *syncplan.Plan
		want  string
	}{
		{"text", func(b *strings.Builder, v report.SyncView) error { return report.SyncText(b, v) }, plan, `content/es/gguf.md: stub created (draft)
content/es/llm.md: copied category, related from the source
locales/active.it.yaml: 2 messages added, 1 message pruned, 1 message still stale
content/it/new.md: moved from content/it/old.md: its source was renamed

LANGUAGE  ENTRIES CREATED  ENTRIES UPDATED  MESSAGES ADDED  PRUNED  STILL STALE
es        1                1                0               0       0
it        0                0                2               1       1
`},
		{"text, nothing", func(b *strings.Builder, v report.SyncView) error { return report.SyncText(b, v) }, empty, ""},
		{"markdown", func(b *strings.Builder, v report.SyncView) error { return report.SyncMarkdown(b, v) }, plan, "### Translation sync\n\n" +
			"| Language | Entries created | Entries updated | Messages added | Messages pruned | Still stale |\n" +
			"|---|--:|--:|--:|--:|--:|\n" +
			"| es (Spanish) | 1 | 1 | 0 | 0 | 0 |\n" +
			"| it (Italian) | 0 | 0 | 2 | 1 | 1 |\n\n" +
			"- `content/es/gguf.md`: stub created (draft)\n" +
			"- `content/es/llm.md`: copied category, related from the source\n" +
			"- `locales/active.it.yaml`: 2 messages added, 1 message pruned, 1 message still stale\n" +
			"- `content/it/new.md`: moved from content/it/old.md: its source was renamed\n"},
		{"markdown, nothing", func(b *strings.Builder, v report.SyncView) error { return report.SyncMarkdown(b, v) }, empty, "### Translation sync\n\nNothing to sync.\n"},
	} {
		var b strings.Builder
		if err := tt.write(&b, report.SyncView{Plan: tt.plan}); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tt.want, b.String()); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
	}
}

package report_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/glosa/glosa/internal/report"
)

func TestDiffText(t *testing.T) {
	changed := report.DiffJSON{
		Translation: "content/es/llm.md", Source: "content/it/llm.md", Lang: "es",
		From:   report.DiffFromJSON{Commit: "3f1c9a0b2d4e", Hash: "sha256-5d41402abc4b2a76", Path: "content/it/old.md", FoundBy: "hash"},
		To:     report.DiffToJSON{Head: "9a8b7c6d5e4f", Modified: false},
		Fields: []report.DiffFieldJSON{{Path: "title", Change: "changed"}},
		Blocks: []report.DiffBlockJSON{{Change: "added", Kind: "paragraph", Line: 9, Text: "Un modello."}},
		Diff:   "--- a\n+++ b\n@@ -1 +1 @@\n-old\n+new\n",
	}
	for _, tt := range []struct {
		name string
		v    report.DiffView
		want string
	}{
		{"unchanged", report.DiffView{Doc: report.DiffJSON{Translation: "content/es/llm.md", Source: "content/it/llm.md", From: report.DiffFromJSON{FoundBy: "workTree"}}},
			"content/es/llm.md: its source content/it/llm.md has not changed since the translation\n"},
		{"changed", report.DiffView{Doc: changed}, `content/es/llm.md was translated from content/it/llm.md as of 3f1c9a0 (the version with the recorded hash); what changed in the source since, up to 9a8b7c6:
  the source was then content/it/old.md
  front matter title: changed
  line 9: paragraph added: Un modello.

--- a
+++ b
@@ -1 +1 @@
-old
+new
`},
		{"coloured, to a modified work tree", report.DiffView{Color: true, Doc: func() report.DiffJSON {
			d := changed
			d.From.FoundBy, d.From.Path, d.To.Modified = "commit", d.Source, true
			d.Fields, d.Blocks, d.Diff = nil, nil, "--- a\n@@ -1 +1 @@\n-old\n+new\n same"
			return d
		}()}, "content/es/llm.md was translated from content/it/llm.md as of 3f1c9a0; what changed in the source since, up to the working tree:\n" +
			"  no change to the text\n\n\x1b[1m--- a\x1b[0m\n\x1b[36m@@ -1 +1 @@\x1b[0m\n\x1b[31m-old\x1b[0m\n\x1b[32m+new\x1b[0m\n same"},
	} {
		var b strings.Builder
		if err := report.DiffText(&b, tt.v); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tt.want, b.String()); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
	}
}

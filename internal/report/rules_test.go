package report_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/lint"
	"github.com/glosa/glosa/internal/report"
)

// TestRulesTable: glosa rules lists every rule, one line each, sorted.
func TestRulesTable(t *testing.T) {
	var buf bytes.Buffer
	if err := report.RulesTable(&buf, lint.Rules()); err != nil {
		t.Fatal(err)
	}
	var got, want []string
	for _, line := range strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n") {
		f := strings.Fields(line)
		got = append(got, f[0]+" "+f[1]+" "+strings.Join(f[2:], " "))
	}
	for _, r := range lint.Rules() {
		want = append(want, r.ID+" "+string(r.Severity)+" "+strings.Join(strings.Fields(r.Summary), " "))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("table (-want +got):\n%s", diff)
	}
}

// example is a rule as a rule's file declares one.
var example = lint.Rule{ID: "empty-title", Severity: lint.Warning, Summary: "a title is empty", Doc: "An empty title.\n\n**Fix.** Write one.",
	Options: []*lint.Option{
		{Name: "minWords", Kind: lint.KindInt, Default: "3", Doc: "Fewer words | are ignored."},
		{Name: "allow", Kind: lint.KindLanguages, Doc: "Languages."},
	}}

func TestRuleRenderers(t *testing.T) {
	var text, md, js bytes.Buffer
	if err := report.RuleText(&text, l10n.English(), example); err != nil {
		t.Fatal(err)
	}
	if err := report.RuleMarkdown(&md, example); err != nil {
		t.Fatal(err)
	}
	if err := report.WriteJSON(&js, report.RulesDoc([]lint.Rule{example})); err != nil {
		t.Fatal(err)
	}
	wantText := `empty-title
default severity: warning
a title is empty

An empty title.

**Fix.** Write one.

options:
  minWords (a whole number, 0 or more; default 3)
      Fewer words | are ignored.
  allow (a BCP 47 language tag or a list of them; no default)
      Languages.

in glosa.yaml:

rules:
  empty-title:
    severity: warning  # or off, error, warning, info
    minWords: 3
    # allow: a BCP 47 language tag or a list of them
`
	if diff := cmp.Diff(wantText, text.String()); diff != "" {
		t.Errorf("text page (-want +got):\n%s", diff)
	}
	wantMD := "# empty-title\n\nDefault severity: **warning**. A title is empty.\n\nAn empty title.\n\n**Fix.** Write one.\n\n" +
		"## Options\n\n| option | kind | default | what it does |\n|---|---|---|---|\n" +
		"| `minWords` | a whole number, 0 or more | `3` | Fewer words \\| are ignored. |\n" +
		"| `allow` | a BCP 47 language tag or a list of them | none | Languages. |\n\n" +
		"## Configuration\n\n```yaml\nrules:\n  empty-title:\n    severity: warning  # or off, error, warning, info\n    minWords: 3\n" +
		"    # allow: a BCP 47 language tag or a list of them\n```\n"
	if diff := cmp.Diff(wantMD, md.String()); diff != "" {
		t.Errorf("markdown page (-want +got):\n%s", diff)
	}
	var doc report.RulesJSON
	if err := json.Unmarshal(js.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	wantJSON := report.RulesJSON{Version: 1, Rules: []report.RuleJSON{{ID: "empty-title", Severity: "warning", Summary: "a title is empty",
		Doc: example.Doc, Options: []report.OptionJSON{
			{Name: "minWords", Kind: "int", Default: "3", Doc: "Fewer words | are ignored."},
			{Name: "allow", Kind: "languages", Doc: "Languages."},
		}}}}
	if diff := cmp.Diff(wantJSON, doc); diff != "" {
		t.Errorf("JSON (-want +got):\n%s", diff)
	}
}

// TestRulesMarkdown: the reference page has every rule, in order.
func TestRulesMarkdown(t *testing.T) {
	var buf bytes.Buffer
	if err := report.RulesMarkdown(&buf, lint.Rules()); err != nil {
		t.Fatal(err)
	}
	at := 0
	for _, r := range lint.Rules() {
		i := strings.Index(buf.String()[at:], "\n## "+r.ID+"\n")
		if i < 0 {
			t.Fatalf("no section %s after byte %d", r.ID, at)
		}
		at += i + 1
	}
}

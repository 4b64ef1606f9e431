package lint

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/glosa/glosa/internal/l10n"
)

// brand is a source entry whose title and paragraphs a translation may
// keep: a product's name, a command line.
var brand = map[string]string{
	"content/en/tool.md": lines(
		"---",
		"title: A guide to the compose tool",
		"---",
		"Docker Compose runs many containers at once.",
		"",
		"Read the guide to learn more about it.",
		"",
		"Kubernetes runs containers on many machines."),
}

// with returns brand and more files.
func with(files map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range brand {
		out[k] = v
	}
	for k, v := range files {
		out[k] = v
	}
	return out
}

func TestSuppressMarkdown(t *testing.T) {
	files := with(map[string]string{
		"content/es/tool.md": lines(
			"---",
			"# glosa-disable-next-line same-as-source",
			"title: A guide to the compose tool",
			"---",
			"<!-- glosa-disable-next-line same-as-source -- a product's own words -->",
			"Docker Compose runs many containers at once.",
			"",
			"Lea la guía para saber más.",
			"",
			"<!-- glosa-disable-next-line structure same-as-sorce -->",
			"Kubernetes runs containers on many machines.",
			"<!-- glosa-enable same-as-source -->"),
	})
	want := []Finding{
		{Rule: "invalid-suppression", Severity: Warning, Path: "content/es/tool.md", Line: 10, Column: 1, Lang: "es", Slug: "tool",
			Message: `glosa-disable-next-line names "same-as-sorce", which is not a rule of glosa`, Fix: "did you mean same-as-source?"},
		{Rule: "unused-suppression", Severity: Info, Path: "content/es/tool.md", Line: 10, Column: 1, Lang: "es", Slug: "tool",
			Message: "glosa-disable-next-line suppresses no finding of structure", Fix: "remove it"},
		{Rule: "same-as-source", Severity: Info, Path: "content/es/tool.md", Line: 11, Column: 1, Lang: "es", Slug: "tool",
			Message: `this paragraph is identical to the source: "Kubernetes runs containers on many machines."`},
		{Rule: "invalid-suppression", Severity: Warning, Path: "content/es/tool.md", Line: 12, Column: 1, Lang: "es", Slug: "tool",
			Message: "glosa-enable same-as-source closes no glosa-disable of same-as-source"},
	}
	if diff := cmp.Diff(want, lint(t, "source: en\n", files, "same-as-source", "unused-suppression", "invalid-suppression")); diff != "" {
		t.Errorf("findings mismatch (-want +got):\n%s", diff)
	}
}

func TestSuppressRanges(t *testing.T) {
	files := with(map[string]string{
		"content/es/tool.md": lines(
			"---",
			"title: A guide to the compose tool",
			"---",
			"{/* glosa-disable same-as-source */}",
			"",
			"Docker Compose runs many containers at once.",
			"",
			"{/* glosa-enable same-as-source */}",
			"",
			"Lea la guía para saber más.",
			"",
			"Kubernetes runs containers on many machines.",
			"<!-- glosa-disable-file structure -->"),
	})
	want := []Finding{
		{Rule: "same-as-source", Severity: Info, Path: "content/es/tool.md", Line: 2, Column: 8, Lang: "es", Slug: "tool",
			Message: `title is identical to the source: "A guide to the compose tool"`},
		{Rule: "same-as-source", Severity: Info, Path: "content/es/tool.md", Line: 12, Column: 1, Lang: "es", Slug: "tool",
			Message: `this paragraph is identical to the source: "Kubernetes runs containers on many machines."`},
		{Rule: "unused-suppression", Severity: Info, Path: "content/es/tool.md", Line: 13, Column: 1, Lang: "es", Slug: "tool",
			Message: "glosa-disable-file suppresses no finding of structure", Fix: "remove it"},
	}
	if diff := cmp.Diff(want, lint(t, "source: en\n", files, "same-as-source", "unused-suppression", "invalid-suppression")); diff != "" {
		t.Errorf("findings mismatch (-want +got):\n%s", diff)
	}
	// A rule that is off finds nothing anywhere: a directive naming it
	// is not unused.
	if got := lint(t, "source: en\nrules:\n  structure: off\n", files, "unused-suppression"); len(got) != 0 {
		t.Errorf("with structure off, unused-suppression findings: %+v", got)
	}
}

func TestSuppressConfig(t *testing.T) {
	files := with(map[string]string{
		"content/es/tool.md": lines(
			"---",
			"title: A guide to the compose tool",
			"---",
			"Docker Compose runs many containers at once.",
			"",
			"Lea la guía para saber más.",
			"",
			"Kubernetes runs containers on many machines."),
		"content/it/tool.md": lines(
			"---",
			"title: A guide to the compose tool",
			"---",
			"Docker Compose runs many containers at once."),
	})
	cfg := lines(
		"source: en",
		"rules:",
		"  same-as-source:",
		"    exclude: content/it/**",
		"    ignore: ['^A guide to the compose tool$', 'Kubernetes']")
	want := []Finding{
		{Rule: "same-as-source", Severity: Info, Path: "content/es/tool.md", Line: 4, Column: 1, Lang: "es", Slug: "tool",
			Message: `this paragraph is identical to the source: "Docker Compose runs many containers at once."`},
	}
	if diff := cmp.Diff(want, lint(t, cfg, files, "same-as-source")); diff != "" {
		t.Errorf("findings mismatch (-want +got):\n%s", diff)
	}
}

func TestSuppressCatalogs(t *testing.T) {
	files := map[string]string{
		"locales/active.en.yaml": lines(
			"save:",
			"  description: 'A button. glosa-ignore: same-as-source'",
			"  other: Save the document now",
			"open:",
			"  description: 'glosa-ignore: placeholder-mismatch'",
			"  other: Open the document now",
			"title: Title of the page"),
		"locales/active.es.yaml": lines(
			"save: Save the document now",
			"open: Abrir el documento",
			"title:",
			"  description: 'glosa-ignore: same-as-source'",
			"  other: Title of the page"),
		"po/messages.pot": lines(
			`msgid ""`,
			`msgstr ""`,
			"",
			"#, glosa-ignore-same-as-source",
			`msgid "Export the document"`,
			`msgstr ""`),
		"po/es.po": lines(
			`msgid ""`,
			`msgstr ""`,
			`"Language: es\n"`,
			"",
			"#, ignore-same",
			`msgid "Export the document"`,
			`msgstr "Export the document"`,
			"",
			"#, ignore-placeholders",
			`msgid "Close the document"`,
			`msgstr "Cerrar el documento"`,
			"",
			"#, glosa-ignore-structure",
			`msgid "Print the document"`,
			`msgstr "Print the document"`),
	}
	cfg := lines(
		"source: en",
		"languages: [en, es]",
		"content: []",
		"locales:",
		"  - path: locales/active.{lang}.yaml",
		"  - path: po/{lang}.po",
		"    template: po/messages.pot")
	want := []Finding{
		{Rule: "unused-suppression", Severity: Info, Path: "locales/active.en.yaml", Line: 4, Column: 1, Lang: "en", Slug: "open",
			Message: "glosa-ignore suppresses no finding of placeholder-mismatch", Fix: "remove it"},
		// Weblate's ignore-placeholders is Weblate's to judge.
		{Rule: "unused-suppression", Severity: Info, Path: "po/es.po", Line: 13, Column: 1, Lang: "es", Slug: "Print the document",
			Message: "glosa-ignore-structure suppresses no finding", Fix: "remove it"},
		{Rule: "same-as-source", Severity: Info, Path: "po/es.po", Line: 14, Column: 1, Lang: "es", Slug: "Print the document",
			Message: `message Print the document is identical to the source: "Print the document"`},
	}
	if diff := cmp.Diff(want, lint(t, cfg, files, "same-as-source", "placeholder-mismatch", "unused-suppression", "invalid-suppression")); diff != "" {
		t.Errorf("findings mismatch (-want +got):\n%s", diff)
	}
}

func TestQuoted(t *testing.T) {
	text := l10n.Msg("lint.markup.paragraph", "Diffs", []l10n.Text{
		l10n.Msg("lint.markup.missingLink", "Dest", "https://example.com/"),
		l10n.Msg("lint.markup.missingCode", "Code", "ls -l"),
	})
	if diff := cmp.Diff([]string{"https://example.com/", "ls -l"}, quoted(text)); diff != "" {
		t.Errorf("quoted mismatch (-want +got):\n%s", diff)
	}
	text = l10n.Msg("lint.same.paragraph", "Text", `"Docker \"Compose\""`, "Lang", l10n.Lang("es"))
	if diff := cmp.Diff([]string{`Docker "Compose"`}, quoted(text)); diff != "" {
		t.Errorf("quoted mismatch (-want +got):\n%s", diff)
	}
}

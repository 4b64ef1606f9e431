package lint

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const catalogConfig = `source: en
languages: [en, es, pl]
content: []
locales:
  - path: locales/active.{lang}.yaml
  - path: po/{lang}.po
`

var catalogFiles = map[string]string{
	"locales/active.en.yaml": lines(
		"greeting: 'Hello, {{.Name}}!'",
		"files:",
		"  one: '{{.Count}} file'",
		"  other: '{{.Count}} files'",
		"save: Save the document now",
		"title: Title"),
	"locales/active.es.yaml": lines(
		"greeting: '¡Hola!'",
		"files:",
		"  one: '{{.Count}} archivo'",
		"  many: '{{.Count}} de archivos'",
		"  other: '{{.Count}} archivos'",
		"save: Save the document now",
		"title: Title"),
	"locales/active.pl.yaml": lines(
		"greeting: 'Cześć, {{.Name}} i {{.Other}}!'",
		"files:",
		"  one: '{{.Count}} plik'",
		"  two: '{{.Count}} pliki'",
		"  other: '{{.Count}} plików'"),
	"po/pl.po": lines(
		`msgid ""`,
		`msgstr ""`,
		`"Language: pl\n"`,
		`"Plural-Forms: nplurals=2; plural=(n != 1);\n"`,
		"",
		"#, c-format",
		`msgid "%d file deleted"`,
		`msgid_plural "%d files deleted"`,
		`msgstr[0] "usunięto %s plik"`,
		`msgstr[1] "usunięto %d plików"`,
		"",
		`msgid "Hello %s"`,
		`msgstr "Cześć"`,
		"",
		`msgid "Save the document now"`,
		`msgstr "Save the document now"`,
		"",
		`#~ msgid "Old"`,
		`#~ msgstr "Stary"`),
}

func TestPlaceholderMismatch(t *testing.T) {
	want := []Finding{
		{Rule: "placeholder-mismatch", Severity: Error, Path: "locales/active.es.yaml", Line: 1, Column: 1, Lang: "es", Slug: "greeting",
			Message: "message greeting: the translation lacks .Name", Fix: "use the placeholders of the source: .Name"},
		{Rule: "placeholder-mismatch", Severity: Error, Path: "locales/active.pl.yaml", Line: 1, Column: 1, Lang: "pl", Slug: "greeting",
			Message: "message greeting: it has .Other, which the source does not", Fix: "remove what the source does not have"},
		// msgstr[0] swaps %d for %s; "Hello %s" has no c-format flag, so
		// its translation is not checked.
		{Rule: "placeholder-mismatch", Severity: Error, Path: "po/pl.po", Line: 7, Column: 1, Lang: "pl", Slug: "%d file deleted",
			Message: "message %d file deleted: the translation lacks %d; it has %s, which the source does not", Fix: "use the placeholders of the source: %d"},
	}
	if diff := cmp.Diff(want, lint(t, catalogConfig, catalogFiles, "placeholder-mismatch")); diff != "" {
		t.Errorf("findings mismatch (-want +got):\n%s", diff)
	}
}

func TestPluralForms(t *testing.T) {
	want := []Finding{
		// Polish: one, few, many, other; "two" is no Polish category.
		{Rule: "plural-forms", Severity: Error, Path: "locales/active.pl.yaml", Line: 2, Column: 1, Lang: "pl", Slug: "files",
			Message: "message files: Polish needs the plural forms few (e.g. 2), many (e.g. 0); Polish does not use two"},
		{Rule: "plural-forms", Severity: Error, Path: "po/pl.po", Line: 1, Column: 1, Lang: "pl",
			Message: "Plural-Forms gives 2 and 5 the same form, but in CLDR Polish has few for 2 and many for 5 (a count below a million needs one, few, many)",
			Fix:     `use "Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"`},
	}
	if diff := cmp.Diff(want, lint(t, catalogConfig, catalogFiles, "plural-forms")); diff != "" {
		t.Errorf("findings mismatch (-want +got):\n%s", diff)
	}
}

func TestObsoleteAndSameMessages(t *testing.T) {
	want := []Finding{
		{Rule: "same-as-source", Severity: Info, Path: "locales/active.es.yaml", Line: 6, Column: 1, Lang: "es", Slug: "save",
			Message: `message save is identical to the source: "Save the document now"`},
		{Rule: "same-as-source", Severity: Info, Path: "po/pl.po", Line: 15, Column: 1, Lang: "pl", Slug: "Save the document now",
			Message: `message Save the document now is identical to the source: "Save the document now"`},
	}
	// A #~ entry is msgmerge's translation memory: not reported by default.
	if diff := cmp.Diff(want, lint(t, catalogConfig, catalogFiles, "same-as-source", "obsolete-message")); diff != "" {
		t.Errorf("findings mismatch (-want +got):\n%s", diff)
	}
	// The catalogs are compared once, not once per chunk of items.
	withEntries := map[string]string{}
	for name, text := range catalogFiles {
		withEntries[name] = text
	}
	for _, slug := range []string{"a", "b", "c"} {
		withEntries["content/en/"+slug+".md"] = lines("---", "title: A page", "---")
		withEntries["content/es/"+slug+".md"] = lines("---", "title: Una página", "---")
	}
	defer SetChunkSize(1)()
	cfg := strings.Replace(catalogConfig, "content: []", "content:\n  - path: content/{lang}/{slug}.md", 1)
	if diff := cmp.Diff(want, lint(t, cfg, withEntries, "same-as-source", "obsolete-message")); diff != "" {
		t.Errorf("findings with chunks of one item mismatch (-want +got):\n%s", diff)
	}
	// With unused, every #~ entry is, at its grade.
	want = []Finding{
		{Rule: "obsolete-message", Severity: Warning, Path: "po/pl.po", Line: 18, Column: 1, Lang: "pl", Slug: "Old",
			Message: `obsolete message "Old"`, Fix: "delete it (msgattrib --no-obsolete does) or move it back if it is still used"},
	}
	cfg = catalogConfig + "rules:\n  obsolete-message: {unused: warning}\n"
	if diff := cmp.Diff(want, lint(t, cfg, catalogFiles, "obsolete-message")); diff != "" {
		t.Errorf("findings with unused: warning mismatch (-want +got):\n%s", diff)
	}
}

// TestPlaceholderMismatchAsMsgfmt: as msgfmt -c, a fuzzy entry is not
// checked, and a plural form that stands for few numbers may say its
// number in words; a form that stands for many may not.
func TestPlaceholderMismatchAsMsgfmt(t *testing.T) {
	cfg := `source: en
languages: [en, ar]
content: []
locales:
  - path: po/{lang}.po
  - path: i18n/{lang}.yaml
`
	files := map[string]string{
		"po/ar.po": lines(
			`msgid ""`,
			`msgstr ""`,
			`"Language: ar\n"`,
			`"Plural-Forms: nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5;\n"`,
			"",
			"#, fuzzy, c-format",
			`msgid "Lap %i"`,
			`msgstr "لفة"`,
			"",
			"#, c-format",
			`msgid "%s hour"`,
			`msgid_plural "%s hours"`,
			`msgstr[0] "أقل من ساعة"`,
			`msgstr[1] "ساعة"`,
			`msgstr[2] "ساعتان"`,
			`msgstr[3] "%s ساعات"`,
			`msgstr[4] "ساعة"`,
			`msgstr[5] "%s ساعة"`),
		"i18n/en.yaml": lines("- id: minutes", "  translation:", "    one: '1 min'", "    other: '{{ .Count }} min'"),
		"i18n/ar.yaml": lines("- id: minutes", "  translation:", "    zero: 'الآن'", "    one: 'دقيقة'", "    two: 'دقيقتان'",
			"    few: 'بضع دقائق'", "    many: '{{ .Count }} دقيقة'", "    other: '{{ .Count }} دقيقة'"),
	}
	var got []string
	for _, f := range lint(t, cfg, files, "placeholder-mismatch") {
		got = append(got, f.Path+": "+f.Message)
	}
	want := []string{
		"i18n/ar.yaml: message minutes: its few form lacks .Count, but Arabic uses few for 3, 4, 5, …", // 3 to 10, and more
		"po/ar.po: message %s hour: msgstr[4] lacks %s, but Plural-Forms selects it for 11, 12, 13, …", // 11 to 99, and more
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings mismatch (-want +got):\n%s", diff)
	}
}

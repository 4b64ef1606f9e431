package exchange

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"
)

// spanishFile has the units an export of a Spanish translation holds.
func spanishFile() *File {
	return &File{
		SourceLang: "it", TargetLang: "es", Original: "glosa",
		Units: []Unit{
			{ID: "llm#title", Kind: KindField, Source: "Modello linguistico", Target: "Modelo de lenguaje", State: Translated,
				Notes: []string{"field title", "entry: LLM"}, Refs: []Ref{{Path: "content/it/llm.md", Line: 2}}},
			{ID: "llm#p-3f9a1c2b", Kind: "paragraph", Source: "Un *modello* che\nprevede il [token](https://x.test/t) successivo [1].",
				Target: "Un *modelo* que\npredice el [token](https://x.test/t) siguiente [1].", State: NeedsReview,
				Previous: "Un modello che prevede il token.", Notes: []string{"paragraph"}, Refs: []Ref{{Path: "content/it/llm.md", Line: 9}}},
			{ID: "llm#p-00aa11bb", Kind: "heading", Source: "Storia", State: New, Notes: []string{"heading"}, Refs: []Ref{{Path: "content/it/llm.md", Line: 12}}},
			{ID: "quotes", Kind: KindMessage, Source: "Say \"hi\"\tthen\\leave", Target: "Di \"hola\"\ty\\vete", State: Translated,
				Refs: []Ref{{Path: "locales/active.it.yaml", Line: 4}}},
			{ID: "items", Kind: KindMessage, State: Translated, Notes: []string{"a count"},
				SourceForms: map[string]string{"one": "{{.Count}} elemento", "other": "{{.Count}} elementi"},
				TargetForms: map[string]string{"one": "{{.Count}} elemento", "many": "{{.Count}} de elementos", "other": "{{.Count}} elementos"}},
			{ID: "files", Kind: KindMessage, State: New,
				SourceForms: map[string]string{"one": "{{.Count}} file", "other": "{{.Count}} file"},
				TargetForms: map[string]string{"one": "", "many": "", "other": ""}},
		},
	}
}

func TestPORoundTrip(t *testing.T) {
	want := spanishFile()
	var b bytes.Buffer
	if err := WritePO(&b, want, false); err != nil {
		t.Fatal(err)
	}
	got, err := ReadPO(b.Bytes())
	if err != nil {
		t.Fatalf("ReadPO: %v\n%s", err, b.String())
	}
	// PO keeps no kind; the notes say it.
	ignore := cmpopts.IgnoreFields(Unit{}, "Kind")
	if diff := cmp.Diff(want, got, ignore, cmpopts.EquateEmpty(), ignoreLine); diff != "" {
		t.Errorf("round trip mismatch (-want +got):\n%s\n%s", diff, b.String())
	}
}

// TestPOObsolete: obsolete units are "#~" entries without their notes and
// references, as msgmerge writes them, and come back as obsolete; a
// template has none.
func TestPOObsolete(t *testing.T) {
	want := spanishFile()
	want.Obsolete = []Unit{
		{ID: "llm#p-99", Source: "Vecchio.", Target: "Viejo.", State: Translated},
		{ID: "old", Source: "Old", Target: "Viejo", State: NeedsReview, Previous: "Older"},
	}
	in := *want
	in.Obsolete = slices.Clone(want.Obsolete)
	in.Obsolete[0].Notes, in.Obsolete[0].Refs = []string{"paragraph"}, []Ref{{Path: "content/it/llm.md", Line: 3}}
	var b bytes.Buffer
	if err := WritePO(&b, &in, false); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "\n#~| msgid \"Older\"\n#~ msgctxt \"old\"\n") {
		t.Errorf("no obsolete entry with its previous source:\n%s", b.String())
	}
	got, err := ReadPO(b.Bytes())
	if err != nil {
		t.Fatalf("ReadPO: %v\n%s", err, b.String())
	}
	if diff := cmp.Diff(want, got, cmpopts.IgnoreFields(Unit{}, "Kind", "Line"), cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("round trip mismatch (-want +got):\n%s\n%s", diff, b.String())
	}
	b.Reset()
	if err := WritePO(&b, &in, true); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "#~") {
		t.Errorf("a template with obsolete entries:\n%s", b.String())
	}
}

// TestPOMsgfmt runs gettext's own checks on what glosa writes: a
// translation's file passes them without a warning (a template keeps
// xgettext's placeholders in its header, which msgfmt -c warns about).
func TestPOMsgfmt(t *testing.T) {
	msgfmt := lookTool(t, "msgfmt")
	dir := t.TempDir()
	for _, lang := range []string{"es", "fr", "it", "he", "ru", "ja", "ar", "pt-BR"} {
		f := spanishFile()
		f.TargetLang = lang
		f.Date = time.Date(2026, 1, 2, 3, 4, 0, 0, time.UTC)
		for i := range f.Units {
			if f.Units[i].Plural() {
				f.Units[i].TargetForms = map[string]string{}
			}
		}
		for _, template := range []bool{false, true} {
			var b bytes.Buffer
			if err := WritePO(&b, f, template); err != nil {
				t.Fatal(err)
			}
			name := filepath.Join(dir, lang+".po")
			if template {
				name = filepath.Join(dir, "glosa.pot")
			}
			if err := os.WriteFile(name, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(msgfmt, "-c", "--check-format", "-o", os.DevNull, name).CombinedOutput()
			if err != nil || !template && len(out) > 0 {
				t.Errorf("msgfmt -c %s (%s): %v\n%s\n%s", filepath.Base(name), lang, err, out, b.String())
			}
		}
	}
}

func TestCSVRoundTrip(t *testing.T) {
	want := spanishFile()
	var b bytes.Buffer
	if err := WriteCSV(&b, want); err != nil {
		t.Fatal(err)
	}
	got, err := ReadCSV(b.Bytes())
	if err != nil {
		t.Fatalf("ReadCSV: %v\n%s", err, b.String())
	}
	// CSV keeps one state per row; a plural unit is as done as its least
	// done form, and its rows share its notes.
	if diff := cmp.Diff(want, got, cmpopts.IgnoreFields(File{}, "Original"), cmpopts.IgnoreFields(Unit{}, "Previous"), cmpopts.EquateEmpty(), ignoreLine); diff != "" {
		t.Errorf("round trip mismatch (-want +got):\n%s\n%s", diff, b.String())
	}
}

func TestReadCSVErrors(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", "1:1: the file is empty"},
		{"id,source,target\n", "1:1: the header row must name"},
		{"id,it,es,state\nx,a,b,done\n", `2:1: unknown state "done"`},
		{"id,it,es\nx,\"a,b\n", "2:"},
	} {
		_, err := ReadCSV([]byte(tt.in))
		if err == nil || !bytes.HasPrefix([]byte(err.Error()), []byte(tt.want)) {
			t.Errorf("ReadCSV(%q) error = %v, want %q…", tt.in, err, tt.want)
		}
	}
}

// TestGoI18nLoads checks that go-i18n itself reads what glosa writes, and
// that the translations come back.
func TestGoI18nLoads(t *testing.T) {
	for _, format := range []string{"json", "toml", "yaml"} {
		f := spanishFile()
		var b bytes.Buffer
		if err := WriteGoI18n(&b, f, format); err != nil {
			t.Fatal(err)
		}
		name := "translate.es." + format
		bundle := i18n.NewBundle(language.Italian)
		bundle.RegisterUnmarshalFunc("yaml", yaml.Unmarshal)
		bundle.RegisterUnmarshalFunc("toml", toml.Unmarshal)
		if _, err := bundle.ParseMessageFileBytes(b.Bytes(), name); err != nil {
			t.Fatalf("go-i18n cannot read the %s file: %v\n%s", format, err, b.String())
		}
		loc := i18n.NewLocalizer(bundle, "es")
		if got, err := loc.Localize(&i18n.LocalizeConfig{MessageID: "llm#title"}); err != nil || got != "Modelo de lenguaje" {
			t.Errorf("%s: Localize(llm#title) = %q, %v", format, got, err)
		}
		back, err := ReadGoI18n(name, b.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		if back.TargetLang != "es" || len(back.Units) != len(f.Units) {
			t.Fatalf("%s: read back %s with %d units", format, back.TargetLang, len(back.Units))
		}
		for _, u := range back.Units {
			if u.ID == "llm#p-00aa11bb" && (u.Target != "Storia" || u.SourceHash != SourceHash(f.Units[2])) {
				t.Errorf("%s: an untranslated unit reads back as %+v, want the source's text and hash", format, u)
			}
		}
	}
}

// lookTool finds a program the test needs; without it the test is skipped,
// except in CI, which installs it.
func lookTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not installed; CI must install it", name)
		}
		t.Skipf("%s is not installed", name)
	}
	return p
}

// TestPOPluralHeaders: a plural message's msgstr[] are read as the CLDR
// categories the file's own Plural-Forms gives them, msginit's as well as
// CLDR's; a category without a msgstr of its own gets the one gettext
// shows for its numbers; a header whose forms cannot be told apart is
// refused.
func TestPOPluralHeaders(t *testing.T) {
	tests := []struct {
		lang, header string
		msgstrs      []string
		want         map[string]string
		err          bool
	}{
		{"fr", "nplurals=2; plural=(n > 1);", []string{"un", "des"},
			map[string]string{"one": "un", "many": "des", "other": "des"}, false},
		{"es", "nplurals=3; plural=(n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2);", []string{"un", "de", "unos"},
			map[string]string{"one": "un", "many": "de", "other": "unos"}, false},
		{"he", "nplurals=2; plural=(n != 1);", []string{"a", "b"},
			map[string]string{"one": "a", "two": "b", "other": "b"}, false},
		{"de", "nplurals=2; plural=(n != 1);", []string{"a", "b"},
			map[string]string{"one": "a", "other": "b"}, false},
		{"ru", "nplurals=2; plural=(n != 1);", []string{"a", "b"}, nil, true},
		{"fr", "nplurals=2; plural=0;", []string{"a", "b"}, nil, true},
	}
	for _, tt := range tests {
		var b strings.Builder
		fmt.Fprintf(&b, "msgid \"\"\nmsgstr \"\"\n\"Language: %s\\n\"\n\"Plural-Forms: %s\\n\"\n\nmsgid \"x\"\nmsgid_plural \"xs\"\n", tt.lang, tt.header)
		for i, m := range tt.msgstrs {
			fmt.Fprintf(&b, "msgstr[%d] %q\n", i, m)
		}
		f, err := ReadPO([]byte(b.String()))
		if tt.err {
			if err == nil {
				t.Errorf("%s %q: read, want an error", tt.lang, tt.header)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s %q: %v", tt.lang, tt.header, err)
			continue
		}
		if diff := cmp.Diff(tt.want, f.Units[0].TargetForms); diff != "" {
			t.Errorf("%s %q: forms (-want +got):\n%s", tt.lang, tt.header, diff)
		}
	}
}

package l10n

import (
	"io"
	"io/fs"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"

	"github.com/glosa/glosa/internal/plural"
	"github.com/glosa/glosa/locales"
)

// catalog reads one embedded catalog as ID → plural category → text ("other"
// for a plain string).
func catalog(t *testing.T, name string) map[string]map[string]string {
	t.Helper()
	data, err := fs.ReadFile(locales.FS, name)
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]any
	if err := yaml.Unmarshal(data, &raw); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	out := map[string]map[string]string{}
	for id, v := range raw {
		switch v := v.(type) {
		case string:
			out[id] = map[string]string{"other": v}
		case map[string]any:
			out[id] = map[string]string{}
			for form, text := range v {
				if form == "hash" || form == "description" {
					continue // go-i18n's reserved keys, not forms
				}
				out[id][form] = text.(string)
			}
		default:
			t.Fatalf("%s: %s has a value of type %T", name, id, v)
		}
	}
	return out
}

var fieldRE = regexp.MustCompile(`{{\s*\.(\w+)\s*}}`)

func fields(s string) []string {
	var out []string
	for _, m := range fieldRE.FindAllStringSubmatch(s, -1) {
		out = append(out, m[1])
	}
	sort.Strings(out)
	return out
}

// TestCatalogs checks that Spanish and Italian say everything English says,
// with the same template fields and the plural forms their languages need.
func TestCatalogs(t *testing.T) {
	en := catalog(t, "active.en.yaml")
	for _, tag := range Supported()[1:] {
		code := tag.String()
		set, err := plural.Derive(code)
		if err != nil {
			t.Fatalf("%s: %v", code, err)
		}
		var forms []string
		for _, c := range set.Categories() {
			forms = append(forms, string(c))
		}
		sort.Strings(forms)
		c := catalog(t, "active."+code+".yaml")
		for id, src := range en {
			tr, ok := c[id]
			if !ok {
				t.Errorf("%s: %s is missing", code, id)
				continue
			}
			if len(src) > 1 {
				var got []string
				for f := range tr {
					got = append(got, f)
				}
				sort.Strings(got)
				if diff := cmp.Diff(forms, got); diff != "" {
					t.Errorf("%s: %s plural forms (-want +got):\n%s", code, id, diff)
				}
			}
			for form, text := range tr {
				if diff := cmp.Diff(fields(src["other"]), fields(text)); diff != "" {
					t.Errorf("%s: %s (%s) template fields (-en +%s):\n%s", code, id, form, code, diff)
				}
			}
		}
		for id := range c {
			if _, ok := en[id]; !ok {
				t.Errorf("%s: %s is not in the English catalog", code, id)
			}
		}
	}
}

func TestFromEnv(t *testing.T) {
	tests := []struct {
		env  map[string]string
		want string
	}{
		{nil, "en"},
		{map[string]string{"LANG": "es_ES.UTF-8"}, "es"},
		{map[string]string{"LANG": "it_IT.UTF-8"}, "it"},
		{map[string]string{"LANG": "it_CH@euro"}, "it"},
		{map[string]string{"LANG": "es_MX"}, "es"},
		{map[string]string{"LANG": "C"}, "en"},
		{map[string]string{"LANG": "POSIX"}, "en"},
		{map[string]string{"LANG": "C.UTF-8"}, "en"},
		{map[string]string{"LANG": "fr_FR.UTF-8"}, "en"},
		{map[string]string{"LANG": "not a locale"}, "en"},
		// POSIX order: LC_ALL, then LC_MESSAGES, then LANG; empty is unset.
		{map[string]string{"LC_ALL": "it_IT.UTF-8", "LC_MESSAGES": "es_ES.UTF-8", "LANG": "C"}, "it"},
		{map[string]string{"LC_ALL": "", "LC_MESSAGES": "es_ES.UTF-8", "LANG": "it_IT.UTF-8"}, "es"},
		{map[string]string{"LC_ALL": "C", "LANG": "es_ES.UTF-8"}, "en"},
	}
	for _, tt := range tests {
		got := FromEnv(func(k string) string { return tt.env[k] }).Lang()
		if got != tt.want {
			t.Errorf("FromEnv(%v) speaks %s, want %s", tt.env, got, tt.want)
		}
	}
}

func TestLocalize(t *testing.T) {
	es := FromEnv(func(k string) string { return map[string]string{"LANG": "es_ES.UTF-8"}[k] })
	en := FromEnv(func(string) string { return "" })
	tests := []struct{ got, want string }{
		{es.N("status.source", 1, "Lang", "it", "Name", "italiano"), "origen: it (italiano), 1 entrada"},
		{es.N("status.source", 5, "Lang", "it", "Name", "italiano"), "origen: it (italiano), 5 entradas"},
		{es.N("status.source", 1000000, "Lang", "it", "Name", "italiano"), "origen: it (italiano), 1000000 de entradas"},
		{en.N("status.source", 1, "Lang", "it", "Name", "italiano"), "source: it (italiano), 1 entry"},
		{es.T("state.stale"), "desactualizada"},
		{es.LangName("fr"), "francés"},
		{en.LangName("fr"), "French"},
		{en.T("no.such.id"), "no.such.id"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

// TestText checks that a Text is worded late, in the reader's language,
// with the values inside it worded too.
func TestText(t *testing.T) {
	es := New(language.Spanish)
	structure := Msg("lint.structure", "SourcePath", "content/it/llm.md", "Diffs", []Text{
		Plural("lint.structure.links", 1, "Source", 0),
		Plural("lint.structure.headings", 3, "Source", 2),
	})
	if got, want := structure.String(), "the body's structure differs from the source content/it/llm.md: 1 link (source: 0), 3 headings (source: 2)"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	link := Msg("lint.localeLink", "LinkLang", Lang("it"), "Lang", Lang("es"), "URL", "https://x.test/it/")
	if got := link.String(); !strings.Contains(got, "Italian") || !strings.Contains(got, "Spanish") {
		t.Errorf("English wording %q does not name the languages in English", got)
	}
	if got := es.Text(link); !strings.Contains(got, "italiano") || !strings.Contains(got, "español") {
		t.Errorf("Spanish wording %q does not name the languages in Spanish", got)
	}
	if got := es.Text(structure); got == structure.String() || strings.Contains(got, "heading") {
		t.Errorf("Spanish wording %q is English", got)
	}
	if got := es.Text(Raw("did not find expected key")); got != "did not find expected key" {
		t.Errorf("a raw text is shown as it is, got %q", got)
	}
	if !(Text{}).IsZero() || Raw("x").IsZero() || Msg("err.nul").IsZero() {
		t.Error("IsZero is wrong")
	}
	err := Errorf("lang.invalid", "Tag", `"xx-!"`)
	if got, want := err.Error(), `"xx-!" is not a BCP 47 language tag`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if got := TextOf(err); got.ID != "lang.invalid" {
		t.Errorf("TextOf(*Error) = %+v, want its Text", got)
	}
	if got := TextOf(io.EOF); got.ID != "" || got.Raw != "EOF" {
		t.Errorf("TextOf(io.EOF) = %+v, want the raw words", got)
	}
}

// TestValuesEscaped checks that a value worded into a message cannot
// start a line or carry an escape sequence, in any of the ways a Text or
// T takes values, and that a value escaped once is not escaped again.
func TestValuesEscaped(t *testing.T) {
	type state string
	hostile := "x\n::error::pwned\x1b[31m"
	want := `x\n::error::pwned\x1b[31m`
	es := New(language.Spanish)
	tests := []struct{ name, got, want string }{
		{"Msg data", Msg("lint.related.noSourceFix", "Slug", hostile).String(), "remove " + want + " or correct its spelling"},
		{"a named string type", Msg("lint.related.noSourceFix", "Slug", state(hostile)).String(), "remove " + want + " or correct its spelling"},
		{"T", English().T("lint.related.noSourceFix", "Slug", hostile), "remove " + want + " or correct its spelling"},
		{"Raw", Raw(hostile).String(), want},
		{"a Text in a Text", (&Error{Path: "content/es/\x1b]0;t\x07.md", Line: 2, Text: Msg("lint.related.noSourceFix", "Slug", hostile)}).Error(),
			`content/es/\x1b]0;t\x07.md:2: remove ` + want + " or correct its spelling"},
		{"Spanish", es.Text(Raw(hostile)), want},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, tt.got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
	}
}

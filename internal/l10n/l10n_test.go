package l10n

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"go.yaml.in/yaml/v3"

	"github.com/glosa/glosa/internal/status"
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
	forms := map[string][]string{"es": {"many", "one", "other"}, "it": {"many", "one", "other"}}
	for _, code := range []string{"es", "it"} {
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
				if diff := cmp.Diff(forms[code], got); diff != "" {
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

// TestIDsExist checks that every message ID the code asks for is in the
// English catalog: literal IDs in internal/, and the state and reason IDs
// built from status values.
func TestIDsExist(t *testing.T) {
	en := catalog(t, "active.en.yaml")
	ids := map[string]bool{}
	for _, s := range status.States {
		ids["state."+string(s)] = true
	}
	for _, r := range []status.Reason{status.NoSource, status.NoFile, status.Unparsable, status.SourceUnparsable, status.Draft,
		status.SameText, status.NoRecord, status.RecordSourceMissing, status.RecordMatches, status.SourceChanged} {
		ids["reason."+string(r)] = true
	}
	call := regexp.MustCompile(`\.(?:T|N)\("([A-Za-z0-9.-]+)"[,)]`)
	err := filepath.WalkDir("..", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range call.FindAllSubmatch(data, -1) {
			ids[string(m[1])] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) < 30 {
		t.Fatalf("found only %d IDs; is the scan broken?", len(ids))
	}
	for id := range ids {
		if _, ok := en[id]; !ok {
			t.Errorf("the code uses %s, which active.en.yaml lacks", id)
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

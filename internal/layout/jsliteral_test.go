package layout

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/l10n"
)

// TestReadDocusaurus checks what the literal reader takes of i18n, and
// where it refuses.
func TestReadDocusaurus(t *testing.T) {
	tests := []struct {
		name, src string
		want      *jsSite
		err       string // the refusal's place and words, "" for none
	}{
		{name: "literal", src: "module.exports = {i18n: {defaultLocale: 'en', locales: ['en', 'fr']}};",
			want: &jsSite{def: "en", key: "defaultLocale", langs: []string{"en", "fr"}}},
		{name: "default not first", src: "export default {i18n: {defaultLocale: 'fr', locales: ['en', 'fr', 'pt-br']}}",
			want: &jsSite{def: "fr", key: "defaultLocale", langs: []string{"fr", "en", "pt-BR"}}},
		{name: "comments, trailing commas, TypeScript", src: "// i18n: {defaultLocale: 'xx'}\n/* i18n: */ const c: Config = {\n  title: `a`,\n  re: /['\"]/g,\n  'i18n': {defaultLocale: \"en\" as const, locales: [\n 'en', // one\n 'ja',\n ],},\n} satisfies Config;",
			want: &jsSite{def: "en", key: "defaultLocale", langs: []string{"en", "ja"}}},
		{name: "template without expression", src: "x = {i18n: {defaultLocale: `de`, locales: [`de`]}}",
			want: &jsSite{def: "de", key: "defaultLocale", langs: []string{"de"}}},
		{name: "expression elsewhere", src: "const u = `${a}}`;\nx = {url: f(`${b}`), i18n: {defaultLocale: 'en', locales: ['en']}}",
			want: &jsSite{def: "en", key: "defaultLocale", langs: []string{"en"}}},
		{name: "no i18n", src: "module.exports = {title: 'x'};", want: &jsSite{def: "en", langs: []string{"en"}}},
		{name: "computed locales", src: "x = {i18n: {\n  defaultLocale: 'en',\n  locales: all,\n}}", err: "c.js:3:12: i18n.locales is all"},
		{name: "spread", src: "x = {i18n: {defaultLocale: 'en', locales: [...a, 'fr']}}", err: "c.js:1:44: i18n.locales is ...a"},
		{name: "call", src: "x = {i18n: {defaultLocale: pick('en'), locales: ['en']}}", err: "c.js:1:28: i18n.defaultLocale is pick('en')"},
		{name: "template with expression", src: "x = {i18n: {defaultLocale: `${l}`, locales: ['en']}}", err: "c.js:1:28: i18n.defaultLocale is `${l}`"},
		{name: "concatenation", src: "x = {i18n: {defaultLocale: 'e' + 'n'}}", err: "c.js:1:28: i18n.defaultLocale is 'e' + 'n'"},
		{name: "shorthand", src: "const i18n = {defaultLocale: 'en'};\nexport default {title: 'x', i18n};", err: "c.js:2:29: i18n is i18n"},
		{name: "object spread hides locales", src: "x = {i18n: {...shared, defaultLocale: 'en'}}", err: "c.js:1:13: i18n.locales is ...shared"},
		{name: "not a language", src: "x = {i18n: {defaultLocale: 'english'}}", err: "c.js:1:28: i18n.defaultLocale: english is not a language tag"},
		{name: "unterminated", src: "x = {title: 'a\n", err: "c.js:1:13: glosa cannot read this file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkRead(t, readDocusaurus, "c.js", tt.src, tt.want, tt.err) })
	}
}

// checkRead runs a reader on src and compares what it read, or where and
// why it refused, with what is wanted.
func checkRead(t *testing.T, read func(string, []byte) (*jsSite, error), name, src string, want *jsSite, wantErr string) {
	t.Helper()
	got, err := read(name, []byte(src))
	if wantErr != "" {
		var le *l10n.Error
		if !errors.As(err, &le) || !errors.Is(err, config.ErrInvalid) {
			t.Fatalf("error %v, want an *l10n.Error wrapping ErrInvalid", err)
		}
		if msg := le.Error(); !strings.HasPrefix(msg, wantErr) {
			t.Errorf("error %q, want it to start with %q", msg, wantErr)
		}
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(jsSite{})); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestReadAstro checks Starlight's locales and Astro's i18n.
func TestReadAstro(t *testing.T) {
	tests := []struct {
		name, src string
		want      *jsSite
		err       string
	}{
		{name: "starlight root", src: "import starlight from 'x';\nexport default defineConfig({integrations: [starlight({title: 'D', locales: {root: {label: 'English', lang: 'en'}, fr: {label: 'Français'}, 'pt-br': {label: 'P', lang: 'pt-BR'}}})]});",
			want: &jsSite{def: "en", langs: []string{"en", "fr", "pt-BR"}, dirs: map[string]string{"en": "", "fr": "fr", "pt-BR": "pt-br"}}},
		{name: "starlight defaultLocale", src: "starlight({defaultLocale: 'fr', locales: {en: {label: 'E'}, fr: {label: 'F'}}})",
			want: &jsSite{def: "fr", key: "defaultLocale", langs: []string{"fr", "en"}, dirs: map[string]string{"en": "en", "fr": "fr"}}},
		{name: "starlight root without lang", src: "starlight({locales: {root: {label: 'E'}, de: {label: 'D'}}})",
			want: &jsSite{def: "en", langs: []string{"en", "de"}, dirs: map[string]string{"en": "", "de": "de"}}},
		{name: "astro i18n", src: "export default defineConfig({ i18n: { defaultLocale: 'ja', locales: ['ja', 'en', {path: 'spanish', codes: ['es', 'es-ES']}] } });",
			want: &jsSite{def: "ja", key: "defaultLocale", langs: []string{"ja", "en", "es"}}},
		{name: "neither", src: "export default defineConfig({integrations: [starlight()]});"},
		{name: "starlight computed", src: "starlight({\n\tlocales: localesConfig,\n})", err: "c.mjs:2:11: locales is localesConfig"},
		{name: "starlight unknown default", src: "starlight({defaultLocale: 'de', locales: {en: {label: 'E'}}})", err: "c.mjs:1:27: defaultLocale: de is none of the locales"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkRead(t, readAstro, "c.mjs", tt.src, tt.want, tt.err) })
	}
}

// FuzzJSLiteral feeds arbitrary text to the literal reader: it must end,
// never panic, and every refusal must name a place in the file.
func FuzzJSLiteral(f *testing.F) {
	f.Add("module.exports = {i18n: {defaultLocale: 'en', locales: ['en', 'fr'], localeConfigs: {fr: {label: 'F'}}}};")
	f.Add("starlight({locales: {root: {label: 'E', lang: 'en'}, fr: {}}, defaultLocale: 'root'})")
	f.Add("x = {i18n: {defaultLocale: `${a}`, locales: [...b, /re[/]/g, 1.5, -2]}}")
	f.Add("{i18n: {a: )}, i18n: [}")
	f.Add("`${`${'`'}`}` i18n: /* */ {")
	f.Fuzz(func(t *testing.T, src string) {
		for _, read := range []func(string, []byte) (*jsSite, error){readDocusaurus, readAstro} {
			s, err := read("c.js", []byte(src))
			var le *l10n.Error
			switch {
			case err != nil && (!errors.As(err, &le) || le.Line < 1 || le.Column < 1):
				t.Fatalf("refusal without a place: %v", err)
			case err == nil && s != nil && (s.def == "" || len(s.langs) == 0 || s.langs[0] != s.def):
				t.Fatalf("site %+v: the default must come first", s)
			}
		}
	})
}

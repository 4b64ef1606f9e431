package markupeq

import (
	"regexp"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestSameLink(t *testing.T) {
	m := New(Options{Languages: []string{"en", "fr", "ja", "pt-BR", "zh-CN"}})
	en := Page{Lang: "en", Path: "/guides/routing/"}
	fr := Page{Lang: "fr", Path: "/guides/routing/"}
	ja := Page{Lang: "ja", Path: "/guides/routing/"}
	pt := Page{Lang: "pt-BR", Path: "/guides/routing/"}
	tests := []struct {
		src, tr string
		tp      Page
		want    bool
	}{
		{"https://example.com/docs", "https://example.com/docs", fr, true},
		{"https://example.com/docs/", "https://example.com/docs", fr, true},
		{"http://example.com/docs", "https://www.example.com/docs/", fr, true},
		{"https://Example.COM:443/a%20b", "https://example.com/a b", fr, true},
		{"/x/", "/fr/x/", fr, true},
		{"/en/x/", "/fr/x/", fr, true},
		{"/en/x/#static-routes", "/fr/x/#routes-statiques", fr, true},
		{"#create-a-file", "#créer-un-fichier", fr, true},
		{"/en/guides/routing/#dynamic", "#dynamique", fr, true},
		{"/docs/x", "/docs/fr/x", fr, true},
		{"/docs/en/x", "/docs/fr/x", fr, true},
		{"/en/x/", "/pt-br/x/", pt, true},
		{"/en/x/", "/zh-cn/x/", Page{Lang: "zh-CN"}, true},
		{"https://example.com/en-US/docs/Web", "https://example.com/fr/docs/Web", fr, true},
		{"https://en.example.com/x", "https://fr.example.com/x", fr, true},
		{"https://example.com/x?hl=en", "https://example.com/x?hl=ja", ja, true},
		{"img/menu_en.png", "img/menu_ja.png", ja, true},
		{"/img/en/menu.png", "/img/ja/menu.png", ja, true},
		{"./related/", "/guides/routing/related/", ja, true},
		{"../related/", "/guides/related", ja, true},
		{"related", "/guides/routing/related", ja, true},
		{"related", "/guides/related", ja, true}, // read as a file
		{"./install.md", "/guides/routing/install/", ja, true},
		{"https://web.archive.org/web/2023/https://docs.example.com/en/start/", "https://web.archive.org/web/2023/https://docs.example.com/ja/start/", ja, true},
		{"https://en.wikipedia.org/wiki/Consensus", "https://ja.wikipedia.org/wiki/合意", ja, true},
		{"mailto:a@example.com", "mailto:a@example.com", ja, true},
		{"https://vite.dev/config/#x", "https://ja.vite.dev/config/#x", ja, true},
		{"https://vite.dev/guide/build.html#compat", "https://fr.vite.dev/guide/build#compatibilite", fr, true},
		{"https://vite.dev/guide/assets.html", "https://cn.vite.dev/guide/assets", Page{Lang: "zh-CN"}, true},
		{"https://example.com/en-US/docs/Learn/Forms", "https://example.com/fr/docs/Learn_web/Extensions/Forms", fr, true},
		{"https://help.example.com/en/articles/101-setting-up", "https://help.example.com/ja/articles/101-設定", ja, true},
		{"https://github.com/o/r/blob/3f1c9a0/docs/a.md?from_branch=main", "https://github.com/o/r/blob/main/docs/a.md", ja, true},
		{"https://bun.sh/docs/cli/test", "https://bun.com/docs/cli/test", ja, true},
		{"https://www.example.com/support/101-setting-up/", "https://www.example.com/fr/support/101-configuration/", fr, true},
		{"https://github.com/o/r/tree/v1.2/src", "https://github.com/o/r/tree/main/src/", ja, true},

		{"https://example.com/docs", "https://example.com/doc", fr, false},
		{"https://a.example.com/x", "https://b.example.com/x", fr, false},
		{"https://example.com/x?page=1", "https://example.com/x?page=2", fr, false},
		{"/guides/a/", "/guides/b/", fr, false},
		{"kubernetes-helm/", "kubernetes/", fr, false},
		{"https://en.wikipedia.org/wiki/A", "https://de.wikipedia.org/wiki/B", fr, false}, // not the translation's wiki
		{"https://example.com/item/1", "https://example.com/1", fr, false},
		{"mailto:a@example.com", "mailto:b@example.com", ja, false},
		{"https://vite.dev/guide/", "https://cn.vite.dev/guide/", fr, false},                        // cn is not French
		{"https://example.com/fr/docs/a", "https://example.com/de/docs/b", Page{Lang: "de"}, false}, // the source's is not its language
		{"/en/guides/a/", "/fr/guides/b/", fr, false},
		{"https://github.com/o/r/blob/main/a.md", "https://github.com/o/r/blob/main/b.md", fr, false},
		{"https://bun.sh/docs/a", "https://bun.com/docs/b", fr, false},
		{"https://a.sh/docs/a", "https://b.com/docs/a", fr, false},
		{"https://www.example.com/support/101", "https://www.example.com/fr/help/101", fr, false},
		{"https://github.com/o/r/blob/main/a.md", "https://github.com/o/other/blob/main/a.md", fr, false}, // the project's own pages keep their paths
	}
	for _, tt := range tests {
		if got := m.SameLink(tt.src, en, tt.tr, tt.tp); got != tt.want {
			t.Errorf("SameLink(%q, %q) = %v, want %v", tt.src, tt.tr, got, tt.want)
		}
	}
	// Without the page's path, relative links compare as written.
	if !m.SameLink("./x", Page{Lang: "en"}, "x", Page{Lang: "fr"}) {
		t.Error(`SameLink("./x", "x") without a page path = false`)
	}
	if m.SameLink("x", Page{Lang: "en"}, "/x", Page{Lang: "fr"}) {
		t.Error(`SameLink("x", "/x") without a page path = true`)
	}
}

func TestSameCode(t *testing.T) {
	m := New(Options{})
	if !m.SameCode("cp {{path/to/file}} {{[-r|--recursive]}}", "cp {{ruta/al/archivo}} {{[-r|--recursive]}}") {
		t.Error("placeholders not blanked")
	}
	if m.SameCode("cp {{path/to/file}}", "mv {{ruta/al/archivo}}") {
		t.Error("the code around placeholders not compared")
	}
	if m.SameCode("privileged: true", "privileged:true") {
		t.Error("code compared loosely")
	}
	none := New(Options{Placeholders: []*regexp.Regexp{}})
	if none.SameCode("{{a}}", "{{b}}") {
		t.Error("no placeholders: {{a}} = {{b}}")
	}
	angle := New(Options{Placeholders: []*regexp.Regexp{regexp.MustCompile(`<[^>]+>`)}})
	if !angle.SameCode("git clone <url>", "git clone <dirección>") || angle.SameCode("{{a}}", "{{b}}") {
		t.Error("configured placeholders not used alone")
	}
}

func TestDiff(t *testing.T) {
	m := New(Options{Languages: []string{"en", "es"}})
	unit := func(text, lang string, markup ...string) Unit {
		return Unit{Markup: markup, Text: func() string { return text }, Page: Page{Lang: lang}}
	}
	tests := []struct {
		src, tr        Unit
		missing, extra []string
	}{
		{
			src:     unit("", "en", "cite 1", "code go test", "link /en/docs/", "link https://a.test"),
			tr:      unit("", "es", "cite 1", "cite 2", "code go test", "link /es/docs/", "link https://b.test"),
			missing: []string{"link https://a.test"}, extra: []string{"cite 2", "link https://b.test"},
		},
		{ // localized examples
			src: unit("", "en", "code https://username.example.com/my-repo", "code {verb} {object}", "code z.array(/* validator */)"),
			tr:  unit("", "es", "code https://usuario.example.com/mi-repo", "code {verbo} {objeto}", "code z.array(/* バリデータ */)"),
		},
		{ // identifiers stay; punctuation and spacing too
			src:     unit("", "en", "code getStaticPaths()", "code RouteData", "code server:defer", "code privileged: true"),
			tr:      unit("", "es", "code obtenerRutas()", "code DatosRuta", "code 'server：defer'", "code privileged:true"),
			missing: []string{"code getStaticPaths()", "code RouteData", "code server:defer", "code privileged: true"},
			extra:   []string{"code obtenerRutas()", "code DatosRuta", "code 'server：defer'", "code privileged:true"},
		},
		{ // a phrase said otherwise, a word dropped; an identifier or number dropped
			src:     unit("", "en", "code process payment", "code Nth", "code 55679", "code spec.image"),
			tr:      unit("", "es", "code procesar pago"),
			missing: []string{"code 55679", "code spec.image"}, extra: []string{"code procesar pago"},
		},
		{ // a command on its own line is the example itself
			src:     unit("`sudo ufw status`", "en", "code sudo ufw status"),
			tr:      unit("`sudo ufw disable`", "es", "code sudo ufw disable"),
			missing: []string{"code sudo ufw status"}, extra: []string{"code sudo ufw disable"},
		},
		{ // a term the translation adds, where it lacks no code
			src: unit("the logger factory", "en", "code LoggerProvider"),
			tr:  unit("", "ja", "code LoggerProvider", "code ロガー"),
		},
		{ // formatting given or taken; a term said in words
			src:     unit("Use the POST method with apt and the astro.config.mjs file (see `regex`).", "en", "code apt", "code astro.config.mjs", "code regex"),
			tr:      unit("Usa el método `POST` con APT y el archivo (ver expresión regular).", "es", "code POST"),
			missing: []string{"code astro.config.mjs"},
		},
		{ // active HTML: the same iframe at the same address, a handler added, a script URL
			src:     unit("", "en", `html iframe src="https://www.youtube.com/embed/x"`, `html a href="https://a.test"`),
			tr:      unit("", "es", `html iframe src="https://youtube.com/embed/x"`, `html a href="javascript:alert(1)"`, `html img onerror="alert(1)"`),
			missing: []string{`html a href="https://a.test"`}, extra: []string{`html a href="javascript:alert(1)"`, `html img onerror="alert(1)"`},
		},
	}
	// An example renamed throughout: the code blocks say so.
	src, tr := unit("", "en", "code <Counter />", "code getStaticPaths()"), unit("", "pt-BR", "code <Contador />", "code getStaticPath()")
	src.Examples = func() string { return "<Counter />\nexport function getStaticPaths() {}" }
	tr.Examples = func() string { return "<Contador />\nexport function getStaticPaths() {}" }
	tests = append(tests, struct {
		src, tr        Unit
		missing, extra []string
	}{src, tr, []string{"code getStaticPaths()"}, []string{"code getStaticPath()"}})
	for i, tt := range tests {
		missing, extra := m.Diff(tt.src, tt.tr)
		if d := cmp.Diff(tt.missing, missing, cmpopts.EquateEmpty()); d != "" {
			t.Errorf("%d: missing (-want +got):\n%s", i, d)
		}
		if d := cmp.Diff(tt.extra, extra, cmpopts.EquateEmpty()); d != "" {
			t.Errorf("%d: extra (-want +got):\n%s", i, d)
		}
	}
}

func TestLocaleBase(t *testing.T) {
	for s, want := range map[string]string{"it": "it", "IT": "it", "it-it": "it", "pt_BR": "pt", "zh-Hant": "zh", "en-US": "en"} {
		if got, ok := LocaleBase(s); !ok || got != want {
			t.Errorf("LocaleBase(%q) = %q, %v; want %q", s, got, ok, want)
		}
	}
	for _, s := range []string{"item", "iw", "docs", "", "x"} {
		if got, ok := LocaleBase(s); ok {
			t.Errorf("LocaleBase(%q) = %q, true", s, got)
		}
	}
}

func TestShape(t *testing.T) {
	for code, want := range map[string]string{
		"https://username.gitlab.io/my-repo":  "a://a.a.a/a",
		"package-name/styles":                 "a/a",
		"{ search: 'user input' }":            "{ a: 's' }",
		"{student && <p>I am in school.</p>}": "{a && <a>s</a>}",
		"l'école  d’été":                      "a a",
		"gitk --since=\"1 week ago\"":         "a --a=\"s\"",
		"22.14.*":                             "22.14.*",
	} {
		if got, _ := shape(code); got != want {
			t.Errorf("shape(%q) = %q, want %q", code, got, want)
		}
	}
}

func TestUnmatched(t *testing.T) {
	m := New(Options{Languages: []string{"en", "es"}})
	en, es := Page{Lang: "en", Path: "/x/"}, Page{Lang: "es", Path: "/x/"}
	tests := []struct {
		name           string
		src, tr        []string
		missing, extra []int
	}{
		{"none", nil, nil, nil, nil},
		{"same", []string{"html script", `html iframe src="https://a.test/v"`}, []string{`html iframe src="https://a.test/v"`, "html script"}, nil, nil},
		{"same address written another way", []string{`html iframe src="https://www.a.test/v"`}, []string{`html iframe src="http://a.test/v/"`}, nil, nil},
		{"one script more", []string{"html script"}, []string{"html script", "html script"}, nil, []int{1}},
		{"one script less", []string{"html script", "html script"}, []string{"html script"}, []int{1}, nil},
		{"added", nil, []string{`html iframe src="javascript:alert(1)"`}, nil, []int{0}},
		{"changed to a script URL", []string{`html iframe src="https://a.test/v"`}, []string{`html iframe src="javascript:alert(1)"`}, []int{0}, []int{0}},
		{"a handler added", []string{"html style"}, []string{"html style", `html img onerror="alert(1)"`}, nil, []int{1}},
		{"written alike first", []string{`html iframe src="https://a.test/v/"`, `html iframe src="https://a.test/v"`}, []string{`html iframe src="https://a.test/v"`, `html iframe src="https://www.a.test/v"`}, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			missing, extra := m.Unmatched(tt.src, en, tt.tr, es)
			if diff := cmp.Diff(tt.missing, missing); diff != "" {
				t.Errorf("missing (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.extra, extra); diff != "" {
				t.Errorf("extra (-want +got):\n%s", diff)
			}
		})
	}
}

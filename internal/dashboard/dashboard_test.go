package dashboard

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rogpeppe/go-internal/txtar"
	"go.yaml.in/yaml/v3"
	"golang.org/x/net/html"
	"golang.org/x/text/language"

	"github.com/glosa/glosa/internal/blockdiff"
	"github.com/glosa/glosa/internal/catalog"
	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/lint"
	"github.com/glosa/glosa/internal/status"
	"github.com/glosa/glosa/internal/testtree"
	"github.com/glosa/glosa/locales"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// project writes testdata/project.txtar into a temporary folder and
// returns what glosa report would give Build for it.
func project(t *testing.T) Input {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("testdata", "project.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	files := map[string]string{}
	for _, f := range ar.Files {
		files[f.Name] = string(f.Data)
	}
	cfg, err := config.Parse("glosa.yaml", []byte(files["glosa.yaml"]))
	if err != nil {
		t.Fatal(err)
	}
	hash := regexp.MustCompile(`HASH\(([^)]+)\)`)
	for name, data := range files {
		data = hash.ReplaceAllStringFunc(data, func(m string) string {
			d, err := content.Parse([]byte(files[hash.FindStringSubmatch(m)[1]]))
			if err != nil {
				t.Fatal(err)
			}
			return content.Hash(d, cfg.Content[0].Fields)
		})
		testtree.WriteFile(t, root, name, []byte(data))
	}
	repo, err := content.Scan(root, cfg)
	if err != nil {
		t.Fatal(err)
	}
	cats, err := catalog.Scan(root, cfg, cfg.Languages)
	if err != nil {
		t.Fatal(err)
	}
	rep := status.ComputeAll(repo, cats)
	rep.SetTermCoverage(map[string]int{"en": 4, "es": 3}, 4)
	linter, err := lint.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	meta := map[string]Meta{}
	for _, e := range repo.Entries {
		meta[e.Path] = content.MetaOf(e.Doc)
	}
	return Input{
		Report: rep, Findings: linter.Run(rep), Meta: meta, RootLink: "..", Version: "v1.2.3", Commit: "abc1234",
		Changes: map[string]Change{"content/es/beta.md": {From: "0123456789abcdef", To: "fedcba9876543210",
			Fields: []blockdiff.Field{{Path: "title", Change: blockdiff.Changed}},
			Blocks: []blockdiff.Block{{Change: blockdiff.Changed, Kind: "paragraph", Line: 5, Text: "The second letter, used for versions that are almost ready."}}}},
	}
}

// TestBuild pins the model of the test project: states, counts, links,
// findings grouped by rule and file, pages, badges. Run with -update to
// rewrite testdata/model.json, then review the diff.
func TestBuild(t *testing.T) {
	m := Build(project(t))
	m.FillWork() // the golden model has every page's work
	got, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	golden := filepath.Join("testdata", "model.json")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("model mismatch (-want +got):\n%s", diff)
	}
}

// TestMatrixStates checks the cells of the matrix one by one, so that a
// wrong golden file cannot hide a wrong state.
func TestMatrixStates(t *testing.T) {
	m := Build(project(t))
	got := map[string]string{}
	for _, r := range m.Matrix.Rows {
		for _, c := range r.Cells {
			got[r.Slug+"/"+c.Lang] = c.State.Code
		}
	}
	want := map[string]string{
		"alpha/es": "current", "alpha/it": "missing",
		"beta/es": "stale", "beta/it": "untranslated",
		"gamma/es": "missing", "gamma/it": "unverified",
		"delta/es": "orphan", "delta/it": "",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("matrix mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{`"><img src=x onerror=alert(2)>`, "Letters"}, m.Matrix.Categories); diff != "" {
		t.Errorf("categories mismatch (-want +got):\n%s", diff)
	}
}

// render renders the test project's dashboard and returns its files by
// name.
func render(t *testing.T, in Input) map[string][]byte {
	t.Helper()
	files, err := Render(Build(in), in.L)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range files {
		out[f.Name] = f.Data
	}
	return out
}

// TestUserTextIsText checks the security requirement: titles, categories
// and finding messages from user files appear as text in every page,
// never as markup. The pages are parsed as a browser would; the only
// script is glosa's own, and no element has an event handler attribute.
func TestUserTextIsText(t *testing.T) {
	files := render(t, project(t))
	for _, name := range []string{"index.html", "es.html", "it.html"} {
		doc, err := html.Parse(bytes.NewReader(files[name]))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var scripts, imgs int
		var texts []string
		var walk func(n *html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode {
				switch n.Data {
				case "script":
					scripts++
					if !strings.Contains(n.FirstChild.Data, "glosa report: sorting and filtering") {
						t.Errorf("%s: a script that is not glosa's: %q", name, n.FirstChild.Data)
					}
				case "img":
					imgs++
					for _, a := range n.Attr {
						if a.Key == "src" && !strings.HasPrefix(a.Val, "badges/") {
							t.Errorf("%s: an img that is not a badge: %q", name, a.Val)
						}
					}
				}
				for _, a := range n.Attr {
					if strings.HasPrefix(a.Key, "on") {
						t.Errorf("%s: <%s> has an event handler %s=%q", name, n.Data, a.Key, a.Val)
					}
				}
			}
			if n.Type == html.TextNode {
				texts = append(texts, n.Data)
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
		wantScripts := 0
		if name == "index.html" {
			wantScripts = 1
		}
		if scripts != wantScripts {
			t.Errorf("%s: %d script elements, want %d", name, scripts, wantScripts)
		}
		all := strings.Join(texts, "\n")
		wantText := map[string][]string{
			"index.html": {"Alpha <script>alert(1)</script>", `"><img src=x onerror=alert(2)>`},
			"es.html":    {"Delta <b>huérfano</b> <script>alert(3)</script>", `"><img src=x onerror=alert(2)>`},
			"it.html":    {"Alpha <script>alert(1)</script>"},
		}[name]
		for _, s := range wantText {
			if !strings.Contains(all, s) {
				t.Errorf("%s: the text %q is not in the page's text", name, s)
			}
		}
	}
	if !bytes.Contains(files["index.html"], []byte("Alpha &lt;script&gt;alert(1)&lt;/script&gt;")) {
		t.Error("index.html: the title is not escaped as expected")
	}
}

// TestTitleLang checks that text in another language than the page's is
// marked with its language: the source's titles in the matrix, each
// translation's on its language's page.
func TestTitleLang(t *testing.T) {
	files := render(t, project(t))
	for name, want := range map[string][]string{
		"index.html": {`<span lang="en" dir="auto">Alpha &lt;script&gt;`, `<span lang="es" dir="auto">Delta &lt;b&gt;huérfano&lt;/b&gt; &lt;script&gt;alert(3)&lt;/script&gt;</span>`},
		"es.html":    {`<span lang="es" dir="auto">Beta</span>`, `<q lang="en" dir="auto">The second letter, used for versions that are almost ready.</q>`},
		"it.html":    {`<span lang="it" dir="auto">Beta</span>`, `<span lang="en" dir="auto">Alpha &lt;script&gt;`},
	} {
		for _, s := range want {
			if !bytes.Contains(files[name], []byte(s)) {
				t.Errorf("%s lacks %s", name, s)
			}
		}
	}
}

// TestLocalized checks that the dashboard speaks the reader's language.
func TestLocalized(t *testing.T) {
	in := project(t)
	in.L = l10n.New(language.Spanish)
	files := render(t, in)
	for _, s := range []string{`<html lang="es">`, "<title>Informe de traducción</title>", "desactualizada", "Qué falta por hacer"} {
		if !bytes.Contains(files["index.html"], []byte(s)) && !bytes.Contains(files["es.html"], []byte(s)) {
			t.Errorf("the Spanish dashboard lacks %q", s)
		}
	}
}

// TestLinks checks the links to files: relative to the output folder, or
// to the hosting site with a repoURL, each path segment escaped.
func TestLinks(t *testing.T) {
	b := &builder{in: Input{RootLink: "../.."}}
	if got, want := b.link("content/es/a b#1.md").URL, "../../content/es/a%20b%231.md"; got != want {
		t.Errorf("relative link = %q, want %q", got, want)
	}
	b = &builder{in: Input{RepoURL: "https://github.com/o/r/blob/main/{path}", RootLink: ".."}}
	if got, want := b.link("content/es/a b.md").URL, "https://github.com/o/r/blob/main/content/es/a%20b.md"; got != want {
		t.Errorf("repoURL link = %q, want %q", got, want)
	}
}

// TestPageFile keeps a language's page from taking index.html's name.
func TestPageFile(t *testing.T) {
	for code, want := range map[string]string{"es": "es.html", "pt-BR": "pt-BR.html", "index": "lang-index.html"} {
		if got := PageFile(code); got != want {
			t.Errorf("PageFile(%q) = %q, want %q", code, got, want)
		}
	}
}

// TestTemplateMessages checks that every message the templates ask for is
// in glosa's English catalog (the other catalogs are checked by glosa's
// own check in CI).
func TestTemplateMessages(t *testing.T) {
	data, err := locales.FS.ReadFile("active.en.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var en map[string]any
	if err := yaml.Unmarshal(data, &en); err != nil {
		t.Fatal(err)
	}
	ids := regexp.MustCompile(`\b[TN] "([A-Za-z0-9.-]+)"`)
	entries, err := templates.ReadDir("templates")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		data, err := templates.ReadFile("templates/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ids.FindAllSubmatch(data, -1) {
			n++
			if _, ok := en[string(m[1])]; !ok {
				t.Errorf("%s asks for %s, which active.en.yaml lacks", e.Name(), m[1])
			}
		}
	}
	for _, s := range status.States {
		if _, ok := en["report.stateHelp."+string(s)]; !ok {
			t.Errorf("active.en.yaml lacks report.stateHelp.%s", s)
		}
	}
	if n < 20 {
		t.Fatalf("found only %d messages in the templates; is the pattern broken?", n)
	}
}

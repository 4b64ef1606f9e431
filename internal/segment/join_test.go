package segment

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/glosa/glosa/internal/content"
)

// texts returns every unit's text made by f from the source's.
func texts(units []Unit, f func(Unit) string) map[string]string {
	out := map[string]string{}
	for _, u := range units {
		out[u.ID] = f(u)
	}
	return out
}

func unitTexts(units []Unit) []string {
	var out []string
	for _, u := range units {
		out = append(out, u.Kind+": "+u.Text)
	}
	return out
}

func TestJoinIdentity(t *testing.T) {
	for _, file := range []string{
		rich,
		strings.ReplaceAll(rich, "\n", "\r\n"),
		"\xef\xbb\xbf" + rich,
		lines("No front matter.", "", "- a", "- b"),
		lines("---", "---", "---", "", "A body after an empty front matter, starting with a rule."),
	} {
		src := mustParse(t, file)
		units := Split(src, schema(t), "llm")
		data, complete, err := Join(src, nil, schema(t), "llm", texts(units, func(u Unit) string { return u.Text }))
		if err != nil {
			t.Fatal(err)
		}
		if !complete {
			t.Error("complete = false, want true")
		}
		got := mustParse(t, string(data))
		if diff := cmp.Diff(shape(src.Body, src.Dialect), shape(got.Body, src.Dialect)); diff != "" {
			t.Errorf("block structure (-source +joined):\n%s", diff)
		}
		if !bytes.Equal(got.Body, src.Body) {
			t.Errorf("body changed:\n%s", got.Body)
		}
		if string(data) != file {
			t.Errorf("file changed:\n%s", data)
		}
	}
}

func TestJoinMarked(t *testing.T) {
	src := mustParse(t, rich)
	units := Split(src, schema(t), "llm")
	mark := func(u Unit) string { return "«es» " + u.Text }
	data, complete, err := Join(src, nil, schema(t), "llm", texts(units, mark))
	if err != nil {
		t.Fatal(err)
	}
	if !complete {
		t.Error("complete = false, want true")
	}
	want := lines(
		"---",
		`title: "«es» LLM: I Grandi Modelli"`,
		"description: >-",
		"  «es» Reti neurali addestrate su molto testo.",
		"category: Advanced Topics",
		"sources:",
		"  - text: «es» Articolo # commento",
		"    url: 'https://arxiv.org/abs/1706.03762'",
		"  - text: «es» Spiegazione di NVIDIA",
		"    url: https://www.nvidia.com/it-it/",
		"meta:",
		"  note: «es» Una nota",
		"  owner: team",
		"related: [gguf, clip]",
		"---",
		"# «es» Titolo *grande*",
		"",
		"«es» Un **LLM** è una [rete](https://example.com/rete) addestrata",
		"su testo. [2, 3]",
		"",
		"- «es» primo *punto*",
		"  continua",
		"  - «es» annidato con `codice`",
		"",
		"    «es» secondo paragrafo",
		"- «es» ultimo",
		"",
		"> «es» citazione con [1]",
		"> > «es» profonda",
		"",
		`| «es» Nome | «es» Valore \| pipe |`,
		"|------|-------|",
		"| «es» uno  | «es» `a \\| b` |",
		"",
		"```go",
		`fmt.Println("ciao")`,
		"```",
		"",
		"    codice indentato",
		"",
		"<div>",
		"html",
		"</div>",
		"",
		"[ref]: https://example.com/ref",
		"",
		"«es» Sottotitolo",
		"===========",
		"",
		"«es» Un [riferimento][ref].",
	)
	if diff := cmp.Diff(want, string(data)); diff != "" {
		t.Errorf("Join (-want +got):\n%s", diff)
	}
	got := mustParse(t, string(data))
	if diff := cmp.Diff(shape(src.Body, src.Dialect), shape(got.Body, src.Dialect)); diff != "" {
		t.Errorf("block structure (-source +joined):\n%s", diff)
	}
	var wantTexts []string
	for _, u := range units {
		wantTexts = append(wantTexts, u.Kind+": "+mark(u))
	}
	if diff := cmp.Diff(wantTexts, unitTexts(Split(got, schema(t), "llm"))); diff != "" {
		t.Errorf("units of the result (-want +got):\n%s", diff)
	}
}

// TestJoinContainers gives blocks translations of more lines than the
// source's, and texts that would start other blocks if written as given.
func TestJoinContainers(t *testing.T) {
	src := mustParse(t, lines(
		"# Heading",
		"",
		"Para one.",
		"",
		"1. item",
		"   > quoted in item",
		"",
		"> - in a quote",
		">   more",
		"",
		"| cell |",
		"|------|",
		"| x |",
		"",
		"Last.",
	))
	tr := map[string]string{
		"Heading":          "Two\nlines #",
		"Para one.":        "1986. A year\n\nwith a blank line\n- and a dash",
		"item":             "first\nsecond",
		"quoted in item":   "# not a heading\nthird",
		"in a quote\nmore": "a\nb\nc",
		"cell":             "a | b\nc",
		"x":                "`p|q`",
		"Last.":            "<div> not html\n===",
	}
	units := Split(src, nil, "x")
	byID := map[string]string{}
	for _, u := range units {
		text, ok := tr[u.Text]
		if !ok {
			t.Fatalf("no translation for %q", u.Text)
		}
		byID[u.ID] = text
	}
	data, complete, err := Join(src, nil, nil, "x", byID)
	if err != nil {
		t.Fatal(err)
	}
	if !complete {
		t.Error("complete = false")
	}
	want := lines(
		`# Two lines \#`,
		"",
		`1986\. A year with a blank line - and a dash`,
		"",
		"1. first",
		"   second",
		`   > \# not a heading third`,
		"",
		"> - a",
		">   b",
		">   c",
		"",
		`| a \| b c |`,
		"|------|",
		"| `p\\|q` |",
		"",
		`\<div> not html ===`,
	)
	if diff := cmp.Diff(want, string(data)); diff != "" {
		t.Errorf("Join (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(shape(src.Body, src.Dialect), shape(mustParse(t, string(data)).Body, src.Dialect)); diff != "" {
		t.Errorf("block structure (-source +joined):\n%s", diff)
	}
}

func TestJoinPartial(t *testing.T) {
	src := mustParse(t, rich)
	units := Split(src, schema(t), "llm")
	tr := map[string]string{"llm#title": "Título", units[6].ID: "Un párrafo.", units[7].ID: ""}
	data, complete, err := Join(src, nil, schema(t), "llm", tr)
	if err != nil {
		t.Fatal(err)
	}
	if complete {
		t.Error("complete = true, want false")
	}
	got := mustParse(t, string(data))
	if !draft(got) {
		t.Errorf("not a draft:\n%s", data)
	}
	want := unitTexts(units)
	want[4] = "field: Título"
	want[6] = "paragraph: Un párrafo."
	if diff := cmp.Diff(want, unitTexts(Split(got, schema(t), "llm"))); diff != "" {
		t.Errorf("units of the result (-want +got):\n%s", diff)
	}
	// Completing it removes the draft key.
	all := texts(units, func(u Unit) string { return u.Text })
	all["llm#title"] = "Título"
	data, complete, err = Join(src, got, schema(t), "llm", all)
	if err != nil {
		t.Fatal(err)
	}
	if !complete || strings.Contains(string(data), "draft") {
		t.Errorf("complete = %v, want true and no draft key:\n%s", complete, data)
	}
}

// TestJoinBase keeps the existing translation's front matter: every byte
// but the text fields set, and the source's fields it lacks added.
func TestJoinBase(t *testing.T) {
	src := mustParse(t, rich)
	base := lines(
		"---",
		"# La traducción.",
		"category: Advanced Topics   # igual",
		"title: Viejo título # comentario",
		"description: |",
		"  Vieja",
		"  descripción.",
		"",
		"# sobre las fuentes",
		"sources:",
		"  - text: 'Artículo'",
		"    url: https://arxiv.org/abs/1706.03762 # la misma",
		"translation:",
		"  hash: sha256-0123456789abcdef",
		"draft: false",
		"---",
		"Cuerpo viejo.",
	)
	units := Split(src, schema(t), "llm")
	tr := texts(units, func(u Unit) string { return "«es» " + u.Text })
	tr["llm#title"] = "Nuevo: título"
	tr["llm#description"] = "Nueva\ndescripción.\n"
	tr["llm#sources[0].text"] = "It's"
	delete(tr, "llm#meta.note")
	data, complete, err := Join(src, mustParse(t, base), schema(t), "llm", tr)
	if err != nil {
		t.Fatal(err)
	}
	if complete {
		t.Error("complete = true, want false")
	}
	want := lines(
		"---",
		"# La traducción.",
		"category: Advanced Topics   # igual",
		`title: "Nuevo: título" # comentario`,
		"description: |",
		"  Nueva",
		"  descripción.",
		"",
		"# sobre las fuentes",
		"sources:",
		"  - text: It's",
		"    url: https://arxiv.org/abs/1706.03762 # la misma",
		"  - text: «es» Spiegazione di NVIDIA",
		"    url: https://www.nvidia.com/it-it/",
		"translation:",
		"  hash: sha256-0123456789abcdef",
		"draft: true",
		"meta:",
		"  note: Una nota",
		"  owner: team",
		"---",
	)
	if !strings.HasPrefix(string(data), want) {
		t.Errorf("front matter (-want +got):\n%s", cmp.Diff(want, string(data[:min(len(data), len(want))])))
	}
	if got := mustParse(t, string(data)); !bytes.Equal(got.Body, []byte(strings.TrimPrefix(string(data), want))) ||
		!strings.HasPrefix(string(got.Body), "# «es» Titolo") {
		t.Errorf("body is not the source's translated:\n%s", got.Body)
	}
}

// TestJoinScalars sets fields written in every style to values that need
// every encoding, and checks the bytes around them stay.
func TestJoinScalars(t *testing.T) {
	tests := []struct {
		name, front, value, want string
	}{
		{"plain to plain", "title: Vecchio  # c", "Nuevo", "title: Nuevo  # c"},
		{"plain to quoted", "title: Vecchio", "sí: no", `title: "sí: no"`},
		{"a bool", "title: Vecchio", "true", `title: "true"`},
		{"a number", "title: 'x'", "12", `title: "12"`},
		{"a comment sign", "title: x", "#1 y", `title: "#1 y"`},
		{"quotes", "title: \"a \\\" b\" # c", `say "hi" \ bye`, `title: say "hi" \ bye # c`},
		{"single quoted", "title: 'it''s'   # c", "ok", "title: ok   # c"},
		{"lines", "title: x", "a\nb", `title: "a\nb"`},
		{"spaces", "title: x", " a ", `title: " a "`},
		{"a tab", "title: x", "a\tb", `title: "a\tb"`},
		{"in a flow list", "sources: [{text: a, url: u}]", "b, c", `sources: [{text: "b, c", url: u}]`},
		{"folded", "title: >\n  old\n  text", "new text", "title: >-\n  new text"},
		{"literal", "title: |\n  old\n  text", "a\nb\n", "title: |\n  a\n  b"},
		{"multi-line plain", "title: old\n  text", "new", "title: new"},
		{"multi-line quoted", "title: 'old\n  text'", "new", "title: new"},
		{"an alias", "meta:\n  note: &m x\nsources:\n  - text: *m", "new", "meta:\n  note: &m new\nsources:\n  - text: new"},
		{"needs a quote", "title: x", "it's: \"so\"", `title: "it's: \"so\""`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := "---\n" + tt.front + "\n---\nBody.\n"
			src := mustParse(t, file)
			units := Split(src, schema(t), "x")
			tr := texts(units, func(u Unit) string { return u.Text })
			for _, u := range units {
				if u.Kind == KindField {
					tr[u.ID] = tt.value
				}
			}
			data, _, err := Join(src, src, schema(t), "x", tr)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff("---\n"+tt.want+"\n---\nBody.\n", string(data)); diff != "" {
				t.Errorf("Join (-want +got):\n%s", diff)
			}
		})
	}
}

func TestJoinErrors(t *testing.T) {
	src := mustParse(t, lines("---", "sources:", "  - text: a", "---", "Body."))
	base := mustParse(t, lines("---", "sources: not a list", "---", "Cuerpo."))
	units := Split(src, schema(t), "x")
	_, _, err := Join(src, base, schema(t), "x", texts(units, func(u Unit) string { return u.Text }))
	if !errors.Is(err, errShape) {
		t.Errorf("err = %v, want errShape", err)
	}
	flow := mustParse(t, lines("---", "{sources: [{text: a}]}", "---", "Body."))
	_, _, err = Join(src, flow, schema(t), "x", map[string]string{})
	if !errors.Is(err, content.ErrUneditable) {
		t.Errorf("err = %v, want ErrUneditable", err)
	}
	// TOML and JSON front matter, as a source or a base.
	toml := mustParse(t, lines("+++", `title = "T"`, "+++", "Body."))
	json := mustParse(t, lines(`{"title": "T"}`, "Body."))
	for _, c := range [][2]*content.Document{{toml, nil}, {json, nil}, {src, toml}, {src, json}} {
		if _, _, err := Join(c[0], c[1], schema(t), "x", map[string]string{}); !errors.Is(err, content.ErrUneditable) {
			t.Errorf("Join of %s over %v: err = %v, want ErrUneditable", c[0].Syntax(), c[1] != nil, err)
		}
	}
}

// TestJoinLineEndings writes a CRLF translation with a BOM from an LF
// source: the result keeps the translation's line endings throughout.
func TestJoinLineEndings(t *testing.T) {
	src := mustParse(t, lines("---", "title: Titolo", "sources:", "  - text: Uno", "---", "- voce", "", "Testo."))
	base := mustParse(t, "\xef\xbb\xbf---\r\ntitle: Vecchio\r\n---\r\nVecchio.\r\n")
	units := Split(src, schema(t), "x")
	tr := texts(units, func(u Unit) string { return "«es» " + u.Text })
	tr[units[2].ID] = "una\nvoce"
	data, complete, err := Join(src, base, schema(t), "x", tr)
	if err != nil {
		t.Fatal(err)
	}
	want := "\xef\xbb\xbf---\r\ntitle: «es» Titolo\r\nsources:\r\n  - text: «es» Uno\r\n---\r\n- una\r\n  voce\r\n\r\n«es» Testo.\r\n"
	if diff := cmp.Diff(want, string(data)); diff != "" || !complete {
		t.Errorf("complete = %v; Join (-want +got):\n%s", complete, diff)
	}
}

package segment

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/content"
)

// schema is the front-matter schema the tests share.
func schema(t testing.TB) *config.Field {
	t.Helper()
	cfg, err := config.Parse("glosa.yaml", []byte(`source: it
languages: [it, es]
content:
  - path: content/{lang}/{slug}.md
    fields:
      title: text
      description: text
      category: key
      related: slugs
      sources: [{text: text, url: url}]
      meta: {note: text, owner: key}
`))
	if err != nil {
		t.Fatal(err)
	}
	return cfg.Content[0].Fields
}

func mustParse(t testing.TB, s string) *content.Document {
	t.Helper()
	d, err := content.Parse([]byte(s))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return d
}

func lines(ls ...string) string { return strings.Join(ls, "\n") + "\n" }

// rich is an entry with every kind of block glosa meets.
var rich = lines(
	"---",                                         // 1
	"title: 'LLM: I Grandi Modelli'",              // 2
	"description: >-",                             // 3
	"  Reti neurali addestrate",                   // 4
	"  su molto testo.",                           // 5
	"category: Advanced Topics",                   // 6
	"sources:",                                    // 7
	"  - text: Articolo # commento",               // 8
	"    url: 'https://arxiv.org/abs/1706.03762'", // 9
	"  - text: \"Spiegazione di NVIDIA\"",         // 10
	"    url: https://www.nvidia.com/it-it/",      // 11
	"meta:",                                       // 12
	"  note: Una nota",                            // 13
	"  owner: team",                               // 14
	"related: [gguf, clip]",                       // 15
	"---",                                         // 16
	"# Titolo *grande*",                           // 17
	"",                                            // 18
	"Un **LLM** è una [rete](https://example.com/rete) addestrata", // 19
	"su testo. [2, 3]",               // 20
	"",                               // 21
	"- primo *punto*",                // 22
	"  continua",                     // 23
	"  - annidato con `codice`",      // 24
	"",                               // 25
	"    secondo paragrafo",          // 26
	"- ultimo",                       // 27
	"",                               // 28
	"> citazione con [1]",            // 29
	"> > profonda",                   // 30
	"",                               // 31
	"| Nome | Valore \\| pipe |",     // 32
	"|------|-------|",               // 33
	"| uno  | `a \\| b` |",           // 34
	"",                               // 35
	"```go",                          // 36
	"fmt.Println(\"ciao\")",          // 37
	"```",                            // 38
	"",                               // 39
	"    codice indentato",           // 40
	"",                               // 41
	"<div>",                          // 42
	"html",                           // 43
	"</div>",                         // 44
	"",                               // 45
	"[ref]: https://example.com/ref", // 46
	"",                               // 47
	"Sottotitolo",                    // 48
	"===========",                    // 49
	"",                               // 50
	"Un [riferimento][ref].",         // 51
)

func TestSplit(t *testing.T) {
	got := Split(mustParse(t, rich), schema(t), "llm")
	want := []Unit{
		{ID: "llm#description", Kind: "field", Text: "Reti neurali addestrate su molto testo.", Line: 3},
		{ID: "llm#meta.note", Kind: "field", Text: "Una nota", Line: 13},
		{ID: "llm#sources[0].text", Kind: "field", Text: "Articolo", Line: 8},
		{ID: "llm#sources[1].text", Kind: "field", Text: "Spiegazione di NVIDIA", Line: 10},
		{ID: "llm#title", Kind: "field", Text: "LLM: I Grandi Modelli", Line: 2},
		{Kind: "heading", Text: "Titolo *grande*", Line: 17},
		{Kind: "paragraph", Text: "Un **LLM** è una [rete](https://example.com/rete) addestrata\nsu testo. [2, 3]", Line: 19},
		{Kind: "paragraph", Text: "primo *punto*\ncontinua", Line: 22},
		{Kind: "paragraph", Text: "annidato con `codice`", Line: 24},
		{Kind: "paragraph", Text: "secondo paragrafo", Line: 26},
		{Kind: "paragraph", Text: "ultimo", Line: 27},
		{Kind: "paragraph", Text: "citazione con [1]", Line: 29},
		{Kind: "paragraph", Text: "profonda", Line: 30},
		{Kind: "cell", Text: "Nome", Line: 32},
		{Kind: "cell", Text: "Valore | pipe", Line: 32},
		{Kind: "cell", Text: "uno", Line: 34},
		{Kind: "cell", Text: "`a | b`", Line: 34},
		{Kind: "heading", Text: "Sottotitolo", Line: 48},
		{Kind: "paragraph", Text: "Un [riferimento][ref].", Line: 51},
	}
	for i := range want {
		if want[i].Kind != "field" && i < len(got) {
			if !strings.HasPrefix(got[i].ID, "llm#p-") || len(got[i].ID) != len("llm#p-")+8 {
				t.Errorf("unit %d: ID %q is not llm#p-<8 hex>", i, got[i].ID)
			}
			want[i].ID = got[i].ID
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Split (-want +got):\n%s", diff)
	}
}

func TestIDs(t *testing.T) {
	byText := func(body string) map[string]string {
		out := map[string]string{}
		for _, u := range Split(mustParse(t, body), nil, "x") {
			out[content.Normalize(u.Text)] = u.ID
		}
		return out
	}
	base := byText(lines("First paragraph of", "the entry.", "", "Second one.", "", "Third one."))
	tests := []struct {
		name, body string
	}{
		{"rewrapped", lines("First", "paragraph of the", "entry.", "", "Second one.", "", "Third one.")},
		{"moved", lines("Third one.", "", "Second one.", "", "First paragraph of the entry.")},
		{"into a list", lines("- First paragraph of the entry.", "", "> Second one.", "", "Third   one.")},
		{"another added", lines("New one.", "", "First paragraph of the entry.", "", "Second one.", "", "Third one.")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := byText(tt.body)
			delete(got, "New one.")
			if diff := cmp.Diff(base, got); diff != "" {
				t.Errorf("IDs changed (-before +after):\n%s", diff)
			}
		})
	}
	// The same text twice: the later one gets a suffix.
	units := Split(mustParse(t, lines("Same.", "", "Other.", "", "Same.", "", "Same.")), nil, "x")
	got := []string{units[0].ID, units[2].ID, units[3].ID}
	want := []string{units[0].ID, units[0].ID + "-2", units[0].ID + "-3"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("repeated IDs (-want +got):\n%s", diff)
	}
}

func TestAlign(t *testing.T) {
	src := mustParse(t, lines("---", "title: Titolo", "sources:", "  - text: Uno", "  - text: Due", "---",
		"# Intestazione", "", "Primo paragrafo.", "", "- voce", "", "```", "code", "```", "", "| a |", "|---|", "| b |"))
	units := Split(src, schema(t), "llm")
	id := func(text string) string {
		for _, u := range units {
			if u.Text == text {
				return u.ID
			}
		}
		t.Fatalf("no unit %q", text)
		return ""
	}
	tests := []struct {
		name string
		tr   string
		want map[string]string
	}{
		{
			name: "matching",
			tr: lines("---", "title: Título", "sources:", "  - text: Uno es", "---",
				"# Encabezado", "", "Primer", "párrafo.", "", "* elemento", "", "~~~", "other code", "~~~", "", "| A |", "|---|", "| B |"),
			want: map[string]string{
				"llm#title": "Título", "llm#sources[0].text": "Uno es",
				id("Intestazione"): "Encabezado", id("Primo paragrafo."): "Primer\npárrafo.",
				id("voce"): "elemento", id("a"): "A", id("b"): "B",
			},
		},
		{
			name: "another block sequence",
			tr: lines("---", "title: Título", "---",
				"# Encabezado", "", "Primer párrafo.", "", "Otro párrafo.", "", "- elemento", "", "| A |", "|---|", "| B |"),
			want: map[string]string{"llm#title": "Título"},
		},
		{
			name: "a heading for a paragraph",
			tr:   lines("# Encabezado", "", "## Primer párrafo.", "", "- elemento", "", "| A |", "|---|", "| B |"),
			want: map[string]string{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Align(src, mustParse(t, tt.tr), schema(t), "llm")
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Align (-want +got):\n%s", diff)
			}
		})
	}
}

func TestPairs(t *testing.T) {
	src := mustParse(t, lines("---", "title: Titolo", "---", "# Uno", "", "- due", "  tre"))
	tr := mustParse(t, lines("---", "# commento", "title: Título", "---", "", "", "# One", "", "* two", "  three"))
	var got []string
	for _, p := range Pairs(src, tr, schema(t), "x") {
		got = append(got, fmt.Sprintf("%s %d → %s %d %q", p.Source.ID, p.Source.Line, p.Translation.Kind, p.Translation.Line, p.Translation.Text))
	}
	units := Split(src, schema(t), "x")
	want := []string{
		"x#title 2 → field 3 \"Título\"",
		units[1].ID + " 4 → heading 7 \"One\"",
		units[2].ID + " 6 → paragraph 9 \"two\\nthree\"",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Pairs (-want +got):\n%s", diff)
	}
}

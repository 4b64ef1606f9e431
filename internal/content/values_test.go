package content

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/glosa/glosa/internal/config"
)

// sampleConfig is the schema of the sample glossary.
const sampleConfig = `source: it
languages: [it, es, en]
content:
  - path: content/{lang}/{slug}.md
    fields:
      title: text
      description: text
      category: key
      related: slugs
      sources: [{text: text, url: url}]
`

func sampleSchema(t testing.TB) *config.Field {
	t.Helper()
	cfg, err := config.Parse("glosa.yaml", []byte(sampleConfig))
	if err != nil {
		t.Fatal(err)
	}
	return cfg.Content[0].Fields
}

// leaf is a Value as a test compares it.
type leaf struct {
	Path      string
	Kind      config.Kind
	Value     string
	Line, Col int
}

func leaves(vs []Value) []leaf {
	var out []leaf
	for _, v := range vs {
		out = append(out, leaf{Path: v.Path, Kind: v.Kind, Value: v.Node.Value, Line: v.Node.Line, Col: v.Node.Column})
	}
	return out
}

func TestValues(t *testing.T) {
	schema := sampleSchema(t)
	tests := []struct {
		name string
		in   string
		want []leaf
	}{{
		name: "the seed",
		in:   readFile(t, "testdata/llm.es.md"),
		// Schema order: members by name, list items by index. The
		// related list is one slugs value; its items are its children.
		want: []leaf{
			{Path: "category", Kind: config.Key, Value: "Advanced Topics", Line: 3, Col: 11},
			{Path: "related", Kind: config.Slugs, Line: 14, Col: 3},
			{Path: "sources[0].text", Kind: config.Text, Value: "Artículo que introdujo la arquitectura Transformer: Attention Is All You Need", Line: 5, Col: 11},
			{Path: "sources[0].url", Kind: config.URL, Value: "https://arxiv.org/abs/1706.03762", Line: 8, Col: 10},
			{Path: "sources[1].text", Kind: config.Text, Value: "Explicación de los LLM por NVIDIA", Line: 9, Col: 11},
			{Path: "sources[1].url", Kind: config.URL, Value: "https://www.nvidia.com/it-it/glossary/large-language-models/", Line: 10, Col: 10},
			{Path: "sources[2].text", Kind: config.Text, Value: "¿Qué es un LLM? - IBM", Line: 11, Col: 11},
			{Path: "sources[2].url", Kind: config.URL, Value: "https://www.ibm.com/it-it/topics/large-language-models", Line: 12, Col: 10},
			{Path: "title", Kind: config.Text, Value: "LLM: Los Grandes Modelos de Lenguaje", Line: 2, Col: 8},
		},
	}, {
		name: "fields absent, unknown keys ignored",
		in:   lines("---", "title: T", "tags: [a, b]", "---"),
		want: []leaf{{Path: "title", Kind: config.Text, Value: "T", Line: 2, Col: 8}},
	}, {
		name: "shapes that do not fit the schema are skipped",
		in: lines("---",
			"title: [not, text]",
			"sources: just a string",
			"category: {a: b}",
			"---"),
	}, {
		name: "list items that do not fit are skipped, the others kept with their index",
		in: lines("---",
			"sources:",
			"  - a bare string",
			"  - text: second",
			"    extra: ignored",
			"---"),
		want: []leaf{{Path: "sources[1].text", Kind: config.Text, Value: "second", Line: 4, Col: 11}},
	}, {
		name: "a single slug",
		in:   lines("---", "related: gguf", "---"),
		want: []leaf{{Path: "related", Kind: config.Slugs, Value: "gguf", Line: 2, Col: 10}},
	}, {
		name: "an alias is followed",
		in:   lines("---", "description: &d Shared text", "title: *d", "---"),
		want: []leaf{
			{Path: "description", Kind: config.Text, Value: "Shared text", Line: 2, Col: 14},
			{Path: "title", Kind: config.Text, Value: "Shared text", Line: 2, Col: 14},
		},
	}, {
		name: "no front matter",
		in:   "Body only.\n",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, leaves(Values(d.Front, schema))); diff != "" {
				t.Errorf("Values mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestValuesNested(t *testing.T) {
	cfg, err := config.Parse("glosa.yaml", []byte(`content:
  - path: docs/{lang}/{slug}.md
    fields:
      sections:
        - heading: text
          links: [{label: text, href: url}]
      meta: {summary: text, owner: key}
`))
	if err != nil {
		t.Fatal(err)
	}
	d, err := Parse([]byte(lines("---",
		"meta:",
		"  owner: docs-team",
		"  summary: About",
		"sections:",
		"  - heading: First",
		"    links:",
		"      - {label: One, href: /es/one}",
		"  - heading: Second",
		"    links:",
		"      - label: Two",
		"        href: /es/two",
		"---")))
	if err != nil {
		t.Fatal(err)
	}
	want := []leaf{
		{Path: "meta.owner", Kind: config.Key, Value: "docs-team", Line: 3, Col: 10},
		{Path: "meta.summary", Kind: config.Text, Value: "About", Line: 4, Col: 12},
		{Path: "sections[0].heading", Kind: config.Text, Value: "First", Line: 6, Col: 14},
		{Path: "sections[0].links[0].href", Kind: config.URL, Value: "/es/one", Line: 8, Col: 28},
		{Path: "sections[0].links[0].label", Kind: config.Text, Value: "One", Line: 8, Col: 17},
		{Path: "sections[1].heading", Kind: config.Text, Value: "Second", Line: 9, Col: 14},
		{Path: "sections[1].links[0].href", Kind: config.URL, Value: "/es/two", Line: 12, Col: 15},
		{Path: "sections[1].links[0].label", Kind: config.Text, Value: "Two", Line: 11, Col: 16},
	}
	if diff := cmp.Diff(want, leaves(Values(d.Front, cfg.Content[0].Fields))); diff != "" {
		t.Errorf("Values mismatch (-want +got):\n%s", diff)
	}
}

func TestSlugNodes(t *testing.T) {
	schema := sampleSchema(t)
	for _, tt := range []struct {
		in   string
		want []string
	}{
		{in: lines("---", "related: [gguf, clip]", "---"), want: []string{"gguf", "clip"}},
		{in: lines("---", "related: gguf", "---"), want: []string{"gguf"}},
		{in: lines("---", "related: [gguf, [nested], clip]", "---"), want: []string{"gguf", "clip"}},
	} {
		d, err := Parse([]byte(tt.in))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, v := range Values(d.Front, schema) {
			if v.Kind == config.Slugs {
				for _, n := range SlugNodes(v) {
					got = append(got, n.Value)
				}
			}
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("SlugNodes(%q) mismatch (-want +got):\n%s", tt.in, diff)
		}
	}
}

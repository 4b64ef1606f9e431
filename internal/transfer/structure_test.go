package transfer

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/exchange"
	"github.com/glosa/glosa/internal/testtree"
)

const richEntry = `---
title: Diffusione
sources:
  - text: Articolo
    url: https://example.org/a
  - text: Libro
    url: https://example.org/b
---

# Modelli di *diffusione*

Un modello di diffusione impara a togliere il rumore [1, 2]; vedi
[la guida](https://example.org/guida) e ` + "`torch.randn`" + `.

## Passi

1. Si aggiunge rumore:
   - poco alla volta,
   - per **mille** passi.
2. Si impara a toglierlo [2].

> Una citazione,
> su due righe.

| Termine | Significato |
|---|---|
| *rumore* | valori casuali |
| passo | un'iterazione [1] |

` + "```python\nx = x - eps * model(x, t)\n```" + `

Fine.
`

// shapeOf lists a body's blocks, nested by depth, as goldmark reads them,
// with the text of code blocks, which must come back byte for byte.
func shapeOf(t *testing.T, body []byte) []string {
	t.Helper()
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	doc := md.Parser().Parse(text.NewReader(body))
	var out []string
	depth := 0
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if n.Type() != ast.TypeBlock || n.Kind() == ast.KindDocument {
			return ast.WalkContinue, nil
		}
		if !entering {
			depth--
			return ast.WalkContinue, nil
		}
		line := strings.Repeat(".", depth) + n.Kind().String()
		if c, ok := n.(*ast.FencedCodeBlock); ok {
			var b bytes.Buffer
			for i := 0; i < c.Lines().Len(); i++ {
				seg := c.Lines().At(i)
				b.Write(seg.Value(body))
			}
			line += " " + b.String()
		}
		out = append(out, line)
		depth++
		return ast.WalkContinue, nil
	})
	return out
}

// TestStructureThroughFormats exports a rich entry, translates every unit,
// and imports it through PO and XLIFF: the translation has exactly the
// source's block structure.
func TestStructureThroughFormats(t *testing.T) {
	for _, format := range []exchange.Format{"po", "xliff12", "xliff20", "csv"} {
		t.Run(string(format), func(t *testing.T) {
			root := t.TempDir()
			write := func(rel, s string) { testtree.WriteFile(t, root, rel, []byte(s)) }
			write("glosa.yaml", "source: it\nlanguages: [it, es]\ncontent:\n  - path: content/{lang}/{slug}.md\n    fields: {title: text, sources: [{text: text, url: url}]}\n")
			write("content/it/diffusione.md", richEntry)
			p := load(t, root)
			set := Collect(p.report, "es", nil)
			if len(set.File.Units) < 15 {
				t.Fatalf("only %d units", len(set.File.Units))
			}
			for i := range set.File.Units {
				u := &set.File.Units[i]
				u.Target, u.State = mark(u.Source), exchange.Translated
			}
			var b bytes.Buffer
			if err := exchange.Write(&b, set.File, format); err != nil {
				t.Fatal(err)
			}
			f, err := exchange.Read("es"+exchange.Lookup(format).Ext(), b.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			changes := applied(t, p, f, Options{})
			if len(changes) != 1 || !changes[0].Complete {
				t.Fatalf("Apply = %+v", changes)
			}
			src, err := content.Parse([]byte(richEntry))
			if err != nil {
				t.Fatal(err)
			}
			got, err := content.Parse(changes[0].Data)
			if err != nil {
				t.Fatalf("the imported entry does not parse: %v\n%s", err, changes[0].Data)
			}
			if diff := cmp.Diff(shapeOf(t, src.Body), shapeOf(t, got.Body)); diff != "" {
				t.Errorf("block structure differs (-source +translation):\n%s\n%s", diff, changes[0].Data)
			}
			if n := bytes.Count(changes[0].Data, []byte("«es» ")); n != len(set.File.Units) {
				t.Errorf("%d marked texts in the translation, want %d:\n%s", n, len(set.File.Units), changes[0].Data)
			}
		})
	}
}

// TestPluralMessageThroughGoI18n: a plural message read back from a go-i18n
// file (which has no source forms) keeps every form, and an unverified one
// becomes current with the source's hash.
func TestPluralMessageThroughGoI18n(t *testing.T) {
	root := t.TempDir()
	testtree.Write(t, root, map[string]string{
		"glosa.yaml":      "source: it\nlanguages: [it, es]\ncontent: []\nlocales:\n  - path: locales/{lang}.yaml\n",
		"locales/it.yaml": "files:\n  description: a count\n  one: '{{.Count}} file'\n  other: '{{.Count}} file'\n",
		"locales/es.yaml": "files:\n  one: '{{.Count}} archivo'\n  many: '{{.Count}} de archivos'\n  other: '{{.Count}} archivos'\n",
	})
	p := load(t, root)
	set := Collect(p.report, "es", nil)
	if len(set.File.Units) != 1 || set.File.Units[0].State != exchange.NeedsReview {
		t.Fatalf("units = %+v, want the unverified message needing review", set.File.Units)
	}
	var b bytes.Buffer
	if err := exchange.Write(&b, set.File, "goi18n-json"); err != nil {
		t.Fatal(err)
	}
	edited := bytes.Replace(b.Bytes(), []byte("{{.Count}} archivos\""), []byte("{{.Count}} ficheros\""), 1)
	f, err := exchange.Read("translate.es.json", edited)
	if err != nil {
		t.Fatal(err)
	}
	changes := applied(t, p, f, Options{})
	if len(changes) != 1 {
		t.Fatalf("Apply = %+v", changes)
	}
	for _, want := range []string{"{{.Count}} archivo'", "{{.Count}} de archivos'", "{{.Count}} ficheros'", "hash: sha1-"} {
		if !bytes.Contains(changes[0].Data, []byte(want)) {
			t.Errorf("the imported file lacks %q:\n%s", want, changes[0].Data)
		}
	}
}

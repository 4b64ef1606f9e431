package workspace

import (
	"errors"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/history"
	"github.com/glosa/glosa/internal/status"
	"github.com/glosa/glosa/internal/testtree"
)

// project is a small project: English source, Spanish translations in
// four states, an Italian pivot and an alias. The hash of es/clip was
// checked by hand against the README's definition (status_states.txtar).
const project = `
-- glosa.yaml --
source: en
languages: [en, es, it]
aliases:
  es-ES: es
-- content/en/clip.md --
---
title: CLIP
---

CLIP links images and captions.
-- content/en/vae.md --
---
title: VAE
---

It maps images to latents and back.
-- content/en/gguf.md --
---
title: GGUF
---

A file format.
-- content/es/clip.md --
---
title: CLIP
translation:
  source: en
  hash: sha256-a0d8d6f2ea99012f
---

CLIP une imágenes y descripciones.
-- content/es/vae.md --
---
title: VAE
translation:
  hash: sha256-0000000000000000
---

Convierte imágenes en latentes.
-- content/es/old.md --
---
title: Viejo
---

Nada.
`

func TestLoad(t *testing.T) {
	t.Setenv("GIT_CEILING_DIRECTORIES", os.TempDir()) // no repository above
	for _, reporting := range []bool{false, true} {
		root := testtree.Txtar(t, project)
		p, err := Load(Options{Root: root, Reporting: reporting, Bodies: reporting})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]status.State{}
		for _, it := range p.Report.Items {
			for _, tr := range it.Translations {
				got[tr.Lang+"/"+it.Slug] = tr.State
			}
		}
		want := map[string]status.State{
			"es/clip": status.Current, "es/vae": status.Stale, "es/gguf": status.Missing, "es/old": status.Orphan,
			"it/clip": status.Missing, "it/vae": status.Missing, "it/gguf": status.Missing,
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("reporting %v: states (-want +got):\n%s", reporting, diff)
		}
		if p.History != nil || !errors.Is(p.HistoryErr, history.ErrUnavailable) {
			t.Errorf("history outside git: %v, %v; want ErrUnavailable", p.History, p.HistoryErr)
		}
		if p.Linter == nil || p.Config.Source != "en" || p.Root != root {
			t.Errorf("project parts: linter %v, source %q, root %q", p.Linter, p.Config.Source, p.Root)
		}
		if n := p.Unjudged(); n != 0 {
			t.Errorf("Unjudged = %d, want 0", n)
		}
		p.Close()
	}
}

func TestLoadConfigError(t *testing.T) {
	root := testtree.Txtar(t, "-- glosa.yaml --\nsource: [\n")
	if _, err := Load(Options{Root: root}); err == nil {
		t.Fatal("Load with a broken glosa.yaml: no error")
	}
}

func TestParseLangs(t *testing.T) {
	t.Setenv("GIT_CEILING_DIRECTORIES", os.TempDir())
	p, err := Load(Options{Root: testtree.Txtar(t, project)})
	if err != nil {
		t.Fatal(err)
	}
	langs := []string{"es", "it"}
	tests := []struct {
		in   []string
		want []string
		err  *LangError
	}{
		{in: []string{"es,it", " es "}, want: []string{"es", "it", "es"}},
		{in: []string{"es-ES"}, want: []string{"es"}},
		{in: []string{"es,,"}, want: []string{"es"}},
		{in: []string{"es", "en"}, err: &LangError{Value: "en", Lang: "en", Problem: LangSource, Langs: langs}},
		{in: []string{"fr"}, err: &LangError{Value: "fr", Lang: "fr", Problem: LangUnknown, Langs: langs}},
		{in: []string{"not a tag"}, err: &LangError{Value: "not a tag", Problem: LangSyntax, Langs: langs}},
	}
	for _, tt := range tests {
		got, err := p.ParseLangs(tt.in)
		var le *LangError
		if tt.err != nil {
			if !errors.As(err, &le) {
				t.Errorf("ParseLangs(%q) = %v, %v; want %v", tt.in, got, err, tt.err)
			} else if diff := cmp.Diff(tt.err, le); diff != "" {
				t.Errorf("ParseLangs(%q) error (-want +got):\n%s", tt.in, diff)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseLangs(%q): %v", tt.in, err)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("ParseLangs(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestHistoryPaths(t *testing.T) {
	tests := []struct {
		name, cfg string
		want      []string
	}{
		{"content", "source: en\nlanguages: [en, es]\ncontent:\n  - path: docs/{lang}/{slug}.md\n", []string{"docs"}},
		{"root", "source: en\nlanguages: [en, es]\ncontent:\n  - path: '{lang}/{slug}.md'\n", nil},
		{"catalogs", "source: en\nlanguages: [en, es]\ncontent:\n  - path: docs/{lang}/{slug}.md\nlocales:\n  - path: i18n/{lang}.json\n", []string{"docs", "i18n"}},
	}
	for _, tt := range tests {
		cfg, err := config.Parse("glosa.yaml", []byte(tt.cfg))
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if diff := cmp.Diff(tt.want, historyPaths(cfg)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
	}
}

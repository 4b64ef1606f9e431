package transfer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/exchange"
	"github.com/glosa/glosa/internal/status"
	"github.com/glosa/glosa/internal/testtree"
	"github.com/glosa/glosa/internal/workspace"
)

const staleProject = `
-- glosa.yaml --
source: en
languages: [en, es]
-- content/en/guide.md --
---
title: Guide
description: How to start.
---

# Install

Download the archive and unpack it.

Run the installer as an administrator.

| Step | Why |
|------|-----|
| Reboot | To load the driver |

Restart the service when done.
-- content/es/guide.md --
---
title: Guía
description: Cómo empezar.
---

# Instalar

Descarga el archivo y descomprímelo.

Ejecuta el instalador como administrador.

| Paso | Por qué |
|------|-----|
| Reiniciar | Para cargar el controlador |

Reinicia el servicio al terminar.
`

// staleRepo makes a repository whose Spanish guide records the first
// version of the English one, then applies edit to the English guide and
// commits it, and loads the project.
func staleRepo(t *testing.T, edit func(string) string, history bool) *workspace.Project {
	t.Helper()
	dir := testtree.Txtar(t, staleProject)
	testtree.Git(t, dir, "init", "-q", "-b", "main")
	testtree.Git(t, dir, "add", "-A")
	testtree.Git(t, dir, "commit", "-q", "-m", "first")
	p, err := workspace.Load(workspace.Options{Root: dir})
	if err != nil {
		t.Fatal(err)
	}
	var src, tr *content.Entry
	for _, e := range p.Repo.Entries {
		if e.Lang == "en" {
			src = e
		} else {
			tr = e
		}
	}
	data, err := content.SetRecord(tr.Doc, content.Record{Source: "en", Hash: p.Report.SourceHash(src)})
	if err != nil {
		t.Fatal(err)
	}
	p.Close()
	testtree.WriteFile(t, dir, "content/es/guide.md", data)
	en := filepath.Join(dir, "content/en/guide.md")
	old, err := os.ReadFile(en)
	if err != nil {
		t.Fatal(err)
	}
	testtree.WriteFile(t, dir, "content/en/guide.md", []byte(edit(string(old))))
	testtree.Git(t, dir, "commit", "-q", "-am", "edit")
	if !history {
		if err := os.RemoveAll(filepath.Join(dir, ".git")); err != nil {
			t.Fatal(err)
		}
	}
	p, err = workspace.Load(workspace.Options{Root: dir})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.Close)
	return p
}

// unitView is what a test checks of a unit.
type unitView struct {
	Source, Target, Previous string
	State                    exchange.State
}

func TestCollectStaleBlocks(t *testing.T) {
	replace := func(pairs ...string) func(string) string {
		return func(s string) string { return strings.NewReplacer(pairs...).Replace(s) }
	}
	tests := []struct {
		name    string
		edit    func(string) string
		history bool
		want    []unitView
		words   int
	}{
		{
			name:    "a paragraph and a field changed, a paragraph added",
			history: true,
			edit: replace("as an administrator.", "as an administrator, then reboot.",
				"How to start.", "How to get started.",
				"Restart the service", "Check the logs.\n\nRestart the service"),
			want: []unitView{
				{Source: "Guide", Target: "Guía", State: exchange.Translated},
				{Source: "How to get started.", Target: "Cómo empezar.", Previous: "How to start.", State: exchange.NeedsReview},
				{Source: "Install", Target: "Instalar", State: exchange.Translated},
				{Source: "Download the archive and unpack it.", Target: "Descarga el archivo y descomprímelo.", State: exchange.Translated},
				{Source: "Run the installer as an administrator, then reboot.", Target: "Ejecuta el instalador como administrador.", Previous: "Run the installer as an administrator.", State: exchange.NeedsReview},
				{Source: "Step", Target: "Paso", State: exchange.Translated},
				{Source: "Why", Target: "Por qué", State: exchange.Translated},
				{Source: "Reboot", Target: "Reiniciar", State: exchange.Translated},
				{Source: "To load the driver", Target: "Para cargar el controlador", State: exchange.Translated},
				{Source: "Check the logs.", State: exchange.New},
				{Source: "Restart the service when done.", Target: "Reinicia el servicio al terminar.", State: exchange.Translated},
			},
			words: 4 + 8 + 3,
		},
		{
			name:    "a paragraph removed, a cell changed",
			history: true,
			edit:    replace("Download the archive and unpack it.\n\n", "", "To load the driver", "To load the new driver"),
			want: []unitView{
				{Source: "Guide", Target: "Guía", State: exchange.Translated},
				{Source: "How to start.", Target: "Cómo empezar.", State: exchange.Translated},
				{Source: "Install", Target: "Instalar", State: exchange.Translated},
				{Source: "Run the installer as an administrator.", Target: "Ejecuta el instalador como administrador.", State: exchange.Translated},
				{Source: "Step", Target: "Paso", State: exchange.Translated},
				{Source: "Why", Target: "Por qué", State: exchange.Translated},
				{Source: "Reboot", Target: "Reiniciar", State: exchange.Translated},
				{Source: "To load the new driver", Target: "Para cargar el controlador", Previous: "To load the driver", State: exchange.NeedsReview},
				{Source: "Restart the service when done.", Target: "Reinicia el servicio al terminar.", State: exchange.Translated},
			},
			words: 5,
		},
		{
			name: "without history, every unit paired needs review",
			edit: replace("as an administrator.", "as an administrator, then reboot."),
			want: []unitView{
				{Source: "Guide", Target: "Guía", State: exchange.NeedsReview},
				{Source: "How to start.", Target: "Cómo empezar.", State: exchange.NeedsReview},
				{Source: "Install", Target: "Instalar", State: exchange.NeedsReview},
				{Source: "Download the archive and unpack it.", Target: "Descarga el archivo y descomprímelo.", State: exchange.NeedsReview},
				{Source: "Run the installer as an administrator, then reboot.", Target: "Ejecuta el instalador como administrador.", State: exchange.NeedsReview},
				{Source: "Step", Target: "Paso", State: exchange.NeedsReview},
				{Source: "Why", Target: "Por qué", State: exchange.NeedsReview},
				{Source: "Reboot", Target: "Reiniciar", State: exchange.NeedsReview},
				{Source: "To load the driver", Target: "Para cargar el controlador", State: exchange.NeedsReview},
				{Source: "Restart the service when done.", Target: "Reinicia el servicio al terminar.", State: exchange.NeedsReview},
			},
			words: 31,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := staleRepo(t, tt.edit, tt.history)
			set := Collect(p.Report, "es", []status.State{status.Stale})
			var got []unitView
			for _, u := range set.File.Units {
				got = append(got, unitView{u.Source, u.Target, u.Previous, u.State})
				note := strings.Contains(strings.Join(u.Notes, "\n"), noVersionNote)
				if note == tt.history {
					t.Errorf("unit %s: note about the missing version %v, want %v", u.ID, note, !tt.history)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("units (-want +got):\n%s", diff)
			}
			if got := p.Report.Languages[0].WordsToTranslate; got != tt.words {
				t.Errorf("words to translate = %d, want %d", got, tt.words)
			}
		})
	}
}

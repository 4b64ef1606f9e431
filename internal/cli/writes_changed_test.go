package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/glosa/glosa/internal/iostreams"
	"github.com/glosa/glosa/internal/testtree"
)

// writesRepo is a repository in which glosa stamp --all, glosa sync and
// glosa import writes.csv each write several files: the two Spanish
// entries are unverified, the Spanish catalog lacks bye, c has no Spanish
// translation yet.
const writesRepo = `
-- glosa.yaml --
source: en
languages: [en, es]
content:
  - path: content/{lang}/{slug}.md
    fields: {title: text}
locales:
  - path: locales/active.{lang}.yaml
-- content/en/a.md --
---
title: Alpha
---

Alpha text.
-- content/en/b.md --
---
title: Beta
---

Beta text.
-- content/en/c.md --
---
title: Gamma
---

Gamma text.
-- content/es/a.md --
---
title: Alfa
---

Texto alfa.
-- content/es/b.md --
---
title: Beta
---

Texto beta.
-- locales/active.en.yaml --
hello: Hello
bye: Goodbye
-- locales/active.es.yaml --
hello: Hola
-- writes.csv --
id,kind,state,en,es
a#title,field,translated,Alpha,Alfa nueva
b#title,field,translated,Beta,Beta nueva
bye,message,translated,Goodbye,Adiós
`

// writesRepoPO is a repository in which glosa sync copies a key field
// into two Spanish entries and merges a PO template into es.po.
const writesRepoPO = `
-- glosa.yaml --
source: en
languages: [en, es]
content:
  - path: content/{lang}/{slug}.md
    fields: {title: text, category: key}
locales:
  - path: po/{lang}.po
    template: po/messages.pot
-- content/en/a.md --
---
title: Alpha
category: Models
---
-- content/en/b.md --
---
title: Beta
category: Models
---
-- content/es/a.md --
---
title: Alfa
category: Modelos
---
-- content/es/b.md --
---
title: Beta
---
-- po/messages.pot --
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"

msgid "Open"
msgstr ""

msgid "Quit"
msgstr ""
-- po/es.po --
msgid ""
msgstr ""
"Language: es\n"
"Content-Type: text/plain; charset=UTF-8\n"

msgid "Open"
msgstr "Abrir"
`

// readAll returns the bytes of the files at rels, nil for a missing one.
func readAll(t *testing.T, dir string, rels []string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, rel := range rels {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		out[rel] = data
	}
	return out
}

// runIn runs glosa in dir, in English, and returns its exit code and
// stderr.
func runIn(t *testing.T, dir string, args ...string) (int, string) {
	t.Helper()
	t.Setenv("LC_ALL", "C")
	ios, _, _, errOut := iostreams.Test()
	code := Run(ios, append([]string{"-C", dir}, args...))
	return code, errOut.String()
}

// TestWritesRefuseChangedFile edits a file after glosa read it and just
// before glosa writes it, as an editor or a second glosa could: stamp,
// sync and import each leave the edit alone with a clear refusal, write
// every other file, and exit 1. Every kind of file they rewrite is
// covered: an entry, a go-i18n catalog, a PO catalog, a new stub.
func TestWritesRefuseChangedFile(t *testing.T) {
	tests := []struct {
		name string
		repo string
		args []string
		// target is the file edited (created, for a stub) just before
		// glosa writes it.
		target string
		// written are the other files the command must still write.
		written []string
	}{
		{"stamp entry", writesRepo, []string{"stamp", "--all"}, "content/es/a.md",
			[]string{"content/es/b.md", "locales/active.es.yaml"}},
		{"stamp catalog", writesRepo, []string{"stamp", "--all"}, "locales/active.es.yaml",
			[]string{"content/es/a.md", "content/es/b.md"}},
		{"sync catalog", writesRepo, []string{"sync"}, "locales/active.es.yaml",
			[]string{"content/es/c.md"}},
		{"sync stub", writesRepo, []string{"sync"}, "content/es/c.md",
			[]string{"locales/active.es.yaml"}},
		{"sync key field", writesRepoPO, []string{"sync"}, "content/es/a.md",
			[]string{"content/es/b.md", "po/es.po"}},
		{"sync PO catalog", writesRepoPO, []string{"sync"}, "po/es.po",
			[]string{"content/es/a.md", "content/es/b.md"}},
		{"import entry", writesRepo, []string{"import", "writes.csv"}, "content/es/a.md",
			[]string{"content/es/b.md", "locales/active.es.yaml"}},
		{"import catalog", writesRepo, []string{"import", "writes.csv"}, "locales/active.es.yaml",
			[]string{"content/es/a.md", "content/es/b.md"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := testtree.Txtar(t, tt.repo)
			for i, a := range tt.args {
				if strings.HasSuffix(a, ".csv") {
					tt.args[i] = filepath.Join(dir, a)
				}
			}
			before := readAll(t, dir, append([]string{tt.target}, tt.written...))
			edit := []byte("# edited while glosa ran\n")
			want := append(bytes.Clone(before[tt.target]), edit...)
			hooked := false
			beforeWrite = func(rel string) {
				if rel != tt.target {
					return
				}
				hooked = true
				if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(rel)), want, 0o644); err != nil {
					t.Error(err)
				}
			}
			t.Cleanup(func() { beforeWrite = nil })
			code, stderr := runIn(t, dir, tt.args...)
			if !hooked {
				t.Fatalf("glosa %s did not write %s", strings.Join(tt.args, " "), tt.target)
			}
			if code != ExitFailed {
				t.Errorf("exit code %d, want %d; stderr:\n%s", code, ExitFailed, stderr)
			}
			msg := "glosa: error: " + tt.target + " changed on disk after glosa read it; run the command again\n"
			if !strings.Contains(stderr, msg) {
				t.Errorf("stderr does not say %q:\n%s", msg, stderr)
			}
			after := readAll(t, dir, append([]string{tt.target}, tt.written...))
			if !bytes.Equal(after[tt.target], want) {
				t.Errorf("%s was written over the edit:\n%s", tt.target, after[tt.target])
			}
			for _, rel := range tt.written {
				if bytes.Equal(after[rel], before[rel]) {
					t.Errorf("%s was not written", rel)
				}
			}
		})
	}
}

// TestWritesRefuseChangedMove edits a translation that glosa sync is about
// to move after its source (git saw the source renamed): the edit would be
// lost in the copy, so the move is refused, naming the file edited, and
// neither file is touched.
func TestWritesRefuseChangedMove(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := testtree.Txtar(t, `
-- glosa.yaml --
source: it
languages: [it, es]
-- content/it/diffusion.md --
---
title: Diffusione
---

Un modello di diffusione.
-- content/es/diffusion.md --
---
title: Difusión
---

Un modelo de difusión.
`)
	for _, args := range [][]string{
		{"init", "-q", "-b", "main"}, {"add", "-A"}, {"commit", "-q", "-m", "first"},
		{"mv", "content/it/diffusion.md", "content/it/diffusione.md"}, {"commit", "-q", "-m", "rename"},
	} {
		testtree.Git(t, dir, args...)
	}
	from := filepath.Join(dir, "content", "es", "diffusion.md")
	edited := []byte("---\ntitle: Difusión\n---\n\nEditado mientras glosa corría.\n")
	hooked := false
	beforeWrite = func(rel string) {
		if rel == "content/es/diffusione.md" {
			hooked = true
			if err := os.WriteFile(from, edited, 0o644); err != nil {
				t.Error(err)
			}
		}
	}
	t.Cleanup(func() { beforeWrite = nil })
	code, stderr := runIn(t, dir, "sync")
	if !hooked {
		t.Fatalf("glosa sync did not move content/es/diffusion.md; stderr:\n%s", stderr)
	}
	if code != ExitFailed {
		t.Errorf("exit code %d, want %d; stderr:\n%s", code, ExitFailed, stderr)
	}
	msg := "glosa: error: content/es/diffusion.md changed on disk after glosa read it; run the command again\n"
	if !strings.Contains(stderr, msg) {
		t.Errorf("stderr does not say %q:\n%s", msg, stderr)
	}
	if data, _ := os.ReadFile(from); !bytes.Equal(data, edited) {
		t.Errorf("content/es/diffusion.md lost the edit: %q", data)
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "es", "diffusione.md")); err == nil {
		t.Error("content/es/diffusione.md was written from the bytes before the edit")
	}
}

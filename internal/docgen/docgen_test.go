package docgen

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/glosa/glosa/internal/cli"
	"github.com/glosa/glosa/internal/iostreams"
	"github.com/glosa/glosa/internal/testtree"
)

var update = flag.Bool("update", false, "rewrite docs/reference from the code")

// root is the repository root, seen from this package's folder.
const root = "../.."

// TestReference fails when a page of docs/reference differs from what the
// code says; -update rewrites them.
func TestReference(t *testing.T) {
	if *update {
		if err := Write(root); err != nil {
			t.Fatal(err)
		}
	}
	stale, err := Diff(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(stale) > 0 {
		t.Errorf("docs/reference is not what the code says: %s\nrun go test ./internal/docgen -update and review the diff", strings.Join(stale, ", "))
	}
}

// TestSchemasValidateSample validates documents glosa writes, on the
// sample repository and on a small git repository made for diff, against
// the closed form of their schemas, which refuses keys the Go types do not
// declare.
func TestSchemasValidateSample(t *testing.T) {
	for _, d := range schemas {
		t.Run(d.file, func(t *testing.T) {
			b, err := d.Schema(root, true)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			c := jsonschema.NewCompiler()
			if err := c.AddResource(d.file, doc); err != nil {
				t.Fatal(err)
			}
			sch, err := c.Compile(d.file)
			if err != nil {
				t.Fatal(err)
			}
			make, ok := samples[d.file]
			if !ok {
				t.Fatalf("no samples of %s: add them to samples", d.title)
			}
			for _, s := range make(t) {
				inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(s.doc))
				if err != nil {
					t.Fatalf("%s: %v", s.what, err)
				}
				if err := sch.Validate(inst); err != nil {
					t.Errorf("%s does not match %s: %v", s.what, d.file, err)
				}
			}
		})
	}
}

// TestSchemasDescribed fails when a JSON type or one of its keys has no
// doc comment to describe it: a key added to a document is documented
// when it is added.
func TestSchemasDescribed(t *testing.T) {
	for _, d := range schemas {
		r := &reflector{root: root}
		s, err := r.build(d)
		if err != nil {
			t.Fatal(err)
		}
		objects := map[string]*schema{d.typ.Name(): s}
		for name, def := range s.Defs {
			objects[name] = def
		}
		var missing []string
		for name, o := range objects {
			if o.Description == "" {
				missing = append(missing, name)
			}
			for key, p := range o.Properties {
				if p.Description == "" {
					missing = append(missing, name+"."+key)
				}
			}
		}
		slices.Sort(missing)
		for _, m := range missing {
			t.Errorf("%s: %s has no doc comment to describe it", d.file, m)
		}
	}
}

// A sample is a document glosa wrote, and what wrote it.
type sample struct {
	what string
	doc  []byte
}

// samples makes, for each schema, documents glosa writes, with flags
// chosen so that every key has a value somewhere.
var samples = map[string]func(t *testing.T) []sample{
	"status.schema.json": func(t *testing.T) []sample {
		return runAll(t, "status", []string{}, []string{"--lang", "es"}, []string{"--state", "stale,missing"})
	},
	"check.schema.json": func(t *testing.T) []sample {
		written := writeBaseline(t)
		other := filepath.Join(t.TempDir(), "other.json")
		// A baseline of a finding that is gone: every finding is new, and
		// one is absent.
		gone := `{"version": 1, "fingerprint": "glosa/v1", "findings": [{"rule": "same-as-source", "path": "gone.md", "message": "gone", "count": 1}]}`
		if err := os.WriteFile(other, []byte(gone), 0o644); err != nil {
			t.Fatal(err)
		}
		return runAll(t, "check", []string{}, []string{"--lang", "es"},
			[]string{"--fail-on", "warning,stale,missing,orphan", "--min-coverage", "90"},
			[]string{"--baseline", written.what}, []string{"--baseline", other})
	},
	"diff.schema.json":  diffSamples,
	"since.schema.json": sinceSamples,
	"rules.schema.json": func(t *testing.T) []sample {
		return runAll(t, "rules", []string{}, []string{"structure"})
	},
	"baseline.schema.json": func(t *testing.T) []sample {
		return []sample{writeBaseline(t)}
	},
	"sync.schema.json": func(t *testing.T) []sample {
		return runIn(t, testtree.Txtar(t, syncRepo), "sync", []string{"--dry-run"}, []string{"--dry-run", "--prune", "--translate-files"}, []string{"--dry-run", "--lang", "es"})
	},
	"import.schema.json": importSamples,
	"stamp.schema.json": func(t *testing.T) []sample {
		return runIn(t, testtree.Txtar(t, syncRepo), "stamp", []string{"--all", "--dry-run"}, []string{"--lang", "es", "--dry-run"})
	},
}

// sinceSamples commits syncRepo after stamping it, then changes it: a
// source edited, a translation added, an entry and a message added, a
// source removed; and shows what changed since the commit.
func sinceSamples(t *testing.T) []sample {
	dir := testtree.Txtar(t, syncRepo)
	run(t, "-C", dir, "--no-cache", "stamp", "--all")
	testtree.Git(t, dir, "init", "-q")
	testtree.Git(t, dir, "add", "-A")
	testtree.Git(t, dir, "commit", "-q", "-m", "stamped")
	testtree.WriteFile(t, dir, "content/en/uno.md", []byte("---\ntitle: One, edited\n---\nOne.\n"))
	testtree.WriteFile(t, dir, "content/en/dos.md", []byte("---\ntitle: Two\n---\nTwo.\n"))
	testtree.WriteFile(t, dir, "l/en.yaml", []byte("hello: Hello\nbye: Bye\nnew: New\nlater: Later\n"))
	return runIn(t, dir, "status", []string{"--since", "HEAD"}, []string{"--since", "HEAD", "--lang", "es"})
}

// importRepo is a repository with one source entry and a translator's
// file for it: the title translated, the paragraph with its link lost.
const importRepo = `
-- glosa.yaml --
source: en
languages: [en, de]
-- content/en/uno.md --
---
title: One
---

Read the [manual](/en/manual/).
-- de.csv --
id,kind,state,en,de
uno#title,field,translated,One,Eins
uno#p-506ac699,paragraph,translated,Read the [manual](/en/manual/).,Lesen Sie das Handbuch.
`

// importSamples imports a file with a unit applied and one refused, as a
// dry run and for real.
func importSamples(t *testing.T) []sample {
	dir := testtree.Txtar(t, importRepo)
	var out []sample
	for _, args := range [][]string{{"--dry-run"}, {}} {
		argv := append([]string{"-C", dir, "--no-cache", "import", "--format", "json", filepath.Join(dir, "de.csv")}, args...)
		out = append(out, sample{"glosa " + strings.Join(argv, " "), run(t, argv...)})
	}
	return out
}

// syncRepo is a repository with work for sync and stamp: a missing
// translation, a stale one, an orphan, an unparsable source, catalog
// messages missing, stale, unverified (one with a comment) and orphan, and
// a PO catalog without a template.
const syncRepo = `
-- glosa.yaml --
source: en
languages: [en, es, it]
content:
  - path: content/{lang}/{slug}.md
    fields: {title: text}
locales:
  - path: l/{lang}.yaml
  - path: po/{lang}.po
-- content/en/uno.md --
---
title: One
---
One.
-- content/en/bad.md --
---
title: [
---
-- content/es/uno.md --
---
title: Uno
translation:
  source: en
  hash: sha256-0000000000000000
---
Uno.
-- content/es/orphan.md --
---
title: Huérfano
---
Huérfano.
-- l/en.yaml --
hello: Hello
bye: Bye
new: New
-- l/es.yaml --
hello: Hola # informal
bye:
  hash: sha1-0000000000000000000000000000000000000000
  other: Adiós
gone: Ido
-- po/es.po --
msgid ""
msgstr ""
"Language: es\n"

msgid "Hi"
msgstr ""
`

// runIn runs a glosa command with --format json in dir once per set of
// arguments.
func runIn(t *testing.T, dir, verb string, argss ...[]string) []sample {
	t.Helper()
	var out []sample
	for _, args := range argss {
		argv := append([]string{"-C", dir, "--no-cache", verb, "--format", "json"}, args...)
		out = append(out, sample{"glosa " + strings.Join(argv, " "), run(t, argv...)})
	}
	return out
}

// runAll runs a glosa command with --format json on the sample repository
// once per set of arguments.
func runAll(t *testing.T, verb string, argss ...[]string) []sample {
	t.Helper()
	return runIn(t, root, verb, argss...)
}

// writeBaseline runs check --write-baseline on the sample repository and
// returns the file, what being its path.
func writeBaseline(t *testing.T) sample {
	t.Helper()
	path := filepath.Join(t.TempDir(), "baseline.json")
	run(t, "-C", root, "--no-cache", "check", "--write-baseline", path)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sample{path, b}
}

// run runs glosa and returns its stdout; the exit code must be 0 or 1.
func run(t *testing.T, argv ...string) []byte {
	t.Helper()
	ios, _, stdout, stderr := iostreams.Test()
	if code := cli.Run(ios, argv); code != cli.ExitOK && code != cli.ExitFailed {
		t.Fatalf("glosa %v: exit %d\n%s", argv, code, stderr)
	}
	return stdout.Bytes()
}

// diffRepo is a repository with one source entry and its translation,
// for diff.
const diffRepo = `
-- glosa.yaml --
source: it
languages: [it, es]
-- content/it/uno.md --
---
title: Uno
---

# Il gatto

Il gatto dorme sul divano.

Questo paragrafo sparirà.

Fine.
-- content/es/uno.md --
---
title: Uno
---

# El gato

El gato duerme en el sofá.

Este párrafo desaparecerá.

Fin.
`

// diffSamples makes a git repository, stamps its translation, and runs
// diff with the source unchanged, changed in a commit (the version found
// by the recorded commit), changed in the work tree, and with a record
// without its commit (found by hash).
func diffSamples(t *testing.T) []sample {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := testtree.Txtar(t, diffRepo)
	git := func(args ...string) {
		t.Helper()
		testtree.Git(t, dir, args...)
	}
	edit := func(name, old, new string) {
		t.Helper()
		path := filepath.Join(dir, filepath.FromSlash(name))
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(b, []byte(old)) {
			t.Fatalf("%s has no %q", name, old)
		}
		if err := os.WriteFile(path, bytes.Replace(b, []byte(old), []byte(new), 1), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var out []sample
	diff := func(what string) {
		t.Helper()
		argv := []string{"-C", dir, "--no-cache", "diff", "content/es/uno.md", "--format", "json"}
		out = append(out, sample{"glosa diff (" + what + ")", run(t, argv...)})
	}
	git("init", "-q", "-b", "main")
	git("add", "-A")
	git("commit", "-q", "-m", "source and translation")
	run(t, "-C", dir, "--no-cache", "stamp", "content/es/uno.md")
	git("commit", "-q", "-am", "stamp")
	diff("source unchanged")
	edit("content/it/uno.md", "title: Uno", "title: Uno nuovo")
	edit("content/it/uno.md", "sul divano.", "sul divano rosso.")
	edit("content/it/uno.md", "Questo paragrafo sparirà.\n\n", "")
	edit("content/it/uno.md", "Fine.", "Un paragrafo nuovo.\n\nFine.")
	git("commit", "-q", "-am", "change the source")
	diff("found by commit")
	edit("content/it/uno.md", "# Il gatto", "# Il gatto nero")
	diff("source modified in the work tree")
	git("checkout", "-q", ".")
	b, err := os.ReadFile(filepath.Join(dir, "content", "es", "uno.md"))
	if err != nil {
		t.Fatal(err)
	}
	var kept []string
	for _, line := range strings.SplitAfter(string(b), "\n") {
		if !strings.HasPrefix(line, "  commit:") {
			kept = append(kept, line)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "content", "es", "uno.md"), []byte(strings.Join(kept, "")), 0o644); err != nil {
		t.Fatal(err)
	}
	diff("found by hash")
	return out
}

package syncplan

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/glosa/glosa/internal/catalog"
	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/status"
	"github.com/glosa/glosa/internal/testtree"
)

const cfgText = `source: en
languages: [en, es, it]
content:
  - path: content/{lang}/{slug}.md
locales:
  - path: locales/active.{lang}.yaml
  - path: po/{lang}.po
`

var files = map[string]string{
	"content/en/token.md":    "---\ntitle: Token\n---\nA token.\n",
	"content/es/token.md":    "---\ntitle: Token\n---\nUn token.\n",
	"content/en/bad.md":      "---\ntitle: [\n---\n",
	"locales/active.en.yaml": "hello: Hello\nbye: Goodbye\n",
	"locales/active.es.yaml": "hello:\n  hash: sha1-0\n  other: Hola\nold: Viejo\n",
	"po/es.po":               "msgid \"\"\nmsgstr \"\"\n\"Language: es\\n\"\n\nmsgid \"Hi\"\nmsgstr \"Hola\"\n",
}

// plan builds a repository in a temporary folder and plans a sync of it.
func plan(t *testing.T, opts Options) (*Plan, string) {
	t.Helper()
	root := t.TempDir()
	testtree.Write(t, root, files)
	cfg, err := config.Parse("glosa.yaml", []byte(cfgText))
	if err != nil {
		t.Fatal(err)
	}
	repo, err := content.Scan(root, cfg)
	if err != nil {
		t.Fatal(err)
	}
	cats, err := catalog.Scan(root, cfg, cfg.Languages)
	if err != nil {
		t.Fatal(err)
	}
	return Make(status.ComputeAll(repo, cats), cfg, repo.RawLang, opts), root
}

// change is what a test compares of a Change.
type change struct {
	Path, Lang           string
	Create, Entry, Write bool
	Added, Pruned, Stale []string
}

func summary(p *Plan) []change {
	var out []change
	for _, c := range p.Changes {
		out = append(out, change{c.Path, c.Lang, c.Create, c.Entry, c.Data != nil, c.Added, c.Pruned, c.Stale})
	}
	return out
}

func TestMake(t *testing.T) {
	tests := []struct {
		name string
		opts Options
		want []change
		lang []Language
	}{
		{"all", Options{}, []change{
			{Path: "content/it/token.md", Lang: "it", Create: true, Entry: true, Write: true},
			{Path: "locales/active.es.yaml", Lang: "es", Write: true, Added: []string{"bye"}, Stale: []string{"hello"}},
			{Path: "locales/active.it.yaml", Lang: "it", Create: true, Write: true, Added: []string{"hello", "bye"}},
		}, []Language{{Lang: "es", Added: 1, Stale: 1}, {Lang: "it", Entries: 1, Added: 2}}},
		{"es, pruned", Options{Langs: []string{"es"}, Prune: true}, []change{
			{Path: "locales/active.es.yaml", Lang: "es", Write: true, Added: []string{"bye"}, Pruned: []string{"old"}, Stale: []string{"hello"}},
		}, []Language{{Lang: "es", Added: 1, Pruned: 1, Stale: 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, _ := plan(t, tt.opts)
			if diff := cmp.Diff(tt.want, summary(p)); diff != "" {
				t.Errorf("changes (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.lang, p.Languages()); diff != "" {
				t.Errorf("languages (-want +got):\n%s", diff)
			}
		})
	}
}

func TestMakeSkips(t *testing.T) {
	p, root := plan(t, Options{})
	var po, bad int
	for _, s := range p.Skips {
		switch {
		case errors.Is(s.Err, ErrPO):
			po++
		case errors.Is(s.Err, ErrUnparsable):
			bad++
		}
	}
	if po != 1 || bad != 2 {
		t.Errorf("skips: %d PO, %d unparsable, want 1 and 2: %v", po, bad, p.Skips)
	}
	// Planning writes nothing.
	if _, err := os.Stat(filepath.Join(root, "content", "it")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("content/it exists after planning: %v", err)
	}
}

func TestMakeData(t *testing.T) {
	p, _ := plan(t, Options{Langs: []string{"es"}})
	want := "hello:\n  hash: sha1-0\n  other: Hola\nold: Viejo\n# en: Goodbye\nbye:\n  hash: sha1-b5b29c53e3c71cb9c6581ab053d7758fab8ca24d\n  other: \"\"\n"
	if diff := cmp.Diff(want, string(p.Changes[0].Data)); diff != "" {
		t.Errorf("data (-want +got):\n%s", diff)
	}
}

// counter is a Progress that remembers its counts.
type counter struct{ total, done int }

func (c *counter) SetTotal(n int) { c.total = n }
func (c *counter) Add(n int)      { c.done += n }

func TestMakeProgress(t *testing.T) {
	c := &counter{}
	plan(t, Options{Progress: c})
	// Two items (token, bad), three catalog files (en and es YAML, es PO).
	if c.total != 5 || c.done != c.total {
		t.Errorf("progress: %d done of %d, want 5 of 5", c.done, c.total)
	}
}

package stampplan

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/history"
	"github.com/glosa/glosa/internal/status"
	"github.com/glosa/glosa/internal/testtree"
)

// fakeHistory knows the last commit of some files; dirty ones differ from
// HEAD.
type fakeHistory struct {
	last  map[string]string
	dirty map[string]bool
}

func (h fakeHistory) Dirty(path string) bool { return h.dirty[path] }

func (h fakeHistory) LastChange(path string) (history.Change, bool) {
	c, ok := h.last[path]
	return history.Change{Commit: c, Path: path}, ok
}

func lines(ls ...string) string { return strings.Join(ls, "\n") + "\n" }

// report writes files into a temporary folder, scans it and computes the
// states; the project's source is it, en a pivot.
func report(t *testing.T, files map[string]string) (*status.Report, *config.Config) {
	t.Helper()
	root := t.TempDir()
	cfg, err := config.Parse("glosa.yaml", []byte("source: it\nlanguages: [it, en, es]\n"))
	if err != nil {
		t.Fatal(err)
	}
	testtree.Write(t, root, files)
	return rescan(t, root, cfg)
}

// TestMake: what stamping every Spanish translation writes or skips, one
// case per file; the outputs are whole files.
func TestMake(t *testing.T) {
	src := lines("---", "title: Gatto", "---", "", "Il gatto dorme.")
	files := map[string]string{
		"content/it/stale.md":  src,
		"content/it/dirty.md":  src,
		"content/it/pivot.md":  src,
		"content/it/gone.md":   src,
		"content/it/bad.md":    src,
		"content/it/draft.md":  src,
		"content/it/broken.md": src,
		"content/en/pivot.md":  lines("---", "title: Cat", "---", "", "The cat sleeps."),
		"content/en/bad.md":    lines("---", "title: [", "---"),

		"content/es/stale.md":  lines("---", "title: Gato", "translation: {hash: sha256-0}", "---", "", "El gato duerme."),
		"content/es/dirty.md":  lines("---", "title: Gato", "---", "", "El gato duerme."),
		"content/es/pivot.md":  lines("---", "title: Gato", "translation:", "  source: en", "  hash: sha256-0", "---", "", "El gato duerme."),
		"content/es/gone.md":   lines("---", "title: Gato", "translation:", "  source: en", "  hash: sha256-0", "---", "", "El gato duerme."),
		"content/es/bad.md":    lines("---", "title: Gato", "translation:", "  source: en", "  hash: sha256-0", "---", "", "El gato duerme."),
		"content/es/draft.md":  lines("---", "title: Gato", "draft: true", "---", "", "El gato duerme."),
		"content/es/broken.md": lines("---", "title: [", "---"),
		"content/es/orphan.md": lines("---", "title: Huérfano", "---", "", "Nada."),
	}
	r, cfg := report(t, files)
	hist := fakeHistory{
		last:  map[string]string{"content/it/stale.md": "c1", "content/it/dirty.md": "c2", "content/en/pivot.md": "c3", "content/it/gone.md": "c4"},
		dirty: map[string]bool{"content/it/dirty.md": true},
	}
	hash := func(p string) string {
		for _, e := range r.Repo.Entries {
			if e.Path == p {
				return r.SourceHash(e)
			}
		}
		t.Fatalf("no entry %s", p)
		return ""
	}
	plan := Make(r, cfg, hist, Select(r, []string{"es"}, false))
	type step struct {
		Path, Data string
		Skip       Reason
		Said       string // the skip's Err, in English
	}
	var got []step
	for _, s := range plan.Steps {
		if s.Skip != nil {
			got = append(got, step{Path: s.Skip.Path, Skip: s.Skip.Reason, Said: s.Skip.Err.Error()})
			continue
		}
		if s.Change.Err != nil {
			t.Errorf("%s: %v", s.Change.Path, s.Change.Err)
		}
		got = append(got, step{Path: s.Change.Path, Data: string(s.Change.Data)})
	}
	itHash := hash("content/it/stale.md")
	want := []step{
		{Path: "content/es/bad.md", Skip: SourceUnparsable, Said: "content/es/bad.md: its source content/en/bad.md cannot be parsed"}, // the pivot cannot be read
		{Path: "content/es/broken.md", Skip: Unparsable, Said: "content/es/broken.md:2:1: it cannot be parsed: front matter: did not find expected node content"},
		{Path: "content/es/dirty.md", Data: lines("---", "title: Gato", "translation:", "  source: it", "  hash: "+itHash, "---", "", "El gato duerme.")}, // no commit: dirty
		{Path: "content/es/draft.md", Skip: Untranslated, Said: "content/es/draft.md: it is untranslated (marked draft: true)"},
		{Path: "content/es/gone.md", Data: lines("---", "title: Gato", "translation:", "  source: it", "  hash: "+itHash, "  commit: c4", "---", "", "El gato duerme.")}, // the pivot is gone: from the source
		{Path: "content/es/orphan.md", Skip: Orphan, Said: "content/es/orphan.md: it is an orphan: the source has no entry orphan"},
		{Path: "content/es/pivot.md", Data: lines("---", "title: Gato", "translation:", "  source: en", "  hash: "+hash("content/en/pivot.md"), "  commit: c3", "---", "", "El gato duerme.")},
		{Path: "content/es/stale.md", Data: lines("---", "title: Gato", "translation:", "  source: it", "  hash: "+itHash, "  commit: c1", "---", "", "El gato duerme.")},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("plan (-want +got):\n%s", diff)
	}
}

// TestCurrentLeftAlone: a current translation is neither written nor
// skipped.
func TestCurrentLeftAlone(t *testing.T) {
	r, cfg := report(t, map[string]string{
		"content/it/a.md": lines("---", "title: Gatto", "---", "", "Il gatto dorme."),
		"content/es/a.md": lines("---", "title: Gato", "---", "", "El gato duerme."),
	})
	plan := Make(r, cfg, nil, Select(r, nil, true))
	if len(plan.Steps) != 1 || plan.Steps[0].Change == nil {
		t.Fatalf("first plan: %+v", plan.Steps)
	}
	c := plan.Steps[0].Change
	if err := os.WriteFile(filepath.Join(r.Repo.Root, "content/es/a.md"), c.Data, 0o644); err != nil {
		t.Fatal(err)
	}
	r, cfg = rescan(t, r.Repo.Root, cfg)
	if plan := Make(r, cfg, nil, Select(r, nil, true)); len(plan.Steps) != 0 {
		t.Errorf("second plan: %+v, want nothing", plan.Steps)
	}
}

// rescan scans the project at root again and computes the states.
func rescan(t *testing.T, root string, cfg *config.Config) (*status.Report, *config.Config) {
	t.Helper()
	repo, err := content.Scan(root, cfg)
	if err != nil {
		t.Fatal(err)
	}
	repo.Prepare(false)
	return status.Compute(repo), cfg
}

func TestLostComment(t *testing.T) {
	tests := []struct{ before, after, want string }{
		{"a: 1 # one\n", "a: 1 # one\nb: 2\n", ""},
		{"# top\na: 1\n", "a: 1\n", "# top"},
		{"a: 'x # not a comment'\n", "a: 'y'\n", ""},
		{"a: \"x \\\" # inside\"\n", "a: 1\n", ""},
		{"# twice\n# twice\n", "# twice\n", "# twice"},
		{"a: x#y\n", "a: z\n", ""},
	}
	for _, tt := range tests {
		if got := lostComment([]byte(tt.before), []byte(tt.after)); got != tt.want {
			t.Errorf("lostComment(%q, %q) = %q, want %q", tt.before, tt.after, got, tt.want)
		}
	}
}

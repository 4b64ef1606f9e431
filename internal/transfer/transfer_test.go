package transfer

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/glosa/glosa/internal/atomicfile"
	"github.com/glosa/glosa/internal/catalog"
	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/exchange"
	"github.com/glosa/glosa/internal/markdown"
	"github.com/glosa/glosa/internal/status"
)

// sample copies the sample repository at the root of glosa's own.
func sample(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, top := range []string{"glosa.yaml", "content", "locales"} {
		src := filepath.Join("..", "..", top)
		err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			if strings.HasSuffix(p, ".go") {
				return nil
			}
			rel, _ := filepath.Rel(filepath.Join("..", ".."), p)
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			dst := filepath.Join(dir, rel)
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				return err
			}
			return os.WriteFile(dst, data, 0o644)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

type loaded struct {
	cfg    *config.Config
	repo   *content.Repo
	report *status.Report
}

func load(t *testing.T, root string) loaded {
	t.Helper()
	cfg, err := config.Load(root, "")
	if err != nil {
		t.Fatal(err)
	}
	repo, err := content.Scan(root, cfg)
	if err != nil {
		t.Fatal(err)
	}
	files, err := catalog.Scan(root, cfg, cfg.Languages)
	if err != nil {
		t.Fatal(err)
	}
	return loaded{cfg, repo, status.ComputeAll(repo, files)}
}

// mark translates a text for the test: a marker before it, the markup kept.
func mark(s string) string {
	if s == "" {
		return s
	}
	return "«es» " + s
}

// TestRoundTrip exports the sample's Spanish in every format, translates
// every unit, imports it, and expects every Spanish entry and message with
// a readable source to be current, with the marked text in it.
func TestRoundTrip(t *testing.T) {
	for _, format := range []exchange.Format{"po", "xliff12", "xliff20", "csv", "goi18n-json", "goi18n-toml", "goi18n-yaml"} {
		t.Run(string(format), func(t *testing.T) {
			root := sample(t)
			p := load(t, root)
			set := Collect(p.report, "es", nil)
			for i := range set.File.Units {
				u := &set.File.Units[i]
				u.State = exchange.Translated
				if u.Plural() {
					for c := range u.TargetForms {
						src := u.SourceForms[c]
						if src == "" {
							src = u.SourceForms["other"]
						}
						u.TargetForms[c] = mark(src)
					}
					continue
				}
				u.Target = mark(u.Source)
			}
			var b bytes.Buffer
			if err := exchange.Write(&b, set.File, format); err != nil {
				t.Fatal(err)
			}
			f, err := exchange.Read("translate.es"+exchange.Lookup(format).Ext(), b.Bytes())
			if err != nil {
				t.Fatalf("reading the export back: %v", err)
			}
			changes, errs := Apply(p.report, p.cfg, p.repo.RawLang, f, Options{})
			for _, err := range errs {
				t.Error(err)
			}
			for _, c := range changes {
				if c.Entry && !c.Complete {
					t.Errorf("%s: every unit was translated, but it stays a draft", c.Path)
				}
				if err := atomicfile.Write(root, c.Path, c.Data); err != nil {
					t.Fatal(err)
				}
			}
			after := load(t, root)
			for _, it := range after.report.Items {
				if it.Source == nil || it.Source.Err != nil {
					continue
				}
				for _, tr := range it.Translations {
					if tr.Lang != "es" {
						continue
					}
					if tr.Entry != nil && tr.Entry.Err != nil {
						continue // unparsable translations are refused, not replaced
					}
					if tr.State != status.Current {
						t.Errorf("%s is %s (%s) after the import", tr.Path, tr.State, tr.Why)
					}
					if tr.Entry != nil && !bytes.Contains(tr.Entry.Doc.Raw, []byte("«es» ")) {
						t.Errorf("%s has none of the imported text", tr.Path)
					}
				}
			}
			for _, c := range after.report.Catalogs {
				for _, m := range c.Messages {
					for _, mt := range m.Translations {
						if mt.Lang == "es" && mt.State != status.Current && mt.State != status.Orphan {
							t.Errorf("message %s is %s after the import", m.ID, mt.State)
						}
					}
				}
			}
			// Importing the same file again changes nothing.
			again := load(t, root)
			changes, errs = Apply(again.report, again.cfg, again.repo.RawLang, f, Options{})
			if len(errs) > 0 || len(changes) > 0 {
				t.Errorf("a second import plans %d changes (%v), want none", len(changes), errs)
			}
		})
	}
}

// TestNoOpImport: importing an export whose targets equal the existing
// translations changes no byte.
func TestNoOpImport(t *testing.T) {
	root := sample(t)
	p := load(t, root)
	set := Collect(p.report, "es", nil)
	for i := range set.File.Units {
		if set.File.Units[i].State == exchange.NeedsReview {
			set.File.Units[i].State = exchange.Translated // confirmed as they are
		}
	}
	var b bytes.Buffer
	if err := exchange.Write(&b, set.File, "po"); err != nil {
		t.Fatal(err)
	}
	f, err := exchange.Read("es.po", b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	// Only the current translations: confirming a stale one stamps it.
	var current []exchange.Unit
	for _, u := range f.Units {
		if known := set.targets[u.ID]; known.tr != nil && known.tr.State == status.Current || known.msg != nil {
			current = append(current, u)
		}
	}
	f.Units = current
	changes, errs := Apply(p.report, p.cfg, p.repo.RawLang, f, Options{})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	for _, c := range changes {
		t.Errorf("%s would change:\n%s", c.Path, c.Data)
	}
}

func TestRefusals(t *testing.T) {
	root := sample(t)
	p := load(t, root)
	set := Collect(p.report, "es", nil)
	var para exchange.Unit
	for _, u := range set.File.Units {
		if len(markdown.Markup(u.Source)) > 0 && u.Kind != exchange.KindMessage {
			para = u
			break
		}
	}
	if para.ID == "" {
		t.Fatal("the sample has no unit with links, code or citations")
	}
	tests := []struct {
		name string
		file exchange.File
		want string
	}{
		{"unknown unit", exchange.File{TargetLang: "es", Units: []exchange.Unit{{ID: "nope#title", Target: "x", State: exchange.Translated}}},
			"unit nope#title names no entry field"},
		{"reference outside", exchange.File{TargetLang: "es", Units: []exchange.Unit{{ID: para.ID, Target: para.Source, State: exchange.Translated, Refs: []exchange.Ref{{Path: "../../etc/passwd", Line: 1}}}}},
			"points outside the repository"},
		{"absolute reference", exchange.File{TargetLang: "es", Units: []exchange.Unit{{ID: para.ID, Target: para.Source, State: exchange.Translated, Refs: []exchange.Ref{{Path: "/etc/passwd"}}}}},
			"points outside the repository"},
		{"original outside", exchange.File{TargetLang: "es", Original: "../../secrets"}, "outside the repository"},
		{"unknown language", exchange.File{TargetLang: "de"}, "not a language of this project"},
		{"no language", exchange.File{}, "does not say its target language"},
		{"markup", exchange.File{TargetLang: "es", Units: []exchange.Unit{{ID: para.ID, Target: "no links here", State: exchange.Translated}}},
			"differ from the source's"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			changes, errs := Apply(p.report, p.cfg, p.repo.RawLang, &tt.file, Options{})
			if len(changes) > 0 {
				t.Errorf("a refused file plans %d changes", len(changes))
			}
			if len(errs) == 0 || !strings.Contains(errs[0].Error(), tt.want) {
				t.Errorf("errors = %v, want one saying %q", errs, tt.want)
			}
		})
	}
	// --force applies a markup mismatch.
	f := exchange.File{TargetLang: "es", Units: []exchange.Unit{{ID: para.ID, Target: "no links here", State: exchange.Translated}}}
	if _, errs := Apply(p.report, p.cfg, p.repo.RawLang, &f, Options{Force: true}); len(errs) > 0 {
		t.Errorf("with Force: %v", errs)
	}
}

// TestPartial: an entry with only some units translated keeps the source's
// text for the others and is a draft, never current.
func TestPartial(t *testing.T) {
	root := sample(t)
	p := load(t, root)
	set := Collect(p.report, "es", []status.State{status.Missing})
	if len(set.File.Units) < 2 {
		t.Fatal("the sample has no missing Spanish entry with two units")
	}
	first := set.File.Units[0]
	first.Target, first.State = mark(first.Source), exchange.Translated
	f := &exchange.File{TargetLang: "es", Units: []exchange.Unit{first}}
	changes, errs := Apply(p.report, p.cfg, p.repo.RawLang, f, Options{})
	if len(errs) > 0 || len(changes) != 1 {
		t.Fatalf("Apply = %d changes, %v", len(changes), errs)
	}
	c := changes[0]
	if !c.Entry || c.Complete || !c.Create {
		t.Errorf("change %+v, want a new, incomplete entry", c)
	}
	if err := os.MkdirAll(filepath.Dir(filepath.Join(root, c.Path)), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := atomicfile.Write(root, c.Path, c.Data); err != nil {
		t.Fatal(err)
	}
	after := load(t, root)
	for _, it := range after.report.Items {
		for _, tr := range it.Translations {
			if tr.Path == c.Path && tr.State != status.Untranslated {
				t.Errorf("%s is %s, want untranslated (a draft)", tr.Path, tr.State)
			}
		}
	}
}

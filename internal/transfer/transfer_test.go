package transfer

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

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

// applied plans importing f and fails the test on an error or a refused
// unit.
func applied(t *testing.T, p loaded, f *exchange.File, opts Options) []Change {
	t.Helper()
	res, err := Apply(p.report, p.cfg, p.repo.RawLang, f, opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res.Refused {
		t.Errorf("line %d: unit %s refused (%s): %s", r.Line, r.ID, r.Reason, r.Text)
	}
	return res.Changes
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
			for _, c := range applied(t, p, f, Options{}) {
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
			if changes := applied(t, again, f, Options{}); len(changes) > 0 {
				t.Errorf("a second import plans %d changes, want none", len(changes))
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
	for _, c := range applied(t, p, f, Options{}) {
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
	// Refused as a whole: nothing of it can be applied.
	files := []struct {
		name string
		file exchange.File
		want string
	}{
		{"original outside", exchange.File{TargetLang: "es", Original: "../../secrets"}, "outside the repository"},
		{"unknown language", exchange.File{TargetLang: "de"}, "not a language of this project"},
		{"no language", exchange.File{}, "does not say its target language"},
	}
	for _, tt := range files {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Apply(p.report, p.cfg, p.repo.RawLang, &tt.file, Options{})
			if res != nil || err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Apply = %+v, %v; want an error saying %q", res, err, tt.want)
			}
		})
	}
	// Refused unit by unit: the good unit beside each is applied.
	var good exchange.Unit
	for _, u := range set.File.Units {
		if u.Kind != exchange.KindMessage && u.ID != para.ID && u.State != exchange.Translated {
			good = u
			break
		}
	}
	good.Target, good.State = mark(good.Source), exchange.Translated
	units := []struct {
		name   string
		unit   exchange.Unit
		reason Reason
		want   string
	}{
		{"unknown unit", exchange.Unit{ID: "nope#title", Target: "x", State: exchange.Translated, Line: 7}, Unknown,
			"unit nope#title names no entry field"},
		{"block gone", exchange.Unit{ID: strings.Split(para.ID, "#")[0] + "#p-00000000", Target: "x", State: exchange.Translated, Line: 7},
			SourceChanged, "changed or was removed"},
		{"source changed", exchange.Unit{ID: para.ID, Source: para.Source + " More.", Target: para.Source, State: exchange.Translated, Line: 7},
			SourceChanged, "its source changed"},
		{"reference outside", exchange.Unit{ID: para.ID, Target: para.Source, State: exchange.Translated, Line: 7, Refs: []exchange.Ref{{Path: "../../etc/passwd", Line: 1}}},
			RefOutside, "points outside the repository"},
		{"absolute reference", exchange.Unit{ID: para.ID, Target: para.Source, State: exchange.Translated, Line: 7, Refs: []exchange.Ref{{Path: "/etc/passwd"}}},
			RefOutside, "points outside the repository"},
		{"markup", exchange.Unit{ID: para.ID, Target: "no links here", State: exchange.Translated, Line: 7}, Markup,
			"differ from the source's"},
	}
	for _, tt := range units {
		t.Run(tt.name, func(t *testing.T) {
			f := exchange.File{TargetLang: "es", Units: []exchange.Unit{good, tt.unit}}
			res, err := Apply(p.report, p.cfg, p.repo.RawLang, &f, Options{})
			if err != nil {
				t.Fatal(err)
			}
			want := []Refusal{{ID: tt.unit.ID, Line: 7, Reason: tt.reason}}
			if diff := cmp.Diff(want, res.Refused, cmpopts.IgnoreFields(Refusal{}, "Text")); diff != "" {
				t.Errorf("refused (-want +got):\n%s", diff)
			}
			if len(res.Refused) == 1 && !strings.Contains(res.Refused[0].Text.String(), tt.want) {
				t.Errorf("refused: %s, want it to say %q", res.Refused[0].Text, tt.want)
			}
			if res.Applied != 1 || len(res.Changes) != 1 {
				t.Errorf("applied %d units, %d changes; want the good unit applied", res.Applied, len(res.Changes))
			}
		})
	}
	// --force applies a markup mismatch.
	f := exchange.File{TargetLang: "es", Units: []exchange.Unit{{ID: para.ID, Target: "no links here", State: exchange.Translated}}}
	applied(t, p, &f, Options{Force: true})
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
	changes := applied(t, p, f, Options{})
	if len(changes) != 1 {
		t.Fatalf("Apply = %d changes", len(changes))
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

// TestStaleReviewedInPart: a stale entry is stamped current only when the
// file confirms every unit of it; one left for review keeps it stale.
func TestStaleReviewedInPart(t *testing.T) {
	root := sample(t)
	p := load(t, root)
	set := Collect(p.report, "es", []status.State{status.Stale})
	byEntry := map[*status.Translation][]exchange.Unit{}
	var stale *status.Translation
	for _, u := range set.File.Units {
		if tr := set.targets[u.ID].tr; tr != nil {
			byEntry[tr] = append(byEntry[tr], u)
			if len(byEntry[tr]) == 2 && stale == nil {
				stale = tr
			}
		}
	}
	if stale == nil {
		t.Fatal("the sample has no stale Spanish entry with two units")
	}
	units := byEntry[stale]
	for i := range units {
		units[i].State = exchange.Translated
	}
	units[1].State = exchange.NeedsReview
	res, err := Apply(p.report, p.cfg, p.repo.RawLang, &exchange.File{TargetLang: "es", Units: units}, Options{Force: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range res.Changes {
		if c.Path == stale.Path && c.Complete {
			t.Errorf("%s is stamped current, though unit %s was left for review", c.Path, units[1].ID)
		}
	}
	if res.Skipped != 1 {
		t.Errorf("skipped %d units, want 1", res.Skipped)
	}
	// Confirmed whole, it is stamped.
	units[1].State = exchange.Translated
	changes := applied(t, p, &exchange.File{TargetLang: "es", Units: units}, Options{Force: true})
	if len(changes) != 1 || changes[0].Path != stale.Path || !changes[0].Complete {
		t.Errorf("changes = %+v, want %s stamped current", changes, stale.Path)
	}
}

package goi18n

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/language"
)

func readFile(t *testing.T, path string) *File {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := Parse(path, data)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func ids(f *File) []string {
	var out []string
	if f == nil {
		return out
	}
	for _, m := range f.Messages {
		out = append(out, m.ID)
	}
	slices.Sort(out)
	return out
}

// TestMergeAgreement checks glosa against what goi18n merge v2.7.0 wrote for
// the catalog set in testdata/merge/in (see testdata/merge/README.md).
func TestMergeAgreement(t *testing.T) {
	in := filepath.Join("testdata", "merge", "in")
	source := readFile(t, filepath.Join(in, "active.en.toml"))
	targets := map[string]string{"es": "active.es.yaml", "it": "active.it.json", "de": "active.de.toml", "fr": "active.fr.toml"}
	for lang, name := range targets {
		t.Run(lang, func(t *testing.T) {
			target := readFile(t, filepath.Join(in, name))
			if target.Lang != language.Make(lang) {
				t.Fatalf("language from %s = %v, want %s", name, target.Lang, lang)
			}
			forms, ok := PluralForms(target.Lang)
			if !ok {
				t.Fatalf("no plural rule for %s", lang)
			}
			var need, active, stale []string
			for _, src := range source.Messages {
				tr := target.Message(src.ID)
				if NeedsTranslation(src, tr, forms) {
					need = append(need, src.ID)
				}
				switch StateOf(src, tr) {
				case Current, Unverified:
					active = append(active, src.ID)
				case Stale:
					stale = append(stale, src.ID)
					if !hasText(tr) {
						t.Errorf("stale %s lost its text", src.ID)
					}
				}
			}
			slices.Sort(need)
			slices.Sort(active)
			out := filepath.Join("testdata", "merge", "out")
			var goTranslate, goActive *File
			if p := filepath.Join(out, "toml", "translate."+lang+".toml"); exists(p) {
				goTranslate = readFile(t, p)
			}
			if p := filepath.Join(out, "toml", "active."+lang+".toml"); exists(p) {
				goActive = readFile(t, p)
			}
			if diff := cmp.Diff(ids(goTranslate), need, cmpEmpty); diff != "" {
				t.Errorf("messages to translate differ from goi18n (-goi18n +glosa):\n%s", diff)
			}
			if diff := cmp.Diff(ids(goActive), active, cmpEmpty); diff != "" {
				t.Errorf("messages kept differ from goi18n (-goi18n +glosa):\n%s", diff)
			}
			for _, id := range stale {
				if goActive != nil && goActive.Message(id) != nil {
					t.Errorf("goi18n kept stale %s; the fixture no longer shows the difference", id)
				}
			}
			// What glosa sync does instead of goi18n merge: add a stub for
			// every missing message and keep everything else.
			synced := target
			var stubs []Addition
			for _, src := range source.Messages {
				if synced.Message(src.ID) != nil {
					continue
				}
				stubs = append(stubs, Addition{Stub(src, forms), SourceComment("en", src)})
				out, err := synced.Add(Stub(src, forms), SourceComment("en", src))
				if err != nil {
					t.Fatalf("adding %s: %v", src.ID, err)
				}
				if !bytes.HasPrefix(out, bytes.TrimSuffix(synced.Bytes(), []byte("\n}\n"))) {
					t.Errorf("adding %s changed existing text:\n%s", src.ID, out)
				}
				if synced, err = Parse(target.Path, out); err != nil {
					t.Fatal(err)
				}
			}
			// glosa sync adds them in one edit, to the same bytes.
			all, err := target.AddAll(stubs)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(synced.Bytes()), string(all)); diff != "" {
				t.Errorf("AddAll differs from one Add after another (-Add +AddAll):\n%s", diff)
			}
			var needAfter []string
			for _, src := range source.Messages {
				before, after := target.Message(src.ID), synced.Message(src.ID)
				if NeedsTranslation(src, after, forms) {
					needAfter = append(needAfter, src.ID)
				}
				switch sb, sa := StateOf(src, before), StateOf(src, after); {
				case sb == Missing && sa != Untranslated:
					t.Errorf("stub for %s is %v, want untranslated", src.ID, sa)
				case sb != Missing && !cmp.Equal(before, after):
					t.Errorf("sync changed %s:\n%s", src.ID, cmp.Diff(before, after))
				}
			}
			slices.Sort(needAfter)
			if diff := cmp.Diff(need, needAfter); diff != "" {
				t.Errorf("after adding stubs, messages to translate changed (-before +after):\n%s", diff)
			}

			for _, format := range []string{"toml", "json", "yaml"} {
				got, err := TranslateFile(source, target, target.Lang, format)
				if err != nil {
					t.Fatal(err)
				}
				want, err := os.ReadFile(filepath.Join(out, format, "translate."+lang+"."+format))
				if err != nil && !os.IsNotExist(err) {
					t.Fatal(err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("TranslateFile(%s) differs from goi18n (-goi18n +glosa):\n%s", format, cmp.Diff(string(want), string(got)))
				}
			}
		})
	}
}

var cmpEmpty = cmp.Transformer("nilEmpty", func(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
})

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// hasText reports whether any plural form of m has text.
func hasText(m *Message) bool {
	for _, s := range m.Text {
		if s != "" {
			return true
		}
	}
	return false
}

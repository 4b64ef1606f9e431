package status

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestTranslatedFrom: the one rule for what a translation was made from,
// in every case status, stamp and diff meet. The project's source is it.
func TestTranslatedFrom(t *testing.T) {
	files := map[string]string{
		"content/it/a.md": source("Uno", "Due."),
		"content/en/a.md": source("One", "Two."),
		// Two English entries claim b: the one whose path names it is kept,
		// though the other comes first by path.
		"content/it/b.md":        source("Uno", "Due."),
		"content/en/a-b.md":      lines("---", "title: B by key", "translationKey: b", "---"),
		"content/en/b.md":        source("B", "Two."),
		"content/it/bad.md":      source("Uno", "Due."),
		"content/en/bad.md":      lines("---", "title: [", "---"),
		"content/it/gone.md":     source("Uno", "Due."),
		"content/it/named-it.md": source("Uno", "Due."),
		"content/it/foreign.md":  source("Uno", "Due."),
		"content/it/de.md":       source("Uno", "Due."),

		"content/es/none.md":     lines("---", "title: Uno", "---"),
		"content/es/a.md":        lines("---", "title: A", "translation: {hash: sha256-0}", "---"),
		"content/es/named-it.md": lines("---", "title: A", "translation: {source: it, hash: sha256-0}", "---"),
		"content/fr/a.md":        lines("---", "title: A", "translation: {source: en, hash: sha256-0}", "---"),
		"content/fr/foreign.md":  lines("---", "title: A", "default_lang_commit: 0123456789abcdef", "---"),
		"content/es/b.md":        lines("---", "title: B", "translation: {source: en, hash: sha256-0}", "---"),
		"content/es/bad.md":      lines("---", "title: Malo", "translation: {source: en, hash: sha256-0}", "---"),
		"content/es/gone.md":     lines("---", "title: Ido", "translation: {source: en, hash: sha256-0}", "---"),
		"content/es/de.md":       lines("---", "title: De", "translation: {source: de, hash: sha256-0}", "---"),
		"content/es/orphan.md":   lines("---", "title: Huérfano", "translation: {hash: sha256-0}", "---"),
	}
	const cfg = "source: it\nlanguages: [it, en, es, fr]\n"
	r := Compute(repo(t, cfg, files))
	byPath := map[string]*Translation{}
	for i := range r.Items {
		for j := range r.Items[i].Translations {
			if tr := &r.Items[i].Translations[j]; tr.Entry != nil {
				byPath[tr.Path] = tr
			}
		}
	}
	tests := []struct {
		path, why string
		lang      string
		entry     string // the origin entry's path; "" for none
		err       bool   // the origin entry cannot be read
	}{
		{"content/es/none.md", "no record", "it", "", false},
		{"content/es/a.md", "a record that names no language", "it", "content/it/a.md", false},
		{"content/es/named-it.md", "a record that names the source", "it", "content/it/named-it.md", false},
		{"content/fr/foreign.md", "another tool's record", "it", "content/it/foreign.md", false},
		{"content/fr/a.md", "a pivot", "en", "content/en/a.md", false},
		{"content/es/b.md", "a pivot claimed twice: the entry kept", "en", "content/en/b.md", false},
		{"content/es/bad.md", "an unreadable pivot", "en", "content/en/bad.md", true},
		{"content/es/gone.md", "a pivot without the entry", "en", "", false},
		{"content/es/de.md", "a pivot that is no language of the project", "de", "", false},
		{"content/es/orphan.md", "a renamed (or removed) source: an orphan", "it", "", false},
	}
	for _, tt := range tests {
		e := r.Repo.Entries[0]
		for _, x := range r.Repo.Entries {
			if x.Path == tt.path {
				e = x
			}
		}
		if e.Path != tt.path {
			t.Fatalf("%s: no entry", tt.path)
		}
		o := r.TranslatedFrom(e)
		got := struct {
			Lang, Entry string
			Err         bool
		}{Lang: o.Lang}
		if o.Entry != nil {
			got.Entry, got.Err = o.Entry.Path, o.Entry.Err != nil
		}
		want := got
		want.Lang, want.Entry, want.Err = tt.lang, tt.entry, tt.err
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s (%s) (-want +got):\n%s", tt.path, tt.why, diff)
		}
		if o.Pivot(r.Source) != (tt.lang != "it") {
			t.Errorf("%s: Pivot = %v", tt.path, o.Pivot(r.Source))
		}
	}
	// status follows the origin: an unreadable or missing pivot leaves the
	// translation unverified.
	for _, p := range []string{"content/es/bad.md", "content/es/gone.md", "content/es/de.md"} {
		if tr := byPath[p]; tr == nil || tr.Reason != RecordSourceMissing {
			t.Errorf("%s: %+v, want %s", p, tr, RecordSourceMissing)
		}
	}
}

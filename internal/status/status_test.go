package status

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/testtree"
)

const testConfig = `source: it
languages: [it, es, en]
content:
  - path: content/{lang}/{slug}.md
    fields:
      title: text
      category: key
`

func lines(ls ...string) string { return strings.Join(ls, "\n") + "\n" }

// repo writes files into a temporary folder and scans it. A file's text
// may hold HASH(path), replaced by the source hash of that file.
func repo(t *testing.T, cfgText string, files map[string]string) *content.Repo {
	t.Helper()
	root := t.TempDir()
	cfg, err := config.Parse("glosa.yaml", []byte(cfgText))
	if err != nil {
		t.Fatal(err)
	}
	hashOf := func(name string) string {
		d, err := content.Parse([]byte(files[name]))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return content.Hash(d, cfg.Content[0].Fields)
	}
	for name, data := range files {
		for {
			i := strings.Index(data, "HASH(")
			if i < 0 {
				break
			}
			j := strings.Index(data[i:], ")")
			data = data[:i] + hashOf(data[i+5:i+j]) + data[i+j+1:]
		}
		testtree.WriteFile(t, root, name, []byte(data))
	}
	r, err := content.Scan(root, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// row is a Translation as a test compares it.
type row struct {
	Slug, Lang string
	State      State
	Path       string
	Words      int
	Why        string
}

func rows(r *Report) []row {
	var out []row
	for _, it := range r.Items {
		for _, t := range it.Translations {
			out = append(out, row{Slug: it.Slug, Lang: t.Lang, State: t.State, Path: t.Path, Words: t.Words, Why: t.Why})
		}
	}
	return out
}

// source entries: four words of title, and a body of the words given.
func source(title, body string) string {
	return lines("---", "title: "+title, "category: Basics", "---", "", body)
}

func TestStates(t *testing.T) {
	files := map[string]string{
		"content/it/current.md": source("Uno due tre quattro", "Cinque sei."),
		"content/es/current.md": lines("---", "title: Uno", "translation:", "  source: it", "  hash: HASH(content/it/current.md)", "---", "Cinco seis."),
		// A record without source names the project's source.
		"content/en/current.md": lines("---", "title: One", "translation: {hash: HASH(content/it/current.md)}", "---", "Five six."),

		"content/it/stale.md": source("Uno due tre quattro", "Cinque sei sette."),
		"content/es/stale.md": lines("---", "title: Uno", "translation: {source: it, hash: sha256-0000000000000000}", "---", "Cinco."),

		"content/it/missing.md": source("Uno due", "Tre quattro cinque."), // 5 words

		"content/it/draft.md": source("Uno due", "Tre."),
		// A draft is untranslated even with a matching record.
		"content/es/draft.md": lines("---", "title: Uno", "draft: true", "translation: {hash: HASH(content/it/draft.md)}", "---", "Tres."),

		"content/it/copy.md": source("Uno due", "Tre quattro."),
		// Its body is the source's, though the title is translated.
		"content/es/copy.md": lines("---", "title: Uno dos", "category: Basics", "---", "", "Tre", "quattro."),
		// Its title and body are the source's: also untranslated.
		"content/en/copy.md": source("Uno due", "Tre quattro."),

		// A record decides: identical text is then a finding, not a state.
		"content/it/recorded.md": source("Uno due", "Tre quattro."),
		"content/es/recorded.md": lines("---", "title: Uno due", "category: Basics", "translation: {hash: HASH(content/it/recorded.md)}", "---", "", "Tre quattro."),
		"content/en/recorded.md": lines("---", "title: Uno due", "category: Basics", "translation: {hash: sha256-0000000000000000}", "---", "", "Tre quattro."),

		// Nothing to translate: a year, a shortcode, a script.
		"content/it/year.md":      lines("---", "title: 2025", "---"),
		"content/es/year.md":      lines("---", "title: 2025", "---"),
		"content/it/shortcode.md": source("Uno due", "{{% docs/intro java /%}}"),
		"content/es/shortcode.md": lines("---", "title: Uno dos", "category: Basics", "---", "", "{{% docs/intro java /%}}"),
		"content/it/script.md":    source("Uno due", "<script>\nvar anno = new Date().getFullYear();\n</script>"),
		"content/es/script.md":    lines("---", "title: Uno dos", "category: Basics", "---", "", "<script>", "var anno = new Date().getFullYear();", "</script>"),
		// A copy a translation tool escaped is still a copy.
		"content/it/escaped.md": source("Uno *due*", "Tre *quattro* [cinque](https://example.com/a_b)_sei_."),
		"content/es/escaped.md": lines("---", "title: Uno \\*due\\*", "category: Basics", "---", "", "Tre \\*quattro\\* [cinque](https://example.com/a_b)\\_sei\\_."),

		"content/it/legacy.md": source("Uno", "Due."),
		"content/es/legacy.md": lines("---", "title: Uno es", "---", "Dos."),

		"content/it/broken.md": source("Uno", "Due."),
		"content/es/broken.md": lines("---", "title: [unclosed", "---"),
		"content/en/broken.md": lines("---", "title: One", "translation: not a mapping", "---", "Two."),

		"content/it/badsource.md": lines("---", "title: 'unclosed", "---"),
		"content/es/badsource.md": lines("---", "title: Uno", "translation: {hash: sha256-0000000000000000}", "---"),

		// Spanish translated from English, which matches…
		"content/it/via.md": source("Uno", "Due tre."),
		"content/en/via.md": lines("---", "title: One", "translation: {hash: HASH(content/it/via.md)}", "---", "Two three."),
		"content/es/via.md": lines("---", "title: Uno", "translation:", "  source: en", "  hash: HASH(content/en/via.md)", "---", "Dos tres."),
		// …or names a language that has no entry.
		"content/it/noen.md": source("Uno", "Due."),
		"content/es/noen.md": lines("---", "title: Uno", "translation: {source: EN, hash: sha256-0000000000000000}", "---", "Dos."),

		"content/es/orphan.md": lines("---", "title: Huérfano", "---"),
	}
	r := Compute(repo(t, testConfig, files))
	want := []row{
		{"badsource", "es", Unverified, "content/es/badsource.md", 0, "the source cannot be parsed; see glosa check"},
		{"badsource", "en", Missing, "content/en/badsource.md", 0, "no translation file"},
		{"broken", "es", Unverified, "content/es/broken.md", 0, "the translation cannot be parsed; see glosa check"},
		{"broken", "en", Unverified, "content/en/broken.md", 0, "the translation cannot be parsed; see glosa check"},
		{"copy", "es", Untranslated, "content/es/copy.md", 4, "its text is the source's"},
		{"copy", "en", Untranslated, "content/en/copy.md", 4, "its text is the source's"},
		{"current", "es", Current, "content/es/current.md", 0, "the record matches the source"},
		{"current", "en", Current, "content/en/current.md", 0, "the record matches the source"},
		{"draft", "es", Untranslated, "content/es/draft.md", 3, "marked draft: true"},
		{"draft", "en", Missing, "content/en/draft.md", 3, "no translation file"},
		{"escaped", "es", Untranslated, "content/es/escaped.md", 5, "its text is the source's"},
		{"escaped", "en", Missing, "content/en/escaped.md", 5, "no translation file"},
		{"legacy", "es", Unverified, "content/es/legacy.md", 0, "no translation record; run glosa stamp once it is checked"},
		{"legacy", "en", Missing, "content/en/legacy.md", 2, "no translation file"},
		{"missing", "es", Missing, "content/es/missing.md", 5, "no translation file"},
		{"missing", "en", Missing, "content/en/missing.md", 5, "no translation file"},
		{"noen", "es", Unverified, "content/es/noen.md", 0, "the record names en, which has no readable entry"},
		{"noen", "en", Missing, "content/en/noen.md", 2, "no translation file"},
		{"orphan", "es", Orphan, "content/es/orphan.md", 0, "the source language has no entry orphan"},
		{"recorded", "es", Current, "content/es/recorded.md", 0, "the record matches the source"},
		{"recorded", "en", Stale, "content/en/recorded.md", 4, "the source changed since the recorded version"},
		{"script", "es", Unverified, "content/es/script.md", 0, "no translation record; run glosa stamp once it is checked"},
		{"script", "en", Missing, "content/en/script.md", 2, "no translation file"},
		{"shortcode", "es", Unverified, "content/es/shortcode.md", 0, "no translation record; run glosa stamp once it is checked"},
		{"shortcode", "en", Missing, "content/en/shortcode.md", 5, "no translation file"}, // words of the shortcode counted
		{"stale", "es", Stale, "content/es/stale.md", 7, "the source changed since the recorded version"},
		{"stale", "en", Missing, "content/en/stale.md", 7, "no translation file"},
		{"via", "es", Current, "content/es/via.md", 0, "the record matches the source"},
		{"via", "en", Current, "content/en/via.md", 0, "the record matches the source"},
		{"year", "es", Unverified, "content/es/year.md", 0, "no translation record; run glosa stamp once it is checked"},
		{"year", "en", Missing, "content/en/year.md", 1, "no translation file"},
	}
	if diff := cmp.Diff(want, rows(r)); diff != "" {
		t.Errorf("states mismatch (-want +got):\n%s", diff)
	}

	// The source changes under the English translation: the Spanish one,
	// made from English, follows English's current text, not Italian.
	var recorded string
	for _, e := range r.Repo.Entries {
		if e.Path == "content/es/via.md" {
			recorded = e.Record.Hash
		}
	}
	files["content/es/via.md"] = strings.Replace(files["content/es/via.md"], "HASH(content/en/via.md)", recorded, 1)
	files["content/en/via.md"] = lines("---", "title: One, revised", "translation: {hash: HASH(content/it/via.md)}", "---", "Two three.")
	for _, row := range rows(Compute(repo(t, testConfig, files))) {
		if row.Slug == "via" && row.Lang == "es" && row.State != Stale {
			t.Errorf("es/via after en/via changed: %s, want stale", row.State)
		}
	}
}

func TestLanguages(t *testing.T) {
	files := map[string]string{
		"content/it/a.md": source("Uno", "Due tre."),
		"content/it/b.md": source("Uno", "Due."),
		"content/it/c.md": source("Uno due", "Tre quattro cinque."),
		"content/es/a.md": lines("---", "title: Uno es", "translation: {hash: HASH(content/it/a.md)}", "---", "Dos tres."),
		"content/es/b.md": lines("---", "title: Uno es", "translation: {hash: HASH(content/it/b.md)}", "---", "Dos."),
		"content/es/z.md": lines("---", "title: Huérfano", "---"),
	}
	r := Compute(repo(t, testConfig, files))
	want := []Language{
		// 2 of 3: 66.666…, rounded down to 66.6, never up to 66.7.
		{Lang: "es", Name: "español", Total: 3, Counts: map[State]int{Current: 2, Missing: 1, Orphan: 1}, Coverage: 66.6, WordsToTranslate: 5},
		{Lang: "en", Name: "English", Total: 3, Counts: map[State]int{Missing: 3}, Coverage: 0, WordsToTranslate: 3 + 2 + 5},
	}
	if diff := cmp.Diff(want, r.Languages); diff != "" {
		t.Errorf("Languages mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"es", "en"}, r.Targets()); diff != "" {
		t.Errorf("Targets mismatch (-want +got):\n%s", diff)
	}
}

func TestCoverageRounding(t *testing.T) {
	tests := []struct {
		current, total int
		want           float64
	}{
		{0, 0, 100}, // nothing to translate: all done
		{0, 5, 0},
		{1, 3, 33.3},
		{2, 3, 66.6},
		{1, 6, 16.6},
		{5, 6, 83.3},
		{999, 1000, 99.9},
		{9999, 10000, 99.9}, // 99.99 is not 100
		{29, 100, 29},
		{57, 100, 57},
		{3, 3, 100},
	}
	for _, tt := range tests {
		if got := coverage(tt.current, tt.total); got != tt.want {
			t.Errorf("coverage(%d, %d) = %v, want %v", tt.current, tt.total, got, tt.want)
		}
	}
}

func TestParseState(t *testing.T) {
	for _, s := range States {
		if got, ok := ParseState(string(s)); !ok || got != s {
			t.Errorf("ParseState(%q) = %q, %v", s, got, ok)
		}
	}
	if _, ok := ParseState("done"); ok {
		t.Error("ParseState(done) is a state")
	}
}

func TestOnlyLanguages(t *testing.T) {
	files := map[string]string{
		"content/it/a.md": source("Uno", "Due."),
		"content/es/a.md": lines("---", "title: Uno es", "---", "Dos."),
		"content/en/z.md": lines("---", "title: Orphan", "---"),
	}
	r := Compute(repo(t, testConfig, files)).OnlyLanguages([]string{"es"})
	want := []row{{"a", "es", Unverified, "content/es/a.md", 0, "no translation record; run glosa stamp once it is checked"}}
	if diff := cmp.Diff(want, rows(r)); diff != "" {
		t.Errorf("OnlyLanguages mismatch (-want +got):\n%s", diff)
	}
	if len(r.Languages) != 1 || r.Languages[0].Lang != "es" || len(r.Items) != 1 {
		t.Errorf("OnlyLanguages(es) kept %+v and %d items", r.Languages, len(r.Items))
	}
}

func TestDuplicates(t *testing.T) {
	files := map[string]string{
		"content/it/a.md":      source("Uno", "Due."),
		"content/es/a.md":      lines("---", "title: A", "---"),
		"content/es/a-bis.md":  lines("---", "title: A bis", "translationKey: a", "---"),
		"content/es/b.md":      lines("---", "title: B", "translationKey: a", "---"),
		"content/en/one.md":    lines("---", "title: One", "translationKey: a", "---"),
		"content/en/second.md": lines("---", "title: Second", "translationKey: a", "---"),
	}
	r := Compute(repo(t, testConfig, files))
	var got [][2]string
	for _, d := range r.Duplicates {
		got = append(got, [2]string{d.Entry.Path, d.Kept})
	}
	want := [][2]string{
		{"content/en/second.md", "content/en/one.md"}, // both by key: the first by path stays
		{"content/es/a-bis.md", "content/es/a.md"},    // the path names the slug: a.md stays
		{"content/es/b.md", "content/es/a.md"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Duplicates mismatch (-want +got):\n%s", diff)
	}
}

// fakeHistory answers as git would for a few files.
type fakeHistory struct {
	since map[string]int  // "path@commit" → commits after it
	after map[string]bool // "path>other" → path changed after other
}

func (h fakeHistory) Since(path, commit string) (int, bool) {
	n, ok := h.since[path+"@"+commit]
	return n, ok
}

func (h fakeHistory) RenamedTo(string) string { return "" }

func (h fakeHistory) ChangedAfter(path, other string) (bool, bool) {
	c, ok := h.after[path+">"+other]
	return c, ok
}

// TestHistory: records other tools write (MDN's l10n.sourceCommit,
// OpenTelemetry's default_lang_commit) are decided by git history, and an
// unverified translation gets history's guess.
func TestHistory(t *testing.T) {
	files := map[string]string{
		"content/it/a.md": source("Uno", "Due."),
		"content/es/a.md": lines("---", "title: Uno", "default_lang_commit: 3f1c9a0 # the Italian version", "---", "Dos."),
		"content/en/a.md": lines("---", "title: One", "l10n:", "  sourceCommit: 3F1C9A0B", "---", "Two."),
		"content/it/b.md": source("Tre", "Quattro."),
		"content/es/b.md": lines("---", "title: Tres", "default_lang_commit: abcdef1", "---", "Cuatro."),
		"content/en/b.md": lines("---", "title: Three", "---", "Four."),
	}
	hist := fakeHistory{
		since: map[string]int{"content/it/a.md@3f1c9a0": 0, "content/it/a.md@3f1c9a0b": 2},
		after: map[string]bool{"content/it/b.md>content/en/b.md": true},
	}
	r := ComputeWith(repo(t, testConfig, files), hist)
	got := map[string]string{}
	for _, it := range r.Items {
		for _, tr := range it.Translations {
			got[tr.Path] = string(tr.State) + " " + string(tr.Reason)
			if tr.ProbablyStale {
				got[tr.Path] += " probably-stale"
			}
		}
	}
	want := map[string]string{
		"content/es/a.md": "current commit-matches",
		"content/en/a.md": "stale commit-changed",
		"content/es/b.md": "unverified commit-unknown",
		"content/en/b.md": "unverified no-record probably-stale",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("states mismatch (-want +got):\n%s", diff)
	}
	// Without history, a commit cannot be judged.
	r = Compute(repo(t, testConfig, files))
	for _, it := range r.Items {
		for _, tr := range it.Translations {
			if tr.Path == "content/es/a.md" && tr.Reason != CommitUnknown {
				t.Errorf("without history %s is %s (%s)", tr.Path, tr.State, tr.Reason)
			}
		}
	}
}

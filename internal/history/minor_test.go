package history

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// testTrailer is glosa.yaml's default (config.DefaultTrailer).
const testTrailer = "Glosa: minor"

func TestMinorMatches(t *testing.T) {
	rule := Minor{Trailer: testTrailer, Keywords: []string{"fix typo", "[minor]"}}
	tests := []struct {
		name     string
		rule     Minor
		trailers []string
		subject  string
		want     bool
	}{
		{"the trailer", rule, []string{"Glosa: minor"}, "docs: reword", true},
		{"among several", rule, []string{"Signed-off-by: A <a@example.com>", "glosa:   MINOR", "Co-authored-by: B"}, "x", true},
		{"another value", rule, []string{"Glosa: major"}, "x", false},
		{"another key", rule, []string{"Glosa-Note: minor"}, "x", false},
		{"no colon", rule, []string{"Glosa minor"}, "x", false},
		{"a subject keyword", rule, nil, "docs: Fix Typo in intro", true},
		{"a bracketed keyword", rule, nil, "[MINOR] links", true},
		{"no keyword", rule, nil, "docs: fix a typo", false},
		{"a custom trailer", Minor{Trailer: "Translation: skip"}, []string{"translation: Skip"}, "x", true},
		{"the zero rule", Minor{}, []string{"Glosa: minor"}, "fix typo", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.rule.Matches(tt.trailers, tt.subject); got != tt.want {
				t.Errorf("Matches(%q, %q) = %v, want %v", tt.trailers, tt.subject, got, tt.want)
			}
		})
	}
}

// TestMinorTrailers checks which commits Load reads as minor: git says
// what a trailer is (the last paragraph of the message, every line a
// trailer), so a trailer-like line elsewhere is not one.
func TestMinorTrailers(t *testing.T) {
	r := newRepo(t)
	messages := []struct {
		msg  string
		want bool
	}{
		{"docs: fix a link\n\nGlosa: minor", true},
		{"docs: fix a link\n\nSome text.\n\nSigned-off-by: A <a@example.com>\nglosa: Minor\nCo-authored-by: B <b@example.com>", true},
		{"docs: fix a link\n\nGlosa: minor\n\nA last paragraph that is prose.", false},
		{"docs: fix a link\n\nThe body says\nGlosa: minor in passing.", false},
		{"docs: rewrite the intro", false},
		{"Fix typo in the intro", true},
		{"Glosa: minor", false}, // a subject is never a trailer
	}
	var hashes []string
	for i, m := range messages {
		r.write("f.md", string(rune('a'+i)))
		hashes = append(hashes, r.commit(m.msg))
	}
	ix, err := LoadWith(r.dir, Options{Minor: Minor{Trailer: testTrailer, Keywords: []string{"fix typo"}}})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for i, m := range messages {
		if got := ix.Minor(hashes[i]); got != m.want {
			t.Errorf("Minor(%q) = %v, want %v", m.msg, got, m.want)
		}
	}
	plain := r.load()
	for _, h := range hashes {
		if plain.Minor(h) {
			t.Errorf("Minor(%s) without a rule = true", Short(h))
		}
	}
}

// TestMinorCache checks that the cache keeps which commits are minor, on
// a fast-forward too, and that another rule reads the history again.
func TestMinorCache(t *testing.T) {
	r := newRepo(t)
	r.write("f.md", "one")
	r.commit("first")
	r.write("f.md", "two")
	minor := r.commit("typo\n\nGlosa: minor")
	loadCached(t, r.dir, fromLog)
	if ix := loadCached(t, r.dir, fromCache); !ix.Minor(minor) {
		t.Errorf("the cached history lost the minor commit")
	}
	r.write("f.md", "three")
	minor2 := r.commit("again\n\nGlosa: minor")
	if ix := loadCached(t, r.dir, fromExtend); !ix.Minor(minor) || !ix.Minor(minor2) {
		t.Errorf("the extended history lost a minor commit")
	}
	other, err := LoadWith(r.dir, Options{Cache: testCache, Minor: Minor{Trailer: "Other: minor"}})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if other.source != fromLog || other.Minor(minor) {
		t.Errorf("another rule read the cache of the first")
	}
}

func TestBeforeMinor(t *testing.T) {
	r := newRepo(t)
	body := strings.Repeat("A paragraph long enough for git to see a rename.\n", 20)
	r.write("src.md", body+"v1")
	r.commit("first")
	r.write("src.md", body+"v2")
	r.commit("rewrite")
	r.write("src.md", body+"v3")
	m1 := r.commit("typo\n\nGlosa: minor")
	r.git("mv", "src.md", "moved.md")
	r.write("moved.md", body+"v4")
	m2 := r.commit("link\n\nGlosa: minor")
	ix, err := LoadWith(r.dir, Options{Minor: Minor{Trailer: testTrailer}})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	got := ix.BeforeMinor("moved.md")
	want := []Earlier{
		{Minor: []string{m2}, Data: []byte(body + "v3")},
		{Minor: []string{m2, m1}, Data: []byte(body + "v2")},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("BeforeMinor (-want +got):\n%s", d)
	}
	// An edit not committed is never minor by itself.
	r.write("moved.md", body+"v5")
	dirty, err := LoadWith(r.dir, Options{Minor: Minor{Trailer: testTrailer}})
	if err != nil {
		t.Fatal(err)
	}
	defer dirty.Close()
	if got := dirty.BeforeMinor("moved.md"); got != nil {
		t.Errorf("BeforeMinor of a dirty file = %v, want none", got)
	}
	// A newest change that is not minor: nothing.
	r.commit("real")
	if got := r.load().BeforeMinor("moved.md"); got != nil {
		t.Errorf("BeforeMinor after a real change = %v, want none", got)
	}
}

package report

import (
	"strconv"
	"strings"
	"testing"

	"github.com/glosa/glosa/internal/since"
)

// TestSinceMarkdownBudget: however many languages and changes, the body
// stays under what GitHub takes in a comment, and says what it left out.
func TestSinceMarkdownBudget(t *testing.T) {
	d := &since.Diff{Source: "en"}
	for l := range 60 {
		code := "x" + strconv.Itoa(l)
		d.Languages = append(d.Languages, since.Language{Lang: code, Counts: map[since.Kind]int{since.New: 200}})
		for i := range 200 {
			p := "content/" + code + "/" + strings.Repeat("deep/", 20) + strconv.Itoa(i) + ".md"
			d.Changes = append(d.Changes, since.Change{Kind: since.New, Lang: code, Slug: strconv.Itoa(i), Path: p, Source: p})
		}
	}
	var b strings.Builder
	if err := SinceMarkdown(&b, SinceView{Diff: d, Ref: "main", Commit: strings.Repeat("a", 40), RepoURL: "https://example.org/{path}"}); err != nil {
		t.Fatal(err)
	}
	if n := len([]rune(b.String())); n > 65536 {
		t.Errorf("the body has %d characters, more than a comment takes", n)
	}
	if !strings.Contains(b.String(), "- … 200 more\n") || !strings.Contains(b.String(), "- … 100 more\n") {
		t.Errorf("the body does not say what it left out:\n%s", b.String()[len(b.String())-500:])
	}
}

// TestSinceMarkdownWords: the words left to translate, «1 word» and «2
// words», none when there are none.
func TestSinceMarkdownWords(t *testing.T) {
	d := &since.Diff{Source: "en", Languages: []since.Language{{Lang: "es", Entries: true, Counts: map[since.Kind]int{since.New: 3}}}}
	for i, words := range []int{0, 1, 2} {
		p := "content/es/" + strconv.Itoa(i) + ".md"
		d.Changes = append(d.Changes, since.Change{Kind: since.New, Lang: "es", Slug: strconv.Itoa(i), Path: p, Source: p, Words: words})
	}
	var b strings.Builder
	if err := SinceMarkdown(&b, SinceView{Diff: d, Ref: "main", Commit: "abc"}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"`content/es/0.md`\n", "`content/es/1.md` (1 word)\n", "`content/es/2.md` (2 words)\n"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("no %q in:\n%s", want, b.String())
		}
	}
}

package markdown

import (
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func lines(ls ...string) string { return strings.Join(ls, "\n") + "\n" }

func TestAnalyzeBlocks(t *testing.T) {
	body := lines(
		"# Title",
		"",
		"A paragraph",
		"on two lines.",
		"",
		"Setext heading",
		"--------------",
		"",
		"- tight item",
		"- another",
		"",
		"> quoted text",
		"",
		"```go",
		"code() // not a block",
		"```",
		"",
		"    indented code",
		"",
		"<div>html, not a block</div>",
		"",
		"| a | b |",
		"|---|---|",
		"| 1 | ç |",
	)
	got := Analyze([]byte(body), 10).Blocks
	want := []Block{
		{Kind: "heading", Text: "Title", Line: 10, Col: 3, Plain: "Title", Prose: "Title"},
		{Kind: "paragraph", Text: "A paragraph\non two lines.", Line: 12, Col: 1, Plain: "A paragraph\non two lines.", Prose: "A paragraph\non two lines."},
		{Kind: "heading", Text: "Setext heading", Line: 15, Col: 1, Plain: "Setext heading", Prose: "Setext heading"},
		{Kind: "paragraph", Text: "tight item", Line: 18, Col: 3, Plain: "tight item", Prose: "tight item"},
		{Kind: "paragraph", Text: "another", Line: 19, Col: 3, Plain: "another", Prose: "another"},
		{Kind: "paragraph", Text: "quoted text", Line: 21, Col: 3, Plain: "quoted text", Prose: "quoted text"},
		{Kind: "cell", Text: "a", Line: 31, Col: 3, Plain: "a", Prose: "a"},
		{Kind: "cell", Text: "b", Line: 31, Col: 7, Plain: "b", Prose: "b"},
		{Kind: "cell", Text: "1", Line: 33, Col: 3, Plain: "1", Prose: "1"},
		{Kind: "cell", Text: "ç", Line: 33, Col: 7, Plain: "ç", Prose: "ç"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Blocks mismatch (-want +got):\n%s", diff)
	}
}

func TestAnalyzeLinks(t *testing.T) {
	body := lines(
		"## See [the paper](https://arxiv.org/abs/1706.03762)", // 5
		"",
		"Text with [a link](https://www.ibm.com/it-it/topics) and",                 // 7
		"Such an ![image](img/it/x.png \"title\") and [u](u) after the word Such.", // 8
		"", // 9
		"- an item with [a link](https://it.wikipedia.org/wiki/LLM)",        // 10
		"  1. nested [twice](https://a.com/x) and [twice](https://a.com/x)", // 11
		"", // 12
		"Autolinks: <https://www.nvidia.com/it-it/> and www.example.com/it/ here.", // 13
		"",                                       // 14
		"A [reference][ref] link.",               // 15
		"",                                       // 16
		"[ref]: https://example.com/it/page",     // 17
		"",                                       // 18
		"| col |",                                // 19
		"|-----|",                                // 20
		"| é [cell](https://c.com/it/) |",        // 21
		"",                                       // 22
		"```",                                    // 23
		"[not a link](https://code.example/it/)", // 24
		"```",                                    // 25
		"",                                       // 26
		"Àccented [link](https://x.com/it/) after accents and `[code](https://no.link/)`.", // 27
	)
	s := Analyze([]byte(body), 5)
	want := []Link{
		{Dest: "https://arxiv.org/abs/1706.03762", Line: 5, Col: 20},
		{Dest: "https://www.ibm.com/it-it/topics", Line: 7, Col: 20},
		{Dest: "img/it/x.png", Line: 8, Col: 18, Image: true},
		{Dest: "u", Line: 8, Col: 48},
		{Dest: "https://it.wikipedia.org/wiki/LLM", Line: 10, Col: 25},
		{Dest: "https://a.com/x", Line: 11, Col: 21},
		{Dest: "https://a.com/x", Line: 11, Col: 50},
		{Dest: "https://www.nvidia.com/it-it/", Line: 13, Col: 13},
		{Dest: "www.example.com/it/", Line: 13, Col: 48},
		{Dest: "https://example.com/it/page", Line: 17, Col: 8},
		{Dest: "https://c.com/it/", Line: 21, Col: 12},
		{Dest: "https://x.com/it/", Line: 27, Col: 17},
	}
	if diff := cmp.Diff(want, s.Links); diff != "" {
		t.Errorf("Links mismatch (-want +got):\n%s", diff)
	}
	wantStructure := Structure{Headings: 1, CodeBlocks: 1, ListItems: 2, Links: 11, Images: 1}
	if diff := cmp.Diff(wantStructure, s.Structure); diff != "" {
		t.Errorf("Structure mismatch (-want +got):\n%s", diff)
	}
}

func TestAnalyzeCitations(t *testing.T) {
	body := lines(
		"One [1], two [2, 3], a range [1-3], an en dash [2–4], semicolons [1; 3].",   // 1
		"Not a link [text](https://e.com), not [4](https://e.com), not ![5](i.png).", // 2
		"Not `[6]` in code, not `` [7] `` in double backticks, not \\[8] escaped.",   // 3
		"Not [9][ref] a reference, not a footnote [^10], not [x] or [ ].",            // 4
		"",
		"```",
		"[11] in a fenced block",
		"```",
		"",
		"- [12] in a list item",
		"",
		"## A heading [13]",
		"",
		"| a |",
		"|---|",
		"| [14] |",
		"",
		"Zero [0] and reversed [3-1] and a wide range [1-500].",
		"Àccénts before [15].",
		"",
		"[ref]: https://e.com",
	)
	got := Analyze([]byte(body), 1).Citations
	want := []Citation{
		{Numbers: []int{1}, Line: 1, Col: 5},
		{Numbers: []int{2, 3}, Line: 1, Col: 14},
		{Numbers: []int{1, 2, 3}, Line: 1, Col: 30},
		{Numbers: []int{2, 3, 4}, Line: 1, Col: 48},
		{Numbers: []int{1, 3}, Line: 1, Col: 66},
		{Numbers: []int{12}, Line: 10, Col: 3},
		{Numbers: []int{13}, Line: 12, Col: 14},
		{Numbers: []int{14}, Line: 16, Col: 3},
		{Numbers: []int{0}, Line: 18, Col: 6},
		{Numbers: []int{3, 1}, Line: 18, Col: 23},
		{Numbers: []int{1, 500}, Line: 18, Col: 46},
		{Numbers: []int{15}, Line: 19, Col: 16},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Citations mismatch (-want +got):\n%s", diff)
	}
}

func TestAnalyzeCRLF(t *testing.T) {
	body := "# Title\r\n\r\nText [2] and [a](https://e.com/it/).\r\n"
	s := Analyze([]byte(body), 3)
	want := &Summary{
		Blocks: []Block{{Kind: "heading", Text: "Title", Line: 3, Col: 3, Plain: "Title", Prose: "Title"},
			{Kind: "paragraph", Text: "Text [2] and [a](https://e.com/it/).", Line: 5, Col: 1,
				Markup: []string{"cite 2", "link https://e.com/it/"},
				// The text of a link to another site is not prose.
				Plain: "Text [2] and a.", Prose: "Text [2] and  ."}},
		Links:     []Link{{Dest: "https://e.com/it/", Line: 5, Col: 18}},
		Citations: []Citation{{Numbers: []int{2}, Line: 5, Col: 6}},
		Structure: Structure{Headings: 1, Links: 1},
		Words:     4, // Title, Text, and, a: a citation is not a word
	}
	if diff := cmp.Diff(want, s); diff != "" {
		t.Errorf("Analyze mismatch (-want +got):\n%s", diff)
	}
}

func TestAnalyzeSeed(t *testing.T) {
	data, err := os.ReadFile("../content/testdata/llm.es.md")
	if err != nil {
		t.Fatal(err)
	}
	// The seed's body starts on line 19, after its front matter.
	body := data[strings.Index(string(data), "\n---\n")+5:]
	s := Analyze(body, 19)
	wantCitations := []Citation{
		{Numbers: []int{2, 3}, Line: 20, Col: 295},
		{Numbers: []int{3}, Line: 26, Col: 85},
		{Numbers: []int{1}, Line: 30, Col: 105},
		{Numbers: []int{1}, Line: 36, Col: 208},
	}
	if diff := cmp.Diff(wantCitations, s.Citations); diff != "" {
		t.Errorf("Citations mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(Structure{Headings: 3, ListItems: 2}, s.Structure); diff != "" {
		t.Errorf("Structure mismatch (-want +got):\n%s", diff)
	}
	if s.Words < 300 || s.Words > 400 {
		t.Errorf("Words = %d, want about 350", s.Words)
	}
}

func TestWords(t *testing.T) {
	tests := []struct {
		body string
		want int
	}{
		{"Hello world.", 2},
		{"Cited [1] twice [2, 3] here.", 3},
		{"**Bold** and _emphasis_ and `code span` count.", 5}, // code is not prose
		{"foo_bar is one word, as is snake_case_name.", 7},
		{"A [link text](https://example.com/many/words/here) counts its text.", 6},
		{"An ![alt text](i.png) image.", 4},
		{"```\nfenced code is not counted\n```\nAfter.", 1},
		{"Line one\nline two", 4},
		{"Hard  \nbreak", 2},
		{"<div>raw html</div>\n\nText.", 1},
		{"", 0},
	}
	for _, tt := range tests {
		if got := Analyze([]byte(tt.body), 1).Words; got != tt.want {
			t.Errorf("Words of %q = %d, want %d", tt.body, got, tt.want)
		}
	}
}

func TestCountWords(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"The quick brown fox.", 4},
		{"¿Qué es un LLM? Está en la búsqueda de información.", 10},
		{"Él habló con María y José.", 6},
		{"Don't stop; it's fine.", 4},           // an apostrophe inside a word joins it
		{"l'architettura e dall'invenzione", 3}, // and Italian elisions too
		{"In 2017, 3.14 and 1,000 people.", 6},  // numbers are words; 3.14 and 1,000 one each
		{"GPT-4 and state-of-the-art", 7},
		{"e-mail: user@example.com", 4}, // e, mail, user, example.com
		{"— ... !!! ¿?", 0},
		{"中文字", 3},      // ideographs: one word each (UAX #29 has no dictionary)
		{"日本語のテキスト", 5}, // kanji one each, hiragana one each, katakana run together
		{"한국어 텍스트", 2},  // Hangul words are space-separated
		{"naïve café (NFD: cafe\u0301)", 4},
		{"  \t\n", 0},
	}
	for _, tt := range tests {
		if got := CountWords(tt.in); got != tt.want {
			t.Errorf("CountWords(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestAnalyzeEmpty(t *testing.T) {
	if diff := cmp.Diff(&Summary{}, Analyze(nil, 1), cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("Analyze(nil) mismatch (-want +got):\n%s", diff)
	}
}

func TestMarkup(t *testing.T) {
	got := Markup("See [the *paper*](https://x.test/a) and `go test ./...`, as [2, 3] says; ![img](i.png)")
	want := []string{"cite 2", "cite 3", "code go test ./...", "link https://x.test/a"} // no image
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Markup mismatch (-want +got):\n%s", diff)
	}
}

// TestBlockMarkup checks that each block's Markup, found while walking the
// whole body, is what Markup finds in the block's text alone: the lint
// rule markup-mismatch compares the former, import the latter.
func TestBlockMarkup(t *testing.T) {
	data, err := os.ReadFile("../content/testdata/llm.es.md")
	if err != nil {
		t.Fatal(err)
	}
	bodies := []string{
		string(data[strings.Index(string(data), "\n---\n")+5:]),
		"# Use `go test` [1]\n\n- item with [a](/x) and `c`\n- two [2-3]\n\n> quoted <https://e.com>\n\n| a | `b` |\n|---|---|\n| [c](/c) | d [4] |\n",
		"Para one `x` and ![img](/i.png).\n\n```\n[9] not a citation\n```\n\nSee www.example.com and `[5]`.\n",
	}
	for _, body := range bodies {
		s := Analyze([]byte(body), 1)
		if len(s.Blocks) == 0 {
			t.Fatalf("no blocks in %q", body)
		}
		for _, b := range s.Blocks {
			if diff := cmp.Diff(Markup(b.Text), b.Markup, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("block %q (line %d): Markup mismatch (-alone +in body):\n%s", b.Text, b.Line, diff)
			}
		}
	}
}

func TestAnalyzeWithoutWords(t *testing.T) {
	body := []byte("# Title\n\nSome words [a](/x).\n")
	with, without := Analyze(body, 1), AnalyzeWithoutWords(body, 1)
	if without.Words != -1 {
		t.Errorf("AnalyzeWithoutWords: Words = %d, want -1", without.Words)
	}
	without.Words = with.Words
	if diff := cmp.Diff(with, without); diff != "" {
		t.Errorf("AnalyzeWithoutWords differs beyond Words (-with +without):\n%s", diff)
	}
}

// TestMarkupWithoutMarkers checks Markup's shortcut: a text without any
// character that starts a link, an autolink, code or a citation has no
// markup, as the parser would find.
func TestMarkupWithoutMarkers(t *testing.T) {
	for _, text := range []string{
		"Plain title", "Ünïcödé — text, with (parens) and 'quotes'", "WwW.example.com and Www.x.org",
		"a_b *em* **strong** ~~del~~", "# not a heading in a field", "1. list\n2. items",
		"mail me at x@example.com", "see https://e.com", "www.example.com", "[1]", "`x`", "<https://e.com>",
	} {
		var want []string
		for _, b := range AnalyzeWithoutWords([]byte(text), 1).Blocks {
			want = append(want, b.Markup...)
		}
		sort.Strings(want)
		if diff := cmp.Diff(want, Markup(text), cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("Markup(%q) (-parsed +got):\n%s", text, diff)
		}
	}
}

// TestFenceInComment: a fence written inside an HTML comment takes no
// prose from the paragraphs after it.
func TestFenceInComment(t *testing.T) {
	body := []byte("<!-- old example:\n```sh\nrun it\n-->\n\nThis paragraph is prose to translate.\n")
	for _, d := range []Dialect{CommonMark, MDX} {
		s := d.Analyze(body, 1)
		var prose string
		for _, b := range s.Blocks {
			prose += b.Prose
		}
		if !strings.Contains(prose, "prose to translate") {
			t.Errorf("%s: blocks' prose %q, want the paragraph's", d, prose)
		}
	}
}

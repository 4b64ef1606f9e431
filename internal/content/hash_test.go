package content

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/unicode/norm"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/testtree"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/hash")

// TestHashGolden pins the source hash: HashInput's bytes and the hash of a
// real entry. Other tools and later versions of glosa must compute the same
// value, so a change here is a change of the published algorithm (README,
// "The source hash"): regenerate with -update only on purpose.
func TestHashGolden(t *testing.T) {
	dir := filepath.Join("testdata", "hash")
	d := mustParse(t, readFile(t, filepath.Join(dir, "entry.md")))
	schema := sampleSchema(t)
	input := HashInput(d, schema)
	hash := Hash(d, schema) + "\n"
	if *update {
		if err := os.WriteFile(filepath.Join(dir, "input.golden"), input, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "hash.golden"), []byte(hash), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if diff := cmp.Diff(readFile(t, filepath.Join(dir, "input.golden")), string(input)); diff != "" {
		t.Errorf("HashInput mismatch (-golden +got):\n%s", diff)
	}
	if diff := cmp.Diff(readFile(t, filepath.Join(dir, "hash.golden")), hash); diff != "" {
		t.Errorf("Hash mismatch (-golden +got):\n%s", diff)
	}
}

// TestHashAsHugoReads: front matter Hugo reads the same hashes the same —
// after blank lines, or with keys in other cases.
func TestHashAsHugoReads(t *testing.T) {
	schema := config.DefaultFields()
	want := Hash(mustParse(t, lines("---", "title: A title", "description: Words", "---", "", "Body.")), schema)
	for _, in := range []string{
		lines("", "", "---", "title: A title", "description: Words", "---", "", "Body."),
		lines("---", "Title: A title", "DESCRIPTION: Words", "---", "", "Body."),
		"\ufeff\r\n---\r\ntitle: A title\r\ndescription: Words\r\n---\r\n\r\nBody.\r\n",
	} {
		if got := Hash(mustParse(t, in), schema); got != want {
			t.Errorf("Hash(%q) = %s, want %s", in, got, want)
		}
	}
}

// TestHashInputShape pins the format of HashInput on a small entry, where
// every line can be read.
func TestHashInputShape(t *testing.T) {
	d := mustParse(t, lines(
		"---",
		"title:   A  title ",
		"category: Basics",
		"sources:",
		"  - text: First",
		"    url: https://example.com",
		"  - url: https://example.org",
		"    text: |",
		"      Second,",
		"      two lines",
		"---",
		"",
		"# Heading",
		"",
		"A paragraph",
		"  wrapped.",
		"",
		"",
		"- item",
	))
	want := lines(
		"field\tsources[0].text\tFirst",
		"field\tsources[1].text\tSecond, two lines",
		"field\ttitle\tA title",
		"block\t# Heading",
		"block\tA paragraph wrapped.",
		"block\t- item",
	)
	if diff := cmp.Diff(want, string(HashInput(d, sampleSchema(t)))); diff != "" {
		t.Errorf("HashInput mismatch (-want +got):\n%s", diff)
	}
}

// The base entry of the property tests, and edits of it.
const hashBase = `---
title: Tokens
description: The smallest units a model reads.
category: Basics
related: [llm, clip]
sources:
  - text: The BPE paper
    url: https://arxiv.org/abs/1508.07909
---

A **token** is a piece of text: a word, part of a word or a sign. [1]

## How text is split

Models split text with a tokenizer, trained once on a large corpus
and then fixed. A rare word becomes several tokens.

- Common words are one token.
- Rare words are several.
`

func TestHashProperties(t *testing.T) {
	schema := sampleSchema(t)
	base := Hash(mustParse(t, hashBase), schema)
	edit := func(old, new string) func(string) string {
		return func(s string) string {
			if !strings.Contains(s, old) {
				t.Fatalf("the base entry has no %q", old)
			}
			return strings.Replace(s, old, new, 1)
		}
	}
	same := []struct {
		name string
		edit func(string) string
	}{
		{"CRLF line endings", func(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }},
		{"a BOM", func(s string) string { return "\ufeff" + s }},
		{"trailing spaces", func(s string) string { return strings.ReplaceAll(s, ".\n", ".   \n") }},
		{"trailing tabs on the title", edit("title: Tokens\n", "title: Tokens\t\n")},
		{"a paragraph re-wrapped", edit("with a tokenizer, trained once on a large corpus\nand then fixed.", "with a tokenizer,\ntrained once on a large corpus and then\nfixed.")},
		{"a paragraph joined into one line", edit("corpus\nand", "corpus and")},
		{"indentation changed", edit("- Common words are one token.\n- Rare", "-   Common words are one token.\n-   Rare")},
		{"more blank lines between blocks", edit("\n## How", "\n\n\n## How")},
		{"blank lines holding spaces", edit("\n## How", "   \n## How")},
		{"a quoted title", edit("title: Tokens", `title: "Tokens"`)},
		{"a folded text field", edit("  - text: The BPE paper", "  - text: >-\n      The BPE\n      paper")},
		{"related changed", edit("related: [llm, clip]", "related: [llm, clip, dit]")},
		{"category changed", edit("category: Basics", "category: Advanced")},
		{"a source url changed", edit("https://arxiv.org/abs/1508.07909", "https://arxiv.org/pdf/1508.07909")},
		{"a translation record added", edit("---\n\n", "translation:\n  source: it\n  hash: sha256-0123456789abcdef\n---\n\n")},
		{"other keys added", edit("category: Basics\n", "category: Basics\ndate: 2024-01-01\ndraft: false\nweight: 3\n")},
		{"keys reordered", edit("title: Tokens\ndescription: The smallest units a model reads.\n", "description: The smallest units a model reads.\ntitle: Tokens\n")},
		{"a comment in the front matter", edit("category: Basics\n", "category: Basics # for the index\n")},
		{"NFD instead of NFC", func(s string) string {
			return norm.NFD.String(strings.Replace(s, "A rare word", "Una palabra rara, café", 1))
		}},
	}
	nfc := Hash(mustParse(t, norm.NFC.String(strings.Replace(hashBase, "A rare word", "Una palabra rara, café", 1))), schema)
	for _, tt := range same {
		t.Run("same/"+tt.name, func(t *testing.T) {
			in := tt.edit(hashBase)
			if in == hashBase {
				t.Fatal("the edit changed nothing")
			}
			want := base
			if strings.HasPrefix(tt.name, "NFD") {
				want = nfc
				if bytes.Equal([]byte(in), []byte(norm.NFC.String(in))) {
					t.Fatal("the NFD text is NFC")
				}
			}
			if got := Hash(mustParse(t, in), schema); got != want {
				t.Errorf("hash = %s, want %s\nHashInput:\n%s", got, want, HashInput(mustParse(t, in), schema))
			}
		})
	}
	different := []struct {
		name string
		edit func(string) string
	}{
		{"one word of the body", edit("Models split text", "Models cut text")},
		{"one word of a list item", edit("Rare words are several.", "Rare words are many.")},
		{"punctuation", edit("a word, part of a word", "a word; part of a word")},
		{"a final full stop", edit("several tokens.", "several tokens")},
		{"a paragraph split in two", edit("corpus\nand then fixed.", "corpus.\n\nAnd then fixed.")},
		{"a paragraph split at a blank line only", edit("corpus\nand", "corpus\n\nand")},
		{"two paragraphs joined", edit("[1]\n\n## How", "[1]\n## How")},
		{"the title", edit("title: Tokens", "title: Token")},
		{"the description", edit("a model reads.", "a model sees.")},
		{"a source's text", edit("The BPE paper", "The original BPE paper")},
		{"a citation", edit("[1]", "[2]")},
		{"emphasis", edit("**token**", "*token*")},
		{"a heading level", edit("## How", "### How")},
		{"case", edit("Models split", "models split")},
		{"a space inside a word", edit("tokenizer", "token izer")},
	}
	for _, tt := range different {
		t.Run("different/"+tt.name, func(t *testing.T) {
			if got := Hash(mustParse(t, tt.edit(hashBase)), schema); got == base {
				t.Errorf("hash unchanged (%s)", got)
			}
		})
	}
}

func TestHashFormat(t *testing.T) {
	h := Hash(mustParse(t, hashBase), sampleSchema(t))
	if !strings.HasPrefix(h, HashPrefix) || len(h) != len(HashPrefix)+16 || strings.Trim(h[len(HashPrefix):], "0123456789abcdef") != "" {
		t.Errorf("Hash = %q, want sha256- and 16 lowercase hex digits", h)
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  a \t b\r\n c  ", "a b c"},
		{"e\u0301", "é"},
		{"a\u00a0b", "a b"}, // a no-break space is white space
		{"", ""},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestNormalizeAsDefined checks Normalize against its definition written
// the plain way: NFC, then the fields between white space joined by one
// space. Hashes recorded in translations depend on it never changing.
func TestNormalizeAsDefined(t *testing.T) {
	plain := func(s string) string {
		return strings.Join(strings.FieldsFunc(norm.NFC.String(s), unicode.IsSpace), " ")
	}
	for _, s := range []string{
		"", " ", "a", "  a  b\t\n c ", "\u00a0x\u2003y\u3000", "Cafe\u0301 \r\n au lait",
		"\u1e9b\u0323", "x\u0085y\u2028z", "\xff\xfe broken", "日本語 の テキスト", "\v\f",
	} {
		if got, want := Normalize(s), plain(s); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestNormalizeShortStrings compares Normalize with its definition on
// every string of up to five pieces over ASCII letters, each ASCII
// blank, and pieces its ASCII fast path must leave to NFC.
func TestNormalizeShortStrings(t *testing.T) {
	plain := func(s string) string {
		return strings.Join(strings.FieldsFunc(norm.NFC.String(s), unicode.IsSpace), " ")
	}
	alphabet := []string{"a", ".", " ", "\t", "\n", "\r", "\v", "\f", "\x1c", "\u0301", "\u00a0", "\u0085", "é", "\xff", "ß", "\u02ff"}
	for s := range testtree.Strings(alphabet, 5) {
		if got, want := Normalize(s), plain(s); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestNFCStable checks what Normalize's fast path relies on: NFC leaves
// every string of runes below nfcStable as it is, which holds when it
// leaves each of them and each pair of them so (none is a combining mark,
// so no composition reaches past a pair).
func TestNFCStable(t *testing.T) {
	for a := rune(0); a < nfcStable; a++ {
		if s := string(a); !norm.NFC.IsNormalString(s) {
			t.Fatalf("NFC changes %q", s)
		}
		for b := rune(0); b < nfcStable; b++ {
			if s := string([]rune{a, b}); !norm.NFC.IsNormalString(s) {
				t.Fatalf("NFC changes %q", s)
			}
		}
	}
}

func FuzzNormalize(f *testing.F) {
	f.Add("  Cafe\u0301\t au\u00a0lait \n")
	f.Add("plain ASCII prose, one space apart")
	f.Add(" lead and trail ")
	f.Add("two  spaces\tand a tab")
	f.Add("Το γρήγορο ελληνικό κείμενο")
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.Join(strings.FieldsFunc(norm.NFC.String(s), unicode.IsSpace), " ")
		if got := Normalize(s); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestBodyBlocksAsDefined checks BodyBlocks against its definition
// written the plain way: runs of non-blank lines, joined and normalised.
func TestBodyBlocksAsDefined(t *testing.T) {
	for _, body := range []string{
		"", "\n", "one", "one\ntwo\n\nthree", "\ufeffa\r\n b \r\n\r\n\t\n c", "x\n \u00a0\ny\n", "a\u0301\nb\n\n\n",
	} {
		if diff := cmp.Diff(plainBodyBlocks(body), BodyBlocks([]byte(body))); diff != "" {
			t.Errorf("BodyBlocks(%q) (-want +got):\n%s", body, diff)
		}
	}
}

func FuzzBodyBlocks(f *testing.F) {
	f.Add("# T\n\npara\r\ngraph \n\n- a\n- b\n")
	f.Fuzz(func(t *testing.T, body string) {
		if diff := cmp.Diff(plainBodyBlocks(body), BodyBlocks([]byte(body))); diff != "" {
			t.Errorf("BodyBlocks(%q) (-want +got):\n%s", body, diff)
		}
	})
}

func plainBodyBlocks(body string) []string {
	var blocks, cur []string
	flush := func() {
		if len(cur) > 0 {
			blocks = append(blocks, strings.Join(strings.FieldsFunc(norm.NFC.String(strings.Join(cur, " ")), unicode.IsSpace), " "))
			cur = cur[:0]
		}
	}
	for _, line := range strings.Split(strings.TrimPrefix(body, "\ufeff"), "\n") {
		if strings.TrimFunc(line, unicode.IsSpace) == "" {
			flush()
			continue
		}
		cur = append(cur, line)
	}
	flush()
	return blocks
}

func BenchmarkNormalize(b *testing.B) {
	for _, in := range []struct{ name, text string }{
		{"ascii", strings.Repeat("The quick brown fox jumps over the lazy dog. ", 20) + "end"},
		{"ascii-lines", strings.Repeat("The quick brown fox\njumps over the lazy dog.\n", 20)},
		{"latin", strings.Repeat("Crème brûlée à la façon de Ågård. ", 20) + "fin"},
	} {
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.text)))
			for b.Loop() {
				Normalize(in.text)
			}
		})
	}
}

// FuzzLatinForm compares latinForm with the way it was first written, a
// byte at a time to the end: the same answer for any string.
func FuzzLatinForm(f *testing.F) {
	for _, s := range []string{"", " ", "a b", "a  b", " a", "a ", "a\nb", "Cafe\u0301 au lait", "\u00a0x", "x\u0085y",
		"é ü ß", "\xff", "abcdefgh\nabcdefgh\u0301", "abcdefgh ijklmnop\tqrstuvwx é\u02ff\u0300"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := latinForm(s), latinFormByBytes(s); got != want {
			t.Errorf("latinForm(%q) = %d, want %d", s, got, want)
		}
	})
}

// latinFormByBytes is latinForm as it was first written: the reference.
func latinFormByBytes(s string) int {
	form := formNormal
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r >= nfcStable || size == 1 {
				return formOther
			}
			if unicode.IsSpace(r) {
				form = formBlanks
			}
			i += size
			continue
		}
		switch {
		case c == ' ':
			if i == 0 || i == len(s)-1 || isASCIISpace(s[i+1]) {
				form = formBlanks
			}
		case isASCIISpace(c):
			form = formBlanks
		}
		i++
	}
	return form
}

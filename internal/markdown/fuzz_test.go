package markdown

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// FuzzAnalyze checks that Analyze never panics and that every position it
// gives is in the body: a line of it, and a column at most one past that
// line's last character.
func FuzzAnalyze(f *testing.F) {
	seeds, _ := filepath.Glob("../../content/*/*.md")
	seeds = append(seeds, "../content/testdata/llm.es.md")
	for _, name := range seeds {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	for _, s := range []string{
		"", "[1]", "`[1]`", "``[1]``", "[a](b) [1][2] [3]: u", "<https://a/it/>", "www.a.com/it/",
		"| a | [1] |\n|---|---|\n| [b](c) | d |\n", "- [x](y)\n  - [2]\n", "# [1] [h](u)\n", "text\r\nmore [1]\r\n",
		"<Tabs>\n  <Fragment slot=\"a\">\n  ```sh\n  x [1]\n\n  y\n  ```\n  </Fragment>\n</Tabs>\n",
		"<div translate=\"no\">\n\nKept [1].\n\n</div>\n", "A \\* b &amp; [c](https://d) {.notranslate}\n",
		"import { A } from 'b';\n\n{{< comment >}} x\n\n{{< /comment >}}\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		const first = 7
		s := Analyze(body, first)
		lines := bytes.Split(body, []byte("\n"))
		check := func(what string, line, col int) {
			i := line - first
			if i < 0 || i >= len(lines) {
				t.Fatalf("%s at %d:%d, outside the body's lines %d-%d", what, line, col, first, first+len(lines)-1)
			}
			if n := utf8.RuneCount(lines[i]); col < 1 || col > n+1 {
				t.Fatalf("%s at %d:%d, outside its line of %d characters", what, line, col, n)
			}
		}
		for _, b := range s.Blocks {
			check("block "+b.Text, b.Line, b.Col)
		}
		for _, l := range s.Links {
			check("link "+l.Dest, l.Line, l.Col)
		}
		for _, c := range s.Citations {
			check("citation", c.Line, c.Col)
		}
		if s.Words < 0 {
			t.Fatalf("Words = %d", s.Words)
		}
	})
}

// FuzzProsePlain compares Prose's fast path for plain lines with the
// parser's reading of the same text.
func FuzzProsePlain(f *testing.F) {
	for _, s := range []string{
		"Hello world, it's fine.", "Fine (really)!", "Naïve café über", "x; y? z!", "state-of-the-art", "import x, y",
		"www.example.com is", "1. first", "A  b", "Hello ", "Ünïcode ́marks", "Wwww. no", "a)", "e.g. this", "Café ﬁ",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !plainLine(text) {
			return
		}
		if got, want := Prose(text), proseParsed(text); got != want {
			t.Fatalf("Prose(%q) = %q, the parser reads %q", text, got, want)
		}
	})
}

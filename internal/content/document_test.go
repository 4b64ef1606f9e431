package content

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/l10n"
)

// parsed is what a test compares of a Document: its split, its top-level
// keys and the error, never the yaml.Node internals.
type parsed struct {
	BOM, CRLF bool
	Keys      []string
	Front     string
	Body      string
	BodyLine  int
	Err       *l10n.Error
}

func summarize(d *Document, err error) parsed {
	p := parsed{BOM: d.BOM, CRLF: d.CRLF, Body: string(d.Body), BodyLine: d.BodyLine}
	if d.FrontEnd > 0 {
		p.Front = string(d.Raw[d.FrontStart:d.FrontEnd])
	}
	if d.Front != nil {
		for i := 0; i < len(d.Front.Content); i += 2 {
			p.Keys = append(p.Keys, d.Front.Content[i].Value)
		}
	}
	if err != nil {
		p.Err = l10n.FileError("", err)
	}
	return p
}

// lines joins lines with "\n" and ends them with one.
func lines(ls ...string) string { return strings.Join(ls, "\n") + "\n" }

func TestParseSplit(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want parsed
	}{{
		name: "front matter and body",
		in:   lines("---", "title: LLM", "category: Basics", "---", "", "Body."),
		want: parsed{Keys: []string{"title", "category"}, Front: "title: LLM\ncategory: Basics\n", Body: "\nBody.\n", BodyLine: 5},
	}, {
		name: "BOM",
		in:   "\ufeff" + lines("---", "title: LLM", "---", "Body."),
		want: parsed{BOM: true, Keys: []string{"title"}, Front: "title: LLM\n", Body: "Body.\n", BodyLine: 4},
	}, {
		name: "CRLF",
		in:   "---\r\ntitle: LLM\r\n---\r\nBody.\r\n",
		want: parsed{CRLF: true, Keys: []string{"title"}, Front: "title: LLM\r\n", Body: "Body.\r\n", BodyLine: 4},
	}, {
		name: "BOM and CRLF",
		in:   "\ufeff---\r\ntitle: LLM\r\n---\r\nBody.\r\n",
		want: parsed{BOM: true, CRLF: true, Keys: []string{"title"}, Front: "title: LLM\r\n", Body: "Body.\r\n", BodyLine: 4},
	}, {
		name: "no front matter",
		in:   lines("# LLM", "", "Body."),
		want: parsed{Body: "# LLM\n\nBody.\n", BodyLine: 1},
	}, {
		name: "no front matter, BOM",
		in:   "\ufeff" + lines("# LLM"),
		want: parsed{BOM: true, Body: "# LLM\n", BodyLine: 1},
	}, {
		name: "a thematic break later is body",
		in:   lines("Text", "---", "title: x", "---"),
		want: parsed{Body: "Text\n---\ntitle: x\n---\n", BodyLine: 1},
	}, {
		name: "... closes",
		in:   lines("---", "title: LLM", "...", "Body."),
		want: parsed{Keys: []string{"title"}, Front: "title: LLM\n", Body: "Body.\n", BodyLine: 4},
	}, {
		name: "delimiters with trailing spaces",
		in:   lines("--- ", "title: LLM", "---\t", "Body."),
		want: parsed{Keys: []string{"title"}, Front: "title: LLM\n", Body: "Body.\n", BodyLine: 4},
	}, {
		name: "--- inside a block scalar does not close",
		in:   lines("---", "description: |", "  ---", "title: x", "---", "Body."),
		want: parsed{Keys: []string{"description", "title"}, Front: "description: |\n  ---\ntitle: x\n", Body: "Body.\n", BodyLine: 6},
	}, {
		name: "closed at the end of the file",
		in:   "---\ntitle: LLM\n---",
		want: parsed{Keys: []string{"title"}, Front: "title: LLM\n", Body: "", BodyLine: 4},
	}, {
		name: "empty front matter",
		in:   lines("---", "---", "Body."),
		want: parsed{Front: "", Body: "Body.\n", BodyLine: 3},
	}, {
		name: "blank front matter",
		in:   lines("---", "", "  ", "---", "Body."),
		want: parsed{Front: "\n  \n", Body: "Body.\n", BodyLine: 5},
	}, {
		name: "front matter of comments only",
		in:   lines("---", "# draft, no fields yet", "---", "Body."),
		want: parsed{Front: "# draft, no fields yet\n", Body: "Body.\n", BodyLine: 4},
	}, {
		name: "empty file",
		in:   "",
		want: parsed{Body: "", BodyLine: 1},
	}, {
		// Hugo skips white space before the opening delimiter.
		name: "blank lines before ---",
		in:   lines("", "  ", "---", "title: LLM", "---", "Body."),
		want: parsed{Keys: []string{"title"}, Front: "title: LLM\n", Body: "Body.\n", BodyLine: 6},
	}, {
		name: "BOM, CRLF and blank lines before ---",
		in:   "\ufeff\r\n\r\n---\r\ntitle: LLM\r\n---\r\nBody.\r\n",
		want: parsed{BOM: true, CRLF: true, Keys: []string{"title"}, Front: "title: LLM\r\n", Body: "Body.\r\n", BodyLine: 6},
	}, {
		name: "blank lines and spaces before +++",
		in:   lines("", "  +++", `title = "LLM"`, "+++", "Body."),
		want: parsed{Keys: []string{"title"}, Front: "title = \"LLM\"\n", Body: "Body.\n", BodyLine: 5},
	}, {
		name: "a blank line before JSON",
		in:   lines("", `{"title": "LLM"}`, "Body."),
		want: parsed{Keys: []string{"title"}, Front: `{"title": "LLM"}`, Body: "Body.\n", BodyLine: 3},
	}, {
		name: "text before --- is body",
		in:   lines("", "Text", "---", "title: x", "---"),
		want: parsed{Body: "\nText\n---\ntitle: x\n---\n", BodyLine: 1},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse([]byte(tt.in))
			if diff := cmp.Diff(tt.want, summarize(d, err)); diff != "" {
				t.Errorf("Parse(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

// TestParseErrors pins the line, column and message of every error: they
// are what a translator reads to find the problem.
func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want posErr
	}{{
		name: "unclosed",
		in:   lines("---", "title: LLM", "", "Body."),
		want: posErr{Line: 1, Col: 1, Msg: "front matter opened with --- is never closed"},
	}, {
		name: "unclosed after blank lines",
		in:   lines("", "", " ---", "title: LLM", "", "Body."),
		want: posErr{Line: 3, Col: 2, Msg: "front matter opened with --- is never closed"},
	}, {
		name: "YAML error after blank lines",
		in:   lines("", "", "---", "title: LLM", "category: [unclosed", "---"),
		want: posErr{Line: 5, Col: 11, Msg: "front matter: did not find expected ',' or ']'; is the [ opened here never closed?"},
	}, {
		name: "TOML after blank lines",
		in:   lines("", "+++", `title = "LLM`, "+++"),
		want: posErr{Line: 3, Col: 13, Msg: "TOML front matter: basic strings cannot have new lines"},
	}, {
		name: "only an opening line",
		in:   "---\n",
		want: posErr{Line: 1, Col: 1, Msg: "front matter opened with --- is never closed"},
	}, {
		name: "TOML",
		in:   lines("+++", `title = "LLM`, "+++"),
		want: posErr{Line: 2, Col: 13, Msg: "TOML front matter: basic strings cannot have new lines"},
	}, {
		name: "YAML directive",
		in:   lines("---", "%YAML 1.2", "title: LLM", "---"),
		want: posErr{Line: 2, Col: 1, Msg: "front matter: YAML directives (%YAML, %TAG) are not allowed; remove the line"},
	}, {
		name: "TAG directive after a comment",
		in:   lines("---", "# tags", "%TAG ! tag:example.com,2000:", "title: LLM", "---"),
		want: posErr{Line: 3, Col: 1, Msg: "front matter: YAML directives (%YAML, %TAG) are not allowed; remove the line"},
	}, {
		name: "TOML after a BOM",
		in:   "\ufeff" + lines("+++", `title = "LLM"`),
		want: posErr{Line: 1, Col: 1, Msg: "front matter opened with +++ is never closed"},
	}, {
		name: "a list",
		in:   lines("---", "- title", "- category", "---"),
		want: posErr{Line: 2, Col: 1, Msg: "front matter must be a mapping of keys to values"},
	}, {
		name: "a scalar",
		in:   lines("---", "", "just text", "---"),
		want: posErr{Line: 3, Col: 1, Msg: "front matter must be a mapping of keys to values"},
	}, {
		name: "duplicate key",
		in:   lines("---", "title: a", "category: b", "title: c", "---"),
		want: posErr{Line: 4, Col: 1, Msg: "front matter: key title appears twice (first on line 2)"},
	}, {
		name: "duplicate nested key",
		in:   lines("---", "sources:", "  - text: a", "    url: u", "    text: b", "---"),
		want: posErr{Line: 5, Col: 5, Msg: "front matter: key text appears twice (first on line 3)"},
	}, {
		name: "a second YAML document",
		in:   lines("---", "title: a", "--- second", "category: b", "---"),
		want: posErr{Line: 3, Col: 1, Msg: "front matter: a line that starts with --- or ... starts a second YAML document; only one is allowed"},
	}, {
		name: "a line separator in the front matter",
		in:   lines("---", "title: \"Uno\u2028dos\"", "category: b", "---"),
		want: posErr{Line: 2, Col: 12, Msg: "front matter: a line separator (U+2028), which YAML reads as a line break; remove it, or write it as an escape in double quotes"},
	}, {
		name: "UTF-16",
		in:   "\xff\xfe-\x00-\x00-\x00",
		want: posErr{Line: 1, Col: 1, Msg: "the file is in UTF-16; save it as UTF-8"},
	}, {
		name: "NUL byte",
		in:   lines("---", "title: a\x00b", "---"),
		want: posErr{Line: 2, Col: 9, Msg: "the file contains a NUL byte; is it binary?"},
	}, {
		name: "a lone CR",
		in:   "---\ntitle: a\rcategory: b\n---\n",
		want: posErr{Line: 2, Col: 9, Msg: "a carriage return (CR) without a line feed; save the file with LF or CRLF line endings"},
	}, {
		name: "a CR at the end of the file",
		in:   "Body.\r",
		want: posErr{Line: 1, Col: 6, Msg: "a carriage return (CR) without a line feed; save the file with LF or CRLF line endings"},
	}, {
		name: "invalid UTF-8 in the body, after accents",
		in:   lines("---", "title: ok", "---", "", "Café \xff here"),
		want: posErr{Line: 5, Col: 6, Msg: "invalid UTF-8"},
	}, {
		name: "invalid UTF-8 on the first line after a BOM",
		in:   "\ufeffab\xfe",
		want: posErr{Line: 1, Col: 3, Msg: "invalid UTF-8"},
	}, {
		name: "key: value: more",
		in:   lines("---", "title: Tokens: how a model reads text", "category: Basics", "---"),
		want: posErr{Line: 2, Col: 14, Msg: `front matter: mapping values are not allowed in this context; a value that contains ": " must be quoted`},
	}, {
		name: "a line that is not a key",
		in:   lines("---", "title: a", "category: b", "description: c", "not a key", "more: z", "---"),
		want: posErr{Line: 5, Col: 1, Msg: "front matter: could not find expected ':'"},
	}, {
		// yaml.v3 says line 1 here: where the mapping began.
		name: "a list item among keys",
		in:   lines("---", "title: a", "category: b", "description: c", "- x", "more: z", "---"),
		want: posErr{Line: 5, Col: 1, Msg: "front matter: did not find expected key"},
	}, {
		// yaml.v3 says line 3: one before the [ opens.
		name: "unclosed list",
		in:   lines("---", "title: a", "category: b", "related: [gguf, clip", "description: c", "---", "Body."),
		want: posErr{Line: 4, Col: 10, Msg: "front matter: did not find expected ',' or ']'; is the [ opened here never closed?"},
	}, {
		name: "unclosed mapping",
		in:   lines("---", "title: a", "category: b", "description: c", "x: {a: 1", "more: z", "---"),
		want: posErr{Line: 5, Col: 4, Msg: "front matter: did not find expected ',' or '}'; is the { opened here never closed?"},
	}, {
		name: "unclosed quote",
		in:   lines("---", "title: a", "category: b", "description: 'an open quote", "more: z", "---"),
		want: posErr{Line: 4, Col: 14, Msg: "front matter: found unexpected end of stream; is a quote opened here never closed?"},
	}, {
		// yaml.v3 says line 4, where the plain scalar before it began.
		name: "tab indentation",
		in:   lines("---", "title: a", "category: b", "description: c", "\tbad: x", "more: z", "---"),
		want: posErr{Line: 5, Col: 1, Msg: "front matter: found a tab character that violates indentation"},
	}, {
		// yaml.v3 says line 4, one before the sequence begins.
		name: "bad indentation in a list item",
		in:   lines("---", "title: a", "category: b", "sources:", "  - text: a", "    url: b", "   x: y", "more: z", "---"),
		want: posErr{Line: 7, Col: 4, Msg: "front matter: did not find expected '-' indicator"},
	}, {
		name: "text less indented than its block scalar",
		in:   lines("---", "title: a", "category: b", "description: |", "  ok", " bad", "more: z", "---"),
		want: posErr{Line: 6, Col: 2, Msg: "front matter: did not find expected key"},
	}, {
		// yaml.v3 says line 2.
		name: "unknown alias",
		in:   lines("---", "title: a", "category: b", "description: c", "rel: *nope", "more: z", "---"),
		want: posErr{Line: 5, Col: 6, Msg: "front matter: unknown anchor 'nope' referenced"},
	}, {
		name: "extra closing bracket",
		in:   lines("---", "title: a", "category: b", "description: c", "rel: [a, b]]", "more: z", "---"),
		want: posErr{Line: 5, Col: 1, Msg: "front matter: did not find expected key"},
	}, {
		name: "a character that cannot start a value",
		in:   lines("---", "title: a", "@bad: 1", "---"),
		want: posErr{Line: 3, Col: 1, Msg: "front matter: found character that cannot start any token"},
	}, {
		name: "error with CRLF",
		in:   "---\r\ntitle: a\r\ncategory: b\r\nrelated: [gguf\r\n---\r\n",
		want: posErr{Line: 4, Col: 10, Msg: "front matter: did not find expected ',' or ']'; is the [ opened here never closed?"},
	}, {
		name: "error after a BOM",
		in:   "\ufeff" + lines("---", "title: a", "category: b: c", "---"),
		want: posErr{Line: 3, Col: 12, Msg: `front matter: mapping values are not allowed in this context; a value that contains ": " must be quoted`},
	}, {
		name: "error after a multi-line quoted value",
		in:   lines("---", `title: "a title`, `  on two lines"`, "category: b", "related:", "  - a", " - b", "---"),
		want: posErr{Line: 7, Col: 2, Msg: "front matter: did not find expected key"},
	}, {
		name: "error deep in a long front matter",
		in:   "---\n" + longFront(40) + "bad: x: y\n---\n",
		want: posErr{Line: 42, Col: 7, Msg: `front matter: mapping values are not allowed in this context; a value that contains ": " must be quoted`},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.in))
			pe, ok := err.(*l10n.Error)
			if !ok {
				t.Fatalf("Parse(%q) error = %v (%T), want *l10n.Error", tt.in, err, err)
			}
			if diff := cmp.Diff(tt.want, *english(pe)); diff != "" {
				t.Errorf("Parse(%q) error mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

// longFront returns n lines of distinct keys.
func longFront(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString("key" + strings.Repeat("x", i) + ": value\n")
	}
	return b.String()
}

// posErr is a parse error with its message in English, as tests pin it.
type posErr struct {
	Line, Col int
	Msg       string
}

func english(pe *l10n.Error) *posErr {
	if pe == nil {
		return nil
	}
	return &posErr{Line: pe.Line, Col: pe.Column, Msg: pe.Text.String()}
}

func TestPosition(t *testing.T) {
	data := []byte("\ufeffab\nçé\nx")
	tests := []struct {
		off, line, col int
	}{
		{off: 3, line: 1, col: 1},  // after the BOM
		{off: 4, line: 1, col: 2},  // b
		{off: 6, line: 2, col: 1},  // ç
		{off: 8, line: 2, col: 2},  // é: a column is a character
		{off: 11, line: 3, col: 1}, // x
		{off: 99, line: 3, col: 2}, // past the end: clamped
	}
	for _, tt := range tests {
		line, col := Position(data, tt.off)
		if line != tt.line || col != tt.col {
			t.Errorf("Position(%d) = %d:%d, want %d:%d", tt.off, line, col, tt.line, tt.col)
		}
	}
}

func TestLookup(t *testing.T) {
	d, err := Parse([]byte(lines("---", "title: LLM", "category: Basics", "---")))
	if err != nil {
		t.Fatal(err)
	}
	if n := d.Lookup("category"); n == nil || n.Value != "Basics" {
		t.Errorf("Lookup(category) = %v, want Basics", n)
	}
	if k := d.KeyNode("category"); k == nil || k.Line != 3 || k.Column != 1 {
		t.Errorf("KeyNode(category) = %v, want line 3 column 1", k)
	}
	if n := d.Lookup("missing"); n != nil {
		t.Errorf("Lookup(missing) = %v, want nil", n)
	}
	var none *Document
	if none.Lookup("title") != nil || none.KeyNode("title") != nil {
		t.Error("a nil document has keys")
	}
}

// TestLookupCase: keys are read as Hugo reads them, whatever their case;
// the key spelled as asked wins.
func TestLookupCase(t *testing.T) {
	d := mustParse(t, lines("---",
		"Title: Titolo",
		"DRAFT: true",
		"TranslationKey: llm",
		"Translation: {Hash: sha256-0123456789abcdef, Source: it}",
		"description: lower",
		"Description: Upper",
		"L10N: {SourceCommit: abc1234}",
		"---"))
	for key, want := range map[string]string{"title": "Titolo", "draft": "true", "translationKey": "llm", "description": "lower", "Description": "Upper"} {
		if n := d.Lookup(key); n == nil || n.Value != want {
			t.Errorf("Lookup(%s) = %v, want %s", key, n, want)
		}
	}
	if k := d.KeyNode("title"); k == nil || k.Value != "Title" || k.Line != 2 {
		t.Errorf("KeyNode(title) = %v, want Title on line 2", k)
	}
	if k := d.KeyNode("description"); k == nil || k.Line != 6 {
		t.Errorf("KeyNode(description) = %v, want line 6", k)
	}
	rec, err := d.Record()
	if err != nil || rec == nil || rec.Hash != "sha256-0123456789abcdef" || rec.Source != "it" {
		t.Errorf("Record() = %+v, %v", rec, err)
	}
	vals := Values(d.Front, config.DefaultFields())
	if len(vals) != 2 || vals[0].Path != "description" || vals[0].Node.Value != "lower" || vals[1].Path != "title" || vals[1].Node.Value != "Titolo" {
		t.Errorf("Values = %+v", vals)
	}
	d = mustParse(t, lines("---", "L10N: {SourceCommit: abc1234}", "---"))
	if rec, err := d.Record(); err != nil || rec == nil || rec.Commit != "abc1234" {
		t.Errorf("Record() of L10N.SourceCommit = %+v, %v", rec, err)
	}
}

// TestLookupMerge checks that keys merged with <<: count for Lookup and
// Values, the way yaml.v3 decodes them, and not for KeyNode, which edits
// use.
func TestLookupMerge(t *testing.T) {
	d := mustParse(t, lines("---",
		"base: &b {title: Base, category: Basics}",
		"more: &m {title: More, description: Desc}",
		"<<: [*b, *m]",
		"category: Own",
		"nested:",
		"  <<: *b",
		"---"))
	for key, want := range map[string]string{"title": "Base", "category": "Own", "description": "Desc"} {
		if n := d.Lookup(key); n == nil || n.Value != want {
			t.Errorf("Lookup(%s) = %v, want %s", key, n, want)
		}
	}
	if k := d.KeyNode("title"); k != nil {
		t.Errorf("KeyNode(title) = %v, want nil: the key is not written here", k)
	}
	if d.Lookup("<<") != nil {
		t.Error("Lookup(<<) found the merge key itself")
	}
	schema := &config.Field{Kind: config.Object, Keys: []string{"nested", "title"}, Fields: map[string]*config.Field{
		"title":  {Kind: config.Text},
		"nested": {Kind: config.Object, Keys: []string{"title"}, Fields: map[string]*config.Field{"title": {Kind: config.Text}}},
	}}
	var got []string
	for _, v := range Values(d.Front, schema) {
		got = append(got, v.Path+"="+v.Node.Value)
	}
	if diff := cmp.Diff([]string{"nested.title=Base", "title=Base"}, got); diff != "" {
		t.Errorf("Values (-want +got):\n%s", diff)
	}

	// A quoted "<<" is a plain key, not a merge.
	q := mustParse(t, lines("---", "base: &b {title: Base}", `"<<": *b`, "---"))
	if n := q.Lookup("title"); n != nil {
		t.Errorf("Lookup(title) through a quoted << = %v, want nil", n)
	}
}

package content

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/glosa/glosa/internal/l10n"
)

// change is one line of a line diff: "-" with its line in the old file,
// or "+" with its line in the new one. Text keeps the line ending, so that
// CRLF and LF lines differ.
type change struct {
	Op   string
	Line int
	Text string
}

// splitLines splits s after every "\n".
func splitLines(s string) []string { return strings.SplitAfter(s, "\n") }

// lineDiff returns the changes that turn a into b: a longest common
// subsequence of lines is kept, every other line is removed or added.
func lineDiff(a, b string) []change {
	x, y := splitLines(a), splitLines(b)
	// lcs[i][j] is the LCS length of x[i:] and y[j:].
	lcs := make([][]int, len(x)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(y)+1)
	}
	for i := len(x) - 1; i >= 0; i-- {
		for j := len(y) - 1; j >= 0; j-- {
			if x[i] == y[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []change
	i, j := 0, 0
	for i < len(x) || j < len(y) {
		switch {
		case i < len(x) && j < len(y) && x[i] == y[j]:
			i, j = i+1, j+1
		case j < len(y) && (i == len(x) || lcs[i][j+1] >= lcs[i+1][j]):
			out = append(out, change{"+", j + 1, y[j]})
			j++
		default:
			out = append(out, change{"-", i + 1, x[i]})
			i++
		}
	}
	return out
}

func TestLineDiff(t *testing.T) {
	got := lineDiff("a\nb\nc\n", "a\nB\nc\nd\n")
	want := []change{{"+", 2, "B\n"}, {"-", 2, "b\n"}, {"+", 4, "d\n"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("lineDiff mismatch (-want +got):\n%s", diff)
	}
}

// added returns the "+" changes for lines starting at line n.
func added(n int, texts ...string) []change {
	var out []change
	for i, s := range texts {
		out = append(out, change{"+", n + i, s})
	}
	return out
}

func removed(n int, texts ...string) []change {
	var out []change
	for i, s := range texts {
		out = append(out, change{"-", n + i, s})
	}
	return out
}

// crlf turns LF line endings into CRLF.
func crlf(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }

var stamp = Record{Source: "it", Hash: "sha256-5d41402abc4b2a76"}

// TestSetRecordSeed stamps the seed, the user's own file, in every form
// it can come in, and checks that only the record's lines are added.
func TestSetRecordSeed(t *testing.T) {
	seed := readFile(t, "testdata/llm.es.md")
	record := []string{"translation:\n", "  source: it\n", "  hash: sha256-5d41402abc4b2a76\n"}
	tests := []struct {
		name string
		in   string
		want []change
	}{
		// The seed's front matter ends on line 18; the record goes there.
		{"LF", seed, added(18, record...)},
		{"CRLF", crlf(seed), added(18, "translation:\r\n", "  source: it\r\n", "  hash: sha256-5d41402abc4b2a76\r\n")},
		{"BOM", "\ufeff" + seed, added(18, record...)},
		{"BOM and CRLF", "\ufeff" + crlf(seed), added(18, "translation:\r\n", "  source: it\r\n", "  hash: sha256-5d41402abc4b2a76\r\n")},
		{"no final newline", strings.TrimSuffix(seed, "\n"), added(18, record...)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := setRecord(t, tt.in, stamp)
			if diff := cmp.Diff(tt.want, lineDiff(tt.in, string(out))); diff != "" {
				t.Errorf("changed lines mismatch (-want +got):\n%s", diff)
			}
			if strings.HasPrefix(tt.in, "\ufeff") != strings.HasPrefix(string(out), "\ufeff") {
				t.Error("the BOM was not kept")
			}
			// Stamping again changes nothing.
			if again := setRecord(t, string(out), stamp); string(again) != string(out) {
				t.Errorf("stamping twice changed the file:\n%s", cmp.Diff(lineDiff(string(out), string(again)), []change(nil)))
			}
			// A new hash changes one line.
			newer := Record{Source: "it", Hash: "sha256-00000000000000ff"}
			nl := "\n"
			if strings.Contains(tt.in, "\r\n") {
				nl = "\r\n"
			}
			want := []change{{"+", 20, "  hash: sha256-00000000000000ff" + nl}, {"-", 20, "  hash: sha256-5d41402abc4b2a76" + nl}}
			if diff := cmp.Diff(want, lineDiff(string(out), string(setRecord(t, string(out), newer)))); diff != "" {
				t.Errorf("restamping mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// setRecord stamps in and checks that the result reads back with rec as
// its record.
func setRecord(t *testing.T, in string, rec Record) []byte {
	t.Helper()
	d := mustParse(t, in)
	out, err := SetRecord(d, rec)
	if err != nil {
		t.Fatalf("SetRecord: %v", err)
	}
	got, err := mustParse(t, string(out)).Record()
	if err != nil {
		t.Fatalf("Record after SetRecord: %v", err)
	}
	want := rec
	want.Line = got.Line
	if diff := cmp.Diff(&want, got); diff != "" {
		t.Errorf("Record after SetRecord mismatch (-want +got):\n%s", diff)
	}
	return out
}

func TestSetRecordEdits(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		rec      Record
		want     []change
		wantLine int // where the record starts afterwards
	}{{
		name: "replaced whole; the blank line, comment and next key after it kept",
		in: lines("---",
			"title: LLM",
			"translation:",
			"  source: en",
			"  hash: sha256-aaaaaaaaaaaaaaaa",
			"  commit: 3f1c9a0",
			"",
			"# the category is shared",
			"category: Basics",
			"---",
			"Body."),
		rec: stamp,
		want: append(added(4, "  source: it\n", "  hash: sha256-5d41402abc4b2a76\n"),
			removed(4, "  source: en\n", "  hash: sha256-aaaaaaaaaaaaaaaa\n", "  commit: 3f1c9a0\n")...),
		wantLine: 3,
	}, {
		name:     "front matter after blank lines, as Hugo reads it",
		in:       lines("", "", "---", "title: LLM", "---", "Body."),
		rec:      stamp,
		want:     added(5, "translation:\n", "  source: it\n", "  hash: sha256-5d41402abc4b2a76\n"),
		wantLine: 5,
	}, {
		name:     "only the changed line changes",
		in:       lines("---", "title: LLM", "translation:", "  source: it", "  hash: sha256-aaaaaaaaaaaaaaaa", "category: Basics", "---"),
		rec:      stamp,
		want:     []change{{"+", 5, "  hash: sha256-5d41402abc4b2a76\n"}, {"-", 5, "  hash: sha256-aaaaaaaaaaaaaaaa\n"}},
		wantLine: 3,
	}, {
		name:     "a record followed by a comment at column 1",
		in:       lines("---", "translation:", "  hash: sha256-aaaaaaaaaaaaaaaa", "# about the category", "category: Basics", "---"),
		rec:      Record{Hash: "sha256-bbbbbbbbbbbbbbbb", Commit: "3f1c9a0"},
		want:     []change{{"+", 3, "  hash: sha256-bbbbbbbbbbbbbbbb\n"}, {"+", 4, "  commit: 3f1c9a0\n"}, {"-", 3, "  hash: sha256-aaaaaaaaaaaaaaaa\n"}},
		wantLine: 2,
	}, {
		name:     "a record as the last key, closed by ...",
		in:       lines("---", "title: LLM", "translation: {hash: sha256-aaaaaaaaaaaaaaaa}", "...", "Body."),
		rec:      stamp,
		want:     append(added(3, "translation:\n", "  source: it\n", "  hash: sha256-5d41402abc4b2a76\n"), removed(3, "translation: {hash: sha256-aaaaaaaaaaaaaaaa}\n")...),
		wantLine: 3,
	}, {
		name: "comments inside the record go with it",
		in:   lines("---", "translation:", "  # stamped by hand", "  hash: sha256-aaaaaaaaaaaaaaaa", "", "title: LLM", "---"),
		rec:  stamp,
		want: append([]change{{"+", 3, "  source: it\n"}, {"+", 4, "  hash: sha256-5d41402abc4b2a76\n"}},
			removed(3, "  # stamped by hand\n", "  hash: sha256-aaaaaaaaaaaaaaaa\n")...),
		wantLine: 2,
	}, {
		name:     "a malformed record, a list at the key's indentation, is replaced",
		in:       lines("---", "translation:", "- it", "- sha256-aaaaaaaaaaaaaaaa", "title: LLM", "---"),
		rec:      stamp,
		want:     append([]change{{"+", 3, "  source: it\n"}, {"+", 4, "  hash: sha256-5d41402abc4b2a76\n"}}, removed(3, "- it\n", "- sha256-aaaaaaaaaaaaaaaa\n")...),
		wantLine: 2,
	}, {
		name:     "an empty record is filled",
		in:       lines("---", "title: LLM", "translation:", "---"),
		rec:      stamp,
		want:     added(4, "  source: it\n", "  hash: sha256-5d41402abc4b2a76\n"),
		wantLine: 3,
	}, {
		name:     "no front matter: one is added",
		in:       lines("# LLM", "", "Body."),
		rec:      stamp,
		want:     added(1, "---\n", "translation:\n", "  source: it\n", "  hash: sha256-5d41402abc4b2a76\n", "---\n"),
		wantLine: 2,
	}, {
		name:     "no front matter, BOM and CRLF",
		in:       "\ufeff# LLM\r\n\r\nBody.\r\n",
		rec:      stamp,
		want:     []change{{"+", 1, "\ufeff---\r\n"}, {"+", 2, "translation:\r\n"}, {"+", 3, "  source: it\r\n"}, {"+", 4, "  hash: sha256-5d41402abc4b2a76\r\n"}, {"+", 5, "---\r\n"}, {"+", 6, "# LLM\r\n"}, {"-", 1, "\ufeff# LLM\r\n"}},
		wantLine: 2,
	}, {
		name:     "an empty file",
		in:       "",
		rec:      stamp,
		want:     added(1, "---\n", "translation:\n", "  source: it\n", "  hash: sha256-5d41402abc4b2a76\n", "---\n"),
		wantLine: 2,
	}, {
		name:     "empty front matter",
		in:       lines("---", "---", "Body."),
		rec:      stamp,
		want:     added(2, "translation:\n", "  source: it\n", "  hash: sha256-5d41402abc4b2a76\n"),
		wantLine: 2,
	}, {
		name:     "front matter of comments only",
		in:       lines("---", "# nothing yet", "---", "Body."),
		rec:      stamp,
		want:     added(3, "translation:\n", "  source: it\n", "  hash: sha256-5d41402abc4b2a76\n"),
		wantLine: 3,
	}, {
		name:     "an indented front matter gets an indented record",
		in:       lines("---", "  title: LLM", "  category: Basics", "---"),
		rec:      stamp,
		want:     added(4, "  translation:\n", "    source: it\n", "    hash: sha256-5d41402abc4b2a76\n"),
		wantLine: 4,
	}, {
		name:     "a folded scalar last is left whole",
		in:       lines("---", "description: >-", "  Two", "  lines", "---"),
		rec:      stamp,
		want:     added(5, "translation:\n", "  source: it\n", "  hash: sha256-5d41402abc4b2a76\n"),
		wantLine: 5,
	}, {
		name:     "a kept block scalar keeps its trailing blank line",
		in:       lines("---", "description: |+", "  text", "", "---"),
		rec:      stamp,
		want:     added(5, "translation:\n", "  source: it\n", "  hash: sha256-5d41402abc4b2a76\n"),
		wantLine: 5,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := setRecord(t, tt.in, tt.rec)
			if diff := cmp.Diff(tt.want, lineDiff(tt.in, string(out))); diff != "" {
				t.Errorf("changed lines mismatch (-want +got):\n%s\nresult:\n%s", diff, out)
			}
			rec, _ := mustParse(t, string(out)).Record()
			if rec.Line != tt.wantLine {
				t.Errorf("record on line %d, want %d", rec.Line, tt.wantLine)
			}
			// The other values are those of the input.
			before, after := mustParse(t, tt.in), mustParse(t, string(out))
			if diff := cmp.Diff(otherValues(t, before), otherValues(t, after)); diff != "" {
				t.Errorf("values other than the record changed (-before +after):\n%s", diff)
			}
			if string(before.Body) != string(after.Body) {
				t.Errorf("body changed: %q → %q", before.Body, after.Body)
			}
		})
	}
}

// otherValues decodes the front matter without its translation record.
func otherValues(t testing.TB, d *Document) map[string]any {
	t.Helper()
	m := map[string]any{}
	if d.Front != nil {
		if err := d.Front.Decode(&m); err != nil {
			t.Fatalf("decoding the front matter: %v", err)
		}
	}
	delete(m, RecordKey)
	return m
}

// TestSetRecordKeyCase: a record whose key is spelled in another case is
// the record (Hugo reads keys whatever their case): it is replaced, not
// doubled.
func TestSetRecordKeyCase(t *testing.T) {
	in := lines("---", "title: LLM", "Translation:", "  Hash: sha256-aaaaaaaaaaaaaaaa", "weight: 2", "---")
	out, err := SetRecord(mustParse(t, in), stamp)
	if err != nil {
		t.Fatal(err)
	}
	want := lines("---", "title: LLM", "translation:", "  source: it", "  hash: sha256-5d41402abc4b2a76", "weight: 2", "---")
	if string(out) != want {
		t.Errorf("SetRecord:\n%s\nwant:\n%s", out, want)
	}
}

func TestSetRecordRefuses(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"a flow mapping", lines("---", "{title: LLM, category: Basics}", "---"),
			"line 2: the front matter is one {…} mapping; write one key: value per line: glosa cannot edit this front matter in place"},
		{"a record that defines an anchor", lines("---", "translation: &t", "  hash: sha256-aaaaaaaaaaaaaaaa", "copy: *t", "---"),
			"line 2: key translation defines an anchor (&) that other keys may use: glosa cannot edit this front matter in place"},
		{"a value less indented than its key", lines("---", "  title: LLM", "  description:", "A value at column 1", "---"),
			"line 4: this line is less indented than the keys: glosa cannot edit this front matter in place"},
		{"an anchor on the record's key", lines("---", "&a translation:", "  hash: h", "title: x", "---"),
			"line 2: key translation defines an anchor (&) that other keys may use: glosa cannot edit this front matter in place"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := SetRecord(mustParse(t, tt.in), stamp)
			if !errors.Is(err, ErrUneditable) {
				t.Errorf("SetRecord error = %v, want ErrUneditable", err)
			}
			if err != nil && err.Error() != tt.want {
				t.Errorf("SetRecord error = %q, want %q", err, tt.want)
			}
		})
	}
}

func TestRecord(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    *Record
		wantErr *posErr
	}{{
		name: "none",
		in:   lines("---", "title: LLM", "---"),
	}, {
		name: "no front matter",
		in:   "Body.\n",
	}, {
		name: "full",
		in:   lines("---", "title: LLM", "translation:", "  source: it", "  hash: sha256-5d41402abc4b2a76", "  commit: 3f1c9a0", "---"),
		want: &Record{Source: "it", Hash: "sha256-5d41402abc4b2a76", Commit: "3f1c9a0", Line: 3},
	}, {
		name: "unknown keys ignored",
		in:   lines("---", "translation: {hash: h, by: maria}", "---"),
		want: &Record{Hash: "h", Line: 2},
	}, {
		name:    "not a mapping",
		in:      lines("---", "title: LLM", "translation: done", "---"),
		wantErr: &posErr{Line: 3, Col: 14, Msg: "translation record must be a mapping with source and hash"},
	}, {
		name:    "empty",
		in:      lines("---", "translation:", "---"),
		wantErr: &posErr{Line: 2, Col: 13, Msg: "translation record must be a mapping with source and hash"},
	}, {
		name:    "no hash",
		in:      lines("---", "title: LLM", "translation:", "  source: it", "---"),
		wantErr: &posErr{Line: 3, Col: 1, Msg: "translation record has no hash; run glosa stamp to write one"},
	}, {
		name:    "a list value",
		in:      lines("---", "translation:", "  hash: [a, b]", "---"),
		wantErr: &posErr{Line: 3, Col: 9, Msg: "translation.hash must be a single value"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := mustParse(t, tt.in).Record()
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Record mismatch (-want +got):\n%s", diff)
			}
			var gotErr *l10n.Error
			if err != nil {
				gotErr = l10n.FileError("", err)
			}
			if diff := cmp.Diff(tt.wantErr, english(gotErr)); diff != "" {
				t.Errorf("Record error mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestForeignRecord(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    *Record
		wantErr string
	}{
		{"OpenTelemetry, with a comment", lines("---", "title: x", "default_lang_commit: 3f1c9a0 # 2024-05-01", "---"),
			&Record{Commit: "3f1c9a0", Line: 3, Foreign: "default_lang_commit"}, ""},
		{"MDN, full hash in capitals", lines("---", "l10n:", "  sourceCommit: 0123456789ABCDEF0123456789abcdef01234567", "---"),
			&Record{Commit: "0123456789abcdef0123456789abcdef01234567", Line: 3, Foreign: "l10n.sourceCommit"}, ""},
		{"glosa's record wins", lines("---", "default_lang_commit: 3f1c9a0", "translation: {hash: h}", "---"),
			&Record{Hash: "h", Line: 3}, ""},
		{"not a hash", lines("---", "default_lang_commit: main", "---"), nil, "default_lang_commit must be a git commit hash"},
		{"l10n without sourceCommit", lines("---", "l10n: {correspondingSourceMissing: true}", "---"), nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := mustParse(t, tt.in).Record()
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Record mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

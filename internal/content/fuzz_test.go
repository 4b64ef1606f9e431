package content

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/pelletier/go-toml/v2"
	"go.yaml.in/yaml/v3"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/limits"
)

// FuzzParse checks that Parse never panics, that its errors point inside
// the file, and the round trip of stamping: for any file that parses,
// SetRecord either refuses with ErrUneditable or returns a file that parses,
// whose record is the one written, whose other front-matter values and
// body are those of the input, and whose bytes differ from the input only
// in the record's lines.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob("../../content/*/*.md")
	seeds = append(seeds, "testdata/llm.es.md", "testdata/hash/entry.md")
	for _, name := range seeds {
		data := readFile(f, name)
		f.Add([]byte(data))
		f.Add([]byte(crlf(data)))
		f.Add([]byte("\ufeff" + data))
	}
	for _, s := range []string{
		"", "---", "---\n", "---\n---\n", "---\n...\n", "+++\n+++\n", "\ufeff", "no front matter\n",
		"---\ntranslation:\n  source: it\n  hash: h\n# c\nnext: 1\n---\n",
		"---\ntranslation:\n- a\ntitle: x\n---\n",
		"---\n  title: indented\n---\n",
		"---\n{title: flow}\n---\n",
		"---\ntranslation: &a {hash: h}\nx: *a\n---\n",
		"---\ntitle: |+\n  keep\n\n---\n",
		"---\ntitle: 'multi\n  line'\ntranslation: {hash: h}\n---\n",
		"---\ntitle: \"a\u2028b\"\ntranslation:\n  hash: h\nnext: 1\n---\n",
		"---\ntitle: a\u0085b: c\n---\n",
		"\xff\xfe-\x00-\x00-\x00\n\x00",
		twinTOML, twinJSON, "{}\n", "+++\n[translation]\nhash = \"h\"\n+++\n",
		"\n\n---\ntitle: x\n---\nBody.\n", " \r\n\t+++\ntitle = \"x\"\n+++\n", "\n{\"title\": \"x\"}\n",
		"---\nTranslation:\n  Hash: h\nTitle: x\n---\n", "---\ntitle: a\nTitle: b\ntranslation: {hash: h}\n---\n",
	} {
		f.Add([]byte(s))
	}
	schema := sampleSchema(f)
	f.Fuzz(func(t *testing.T, data []byte) { checkParse(t, schema, data) })
}

// FuzzParseTOML is FuzzParse for TOML front matter: the fuzzed text is
// what comes between the +++ lines. It also checks that the tree has the
// top-level keys go-toml decodes.
func FuzzParseTOML(f *testing.F) {
	for _, s := range []string{
		"", "title = \"T\"\n", twinTOML[4 : len(twinTOML)-len("+++\n\nA **token** is a piece of text.\n")],
		"[translation]\nhash = \"h\"\n[params]\nx = 1\n",
		"draft = false # c\n[translation]\nsource = 'it'\nhash = \"h\"\n",
		"a.b.c = 1\n[a.d]\ne = [1, [2, 3], {f = 4}]\n[[g]]\n[[g.h]]\ni = 1979-05-27T07:32:00Z\n",
		"x = \"\"\"\nmulti\nline\"\"\"\ny = '''raw'''\nz = inf\nw = -nan\nv = 1_000\nu = 0b101\nt = 07:32:00\n",
		"translation = {hash = \"h\"}\n", "[draft]\n", "draft = [1]\n",
		"x = " + strings.Repeat("{a=", limits.Depth+1) + "1" + strings.Repeat("}", limits.Depth+1) + "\n",
		strings.Repeat("[t]\nk = 1\n", limits.FrontKeys/2+1),
	} {
		f.Add([]byte(s))
	}
	schema := sampleSchema(f)
	f.Fuzz(func(t *testing.T, front []byte) {
		data := append(append([]byte("+++\n"), front...), "\n+++\nbody\n"...)
		d := checkParse(t, schema, data)
		if d == nil || d.Syntax() != TOML {
			return
		}
		var m map[string]any
		if err := toml.Unmarshal(d.Raw[d.FrontStart:d.FrontEnd], &m); err != nil {
			t.Fatalf("Parse accepts what go-toml rejects: %v", err)
		}
		if n := frontLen(d.Front); n != len(m) {
			t.Fatalf("the tree has %d top-level keys, go-toml %d", n, len(m))
		}
	})
}

// FuzzParseJSON is FuzzParse for JSON front matter. It also checks that
// the tree has the top-level keys encoding/json decodes.
func FuzzParseJSON(f *testing.F) {
	for _, s := range []string{
		"{}\n", "{\"title\": \"T\"}\nbody\n", twinJSON,
		"{\n  \"translation\": {\"hash\": \"h\"},\n  \"draft\": false\n}\n",
		"{\"a\": [1, 2.5e3, null, true, {\"b\": \"\\ud83d\\ude00\\/\"}]}\n",
		"{\"draft\": {}}\n", "{\"a\": \"}\\\"{\"}\n", "\ufeff{\r\n\t\"a\": 1\r\n}\r\n",
	} {
		f.Add([]byte(s))
	}
	schema := sampleSchema(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		d := checkParse(t, schema, data)
		if d == nil || d.Syntax() != JSON {
			return
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal(d.Raw[d.FrontStart:d.FrontEnd], &m); err != nil {
			t.Fatalf("Parse accepts what encoding/json rejects: %v", err)
		}
		if n := frontLen(d.Front); n != len(m) {
			t.Fatalf("the tree has %d top-level keys, encoding/json %d", n, len(m))
		}
	})
}

func frontLen(front *yaml.Node) int {
	if front == nil {
		return 0
	}
	return len(front.Content) / 2
}

// checkParse checks one input of the fuzz targets, returning the document
// when it parses.
func checkParse(t *testing.T, schema *config.Field, data []byte) *Document {
	d, err := Parse(data)
	if err != nil {
		var pe *l10n.Error
		if !errors.As(err, &pe) {
			t.Fatalf("Parse error %v is a %T, not a *l10n.Error", err, err)
		}
		if n := bytes.Count(data, []byte("\n")) + 1; pe.Line < 1 || pe.Line > n || pe.Column < 1 {
			t.Fatalf("Parse error %v is outside the file's %d lines", pe, n)
		}
		return nil
	}
	// Nothing that reads a parsed document panics.
	_, _ = d.Record()
	_ = HashInput(d, schema)
	_ = Values(d.Front, schema)
	checkStub(t, d)

	rec := Record{Source: "it", Hash: "sha256-5d41402abc4b2a76", Commit: "3f1c9a0"}
	out, err := SetRecord(d, rec)
	if err != nil {
		if !errors.Is(err, ErrUneditable) {
			t.Fatalf("SetRecord: %v", err)
		}
		return d
	}
	d2, err := Parse(out)
	if err != nil {
		t.Fatalf("the stamped file does not parse: %v\n%q", err, out)
	}
	got, err := d2.Record()
	if err != nil || got == nil || got.Source != rec.Source || got.Hash != rec.Hash || got.Commit != rec.Commit {
		t.Fatalf("the stamped file's record is %+v, %v; want %+v", got, err, rec)
	}
	if !bytes.Equal(d.Body, d2.Body) {
		t.Fatalf("the body changed: %q → %q", d.Body, d2.Body)
	}
	if d.BOM != d2.BOM || (d.CRLF != d2.CRLF && len(d.Raw) > 0 && bytes.IndexByte(d.Raw, '\n') >= 0) {
		t.Fatalf("BOM or line endings changed: BOM %v → %v, CRLF %v → %v", d.BOM, d2.BOM, d.CRLF, d2.CRLF)
	}
	if a, b := frontWithout(d.Front), frontWithout(d2.Front); a != b {
		t.Fatalf("front matter values other than the record changed:\n%s\n→\n%s", a, b)
	}
	if d.Syntax() == YAML {
		checkOnlyRecordLines(t, d, out)
	} else {
		checkOutsideRecord(t, d, out)
	}
	return d
}

// checkOutsideRecord checks that a TOML or JSON file out, stamped from d,
// differs from it only where d's record was (or, without one, by bytes
// added at one place).
func checkOutsideRecord(t *testing.T, d *Document, out []byte) {
	t.Helper()
	in := d.Raw
	p := 0
	for p < len(in) && p < len(out) && in[p] == out[p] {
		p++
	}
	s := 0
	for s < len(in)-p && s < len(out)-p && in[len(in)-1-s] == out[len(out)-1-s] {
		s++
	}
	from, end := p, len(in)-s // the bytes of in replaced
	if from >= end {
		return // only added
	}
	lo, hi := -1, -1
	switch d.Syntax() {
	case TOML:
		if f, e, ok, err := tomlRecordBlock(d, tomlExprs(d)); err == nil && ok {
			lo, hi = f, e
		}
	case JSON:
		if j, err := jsonTree(d.Raw, d.FrontStart, d.FrontEnd); err == nil {
			for _, m := range j.members {
				if m.key == RecordKey {
					lo, hi = m.from, m.upTo
				}
			}
		}
	}
	if from < lo || end > hi {
		t.Fatalf("bytes %d-%d changed, outside the record (%d-%d)\n%q\n→\n%q", from, end, lo, hi, in, out)
	}
}

// checkStub checks that Stub refuses with ErrUneditable or returns a draft
// without a record, with the same body and the same other values.
func checkStub(t *testing.T, d *Document) {
	t.Helper()
	out, err := Stub(d)
	if err != nil {
		if !errors.Is(err, ErrUneditable) {
			t.Fatalf("Stub: %v", err)
		}
		return
	}
	d2, err := Parse(out)
	if err != nil {
		t.Fatalf("the stub does not parse: %v\n%q", err, out)
	}
	if !bytes.Equal(d.Body, d2.Body) {
		t.Fatalf("the stub's body changed: %q → %q", d.Body, d2.Body)
	}
	if a, b := frontWithout(d.Front, "draft"), frontWithout(d2.Front, "draft"); a != b {
		t.Fatalf("the stub's values other than the record and draft changed:\n%s\n→\n%s", a, b)
	}
}

// frontWithout renders a front matter's values, without positions,
// comments and the translation record, for comparison.
func frontWithout(front *yaml.Node, skip ...string) string {
	if front == nil {
		return ""
	}
	var b strings.Builder
	for i := 0; i+1 < len(front.Content); i += 2 {
		if k := strings.ToLower(front.Content[i].Value); k == RecordKey || slices.Contains(skip, k) {
			continue
		}
		writeNode(&b, front.Content[i], 0)
		writeNode(&b, front.Content[i+1], 1)
	}
	return b.String()
}

func writeNode(b *strings.Builder, n *yaml.Node, depth int) {
	if depth > 50 {
		return
	}
	fmt.Fprintf(b, "%s%d %s %q %d &%s\n", strings.Repeat(" ", depth), n.Kind, n.ShortTag(), n.Value, n.Style, n.Anchor)
	for _, c := range n.Content {
		writeNode(b, c, depth+1)
	}
}

// checkOnlyRecordLines checks that out differs from the input of d only in
// the lines of the translation record: lines removed lie in the old
// record (from its key to the next key), lines added are lines of the new
// record or, without front matter, its delimiters.
func checkOnlyRecordLines(t *testing.T, d *Document, out []byte) {
	t.Helper()
	in := bytes.TrimPrefix(d.Raw, bom)
	out = bytes.TrimPrefix(out, bom)
	a, b := splitLines(string(in)), splitLines(string(out))
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	s := 0
	for s < len(a)-p && s < len(b)-p && a[len(a)-1-s] == b[len(b)-1-s] {
		s++
	}
	removedFrom, removedTo := p+1, len(a)-s // 1-based, inclusive
	allowedFrom, allowedTo := 0, -1
	if k := d.KeyNode(RecordKey); k != nil {
		allowedFrom, allowedTo = k.Line, bytes.Count(d.Raw[:d.FrontEnd], []byte("\n"))
		for i := 0; i+2 < len(d.Front.Content); i += 2 {
			if d.Front.Content[i] == k {
				allowedTo = d.Front.Content[i+2].Line - 1
			}
		}
	}
	if removedFrom <= removedTo && (removedFrom < allowedFrom || removedTo > allowedTo) {
		t.Fatalf("lines %d-%d changed, outside the record (lines %d-%d)\n%q\n→\n%q", removedFrom, removedTo, allowedFrom, allowedTo, in, out)
	}
	for _, line := range b[p : len(b)-s] {
		l := strings.TrimSpace(line)
		if !(l == "---" || l == RecordKey+":" || strings.HasPrefix(l, "source: ") || strings.HasPrefix(l, "hash: ") || strings.HasPrefix(l, "commit: ")) {
			t.Fatalf("added line %q is not the record's\n%q\n→\n%q", line, in, out)
		}
	}
}

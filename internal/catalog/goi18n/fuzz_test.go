package goi18n

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/glosa/glosa/internal/limits"
)

// seed adds the fixture files and the test files of a format to the corpus.
func seed(f *testing.F, format string, extra ...string) {
	for _, dir := range []string{filepath.Join("testdata", "merge", "in"), filepath.Join("testdata", "merge", "out", format)} {
		paths, _ := filepath.Glob(filepath.Join(dir, "*."+format))
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	for _, s := range extra {
		f.Add([]byte(s))
	}
}

func FuzzParseYAML(f *testing.F) {
	seed(f, "yaml", yamlFile, "a: {b: c}\n", "- id: x\n  translation: y\n", "a: |\n  # text\n  more\nb: c\n",
		"a: "+strings.Repeat("{a: ", limits.Depth+1)+"x"+strings.Repeat("}", limits.Depth+1)+"\n",
		strings.Repeat("- ", limits.Depth+1)+"x\n")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzParse(t, "es.yaml", data) })
}

func FuzzParseJSON(f *testing.F) {
	seed(f, "json", jsonFile, `{"a":{"b":"c"},"d":"e"}`, `[{"id":"x","translation":"y"}]`,
		strings.Repeat(`{"a":`, limits.Depth+1)+`"x"`+strings.Repeat("}", limits.Depth+1),
		`{"a":`+strings.Repeat("[", limits.Depth+1)+strings.Repeat("]", limits.Depth+1)+"}")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzParse(t, "es.json", data) })
}

func FuzzParseTOML(f *testing.F) {
	seed(f, "toml", tomlFile, "[menu]\nopen.other = \"x\"\n", "a = { other = \"\"\"x\ny\"\"\" }\n[[list]]\nid = \"x\"\n", "'a.b' = '''x'''\n",
		"x = "+strings.Repeat("{a=", limits.Depth+1)+"1"+strings.Repeat("}", limits.Depth+1)+"\n",
		"x = "+strings.Repeat("[", limits.Depth)+strings.Repeat("]", limits.Depth)+"\n")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzParse(t, "es.toml", data) })
}

// fuzzParse checks that Parse never panics, that positions lie within the
// file, and that every edit reads back as made and leaves the rest alone.
func fuzzParse(t *testing.T, path string, data []byte) {
	f, err := Parse(path, data)
	if err != nil {
		return
	}
	checkRecord(t, path, data, f, false)
	ls := newLines(data)
	for _, m := range f.Messages {
		if m.Line == 0 {
			continue
		}
		if m.Line < 1 || m.Line > len(ls) || m.Column < 1 || ls[m.Line-1]+m.Column-1 > len(data) {
			t.Fatalf("message %q at %d:%d, outside the file", m.ID, m.Line, m.Column)
		}
	}
	if dupIDs(f) {
		return // go-i18n keeps one of them; edits are not defined
	}
	for _, m := range f.Messages {
		set := &Message{ID: m.ID, Description: "fuzz", Hash: "sha1-fuzz", Text: map[Form]string{One: "uno\n\"x\"", Other: "a: b # c"}}
		out, err := f.Set(set)
		if err == nil {
			e := f.entries[m.ID]
			start, end := e.start, e.end
			if f.Format == "json" {
				start = e.valStart
			}
			if !bytes.HasPrefix(out, data[:start]) || !bytes.HasSuffix(out, data[end:]) {
				t.Fatalf("Set %q changed text outside its message:\n%s", m.ID, out)
			}
			checkEdit(t, f, out, m.ID, set)
		}
		if out, err := f.Remove(m.ID); err == nil {
			checkEdit(t, f, out, m.ID, nil)
		}
	}
	add := &Message{ID: "fuzz.added", Hash: "sha1-fuzz", Text: map[Form]string{Other: "añadido"}}
	if out, err := f.Add(add, "en: added\nsecond line"); err == nil {
		if !bytes.HasPrefix(out, bytes.TrimRight(data, "\n{}")) && f.Format != "json" && len(f.Messages) > 0 {
			t.Fatalf("Add changed the file's text:\n%s", out)
		}
		checkEdit(t, f, out, add.ID, add)
	}
	// Removing every other message at once writes what removing them one
	// by one writes.
	var ids []string
	for i, m := range f.Messages {
		if i%2 == 0 {
			ids = append(ids, m.ID)
		}
	}
	cur := f
	for _, id := range ids {
		out, err := cur.Remove(id)
		if err != nil {
			return
		}
		if cur, err = Parse(f.Path, out); err != nil {
			t.Fatalf("Remove %q wrote a file that does not parse: %v\n%s", id, err, out)
		}
	}
	if out, err := f.RemoveAll(ids); err != nil || !bytes.Equal(out, cur.Bytes()) {
		t.Fatalf("RemoveAll(%q) = %v, differs from one Remove after another:\n%s\nwant:\n%s", ids, err, out, cur.Bytes())
	}
}

func dupIDs(f *File) bool {
	seen := map[string]bool{}
	for _, m := range f.Messages {
		if seen[m.ID] {
			return true
		}
		seen[m.ID] = true
	}
	return false
}

// checkEdit parses an edited file and compares it with the original: id
// now reads as want (nil: gone), every other message is unchanged.
func checkEdit(t *testing.T, before *File, out []byte, id string, want *Message) {
	t.Helper()
	after, err := Parse(before.Path, out)
	if err != nil {
		t.Fatalf("edit of %q gives a file go-i18n rejects: %v\n%s", id, err, out)
	}
	ignore := cmpopts.IgnoreFields(Message{}, "Line", "Column")
	got := after.Message(id)
	switch {
	case want == nil && got != nil:
		t.Fatalf("removed %q is still there:\n%s", id, out)
	case want != nil:
		w := *want
		w.Text = map[Form]string{}
		for k, v := range want.Text {
			if v != "" {
				w.Text[k] = v
			}
		}
		if diff := cmp.Diff(&w, got, ignore, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("edited %q reads back (-want +got):\n%s\n%s", id, diff, out)
		}
	}
	for _, m := range before.Messages {
		if m.ID == id || strings.HasPrefix(m.ID, id+".") {
			continue
		}
		if diff := cmp.Diff(m, after.Message(m.ID), ignore, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("editing %q changed %q (-before +after):\n%s\n%s", id, m.ID, diff, out)
		}
	}
}

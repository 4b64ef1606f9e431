package goi18n

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"golang.org/x/text/language"
)

// checkRecord fails t unless FromRecord of f's Record is f, and, with cuts,
// unless every cut of the record is refused.
func checkRecord(t *testing.T, path string, data []byte, f *File, cuts bool) {
	t.Helper()
	raw := f.Record()
	got, err := FromRecord(path, data, raw)
	if err != nil {
		t.Fatalf("FromRecord: %v", err)
	}
	opts := cmp.Options{cmp.AllowUnexported(File{}, entry{}), cmpopts.EquateComparable(language.Tag{}), cmpopts.EquateEmpty()}
	if diff := cmp.Diff(f, got, opts); diff != "" {
		t.Fatalf("FromRecord(Record) (-parsed +decoded):\n%s", diff)
	}
	if !cuts {
		return
	}
	for n := range len(raw) {
		if _, err := FromRecord(path, data, raw[:n]); err == nil {
			t.Fatalf("a record cut at %d of %d bytes was read", n, len(raw))
		}
	}
}

func TestFromRecord(t *testing.T) {
	for _, tc := range []struct{ path, in string }{
		{"active.es.yaml", yamlFile},
		{"es.json", jsonFile},
		{"active.es.toml", tomlFile},
		{"es.yml", "a:\n  b: uno\n  c:\n    one: x\n    other: y\n    hash: sha1-1\n"},
		{"es.toml", "[a.b]\nother = \"n\"\n[group]\nx.other = \"dotted\"\ninline = { one = \"1\", other = \"n\" }\n"},
		{"es.json", `{"a": {"b": "uno", "c": {"other": "y", "description": "d", "leftDelim": "<<", "rightDelim": ">>"}}}`},
		{"und.yaml", ""},
	} {
		t.Run(tc.path, func(t *testing.T) {
			f, err := Parse(tc.path, []byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			checkRecord(t, tc.path, []byte(tc.in), f, true)
			// An edit of the decoded file is the edit of the parsed one.
			for _, m := range f.Messages {
				set := &Message{ID: m.ID, Hash: "sha1-new", Text: map[Form]string{Other: "nuevo"}}
				want, wantErr := f.Set(set)
				d, _ := FromRecord(tc.path, []byte(tc.in), f.Record())
				got, gotErr := d.Set(set)
				if string(want) != string(got) || (wantErr == nil) != (gotErr == nil) {
					t.Errorf("Set %q: decoded %q, %v; parsed %q, %v", m.ID, got, gotErr, want, wantErr)
				}
			}
		})
	}
}

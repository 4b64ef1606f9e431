package po

import (
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// checkRecord fails t unless FromRecord of f's Record is f (which must
// be UTF-8), and, with cuts, unless every cut of the record is refused.
func checkRecord(t *testing.T, data []byte, f *File, cuts bool) {
	t.Helper()
	raw, ok := f.Record()
	if !ok {
		t.Fatal("a UTF-8 file was not recorded")
	}
	got, err := FromRecord(data, raw)
	if err != nil {
		t.Fatalf("FromRecord: %v", err)
	}
	if diff := cmp.Diff(f, got, cmp.AllowUnexported(File{}, Entry{}), cmpopts.EquateEmpty()); diff != "" {
		t.Fatalf("FromRecord(Record) (-parsed +decoded):\n%s", diff)
	}
	for i, e := range got.Entries {
		if (e.raw == nil) != (f.Entries[i].raw == nil) {
			t.Fatalf("entry %d: raw nil %v, parsed %v: an added entry and a read one differ", i, e.raw == nil, f.Entries[i].raw == nil)
		}
	}
	// Other bytes than the file's do not fit its record.
	if len(data) > 0 {
		if _, err := FromRecord(append(data[:len(data):len(data)], '\n'), raw); err == nil {
			t.Fatal("a record was read with bytes longer than its file's")
		}
	}
	if !cuts {
		return
	}
	for n := range len(raw) {
		if _, err := FromRecord(data, raw[:n]); err == nil {
			t.Fatalf("a record cut at %d of %d bytes was read", n, len(raw))
		}
	}
}

func TestFromRecord(t *testing.T) {
	for _, path := range seedFiles(t) {
		t.Run(path, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			f, err := Parse(data)
			if err != nil {
				t.Skip("does not parse")
			}
			if _, ok := f.Record(); !ok {
				if f.charset == nil {
					t.Fatal("a UTF-8 file was not recorded")
				}
				return
			}
			checkRecord(t, data, f, len(data) < 4000)
			// An edit of the decoded file is the edit of the parsed one.
			raw, _ := f.Record()
			d, _ := FromRecord(data, raw)
			if string(d.Encode()) != string(f.Encode()) {
				t.Error("the decoded file writes other bytes")
			}
			for i, e := range d.Entries {
				if !e.IsHeader() {
					e.Translations = []string{"edited"}
					f.Entries[i].Translations = []string{"edited"}
					break
				}
			}
			if string(d.Encode()) != string(f.Encode()) {
				t.Error("an edit of the decoded file writes other bytes")
			}
		})
	}
}

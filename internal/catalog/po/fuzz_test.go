package po

import (
	"bytes"
	"os"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// FuzzParse checks that Parse never panics, that Encode gives back the
// input byte for byte, and that an edited file parses and reads back the
// edit.
func FuzzParse(f *testing.F) {
	for _, path := range seedFiles(f) {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Parse(data)
		if err != nil {
			return
		}
		if got := file.Encode(); !bytes.Equal(got, data) {
			t.Fatalf("Encode(Parse(x)) != x:\n%s", cmp.Diff(string(data), string(got)))
		}
		if file.charset == nil {
			checkRecord(t, data, file, false)
		}
		file.Stats()
		file.HeaderFields()
		file.PluralForms()

		var target *Entry
		for _, e := range file.Entries {
			if !e.IsHeader() {
				target = e
				break
			}
		}
		if target != nil {
			forms := []string{"edited \"value\"\n\twith\x01 escapes and a line long enough to be wrapped at column 79"}
			if target.HasPlural {
				forms = append(forms, "", "third form")
			}
			target.SetTranslations(forms...)
			target.SetFuzzy(!target.IsFuzzy())
			prev := &Previous{ID: "previous\nmsgid"}
			if target.HasPlural {
				prev.HasPlural, prev.Plural = true, "previous plural"
			}
			target.SetPrevious(prev)
		}
		var obsoleted *Entry
		for _, e := range slices.Backward(file.Entries) {
			if e != target && !e.IsHeader() && !e.Obsolete {
				obsoleted = e
				break
			}
		}
		if obsoleted != nil {
			obsoleted.MarkObsolete()
		}
		added := &Entry{Comments: []string{"added"}, Flags: []string{"c-format"}, ID: "fuzz added entry", Translations: []string{"añadido"}}
		for file.Add(added) != nil {
			added.ID += "+"
		}
		out := file.Encode()
		back, err := Parse(out)
		if err != nil {
			t.Fatalf("edited file does not parse: %v\n%s", err, out)
		}
		if back.Lookup(added.ID) == nil {
			t.Fatalf("added entry %q not read back:\n%s", added.ID, out)
		}
		for i, e := range file.Entries {
			if e == target || e == obsoleted || e == added {
				continue
			}
			if !bytes.Equal(bytes.TrimRight(back.Entries[i].raw, "\r\n"), bytes.TrimRight(e.raw, "\r\n")) {
				t.Fatalf("untouched entry %d changed: %q became %q", i, e.raw, back.Entries[i].raw)
			}
		}
		if obsoleted != nil && !back.Entries[slices.Index(file.Entries, obsoleted)].Obsolete {
			t.Fatalf("entry not read back as obsolete:\n%s", out)
		}
		if target == nil {
			return
		}
		i := slices.Index(file.Entries, target)
		if i >= len(back.Entries) {
			t.Fatalf("edited entry lost:\n%s", out)
		}
		got := back.Entries[i]
		if got.ID != target.ID || !slices.Equal(got.Translations, target.Translations) ||
			!slices.Equal(got.Flags, target.Flags) || *got.Previous != *target.Previous {
			t.Fatalf("edit not read back (-want +got):\n%s\n%s", cmp.Diff(target, got, cmpopts.IgnoreUnexported(Entry{})), out)
		}
	})
}

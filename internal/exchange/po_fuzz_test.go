package exchange

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/glosa/glosa/internal/catalog/po"
)

// FuzzReadPO checks that ReadPO never panics, and that whatever it reads
// and WritePO can write survives being written and read again.
func FuzzReadPO(f *testing.F) {
	samples, _ := filepath.Glob(filepath.Join("..", "catalog", "po", "testdata", "*.po"))
	for _, s := range samples {
		data, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, file := range []*File{spanishFile(), trickyFile()} {
		var buf bytes.Buffer
		if err := WritePO(&buf, file, false); err != nil {
			f.Fatal(err)
		}
		f.Add(buf.Bytes())
	}
	f.Add([]byte("msgid \"\"\nmsgstr \"Language: pl\\nPlural-Forms: nplurals=4; plural=0;\\n\"\n\n#, fuzzy\n#| msgid \"o\"\nmsgctxt \"c\"\nmsgid \"a\"\nmsgid_plural \"b\"\nmsgstr[0] \"x\"\nmsgstr[3] \"y\"\n\n#~ msgid \"gone\"\n#~ msgstr \"ido\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		want, err := ReadPO(data)
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if err := WritePO(&buf, want, false); err != nil {
			return // an empty msgid, a language without plural rules: refused, not lost
		}
		if want.Original == "" {
			want.Original = "glosa" // WritePO's default Project-Id-Version
		}
		for i := range want.Units {
			u := &want.Units[i]
			if !u.Plural() {
				u.Target = newlined(u.Source, u.Target)
			} else {
				if u.SourceForms["one"] == "" {
					// WritePO's msgid is the "other" form when there is
					// no "one" (a source language without it), and
					// ReadPO reads msgid as "one".
					u.SourceForms["one"] = u.SourceForms["other"]
				}
				for c, t := range u.TargetForms {
					u.TargetForms[c] = newlined(u.SourceForms["one"], t)
				}
			}
			if !u.HasTarget() {
				u.State, u.Previous = New, "" // a translation of newlines only
			}
		}
		got, err := ReadPO(buf.Bytes())
		if err != nil {
			t.Fatalf("reading what was written: %v\n%s", err, buf.Bytes())
		}
		if diff := cmp.Diff(want, got, cmpopts.EquateEmpty(), ignoreLine); diff != "" {
			t.Fatalf("round trip (-read first +read again):\n%s\n%s", diff, buf.Bytes())
		}
	})
}

// newlined is the translation t of msgid as WritePO writes it: beginning
// and ending with a newline when msgid does, as msgfmt -c requires.
func newlined(msgid, t string) string {
	e := &po.Entry{ID: msgid, Translations: []string{t}}
	matchNewlines(e)
	return e.Translations[0]
}

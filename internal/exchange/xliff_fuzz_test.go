package exchange

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// FuzzReadXLIFF checks that whatever ReadXLIFF accepts survives being
// written in either version and read again.
func FuzzReadXLIFF(f *testing.F) {
	samples, _ := filepath.Glob(filepath.Join("testdata", "xliff", "*.xlf"))
	for _, s := range samples {
		data, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, w := range writers {
		var buf bytes.Buffer
		if err := w.write(&buf, trickyFile()); err != nil {
			f.Fatal(err)
		}
		f.Add(buf.Bytes())
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		want, err := ReadXLIFF(data)
		if err != nil {
			return
		}
		for _, w := range writers {
			var buf bytes.Buffer
			if err := w.write(&buf, want); err != nil {
				t.Fatalf("%s: writing what was read: %v", w.name, err)
			}
			got, err := ReadXLIFF(buf.Bytes())
			if err != nil {
				t.Fatalf("%s: reading what was written: %v\n%s", w.name, err, buf.Bytes())
			}
			if diff := cmp.Diff(want, got, ignoreFormat); diff != "" {
				t.Fatalf("%s: round trip (-read first +read again):\n%s\n%s", w.name, diff, buf.Bytes())
			}
		}
	})
}

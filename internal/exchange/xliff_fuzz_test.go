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
	// Plural groups that are not quite plural, and units without targets.
	f.Add([]byte(`<xliff version="1.2"><file source-language="en"><body>
<group restype="x-gettext-plurals"><trans-unit id="a[one]"><source>x</source></trans-unit><trans-unit id="b[other]"><source>y</source></trans-unit></group>
<group restype="x-gettext-plurals"><trans-unit id="c[one]" translate="no"><source/></trans-unit><trans-unit id="c[one]"><source/></trans-unit></group>
<group restype="x-gettext-plurals"><note>n</note><trans-unit id="d[few]" translate="no"><source>f</source></trans-unit></group>
</body></file></xliff>`))
	f.Add([]byte(`<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en"><file id="f">
<group id="g" type="glosa:plural"><unit id="u" name="p[other]"><ignorable><source> </source></ignorable></unit><unit id="v" name="p[one]"><segment><source>o</source><target/></segment></unit></group>
<unit id="w"><notes><note category="location">a:b</note><note category="previous-source">p</note><note category="previous-source">q</note></notes><segment state="translated" subState="x:y"><source>s</source></segment></unit>
</file></xliff>`))
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
			if diff := cmp.Diff(want, got, ignoreFormat, ignoreErr); diff != "" {
				t.Fatalf("%s: round trip (-read first +read again):\n%s\n%s", w.name, diff, buf.Bytes())
			}
		}
	})
}

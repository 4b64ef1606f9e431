package exchange

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/glosa/glosa/internal/limits"
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
	// Nesting just past the limit, in groups and in inline codes.
	deep := func(open, close string) []byte {
		n := limits.Depth
		return []byte(`<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en"><body>` +
			strings.Repeat(open, n) + strings.Repeat(close, n) + `</body></file></xliff>`)
	}
	f.Add(deep("<group>", "</group>"))
	f.Add(deep(`<trans-unit id="a"><source>x</source><target><g id="1">`, `</g></target></trans-unit>`))
	f.Add(deep(`<trans-unit id="a"><source><ph id="1">`, `</ph></source></trans-unit>`))
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
	// Inline tags a translator's tool moved, emptied, doubled or renamed.
	f.Add([]byte(`<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:glosa="https://github.com/glosa/glosa/xliff"><file source-language="en"><body>
<trans-unit id="a" glosa:kind="paragraph"><source>Run <ph id="1">` + "`go`" + `</ph> in <bpt id="2">[</bpt>the docs<ept id="2">](/x/)</ept></source><target>In <bpt id="2"/>la doc<ept id="2"/>, <ph id="1"/> <ph id="1"/></target></trans-unit>
<trans-unit id="b" glosa:kind="message" glosa:flags="c-format"><source><ph id="1">%d</ph> of <g id="2">%s</g></source><target><ph id="3">%d</ph></target></trans-unit>
</body></file></xliff>`))
	f.Add([]byte(`<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en"><file id="f">
<unit id="u"><originalData><data id="d1">[</data><data id="d2">](/x/)</data><data id="d3">{{.Name}}</data></originalData>
<segment><source>A <pc id="1" dataRefStart="d1" dataRefEnd="d2">b <ph id="2" dataRef="d3"/></pc></source><target><ph id="2" dataRef="d3"/> <pc id="1" dataRefStart="d1" dataRefEnd="d1">c</pc> <ph id="5" dataRef="d2"/></target></segment></unit>
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
			if diff := cmp.Diff(want, got, ignoreFormat, ignoreLine, ignoreErr); diff != "" {
				t.Fatalf("%s: round trip (-read first +read again):\n%s\n%s", w.name, diff, buf.Bytes())
			}
		}
	})
}

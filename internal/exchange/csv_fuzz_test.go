package exchange

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// FuzzReadCSV checks that whatever ReadCSV accepts, WriteCSV writes in a
// form ReadCSV reads back the same.
func FuzzReadCSV(f *testing.F) {
	var b bytes.Buffer
	if err := WriteCSV(&b, spanishFile()); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	f.Add([]byte("id,it,es\nx,a,b\n"))
	f.Add([]byte("id,kind,state,it,es,notes,references\r\nn[one],message,new,a,,\"x\ny\",p:1 q:2\r\nn[other],message,translated,b,c,,\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		first, err := ReadCSV(data)
		if err != nil {
			return
		}
		var out bytes.Buffer
		if err := WriteCSV(&out, first); err != nil {
			return // text a CSV cell cannot hold is refused, not mangled
		}
		second, err := ReadCSV(out.Bytes())
		if err != nil {
			t.Fatalf("ReadCSV of WriteCSV's output: %v\n%q", err, out.String())
		}
		if diff := cmp.Diff(first, second, cmpopts.EquateEmpty(), ignoreLine); diff != "" {
			t.Errorf("round trip changed the file (-first +second):\n%s", diff)
		}
	})
}
